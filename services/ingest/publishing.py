"""Turning a submitted article into its ArticleReceived event, published once."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.articles import ArticleReceived, article_id_for, article_received_id
from schemas.envelope import Producer, now
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.common.sharding import shard_of
from services.ingest.commands import SubmitArticle


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


async def publish_article(
    store: EventStore, settings: Settings, command: SubmitArticle, producer: Producer
) -> Published:
    """Append the article's ArticleReceived to its shard's articles stream (a stable hash of
    its id), so a re-post lands on the same shard and is recognised as a duplicate."""
    event = article_received(command, producer)
    stream = settings.shard_streams(shard_of(event.article_id, settings.stream_shards)).articles
    appended = await store.append(stream, event)
    return Published(
        article_id=event.article_id,
        event_id=event.event_id,
        stream=stream,
        entry_id=appended.entry_id,
        duplicate=not appended.new,
    )
