"""Appending events to streams exactly once, and reading them back.

Redis Streams are the source of truth. An append is idempotent by event id: a Lua script
checks a per-stream index (event id -> entry id) and XADDs only an id it has not seen,
so a redelivered article or a re-posted one never duplicates an event downstream.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.asyncio.client import Pipeline
from redis.exceptions import ResponseError

from schemas.envelope import Event
from schemas.wire import to_fields

# KEYS[1] stream, KEYS[2] its event index; ARGV[1] a JSON list of [event id, [field, value, ...]].
# One script call appends a whole batch: one round trip, and legal in a cluster (one slot).
_APPEND = """
local results = {}
for i, item in ipairs(cjson.decode(ARGV[1])) do
  local event_id, fields = item[1], item[2]
  local existing = redis.call('HGET', KEYS[2], event_id)
  if existing then
    results[i] = {existing, 0}
  else
    local id = redis.call('XADD', KEYS[1], '*', unpack(fields))
    redis.call('HSET', KEYS[2], event_id, id)
    results[i] = {id, 1}
  end
end
return results
"""


@dataclass(frozen=True)
class Appended:
    entry_id: str
    new: bool


def index_key(stream: str) -> str:
    # Same prefix as the stream, so a hash tag in the prefix keeps both in one cluster slot.
    return f"{stream}:index"


class EventStore:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._append = redis.register_script(_APPEND)

    async def append(self, stream: str, event: Event) -> Appended:
        return (await self.append_many(stream, [event]))[0]

    async def append_many(self, stream: str, events: Sequence[Event]) -> list[Appended]:
        """Append in order, atomically, in one round trip; ids already in the stream are skipped."""
        if not events:
            return []
        results = await self._append(keys=[stream, index_key(stream)], args=[_batch(events)])
        return [Appended(entry_id=_text(entry_id), new=bool(new)) for entry_id, new in results]

    async def queue_append(self, pipe: Pipeline, stream: str, events: Sequence[Event]) -> None:
        """`append_many` queued on a pipeline, so that many appends share one round trip;
        its reply in the pipeline's results is the script's (or the error it raised)."""
        if events:
            await self._append(keys=[stream, index_key(stream)], args=[_batch(events)], client=pipe)

    async def position_of(self, stream: str, event_id: str) -> str | None:
        entry_id = await self._redis.hget(index_key(stream), event_id)
        return _text(entry_id) if entry_id is not None else None


async def ensure_group(redis: Redis, stream: str, group: str) -> None:
    """Create the consumer group at the stream's start, so entries added before any
    consumer ran are processed too (FastStream would create it at `$` and skip them)."""
    try:
        await redis.xgroup_create(stream, group, id="0", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def _batch(events: Sequence[Event]) -> str:
    return json.dumps([[e.event_id, [x for pair in to_fields(e).items() for x in pair]] for e in events])


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
