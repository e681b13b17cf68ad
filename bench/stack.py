"""The services as real processes for a benchmark: ingest, projector and k extractors, on
one Redis under a prefix of their own, stopped together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from services.common.settings import Settings
from services.common.supervisor import _port_free

STARTUP_S = 120.0


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    assert _port_free(port)
    return port


@dataclass
class Stack:
    settings: Settings
    ingest_url: str
    read_url: str
    processes: dict[str, subprocess.Popen[bytes]]

    def rss_mb(self, name: str) -> float:
        """Resident memory of one service, its child processes included (the extractor's
        spaCy lives in a worker process), from /proc (Linux)."""
        total_kb = 0
        for pid in _tree(self.processes[name].pid):
            status = Path(f"/proc/{pid}/status").read_text()
            total_kb += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
        return total_kb / 1024

    def cpu_s(self, name: str) -> float:
        """CPU seconds (user + system) one service has used so far, its child processes included."""
        ticks = 0
        for pid in _tree(self.processes[name].pid):
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """A process and its descendants still running."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = [int(c) for c in children.read_text().split()] if children.exists() else []
    return [pid, *(p for child in found for p in _tree(child))]


def _spawn(name: str, service: str, env: dict[str, str], logs: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "services.cli", "run", service],
        env=env,
        stdout=(logs / f"{name}.log").open("wb"),
        stderr=subprocess.STDOUT,
    )


def _wait(check: Callable[[], bool], processes: dict[str, subprocess.Popen[bytes]], what: str) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        dead = [n for n, p in processes.items() if p.poll() is not None]
        if dead:
            raise RuntimeError(f"{dead} exited while waiting for {what}")
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(what)


def _http_ok(url: str) -> bool:
    return httpx.get(url, timeout=2).status_code == 200


def _stop(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for proc in processes.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in processes.values():
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def running_stack(
    redis_url: str, prefix: str, extractors: int, services: tuple[str, ...] = ("ingest", "projector")
) -> Iterator[Stack]:
    """Start the services and `extractors` extractors; wait until each is serving."""
    ports = {"ingest": free_port(), "projector": free_port()}
    env = dict(os.environ)
    env.update(
        REDIS_URL=redis_url,
        SITREP_KEY_PREFIX=prefix,
        SITREP_INGEST_PORT=str(ports["ingest"]),
        SITREP_PROJECTOR_PORT=str(ports["projector"]),
        SITREP_EXTRACTOR_METRICS_PORT="0",
        SITREP_LOG_LEVEL="WARNING",
        SITREP_LOG_FORMAT="json",
    )
    settings = Settings(redis_url=redis_url, key_prefix=prefix)
    logs = Path(tempfile.mkdtemp(prefix="sitrep-bench-logs-"))
    processes = {name: _spawn(name, name, env, logs) for name in services}
    # Each extractor serves metrics on its own port: that it answers says it has loaded spaCy.
    metrics = [f"http://127.0.0.1:{free_port()}/metrics" for _ in range(extractors)]
    for n, url in enumerate(metrics):
        own = {"SITREP_CONSUMER_NAME": f"bench-{n}", "SITREP_EXTRACTOR_METRICS_PORT": url.split(":")[2][:-8]}
        processes[f"extractor-{n}"] = _spawn(f"extractor-{n}", "extractor", env | own, logs)
    stack = Stack(
        settings, f"http://127.0.0.1:{ports['ingest']}", f"http://127.0.0.1:{ports['projector']}", processes
    )
    try:
        if "ingest" in services:
            _wait(lambda: _http_ok(f"{stack.ingest_url}/healthz"), processes, "ingest")
        if "projector" in services:
            _wait(lambda: _http_ok(f"{stack.read_url}/readyz"), processes, "projector")
        for url in metrics:
            _wait(lambda url=url: _http_ok(url), processes, url)  # type: ignore[misc]
        yield stack
    except Exception:
        for name in processes:
            sys.stderr.write(f"--- {name} ---\n{(logs / f'{name}.log').read_text()[-2000:]}\n")
        raise
    finally:
        _stop(processes)
