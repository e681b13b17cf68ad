"""The envelope every event carries, and the rules for its deterministic ids."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class Producer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    service: str
    version: str


class Event(BaseModel):
    """Base of every event: an immutable fact with the envelope DESIGN.md describes.

    Subclasses pin `event_type` and `schema_version` with Literal defaults, so a payload
    of another type or version fails validation instead of being misread.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id: str = Field(description="Deterministic: the same input yields the same id")
    event_type: str
    schema_version: int
    occurred_at: AwareDatetime
    correlation_id: str = Field(description="The article id this event belongs to")
    causation_id: str | None = Field(default=None, description="The event this one came from")
    producer: Producer


def stable_id(prefix: str, *parts: object) -> str:
    """A short, stable id from its parts: equal parts give equal ids on every machine."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:24]}"


def now() -> datetime:
    return datetime.now(UTC)
