"""A StrikeReported entry written at v1, stored in a real stream, read and projected at v2."""

from __future__ import annotations

from redis.asyncio import Redis

from schemas.strikes import StrikeReported
from schemas.wire import from_fields
from services.common.settings import Settings
from services.projector.projection import Projector
from services.projector.queries import list_strikes
from tests.factories import TEST_PRODUCER, V1_STRIKE_ENTRY


async def test_a_stored_v1_strike_is_read_as_v2(redis: Redis, settings: Settings) -> None:
    entry_id = await redis.xadd(settings.streams.strikes, V1_STRIKE_ENTRY)
    ((read_id, fields),) = await redis.xrange(settings.streams.strikes)
    assert read_id == entry_id and fields["schema_version"] == "1"  # history as it was written

    event = from_fields(fields)
    assert isinstance(event, StrikeReported) and event.schema_version == 2
    assert event.strike.date == "2024-03-11" and event.strike.date_precision == "day"
    assert event.strike.provenance == {}
    assert (await redis.xrange(settings.streams.strikes))[0][1] == fields  # nothing rewritten


async def test_the_projector_serves_a_stored_v1_strike(redis: Redis, settings: Settings) -> None:
    await redis.xadd(settings.streams.strikes, V1_STRIKE_ENTRY)
    projector = Projector(redis, settings, TEST_PRODUCER)
    await projector.catch_up(settings.streams.strikes)

    page = await list_strikes(
        redis, projector.keys, actor="Russia", country=None, kind=None, date_from=None, date_to=None,
        limit=10, cursor=None,
    )  # fmt: skip
    (strike,) = page.items
    assert strike["actor"] == "Russia" and strike["date"] == "2024-03-11"
    assert strike["date_precision"] == "day"
