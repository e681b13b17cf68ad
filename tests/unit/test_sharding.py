"""Which shard an article belongs to, and the names of a shard's streams."""

from __future__ import annotations

import zlib
from collections import Counter

import pytest
from redis.cluster import key_slot

from services.common.settings import Settings
from services.common.sharding import parse_shards, shard_base, shard_of


def test_one_shard_keeps_the_unsharded_names() -> None:
    settings = Settings(key_prefix="sitrep")
    assert settings.streams.articles == "sitrep:articles"
    assert settings.for_article("art-1").streams.statements == "sitrep:statements"
    assert [s.articles for s in settings.all_shard_streams()] == ["sitrep:articles"]


def test_each_shard_has_its_own_hash_tag_ahead_of_the_prefix_tag() -> None:
    settings = Settings(key_prefix="{sitrep}", redis_cluster=True, stream_shards=4)
    shard = settings.for_shard(3).streams
    assert shard.articles == "sitrep:{s3}:articles" and shard.extractions == "sitrep:{s3}:extractions"
    # A shard's streams (and the event index beside each) share a slot; the dead letters stay
    # beside the read models.
    slots = {key_slot(k.encode()) for k in (shard.articles, shard.strikes, f"{shard.strikes}:index")}
    assert slots == {key_slot(b"s3")}
    assert key_slot(shard.dead_letters.encode()) == key_slot(b"sitrep")


def test_an_article_always_lands_on_the_same_shard_and_the_shards_share_the_load() -> None:
    assert shard_of("art-42", 8) == zlib.crc32(b"art-42") % 8 == shard_of("art-42", 8)
    assert shard_of("anything", 1) == 0
    counts = Counter(shard_of(f"art-{n}", 4) for n in range(4000))
    assert set(counts) == {0, 1, 2, 3} and min(counts.values()) > 800
    settings = Settings(stream_shards=4)
    shard = shard_of("art-42", 4)
    assert settings.for_article("art-42").streams.articles == f"sitrep:{{s{shard}}}:articles"


def test_an_extractor_takes_every_shard_or_the_subset_it_is_given() -> None:
    assert Settings(stream_shards=3).consumed_shards() == [0, 1, 2]
    assert Settings(stream_shards=3, extractor_shards="2, 0").consumed_shards() == [0, 2]
    assert parse_shards(" ", 2) == [0, 1]
    with pytest.raises(ValueError, match="outside"):
        Settings(stream_shards=2, extractor_shards="2")
    with pytest.raises(ValueError, match="outside"):
        shard_base("sitrep", 2, 5)
