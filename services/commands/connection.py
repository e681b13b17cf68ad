"""Settings and a Redis client for commands run beside a stack."""

from __future__ import annotations

import typer
from redis.asyncio import Redis, RedisCluster

from services.common.logging import configure_logging
from services.common.settings import Settings
from services.common.stack_record import with_running_stack


def stack_settings() -> Settings:
    """The environment's settings, completed by the running stack's record (stack.json)."""
    settings = with_running_stack(Settings())
    configure_logging(settings.log_level, settings.log_format)
    if not settings.redis_url:
        typer.echo("no running stack found: start one with `sitrep up` (make run) or set REDIS_URL", err=True)
        raise typer.Exit(2)
    return settings


def redis_for(settings: Settings) -> Redis:
    # A plain client, not services.common.redis_client: that imports FastStream, which
    # would double the start-up time of every command.
    if settings.redis_cluster:
        return RedisCluster.from_url(settings.require_redis_url(), decode_responses=True)  # type: ignore[return-value]
    return Redis.from_url(settings.require_redis_url(), decode_responses=True)
