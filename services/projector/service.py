"""The projector's composition root: stream subscribers that keep the read models, and
the HTTP API that serves them, in one process.

Each stream is read in order by one subscriber starting at its checkpoint (no consumer
group: the checkpoint is the position). A failed write is retried until it succeeds, so
an event is never skipped; several replicas are safe because every write re-checks the
checkpoint, but they only repeat each other's work.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI
from faststream.redis import StreamSub
from faststream.redis.annotations import RedisBatchStreamMessage
from prometheus_client import CollectorRegistry, Counter
from redis.exceptions import RedisError

from services.common.access_log import AccessLog
from services.common.metrics import StreamGauges
from services.common.producer import producer
from services.common.redis_client import connect, make_broker
from services.common.settings import Settings
from services.projector.api import router
from services.projector.dashboard.routes import router as dashboard_router
from services.projector.errors import install_errors
from services.projector.projection import Projector
from services.projector.runtime import ProjectorRuntime

log = structlog.get_logger("sitrep.projector")


def _subscribe(runtime: ProjectorRuntime, stream: str, last_id: str) -> None:
    async def on_entries(msg: RedisBatchStreamMessage) -> None:
        raw = msg.raw_message
        entries = [(i.decode(), fields) for i, fields in zip(raw["message_ids"], raw["data"], strict=True)]
        delay = 0.1
        while True:
            try:
                applied = await runtime.projector.apply_batch(stream, entries)
                runtime.applied.labels(stream).inc(applied)
                return
            except RedisError as exc:
                # Order matters: wait and retry these entries rather than move past them.
                log.warning("projection_retry", stream=stream, entry_id=entries[0][0], error=repr(exc))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    sub = StreamSub(stream, last_id=last_id, batch=True, max_records=runtime.settings.read_batch)
    runtime.broker.subscriber(stream=sub)(on_entries)


def build_runtime(settings: Settings) -> ProjectorRuntime:
    redis = connect(settings)
    registry = CollectorRegistry()
    return ProjectorRuntime(
        settings=settings,
        redis=redis,
        projector=Projector(redis, settings, producer("projector")),
        registry=registry,
        gauges=StreamGauges(registry),
        applied=Counter(
            "sitrep_projected_entries_total", "Entries applied to read models", ["stream"], registry=registry
        ),
        broker=make_broker(settings),
    )


@asynccontextmanager
async def run_projection(runtime: ProjectorRuntime) -> AsyncIterator[None]:
    """Subscribe every stream from its checkpoint, run until the context exits."""
    for stream in runtime.projector.streams():
        checkpoint = await runtime.projector.checkpoint(stream)
        _subscribe(runtime, stream, checkpoint or "0")
    await runtime.broker.start()
    runtime.running = True
    try:
        yield
    finally:
        runtime.running = False
        await runtime.broker.stop()
        await runtime.redis.aclose()


def create_app(settings: Settings) -> FastAPI:
    runtime = build_runtime(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with run_projection(runtime):
            yield

    app = FastAPI(
        title="sitrep read API",
        summary="Statements, speakers and strikes projected from the sitrep event streams.",
        version=producer("projector").version,
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.include_router(router)
    app.include_router(dashboard_router)
    install_errors(app)
    app.add_middleware(AccessLog)
    return app
