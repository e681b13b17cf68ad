"""Applying stream entries to the read models, each write atomic with its checkpoint.

For a batch of consecutive entries: WATCH the stream's checkpoint and the documents the
events touch, skip entries at or before the checkpoint, compute the changes (pure
functions in `read_models/`), then MULTI: the changes and the new checkpoint, EXEC.
A crash before EXEC applies nothing; a redelivery after it is skipped; a concurrent
writer (another replica, or replay) makes EXEC fail and the entry is tried again.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

import structlog
from redis.asyncio import Redis
from redis.asyncio.client import Pipeline
from redis.asyncio.cluster import ClusterPipeline
from redis.exceptions import WatchError

from schemas.envelope import Event, Producer
from schemas.wire import WireError, from_fields
from services.common.dead_letters import dead_letter
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.projector.changes import Changes, queue_writes
from services.projector.keys import Keys, entry_tuple
from services.projector.read_models import articles, speakers, statements, strikes

log = structlog.get_logger("sitrep.projector")

READ_MODELS = (articles, statements, speakers, strikes)
PROJECTOR_GROUP = "projector"


def keys_for(event: Event, keys: Keys) -> list[str]:
    needed: list[str] = []
    for model in READ_MODELS:
        needed += [k for k in model.keys_for(event, keys) if k not in needed]
    return needed


def project(event: Event, entry_id: str, docs: Mapping[str, dict[str, Any] | None], keys: Keys) -> Changes:
    """Everything one event changes, across all read models, from the documents before it."""
    changes = Changes()
    for model in READ_MODELS:
        changes.merge(model.apply(event, entry_id, docs, keys))
    return changes


async def _read(pipe: Pipeline, keys: list[str]) -> list[str | None]:
    """Read watched keys: one MGET on a single node; a cluster's transactional pipeline
    refuses multi-key reads, so there each key is read on its own (same slot, same node)."""
    if isinstance(pipe, ClusterPipeline):
        return [cast(str | None, await pipe.get(key)) for key in keys]
    return cast(list[str | None], await pipe.mget(keys))


class Projector:
    def __init__(self, redis: Redis, settings: Settings, producer: Producer) -> None:
        self._redis = redis
        self._settings = settings
        self._producer = producer
        self._store = EventStore(redis)
        self.keys = Keys.from_settings(settings)

    def streams(self) -> list[str]:
        """Every stream the read models come from: each shard's, then the dead letters.
        The checkpoints of all of them live beside the read models, in their slot."""
        settings = self._settings
        shards = settings.all_shard_streams()
        if settings.stream_shards > 1:
            # What was written before the streams were sharded stays projected and replayed.
            shards = [settings.unsharded_streams(), *shards]
        return [name for s in shards for name in (s.articles, *s.derived())] + [shards[0].dead_letters]

    async def checkpoint(self, stream: str) -> str | None:
        return cast(str | None, await self._redis.get(self.keys.checkpoint(stream)))

    async def apply_entry(self, stream: str, entry_id: str, fields: Mapping[Any, Any]) -> bool:
        """Apply one entry; False if it was applied before (or skipped as unreadable)."""
        return await self.apply_batch(stream, [(entry_id, fields)]) == 1

    async def apply_batch(self, stream: str, entries: Sequence[tuple[str, Mapping[Any, Any]]]) -> int:
        """Apply consecutive entries of one stream in one transaction with the checkpoint.

        Returns how many were applied (not skipped as already applied or unreadable).
        Batching is what makes catching up and replay fast: one WATCH, one read, one
        MULTI/EXEC for many entries instead of three round trips each."""
        if not entries:
            return 0
        events: list[tuple[str, Event]] = []
        for entry_id, fields in entries:
            try:
                events.append((entry_id, from_fields(fields)))
            except WireError as exc:
                await self._dead_letter_unreadable(stream, entry_id, fields, str(exc))
        doc_keys = list(dict.fromkeys(k for _, event in events for k in keys_for(event, self.keys)))
        checkpoint_key = self.keys.checkpoint(stream)
        last_entry = entries[-1][0]
        while True:
            async with self._redis.pipeline(transaction=True) as pipe:
                await pipe.watch(checkpoint_key, *doc_keys)
                # One round trip for the checkpoint and every document the batch touches.
                current, *values = await _read(pipe, [checkpoint_key, *doc_keys])
                after = entry_tuple(current) if current else (-1, -1)
                if entry_tuple(last_entry) <= after:
                    return 0
                docs = {k: json.loads(v) if v else None for k, v in zip(doc_keys, values, strict=True)}
                changes, applied = Changes(), 0
                for entry_id, event in events:
                    if entry_tuple(entry_id) <= after:
                        continue
                    step = project(event, entry_id, docs, self.keys)
                    docs.update(step.docs)  # the next event of the batch sees this one's result
                    changes.merge(step)
                    applied += 1
                pipe.multi()  # type: ignore[no-untyped-call]  # redis-py leaves it unannotated
                queue_writes(pipe, changes, one_mset=not isinstance(pipe, ClusterPipeline))
                pipe.set(checkpoint_key, last_entry)
                try:
                    await pipe.execute()
                except WatchError:
                    continue
                return applied

    async def _dead_letter_unreadable(
        self, stream: str, entry_id: str, fields: Mapping[Any, Any], error: str
    ) -> None:
        log.warning("entry_unreadable", stream=stream, entry_id=entry_id, error=error)
        if stream == self._settings.streams.dead_letters:  # never dead-letter a dead letter
            return
        event = dead_letter(
            stream=stream,
            entry_id=entry_id,
            group=PROJECTOR_GROUP,
            fields=fields,
            reason="unreadable",
            error=error,
            deliveries=1,
            producer=self._producer,
        )
        await self._store.append(self._settings.streams.dead_letters, event)

    async def catch_up(self, stream: str, page: int = 1000) -> int:
        """Apply every entry after the checkpoint, a page per transaction (replay, start-up).

        Big pages: a hot document (an often-reported strike, a prolific speaker) is then read
        and written once per thousand entries, not once per hundred. The next page is read
        while this one is applied, so Redis and the projector's CPU work at the same time."""
        applied = 0
        after = await self.checkpoint(stream) or "0"
        entries = await self._page(stream, after, page)
        while entries:
            following = asyncio.ensure_future(self._page(stream, entries[-1][0], page))
            try:
                applied += await self.apply_batch(stream, entries)
            except BaseException:
                following.cancel()
                raise
            entries = await following
        return applied

    async def _page(self, stream: str, after: str, count: int) -> list[tuple[str, dict[str, str]]]:
        """The entries after `after` (the client decodes replies to str)."""
        found = await self._redis.xrange(stream, min=f"({after}", count=count)
        return cast(list[tuple[str, dict[str, str]]], found)

    async def reset(self) -> int:
        """Delete every read model and checkpoint (the streams are untouched)."""
        deleted = 0
        async for key in self._redis.scan_iter(match=self.keys.all_pattern(), count=1000):
            deleted += await self._redis.unlink(key)
        return deleted
