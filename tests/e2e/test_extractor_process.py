"""The extractor as a process of its own: health endpoints, a 1 MB article in progress,
and SIGTERM, which must stop it within seconds and free its port."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import redis

from schemas.wire import to_fields
from tests.e2e.conftest import Services, free_port, wait_healthy
from tests.factories import ARTICLE_TEXT, article_event
from tests.redis_server import unique_prefix


def port_free(port: int) -> bool:
    """Nothing listens, and a new server could bind it (with SO_REUSEADDR, as http.server and
    uvicorn do: the connections this test made leave the port in TIME_WAIT a while)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for(check: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.1)


def test_extractor_serves_health_and_stops_on_sigterm_mid_article(services: Services, tmp_path: Path) -> None:
    port = free_port()
    prefix = unique_prefix()
    env = {**services.env, "SITREP_KEY_PREFIX": prefix, "SITREP_EXTRACTOR_METRICS_PORT": str(port)}
    log = (tmp_path / "extractor.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "run", "extractor"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(f"{base}/readyz", {"extractor": proc})
        assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
        assert httpx.get(f"{base}/readyz").json() == {"ready": True, "redis": True, "worker": True}
        assert "sitrep_extractor_entries_total" in httpx.get(f"{base}/metrics").text

        client = redis.Redis.from_url(env["REDIS_URL"], decode_responses=True)
        body = (ARTICLE_TEXT * (1_000_000 // len(ARTICLE_TEXT)))[:999_000]
        client.xadd(f"{prefix}:articles", to_fields(article_event(body=body)))

        def in_progress() -> bool:
            groups = client.xinfo_groups(f"{prefix}:articles")
            return bool(groups) and groups[0]["pending"] == 1

        wait_for(in_progress)
        proc.send_signal(signal.SIGTERM)
        # Within seconds, not after the article: the worker is killed, the entry left pending.
        proc.wait(timeout=15)
        assert port_free(port)
        assert client.xlen(f"{prefix}:extractions") == 0
        assert client.xinfo_groups(f"{prefix}:articles")[0]["pending"] == 1
        client.close()
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()
