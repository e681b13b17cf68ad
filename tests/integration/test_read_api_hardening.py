"""The read API's contract under bad input, its keys, and dead-letter management, in-process
(ASGI) with its subscribers on a real Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from services.common.settings import Settings
from services.projector.service import create_app, run_projection

WRITE, READ = "w-key-93be01", "r-key-5521cd"


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with run_projection(app.state.runtime):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://read") as c:
            yield c


@pytest.fixture
async def keyed(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(
        settings.model_copy(update={"api_key": SecretStr(WRITE), "read_api_key": SecretStr(READ)})
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://read") as c:
        yield c


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/strikes", {"date_from": "2024-13-01"}, "date_from"),
        ("/strikes", {"date_to": "zzz"}, "date_to"),
        ("/statements", {"since": "zzz"}, "since"),
        ("/statements", {"until": "2024-02-30T00:00:00"}, "until"),
        ("/statements", {"limit": "0"}, "limit"),
    ],
)
async def test_filters_that_are_not_dates_are_422_in_the_error_model(
    client: httpx.AsyncClient, path: str, params: dict[str, str], field: str
) -> None:
    response = await client.get(path, params=params)
    body = response.json()
    assert response.status_code == 422 and body["status"] == 422 and body["code"] == "validation_error"
    assert any(item["loc"] == ["query", field] for item in body["detail"])


async def test_valid_date_filters_answer(client: httpx.AsyncClient) -> None:
    assert (await client.get("/strikes", params={"date_from": "2024-01-01"})).status_code == 200
    assert (await client.get("/statements", params={"since": "2024-01-01T00:00:00Z"})).status_code == 200


async def test_unknown_route_and_method_use_the_error_model(client: httpx.AsyncClient) -> None:
    missing = await client.get("/nowhere")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = await client.put("/articles")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"


async def test_reads_need_the_read_key_and_writes_the_write_key(keyed: httpx.AsyncClient) -> None:
    assert (await keyed.get("/articles")).status_code == 401
    assert (await keyed.get("/dead-letters")).status_code == 401
    assert (await keyed.get("/articles", headers={"X-API-Key": READ})).status_code == 200
    # A write key reads too; a read key does not write.
    assert (await keyed.get("/articles", headers={"Authorization": f"Bearer {WRITE}"})).status_code == 200
    assert (await keyed.post("/replay", headers={"X-API-Key": READ})).status_code == 401
    assert (await keyed.post("/dead-letters/1-0/retry", headers={"X-API-Key": READ})).status_code == 401
    assert (await keyed.delete("/dead-letters/1-0")).status_code == 401
    # Probes stay open so an orchestrator needs no key.
    assert (await keyed.get("/healthz")).status_code == 200


async def _dead_letter(client: httpx.AsyncClient, redis: Redis, settings: Settings) -> dict[str, object]:
    # An unreadable entry on a derived stream: the projector dead-letters it at once.
    await redis.xadd(settings.streams.statements, {"event_type": "StatementExtracted", "data": "[]"})
    for _ in range(200):
        items = (await client.get("/dead-letters")).json()["items"]
        if items:
            return dict(items[0])
        await asyncio.sleep(0.05)
    raise AssertionError("no dead letter appeared")


async def test_dead_letter_show_retry_and_drop(
    client: httpx.AsyncClient, redis: Redis, settings: Settings
) -> None:
    letter = await _dead_letter(client, redis, settings)
    entry_id = str(letter["entry_id"])
    shown = (await client.get(f"/dead-letters/{entry_id}")).json()
    assert shown["reason"] == "unreadable" and shown["resolution"] is None
    before = await redis.xlen(settings.streams.statements)
    retried = await client.post(f"/dead-letters/{entry_id}/retry")
    assert retried.status_code == 200 and retried.json()["resolution"]["action"] == "retried"
    assert await redis.xlen(settings.streams.statements) == before + 1
    again = await client.post(f"/dead-letters/{entry_id}/retry")
    assert again.status_code == 409 and again.json()["code"] == "conflict"
    assert entry_id not in [i["entry_id"] for i in (await client.get("/dead-letters")).json()["items"]]
    everything = (await client.get("/dead-letters", params={"resolved": "true"})).json()["items"]
    assert entry_id in [i["entry_id"] for i in everything]
    # The retried entry is still unreadable, so it comes back as a new letter: drop that one.
    for _ in range(200):
        fresh = [i for i in (await client.get("/dead-letters")).json()["items"] if i["entry_id"] != entry_id]
        if fresh:
            break
        await asyncio.sleep(0.05)
    dropped = await client.delete(f"/dead-letters/{fresh[0]['entry_id']}")
    assert dropped.status_code == 200 and dropped.json()["resolution"]["action"] == "dropped"
    assert (await client.get("/dead-letters")).json()["items"] == []
    assert (await client.get("/dead-letters/99-0")).status_code == 404
    assert (await client.get("/dead-letters/nope")).status_code == 422


async def test_replay_over_http(client: httpx.AsyncClient) -> None:
    response = await client.post("/replay")
    assert response.status_code == 200 and isinstance(response.json()["applied"], dict)


@pytest.mark.parametrize("cursor", ["0-0", "000-0", "0000000000000000000-0000000000000000000"])
async def test_dead_letter_cursor_at_the_start_is_an_empty_page(
    client: httpx.AsyncClient, cursor: str
) -> None:
    response = await client.get("/dead-letters", params={"cursor": cursor})
    assert response.status_code == 200 and response.json() == {"items": [], "next_cursor": None}
