"""Statements: who said what. (Being written: issue 4.)"""

from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Statement


def extract_statements(doc: Doc) -> list[Statement]:
    return []
