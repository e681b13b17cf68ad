"""`sitrep status`: streams and their lengths, the extractor's groups (lag, pending) and
consumers, read-model counts and dead letters, read straight from Redis."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

import typer
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from services.commands.connection import redis_for, stack_settings
from services.common.metrics import entries_after
from services.common.settings import Settings
from services.projector.keys import Keys

READ_MODELS = ("articles", "statements", "speakers", "strikes")
ARTICLE_STATUSES = ("received", "extracted", "failed")


async def _groups(redis: Redis, stream: str) -> list[dict[str, Any]]:
    try:
        groups = await redis.xinfo_groups(stream)
    except ResponseError:  # no such stream yet
        return []
    found = []
    for group in groups:
        lag = group.get("lag")
        if lag is None:  # Redis 6.2 (the embedded one) does not report lag
            lag = await entries_after(redis, stream, group["last-delivered-id"])
        consumers = await redis.xinfo_consumers(stream, group["name"])
        found.append(
            {
                "stream": stream,
                "group": group["name"],
                "lag": lag,
                "pending": group["pending"],
                "consumers": [
                    {"name": c["name"], "pending": c["pending"], "idle_ms": c["idle"]} for c in consumers
                ],
            }
        )
    return found


KINDS = ("articles", "statements", "strikes", "extractions")


async def collect(redis: Redis, settings: Settings) -> dict[str, Any]:
    """Everything `status` shows, as plain data (what `--json` prints). With sharded streams
    a kind's length is the sum over its shards, and each shard's group is listed."""
    shards = settings.all_shard_streams()
    keys = Keys.from_settings(settings)
    lengths = {kind: sum([await redis.xlen(getattr(s, kind)) for s in shards]) for kind in KINDS}
    lengths["dead-letters"] = await redis.xlen(settings.streams.dead_letters)
    streams = [getattr(s, kind) for s in shards for kind in KINDS]
    resolved = await redis.hlen(settings.dead_letters_resolved)
    return {
        "redis": settings.redis_url,
        "key_prefix": settings.key_prefix,
        "streams": lengths,
        "groups": [g for key in streams for g in await _groups(redis, key)],
        "read_models": {name: await redis.zcard(keys.index(name)) for name in READ_MODELS},
        "articles_by_status": {
            s: await redis.zcard(keys.index("articles", "status", s)) for s in ARTICLE_STATUSES
        },
        "dead_letters": {"total": lengths["dead-letters"], "resolved": resolved},
    }


def render(report: dict[str, Any]) -> str:
    lines = [f"Redis {report['redis']}  (key prefix {report['key_prefix']})", "", "streams"]
    lines += [f"  {name:<14}{length:>10}" for name, length in report["streams"].items()]
    lines += ["", "consumer groups"]
    for g in report["groups"] or []:
        lines.append(f"  {g['stream']} / {g['group']}: lag {g['lag']}, pending {g['pending']}")
        lines += [f"    {c['name']}: pending {c['pending']}, idle {c['idle_ms']} ms" for c in g["consumers"]]
    if not report["groups"]:
        lines.append("  (none yet)")
    lines += ["", "read models"]
    lines += [f"  {name:<14}{count:>10}" for name, count in report["read_models"].items()]
    by_status = ", ".join(f"{s} {n}" for s, n in report["articles_by_status"].items())
    letters = report["dead_letters"]
    lines += [f"  articles by status: {by_status}", ""]
    lines.append(f"dead letters: {letters['total']} ({letters['total'] - letters['resolved']} unresolved)")
    return "\n".join(lines)


async def _report(settings: Settings) -> dict[str, Any]:
    redis = redis_for(settings)
    try:
        return await collect(redis, settings)
    finally:
        await redis.aclose()


def status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False) -> None:
    """Streams and lengths, groups with lag and pending, consumers, read models, dead letters."""
    report = asyncio.run(_report(stack_settings()))
    typer.echo(json.dumps(report, indent=2) if as_json else render(report))
