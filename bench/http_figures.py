"""Figures measured over HTTP against the running services: ingest, the whole pipeline,
end-to-end latency and read latency."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable

import httpx
from redis.asyncio import Redis

from bench.corpus import title_and_body
from bench.figures import Figures, latency, rounded
from bench.stack import Stack
from services.projector.keys import Keys

CONCURRENCY = 8


def article_json(text: str, tag: str) -> dict[str, str]:
    title, body = title_and_body(text)
    article_id = f"{tag}-{uuid.uuid4().hex[:12]}"
    return {"id": article_id, "title": title, "body": body, "published_at": "2024-03-14"}


async def _in_parallel(jobs: list[Callable[[], Awaitable[float]]]) -> list[float]:
    """Run the jobs CONCURRENCY at a time; each returns its own latency in ms."""
    queue = list(reversed(jobs))
    samples: list[float] = []

    async def worker() -> None:
        while queue:
            samples.append(await queue.pop()())

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return samples


async def post_all(client: httpx.AsyncClient, url: str, articles: list[dict[str, str]]) -> list[float]:
    async def post(article: dict[str, str]) -> float:
        started = time.perf_counter()
        response = await client.post(f"{url}/articles", json=article)
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    return await _in_parallel([lambda a=article: post(a) for article in articles])  # type: ignore[misc]


async def ingest_figures(stack: Stack, texts: list[str]) -> Figures:
    articles = [article_json(t, "ingest") for t in texts]
    async with httpx.AsyncClient(timeout=30) as client:
        await post_all(client, stack.ingest_url, articles[:20])  # connections and first-call costs
        started = time.perf_counter()
        samples = await post_all(client, stack.ingest_url, articles[20:])
    rate = len(samples) / (time.perf_counter() - started)
    return {"ingest_articles_per_s": rounded(rate), **latency("ingest", samples)}


async def projected(redis: Redis, stack: Stack, count: int) -> bool:
    """`count` ArticleExtracted are in the stream and the projector has applied the last one."""
    stream = stack.settings.streams.extractions
    if await redis.xlen(stream) < count:
        return False
    last = await redis.xrevrange(stream, count=1)
    checkpoint = await redis.get(Keys.from_settings(stack.settings).checkpoint(stream))
    return bool(last) and checkpoint == last[0][0]


async def _posted_and_projected(
    redis: Redis, stack: Stack, articles: list[dict[str, str]], total: int
) -> None:
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as client:
        await post_all(client, stack.ingest_url, articles)
    while not await projected(redis, stack, total):
        if time.perf_counter() - started > 600:
            raise TimeoutError("the pipeline did not finish")
        await asyncio.sleep(0.05)


async def pipeline_rate(redis: Redis, stack: Stack, texts: list[str], warm_up: int) -> float:
    """Articles/s from the first POST until every article's ArticleExtracted is projected
    (after `warm_up` articles have gone through, so start-up stays outside the figure)."""
    await _posted_and_projected(redis, stack, [article_json(t, "warm") for t in texts[:warm_up]], warm_up)
    started = time.perf_counter()
    articles = [article_json(t, "pipeline") for t in texts]
    await _posted_and_projected(redis, stack, articles, warm_up + len(articles))
    return len(articles) / (time.perf_counter() - started)


async def e2e_figures(stack: Stack, texts: list[str], per_s: float = 5.0) -> Figures:
    """POST at a steady rate; each article's latency ends when its statements are readable."""
    async with httpx.AsyncClient(timeout=60) as client:

        async def one(text: str, start_at: float) -> float:
            await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
            started = time.perf_counter()
            article = article_json(text, "e2e")
            (await client.post(f"{stack.ingest_url}/articles", json=article)).raise_for_status()
            query = {"article_id": article["id"], "wait_for_article": article["id"], "wait_ms": 30000}
            (await client.get(f"{stack.read_url}/statements", params=query)).raise_for_status()
            return (time.perf_counter() - started) * 1000

        t0 = time.perf_counter() + 0.5
        samples = await asyncio.gather(*(one(t, t0 + i / per_s) for i, t in enumerate(texts)))
    return latency("e2e", list(samples))


async def get_latency(url: str, path: str, requests: int) -> list[float]:
    samples = []
    async with httpx.AsyncClient(timeout=30) as client:
        for n in range(requests + 10):
            started = time.perf_counter()
            (await client.get(f"{url}{path}")).raise_for_status()
            if n >= 10:  # the first few warm connections and caches
                samples.append((time.perf_counter() - started) * 1000)
    return samples
