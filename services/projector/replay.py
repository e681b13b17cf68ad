"""`sitrep replay`: throw the read models away and rebuild them from the streams."""

from __future__ import annotations

import structlog

from services.common.producer import producer
from services.common.redis_client import connect
from services.common.settings import Settings
from services.projector.projection import Projector

log = structlog.get_logger("sitrep.replay")


async def replay(settings: Settings) -> dict[str, int]:
    """Returns entries applied per stream. A running projector may keep going meanwhile:
    every write re-checks its checkpoint, so the two never apply an entry twice."""
    redis = connect(settings)
    try:
        projector = Projector(redis, settings, producer("replay"))
        deleted = await projector.reset()
        log.info("read_models_reset", keys=deleted)
        return {stream: await projector.catch_up(stream) for stream in projector.streams()}
    finally:
        await redis.aclose()
