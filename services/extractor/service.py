"""The extractor's composition root: a FastStream consumer group on each shard of `sitrep:articles`.

Two subscribers share the group: one reads new entries, one reclaims entries another
consumer left pending (a crash, or a failed attempt) once they have idled `claim_idle_ms`.
FastStream never redelivers on its own (see FASTSTREAM-REDIS.md), so the second is what
makes delivery at-least-once.
"""

from __future__ import annotations

from dataclasses import replace

from faststream import AckPolicy, FastStream
from faststream.redis import RedisBroker, StreamSub
from faststream.redis.annotations import RedisStreamMessage
from prometheus_client import Counter, start_http_server

from services.common.event_store import EventStore, ensure_group
from services.common.logging import faststream_logger
from services.common.producer import producer
from services.common.redis_client import connect, make_broker
from services.common.settings import Settings
from services.extractor.handler import ExtractorDeps, Outcome, handle_article_entry
from services.extractor.nlp import load_nlp

ENTRIES = Counter("sitrep_extractor_entries_total", "Entries of the articles stream handled", ["outcome"])


def _subscribe_shard(broker: RedisBroker, deps: ExtractorDeps) -> None:
    """The two subscribers of one shard's articles stream; `deps.settings` names that shard."""
    settings = deps.settings
    stream, group, consumer = settings.streams.articles, settings.extractor_group, settings.consumer_name

    async def on_article(msg: RedisStreamMessage) -> None:
        raw = msg.raw_message
        entry_id = raw["message_ids"][0].decode()
        outcome = await handle_article_entry(deps, entry_id, raw["data"], msg.get_delivery_count)
        ENTRIES.labels(outcome.value).inc()
        if outcome is not Outcome.RETRY:
            await msg.ack()

    # One entry per read: extraction takes tens of milliseconds, and a bigger read would
    # park entries in this consumer's pending list while other replicas sit idle.
    new_entries = StreamSub(stream, group=group, consumer=consumer, max_records=1)
    stranded = StreamSub(stream, group=group, consumer=consumer, min_idle_time=settings.claim_idle_ms)
    broker.subscriber(stream=new_entries, ack_policy=AckPolicy.MANUAL)(on_article)
    broker.subscriber(stream=stranded, ack_policy=AckPolicy.MANUAL)(on_article)


def build_app(settings: Settings) -> FastStream:
    broker = make_broker(settings)
    redis = connect(settings)
    deps = ExtractorDeps(
        settings=settings,
        store=EventStore(redis),
        nlp=load_nlp(settings.spacy_model),
        producer=producer("extractor"),
    )
    # One consumer group per shard; each shard's derived events go to that shard's streams.
    shards = [replace(deps, settings=settings.for_shard(shard)) for shard in settings.consumed_shards()]
    for shard_deps in shards:
        _subscribe_shard(broker, shard_deps)

    app = FastStream(broker, logger=faststream_logger())

    @app.on_startup
    async def _prepare() -> None:
        for shard_deps in shards:
            await ensure_group(redis, shard_deps.settings.streams.articles, settings.extractor_group)
        if settings.extractor_metrics_port:
            start_http_server(settings.extractor_metrics_port, addr=settings.extractor_host)

    @app.after_shutdown
    async def _close() -> None:
        await redis.aclose()

    return app
