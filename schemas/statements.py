"""Stream `sitrep:statements`: who said what."""

from __future__ import annotations

from typing import Literal

from schemas.envelope import Event
from schemas.records import Statement


class StatementExtracted(Event):
    """The extractor found one statement in an article."""

    event_type: Literal["StatementExtracted"] = "StatementExtracted"
    schema_version: Literal[1] = 1
    article_id: str
    statement_id: str
    extractor_version: str
    statement: Statement
