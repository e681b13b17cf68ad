"""Redis connections for the services' own commands (FastStream keeps its own)."""

from __future__ import annotations

from redis.asyncio import Redis

from services.common.settings import Settings


def connect(settings: Settings) -> Redis:
    """A client that returns str; nothing connects until the first command."""
    return Redis.from_url(settings.require_redis_url(), decode_responses=True)
