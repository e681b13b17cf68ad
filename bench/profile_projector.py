"""Where the projector's time goes: pyinstrument over a replay and over read queries, on
the same history `make bench` uses. Prints the profiles; README quotes what dominates.

    .venv/bin/python -m bench.profile_projector [--statements 10000] [--queries 100]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import uuid
from pathlib import Path

from pyinstrument import Profiler
from redis.asyncio import Redis

from bench.corpus import corpus_texts
from bench.store_figures import load_history
from services.common.embedded_redis import EmbeddedRedis
from services.common.logging import configure_logging
from services.common.settings import Settings
from services.extractor.nlp import load_nlp
from services.projector.json_pages import page_response
from services.projector.keys import Keys
from services.projector.queries import list_statements, list_strikes
from services.projector.replay import replay


async def read_queries(redis: Redis, keys: Keys, queries: int) -> None:
    """What GET /strikes and GET /statements do, without the HTTP server: query, then the body."""
    sizes = {}
    for _ in range(queries):
        strikes = await list_strikes(
            redis,
            keys,
            actor=None,
            country=None,
            kind=None,
            date_from=None,
            date_to=None,
            limit=50,
            cursor=None,
        )
        sizes["strikes"] = len(page_response(strikes).body)
        statements = await list_statements(
            redis,
            keys,
            speaker=None,
            article_id=None,
            kind=None,
            q=None,
            since=None,
            until=None,
            limit=50,
            cursor=None,
        )
        sizes["statements"] = len(page_response(statements).body)
    print("one page, kB:", {name: round(size / 1024) for name, size in sizes.items()})


async def profile(url: str, statements: int, queries: int) -> None:
    settings = Settings(redis_url=url, key_prefix=f"profile-{uuid.uuid4().hex[:8]}")
    redis = Redis.from_url(url, decode_responses=True)
    try:
        await load_history(redis, settings, load_nlp(), corpus_texts(), statements)
        for name, work in (
            ("replay", lambda: replay(settings)),
            ("reads", lambda: read_queries(redis, Keys.from_settings(settings), queries)),
        ):
            profiler = Profiler(async_mode="enabled")
            with profiler:
                await work()
            print(f"===== {name} =====")
            print(profiler.output_text(unicode=False, color=False, show_all=False))
    finally:
        async for key in redis.scan_iter(match=f"{settings.key_prefix}:*", count=1000):
            await redis.unlink(key)
        await redis.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    configure_logging("WARNING")
    url = os.environ.get("REDIS_URL")
    embedded = None
    if not url:
        embedded = EmbeddedRedis(Path(tempfile.mkdtemp(prefix="sitrep-profile-")), persist=False)
        url = embedded.start()
    try:
        asyncio.run(profile(url, args.statements, args.queries))
    finally:
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
