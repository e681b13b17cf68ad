"""`make bench`: every figure of issue 11 from one run, written to bench/results.json and
printed as a table. Figures only; nothing here asserts a time.

    .venv/bin/python -m bench.run [--pipeline-articles 80] [--statements 10000]

Uses REDIS_URL if set (each stage under a prefix of its own, deleted afterwards), else an
embedded redis-server. The services run as real processes (`sitrep run ...`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import uuid
from pathlib import Path

from redis.asyncio import Redis

from bench import figures as report
from bench.bench_length import bench_length
from bench.corpus import corpus_texts, repeated
from bench.figures import Figures, latency, rounded
from bench.http_figures import e2e_figures, get_latency, ingest_figures, pipeline_rate
from bench.nlp_throughput import nlp_figures
from bench.stack import running_stack
from bench.store_figures import bytes_per_article, load_history, raw_xadd_rate, replay_figures
from services.common.embedded_redis import EmbeddedRedis
from services.common.logging import configure_logging
from services.common.settings import Settings
from services.extractor.nlp import load_nlp


async def ingest_stage(url: str, redis: Redis, prefix: str, texts: list[str]) -> Figures:
    with running_stack(url, prefix, 0, services=("ingest",)) as stack:
        found = await ingest_figures(stack, repeated(texts, 420))
        found["rss_mb_ingest"] = round(stack.rss_mb("ingest"), 1)
    raw = await raw_xadd_rate(redis, f"{prefix}:raw-xadd", repeated(texts, 400))
    ratio = found["ingest_articles_per_s"] / raw  # type: ignore[operator]
    return found | {"raw_xadd_per_s": rounded(raw), "ingest_vs_raw_xadd_ratio": rounded(ratio)}


async def pipeline_stage(url: str, redis: Redis, prefix: str, texts: list[str], extractors: int) -> Figures:
    found: Figures = {}
    with running_stack(url, prefix, extractors) as stack:
        cpu_before = {name: stack.cpu_s(name) for name in stack.processes}
        cpu_before["redis"] = await redis_cpu_s(redis)
        rate = await pipeline_rate(redis, stack, texts, warm_up=2 * extractors)
        found[f"pipeline_{extractors}_articles_per_s"] = rounded(rate)
        # Where the pipeline's CPU goes (a per-process profile): ms of CPU per article.
        articles = len(texts) + 2 * extractors
        cpu_after = {name: stack.cpu_s(name) for name in stack.processes}
        cpu_after["redis"] = await redis_cpu_s(redis)
        for name, before in cpu_before.items():
            used_ms = (cpu_after[name] - before) * 1000 / articles
            found[f"pipeline_{extractors}_cpu_ms_per_article_{name.replace('-', '_')}"] = round(used_ms, 1)
        if extractors == 1:
            stored = len(texts) + 2 * extractors
            found |= await bytes_per_article(redis, prefix, stored)
        else:
            found |= await e2e_figures(stack, texts[:40])
            found["rss_mb_ingest_after_pipeline"] = round(stack.rss_mb("ingest"), 1)
            found["rss_mb_extractor"] = round(max(stack.rss_mb(f"extractor-{n}") for n in range(2)), 1)
            found["rss_mb_projector"] = round(stack.rss_mb("projector"), 1)
    return found


async def redis_cpu_s(redis: Redis) -> float:
    cpu = await redis.info("cpu")
    return float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])


async def read_stage(url: str, redis: Redis, prefix: str, texts: list[str], statements: int) -> Figures:
    settings = Settings(redis_url=url, key_prefix=prefix)
    entries = await load_history(redis, settings, load_nlp(), texts, statements)
    found = await replay_figures(settings, entries)
    found["stored_statements"] = await redis.xlen(settings.streams.statements)
    with running_stack(url, prefix, 0, services=("projector",)) as stack:
        for name, path in (("get_statements", "/statements"), ("get_strikes", "/strikes")):
            found |= latency(name, await get_latency(stack.read_url, path, 300))
    return found


async def measure(url: str, args: argparse.Namespace, prefixes: list[str]) -> Figures:
    redis = Redis.from_url(url, decode_responses=True)
    try:
        texts = corpus_texts()
        found: Figures = {
            "cpu_count": os.cpu_count() or 0,
            "redis_version": (await redis.info("server"))["redis_version"],
        }
        found |= nlp_figures(load_nlp(), repeated(texts, args.nlp_articles))
        found |= await ingest_stage(url, redis, prefixes[0], texts)
        for extractors, prefix in ((1, prefixes[1]), (2, prefixes[2])):
            batch = repeated(texts, args.pipeline_articles)
            found |= await pipeline_stage(url, redis, prefix, batch, extractors)
        found |= await read_stage(url, redis, prefixes[3], texts, args.statements)
        found |= {k: v for k, v in bench_length(repeat=1).items()}  # issue 12's cost by article length
        return found | ratios(found)
    finally:
        for prefix in prefixes:
            async for key in redis.scan_iter(match=f"{prefix}:*", count=1000):
                await redis.unlink(key)
        await redis.aclose()


def ratios(found: Figures) -> Figures:
    """The issue's targets are ratios between figures of this same run."""
    raw = float(found["spacy_raw_articles_per_s"])
    return {
        "pipeline_1_vs_spacy_ratio": rounded(float(found["pipeline_1_articles_per_s"]) / raw),
        "pipeline_2_vs_2x_spacy_ratio": rounded(float(found["pipeline_2_articles_per_s"]) / (2 * raw)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlp-articles", type=int, default=300)
    parser.add_argument("--pipeline-articles", type=int, default=80)
    parser.add_argument("--statements", type=int, default=10_000)
    args = parser.parse_args()
    configure_logging("WARNING")
    url = os.environ.get("REDIS_URL")
    embedded = None
    if not url:
        embedded = EmbeddedRedis(Path(tempfile.mkdtemp(prefix="sitrep-bench-")), persist=False)
        url = embedded.start()
    run = uuid.uuid4().hex[:8]
    prefixes = [f"bench-{run}-{stage}" for stage in ("ingest", "p1", "p2", "reads")]
    try:
        found = asyncio.run(measure(url, args, prefixes))
    finally:
        if embedded:
            embedded.stop()
    report.write(found)
    print(report.table(found))
    print(f"\nwritten to {report.RESULTS}")


if __name__ == "__main__":
    main()
