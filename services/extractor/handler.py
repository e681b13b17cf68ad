"""What the extractor decides for each entry of `sitrep:articles` (pure: no I/O here).

Every entry ends in one of three outcomes. Extracted: its events are written, then it is
acknowledged. Dead-lettered: a failure that would recur on every attempt (an unreadable
entry, a rule that raises, an article over its time budget, too many deliveries) is
recorded in `sitrep:dead-letters` at once, then acknowledged. Retry: a failure that may
pass (the worker process died) leaves the entry pending for the reclaiming read, until
`max_deliveries`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum

from schemas.articles import ArticleReceived
from schemas.envelope import Event, Producer
from schemas.wire import WireError, from_fields
from services.common.dead_letters import dead_letter
from services.common.settings import Settings
from services.extractor.events import derive_events
from services.extractor.extraction import Extraction


class Outcome(Enum):
    EXTRACTED = "extracted"
    DEAD_LETTERED = "dead_lettered"
    RETRY = "retry"


class Reason(StrEnum):
    """Why an entry was dead-lettered (the `reason` of its DeadLettered event)."""

    UNREADABLE = "unreadable"
    EXTRACTION_FAILED = "extraction_failed"
    TIMEOUT = "timeout"
    WORKER_CRASHED = "worker_crashed"
    MAX_DELIVERIES = "max_deliveries"


@dataclass(frozen=True)
class ExtractorDeps:
    settings: Settings
    producer: Producer


@dataclass(frozen=True)
class Entry:
    entry_id: str
    fields: Mapping[bytes | str, bytes | str]
    deliveries: int


@dataclass(frozen=True)
class Planned:
    """One entry's outcome and the appends (stream, events) that record it, in order."""

    entry: Entry
    outcome: Outcome
    appends: list[tuple[str, list[Event]]] = field(default_factory=list)
    reason: str | None = None


def read_article(entry: Entry) -> ArticleReceived | str:
    """The entry's article, or why it cannot be one."""
    try:
        event = from_fields(entry.fields)
    except WireError as exc:
        return str(exc)
    if not isinstance(event, ArticleReceived):
        return f"expected ArticleReceived, got {event.event_type}"
    return event


def dead_lettered(deps: ExtractorDeps, entry: Entry, reason: Reason, error: str) -> Planned:
    streams = deps.settings.streams
    event = dead_letter(
        stream=streams.articles,
        entry_id=entry.entry_id,
        group=deps.settings.extractor_group,
        fields=entry.fields,
        reason=reason.value,
        error=error,
        deliveries=entry.deliveries,
        producer=deps.producer,
    )
    return Planned(entry, Outcome.DEAD_LETTERED, [(streams.dead_letters, [event])], reason.value)


def extracted(
    deps: ExtractorDeps, entry: Entry, article: ArticleReceived, extraction: Extraction, duration_ms: float
) -> Planned:
    """Statements, then strikes, then ArticleExtracted: a reader that sees the last knows
    the others are already in their streams."""
    streams = deps.settings.streams
    try:
        derived = derive_events(article, extraction, deps.producer, duration_ms)
    except ValueError as exc:  # an event that fails its own schema fails the same way every time
        return dead_lettered(deps, entry, Reason.EXTRACTION_FAILED, repr(exc))
    appends: list[tuple[str, list[Event]]] = [
        (streams.statements, list(derived.statements)),
        (streams.strikes, list(derived.strikes)),
        (streams.extractions, [derived.done]),
    ]
    return Planned(entry, Outcome.EXTRACTED, appends)


def worker_crashed(deps: ExtractorDeps, entry: Entry, error: str) -> Planned:
    """The one transient extraction failure: retried until `max_deliveries`."""
    if entry.deliveries < deps.settings.max_deliveries:
        return Planned(entry, Outcome.RETRY, reason=Reason.WORKER_CRASHED.value)
    return dead_lettered(deps, entry, Reason.WORKER_CRASHED, error)
