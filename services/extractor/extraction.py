"""One article in, its statements and strikes out: the extractor's pure entry point.

A long text is parsed in sections (`sections.py`) through `nlp.pipe`, and the rules read
each section; spans are shifted back to offsets in the whole text. An ordinary article is
one section, read whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from schemas.records import Evidence, Span, Statement, Strike
from services.extractor.sections import sections
from services.extractor.statements.extract import extract_statements
from services.extractor.strikes.extract import extract_strikes

# Part of every derived event id: a new extractor version yields new ids, a redelivery the same.
EXTRACTOR_VERSION = "0.1.0"

# Docs that nlp.pipe parses together: enough to amortise its batching, few enough to bound memory.
PIPE_BATCH = 8


@dataclass(frozen=True)
class Extraction:
    statements: list[Statement] = field(default_factory=list)
    strikes: list[Strike] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The labelled corpus shape: `{"statements": [...], "strikes": [...]}`."""
        return {
            "statements": [s.model_dump(mode="json") for s in self.statements],
            "strikes": [s.model_dump(mode="json") for s in self.strikes],
        }


def extract(nlp: Language, text: str, published_at: date | None = None) -> Extraction:
    parts = list(sections(text))
    docs = nlp.pipe((part.text for part in parts), batch_size=PIPE_BATCH)
    return _merge(extract_doc(doc, part.start, published_at) for part, doc in zip(parts, docs, strict=True))


@dataclass(frozen=True)
class Job:
    """One article of a batch: its text and the day its relative dates resolve against."""

    text: str
    published_at: date | None


def extract_many(nlp: Language, jobs: list[Job]) -> Iterator[tuple[int, Extraction | Exception]]:
    """Extract every job with one `nlp.pipe` over all their sections; yields (job index, result)
    as each job completes, in order. A job whose rules raise yields the exception (a rule
    error is deterministic: retrying cannot fix it) and the others carry on."""
    flat = [(index, part) for index, job in enumerate(jobs) for part in sections(job.text)]
    docs = nlp.pipe((part.text for _, part in flat), batch_size=PIPE_BATCH)
    done: list[Extraction] = []
    failed: Exception | None = None
    for position, ((index, part), doc) in enumerate(zip(flat, docs, strict=True)):
        if failed is None:
            try:
                done.append(extract_doc(doc, part.start, jobs[index].published_at))
            except Exception as exc:  # noqa: BLE001 - reported per job, never raised past it
                failed = exc
        if position + 1 == len(flat) or flat[position + 1][0] != index:
            yield index, failed if failed is not None else _merge(done)
            done, failed = [], None


def extract_doc(doc: Doc, offset: int, published_at: date | None) -> Extraction:
    """The rules over one parsed section that starts at `offset` in its article."""
    statements = extract_statements(doc)
    strikes = extract_strikes(doc, published_at, statements)
    if offset:
        statements = [_shift_statement(s, offset) for s in statements]
        strikes = [_shift_strike(s, offset) for s in strikes]
    return Extraction(statements=statements, strikes=strikes)


def _merge(parts: Iterable[Extraction]) -> Extraction:
    merged = Extraction()
    for part in parts:
        merged.statements.extend(part.statements)
        merged.strikes.extend(part.strikes)
    return merged


def _shift(span: Span, offset: int) -> Span:
    return Span(start=span.start + offset, end=span.end + offset)


def _shift_statement(statement: Statement, offset: int) -> Statement:
    return statement.model_copy(update={"span": _shift(statement.span, offset)})


def _shift_strike(strike: Strike, offset: int) -> Strike:
    evidence = [Evidence(sentence=e.sentence, span=_shift(e.span, offset)) for e in strike.evidence]
    return strike.model_copy(update={"evidence": evidence})
