"""`sitrep status`, `tail` and `dead-letters` on a real Redis, found through stack.json
(REDIS_URL unset), as a user beside `make run` would call them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from redis.asyncio import Redis

from services.common.event_store import EventStore
from services.common.settings import Settings
from services.common.stack_record import read_stack, record_stack, with_running_stack
from tests.factories import article_event


def sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    # A real process: the CLI configures logging for its whole process, which a test
    # runner's captured streams would not survive.
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def stack_env(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A stack.json naming the test Redis and prefix; REDIS_URL and SITREP_* unset."""
    for name in list(os.environ):
        if name == "REDIS_URL" or name.startswith("SITREP_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SITREP_LOG_FORMAT", "json")
    recorded = settings.model_copy(update={"data_dir": str(tmp_path)})
    record_stack(recorded, settings.require_redis_url())
    return recorded


def invoke(*args: str) -> str:
    result = sitrep(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_stack_record_fills_in_only_what_the_environment_leaves_unset(stack_env: Settings) -> None:
    found = with_running_stack(Settings())
    assert found.redis_url == stack_env.redis_url and found.key_prefix == stack_env.key_prefix
    explicit = Settings(redis_url="redis://127.0.0.1:1/0")
    assert with_running_stack(explicit).redis_url == "redis://127.0.0.1:1/0"


def test_a_stale_stack_record_is_ignored(stack_env: Settings) -> None:
    path = Path(stack_env.data_dir) / "stack.json"
    record = json.loads(path.read_text())
    path.write_text(json.dumps({**record, "pid": 2**22 + 12345}))  # above any pid_max default
    assert read_stack(stack_env) is None
    result = sitrep("status")
    assert result.returncode == 2 and "no running stack" in result.stderr


async def test_status_tail_and_dead_letters(stack_env: Settings, redis: Redis) -> None:
    streams = stack_env.streams
    event = article_event()
    await EventStore(redis).append(streams.articles, event)
    await redis.xgroup_create(streams.articles, "extractor", id="0")
    await redis.xadd(streams.statements, {"event_type": "StatementExtracted", "data": "[]"})
    from services.projector.projection import Projector
    from tests.factories import TEST_PRODUCER

    await Projector(redis, stack_env, TEST_PRODUCER).catch_up(streams.statements)  # dead-letters it

    report = json.loads(invoke("status", "--json"))
    assert report["streams"]["articles"] == 1 and report["streams"]["dead-letters"] == 1
    (group,) = [g for g in report["groups"] if g["group"] == "extractor"]
    assert group["lag"] == 1 and group["pending"] == 0
    assert "dead letters: 1 (1 unresolved)" in invoke("status")

    tailed = json.loads(invoke("tail", "articles", "--from-start", "--count", "1", "--json"))
    assert tailed["article_id"] == event.article_id
    assert event.article_id in invoke("tail", "articles", "--from-start", "--count", "1")

    (letter,) = json.loads(invoke("dead-letters", "list", "--json"))
    assert json.loads(invoke("dead-letters", "show", letter["entry_id"]))["reason"] == "unreadable"
    assert "retried" in invoke("dead-letters", "retry", letter["entry_id"])
    assert await redis.xlen(streams.statements) == 2
    assert sitrep("dead-letters", "retry", letter["entry_id"]).returncode == 1
    assert invoke("dead-letters", "list").strip() == "no dead letters"
    assert letter["entry_id"] in invoke("dead-letters", "list", "--all")
    assert sitrep("dead-letters", "drop", "1-1").returncode == 1
