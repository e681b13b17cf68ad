"""What the extractor does with one entry of `sitrep:articles`.

Unreadable entries are dead-lettered at once (retrying cannot fix them). An extraction
that raises is left pending for the reclaiming subscriber, up to `max_deliveries`, then
dead-lettered. Either way the entry is acknowledged only once its outcome is in Redis.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import Enum

import structlog
from spacy.language import Language

from schemas.articles import ArticleReceived
from schemas.envelope import Producer
from schemas.wire import WireError, from_fields
from services.common.dead_letters import dead_letter
from services.common.event_store import EventStore
from services.common.settings import Settings
from services.extractor.events import derive_events
from services.extractor.extraction import extract

log = structlog.get_logger("sitrep.extractor")


class Outcome(Enum):
    EXTRACTED = "extracted"
    DEAD_LETTERED = "dead_lettered"
    RETRY = "retry"


@dataclass(frozen=True)
class ExtractorDeps:
    settings: Settings
    store: EventStore
    nlp: Language
    producer: Producer


async def handle_article_entry(
    deps: ExtractorDeps,
    entry_id: str,
    fields: Mapping[bytes | str, bytes | str],
    deliveries: Callable[[], Awaitable[int]],
) -> Outcome:
    streams = deps.settings.streams
    try:
        article = from_fields(fields)
        if not isinstance(article, ArticleReceived):
            raise WireError(f"expected ArticleReceived, got {article.event_type}")
    except WireError as exc:
        log.warning("article_unreadable", entry_id=entry_id, error=str(exc))
        await _dead_letter(deps, entry_id, fields, "unreadable", str(exc), await deliveries())
        return Outcome.DEAD_LETTERED

    with structlog.contextvars.bound_contextvars(correlation_id=article.article_id, entry_id=entry_id):
        try:
            started = time.perf_counter()
            # spaCy is CPU-bound; a thread keeps the event loop answering Redis meanwhile.
            extraction = await asyncio.to_thread(extract, deps.nlp, article.body, article.published_at)
            derived = derive_events(
                article, extraction, deps.producer, (time.perf_counter() - started) * 1000
            )
            await deps.store.append_many(streams.statements, derived.statements)
            await deps.store.append_many(streams.strikes, derived.strikes)
            # Last, so a reader that sees it knows every derived event is already in its stream.
            await deps.store.append(streams.extractions, derived.done)
        except Exception as exc:
            count = await deliveries()
            if count < deps.settings.max_deliveries:
                log.warning("extraction_failed_will_retry", deliveries=count, error=repr(exc))
                return Outcome.RETRY
            log.error("extraction_failed_for_good", deliveries=count, exc_info=exc)
            await _dead_letter(deps, entry_id, fields, "extraction_failed", repr(exc), count)
            return Outcome.DEAD_LETTERED
        log.info(
            "article_extracted",
            statements=len(derived.statements),
            strikes=len(derived.strikes),
            duration_ms=derived.done.duration_ms,
        )
        return Outcome.EXTRACTED


async def _dead_letter(
    deps: ExtractorDeps,
    entry_id: str,
    fields: Mapping[bytes | str, bytes | str],
    reason: str,
    error: str,
    count: int,
) -> None:
    event = dead_letter(
        stream=deps.settings.streams.articles,
        entry_id=entry_id,
        group=deps.settings.extractor_group,
        fields=fields,
        reason=reason,
        error=error,
        deliveries=count,
        producer=deps.producer,
    )
    await deps.store.append(deps.settings.streams.dead_letters, event)
