"""Strikes: who struck whom, where, when. (Being written: issue 5.)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from schemas.records import Statement, Strike


def extract_strikes(doc: Doc, published_at: date | None, statements: Sequence[Statement]) -> list[Strike]:
    return []
