from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis

from schemas.wire import from_fields
from services.common.settings import Settings
from services.ingest.api import create_app
from tests.factories import ARTICLE_TEXT, unique_id


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    small = settings.model_copy(update={"max_body_bytes": 20_000})
    transport = httpx.ASGITransport(app=create_app(small))
    async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as c:
        yield c


async def test_post_publishes_once_and_returns_the_same_id(
    client: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    article = {"title": "Market hit", "body": ARTICLE_TEXT, "source": "wire", "published_at": "2024-03-14"}
    first = await client.post("/articles", json=article)
    second = await client.post("/articles", json=article)
    assert first.status_code == second.status_code == 202
    assert first.json()["article_id"] == second.json()["article_id"]
    assert not first.json()["duplicate"] and second.json()["duplicate"]
    assert second.json()["entry_id"] == first.json()["entry_id"]
    ((entry_id, fields),) = await redis.xrange(settings.streams.articles)
    event = from_fields(fields)
    assert entry_id == first.json()["entry_id"]
    assert event.article_id == first.json()["article_id"] and event.source == "wire"


async def test_client_id_is_kept(client: httpx.AsyncClient) -> None:
    article_id = unique_id()
    response = await client.post("/articles", json={"title": "t", "body": "b", "id": article_id})
    assert response.json()["article_id"] == article_id


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": "text"}, "title"),
        ({"title": "t"}, "body"),
        ({"title": "t", "body": "   "}, "body"),
        ({"title": "t", "body": "b", "published_at": "yesterday"}, "published_at"),
        ({"title": "t", "body": "b", "colour": "red"}, "colour"),
    ],
)
async def test_invalid_article_names_the_field(client: httpx.AsyncClient, payload: dict, field: str) -> None:
    response = await client.post("/articles", json=payload)
    assert response.status_code == 422
    assert field in {loc for error in response.json()["detail"] for loc in error["loc"]}


async def test_invalid_json_and_empty_request_are_refused(
    client: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    bad = await client.post("/articles", content=b"{not json", headers={"content-type": "application/json"})
    empty = await client.post("/articles", content=b"", headers={"content-type": "application/json"})
    assert bad.status_code == 422 and empty.status_code == 422
    assert await redis.xlen(settings.streams.articles) == 0


async def test_oversized_body_is_refused_with_413(
    client: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    response = await client.post("/articles", json={"title": "t", "body": "x" * 30_000})
    assert response.status_code == 413
    assert await redis.xlen(settings.streams.articles) == 0
