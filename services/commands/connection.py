"""Settings and a Redis client for commands run beside a stack."""

from __future__ import annotations

import typer
from redis.asyncio import Redis

from services.common.logging import configure_logging
from services.common.redis_client import connect
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
    return connect(settings)
