"""Soak: 10,000 articles posted by 8 concurrent clients through the real services, then
checked: every one extracted, none duplicated, none dead-lettered. Prints counts and times.

    .venv/bin/python -m bench.soak [--articles 10000] [--clients 8] [--extractors 2]

Starts its own stack (an embedded redis-server, ingest, extractors, projector, each a
process, under a key prefix of its own) so that it measures nothing else. Articles are
short (a strike and a quote) so that the run takes minutes, not hours, on two cores: the
soak is about the plumbing under concurrency, `make bench` about extraction's cost.
Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from redis.asyncio import Redis

from schemas.wire import from_fields
from services.common.embedded_redis import EmbeddedRedis, _free_port

PLACES = ("Aleppo", "Idlib", "Homs", "Mosul", "Raqqa", "Deir ez-Zor", "Hama", "Daraa")
ACTORS = ("Russian warplanes", "Government aircraft", "Coalition jets", "Turkish drones")


def article(run: str, n: int) -> dict[str, str]:
    place, actor = PLACES[n % len(PLACES)], ACTORS[n % len(ACTORS)]
    body = (
        f"{actor} bombed a market in {place} on Monday, killing at least {n % 40 + 2} people, "
        f"local officials said.\n\n"
        f'"We heard the planes and then the explosions," said Omar Haddad, a shopkeeper (report {n}).'
    )
    return {
        "id": f"{run}-{n}",
        "title": f"Strike on {place} ({n})",
        "body": body,
        "published_at": "2024-03-11",
    }


class Stack:
    """The services as processes on an embedded Redis; stopped with SIGTERM."""

    def __init__(self, workdir: Path, extractors: int) -> None:
        self.redis = EmbeddedRedis(workdir / "redis", persist=False)
        self.prefix = f"soak-{uuid.uuid4().hex[:8]}"
        self.ingest_port, self.read_port = _free_port(), _free_port()
        self.workdir, self.extractors = workdir, extractors
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self) -> str:
        env = dict(os.environ)
        env.update(
            REDIS_URL=self.redis.start(),
            SITREP_KEY_PREFIX=self.prefix,
            SITREP_INGEST_PORT=str(self.ingest_port),
            SITREP_PROJECTOR_PORT=str(self.read_port),
            SITREP_EXTRACTOR_METRICS_PORT="0",
            SITREP_LOG_LEVEL="WARNING",
            SITREP_LOG_FORMAT="json",
        )
        names = ["ingest", "projector"] + ["extractor"] * self.extractors
        for i, name in enumerate(names):
            log = (self.workdir / f"{name}-{i}.log").open("wb")
            command = [sys.executable, "-m", "services.cli", "run", name]
            extra = {"SITREP_CONSUMER_NAME": f"soak-extractor-{i}"} if name == "extractor" else {}
            self.processes.append(subprocess.Popen(command, env={**env, **extra}, stdout=log, stderr=log))
        self._wait(f"http://127.0.0.1:{self.ingest_port}/readyz")
        self._wait(f"http://127.0.0.1:{self.read_port}/readyz")
        return env["REDIS_URL"]

    def _wait(self, url: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(p.poll() is not None for p in self.processes):
                raise RuntimeError(f"a service exited; see the logs in {self.workdir}")
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise TimeoutError(url)

    def stop(self) -> None:
        for p in self.processes:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.processes:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        self.redis.stop()


async def post_all(url: str, run: str, articles: int, clients: int) -> Counter[int]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(articles):
        queue.put_nowait(n)
    statuses: Counter[int] = Counter()

    async def client() -> None:
        async with httpx.AsyncClient(base_url=url, timeout=60) as http:
            while not queue.empty():
                n = queue.get_nowait()
                response = await http.post("/articles", json=article(run, n))
                statuses[response.status_code] += 1

    await asyncio.gather(*(client() for _ in range(clients)))
    return statuses


async def wait_until(count_of: Callable[[], Awaitable[int]], expected: int, stall_s: float = 180) -> float:
    """Seconds until the count reaches `expected`, or until it makes no progress for `stall_s`."""
    started, last_count, last_change = time.monotonic(), -1, time.monotonic()
    while True:
        count = await count_of()
        if count >= expected:
            return time.monotonic() - started
        if count != last_count:
            last_count, last_change = count, time.monotonic()
        elif time.monotonic() - last_change > stall_s:
            return time.monotonic() - started
        await asyncio.sleep(0.5)


async def ids_in(redis: Redis, stream: str, attribute: str) -> list[str]:
    found, position = [], "-"
    while True:
        entries = await redis.xrange(stream, min=position, count=1000)
        entries = [e for e in entries if e[0] != position.lstrip("(")]
        if not entries:
            return found
        found += [str(getattr(from_fields(fields), attribute)) for _, fields in entries]
        position = f"({entries[-1][0]}"


async def soak(redis_url: str, stack: Stack, articles: int, clients: int) -> bool:
    run = f"soak{uuid.uuid4().hex[:6]}"
    redis = Redis.from_url(redis_url, decode_responses=True)
    key = lambda name: f"{stack.prefix}:{name}"  # noqa: E731
    started = time.perf_counter()
    statuses = await post_all(f"http://127.0.0.1:{stack.ingest_port}", run, articles, clients)
    posted_s = time.perf_counter() - started
    extracted_s = await wait_until(lambda: redis.xlen(key("extractions")), articles)
    total_s = time.perf_counter() - started
    projected_index = f"{stack.prefix}:rm:idx:articles:status:extracted"
    await wait_until(lambda: redis.zcard(projected_index), articles)
    projected_s = time.perf_counter() - started
    received = await ids_in(redis, key("articles"), "article_id")
    extracted = await ids_in(redis, key("extractions"), "article_id")
    statements = await ids_in(redis, key("statements"), "event_id")
    strikes = await ids_in(redis, key("strikes"), "event_id")
    dead = await redis.xlen(key("dead-letters"))
    projected = await redis.zcard(projected_index)
    await redis.aclose()

    wanted = {f"{run}-{n}" for n in range(articles)}
    checks = {
        "every post answered 202": statuses == Counter({202: articles}),
        "every article received once": sorted(received) == sorted(wanted),
        "every article extracted": set(extracted) == wanted,
        "no article extracted twice": len(extracted) == len(set(extracted)),
        "no statement or strike duplicated": len(statements) == len(set(statements))
        and len(strikes) == len(set(strikes)),
        "nothing dead-lettered": dead == 0,
        "every article projected as extracted": projected == articles,
    }
    print(f"articles posted      {articles} by {clients} clients, answers {dict(statuses)}")
    print(f"posting took         {posted_s:.1f} s ({articles / posted_s:.0f} posts/s)")
    print(f"all extracted after  {total_s:.1f} s from the first post ({extracted_s:.1f} s after the last)")
    print(
        f"throughput           {len(set(extracted)) / total_s:.1f} articles/s end to end, "
        f"{stack.extractors} extractors"
    )
    print(
        f"events               {len(received)} received, {len(extracted)} extracted, "
        f"{len(statements)} statements, {len(strikes)} strikes"
    )
    print(
        f"projected            {projected} articles with status extracted, "
        f"{projected_s:.1f} s from the first post"
    )
    print(f"dead letters         {dead}")
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    return all(checks.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--extractors", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitrep-soak-") as tmp:
        stack = Stack(Path(tmp), args.extractors)
        try:
            redis_url = stack.start()
            return 0 if asyncio.run(soak(redis_url, stack, args.articles, args.clients)) else 1
        finally:
            stack.stop()


if __name__ == "__main__":
    sys.exit(main())
