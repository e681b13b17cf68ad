"""Stream `sitrep:dead-letters`: entries that failed for good, kept with the reason."""

from __future__ import annotations

from typing import Literal

from schemas.envelope import Event


class DeadLettered(Event):
    """An entry could not be processed; the original fields are kept so nothing is lost."""

    event_type: Literal["DeadLettered"] = "DeadLettered"
    schema_version: Literal[1] = 1
    stream: str
    entry_id: str
    group: str
    reason: str
    error: str
    deliveries: int
    fields: dict[str, str]
