"""The read side: small query functions over the read models, paginated by cursor.

A page keeps each document as the JSON text Redis holds. Statements and strikes are stored
in the API's shape, so the HTTP layer can send that text as it is (`json_pages`) instead of
parsing, validating and serialising it again: that was most of the time of GET /strikes.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from redis.asyncio import Redis

from services.projector.keys import Keys, item_of, slug
from services.projector.read_models import articles, speakers

Doc = dict[str, Any]
# A page never scans more index entries than this; its cursor then resumes the scan.
SCAN_BUDGET = 5000


@dataclass(frozen=True)
class PageOf:
    raw: list[str]
    next_cursor: str | None
    # Turns a stored document into the API's shape; None: it is stored in that shape.
    shape: Callable[[Doc], Doc] | None = None

    @property
    def items(self) -> list[Doc]:
        docs = [json.loads(text) for text in self.raw]
        return [self.shape(doc) for doc in docs] if self.shape else docs


def encode_cursor(index_member: str) -> str:
    return base64.urlsafe_b64encode(index_member.encode()).decode().rstrip("=")


class InvalidCursor(ValueError):
    """A cursor this API did not hand out."""


# Unpadded base64url, as encode_cursor writes it (a length of 4n+1 is never base64).
CURSOR_PATTERN = r"^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2,3})?$"


def decode_cursor(cursor: str) -> str:
    """Any well-formed cursor is a position in an index (the members sort by it), so one
    this API did not hand out pages from wherever it falls rather than failing."""
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
    except ValueError as exc:
        raise InvalidCursor("invalid cursor") from exc
    return raw.decode("utf-8", errors="replace")


async def _page(
    redis: Redis,
    index: str,
    doc_key: Callable[[str], str],
    limit: int,
    cursor: str | None,
    keep: Callable[[Doc], bool] | None = None,
    newest_first: bool = True,
) -> PageOf:
    """Walk an index from the cursor; `keep` (which needs each document parsed) filters."""
    items: list[str] = []
    last = decode_cursor(cursor) if cursor else None
    scanned = 0
    while len(items) < limit and scanned < SCAN_BUDGET:
        batch = max(limit - len(items), 50)
        # The client decodes replies: members and documents are str.
        if newest_first:
            found = await redis.zrevrangebylex(index, f"({last}" if last else "+", "-", start=0, num=batch)
        else:
            found = await redis.zrangebylex(index, f"({last}" if last else "-", "+", start=0, num=batch)
        members = cast(list[str], found)
        if not members:
            return PageOf(items, None)
        values = cast(list[str | None], await redis.mget([doc_key(item_of(m)) for m in members]))
        for index_member, raw in zip(members, values, strict=True):
            scanned += 1
            last = index_member
            if raw and (keep is None or keep(json.loads(raw))):
                items.append(raw)
                if len(items) == limit:
                    break
    more = await _has_more(redis, index, last, newest_first) if last else False
    return PageOf(items, encode_cursor(last) if more and last else None)


async def _has_more(redis: Redis, index: str, last: str, newest_first: bool) -> bool:
    if newest_first:
        return bool(await redis.zrevrangebylex(index, f"({last}", "-", start=0, num=1))
    return bool(await redis.zrangebylex(index, f"({last}", "+", start=0, num=1))


async def get_doc(redis: Redis, key: str) -> Doc | None:
    raw = await redis.get(key)
    return json.loads(raw) if raw else None


async def list_articles(
    redis: Redis, keys: Keys, *, status: str | None, limit: int, cursor: str | None
) -> PageOf:
    index = keys.index("articles", "status", status) if status else keys.index("articles")
    page = await _page(redis, index, keys.article, limit, cursor)
    return PageOf(page.raw, page.next_cursor, articles.view)


async def get_article(redis: Redis, keys: Keys, article_id: str) -> Doc | None:
    doc = await get_doc(redis, keys.article(article_id))
    return articles.view(doc) if doc else None


async def list_statements(
    redis: Redis,
    keys: Keys,
    *,
    speaker: str | None,
    article_id: str | None,
    kind: str | None,
    q: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    cursor: str | None,
) -> PageOf:
    # Walk the most selective index; the other filters are checked on each document.
    if article_id:
        index = keys.index("statements", "article", article_id)
    elif speaker:
        index = keys.index("statements", "speaker", slug(speaker))
    elif kind:
        index = keys.index("statements", "kind", kind)
    else:
        index = keys.index("statements")
    needle = q.casefold() if q else None
    filtered = sum(bool(f) for f in (article_id, speaker, kind)) > 1 or any((q, since, until))

    def keep(doc: Doc) -> bool:
        return (
            (not speaker or doc["speaker_key"] == slug(speaker))
            and (not kind or doc["kind"] == kind)
            and (not needle or needle in doc["quote"].casefold())
            and (not since or doc["extracted_at"] >= since)
            and (not until or doc["extracted_at"] < until)
        )

    return await _page(redis, index, keys.statement, limit, cursor, keep if filtered else None)


async def list_speakers(redis: Redis, keys: Keys, *, q: str | None, limit: int, cursor: str | None) -> PageOf:
    needle = q.casefold() if q else None

    def keep(doc: Doc) -> bool:
        names = [doc["name"] or "", doc["description"] or "", *doc["aliases"], *doc["titles"]]
        return not needle or any(needle in n.casefold() for n in names)

    page = await _page(redis, keys.index("speakers"), keys.speaker, limit, cursor, keep, newest_first=False)
    return PageOf(page.raw, page.next_cursor, speakers.view)


async def list_strikes(
    redis: Redis,
    keys: Keys,
    *,
    actor: str | None,
    country: str | None,
    kind: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    cursor: str | None,
) -> PageOf:
    if actor:
        index = keys.index("strikes", "actor", slug(actor))
    elif country:
        index = keys.index("strikes", "country", slug(country))
    elif kind:
        index = keys.index("strikes", "kind", slug(kind))
    else:
        index = keys.index("strikes")

    def keep(doc: Doc) -> bool:
        date = doc["date"] or ""
        return (
            (not country or slug(doc["location"].get("country") or "") == slug(country))
            and (not kind or slug(doc["kind"]) == slug(kind))
            # ISO days and months compare as strings; a month matches a range it overlaps.
            and (not date_from or (bool(date) and date + "-99" >= date_from))
            and (not date_to or (bool(date) and date <= date_to))
        )

    filtered = sum(bool(f) for f in (actor, country, kind)) > 1 or bool(date_from or date_to)
    return await _page(redis, index, keys.strike, limit, cursor, keep if filtered else None)
