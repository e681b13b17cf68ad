"""All three services as real processes, on the test Redis, under a prefix of their own."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.redis_server import redis_url_for_tests, unique_prefix


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Services:
    ingest: str
    read: str
    env: dict[str, str]
    processes: dict[str, subprocess.Popen[bytes]]


def wait_healthy(url: str, processes: dict[str, subprocess.Popen[bytes]], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, proc in processes.items():
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(url)


def stop_processes(processes: dict[str, subprocess.Popen[bytes]], timeout: float = 20) -> list[str]:
    """SIGTERM every process still running, then wait; the names of those that had to be killed."""
    for proc in processes.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    unclean = []
    for name, proc in processes.items():
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            unclean.append(name)
    return unclean


def start_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The three services on the test Redis under a fresh prefix, stopped (by SIGTERM) after."""
    logs = Path(tmp_path_factory.mktemp("logs"))
    for redis_url in redis_url_for_tests(Path(tmp_path_factory.mktemp("redis"))):
        env = dict(os.environ)
        env.update(
            REDIS_URL=redis_url,
            SITREP_KEY_PREFIX=unique_prefix(),
            SITREP_INGEST_PORT=str(free_port()),
            SITREP_PROJECTOR_PORT=str(free_port()),
            SITREP_EXTRACTOR_METRICS_PORT=str(free_port()),
            SITREP_LOG_FORMAT="json",
        )
        processes = {
            name: subprocess.Popen(
                [sys.executable, "-m", "services.cli", "run", name],
                env=env,
                stdout=(logs / f"{name}.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
            for name in ("ingest", "extractor", "projector")
        }
        running = Services(
            ingest=f"http://127.0.0.1:{env['SITREP_INGEST_PORT']}",
            read=f"http://127.0.0.1:{env['SITREP_PROJECTOR_PORT']}",
            env=env,
            processes=processes,
        )
        try:
            wait_healthy(f"{running.ingest}/healthz", processes)
            wait_healthy(f"{running.read}/readyz", processes)
            wait_healthy(f"http://127.0.0.1:{env['SITREP_EXTRACTOR_METRICS_PORT']}/metrics", processes)
            yield running
        except Exception:
            for name in processes:
                sys.stderr.write(f"--- {name} log ---\n{(logs / f'{name}.log').read_text()[-3000:]}\n")
            raise
        finally:
            unclean = stop_processes(processes)
            # SIGTERM must stop every service promptly (what Ctrl-C under `make run` relies on).
            assert not unclean, f"did not stop on SIGTERM: {unclean}"


@pytest.fixture(scope="session")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    yield from start_stack(tmp_path_factory)
