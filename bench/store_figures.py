"""Figures measured on Redis itself: raw XADD, the bytes one article costs, and replay.

`load_history` writes a realistic history straight into the streams (the corpus's own
extractions, repeated under new article ids) so that the read figures have 10,000
statements behind them without paying for 600 parses.
"""

from __future__ import annotations

import asyncio
import time
import uuid

from redis.asyncio import Redis
from spacy.language import Language

from bench.corpus import title_and_body
from bench.figures import Figures, rounded
from bench.http_figures import CONCURRENCY
from bench.nlp_throughput import PUBLISHED
from schemas.articles import ArticleReceived
from schemas.wire import to_fields
from services.common.event_store import EventStore
from services.common.producer import producer
from services.common.settings import Settings
from services.extractor.events import derive_events
from services.extractor.extraction import Extraction, extract
from services.ingest.commands import SubmitArticle
from services.ingest.publishing import article_received
from services.projector.replay import replay

PRODUCER = producer("bench")


def received(text: str, tag: str) -> ArticleReceived:
    title, body = title_and_body(text)
    article_id = f"{tag}-{uuid.uuid4().hex[:12]}"
    command = SubmitArticle(id=article_id, title=title, body=body, published_at=PUBLISHED)
    return article_received(command, PRODUCER)


async def raw_xadd_rate(redis: Redis, stream: str, texts: list[str]) -> float:
    """The same payload as ingest appends, one XADD per article, as many in flight as ingest had."""
    payloads = [to_fields(received(text, "raw")) for text in texts]

    async def worker(mine: list[dict[str, str]]) -> None:
        for fields in mine:
            await redis.xadd(stream, fields)  # type: ignore[arg-type]

    started = time.perf_counter()
    await asyncio.gather(*(worker(payloads[i::CONCURRENCY]) for i in range(CONCURRENCY)))
    return len(payloads) / (time.perf_counter() - started)


async def bytes_per_article(redis: Redis, key_prefix: str, articles: int) -> Figures:
    """MEMORY USAGE over every key under the prefix per article: in all, and split into what
    sharding spreads over a cluster (streams and their event indexes) and what stays in the
    read models' one slot."""
    streams = read_models = 0
    async for key in redis.scan_iter(match=f"{key_prefix}:*", count=1000):
        size = await redis.memory_usage(key, samples=0) or 0
        if key.startswith(f"{key_prefix}:rm:"):
            read_models += size
        else:
            streams += size
    return {
        "redis_bytes_per_article": round((streams + read_models) / articles),
        "redis_stream_bytes_per_article": round(streams / articles),
        "redis_read_model_bytes_per_article": round(read_models / articles),
    }


async def load_history(
    redis: Redis, settings: Settings, nlp: Language, texts: list[str], statements: int
) -> int:
    """Append articles with their derived events until `statements` statements exist;
    returns the number of entries written."""
    extractions: list[tuple[str, Extraction]] = []
    for text in texts:
        title, body = title_and_body(text)
        extractions.append((text, extract(nlp, body, PUBLISHED, title)))
    store, streams = EventStore(redis), settings.streams
    written = stored = 0
    while stored < statements:
        for text, extraction in extractions:
            article = received(text, "history")
            derived = derive_events(article, extraction, PRODUCER, 1.0)
            await store.append(streams.articles, article)
            await store.append_many(streams.statements, derived.statements)
            await store.append_many(streams.strikes, derived.strikes)
            await store.append(streams.extractions, derived.done)
            stored += len(derived.statements)
            written += 2 + len(derived.statements) + len(derived.strikes)
    return written


async def replay_figures(settings: Settings, entries: int) -> Figures:
    started, cpu = time.perf_counter(), time.process_time()
    applied = await replay(settings)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert sum(applied.values()) == entries, (applied, entries)
    return {
        "replay_entries": entries,
        "replay_events_per_s": rounded(entries / elapsed),
        # Per second of the replaying process's own CPU: what replay costs, whatever else runs.
        "replay_events_per_cpu_s": rounded(entries / cpu),
    }
