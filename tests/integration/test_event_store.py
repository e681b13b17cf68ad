from __future__ import annotations

from pathlib import Path

from redis.asyncio import Redis

from schemas.wire import from_fields
from services.common.event_store import EventStore, ensure_group
from services.common.settings import Settings
from tests.factories import article_event


async def test_append_is_idempotent_by_event_id(redis: Redis, settings: Settings) -> None:
    store = EventStore(redis)
    event = article_event()
    first = await store.append(settings.streams.articles, event)
    again = await store.append(settings.streams.articles, event)
    assert first.new and not again.new
    assert again.entry_id == first.entry_id
    assert await redis.xlen(settings.streams.articles) == 1


async def test_append_many_keeps_order_and_reads_back(redis: Redis, settings: Settings) -> None:
    store = EventStore(redis)
    events = [article_event() for _ in range(3)]
    appended = await store.append_many(settings.streams.articles, events)
    entries = await redis.xrange(settings.streams.articles)
    assert [e for e, _ in entries] == [a.entry_id for a in appended]
    assert [from_fields(f) for _, f in entries] == events
    assert await store.position_of(settings.streams.articles, events[1].event_id) == appended[1].entry_id


async def test_group_is_created_at_stream_start(redis: Redis, settings: Settings) -> None:
    store = EventStore(redis)
    await store.append(settings.streams.articles, article_event())
    await ensure_group(redis, settings.streams.articles, "g")
    await ensure_group(redis, settings.streams.articles, "g")  # a second start is harmless
    read = await redis.xreadgroup("g", "c", {settings.streams.articles: ">"}, count=10)
    assert len(read[0][1]) == 1  # the entry written before the group existed is delivered


def test_embedded_redis_starts_from_a_relative_data_dir(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`make run` keeps its data in .sitrep/redis, relative to the checkout."""
    import redis as sync_redis

    from services.common.embedded_redis import EmbeddedRedis

    monkeypatch.chdir(tmp_path)
    server = EmbeddedRedis(Path(".sitrep/redis"), persist=True)
    try:
        client = sync_redis.Redis.from_url(server.start())
        client.xadd("s", {"k": "v"})
        assert client.xlen("s") == 1
        client.close()
    finally:
        server.stop()
    assert (tmp_path / ".sitrep/redis/redis.log").exists()
