"""Response models of the projector's HTTP API (what /docs shows)."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel

from schemas.records import (
    Casualties,
    Claim,
    DatePrecision,
    Evidence,
    Location,
    Provenance,
    Span,
    StrikeArgument,
    StrikeKind,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):  # noqa: UP046 - Python 3.11 has no PEP 695 syntax
    items: list[T]
    next_cursor: str | None = None


class Article(BaseModel):
    article_id: str
    title: str | None
    source: str | None
    url: str | None
    published_at: str | None
    language: str | None
    status: Literal["received", "extracted", "failed"]
    received_at: str | None
    extracted_at: str | None
    extractor_version: str | None
    statements: int
    strikes: int
    complete: bool
    error: str | None
    entry_id: str | None


class Statement(BaseModel):
    statement_id: str
    article_id: str
    speaker: str | None
    speaker_key: str
    speaker_aliases: list[str]
    speaker_title: str | None
    speaker_affiliation: str | None
    anonymous: bool
    kind: Literal["direct", "indirect"]
    quote: str
    cue: str | None
    span: Span
    extracted_at: str
    extractor_version: str
    entry_id: str


class Speaker(BaseModel):
    speaker_key: str
    name: str | None
    anonymous: bool
    description: str | None
    titles: list[str]
    affiliations: list[str]
    aliases: list[str]
    statements: int
    articles: int


class SourcedClaim(Claim):
    article_id: str


class StrikeSource(BaseModel):
    article_id: str
    strike_id: str
    targets: list[str]
    casualties: Casualties | None
    claims: list[Claim]
    evidence: list[Evidence]
    provenance: dict[StrikeArgument, Provenance] = {}


class Strike(BaseModel):
    strike_key: str
    actor: str
    actor_aliases: list[str]
    kind: StrikeKind
    campaign: bool
    date: str | None
    date_precision: DatePrecision | None = None
    location: Location
    targets: list[str]
    casualties: Casualties | None
    claims: list[SourcedClaim]
    sources: list[StrikeSource]
    articles: int


class DeadLetter(BaseModel):
    entry_id: str
    event_id: str
    stream: str
    source_entry_id: str
    group: str
    reason: str
    error: str
    deliveries: int
    correlation_id: str
    fields: dict[str, str]
    resolution: dict[str, str] | None = None
