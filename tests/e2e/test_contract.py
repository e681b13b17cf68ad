"""Schemathesis against both OpenAPI documents, on the real processes (with API keys on,
so that every declared 401 and the security schemes are exercised too): zero failures.

The default run is short; `make contract` runs the same with many more examples
(SITREP_CONTRACT_EXAMPLES)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from services.common.embedded_redis import EmbeddedRedis
from tests.e2e.conftest import free_port, stop_processes, wait_healthy
from tests.redis_server import unique_prefix

WRITE_KEY, READ_KEY = "contract-write-0c1f", "contract-read-77aa"
EXAMPLES = int(os.environ.get("SITREP_CONTRACT_EXAMPLES", "8"))
# The read API's /events is an endless stream: a request never completes, so no response
# can be checked.
EXCLUDED_PATHS = {"ingest": (), "read": ("/events",)}


@dataclass(frozen=True)
class Apis:
    ingest: str
    read: str
    logs: Path


@pytest.fixture(scope="module")
def apis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Apis]:
    tmp = Path(tmp_path_factory.mktemp("contract"))
    server = EmbeddedRedis(tmp / "redis", persist=False)
    env = dict(os.environ)
    env.update(
        REDIS_URL=server.start(),
        SITREP_KEY_PREFIX=unique_prefix(),
        SITREP_INGEST_PORT=str(free_port()),
        SITREP_PROJECTOR_PORT=str(free_port()),
        SITREP_API_KEY=WRITE_KEY,
        SITREP_READ_API_KEY=READ_KEY,
        SITREP_LOG_FORMAT="json",
        SITREP_LOG_LEVEL="WARNING",
    )
    # Each API on its own prefix: articles the ingest run posts would otherwise be known to
    # the read API but never extracted (no extractor here), and every wait for them a 504.
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "services.cli", "run", name],
            env={**env, "SITREP_KEY_PREFIX": f"{env['SITREP_KEY_PREFIX']}-{name}"},
            stdout=(tmp / f"{name}.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        for name in ("ingest", "projector")
    }
    apis = Apis(
        f"http://127.0.0.1:{env['SITREP_INGEST_PORT']}",
        f"http://127.0.0.1:{env['SITREP_PROJECTOR_PORT']}",
        tmp,
    )
    try:
        wait_healthy(f"{apis.ingest}/readyz", processes)
        wait_healthy(f"{apis.read}/readyz", processes)
        yield apis
    finally:
        stop_processes(processes)
        server.stop()


def schemathesis(base: str, examples: int, excluded: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    st = shutil.which("st", path=str(Path(sys.executable).parent)) or "st"
    command = [
        st,
        "run",
        f"{base}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(examples),
        "--workers",
        "1",
        "--header",
        f"X-API-Key: {WRITE_KEY}",
        "--seed",
        "12",
        "--no-color",
        "--request-timeout",
        "35",
        "--suppress-health-check",
        "all",
    ]
    for path in excluded:
        command += ["--exclude-path", path]
    return subprocess.run(command, capture_output=True, text=True, timeout=1800)


@pytest.mark.parametrize("api", ["ingest", "read"])
def test_schemathesis_finds_no_failure(apis: Apis, api: str) -> None:
    result = schemathesis(getattr(apis, api), EXAMPLES, EXCLUDED_PATHS[api])
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
