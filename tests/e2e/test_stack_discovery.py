"""`sitrep up` as a user runs it, with port 6380's stand-in already taken: the embedded
Redis takes another port, stack.json records it, and `sitrep status` in a second process
(REDIS_URL unset) finds the stack there."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis

from tests.e2e.conftest import free_port


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL" and not k.startswith("SITREP_")}
    env.update(
        SITREP_DATA_DIR=str(data_dir),
        SITREP_INGEST_PORT=str(free_port()),
        SITREP_PROJECTOR_PORT=str(free_port()),
        SITREP_EXTRACTOR_METRICS_PORT=str(free_port()),
        SITREP_LOG_FORMAT="json",
    )
    return env


def _wait_for_file(path: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "sitrep up exited"
        if path.exists():
            return dict(json.loads(path.read_text()))
        time.sleep(0.1)
    raise TimeoutError(path)


def test_up_records_the_port_it_really_took_and_status_finds_it(tmp_path: Path) -> None:
    env = _env(tmp_path / "state")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        up = subprocess.Popen(
            [sys.executable, "-m", "services.cli", "up", "--embedded-port", str(taken)],
            env=env,
            stdout=(tmp_path / "up.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        try:
            record = _wait_for_file(tmp_path / "state" / "stack.json", up)
            url = str(record["redis_url"])
            assert f":{taken}/" not in url and record["pid"] == up.pid
            assert redis.Redis.from_url(url).ping()
            assert record["ingest_url"] == f"http://127.0.0.1:{env['SITREP_INGEST_PORT']}"
            status = subprocess.run(
                [sys.executable, "-m", "services.cli", "status", "--json"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert status.returncode == 0, status.stderr
            assert json.loads(status.stdout)["redis"] == url
        finally:
            up.send_signal(signal.SIGINT)
            up.wait(timeout=60)
    assert not (tmp_path / "state" / "stack.json").exists(), "stack.json outlived its stack"
