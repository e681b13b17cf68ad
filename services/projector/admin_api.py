"""Dead-letter management and replay over HTTP. Listing needs a read key (when set);
retry, drop and replay need a write key (when SITREP_API_KEY is set)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel
from redis.asyncio import Redis

from services.common import dead_letter_admin as letters
from services.common.http_errors import responses
from services.common.settings import Settings
from services.projector.auth import READ, WRITE
from services.projector.replay import replay
from services.projector.responses import DeadLetter, Page

router = APIRouter(tags=["ops"])

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page")]
ENTRY_ID = letters.ENTRY_ID_PATTERN
EntryId = Annotated[str, Path(pattern=ENTRY_ID, description="A dead-letter entry id, e.g. 1700000000000-0")]


class Replayed(BaseModel):
    applied: dict[str, int]


def _redis(request: Request) -> tuple[Redis, Settings]:
    runtime = request.app.state.runtime
    return runtime.redis, runtime.settings


@router.get(
    "/dead-letters", response_model=Page[DeadLetter], dependencies=READ, responses=responses(401, 422, 503)
)
async def list_dead_letters(
    request: Request,
    limit: Limit = 50,
    cursor: Annotated[
        str | None, Query(description="`next_cursor` of the previous page", pattern=ENTRY_ID)
    ] = None,
    resolved: Annotated[bool, Query(description="Include letters already retried or dropped")] = False,
) -> dict[str, Any]:
    """Entries that failed for good, newest first, with the reason and the original fields."""
    redis, settings = _redis(request)
    page = await letters.list_letters(redis, settings, limit, cursor, resolved=resolved)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/dead-letters/{entry_id}",
    response_model=DeadLetter,
    dependencies=READ,
    responses=responses(401, 404, 422, 503),
)
async def show_dead_letter(request: Request, entry_id: EntryId) -> dict[str, Any]:
    """One dead letter, with its resolution if it was retried or dropped."""
    redis, settings = _redis(request)
    return await letters.show(redis, settings, entry_id)


@router.post(
    "/dead-letters/{entry_id}/retry",
    response_model=DeadLetter,
    dependencies=WRITE,
    responses=responses(401, 404, 409, 422, 503),
)
async def retry_dead_letter(request: Request, entry_id: EntryId) -> dict[str, Any]:
    """Append the original entry to its stream again, so its consumers process it anew."""
    redis, settings = _redis(request)
    return await letters.resolve(redis, settings, entry_id, "retried")


@router.delete(
    "/dead-letters/{entry_id}",
    response_model=DeadLetter,
    dependencies=WRITE,
    responses=responses(401, 404, 409, 422, 503),
)
async def drop_dead_letter(request: Request, entry_id: EntryId) -> dict[str, Any]:
    """Mark the letter dropped: it stays in the stream (history) but leaves the list."""
    redis, settings = _redis(request)
    return await letters.resolve(redis, settings, entry_id, "dropped")


@router.post("/replay", response_model=Replayed, dependencies=WRITE, responses=responses(401, 503))
async def replay_read_models(request: Request) -> dict[str, Any]:
    """Delete the read models and rebuild them from the streams; answers entries applied."""
    _, settings = _redis(request)
    return {"applied": await replay(settings)}
