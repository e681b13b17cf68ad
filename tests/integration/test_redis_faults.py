"""Consumers against a redis-server of their own that the test stops and starts: a restart
that loses everything (no persistence), and an outage under load (with persistence)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.embedded_redis import EmbeddedRedis
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.extractor.service import ExtractorApp, build_app
from services.projector.service import ProjectorRuntime, build_runtime, run_projection
from tests.factories import article_event
from tests.redis_server import unique_prefix


async def wait_until(check: Callable[[], Any], timeout: float = 90.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        with contextlib.suppress(RedisError, OSError):
            if await check():
                return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.1)


OUTAGE_S = 10.0


@pytest.fixture(params=[False, True], ids=["no-persistence", "aof"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EmbeddedRedis]:
    redis_server = EmbeddedRedis(tmp_path / "redis", persist=request.param)
    redis_server.start()
    yield redis_server
    redis_server.stop()


@pytest.fixture
def fault_settings(server: EmbeddedRedis) -> Settings:
    return Settings(
        redis_url=server.url,
        key_prefix=unique_prefix(),
        extractor_metrics_port=0,
        claim_idle_ms=3000,
        extract_timeout_s=2.5,
        consumer_name="fault-consumer",
    )


@pytest.fixture
async def consumers(fault_settings: Settings) -> AsyncIterator[tuple[ExtractorApp, ProjectorRuntime]]:
    extractor = build_app(fault_settings)
    task = asyncio.create_task(extractor.run())
    runtime = build_runtime(fault_settings)
    async with run_projection(runtime):
        yield extractor, runtime
    extractor.exit()
    await asyncio.wait_for(task, 20)


async def post(settings: Settings, count: int) -> list[str]:
    client = Redis.from_url(settings.require_redis_url(), decode_responses=True)
    events = [article_event() for _ in range(count)]
    try:
        for event in events:
            await EventStore(client).append(settings.streams.articles, event)
    finally:
        await client.aclose()
    return [e.article_id for e in events]


async def settled(settings: Settings, runtime: ProjectorRuntime, article_ids: list[str]) -> bool:
    """Every article extracted, and the projector's checkpoint at the last extraction."""
    client = Redis.from_url(settings.require_redis_url(), decode_responses=True)
    try:
        done = {f["correlation_id"] for _, f in await client.xrange(settings.streams.extractions)}
        last = await client.xrevrange(settings.streams.extractions, count=1)
    finally:
        await client.aclose()
    checkpoint = await runtime.projector.checkpoint(settings.streams.extractions)
    return set(article_ids) <= done and bool(last) and checkpoint == last[0][0]


async def test_consumers_carry_on_after_redis_restarts(
    server: EmbeddedRedis, fault_settings: Settings, consumers: tuple[ExtractorApp, ProjectorRuntime]
) -> None:
    """Without persistence the restart loses the streams and the group (NOGROUP); with AOF
    it loses nothing. Either way both consumers resume on their own."""
    extractor, runtime = consumers
    first = await post(fault_settings, 3)
    await wait_until(lambda: settled(fault_settings, runtime, first))

    # Stopped with articles in flight: for the outage (AOF) as long as issue 12 saw, 10 s.
    in_flight = await post(fault_settings, 4)
    server.stop()
    loop = asyncio.get_running_loop()
    back_at = loop.time() + (OUTAGE_S if server.persist else 0)

    async def noticed() -> bool:
        return not extractor.readiness()["redis"] and loop.time() >= back_at

    await wait_until(noticed)
    server.start()
    after = await post(fault_settings, 3)
    expected = after if not server.persist else [*first, *in_flight, *after]
    await wait_until(lambda: settled(fault_settings, runtime, expected))
    assert extractor.readiness() == {"redis": True, "worker": True}
