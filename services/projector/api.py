"""HTTP routes of the read side. Thin: parse the query, call `queries`, shape the page."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, cast

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import StreamingResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from redis.exceptions import RedisError

from schemas.articles import article_received_id
from services.common.event_store import index_key
from services.common.http_errors import ApiError, responses
from services.common.sharding import shard_of
from services.projector import admin_api, queries
from services.projector.auth import READ
from services.projector.json_pages import page_response
from services.projector.responses import Article, Page, Speaker, Statement, Strike
from services.projector.runtime import ProjectorRuntime

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page")]
Cursor = Annotated[
    str | None, Query(description="`next_cursor` of the previous page", pattern=queries.CURSOR_PATTERN)
]
WaitFor = Annotated[
    str | None,
    Query(description="Read-your-writes: first wait until this article's events are all projected"),
]
WaitMs = Annotated[int, Query(ge=0, le=30_000, description="How long `wait_for_article` may wait")]
LIST_ERRORS = responses(401, 422, 503)
WAIT_ERRORS = responses(401, 404, 422, 503, 504)


def _instant(value: datetime | None) -> str | None:
    """As the read models write times (ISO, UTC), so that strings compare as times."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _runtime(request: Request) -> ProjectorRuntime:
    return cast(ProjectorRuntime, request.app.state.runtime)


def _page(page: queries.PageOf) -> dict[str, Any]:
    return {"items": page.items, "next_cursor": page.next_cursor}


async def _known(runtime: ProjectorRuntime, article_id: str) -> bool:
    """Ingest indexed it, or it is projected (a client may XADD without ingest)."""
    settings = runtime.settings
    index = index_key(settings.shard_streams(shard_of(article_id, settings.stream_shards)).articles)
    if await runtime.redis.hexists(index, article_received_id(article_id)):
        return True
    return await queries.get_article(runtime.redis, runtime.projector.keys, article_id) is not None


async def _wait_for_article(runtime: ProjectorRuntime, article_id: str | None, wait_ms: int) -> None:
    """Block until the article is fully projected (or failed), or the wait runs out (then 504).
    An article nobody published answers 404 at once: waiting for it could only time out."""
    if not article_id:
        return
    if not await _known(runtime, article_id):
        raise ApiError(404, f"no article {article_id} was published")
    deadline = time.monotonic() + wait_ms / 1000
    while True:
        view = await queries.get_article(runtime.redis, runtime.projector.keys, article_id)
        if view and (view["complete"] or view["status"] == "failed"):
            return
        if time.monotonic() >= deadline:
            raise ApiError(504, f"article {article_id} not projected within {wait_ms} ms")
        await asyncio.sleep(0.05)


@router.get("/healthz", tags=["ops"])
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", tags=["ops"])
async def readyz(request: Request, response: Response) -> dict[str, Any]:
    """Redis answers and the projection subscribers run."""
    runtime = _runtime(request)
    try:
        redis_ok = bool(await runtime.redis.ping())
    except RedisError:
        redis_ok = False
    ready = redis_ok and runtime.running
    response.status_code = 200 if ready else 503
    return {"ready": ready, "redis": redis_ok, "projecting": runtime.running}


@router.get("/metrics", tags=["ops"], response_class=Response)
async def metrics(request: Request) -> Response:
    """Prometheus: entries projected, stream lengths, extractor lag and pending, projection lag,
    dead letters."""
    runtime = _runtime(request)
    projector = runtime.projector
    checkpoints = {stream: await projector.checkpoint(stream) for stream in projector.streams()}
    await runtime.gauges.refresh(runtime.redis, runtime.settings, checkpoints)
    return Response(generate_latest(runtime.registry), media_type=CONTENT_TYPE_LATEST)


@router.get(
    "/articles", response_model=Page[Article], tags=["articles"], dependencies=READ, responses=LIST_ERRORS
)
async def list_articles(
    request: Request,
    status: Literal["received", "extracted", "failed"] | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Articles, newest first, with processing status and counts."""
    runtime = _runtime(request)
    page = await queries.list_articles(
        runtime.redis, runtime.projector.keys, status=status, limit=limit, cursor=cursor
    )
    return _page(page)


@router.get(
    "/articles/{article_id}",
    response_model=Article,
    tags=["articles"],
    dependencies=READ,
    responses=responses(401, 404, 422, 503, 504),
)
async def get_article(
    request: Request, article_id: str, wait: bool = False, wait_ms: WaitMs = 5000
) -> dict[str, Any]:
    """One article; `wait=true` waits until its statements and strikes are all projected."""
    runtime = _runtime(request)
    if wait:
        await _wait_for_article(runtime, article_id, wait_ms)
    view = await queries.get_article(runtime.redis, runtime.projector.keys, article_id)
    if view is None:
        raise ApiError(404, f"no article {article_id}")
    return view


@router.get(
    "/statements",
    response_model=Page[Statement],
    tags=["statements"],
    dependencies=READ,
    responses=WAIT_ERRORS,
)
async def list_statements(
    request: Request,
    speaker: Annotated[str | None, Query(description="Canonical speaker name, e.g. 'Peter Cook'")] = None,
    article_id: str | None = None,
    kind: Literal["direct", "indirect"] | None = None,
    q: Annotated[str | None, Query(description="Text the quote contains (case-insensitive)")] = None,
    since: Annotated[
        datetime | None, Query(description="Extracted at or after (ISO time; UTC if no zone)")
    ] = None,
    until: Annotated[
        datetime | None, Query(description="Extracted before (ISO time; UTC if no zone)")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    wait_for_article: WaitFor = None,
    wait_ms: WaitMs = 5000,
) -> Response:
    """Statements, newest first."""
    runtime = _runtime(request)
    await _wait_for_article(runtime, wait_for_article, wait_ms)
    page = await queries.list_statements(
        runtime.redis,
        runtime.projector.keys,
        speaker=speaker,
        article_id=article_id,
        kind=kind,
        q=q,
        since=_instant(since),
        until=_instant(until),
        limit=limit,
        cursor=cursor,
    )
    return page_response(page)  # stored in the response shape: sent as it is


@router.get(
    "/statements/{statement_id}",
    response_model=Statement,
    tags=["statements"],
    dependencies=READ,
    responses=responses(401, 404, 422, 503),
)
async def get_statement(request: Request, statement_id: str) -> dict[str, Any]:
    runtime = _runtime(request)
    doc = await queries.get_doc(runtime.redis, runtime.projector.keys.statement(statement_id))
    if doc is None:
        raise ApiError(404, f"no statement {statement_id}")
    return doc


@router.get(
    "/speakers", response_model=Page[Speaker], tags=["statements"], dependencies=READ, responses=LIST_ERRORS
)
async def list_speakers(
    request: Request,
    q: Annotated[str | None, Query(description="Part of a name, alias, title or description")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """The speaker directory, alphabetical."""
    runtime = _runtime(request)
    page = await queries.list_speakers(runtime.redis, runtime.projector.keys, q=q, limit=limit, cursor=cursor)
    return _page(page)


@router.get(
    "/strikes", response_model=Page[Strike], tags=["strikes"], dependencies=READ, responses=WAIT_ERRORS
)
async def list_strikes(
    request: Request,
    actor: Annotated[str | None, Query(description="Canonical actor, e.g. 'Russia'")] = None,
    country: Annotated[str | None, Query(description="Country where the strike hit")] = None,
    kind: str | None = None,
    date_from: Annotated[date | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[date | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    wait_for_article: WaitFor = None,
    wait_ms: WaitMs = 5000,
) -> Response:
    """Strikes merged across articles, each with every source's version."""
    runtime = _runtime(request)
    await _wait_for_article(runtime, wait_for_article, wait_ms)
    page = await queries.list_strikes(
        runtime.redis,
        runtime.projector.keys,
        actor=actor,
        country=country,
        kind=kind,
        date_from=_day(date_from),
        date_to=_day(date_to),
        limit=limit,
        cursor=cursor,
    )
    return page_response(page)  # stored in the response shape: sent as it is


STREAM_NAMES = ("statements", "strikes", "extractions", "articles", "dead_letters")


async def _newest_entry_id(runtime: ProjectorRuntime, stream: str) -> str:
    """Where "from now on" starts, as an id. "$" would be read afresh by each XREAD, so an entry
    landing between two reads (or before the first) would be missed, and a resume token would say "$"."""
    newest = await runtime.redis.xrevrange(stream, count=1)
    return str(newest[0][0]) if newest else "0-0"


@router.get(
    "/events",
    tags=["events"],
    response_class=StreamingResponse,
    dependencies=READ,
    responses=responses(401, 422, 503),
)
async def events(
    request: Request,
    streams: Annotated[str, Query(description=f"Comma-separated, from {', '.join(STREAM_NAMES)}")] = (
        "statements,strikes,extractions"
    ),
    from_start: bool = False,
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    """Server-sent events of the derived streams. Each event's `id` is a resume token:
    send it back as `Last-Event-ID` to continue where the connection dropped."""
    runtime = _runtime(request)
    names = [s.strip() for s in streams.split(",") if s.strip()]
    unknown = [n for n in names if n not in STREAM_NAMES]
    if unknown or not names:
        raise ApiError(422, f"unknown streams {unknown}; choose from {STREAM_NAMES}")
    # Every shard's stream of each kind asked for (one of each unless the streams are sharded).
    shards = runtime.settings.all_shard_streams()
    positions = {getattr(s, n): "0" if from_start else "$" for s in shards for n in names}
    for stream, position in positions.items():
        if position == "$":
            positions[stream] = await _newest_entry_id(runtime, stream)
    if last_event_id:
        try:
            positions.update(json.loads(last_event_id))
        except (ValueError, TypeError) as exc:
            raise ApiError(422, "Last-Event-ID is not a token this feed gave") from exc

    async def feed() -> AsyncIterator[str]:
        yield ": connected\n\n"
        while not await request.is_disconnected():
            # The client decodes replies: [(stream, [(entry id, fields)])], all str.
            found = await runtime.redis.xread(dict(positions), count=100, block=1000)
            batches = cast(list[tuple[str, list[tuple[str, dict[str, str]]]]], found)
            if not batches:
                yield ": keep-alive\n\n"
                continue
            for stream, entries in batches:
                for entry_id, fields in entries:
                    positions[stream] = entry_id
                    token = json.dumps(positions, separators=(",", ":"))
                    event_type, data = fields.get("event_type", "unknown"), fields.get("data", "{}")
                    yield f"id: {token}\nevent: {event_type}\ndata: {data}\n\n"

    return StreamingResponse(feed(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


# Included last: these routes are defined in their own module and copied in here.
router.include_router(admin_api.router)
