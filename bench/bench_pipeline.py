"""Pipeline benchmark: how fast events move through Redis, and what the plumbing costs
on top of extraction itself. Figures and ratios only; nothing here asserts a time.

    .venv/bin/python -m bench.bench_pipeline [--articles 40] [--events 5000]

Uses REDIS_URL if set, else an embedded redis-server (the same one `make run` starts).
Measured stages:
  1. event store: idempotent appends (Lua, pipelined) against plain pipelined XADD;
  2. projector: entries/s applied with their checkpoint (WATCH/MULTI/EXEC per entry);
  3. extractor service: corpus articles through the FastStream consumer group, against
     the same extraction run in a plain loop (the ratio is the plumbing's overhead).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from redis.asyncio import Redis

from schemas.envelope import now
from schemas.records import Span, Statement
from schemas.statements import StatementExtracted
from services.common.embedded_redis import EmbeddedRedis
from services.common.event_store import EventStore
from services.common.logging import configure_logging
from services.common.producer import producer
from services.common.settings import Settings
from services.extractor.extraction import extract
from services.extractor.nlp import load_nlp
from services.projector.projection import Projector
from tests.factories import article_event, unique_id

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "articles"
PRODUCER = producer("bench")


def statement(n: int, prefix: str) -> StatementExtracted:
    return StatementExtracted(
        event_id=f"evt-{prefix}-{n}",
        occurred_at=now(),
        correlation_id=f"a{n % 50}",
        producer=PRODUCER,
        article_id=f"a{n % 50}",
        statement_id=f"s-{prefix}-{n}",
        extractor_version="bench",
        statement=Statement(
            speaker=f"Speaker {n % 20}",
            kind="direct",
            quote=f"quote number {n}",
            cue="said",
            span=Span(start=n, end=n),
        ),
    )


async def bench_store(redis: Redis, settings: Settings, events: int) -> None:
    store = EventStore(redis)
    batch = [statement(n, "store") for n in range(events)]
    started = time.perf_counter()
    for i in range(0, events, 100):
        await store.append_many(settings.key("bench-store"), batch[i : i + 100])
    idempotent = events / (time.perf_counter() - started)
    started = time.perf_counter()
    for i in range(0, events, 100):
        async with redis.pipeline(transaction=False) as pipe:
            for event in batch[i : i + 100]:
                pipe.xadd(settings.key("bench-raw"), {"data": event.model_dump_json()})
            await pipe.execute()
    raw = events / (time.perf_counter() - started)
    print(
        f"event store   idempotent append {idempotent:8.0f} events/s | plain XADD {raw:8.0f} events/s "
        f"| ratio {idempotent / raw:.2f}"
    )


async def bench_projector(redis: Redis, settings: Settings, events: int) -> None:
    store = EventStore(redis)
    await store.append_many(settings.streams.statements, [statement(n, "proj") for n in range(events)])
    projector = Projector(redis, settings, PRODUCER)
    started = time.perf_counter()
    applied = await projector.catch_up(settings.streams.statements)
    rate = applied / (time.perf_counter() - started)
    print(f"projector     {rate:8.0f} entries/s applied atomically with their checkpoint ({applied} entries)")


async def bench_extractor(redis: Redis, settings: Settings, articles: int) -> None:
    from services.extractor.service import build_app

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        print("extractor     skipped: no corpus at", CORPUS)
        return
    bodies = [f"{texts[i % len(texts)]}\n{unique_id()}" for i in range(articles)]
    nlp = load_nlp()
    extract(nlp, texts[0], None)  # warm up
    started = time.perf_counter()
    for body in bodies:
        extract(nlp, body, date(2020, 1, 1))
    plain = articles / (time.perf_counter() - started)

    app = build_app(settings)
    task = asyncio.create_task(app.run())
    await asyncio.sleep(1)  # let the subscribers start: the figure is throughput, not start-up
    events = [article_event(body=body) for body in bodies]
    started = time.perf_counter()
    await EventStore(redis).append_many(settings.streams.articles, events)
    while await redis.xlen(settings.streams.extractions) < articles:
        await asyncio.sleep(0.02)
    service = articles / (time.perf_counter() - started)
    app.exit()
    await task
    print(
        f"extractor     service {service:6.2f} articles/s | plain loop {plain:6.2f} articles/s "
        f"| plumbing overhead {plain / service - 1:+.1%} ({articles} corpus articles, 1 consumer)"
    )


async def main(articles: int, events: int) -> None:
    embedded = None
    url = os.environ.get("REDIS_URL")
    if not url:
        embedded = EmbeddedRedis(Path(tempfile.mkdtemp(prefix="sitrep-bench-")), persist=False)
        url = embedded.start()
    settings = Settings(redis_url=url, key_prefix=f"bench-{unique_id()}", extractor_metrics_port=0)
    redis = Redis.from_url(url, decode_responses=True)
    try:
        info = await redis.info("server")
        print(f"redis {info['redis_version']} at {url}; {os.cpu_count()} CPUs")
        await bench_store(redis, settings, events)
        await bench_projector(redis, settings, events)
        await bench_extractor(redis, settings, articles)
    finally:
        async for key in redis.scan_iter(match=f"{settings.key_prefix}:*"):
            await redis.unlink(key)
        await redis.aclose()
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    configure_logging("WARNING")
    asyncio.run(main(args.articles, args.events))
