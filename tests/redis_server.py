"""The Redis the integration and e2e tests use: REDIS_URL if set, else an embedded one."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from services.common.embedded_redis import EmbeddedRedis


def redis_url_for_tests(tmp_dir: Path) -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    server = EmbeddedRedis(tmp_dir, persist=False)
    try:
        yield server.start()
    finally:
        server.stop()


def unique_prefix() -> str:
    # Each test writes under its own prefix, so tests never see each other's keys.
    return f"test-{uuid.uuid4().hex[:12]}"
