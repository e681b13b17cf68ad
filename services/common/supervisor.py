"""`sitrep up`: an embedded Redis (unless REDIS_URL is set) and the three services, each
its own process, stopped together on Ctrl-C. What `make run` runs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from services.common.embedded_redis import EmbeddedRedis
from services.common.settings import Settings
from services.common.stack_record import forget_stack, record_stack

SERVICES = ("ingest", "extractor", "projector")


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_http(url: str, processes: list[subprocess.Popen[bytes]], timeout: float) -> bool:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            return False
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


def up(settings: Settings, embedded_port: int) -> int:
    """Run until interrupted; returns the exit code."""
    embedded: EmbeddedRedis | None = None
    env = dict(os.environ)
    if settings.redis_url:
        redis_url = settings.redis_url
    else:
        embedded = EmbeddedRedis(
            Path(settings.data_dir) / "redis", port=embedded_port if _port_free(embedded_port) else None
        )
        redis_url = embedded.start()
        print(f"embedded Redis: {redis_url} (data in {embedded.data_dir})", flush=True)
    env["REDIS_URL"] = redis_url
    print(f"stack recorded in {record_stack(settings, redis_url)}", flush=True)

    processes: list[subprocess.Popen[bytes]] = []
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        for name in SERVICES:
            processes.append(subprocess.Popen([sys.executable, "-m", "services.cli", "run", name], env=env))
        ingest = f"http://{settings.ingest_host}:{settings.ingest_port}"
        projector = f"http://{settings.projector_host}:{settings.projector_port}"
        if _wait_http(f"{projector}/healthz", processes, 120) and _wait_http(
            f"{ingest}/healthz", processes, 30
        ):
            print(
                f"\nsitrep is up.\n  ingest     {ingest}  (POST /articles, docs at {ingest}/docs)\n"
                f"  read API   {projector}  (GET /statements, /speakers, /strikes, /articles)\n"
                f"  API docs   {ingest}/docs and {projector}/docs\n"
                f"  Redis      {redis_url}\nCtrl-C stops everything.\n",
                flush=True,
            )
        while not stopping:
            if any(p.poll() is not None for p in processes):
                print("a service exited; stopping the others", file=sys.stderr, flush=True)
                return 1
            time.sleep(0.5)
        return 0
    finally:
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in processes:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        forget_stack(settings)
        if embedded:
            embedded.stop()
