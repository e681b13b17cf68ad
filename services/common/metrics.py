"""Prometheus figures that live in Redis (lag, pending, dead letters), read at scrape time.

FastStream's middleware counts messages but knows nothing of consumer-group lag, so the
gauges are refreshed from XINFO on every scrape.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Gauge
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from services.common.settings import Settings


async def entries_after(redis: Redis, stream: str, after: str | None, cap: int = 10_000) -> int:
    """How many entries follow `after` (capped: a lag beyond `cap` reads as `cap`)."""
    if after is None or after == "0-0":
        return min(await redis.xlen(stream), cap)
    return len(await redis.xrange(stream, min=f"({after}", count=cap) or [])


class StreamGauges:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.length = Gauge("sitrep_stream_length", "Entries in a stream", ["stream"], registry=registry)
        self.group_lag = Gauge(
            "sitrep_consumer_group_lag",
            "Entries not yet delivered to a group",
            ["stream", "group"],
            registry=registry,
        )
        self.group_pending = Gauge(
            "sitrep_consumer_group_pending",
            "Entries delivered but not acknowledged",
            ["stream", "group"],
            registry=registry,
        )
        self.dead_letters = Gauge(
            "sitrep_dead_letters", "Entries in the dead-letter stream", registry=registry
        )
        self.projection_lag = Gauge(
            "sitrep_projection_lag", "Entries after the projector's checkpoint", ["stream"], registry=registry
        )

    async def refresh(self, redis: Redis, settings: Settings, checkpoints: dict[str, str | None]) -> None:
        """`checkpoints`: the projector's position in each stream it reads."""
        for stream, checkpoint in checkpoints.items():
            self.projection_lag.labels(stream).set(await entries_after(redis, stream, checkpoint))
        for streams in settings.all_shard_streams():  # one, unless the streams are sharded
            for stream in (streams.articles, *streams.derived()):
                self.length.labels(stream).set(await redis.xlen(stream))
            await self._refresh_groups(redis, streams.articles)
        dead_letters = settings.streams.dead_letters
        self.length.labels(dead_letters).set(await redis.xlen(dead_letters))
        self.dead_letters.set(await redis.xlen(dead_letters))

    async def _refresh_groups(self, redis: Redis, articles: str) -> None:
        try:
            groups = await redis.xinfo_groups(articles)
        except ResponseError:  # the stream does not exist yet
            groups = []
        for group in groups:
            # Redis 7 reports `lag` itself; the embedded 6.2 does not, so count it.
            lag = group.get("lag")
            if lag is None:
                lag = await entries_after(redis, articles, group["last-delivered-id"])
            self.group_lag.labels(articles, group["name"]).set(lag)
            self.group_pending.labels(articles, group["name"]).set(group["pending"])
