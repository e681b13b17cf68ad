"""Sharded streams on one Redis: ingest routes by article, an extractor reads the shards it
is given (each with its own group), and the projector reads them all."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
from redis.asyncio import Redis
from spacy.language import Language

from services.common.settings import Settings
from services.common.sharding import shard_of
from services.projector.projection import Projector
from services.projector.queries import get_article
from tests.factories import ARTICLE_TEXT, TEST_PRODUCER, publish_extracted

SHARDS = 3


def ids_on(shard: int, count: int) -> list[str]:
    """Article ids that hash to the given shard."""
    found, n = [], 0
    while len(found) < count:
        if shard_of(f"sharded-{n}", SHARDS) == shard:
            found.append(f"sharded-{n}")
        n += 1
    return found


async def wait_for(check: Callable[[], Awaitable[bool]], timeout: float = 60) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_an_extractor_reads_only_the_shards_it_is_given(redis: Redis, settings: Settings) -> None:
    from services.extractor.service import build_app
    from services.ingest.api import create_app

    sharded = settings.model_copy(update={"stream_shards": SHARDS})
    ingest = httpx.AsyncClient(transport=httpx.ASGITransport(create_app(sharded)), base_url="http://i")
    async with ingest:
        for article_id in ids_on(0, 2) + ids_on(1, 2) + ids_on(2, 2):
            posted = await ingest.post(
                "/articles", json={"id": article_id, "title": "t", "body": ARTICLE_TEXT}
            )
            assert posted.json()["stream"] == sharded.for_article(article_id).streams.articles
    shard = [sharded.for_shard(n).streams for n in range(SHARDS)]
    assert [await redis.xlen(s.articles) for s in shard] == [2, 2, 2]

    app = build_app(sharded.model_copy(update={"extractor_shards": "1,2"}))
    task = asyncio.create_task(app.run())
    try:
        # Two read loops, one per shard, take turns on the one worker process.
        async def shards_1_and_2_done() -> bool:
            return [await redis.xlen(s.extractions) for s in shard[1:]] == [2, 2]

        await wait_for(shards_1_and_2_done)
    finally:
        app.exit()
        await asyncio.wait_for(task, 20)
    # Shard 0 was not this extractor's: untouched, and no group of it was made.
    assert await redis.xlen(shard[0].extractions) == 0
    assert [g["name"] for g in await redis.xinfo_groups(shard[1].articles)] == [sharded.extractor_group]
    assert not await redis.exists(shard[0].extractions)
    assert await redis.xinfo_groups(shard[0].articles) == []

    # The projector reads every shard: shards 1 and 2's articles are extracted, shard 0's received.
    projector = Projector(redis, sharded, TEST_PRODUCER)
    for stream in projector.streams():
        await projector.catch_up(stream)
    for article_id in ids_on(1, 2) + ids_on(2, 2):
        assert (await get_article(redis, projector.keys, article_id) or {}).get("complete")
    for article_id in ids_on(0, 2):
        assert (await get_article(redis, projector.keys, article_id) or {}).get("status") == "received"


async def test_growing_from_one_shard_keeps_the_history_projected(
    redis: Redis, settings: Settings, nlp: Language
) -> None:
    before = await publish_extracted(redis, settings, nlp)  # written with one shard
    grown = settings.model_copy(update={"stream_shards": SHARDS})
    (after,) = ids_on(1, 1)
    await publish_extracted(redis, grown.for_article(after), nlp, article_id=after)
    assert await redis.xlen(grown.for_shard(1).streams.articles) == 1

    projector = Projector(redis, grown, TEST_PRODUCER)
    for stream in projector.streams():
        await projector.catch_up(stream)
    for article_id in (before, after):
        assert (await get_article(redis, projector.keys, article_id) or {}).get("complete")
