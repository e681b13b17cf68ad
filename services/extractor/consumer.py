"""The extractor's read loop on `sitrep:articles`, with redis-py rather than FastStream.

FastStream's stream subscriber stops for good when its group disappears (a Redis restart
without persistence), acknowledges a batch all or nothing, and reclaims one entry per
call; this loop recreates the group, acknowledges entry by entry, and reads (or reclaims)
up to `extract_batch` entries at once. Each turn: reclaim entries other consumers left
pending past `claim_idle_ms`, else read new ones; plan their outcomes; write them; ack.
Any Redis error is waited out with a growing pause, then the loop carries on.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import structlog
from prometheus_client import Counter
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.consumer_groups import ensure_group, is_nogroup, keep_claimed, reap_departed
from services.common.event_store import EventStore
from services.extractor.batch import plan_entries
from services.extractor.commit import commit
from services.extractor.handler import Entry, ExtractorDeps
from services.extractor.worker import ExtractionWorker, WorkerCrashed, WorkerTimeout

log = structlog.get_logger("sitrep.extractor")

ENTRIES = Counter("sitrep_extractor_entries_total", "Entries of the articles stream handled", ["outcome"])

BLOCK_MS = 1000  # a read waits this long for new entries, so a stop is noticed within it
REAP_EVERY_S = 60.0
MAX_PAUSE_S = 5.0


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class ExtractorConsumer:
    def __init__(self, deps: ExtractorDeps, redis: Redis, worker: ExtractionWorker) -> None:
        self.deps = deps
        self.redis = redis
        self.store = EventStore(redis)
        self.worker = worker
        self.redis_ok = False
        self._cursor = "0-0"
        self._reaped_at = 0.0

    @property
    def _names(self) -> tuple[str, str, str]:
        s = self.deps.settings
        return s.streams.articles, s.extractor_group, s.consumer_name

    async def run(self) -> None:
        """Until cancelled. Nothing but cancellation ends it: a fault is logged and waited out."""
        pause = 0.1
        while True:
            try:
                await self.turn()
            except RedisError as exc:
                if is_nogroup(exc) and await self._recreate_group(exc):
                    continue
                self.redis_ok = False
                log.warning("redis_unavailable_will_retry", error=repr(exc), pause_s=pause)
            except (WorkerTimeout, WorkerCrashed) as exc:
                log.error("extraction_worker_does_not_start", error=repr(exc), pause_s=pause)
            except Exception:  # a bug must not stop the group: its entries stay pending
                log.exception("extractor_turn_failed", pause_s=pause)
            else:
                self.redis_ok, pause = True, 0.1
                continue
            await asyncio.sleep(pause)
            pause = min(pause * 2, MAX_PAUSE_S)

    async def _recreate_group(self, exc: RedisError) -> bool:
        # The stream and its group are gone (a Redis that restarted empty).
        log.warning("consumer_group_recreated", error=str(exc))
        try:
            await ensure_group(self.redis, *self._names[:2])
        except RedisError as again:
            log.warning("consumer_group_not_recreated", error=repr(again))
            return False
        return True

    async def turn(self) -> int:
        """One read: returns how many entries it handled."""
        await self.worker.start()  # after a timeout or a crash: before taking entries
        await self._reap()
        entries = await self._reclaim() or await self._read_new()
        self.redis_ok = True
        if not entries:
            return 0
        async with _heartbeat(self, [e.entry_id for e in entries]):
            planned = await plan_entries(self.deps, self.worker, entries)
        await commit(self.redis, self.store, self.deps.settings, planned)
        for plan in planned:
            ENTRIES.labels(plan.outcome.value).inc()
        return len(entries)

    async def _read_new(self) -> list[Entry]:
        stream, group, consumer = self._names
        # RESP2 with raw bytes: [(stream, [(entry id, {field: value})])], or None on timeout.
        reply: Any = await self.redis.xreadgroup(
            group, consumer, {stream: ">"}, count=self.deps.settings.extract_batch, block=BLOCK_MS
        )
        return [Entry(_text(i), fields, 1) for _, items in reply or [] for i, fields in items]

    async def _reclaim(self) -> list[Entry]:
        stream, group, consumer = self._names
        reply = await self.redis.xautoclaim(
            stream,
            group,
            consumer,
            self.deps.settings.claim_idle_ms,
            start_id=self._cursor,
            count=self.deps.settings.extract_batch,
        )
        self._cursor = _text(reply[0])
        # An entry deleted from the stream while pending comes back without its fields
        # (Redis 7 drops it from the pending list itself): nothing to process.
        claimed = [(_text(i), fields) for i, fields in reply[1] if i is not None and fields is not None]
        counts = await self._deliveries([i for i, _ in claimed])
        return [Entry(i, fields, counts.get(i, 1)) for i, fields in claimed]

    async def _deliveries(self, ids: Sequence[str]) -> dict[str, int]:
        if not ids:
            return {}
        stream, group, _ = self._names
        pipe = self.redis.pipeline(transaction=False)
        for entry_id in ids:
            pipe.xpending_range(stream, group, min=entry_id, max=entry_id, count=1)
        counts = {}
        for rows in await pipe.execute():
            for row in rows:
                counts[_text(row["message_id"])] = int(row["times_delivered"])
        return counts

    async def _reap(self) -> None:
        if time.monotonic() - self._reaped_at < REAP_EVERY_S:
            return
        self._reaped_at = time.monotonic()
        stream, group, consumer = self._names
        settings = self.deps.settings
        with contextlib.suppress(RedisError):  # the group may not exist yet: the read says so
            removed = await reap_departed(self.redis, stream, group, settings.consumer_reap_idle_ms, consumer)
            if removed:
                log.info("departed_consumers_removed", consumers=removed)


@asynccontextmanager
async def _heartbeat(consumer: ExtractorConsumer, ids: list[str]) -> AsyncIterator[None]:
    """While a read is extracted (which may take several budgets), keep its entries from
    looking abandoned to other consumers."""
    stream, group, name = consumer._names
    every = consumer.deps.settings.claim_idle_ms / 3000

    async def beat() -> Any:
        while True:
            await asyncio.sleep(every)
            try:
                await keep_claimed(consumer.redis, stream, group, name, ids)
            except RedisError as exc:
                log.warning("heartbeat_failed", error=repr(exc))

    task = asyncio.create_task(beat())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
