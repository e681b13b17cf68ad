"""Cutting a long text into chunks of bounded length, at paragraph or sentence ends (pure).

The rules look at a whole document, and some of their lookups scan the document once per
mention (see README, "Long articles"): their cost grows with the square of the document's
length, and so does spaCy's parse on one huge Doc. Bounded chunks make both linear.
An ordinary article (a few kB) is one chunk, so it is read exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Far above a news article (3 to 10 kB), so chunks only cut texts that are not one.
CHUNK_CHARS = 20_000

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]['\"”’)]?\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Chunk:
    start: int
    text: str


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[Chunk]:
    """Contiguous slices covering `text`, each at most `limit` characters long."""
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        yield Chunk(start, text[start:end])
        start = end
    if start < len(text) or not text:
        yield Chunk(start, text[start:])


def _cut(text: str, start: int, hard_end: int) -> int:
    # The strongest break in the second half of the window: a paragraph, a line, a
    # sentence, a space; failing all, the window's end (one 20 kB "word").
    floor = start + (hard_end - start) // 2
    window = text[floor:hard_end]
    for pattern in _BREAKS:
        matches = list(pattern.finditer(window))
        if matches:
            return floor + matches[-1].end()
    return hard_end
