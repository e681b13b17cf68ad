"""Read model: each article with its processing status and counts.

Every field is owned by one event type and status is derived from the fields, so the
result is the same whatever order the streams are applied in (live or replayed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.articles import ArticleReceived
from schemas.dead_letters import DeadLettered
from schemas.envelope import Event
from schemas.extractions import ArticleExtracted
from schemas.statements import StatementExtracted
from schemas.strikes import StrikeReported
from services.projector.changes import Changes
from services.projector.keys import Keys, member

Doc = dict[str, Any]


def _blank(article_id: str) -> Doc:
    return {
        "article_id": article_id,
        "title": None,
        "source": None,
        "url": None,
        "published_at": None,
        "language": None,
        "received_at": None,
        "entry_id": None,
        "extracted_at": None,
        "extractor_version": None,
        "expected_statements": None,
        "expected_strikes": None,
        "projected_statements": 0,
        "projected_strikes": 0,
        "error": None,
        "status": "received",
    }


def status_of(doc: Doc) -> str:
    if doc["extracted_at"]:
        return "extracted"
    if doc["error"]:
        return "failed"
    return "received"


def _article_id(event: Event) -> str | None:
    if isinstance(event, ArticleReceived | ArticleExtracted | StatementExtracted | StrikeReported):
        return event.article_id
    if isinstance(event, DeadLettered) and event.correlation_id != "unknown":
        return event.correlation_id
    return None


def keys_for(event: Event, keys: Keys) -> list[str]:
    article_id = _article_id(event)
    if article_id is None:
        return []
    extra = []
    # The item's own key tells whether this event was already counted.
    if isinstance(event, StatementExtracted):
        extra.append(keys.statement(event.statement_id))
    elif isinstance(event, StrikeReported):
        extra.append(keys.strike_source(event.strike_id))
    return [keys.article(article_id), *extra]


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    article_id = _article_id(event)
    if article_id is None:
        return changes
    key = keys.article(article_id)
    before = docs.get(key)
    doc = dict(before) if before else _blank(article_id)
    old_status = status_of(doc)

    if isinstance(event, ArticleReceived):
        if doc["entry_id"] is not None:
            return changes
        doc.update(
            title=event.title,
            source=event.source,
            url=event.url,
            published_at=event.published_at.isoformat() if event.published_at else None,
            language=event.language,
            received_at=event.occurred_at.isoformat(),
            entry_id=entry_id,
        )
    elif isinstance(event, ArticleExtracted):
        doc.update(
            extracted_at=event.occurred_at.isoformat(),
            extractor_version=event.extractor_version,
            expected_statements=len(event.statement_ids),
            expected_strikes=len(event.strike_ids),
        )
    elif isinstance(event, DeadLettered):
        doc["error"] = f"{event.reason}: {event.error}"
    elif isinstance(event, StatementExtracted):
        if docs.get(keys.statement(event.statement_id)):
            return changes
        doc["projected_statements"] += 1
    elif isinstance(event, StrikeReported):
        if docs.get(keys.strike_source(event.strike_id)):
            return changes
        doc["projected_strikes"] += 1

    doc["status"] = status_of(doc)
    changes.put(key, doc)
    if doc["entry_id"]:
        item = member(doc["entry_id"], article_id)
        changes.add(keys.index("articles"), item)
        if old_status != doc["status"]:
            changes.remove(keys.index("articles", "status", old_status), item)
        changes.add(keys.index("articles", "status", doc["status"]), item)
    return changes


def view(doc: Doc) -> Doc:
    """The API's shape of an article: counts and whether its read models are complete."""
    extracted = doc["status"] == "extracted"
    complete = (
        extracted
        and doc["projected_statements"] >= (doc["expected_statements"] or 0)
        and doc["projected_strikes"] >= (doc["expected_strikes"] or 0)
    )
    return {
        "article_id": doc["article_id"],
        "title": doc["title"],
        "source": doc["source"],
        "url": doc["url"],
        "published_at": doc["published_at"],
        "language": doc["language"],
        "status": doc["status"],
        "received_at": doc["received_at"],
        "extracted_at": doc["extracted_at"],
        "extractor_version": doc["extractor_version"],
        "statements": doc["expected_statements"] if extracted else doc["projected_statements"],
        "strikes": doc["expected_strikes"] if extracted else doc["projected_strikes"],
        "complete": complete,
        "error": doc["error"],
        "entry_id": doc["entry_id"],
    }
