"""Turning a submitted article into its ArticleReceived event, published once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from redis.asyncio import Redis

from schemas.articles import ArticleReceived, article_id_for, article_received_id
from schemas.envelope import Producer, now
from schemas.wire import WireError, from_fields
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.common.sharding import shard_of
from services.ingest.commands import SubmitArticle

Entries = list[tuple[str, Mapping[bytes | str, bytes | str]]]

# What an article's identity covers: two posts with one identity must agree on all of these.
CONTENT_FIELDS = ("title", "body", "source", "url", "published_at", "language")


def article_received(command: SubmitArticle, producer: Producer) -> ArticleReceived:
    article_id = command.id or article_id_for(command.source, command.url, command.body)
    return ArticleReceived(
        event_id=article_received_id(article_id),
        occurred_at=now(),
        correlation_id=article_id,
        producer=producer,
        article_id=article_id,
        title=command.title,
        body=command.body,
        source=command.source,
        url=command.url,
        published_at=command.published_at,
        language=command.language,
    )


@dataclass(frozen=True)
class Published:
    article_id: str
    event_id: str
    stream: str
    entry_id: str
    duplicate: bool


class ConflictingRepost(Exception):
    """The article's identity is taken by an event with other content."""

    def __init__(self, published: Published, fields: list[str]) -> None:
        super().__init__(f"article {published.article_id} was stored with other {', '.join(fields)}")
        self.published = published
        self.fields = fields


def differing_fields(stored: ArticleReceived, posted: ArticleReceived) -> list[str]:
    return [name for name in CONTENT_FIELDS if getattr(stored, name) != getattr(posted, name)]


async def _stored(redis: Redis, stream: str, entry_id: str) -> ArticleReceived | None:
    # decode_responses=True: ids and fields are str (redis-py types them more loosely).
    entries = cast(Entries, await redis.xrange(stream, min=entry_id, max=entry_id))
    if not entries:
        return None
    try:
        event = from_fields(entries[0][1])
    except WireError:
        return None
    return event if isinstance(event, ArticleReceived) else None


async def publish_article(
    store: EventStore, redis: Redis, settings: Settings, command: SubmitArticle, producer: Producer
) -> Published:
    """Append the article's ArticleReceived to its shard's articles stream (a stable hash of
    its id), so a re-post lands on the same shard: one with the same content is a no-op
    (`duplicate`), one with other content raises ConflictingRepost naming the stored event."""
    event = article_received(command, producer)
    stream = settings.shard_streams(shard_of(event.article_id, settings.stream_shards)).articles
    appended = await store.append(stream, event)
    published = Published(
        article_id=event.article_id,
        event_id=event.event_id,
        stream=stream,
        entry_id=appended.entry_id,
        duplicate=not appended.new,
    )
    if appended.new:
        return published
    stored = await _stored(redis, stream, appended.entry_id)
    differing = differing_fields(stored, event) if stored else ["content (the stored entry is unreadable)"]
    if differing:
        raise ConflictingRepost(published, differing)
    return published
