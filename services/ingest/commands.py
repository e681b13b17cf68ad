"""What a client asks ingest to do: submit an article (a command, not yet a fact)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator


class SubmitArticle(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=1000)
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
        default=None, description="Relative dates in the text resolve against it"
    )
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")

    @field_validator("body")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is empty")
        return value
