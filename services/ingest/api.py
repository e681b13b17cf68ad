"""Ingest's HTTP API: POST /articles validates an article and publishes ArticleReceived."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from redis.exceptions import RedisError

from services.common.event_store import EventStore
from services.common.producer import producer
from services.common.redis_client import connect
from services.common.settings import Settings
from services.ingest.commands import SubmitArticle
from services.ingest.publishing import publish_article

log = structlog.get_logger("sitrep.ingest")


class Accepted(BaseModel):
    article_id: str
    event_id: str
    stream: str
    entry_id: str
    duplicate: bool


def create_app(settings: Settings) -> FastAPI:
    redis = connect(settings)
    store = EventStore(redis)
    me = producer("ingest")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await redis.aclose()

    app = FastAPI(
        title="sitrep ingest API",
        summary="Submit articles; each becomes one ArticleReceived event on the articles stream.",
        version=me.version,
        lifespan=lifespan,
    )

    @app.middleware("http")
    async def cap_body_size(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # Refuse before reading the body when the client declares its size, and after reading otherwise.
        declared = request.headers.get("content-length")
        too_big = JSONResponse(
            {"detail": f"request body over {settings.max_body_bytes} bytes"}, status_code=413
        )
        if declared and declared.isdigit() and int(declared) > settings.max_body_bytes:
            return too_big
        if request.method == "POST" and len(await request.body()) > settings.max_body_bytes:
            return too_big
        return await call_next(request)

    @app.post("/articles", status_code=202, response_model=Accepted, tags=["articles"])
    async def submit_article(article: SubmitArticle, response: Response) -> dict[str, Any]:
        """Accept an article for extraction. The same article posted again returns the
        same id and publishes nothing (`duplicate: true`). `entry_id` is the stream
        position of its event: pass `article_id` as `wait_for_article` to the read API
        to read your own write."""
        try:
            published = await publish_article(store, settings, article, me)
        except RedisError as exc:
            log.error("publish_failed", error=repr(exc))
            raise HTTPException(503, "event store unavailable") from exc
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

    @app.get("/readyz", tags=["ops"])
    async def readyz(response: Response) -> dict[str, bool]:
        try:
            ok = bool(await redis.ping())
        except RedisError:
            ok = False
        response.status_code = 200 if ok else 503
        return {"ready": ok}

    return app
