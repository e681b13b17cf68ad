"""Connections to Redis: the services' own client, and FastStream's broker.

Both follow `SITREP_REDIS_CLUSTER`: a single node, or a Redis Cluster (then every key
shares the prefix's hash tag, see Settings).
"""

from __future__ import annotations

from faststream.redis import RedisBroker, RedisClusterBroker
from redis.asyncio import Redis, RedisCluster

from services.common.logging import FASTSTREAM_MESSAGE_LEVEL, faststream_logger
from services.common.settings import Settings


def connect(settings: Settings) -> Redis:
    """A client that returns str; nothing connects until the first command."""
    if settings.redis_cluster:
        # Same command API; typed as Redis so callers need not care which one they hold.
        return RedisCluster.from_url(settings.require_redis_url(), decode_responses=True)  # type: ignore[return-value]
    return Redis.from_url(settings.require_redis_url(), decode_responses=True)


def make_broker(settings: Settings) -> RedisBroker:
    broker_class = RedisClusterBroker if settings.redis_cluster else RedisBroker
    return broker_class(
        settings.require_redis_url(), logger=faststream_logger(), log_level=FASTSTREAM_MESSAGE_LEVEL
    )
