"""Managing dead letters: list, show, retry (append the original entry to its stream
again) and drop. Shared by the projector's HTTP API and `sitrep dead-letters`.

The dead-letter stream is history and is never trimmed; a resolution is recorded in a
hash beside it, and lists leave resolved letters out unless asked for them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from redis.asyncio import Redis

from schemas.dead_letters import DeadLettered
from schemas.envelope import now
from schemas.wire import WireError, from_fields
from services.common.settings import Settings

# 19 digits at most: always within the 64 bits Redis allows each part.
ENTRY_ID_PATTERN = r"^\d{1,19}-\d{1,19}$"
ENTRY_ID = re.compile(ENTRY_ID_PATTERN)
Action = Literal["retried", "dropped"]
# With decode_responses=True ids and fields are str; redis-py types them more loosely.
Entries = list[tuple[str, Mapping[bytes | str, bytes | str]]]


class UnknownDeadLetter(LookupError):
    """No dead letter at that entry id."""


class AlreadyResolved(Exception):
    """The dead letter was retried or dropped before."""


class InvalidEntryId(ValueError):
    """Not a stream entry id (`<ms>-<seq>`)."""


@dataclass(frozen=True)
class LetterPage:
    items: list[dict[str, Any]]
    next_cursor: str | None


def _view(entry_id: str, event: DeadLettered, resolution: str | None) -> dict[str, Any]:
    data = event.model_dump(mode="json")
    return {
        **data,
        "source_entry_id": data.pop("entry_id"),
        "entry_id": entry_id,
        "resolution": json.loads(resolution) if resolution else None,
    }


def _check_id(entry_id: str) -> None:
    if not ENTRY_ID.fullmatch(entry_id):
        raise InvalidEntryId(f"not a stream entry id: {entry_id!r}")


async def list_letters(
    redis: Redis, settings: Settings, limit: int, cursor: str | None = None, resolved: bool = False
) -> LetterPage:
    """Newest first; unreadable entries and (unless `resolved`) resolved ones are skipped."""
    if cursor:
        _check_id(cursor)
        ms, seq = (int(part) for part in cursor.split("-"))
        if ms == seq == 0:  # nothing precedes it (and Redis refuses an exclusive 0-0)
            return LetterPage([], None)
        cursor = f"{ms}-{seq}"
    stream = settings.streams.dead_letters
    entries = cast(
        Entries, await redis.xrevrange(stream, max=f"({cursor}" if cursor else "+", count=limit + 1)
    )
    page = entries[:limit]
    ids = [entry_id for entry_id, _ in page]
    resolutions = cast(
        list[str | None], await redis.hmget(settings.dead_letters_resolved, ids) if ids else []
    )
    items = []
    for (entry_id, fields), resolution in zip(page, resolutions, strict=True):
        if resolution and not resolved:
            continue
        try:
            event = from_fields(fields)
        except WireError:
            continue
        if isinstance(event, DeadLettered):
            items.append(_view(entry_id, event, resolution))
    next_cursor = page[-1][0] if len(entries) > limit else None
    return LetterPage(items, next_cursor)


async def _load(redis: Redis, settings: Settings, entry_id: str) -> tuple[DeadLettered, str | None]:
    _check_id(entry_id)
    entries = cast(Entries, await redis.xrange(settings.streams.dead_letters, min=entry_id, max=entry_id))
    if not entries:
        raise UnknownDeadLetter(f"no dead letter {entry_id}")
    try:
        event = from_fields(entries[0][1])
    except WireError as exc:
        raise UnknownDeadLetter(f"dead letter {entry_id} is unreadable: {exc}") from exc
    if not isinstance(event, DeadLettered):
        raise UnknownDeadLetter(f"entry {entry_id} is no dead letter")
    return event, cast(str | None, await redis.hget(settings.dead_letters_resolved, entry_id))


async def show(redis: Redis, settings: Settings, entry_id: str) -> dict[str, Any]:
    event, resolution = await _load(redis, settings, entry_id)
    return _view(entry_id, event, resolution)


async def resolve(redis: Redis, settings: Settings, entry_id: str, action: Action) -> dict[str, Any]:
    """Retry: the original fields go back on their stream as a new entry, so the consumers
    see them again (event ids are deterministic, so nothing downstream is duplicated)."""
    event, _ = await _load(redis, settings, entry_id)
    record: dict[str, Any] = {"action": action, "at": now().isoformat()}
    # HSETNX claims the letter first, so two concurrent retries cannot both append it.
    if not await redis.hsetnx(settings.dead_letters_resolved, entry_id, json.dumps(record)):
        previous = json.loads(await redis.hget(settings.dead_letters_resolved, entry_id) or "{}")
        raise AlreadyResolved(f"dead letter {entry_id} was already {previous.get('action', 'resolved')}")
    if action == "retried":
        fields: dict[Any, Any] = dict(event.fields)
        record["new_entry_id"] = await redis.xadd(event.stream, fields)
        await redis.hset(settings.dead_letters_resolved, entry_id, json.dumps(record))
    return _view(entry_id, event, json.dumps(record))
