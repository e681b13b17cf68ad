"""The extractor against a real Redis: handler outcomes, and the FastStream service."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from redis.asyncio import Redis
from spacy.language import Language

from schemas.wire import from_fields, to_fields
from services.common.event_store import EventStore, ensure_group
from services.common.settings import Settings
from services.extractor.handler import ExtractorDeps, Outcome, handle_article_entry
from tests.factories import TEST_PRODUCER, article_event


class BrokenNlp:
    """Stands in for spaCy when the test needs extraction to fail."""

    def __call__(self, text: str) -> Any:
        raise RuntimeError("model crashed")


def deps(redis: Redis, settings: Settings, nlp: Any) -> ExtractorDeps:
    return ExtractorDeps(settings=settings, store=EventStore(redis), nlp=nlp, producer=TEST_PRODUCER)


def count(n: int) -> Callable[[], Any]:
    async def deliveries() -> int:
        return n

    return deliveries


async def wait_until(check: Callable[[], Any], timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def test_article_yields_events_and_a_redelivery_no_duplicates(
    redis: Redis, settings: Settings, nlp: Language
) -> None:
    event = article_event()
    d = deps(redis, settings, nlp)
    fields = to_fields(event)
    assert await handle_article_entry(d, "1-0", fields, count(1)) is Outcome.EXTRACTED
    streams = settings.streams
    first = {s: await redis.xlen(s) for s in streams.derived()}
    assert first[streams.statements] >= 1 and first[streams.extractions] == 1
    assert await handle_article_entry(d, "1-0", fields, count(2)) is Outcome.EXTRACTED
    assert {s: await redis.xlen(s) for s in streams.derived()} == first

    ((_, done_fields),) = await redis.xrange(streams.extractions)
    done = from_fields(done_fields)
    statements = [from_fields(f) for _, f in await redis.xrange(streams.statements)]
    assert done.statement_ids == [s.statement_id for s in statements]
    assert {s.correlation_id for s in statements} == {event.article_id}
    assert {s.causation_id for s in statements} == {event.event_id}


async def test_unreadable_entry_is_dead_lettered_at_once(
    redis: Redis, settings: Settings, nlp: Language
) -> None:
    outcome = await handle_article_entry(
        deps(redis, settings, nlp), "5-0", {"title": "no envelope"}, count(1)
    )
    assert outcome is Outcome.DEAD_LETTERED
    ((_, fields),) = await redis.xrange(settings.streams.dead_letters)
    letter = from_fields(fields)
    assert letter.reason == "unreadable" and letter.fields == {"title": "no envelope"}
    assert letter.entry_id == "5-0"


async def test_failing_extraction_is_retried_then_dead_lettered(redis: Redis, settings: Settings) -> None:
    d = deps(redis, settings, BrokenNlp())
    fields = to_fields(article_event())
    assert await handle_article_entry(d, "7-0", fields, count(1)) is Outcome.RETRY
    assert await redis.xlen(settings.streams.dead_letters) == 0
    assert (
        await handle_article_entry(d, "7-0", fields, count(settings.max_deliveries)) is Outcome.DEAD_LETTERED
    )
    ((_, letter_fields),) = await redis.xrange(settings.streams.dead_letters)
    letter = from_fields(letter_fields)
    assert letter.reason == "extraction_failed" and "model crashed" in letter.error
    assert letter.correlation_id == fields["correlation_id"]


@pytest.fixture
async def running_extractor(settings: Settings) -> Any:
    from services.extractor.service import build_app

    app = build_app(settings)
    task = asyncio.create_task(app.run())
    yield app
    app.exit()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.wait_for(task, 20)


async def test_service_processes_new_and_bad_entries_and_acks_all(
    redis: Redis, settings: Settings, running_extractor: Any
) -> None:
    streams = settings.streams
    await EventStore(redis).append(streams.articles, article_event())
    await redis.xadd(streams.articles, {"garbage": "yes"})

    async def done() -> bool:
        return await redis.xlen(streams.extractions) == 1 and await redis.xlen(streams.dead_letters) == 1

    await wait_until(done)

    async def all_acked() -> bool:
        groups = await redis.xinfo_groups(streams.articles)
        return groups[0]["pending"] == 0

    await wait_until(all_acked)


async def test_entries_stranded_by_a_dead_consumer_are_reclaimed(redis: Redis, settings: Settings) -> None:
    from services.extractor.service import build_app

    streams = settings.streams
    await ensure_group(redis, streams.articles, settings.extractor_group)
    await EventStore(redis).append(streams.articles, article_event())
    # A consumer reads the entry and dies without acknowledging it.
    await redis.xreadgroup(settings.extractor_group, "dead-consumer", {streams.articles: ">"}, count=1)

    app = build_app(settings)
    task = asyncio.create_task(app.run())
    try:

        async def extracted() -> bool:
            return await redis.xlen(streams.extractions) == 1

        await wait_until(extracted)
    finally:
        app.exit()
        await asyncio.wait_for(task, 20)
