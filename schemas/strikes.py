"""Stream `sitrep:strikes`: who struck whom, where, when, with what toll."""

from __future__ import annotations

from typing import Literal

from schemas.envelope import Event
from schemas.records import Strike


class StrikeReported(Event):
    """An article reports one strike (all of its mentions in that article merged)."""

    event_type: Literal["StrikeReported"] = "StrikeReported"
    schema_version: Literal[1] = 1
    article_id: str
    strike_id: str
    extractor_version: str
    strike: Strike
