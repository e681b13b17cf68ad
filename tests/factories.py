"""Events and commands for tests, with unique ids so tests never collide."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from spacy.language import Language

from schemas.articles import ArticleReceived, article_received_id
from schemas.envelope import Producer, now
from schemas.records import Strike
from schemas.strikes import StrikeReported
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.extractor.events import derive_events
from services.extractor.extraction import extract
from services.ingest.commands import SubmitArticle

TEST_PRODUCER = Producer(service="tests", version="0")

# A StrikeReported entry as the v1 extractor wrote it to its stream, kept to test upcasting.
V1_STRIKE_ENTRY: dict[str, str] = json.loads(
    (Path(__file__).parent / "fixtures/strike_reported_v1.json").read_text()
)


def strike_reported(article_id: str, strike_id: str, strike: Strike) -> StrikeReported:
    """One article's report of `strike`, its ids derived from `strike_id`."""
    return StrikeReported(
        event_id=f"evt-{strike_id}",
        occurred_at=now(),
        correlation_id=article_id,
        producer=TEST_PRODUCER,
        article_id=article_id,
        strike_id=strike_id,
        extractor_version="t",
        strike=strike,
    )


ARTICLE_TEXT = (
    "Rebels say strike hit a market\n\n"
    "Government aircraft bombed a market in the northern town on Tuesday, killing at least 12 people, "
    "local officials said.\n\n"
    '"We heard the planes and then the explosions," said Maria Lopez, a shopkeeper who survived.\n\n'
    '"The market was full," Lopez said. "Nobody had time to run."\n'
)


def unique_id(prefix: str = "art") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def article_event(
    article_id: str | None = None, body: str = ARTICLE_TEXT, **extra: object
) -> ArticleReceived:
    article_id = article_id or unique_id()
    fields: dict[str, object] = {
        "event_id": article_received_id(article_id),
        "occurred_at": now(),
        "correlation_id": article_id,
        "producer": TEST_PRODUCER,
        "article_id": article_id,
        "title": "Rebels say strike hit a market",
        "body": body,
        "published_at": date(2024, 3, 14),
    }
    fields.update(extra)
    return ArticleReceived.model_validate(fields)


def submission(**extra: object) -> SubmitArticle:
    fields: dict[str, object] = {"title": "A title", "body": ARTICLE_TEXT, "id": unique_id()}
    fields.update(extra)
    return SubmitArticle.model_validate(fields)


async def publish_extracted(redis: Redis, settings: Settings, nlp: Language, **article: Any) -> str:
    """Write an article and its derived events to the streams, as the services would."""
    store, streams = EventStore(redis), settings.streams
    event = article_event(**article)
    await store.append(streams.articles, event)
    derived = derive_events(
        event, extract(nlp, event.body, event.published_at, event.title), TEST_PRODUCER, 1.0
    )
    await store.append_many(streams.statements, derived.statements)
    await store.append_many(streams.strikes, derived.strikes)
    await store.append(streams.extractions, derived.done)
    return event.article_id
