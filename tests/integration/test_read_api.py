"""The projector's HTTP API in-process (ASGI), with its subscribers on a real Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from spacy.language import Language

from services.common.event_store import EventStore
from services.common.settings import Settings
from services.projector.service import create_app, run_projection
from tests.factories import article_event, publish_extracted


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    app = create_app(settings)
    async with run_projection(app.state.runtime):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://read") as client:
            yield app, client


async def test_read_your_write_then_filter_and_paginate(
    api: tuple[FastAPI, httpx.AsyncClient], redis: Redis, settings: Settings, nlp: Language
) -> None:
    _, client = api
    article_id = await publish_extracted(redis, settings, nlp)
    response = await client.get("/statements", params={"wait_for_article": article_id, "limit": 1})
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 1 and page["items"][0]["statement_id"]

    article = (await client.get(f"/articles/{article_id}")).json()
    assert article["status"] == "extracted" and article["complete"]
    seen = [page["items"][0]["statement_id"]]
    while page["next_cursor"]:
        page = (await client.get("/statements", params={"limit": 1, "cursor": page["next_cursor"]})).json()
        seen += [s["statement_id"] for s in page["items"]]
    assert len(seen) == len(set(seen)) == article["statements"]

    speaker = page["items"][0]["speaker"] if page["items"] else None
    if speaker:
        by_speaker = (await client.get("/statements", params={"speaker": speaker})).json()["items"]
        assert by_speaker and {s["speaker"] for s in by_speaker} == {speaker}
    speakers = (await client.get("/speakers")).json()["items"]
    assert sum(s["statements"] for s in speakers) == article["statements"]
    assert (await client.get("/articles", params={"status": "failed"})).json()["items"] == []


async def test_waiting_for_an_article_never_published_answers_404_at_once(
    api: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    _, client = api
    # wait_ms is long: a 404 that waited would make this test take 30 s.
    response = await client.get("/statements", params={"wait_for_article": "nope", "wait_ms": 30_000})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found" and "nope" in response.json()["message"]


async def test_waiting_for_an_article_not_yet_extracted_times_out(
    api: tuple[FastAPI, httpx.AsyncClient], redis: Redis, settings: Settings
) -> None:
    _, client = api
    event = article_event()
    await EventStore(redis).append(settings.streams.articles, event)  # no extractor runs here
    response = await client.get("/strikes", params={"wait_for_article": event.article_id, "wait_ms": 100})
    assert response.status_code == 504 and response.json()["code"] == "timeout"


async def test_health_readiness_metrics_and_bad_cursor(api: tuple[FastAPI, httpx.AsyncClient]) -> None:
    _, client = api
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).status_code == 200
    metrics = (await client.get("/metrics")).text
    assert "sitrep_stream_length" in metrics and "sitrep_dead_letters" in metrics
    assert "sitrep_projection_lag" in metrics
    assert (await client.get("/statements", params={"cursor": "%%%"})).status_code == 422
    assert (await client.get("/dead-letters", params={"cursor": "x"})).status_code == 422
    assert (await client.get("/articles/missing")).status_code == 404


async def test_dead_letters_are_listed(
    api: tuple[FastAPI, httpx.AsyncClient], redis: Redis, settings: Settings
) -> None:
    app, client = api
    await redis.xadd(settings.streams.statements, {"event_type": "StatementExtracted", "data": "[]"})
    for _ in range(100):
        items = (await client.get("/dead-letters")).json()["items"]
        if items:
            break
        await asyncio.sleep(0.05)
    (letter,) = items
    assert letter["reason"] == "unreadable" and letter["stream"] == settings.streams.statements
