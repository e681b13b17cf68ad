"""Keeping a consumer group alive and tidy: recreated after Redis lost it, members that
have left removed.

A Redis without persistence comes back from a restart empty: the stream and its groups
are gone, and every XREADGROUP answers NOGROUP. FastStream stops its subscriber then
(StreamGroupNotFoundError); a consumer of ours recreates the group and carries on.
"""

from __future__ import annotations

from redis.asyncio import Redis
from redis.exceptions import ResponseError
from redis.typing import StreamIdT

from services.common.event_store import ensure_group

__all__ = ["ensure_group", "is_nogroup", "reap_departed", "keep_claimed"]


def is_nogroup(exc: BaseException) -> bool:
    """The stream or its group does not exist (any more)."""
    return isinstance(exc, ResponseError) and str(exc).startswith("NOGROUP")


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


async def reap_departed(redis: Redis, stream: str, group: str, idle_ms: int, keep: str) -> list[str]:
    """Remove the group's consumers that have been idle `idle_ms` with nothing pending.

    A live consumer polls every second or so, which resets its idle time, and one with
    pending entries still owns work: neither is touched. Returns the names removed."""
    removed = []
    for consumer in await redis.xinfo_consumers(stream, group):
        name = _text(consumer["name"])
        if name != keep and consumer["pending"] == 0 and consumer["idle"] >= idle_ms:
            # DELCONSUMER drops the consumer's pending entries too; there are none to drop.
            await redis.xgroup_delconsumer(stream, group, name)
            removed.append(name)
    return removed


async def keep_claimed(redis: Redis, stream: str, group: str, consumer: str, ids: list[str]) -> None:
    """Reset the idle time of entries this consumer is still working on, so that no other
    consumer reclaims them meanwhile. JUSTID leaves their delivery counts unchanged."""
    if ids:
        message_ids: list[StreamIdT] = list(ids)
        await redis.xclaim(stream, group, consumer, min_idle_time=0, message_ids=message_ids, justid=True)
