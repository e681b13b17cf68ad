"""Stream `sitrep:strikes`: who struck whom, where, when, with what toll."""

from __future__ import annotations

from typing import Any, Literal

from schemas.envelope import Event
from schemas.records import Strike, precision_of


class StrikeReported(Event):
    """An article reports one strike (all of its mentions in that article merged)."""

    event_type: Literal["StrikeReported"] = "StrikeReported"
    # v2: the strike's date carries its precision, and each argument its provenance.
    schema_version: Literal[2] = 2
    article_id: str
    strike_id: str
    extractor_version: str
    strike: Strike


def upcast_v1_v2(data: dict[str, Any]) -> dict[str, Any]:
    """A v1 strike gave its date as an ISO day or month and no provenance: the precision follows
    from the date's form, and the provenance of its arguments is not known."""
    strike = dict(data.get("strike") or {})
    strike["date_precision"] = precision_of(strike.get("date"))
    strike.setdefault("provenance", {})
    return {**data, "strike": strike, "schema_version": 2}
