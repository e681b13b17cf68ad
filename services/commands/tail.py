"""`sitrep tail STREAM`: follow a stream as its events arrive, one readable line each, or
the full event as one JSON line (`--json`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, cast

import typer
from redis.asyncio import Redis

from schemas.articles import ArticleReceived
from schemas.dead_letters import DeadLettered
from schemas.envelope import Event
from schemas.extractions import ArticleExtracted
from schemas.statements import StatementExtracted
from schemas.strikes import StrikeReported
from schemas.wire import WireError, from_fields
from services.commands.connection import redis_for, stack_settings
from services.common.settings import Settings


class TailStream(StrEnum):
    statements = "statements"
    strikes = "strikes"
    extractions = "extractions"
    articles = "articles"
    dead_letters = "dead-letters"


def stream_keys(settings: Settings, stream: TailStream) -> list[str]:
    """The stream of that kind in every shard (one unless the streams are sharded)."""
    if stream is TailStream.dead_letters:
        return [settings.streams.dead_letters]
    return [str(getattr(shard, stream.name)) for shard in settings.all_shard_streams()]


def summary(event: Event) -> str:
    """One line a person can scan."""
    if isinstance(event, StatementExtracted):
        s = event.statement
        return f"{s.speaker or 'unnamed'} ({s.kind}): \u201c{s.quote[:120]}\u201d"
    if isinstance(event, StrikeReported):
        k = event.strike
        place = ", ".join(p for p in (k.location.place, k.location.country) if p) or "?"
        toll = f", killed {k.casualties.killed}" if k.casualties and k.casualties.killed else ""
        return f"{k.actor} {k.kind} in {place} on {k.date or '?'}{toll}"
    if isinstance(event, ArticleExtracted):
        found = f"{len(event.statement_ids)} statements, {len(event.strike_ids)} strikes"
        return f"{found} in {event.duration_ms:.0f} ms"
    if isinstance(event, ArticleReceived):
        return f"\u201c{event.title[:100]}\u201d ({len(event.body)} chars)"
    if isinstance(event, DeadLettered):
        return f"{event.reason} from {event.stream} {event.entry_id}: {event.error[:120]}"
    return event.event_type


Fields = Mapping[bytes | str, bytes | str]
Batches = list[tuple[str, list[tuple[str, Fields]]]]


def render(entry_id: str, fields: Fields, as_json: bool) -> str:
    try:
        event = from_fields(fields)
    except WireError as exc:
        return (
            json.dumps({"entry_id": entry_id, "unreadable": str(exc)}) if as_json else f"{entry_id} ? {exc}"
        )
    if as_json:
        return json.dumps({"entry_id": entry_id, **event.model_dump(mode="json")}, ensure_ascii=False)
    return f"{entry_id}  {event.event_type:<18} {event.correlation_id}  {summary(event)}"


async def follow(redis: Redis, streams: list[str], start: str, limit: int | None, as_json: bool) -> int:
    """Print entries after `start` until `limit` were printed (forever when None)."""
    shown, positions = 0, dict.fromkeys(streams, start)
    while limit is None or shown < limit:
        request: dict[Any, Any] = dict(positions)
        batches = cast(Batches | None, await redis.xread(request, count=100, block=1000))
        for stream, entries in batches or []:
            for entry_id, fields in entries:
                positions[stream] = entry_id
                typer.echo(render(entry_id, fields, as_json))
                shown += 1
                if limit is not None and shown >= limit:
                    return shown
    return shown


async def _run(settings: Settings, stream: TailStream, start: str, limit: int | None, as_json: bool) -> None:
    redis = redis_for(settings)
    try:
        await follow(redis, stream_keys(settings, stream), start, limit, as_json)
    finally:
        await redis.aclose()


def tail(
    stream: Annotated[TailStream, typer.Argument(help="Which stream to follow")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event")] = False,
    from_start: Annotated[bool, typer.Option(help="Begin at the stream's first entry, not its end")] = False,
    count: Annotated[int | None, typer.Option(help="Stop after this many events")] = None,
) -> None:
    """Follow a stream: each event as it arrives. Ctrl-C stops."""
    settings = stack_settings()
    try:
        asyncio.run(_run(settings, stream, "0" if from_start else "$", count, as_json))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
