from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from services.common.settings import Settings
from tests.redis_server import redis_url_for_tests, unique_prefix


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from redis_url_for_tests(Path(tmp_path_factory.mktemp("redis")))


@pytest.fixture
def settings(redis_url: str) -> Settings:
    return Settings(
        redis_url=redis_url,
        key_prefix=unique_prefix(),
        extractor_metrics_port=0,
        # Above the budget (settings refuse less); small, so reclaim tests stay quick.
        claim_idle_ms=3000,
        extract_timeout_s=2.5,
        max_deliveries=2,
        consumer_name="test-consumer",
    )


@pytest.fixture
async def redis(settings: Settings) -> AsyncIterator[Redis]:
    client = Redis.from_url(settings.require_redis_url(), decode_responses=True)
    yield client
    async for key in client.scan_iter(match=f"{settings.key_prefix}:*", count=1000):
        await client.unlink(key)
    await client.aclose()
