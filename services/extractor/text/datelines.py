"""Datelines: "KHARTOUM, Sudan (AP) -" opening a report names where it was filed, not where a strike fell,
and its date is the report's, not the strike's."""

from __future__ import annotations

import re

from spacy.tokens import Span

# "CITY, Month 3 (Agency) -" opening a sentence: its date is the report's, its place the desk's.
_DATELINE = re.compile(
    r"(?:[A-Z]{3,}[A-Z .'\u2019-]*|[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,2}(?=[^-\u2013\u2014]*\())"
    r"(?:\s*,\s*[A-Z][\w.]*(?: [A-Z\d][\w.]*){0,2})?(?:\s*\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
    # the rest of one whose city the tokenizer left on the line above: ", Oct 22 (Reuters) -", ", Syria -"
    r"|,?\s*[A-Z][a-z]{2,8}\.? \d{1,2}\s*\([^)]{1,40}\)\s*[-\u2013\u2014]+\s+"
    r"|,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\s*[-\u2013\u2014]+\s+"
)


def dateline_end(sent: Span) -> int:
    """The character offset where a dateline opening the sentence ends; the sentence start if none."""
    text = sent.text.lstrip()
    match = _DATELINE.match(text)
    offset = sent.start_char + len(sent.text) - len(text)
    return offset + match.end() if match else sent.start_char
