"""One article's text laid out for statement extraction: paragraphs, quotes, sentences.

Built once per document so that every later question ("is this token quoted?", "are
these two tokens in the same sentence?") is a lookup, not a scan.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from services.extractor.lexicon.titles import ABBREVIATIONS
from services.extractor.statements.quotes import Quote, find_quotes
from services.extractor.statements.speakers.speaker import Speaker
from services.extractor.statements.verbs import is_reporting_verb
from services.extractor.text.datelines import paragraph_dateline_end
from services.extractor.text.sections import Paragraph, split_paragraphs


class Article:
    """Per-document indexes, built once: paragraphs, quotes, and which token lies in which."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.paragraphs: list[Paragraph] = split_paragraphs(self.text)
        self.quotes: list[Quote] = _repair_dangling(
            doc, self.paragraphs, find_quotes(self.text, self.paragraphs)
        )
        self.para_starts = para_starts = [p.start for p in self.paragraphs]
        quote_starts = [q.outer_start for q in self.quotes]
        self.quote_of: list[int | None] = []
        self.para_of: list[int] = []
        for token in doc:
            p = bisect_right(para_starts, token.idx) - 1
            self.para_of.append(p)
            q = bisect_right(quote_starts, token.idx) - 1
            inside = q >= 0 and token.idx < self.quotes[q].outer_end
            self.quote_of.append(q if inside else None)
        self.boundaries = self._sentence_boundaries()
        first_body = next((i for i, p in enumerate(self.paragraphs) if p.body), -1)
        self.body_start = [
            paragraph_dateline_end(self.text, p.start, p.end, i == first_body)
            for i, p in enumerate(self.paragraphs)
        ]
        self.mentions: list[tuple[int, Speaker]] = []  # (token, referent) in reading order
        self.quote_tokens: dict[int, int] = {}  # quote -> its first token
        for i in range(len(doc) - 1, -1, -1):
            quote = self.quote_of[i]
            if quote is not None:
                self.quote_tokens[quote] = i

    def in_dateline(self) -> list[bool]:
        """For each token, whether it lies in the dateline opening its paragraph."""
        return [p >= 0 and t.idx < self.body_start[p] for t, p in zip(self.doc, self.para_of, strict=True)]

    def in_body(self, token: Token) -> bool:
        p = self.para_of[token.i]
        return p >= 0 and self.paragraphs[p].body

    def _sentence_boundaries(self) -> list[int]:
        """Sentence starts outside quotes, where the text before really ends a sentence."""
        bounds = {p.start for p in self.paragraphs}
        quote_starts = [q.outer_start for q in self.quotes]
        for sent in self.doc.sents:
            b = sent.start_char
            q = bisect_right(quote_starts, b - 1) - 1
            if q >= 0 and self.quotes[q].outer_start < b < self.quotes[q].outer_end:
                continue
            before = self.text[max(b - 40, 0) : b].rstrip().rstrip("\"'\u201d\u2019\u00bb")
            if before and before[-1] in ".!?\u2026" and not _ends_with_abbreviation(before):
                bounds.add(b)
        return sorted(bounds)

    def region(self, char: int) -> int:
        """Which sentence (counted outside quotes) a character offset falls in."""
        return bisect_right(self.boundaries, char)

    def same_sentence(self, a: Token, b: Token) -> bool:
        return self.region(a.idx) == self.region(b.idx) and self.para_of[a.i] == self.para_of[b.i]


def _ends_with_abbreviation(text: str) -> bool:
    """ "... army spokesman Brig." does not end a sentence; nor does an initial ("J.")."""
    if not text.endswith("."):
        return False
    word = text[:-1].rsplit(None, 1)[-1] if text[:-1].split() else ""
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _repair_dangling(doc: Doc, paragraphs: list[Paragraph], quotes: list[Quote]) -> list[Quote]:
    """Close a quote left open by a typo where its attribution begins: ``“The siege is over, Berg said.``

    An open quote is legitimate only when the next paragraph continues it; otherwise the
    first ", <subject> said" inside it is where the closing mark was forgotten.
    """
    repaired = []
    text = doc.text  # built afresh on every access
    for quote in quotes:
        following = paragraphs[quote.paragraph + 1] if quote.paragraph + 1 < len(paragraphs) else None
        continued = following is not None and text[following.start] in "\"\u201c\u2018\u00ab'"
        if not quote.closed and not continued:
            quote = _close_at_attribution(doc, quote)
        repaired.append(quote)
    return repaired


def _close_at_attribution(doc: Doc, quote: Quote) -> Quote:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return quote
    for token in span:
        if not (is_reporting_verb(token) and token.i - 4 >= span.start):
            continue
        commas = [t for t in doc[token.i - 4 : token.i] if t.text == "," and t.idx > quote.start]
        if commas:
            comma = commas[-1]
            return replace(quote, end=comma.idx, outer_end=comma.idx + 1, closed=True)
    return quote
