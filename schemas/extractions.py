"""Stream `sitrep:extractions`: an article is done, with what came out of it."""

from __future__ import annotations

from typing import Literal

from schemas.envelope import Event


class ArticleExtracted(Event):
    """The extractor finished an article; published after all its statements and strikes.

    The ids let a reader tell when every derived event of the article has been applied.
    """

    event_type: Literal["ArticleExtracted"] = "ArticleExtracted"
    schema_version: Literal[1] = 1
    article_id: str
    extractor_version: str
    statement_ids: list[str]
    strike_ids: list[str]
    duration_ms: float
