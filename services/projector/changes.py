"""What applying one event changes in the read models: a plain value, written atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio.client import Pipeline


@dataclass
class Changes:
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    index_add: set[tuple[str, str]] = field(default_factory=set)
    index_remove: set[tuple[str, str]] = field(default_factory=set)

    def put(self, key: str, doc: dict[str, Any]) -> None:
        self.docs[key] = doc

    def add(self, index: str, member: str) -> None:
        self.index_add.add((index, member))
        self.index_remove.discard((index, member))

    def remove(self, index: str, member: str) -> None:
        self.index_remove.add((index, member))
        self.index_add.discard((index, member))

    def merge(self, other: Changes) -> None:
        self.docs.update(other.docs)
        for index, member in other.index_remove:
            self.remove(index, member)
        for index, member in other.index_add:
            self.add(index, member)


def append_new(into: list[Any], values: Iterable[Any]) -> None:
    """Add each value not already there (and not None), keeping first-seen order."""
    for value in values:
        if value is not None and value not in into:
            into.append(value)


def _compact(doc: dict[str, Any]) -> str:
    # No spaces after separators: a merged strike's document is served as stored, and runs to
    # tens of kB.
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _by_index(pairs: set[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for index, member in sorted(pairs):
        grouped.setdefault(index, []).append(member)
    return grouped


def queue_writes(pipe: Pipeline, changes: Changes, one_mset: bool = True) -> None:
    """Queue the writes on a pipeline in MULTI mode; the caller adds the checkpoint and EXECs.

    As few commands as the batch allows (one MSET, one ZREM and one ZADD per index): each
    queued command costs a reply to parse, and parsing replies was most of replay's time.
    A cluster's transactional pipeline refuses multi-key commands: `one_mset=False` there."""
    values = {key: _compact(doc) for key, doc in changes.docs.items()}
    if values and one_mset:
        pipe.mset(values)
    else:
        for key, value in values.items():
            pipe.set(key, value)
    for index, members in _by_index(changes.index_remove).items():
        pipe.zrem(index, *members)
    for index, members in _by_index(changes.index_add).items():
        pipe.zadd(index, dict.fromkeys(members, 0))
