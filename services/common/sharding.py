"""How the event streams split into shards: which shard an article belongs to, and the
names of a shard's streams.

Pure functions of the key prefix and the shard count, so every service (and a client in
another language) derives the same names. With one shard the names are the unsharded
ones (`sitrep:articles`), so a deployment that never sets a shard count sees no change.
"""

from __future__ import annotations

import zlib

STREAM_NAMES = ("articles", "statements", "strikes", "extractions")


def shard_of(article_id: str, shards: int) -> int:
    """A stable shard for an article: CRC32 of its id, the same in every process and language
    (Python's own `hash` is salted per process)."""
    if shards <= 1:
        return 0
    return zlib.crc32(article_id.encode("utf-8")) % shards


def untagged(key_prefix: str) -> str:
    """The prefix without its hash-tag braces: '{sitrep}' -> 'sitrep'. A shard's own tag must
    be the first one in its keys, or Redis would hash them all on the prefix's tag."""
    return key_prefix.replace("{", "").replace("}", "")


def shard_base(key_prefix: str, shards: int, shard: int) -> str:
    """The prefix of one shard's streams: 'sitrep' with one shard, 'sitrep:{s3}' for shard 3."""
    if shards <= 1:
        return key_prefix
    if not 0 <= shard < shards:
        raise ValueError(f"shard {shard} outside 0..{shards - 1}")
    return f"{untagged(key_prefix)}:{{s{shard}}}"


def parse_shards(spec: str, shards: int) -> list[int]:
    """'0,2' -> [0, 2]; '' -> every shard. Refuses shards that do not exist."""
    if not spec.strip():
        return list(range(shards))
    chosen = sorted({int(part) for part in spec.split(",") if part.strip()})
    outside = [s for s in chosen if not 0 <= s < shards]
    if outside:
        raise ValueError(f"shards {outside} outside 0..{shards - 1}")
    return chosen
