"""Stream `sitrep:articles`: articles accepted for processing."""

from __future__ import annotations

from datetime import date
from typing import Literal

from schemas.envelope import Event, stable_id


class ArticleReceived(Event):
    """An article was accepted by ingest (or XADDed by a client) and awaits extraction."""

    event_type: Literal["ArticleReceived"] = "ArticleReceived"
    schema_version: Literal[1] = 1
    article_id: str
    title: str
    body: str
    source: str | None = None
    url: str | None = None
    published_at: date | None = None
    language: str = "en"


def article_id_for(source: str | None, url: str | None, body: str) -> str:
    """The id of an article its client gave none: a hash of where it came from and what it says."""
    return stable_id("art", source or "", url or "", body)


def article_received_id(article_id: str) -> str:
    """One ArticleReceived per article: publishing it twice finds the first event."""
    return stable_id("evt", "ArticleReceived", article_id)
