"""From an article and what was extracted from it to the events that record it (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.articles import ArticleReceived
from schemas.envelope import Producer, now, stable_id
from schemas.extractions import ArticleExtracted
from schemas.records import Strike
from schemas.statements import StatementExtracted
from schemas.strikes import StrikeReported
from services.extractor.extraction import EXTRACTOR_VERSION, Extraction


@dataclass(frozen=True)
class DerivedEvents:
    statements: list[StatementExtracted]
    strikes: list[StrikeReported]
    done: ArticleExtracted


def _strike_anchor(strike: Strike) -> str:
    # The first evidence sentence pins a strike to the text; with none, its identity fields do.
    if strike.evidence:
        first = strike.evidence[0].span
        return f"{first.start}:{first.end}"
    return f"{strike.actor}|{strike.kind}|{strike.date}|{strike.campaign}"


def derive_events(
    article: ArticleReceived, extraction: Extraction, producer: Producer, duration_ms: float
) -> DerivedEvents:
    """Ids depend on article id, extractor version and span only: a redelivery reproduces them."""
    common = {
        "occurred_at": now(),
        "correlation_id": article.article_id,
        "causation_id": article.event_id,
        "producer": producer,
        "article_id": article.article_id,
        "extractor_version": EXTRACTOR_VERSION,
    }
    statements = []
    for statement in extraction.statements:
        sid = stable_id(
            "stm", article.article_id, EXTRACTOR_VERSION, statement.span.start, statement.span.end
        )
        statements.append(
            StatementExtracted(
                event_id=stable_id("evt", sid), statement_id=sid, statement=statement, **common
            )
        )
    strikes = []
    seen: set[str] = set()
    for strike in extraction.strikes:
        anchor = _strike_anchor(strike)
        sid = stable_id("stk", article.article_id, EXTRACTOR_VERSION, anchor)
        if sid in seen:  # two records on one anchor would collide; keep the ids unique
            sid = stable_id("stk", article.article_id, EXTRACTOR_VERSION, anchor, len(seen))
        seen.add(sid)
        strikes.append(StrikeReported(event_id=stable_id("evt", sid), strike_id=sid, strike=strike, **common))
    done = ArticleExtracted(
        event_id=stable_id("evt", "ArticleExtracted", article.article_id, EXTRACTOR_VERSION),
        statement_ids=[s.statement_id for s in statements],
        strike_ids=[s.strike_id for s in strikes],
        duration_ms=round(duration_ms, 3),
        **common,
    )
    return DerivedEvents(statements=statements, strikes=strikes, done=done)
