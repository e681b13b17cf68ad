"""Ingest's HTTP API: POST /articles validates an article and publishes ArticleReceived."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import Depends, FastAPI, Request, Response
from pydantic import BaseModel
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.access_log import AccessLog
from services.common.api_keys import require_key
from services.common.event_store import EventStore
from services.common.http_errors import ApiError, install_error_model, responses
from services.common.producer import producer
from services.common.redis_client import connect
from services.common.settings import Settings
from services.ingest.body_limit import BodyGuard
from services.ingest.commands import SubmitArticle
from services.ingest.publishing import ConflictingRepost, Published, publish_article

log = structlog.get_logger("sitrep.ingest")


class Accepted(BaseModel):
    article_id: str
    event_id: str
    stream: str
    entry_id: str
    duplicate: bool


def _write_keys(request: Request) -> frozenset[str]:
    settings: Settings = request.app.state.settings
    return settings.write_keys()


def _unavailable(settings: Settings, exc: BaseException) -> ApiError:
    log.error("publish_failed", error=repr(exc))
    return ApiError(
        503,
        "the event store is unavailable; nothing was stored",
        headers={"Retry-After": str(settings.retry_after_s)},
    )


def _conflict(exc: ConflictingRepost) -> ApiError:
    stored = exc.published
    return ApiError(
        409,
        f"{exc}: the stored event is {stored.event_id} at {stored.stream} {stored.entry_id}; "
        "post it under another id to keep both",
    )


async def _publish(settings: Settings, store: EventStore, redis: Redis, article: SubmitArticle) -> Published:
    """Publish within the Redis time budget: a 202 only for an article that is stored."""
    try:
        async with asyncio.timeout(settings.redis_timeout_s):
            return await publish_article(store, redis, settings, article, producer("ingest"))
    except ConflictingRepost as exc:
        raise _conflict(exc) from exc
    except (RedisError, TimeoutError, OSError) as exc:
        raise _unavailable(settings, exc) from exc


def create_app(settings: Settings) -> FastAPI:
    redis = connect(settings)
    store = EventStore(redis)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await redis.aclose()

    app = FastAPI(
        title="sitrep ingest API",
        summary="Submit articles; each becomes one ArticleReceived event on the articles stream.",
        version=producer("ingest").version,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_model(app)
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes, paths=frozenset({"/articles"}))
    app.add_middleware(AccessLog)

    @app.post(
        "/articles",
        status_code=202,
        response_model=Accepted,
        tags=["articles"],
        dependencies=[Depends(require_key(_write_keys))],
        responses=responses(400, 401, 409, 413, 415, 422, 503),
    )
    async def submit_article(article: SubmitArticle, response: Response) -> dict[str, Any]:
        """Accept an article for extraction. The same article posted again returns the
        same id and publishes nothing (`duplicate: true`); the same id with other content
        answers 409. `entry_id` is the stream position of its event: pass `article_id` as
        `wait_for_article` to the read API to read your own write."""
        published = await _publish(settings, store, redis, article)
        log.info(
            "article_accepted",
            correlation_id=published.article_id,
            entry_id=published.entry_id,
            duplicate=published.duplicate,
        )
        response.headers["Location"] = f"/articles/{published.article_id}"
        return published.__dict__

    @app.get("/healthz", tags=["ops"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"], responses={503: {"description": "Redis does not answer"}})
    async def readyz(response: Response) -> dict[str, bool]:
        try:
            ok = bool(await redis.ping())
        except (RedisError, OSError):
            ok = False
        response.status_code = 200 if ok else 503
        return {"ready": ok}

    return app
