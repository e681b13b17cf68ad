"""Ingest under abuse, in-process (ASGI) on a real Redis: oversized and chunked bodies,
wrong content types, conflicting reposts, bad dates and control characters, API keys."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from redis.asyncio import Redis
from structlog.testing import capture_logs

from services.common.settings import Settings
from services.ingest.api import create_app
from tests.factories import ARTICLE_TEXT, unique_id

CAP = 20_000
KEYS = ("k-alpha-7f3c9e", "k-beta-21d8aa")


def _client(settings: Settings, **update: object) -> httpx.AsyncClient:
    app = create_app(settings.model_copy(update={"max_body_bytes": CAP, **update}))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://ingest")


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(settings) as c:
        yield c


@pytest.fixture
async def keyed(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    from pydantic import SecretStr

    async with _client(settings, api_key=SecretStr(",".join(KEYS))) as c:
        yield c


def _error_model(response: httpx.Response, status: int) -> dict[str, object]:
    body = response.json()
    assert response.status_code == status, body
    assert body["status"] == status and isinstance(body["code"], str) and body["message"]
    assert isinstance(body["detail"], list)
    return body


async def test_chunked_upload_is_refused_after_the_cap_without_reading_the_rest(
    client: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    pulled = 0
    chunk = b"x" * 4096
    total_chunks = 50_000  # 200 MB if it were all read

    async def body() -> AsyncIterator[bytes]:
        nonlocal pulled
        yield b'{"title": "t", "body": "'
        for _ in range(total_chunks):
            pulled += len(chunk)
            yield chunk

    # A generator body has no Content-Length: httpx sends it chunked.
    response = await client.post("/articles", content=body(), headers={"content-type": "application/json"})
    _error_model(response, 413)
    assert pulled <= CAP + len(chunk)
    assert await redis.xlen(settings.streams.articles) == 0


async def test_declared_oversize_is_refused_before_reading(client: httpx.AsyncClient) -> None:
    response = await client.post("/articles", json={"title": "t", "body": "x" * (CAP + 1)})
    _error_model(response, 413)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
async def test_wrong_content_type_is_415(
    client: httpx.AsyncClient, redis: Redis, settings: Settings, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    payload = json.dumps({"title": "t", "body": "b"}).encode()
    response = await client.post("/articles", content=payload, headers=headers)
    _error_model(response, 415)
    assert await redis.xlen(settings.streams.articles) == 0


async def test_repost_with_other_content_is_409_naming_the_stored_event(
    client: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    article = {"id": unique_id(), "title": "Market hit", "body": ARTICLE_TEXT, "published_at": "2024-03-14"}
    first = await client.post("/articles", json=article)
    assert first.status_code == 202
    again = await client.post("/articles", json=article)
    assert again.status_code == 202 and again.json()["duplicate"] is True
    for change in ({"title": "Market hit again"}, {"published_at": "2024-03-15"}, {"body": "other"}):
        response = await client.post("/articles", json={**article, **change})
        body = _error_model(response, 409)
        assert first.json()["event_id"] in str(body["message"])
        assert first.json()["entry_id"] in str(body["message"])
        assert next(iter(change)) in str(body["message"])
    assert await redis.xlen(settings.streams.articles) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"published_at": 1710374400}, "published_at"),
        ({"published_at": "1899-12-31"}, "published_at"),
        ({"published_at": "0001-01-01"}, "published_at"),
        ({"published_at": f"{datetime.now(UTC).year + 2}-01-01"}, "published_at"),
        ({"published_at": "2024-02-30"}, "published_at"),
        ({"published_at": "2024-03-14T10:00:00"}, "published_at"),
        ({"title": "bad\x00title"}, "title"),
        ({"title": "two\nlines"}, "title"),
        ({"title": "bell\x07"}, "title"),
        ({"body": "nul \x00 in text"}, "body"),
    ],
)
async def test_bad_dates_and_control_characters_are_422(
    client: httpx.AsyncClient, change: dict[str, object], field: str
) -> None:
    response = await client.post("/articles", json={"title": "t", "body": "b", **change})
    body = _error_model(response, 422)
    assert body["code"] == "validation_error"
    assert field in {loc for item in body["detail"] for loc in item["loc"]}  # type: ignore[union-attr]


async def test_tabs_and_newlines_in_the_body_are_fine(client: httpx.AsyncClient) -> None:
    response = await client.post("/articles", json={"title": "t", "body": "a\tb\r\nc", "id": unique_id()})
    assert response.status_code == 202


async def test_writes_need_a_key_and_nothing_is_published_without_one(
    keyed: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    article = {"title": "t", "body": "b", "id": unique_id()}
    for headers in (
        {},
        {"X-API-Key": "wrong"},
        {"Authorization": "Bearer wrong"},
        {"Authorization": KEYS[0]},
    ):
        response = await keyed.post("/articles", json=article, headers=headers)
        _error_model(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"
    assert await redis.xlen(settings.streams.articles) == 0
    by_bearer = await keyed.post("/articles", json=article, headers={"Authorization": f"Bearer {KEYS[0]}"})
    by_header = await keyed.post("/articles", json=article, headers={"X-API-Key": KEYS[1]})
    assert by_bearer.status_code == by_header.status_code == 202
    assert await redis.xlen(settings.streams.articles) == 1
    assert (await keyed.get("/healthz")).status_code == 200


async def test_no_key_reaches_the_logs(keyed: httpx.AsyncClient) -> None:
    with capture_logs() as logs:
        await keyed.post("/articles", json={"title": "t", "body": "b"}, headers={"X-API-Key": "guess-me-1"})
        await keyed.post(
            "/articles",
            json={"title": "t", "body": "b", "id": unique_id()},
            headers={"Authorization": f"Bearer {KEYS[0]}"},
        )
    assert {entry["event"] for entry in logs} >= {"http_request", "article_accepted"}
    text = repr(logs)
    assert "guess-me-1" not in text and KEYS[0] not in text and KEYS[1] not in text


def test_keys_stay_out_of_the_settings_repr() -> None:
    settings = Settings(api_key="k1,k2", read_api_key="r1")  # type: ignore[arg-type]
    assert settings.write_keys() == {"k1", "k2"} and settings.read_keys() == {"r1"}
    assert "k1" not in repr(settings) and "r1" not in repr(settings)


async def test_conflict_is_found_on_the_articles_shard(settings: Settings, redis: Redis) -> None:
    sharded = settings.model_copy(update={"stream_shards": 3})
    async with _client(sharded) as client:
        article = {"id": unique_id(), "title": "t", "body": "b"}
        assert (await client.post("/articles", json=article)).status_code == 202
        assert (await client.post("/articles", json=article)).json()["duplicate"] is True
        assert (await client.post("/articles", json={**article, "title": "other"})).status_code == 409
