"""Quote marks: where the quoted passages of an article are, paragraph by paragraph.

Works on the raw text, before any parse, because spaCy's sentence splitter does not
respect quotation boundaries. Never fails: an unbalanced mark runs to the end of its
paragraph, which is also how news style continues a quote into the next paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.extractor.text.sections import Paragraph

DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab"}
DOUBLE_CLOSE = {"\u201d", "\u00bb"}
SINGLE_OPEN = {"\u2018", "'"}
SINGLE_CLOSE = {"\u2019", "'"}
_PAIRED_SINGLES = ("\u2018\u2018", "\u2019\u2019", "``", "''")


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # end of the quoted text, end exclusive, trailing punctuation trimmed
    outer_start: int  # the opening mark
    outer_end: int  # just past the closing mark, or the paragraph end when unclosed
    paragraph: int
    closed: bool


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    quotes: list[Quote] = []
    for index, para in enumerate(paragraphs):
        if para.body:
            quotes.extend(_paragraph_quotes(text, para, index))
    return quotes


def _paragraph_quotes(text: str, para: Paragraph, index: int) -> list[Quote]:
    chunk = text[para.start : para.end]
    has_double = any(c in DOUBLE_OPEN or c in DOUBLE_CLOSE or c == '"' for c in chunk) or any(
        pair in chunk for pair in _PAIRED_SINGLES
    )
    marks = _double_marks(chunk) if has_double else _single_marks(chunk)
    found: list[Quote] = []
    open_at: int | None = None
    open_width = 1
    for pos, width, role in marks:
        if role == "open" or (role == "either" and open_at is None):
            if open_at is not None:  # unbalanced: the earlier quote ends where the new one starts
                found.append(_make(text, para, index, (open_at, open_width), pos, pos, closed=False))
            open_at = pos
            open_width = width
        elif open_at is not None:
            found.append(_make(text, para, index, (open_at, open_width), pos, pos + width, closed=True))
            open_at = None
        elif not found and chunk[:pos].rstrip().endswith((",", ".", "?", "!")):
            # A closing mark with no opening one: the paragraph began the quote and lost its mark.
            found.append(_make(text, para, index, (0, 0), pos, pos + width, closed=True))
    if open_at is not None:
        found.append(_make(text, para, index, (open_at, open_width), len(chunk), len(chunk), closed=False))
    return [q for q in found if q.end > q.start]


def _double_marks(chunk: str) -> list[tuple[int, int, str]]:
    marks = []
    i = 0
    while i < len(chunk):
        pair = chunk[i : i + 2]
        if pair in ("\u2018\u2018", "``"):
            marks.append((i, 2, "open"))
            i += 2
            continue
        if pair in ("\u2019\u2019", "''"):
            marks.append((i, 2, "close"))
            i += 2
            continue
        c = chunk[i]
        if c in DOUBLE_OPEN:
            marks.append((i, 1, "open"))
        elif c in DOUBLE_CLOSE:
            marks.append((i, 1, "close"))
        elif c == '"':
            marks.append((i, 1, _straight_role(chunk, i)))
        i += 1
    return marks


def _straight_role(chunk: str, i: int) -> str:
    """A straight mark after a comma or stop and before a space closes; otherwise position decides."""
    before = chunk[i - 1] if i else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    if before in ",.?!" and after.isspace():
        return "close"
    return "either"


def _single_marks(chunk: str) -> list[tuple[int, int, str]]:
    """Single marks as primary quotes; an apostrophe sits between letters, a mark does not."""
    marks: list[tuple[int, int, str]] = []
    for i, c in enumerate(chunk):
        before = chunk[i - 1] if i else " "
        after = chunk[i + 1] if i + 1 < len(chunk) else " "
        if c in SINGLE_OPEN and not before.isalnum() and before not in ".,;" and after.isalnum():
            marks.append((i, 1, "open"))
        elif c in SINGLE_CLOSE and not before.isspace() and not after.isalnum():
            if before == "s" and _possessive(chunk, i, marks):
                continue
            marks.append((i, 1, "close"))
    return marks


def _possessive(chunk: str, i: int, marks: list[tuple[int, int, str]]) -> bool:
    """ "officials' promises": a plural possessive, unless it can only close a quote.

    Inside a whole-sentence quote (one that opened on a capital letter) a mark between
    an "s" and a lower-case word is taken for an apostrophe; a partial quote ("called
    them 'terrorists' and left") ends there.
    """
    rest = chunk[i + 1 :]
    if not (rest.startswith(" ") and rest[1:2].islower()):
        return False
    if not _opened_before(marks):
        return True
    opened_at = marks[-1][0] + 1
    return chunk[opened_at : opened_at + 1].isupper()


def _opened_before(marks: list[tuple[int, int, str]]) -> bool:
    return bool(marks) and marks[-1][2] == "open"


def _make(
    text: str, para: Paragraph, index: int, mark: tuple[int, int], stop: int, outer_end: int, closed: bool
) -> Quote:
    """A quote from its opening mark (offset, width) to `stop`, offsets relative to the paragraph."""
    outer_start = para.start + mark[0]
    start, end = outer_start + mark[1], para.start + stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start and text[end - 1] == "." and not text[start:end].endswith(".."):
        end -= 1
    return Quote(start, end, outer_start, para.start + outer_end, index, closed)
