"""What a client asks ingest to do: submit an article (a command, not yet a fact)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Dates before this are typos or epoch artefacts (year 1 broke extraction, issue 12).
EARLIEST_PUBLISHED = date(1900, 1, 1)
# Time zones and embargoes put a publication day a little ahead of ours; more is a mistake.
MAX_DAYS_AHEAD = 31
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# C0 controls: none in one-line fields; the body keeps tab, newline and carriage return.
_C0 = re.compile(r"[\x00-\x1f\x7f]")
_C0_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_published_at(value: Any) -> date | None:
    """Only an ISO day (YYYY-MM-DD): a number is not read as a Unix time."""
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        day = date.fromisoformat(value.strip())
    else:
        raise ValueError("published_at must be a date as YYYY-MM-DD")
    latest = datetime.now(UTC).date() + timedelta(days=MAX_DAYS_AHEAD)
    if not EARLIEST_PUBLISHED <= day <= latest:
        raise ValueError(f"published_at must lie between {EARLIEST_PUBLISHED} and {latest}")
    return day


class SubmitArticle(BaseModel):
    """An article to extract. Its identity is `id` when given, else a hash of source, url
    and body; posting the same identity with other content is a conflict (409)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=1000, description="One line: no control characters")
    body: str = Field(min_length=1, description="The article text; size is capped by SITREP_MAX_BODY_BYTES")
    id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        pattern=r"^[\w.:-]+$",
        description="Your own id; without one, a hash of source, url and body",
    )
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published_at: date | None = Field(
        default=None,
        description="YYYY-MM-DD, from 1900-01-01 to a month ahead; relative dates in the text resolve "
        "against it",
    )
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")

    @field_validator("body")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is empty")
        if _C0_IN_TEXT.search(value):
            raise ValueError("body holds control characters other than tab and newline")
        return value

    @field_validator("title", "source", "url")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is not None and _C0.search(value):
            raise ValueError("control characters are not allowed here")
        return value

    @field_validator("published_at", mode="before")
    @classmethod
    def _iso_day(cls, value: Any) -> date | None:
        return parse_published_at(value)
