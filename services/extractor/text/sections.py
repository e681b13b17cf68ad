"""Sections of an article: its paragraphs, each a line of the text, and whether it is body prose.

Headlines, captions, credits and subheads are lines without final punctuation; rules that
read prose skip them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FINAL = ".!?:\u2026"  # a colon ends a paragraph that introduces a quote below it
_CLOSERS = "\"'\u201d\u2019\u00bb)]"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    body: bool  # False for headlines, captions credits and subheads: lines without final punctuation


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line, trimmed, as a paragraph."""
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        paragraphs.append(Paragraph(start, end, _ends_like_prose(stripped)))
    return paragraphs


def _ends_like_prose(line: str) -> bool:
    core = line.rstrip(_CLOSERS + " ")
    return bool(core) and core[-1] in _FINAL or line[-1] in ".!?:"
