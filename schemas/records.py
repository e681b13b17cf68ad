"""Value objects carried by the derived events: what the extractor found.

Their field names follow the labelled corpus format (`shared/corpus/README.md`), so an
extraction printed as JSON can be scored against gold files as it is.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Value):
    """Character offsets into the article body, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Statement(_Value):
    """Who said what: one quoted span (direct) or one reported clause (indirect)."""

    speaker: str | None = Field(
        description="Canonical full name as the article first gives it; null if unnamed"
    )
    speaker_aliases: list[str] = Field(default_factory=list)
    speaker_title: str | None = None
    speaker_affiliation: str | None = None
    anonymous: bool = False
    kind: Literal["direct", "indirect"]
    quote: str = Field(description="The statement's text without quote marks")
    cue: str | None = Field(default=None, description="The reporting verb, or null for a continued quote")
    span: Span


StrikeKind = Literal["airstrike", "drone strike", "missile", "artillery", "barrel bomb", "chemical"]


class Location(_Value):
    country: str | None = None
    region: str | None = None
    place: str | None = None


class Casualties(_Value):
    killed: str | None = Field(
        default=None, description="As the text gives it: '18', 'at least 82', 'a small number'"
    )
    killed_min: int | None = None
    killed_max: int | None = None
    injured: str | None = None
    who: str | None = None


class Claim(_Value):
    """One source's version of a strike: who says what about it."""

    by: str
    says: str


class Evidence(_Value):
    sentence: str
    span: Span


DatePrecision = Literal["day", "week", "month"]
StrikeArgument = Literal["actor", "kind", "date", "location", "targets", "casualties"]


def precision_of(date: str | None) -> DatePrecision | None:
    """The precision an ISO date's form gives: a day ("2024-03-11") or a month ("2024-03")."""
    if date is None:
        return None
    return "day" if len(date) == 10 else "month"


class Provenance(_Value):
    """Where one argument of a strike was read, by which rule, and how far to trust it."""

    span: Span = Field(description="The sentence the argument was read from")
    rule: str = Field(description="The rule that filled it, e.g. 'agent', 'by-phrase', 'report day'")
    confidence: float = Field(ge=0.0, le=1.0)


class Strike(_Value):
    """One real-world strike (or campaign), merged over every sentence that mentions it."""

    actor: str = Field(description="Canonical actor: a state's short name or a named force")
    actor_aliases: list[str] = Field(default_factory=list)
    kind: StrikeKind
    campaign: bool = False
    date: str | None = Field(default=None, description="ISO day or ISO month, resolved against published_at")
    date_precision: DatePrecision | None = Field(
        default=None,
        description="How precise the date is, as ACLED codes time precision: day, week, or month",
    )
    location: Location = Field(default_factory=Location)
    targets: list[str] = Field(default_factory=list)
    casualties: Casualties | None = None
    claims: list[Claim] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    provenance: dict[StrikeArgument, Provenance] = Field(
        default_factory=dict, description="For each argument filled: its sentence, rule and confidence"
    )

    @model_validator(mode="before")
    @classmethod
    def _precision_from_the_date(cls, data: Any) -> Any:
        # Unless a rule said otherwise ("last week" is a week, given as its month), a date is as
        # precise as its form.
        if isinstance(data, dict) and data.get("date_precision") is None:
            data = {**data, "date_precision": precision_of(data.get("date"))}
        return data
