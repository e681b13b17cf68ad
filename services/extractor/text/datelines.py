"""Datelines: "KHARTOUM, Sudan (AP) -" opening a report names where it was filed, not where a strike fell,
and its date is the report's, not the strike's.

Every dateline pattern of the extractor lives here, built from the pieces below, so a new
agency style is taught once.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# The pieces of a dateline.
_DASH = r"[-\u2013\u2014]+"
_AGENCY = r"\([^)]{1,40}\)"  # "(Reuters)", "(AP)"
_TITLE_WORD = r"[A-Z][\w.'\u2019-]+"
_TITLE_CITY = rf"{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}}"  # "Kyiv", "Port Sudan"
_COUNTRY = r"[A-Z][\w.]*(?: [A-Z\d][\w.]*){0,2}"  # ", Syria", ", Oct. 22"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.? \d{1,2}"  # "Oct 22"

# "CITY, Month 3 (Agency) -" opening a sentence: its date is the report's, its place the desk's.
_SENTENCE_DATELINE = re.compile(
    # a title-case city needs its agency to tell it from prose
    rf"(?:[A-Z]{{3,}}[A-Z .'\u2019-]*|{_TITLE_CITY}(?=[^-\u2013\u2014]*\())"
    rf"(?:\s*,\s*{_COUNTRY})?(?:\s*{_AGENCY})?\s*{_DASH}\s+"
    # the rest of one whose city the tokenizer left on the line above: ", Oct 22 (Reuters) -", ", Syria -"
    rf"|,?\s*{_MONTH_DAY}\s*{_AGENCY}\s*{_DASH}\s+"
    rf"|,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}}\s*{_DASH}\s+"
)

# A dateline opening a paragraph: "KHARTOUM (Reuters) -", "SANA, Yemen —", "SANAA–".
_UPPER_DATELINE = re.compile(
    rf"[A-Z][A-Z .'\u2019/-]{{2,}}(?:,\s*[A-Z][\w .]+?)?(?:\s*{_AGENCY})?\s*{_DASH}\s*"
)
# The same in title case, which needs a country, date or agency to tell it from prose: "Kyiv (AFP) -".
_TITLE_DATELINE = re.compile(rf"{_TITLE_CITY}(?:,\s*{_COUNTRY}(?:\s*{_AGENCY})?|\s*{_AGENCY})\s+{_DASH}\s+")


def dateline_end(sent: Span) -> int:
    """The character offset where a dateline opening the sentence ends; the sentence start if none."""
    text = sent.text.lstrip()
    match = _SENTENCE_DATELINE.match(text)
    offset = sent.start_char + len(sent.text) - len(text)
    return offset + match.end() if match else sent.start_char


def paragraph_dateline_end(text: str, start: int, end: int, first: bool) -> int:
    """Where a dateline opening the paragraph `text[start:end]` ends; `start` if none.

    Only the article's first body paragraph may open with a title-case dateline: elsewhere
    "Kyiv (AFP) -" is too like prose.
    """
    match = _UPPER_DATELINE.match(text, start, end)
    if match is None and first:
        match = _TITLE_DATELINE.match(text, start, end)
    return match.end() if match else start
