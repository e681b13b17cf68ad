"""Writing a read's outcomes: all appends in two pipelined round trips, then one XACK.

Each append is the event store's idempotent Lua script, so a retried batch duplicates
nothing; within an article the order is statements, strikes, ArticleExtracted. An entry
is acknowledged only when all of its appends succeeded: one that failed stays pending and
is reclaimed later.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from redis.asyncio import Redis

from schemas.envelope import Event
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.extractor.handler import Outcome, Planned

log = structlog.get_logger("sitrep.extractor")


async def commit(
    redis: Redis, store: EventStore, settings: Settings, planned: Sequence[Planned]
) -> list[str]:
    """Write and acknowledge; returns the ids acknowledged. A Redis error that hits the
    whole round trip propagates (nothing is acknowledged; the consumer backs off)."""
    writes = [plan for plan in planned if plan.outcome is not Outcome.RETRY]
    cluster = settings.redis_cluster
    failed = await (_sequential(store, writes) if cluster else _pipelined(redis, store, writes))
    acked = [plan.entry.entry_id for plan in writes if plan.entry.entry_id not in failed]
    if acked:
        await redis.xack(settings.streams.articles, settings.extractor_group, *acked)
    return acked


async def _pipelined(redis: Redis, store: EventStore, writes: Sequence[Planned]) -> set[str]:
    # Two round trips: every append but each entry's last, then the last ones (its
    # ArticleExtracted, or its dead letter) only for entries whose first appends all
    # succeeded, so that the closing event never precedes the events it announces.
    failed = await _round_trip(redis, store, [(p, a) for p in writes for a in p.appends[:-1]])
    closing = [(p, p.appends[-1]) for p in writes if p.appends and p.entry.entry_id not in failed]
    return failed | await _round_trip(redis, store, closing)


async def _round_trip(
    redis: Redis, store: EventStore, appends: Sequence[tuple[Planned, tuple[str, list[Event]]]]
) -> set[str]:
    pipe = redis.pipeline(transaction=False)
    owners: list[str] = []
    for plan, (stream, events) in appends:
        if events:
            await store.queue_append(pipe, stream, events)
            owners.append(plan.entry.entry_id)
    if not owners:
        return set()
    results = await pipe.execute(raise_on_error=False)
    failed = {owner for owner, result in zip(owners, results, strict=True) if isinstance(result, Exception)}
    for owner in failed:
        log.warning("append_failed_will_retry", entry_id=owner)
    return failed


async def _sequential(store: EventStore, writes: Sequence[Planned]) -> set[str]:
    # A cluster pipeline does not carry scripts; each append is still one round trip.
    for plan in writes:
        for stream, events in plan.appends:
            await store.append_many(stream, events)
    return set()
