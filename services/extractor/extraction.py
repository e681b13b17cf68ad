"""One article in, its statements and strikes out: the extractor's pure entry point."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language

from schemas.records import Statement, Strike
from services.extractor.statements.extract import extract_statements
from services.extractor.strikes.extract import extract_strikes

# Part of every derived event id: a new extractor version yields new ids, a redelivery the same.
EXTRACTOR_VERSION = "0.1.0"


@dataclass(frozen=True)
class Extraction:
    statements: list[Statement]
    strikes: list[Strike]

    def to_json_dict(self) -> dict:
        """The labelled corpus shape: `{"statements": [...], "strikes": [...]}`."""
        return {
            "statements": [s.model_dump(mode="json") for s in self.statements],
            "strikes": [s.model_dump(mode="json") for s in self.strikes],
        }


def extract(nlp: Language, text: str, published_at: date | None = None) -> Extraction:
    doc = nlp(text)
    statements = extract_statements(doc)
    strikes = extract_strikes(doc, published_at, statements)
    return Extraction(statements=statements, strikes=strikes)
