"""Projection on a real Redis: atomic checkpoints, idempotence, replay equals live."""

from __future__ import annotations

import json
from typing import Any

from redis.asyncio import Redis
from spacy.language import Language

from schemas.records import Casualties, Location, Strike
from schemas.strikes import StrikeReported
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.projector.projection import Projector
from services.projector.queries import list_articles, list_statements, list_strikes
from tests.factories import TEST_PRODUCER, publish_extracted, strike_reported


async def dump_read_models(redis: Redis, projector: Projector) -> dict[str, Any]:
    out: dict[str, Any] = {}
    async for key in redis.scan_iter(match=projector.keys.all_pattern()):
        kind = await redis.type(key)
        if kind == "zset":
            out[key] = await redis.zrange(key, 0, -1)
        elif ":checkpoint:" in key:
            out[key] = await redis.get(key)
        else:
            out[key] = json.loads(await redis.get(key))
    return out


async def project_all(projector: Projector) -> None:
    for stream in projector.streams():
        await projector.catch_up(stream)


async def test_projects_articles_statements_and_checkpoints(
    redis: Redis, settings: Settings, nlp: Language
) -> None:
    article_id = await publish_extracted(redis, settings, nlp)
    projector = Projector(redis, settings, TEST_PRODUCER)
    await project_all(projector)

    page = await list_articles(redis, projector.keys, status="extracted", limit=10, cursor=None)
    (article,) = page.items
    assert article["article_id"] == article_id and article["complete"]
    statements = await list_statements(
        redis,
        projector.keys,
        speaker=None,
        article_id=article_id,
        kind=None,
        q=None,
        since=None,
        until=None,
        limit=50,
        cursor=None,
    )
    assert len(statements.items) == article["statements"] > 0
    for stream in projector.streams():
        last = await redis.xrevrange(stream, count=1)
        assert await projector.checkpoint(stream) == (last[0][0] if last else None)


async def test_an_entry_is_applied_once(redis: Redis, settings: Settings, nlp: Language) -> None:
    await publish_extracted(redis, settings, nlp)
    projector = Projector(redis, settings, TEST_PRODUCER)
    await project_all(projector)
    before = await dump_read_models(redis, projector)
    entry_id, fields = (await redis.xrange(settings.streams.statements, count=1))[0]
    assert await projector.apply_entry(settings.streams.statements, entry_id, fields) is False
    assert await dump_read_models(redis, projector) == before


async def test_replay_rebuilds_the_same_read_models(redis: Redis, settings: Settings, nlp: Language) -> None:
    projector = Projector(redis, settings, TEST_PRODUCER)
    await publish_extracted(redis, settings, nlp)
    # Live: streams interleaved, in an order unlike replay's stream-by-stream one.
    for stream in reversed(projector.streams()):
        await projector.catch_up(stream)
    await publish_extracted(
        redis, settings, nlp, body="Israeli aircraft struck a school in Gaza City on Monday."
    )
    await project_all(projector)
    live = await dump_read_models(redis, projector)

    assert await projector.reset() > 0
    assert await dump_read_models(redis, projector) == {}
    await project_all(projector)
    assert await dump_read_models(redis, projector) == live


async def test_unreadable_derived_entry_is_dead_lettered_and_skipped(
    redis: Redis, settings: Settings
) -> None:
    projector = Projector(redis, settings, TEST_PRODUCER)
    bad = await redis.xadd(settings.streams.statements, {"event_type": "StatementExtracted", "data": "{"})
    assert await projector.catch_up(settings.streams.statements) == 0
    assert await projector.checkpoint(settings.streams.statements) == bad
    assert await redis.xlen(settings.streams.dead_letters) == 1


def strike_report(article_id: str, strike_id: str, **overrides: Any) -> StrikeReported:
    fields: dict[str, Any] = {
        "actor": "Russia",
        "kind": "airstrike",
        "date": "2024-03-12",
        "location": Location(country="Syria"),
        "targets": ["hospital"],
        "casualties": Casualties(killed="9", killed_min=9, killed_max=9),
    }
    fields.update(overrides)
    return strike_reported(article_id, strike_id, Strike(**fields))


async def test_same_strike_from_two_articles_is_one_record_with_two_sources(
    redis: Redis, settings: Settings
) -> None:
    store = EventStore(redis)
    reports = [
        strike_report("a1", "s1"),
        strike_report(
            "a2",
            "s2",
            location=Location(country="Syria", region="Idlib"),
            targets=["clinic"],
            casualties=Casualties(killed="at least 11", killed_min=11),
        ),
        strike_report("a2", "s3", date="2024-03-13"),
    ]
    await store.append_many(settings.streams.strikes, reports)
    projector = Projector(redis, settings, TEST_PRODUCER)
    await project_all(projector)
    page = await list_strikes(
        redis,
        projector.keys,
        actor="russia",
        country=None,
        kind=None,
        date_from="2024-03-12",
        date_to="2024-03-12",
        limit=10,
        cursor=None,
    )
    (strike,) = page.items
    assert [s["article_id"] for s in strike["sources"]] == ["a1", "a2"]
    assert strike["targets"] == ["hospital", "clinic"]
    assert strike["location"] == {"country": "Syria", "region": "Idlib", "place": None}
    # Each source keeps its own toll, so a disputed count shows side by side.
    assert [s["casualties"]["killed"] for s in strike["sources"]] == ["9", "at least 11"]
    everything = await list_strikes(
        redis,
        projector.keys,
        actor=None,
        country="syria",
        kind="airstrike",
        date_from=None,
        date_to=None,
        limit=1,
        cursor=None,
    )
    assert len(everything.items) == 1 and everything.next_cursor


async def test_a_batch_applies_only_entries_past_the_checkpoint(redis: Redis, settings: Settings) -> None:
    store = EventStore(redis)
    first, second = strike_report("a1", "s1"), strike_report("a2", "s2", date="2024-03-20")
    await store.append_many(settings.streams.strikes, [first, second])
    entries = await redis.xrange(settings.streams.strikes)
    projector = Projector(redis, settings, TEST_PRODUCER)
    assert await projector.apply_batch(settings.streams.strikes, entries[:1]) == 1
    before = await dump_read_models(redis, projector)
    # A redelivered batch that overlaps what was applied applies only the rest.
    assert await projector.apply_batch(settings.streams.strikes, entries) == 1
    assert await projector.apply_batch(settings.streams.strikes, entries) == 0
    after = await dump_read_models(redis, projector)
    assert set(after) > set(before)
    assert await projector.checkpoint(settings.streams.strikes) == entries[-1][0]


async def test_one_batch_equals_one_entry_at_a_time(redis: Redis, settings: Settings, nlp: Language) -> None:
    await publish_extracted(redis, settings, nlp)
    await publish_extracted(redis, settings, nlp)
    projector = Projector(redis, settings, TEST_PRODUCER)
    for stream in projector.streams():
        for entry_id, fields in await redis.xrange(stream):
            await projector.apply_entry(stream, entry_id, fields)
    one_by_one = await dump_read_models(redis, projector)
    await projector.reset()
    for stream in projector.streams():
        await projector.apply_batch(stream, await redis.xrange(stream))
    assert await dump_read_models(redis, projector) == one_by_one
