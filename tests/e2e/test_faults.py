"""Ingest and the read API as real processes on a real redis-server that the test stops
and starts: 503 with Retry-After while Redis is away, never a 202 for an article that was
not stored, and both resume by themselves. Also what a hostile client does to ingest over
a real socket: a chunked upload far over the cap, and API keys that must not be logged."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import redis

from schemas.wire import from_fields
from services.common.embedded_redis import EmbeddedRedis
from tests.e2e.conftest import free_port, stop_processes, wait_healthy
from tests.redis_server import unique_prefix

KEY = "e2e-write-key-4b1d6f"
CAP = 50_000


@dataclass
class Stack:
    redis: EmbeddedRedis
    ingest: str
    read: str
    prefix: str
    logs: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    server = EmbeddedRedis(tmp_path / "redis", port=free_port(), persist=True)
    env = dict(os.environ)
    env.update(
        REDIS_URL=server.start(),
        SITREP_KEY_PREFIX=unique_prefix(),
        SITREP_INGEST_PORT=str(free_port()),
        SITREP_PROJECTOR_PORT=str(free_port()),
        SITREP_API_KEY=KEY,
        SITREP_MAX_BODY_BYTES=str(CAP),
        SITREP_RETRY_AFTER_S="3",
        SITREP_LOG_FORMAT="json",
    )
    running = Stack(
        server,
        f"http://127.0.0.1:{env['SITREP_INGEST_PORT']}",
        f"http://127.0.0.1:{env['SITREP_PROJECTOR_PORT']}",
        env["SITREP_KEY_PREFIX"],
        tmp_path,
    )
    for name in ("ingest", "projector"):
        running.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "services.cli", "run", name],
            env=env,
            stdout=(tmp_path / f"{name}.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
    try:
        wait_healthy(f"{running.ingest}/readyz", running.processes)
        wait_healthy(f"{running.read}/readyz", running.processes)
        yield running
    finally:
        stop_processes(running.processes)
        running.redis.stop()


class Poster(threading.Thread):
    """Posts articles one after another until stopped, noting every answer."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.stop, self.answers = url, threading.Event(), []  # type: ignore[var-annotated]

    def run(self) -> None:
        with httpx.Client(timeout=10, headers={"X-API-Key": KEY}) as client:
            n = 0
            while not self.stop.is_set():
                n += 1
                article_id = f"load-{n}"
                response = client.post(
                    f"{self.url}/articles", json={"id": article_id, "title": "t", "body": "b"}
                )
                self.answers.append((article_id, response.status_code, response.headers.get("retry-after")))

    def count(self, status: int) -> int:
        return sum(1 for _, s, _ in self.answers if s == status)


def wait_for(condition: object, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.05)


def stored_ids(stack: Stack) -> set[str]:
    client = redis.Redis(host="127.0.0.1", port=stack.redis.port, decode_responses=True)
    try:
        return {from_fields(f).correlation_id for _, f in client.xrange(f"{stack.prefix}:articles")}
    finally:
        client.close()


def test_redis_stopped_under_load_gives_503_then_both_apis_resume(stack: Stack) -> None:
    poster = Poster(stack.ingest)
    poster.start()
    wait_for(lambda: poster.count(202) >= 5)
    stack.redis.stop()
    wait_for(lambda: poster.count(503) >= 5)
    down = httpx.get(f"{stack.read}/articles")
    assert (
        down.status_code == 503
        and down.headers["retry-after"] == "3"
        and down.json()["code"] == "unavailable"
    )
    stack.redis.start()
    accepted_before = poster.count(202)
    wait_for(lambda: poster.count(202) >= accepted_before + 5)
    poster.stop.set()
    poster.join(timeout=30)

    statuses = {s for _, s, _ in poster.answers}
    assert statuses <= {202, 503}, statuses
    assert all(after == "3" for _, s, after in poster.answers if s == 503)
    accepted = {a for a, s, _ in poster.answers if s == 202}
    assert accepted <= stored_ids(stack), "a 202 was given for an article that is not stored"
    assert httpx.get(f"{stack.read}/articles").status_code == 200
    assert httpx.get(f"{stack.ingest}/readyz").status_code == 200


def test_chunked_upload_over_a_real_socket_is_cut_off_at_the_cap(stack: Stack) -> None:
    port = int(stack.ingest.rsplit(":", 1)[1])
    sent, limit = 0, 200_000_000
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        head = (
            "POST /articles HTTP/1.1\r\nHost: ingest\r\nContent-Type: application/json\r\n"
            f"X-API-Key: {KEY}\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        sock.sendall(head.encode())
        chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
        try:
            while sent < limit:
                sock.sendall(chunk)
                sent += 0x10000
                readable, _, _ = __import__("select").select([sock], [], [], 0)
                if readable:
                    break
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the server closed the connection after answering
        answer = sock.recv(4096).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    # Kernel buffers absorb some megabytes; reading it all would have taken all 200 MB.
    assert sent < 64_000_000
    assert int(httpx.get(f"{stack.ingest}/readyz").status_code) == 200


def test_no_key_appears_in_the_process_logs(stack: Stack) -> None:
    with httpx.Client(base_url=stack.ingest, timeout=10) as client:
        assert client.post("/articles", json={"title": "t", "body": "b"}).status_code == 401
        assert (
            client.post(
                "/articles", json={"title": "t", "body": "b"}, headers={"X-API-Key": "nope-77"}
            ).status_code
            == 401
        )
        ok = client.post(
            "/articles", json={"title": "t", "body": "b"}, headers={"Authorization": f"Bearer {KEY}"}
        )
        assert ok.status_code == 202
    ingest_log = stack.logs / "ingest.log"
    wait_for(lambda: '"status": 202' in ingest_log.read_text(), timeout=10)
    text = ingest_log.read_text()
    assert '"event": "http_request"' in text
    assert KEY not in text and "nope-77" not in text
