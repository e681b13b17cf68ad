"""What a client asks ingest to do: submit an article (a command, not yet a fact).

Every rule is in the JSON Schema too (patterns), so that the OpenAPI document says exactly
what is accepted: schemathesis checks that valid data is taken and invalid data refused.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Dates before 1900 are typos or epoch artefacts (year 1 broke extraction, issue 12); a
# date after the end of next year is a mistake too (a bound a JSON Schema pattern can say).
EARLIEST_YEAR = 1900

# No C0 control character in one-line fields; the body keeps tab, newline and carriage
# return. Each also needs one character that is not white space (blank is empty).
_LINE = r"[^\x00-\x1f\x7f]"
_TEXT = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
ONE_LINE = rf"^{_LINE}*[^\s\x00-\x1f\x7f]{_LINE}*$"
TEXT = rf"^{_TEXT}*[^\s\x00-\x1f\x7f]{_TEXT}*$"
OPTIONAL_LINE = rf"^{_LINE}*$"


def latest_year() -> int:
    return datetime.now(UTC).year + 1


def year_pattern(first: int, last: int) -> str:
    """A regex of the years first..last (first in 1900..1999, last in 2000..2099)."""
    assert 1900 <= first <= 1999 and 2000 <= last <= 2099, (first, last)
    decades, units = divmod(last - 2000, 10)
    parts = [rf"19[{first // 10 % 10}-9]\d" if first % 10 == 0 else str(first)]
    if decades:
        parts.append(rf"20[0-{decades - 1}]\d")
    parts.append(f"20{decades}[0-{units}]")
    return "|".join(parts)


def day_pattern() -> str:
    return rf"^({year_pattern(EARLIEST_YEAR, latest_year())})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"


def parse_published_at(value: Any) -> date | None:
    """Only an ISO day (YYYY-MM-DD) from 1900 to the end of next year; a number is not
    read as a Unix time."""
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
    else:
        raise ValueError("published_at must be a date as YYYY-MM-DD")
    if not EARLIEST_YEAR <= day.year <= latest_year():
        raise ValueError(f"published_at must lie in the years {EARLIEST_YEAR} to {latest_year()}")
    return day


class SubmitArticle(BaseModel):
    """An article to extract. Its identity is `id` when given, else a hash of source, url
    and body; posting the same identity with other content is a conflict (409)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = Field(min_length=1, max_length=1000, pattern=ONE_LINE, description="One line, not blank")
    body: str = Field(
        min_length=1,
        pattern=TEXT,
        description="The article text, not blank; no control characters but tab and newline. "
        "The request's size is capped by SITREP_MAX_BODY_BYTES",
    )
    id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9_.:-]+$",
        description="Your own id; without one, a hash of source, url and body",
    )
    source: str | None = Field(default=None, max_length=200, pattern=OPTIONAL_LINE)
    url: str | None = Field(default=None, max_length=2000, pattern=OPTIONAL_LINE)
    published_at: date | None = Field(
        default=None,
        description="YYYY-MM-DD, from 1900 to the end of next year; relative dates in the text "
        "resolve against it",
        json_schema_extra={"pattern": day_pattern()},
    )
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")

    @field_validator("published_at", mode="before")
    @classmethod
    def _iso_day(cls, value: Any) -> date | None:
        return parse_published_at(value)
