"""Where a running `sitrep up` listens, recorded in `<data_dir>/stack.json`, so that every
other command finds the stack when REDIS_URL is unset (the embedded Redis may have had to
take another port than 6380)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from services.common.settings import Settings


@dataclass(frozen=True)
class StackRecord:
    pid: int
    redis_url: str
    key_prefix: str
    ingest_url: str
    read_url: str
    extractor_metrics_port: int


def stack_file(settings: Settings) -> Path:
    return Path(settings.data_dir) / "stack.json"


def record_stack(settings: Settings, redis_url: str) -> Path:
    """Called by `sitrep up` once Redis runs; written atomically (rename)."""
    path = stack_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = StackRecord(
        pid=os.getpid(),
        redis_url=redis_url,
        key_prefix=settings.key_prefix,
        ingest_url=f"http://{settings.ingest_host}:{settings.ingest_port}",
        read_url=f"http://{settings.projector_host}:{settings.projector_port}",
        extractor_metrics_port=settings.extractor_metrics_port,
    )
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(asdict(record), indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def forget_stack(settings: Settings) -> None:
    record = read_stack(settings)
    if record is not None and record.pid == os.getpid():  # another `up` may have taken over
        stack_file(settings).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_stack(settings: Settings) -> StackRecord | None:
    """The recorded stack, if its supervisor still runs (a stale file after a crash is ignored)."""
    try:
        raw = json.loads(stack_file(settings).read_text(encoding="utf-8"))
        record = StackRecord(**raw)
    except (OSError, ValueError, TypeError):
        return None
    return record if _alive(record.pid) else None


def with_running_stack(settings: Settings) -> Settings:
    """REDIS_URL wins; without it, the running stack's Redis, key prefix and ports."""
    if settings.redis_url:
        return settings
    record = read_stack(settings)
    if record is None:
        return settings
    ingest_host, ingest_port = record.ingest_url.removeprefix("http://").rsplit(":", 1)
    read_host, read_port = record.read_url.removeprefix("http://").rsplit(":", 1)
    return settings.model_copy(
        update={
            "redis_url": record.redis_url,
            "key_prefix": record.key_prefix,
            "ingest_host": ingest_host,
            "ingest_port": int(ingest_port),
            "projector_host": read_host,
            "projector_port": int(read_port),
        }
    )
