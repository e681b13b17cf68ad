"""One article in, its statements and strikes out: the extractor's pure entry point.

The rules read an article as a news file is laid out: the headline, a blank line, the body
(the rules that want a headline find it there). Spans are offsets into the body; what is
found only in the headline (a headline repeating a quote, a strike's headline sentence) is
left out, as the body tells it. A long text is parsed in chunks (`text/chunks.py`) through
`nlp.pipe`, and the rules read each chunk; spans are shifted back to offsets in the whole
text. An ordinary article is one chunk, read whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from schemas.records import Evidence, Span, Statement, Strike
from services.extractor.statements.extract import extract_statements
from services.extractor.strikes.extract import extract_strikes
from services.extractor.text.chunks import chunks

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


def extract(
    nlp: Language, text: str, published_at: date | None = None, title: str | None = None
) -> Extraction:
    """Statements and strikes of the article whose body is `text`."""
    ((_, result),) = extract_many(nlp, [Job(text, published_at, title)])
    if isinstance(result, Exception):
        raise result
    return result


@dataclass(frozen=True)
class Job:
    """One article of a batch: its body, the day its relative dates resolve against, its title."""

    text: str
    published_at: date | None
    title: str | None = None

    @property
    def headed(self) -> str:
        """The text the rules read: the title, a blank line, the body."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    @property
    def body_start(self) -> int:
        return len(self.headed) - len(self.text)


def split_title(text: str) -> tuple[str | None, str]:
    """A plain-text article's title and body: its first line is the title, if a blank line follows."""
    first, blank, rest = text.partition("\n\n")
    if blank and first.strip() and "\n" not in first:
        return first, rest
    return None, text


def extract_many(nlp: Language, jobs: list[Job]) -> Iterator[tuple[int, Extraction | Exception]]:
    """Extract every job with one `nlp.pipe` over all their chunks; yields (job index, result)
    as each job completes, in order. A job whose rules raise yields the exception (a rule
    error is deterministic: retrying cannot fix it) and the others carry on."""
    flat = [(index, part) for index, job in enumerate(jobs) for part in chunks(job.headed)]
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
            yield index, failed if failed is not None else _in_body(_merge(done), jobs[index].body_start)
            done, failed = [], None


def extract_doc(doc: Doc, offset: int, published_at: date | None) -> Extraction:
    """The rules over one parsed chunk that starts at `offset` in its article."""
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


def _in_body(extraction: Extraction, start: int) -> Extraction:
    """Offsets into the body, which starts at `start` of the text read; the headline's own finds go."""
    if not start:
        return extraction
    statements = [_shift_statement(s, -start) for s in extraction.statements if s.span.start >= start]
    strikes = [_shift_strike(s, -start, keep_from=start) for s in extraction.strikes]
    return Extraction(statements=statements, strikes=strikes)


def _shift(span: Span, offset: int) -> Span:
    return Span(start=span.start + offset, end=span.end + offset)


def _shift_statement(statement: Statement, offset: int) -> Statement:
    return statement.model_copy(update={"span": _shift(statement.span, offset)})


def _shift_strike(strike: Strike, offset: int, keep_from: int = 0) -> Strike:
    """The strike with its spans moved by `offset`; evidence and provenance before `keep_from` go."""
    evidence = [
        Evidence(sentence=e.sentence, span=_shift(e.span, offset))
        for e in strike.evidence
        if e.span.start >= keep_from
    ]
    provenance = {
        argument: source.model_copy(update={"span": _shift(source.span, offset)})
        for argument, source in strike.provenance.items()
        if source.span.start >= keep_from
    }
    return strike.model_copy(update={"evidence": evidence, "provenance": provenance})
