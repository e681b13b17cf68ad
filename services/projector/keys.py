"""Names of the read-model keys, and the ordering used by their indexes.

Indexes are sorted sets with every score 0, ordered by member: `<position>|<id>`, where
the position is the zero-padded stream entry id that created the item. That gives a
stable newest-first order and an opaque cursor (the last member returned), with no
floating-point scores to lose precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.common.settings import Settings


def position(entry_id: str) -> str:
    """'1700000000000-3' -> a string that sorts like the entry id."""
    ms, _, seq = entry_id.partition("-")
    return f"{int(ms):015d}-{int(seq or 0):010d}"


def entry_tuple(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


def member(entry_id: str, item_id: str) -> str:
    return f"{position(entry_id)}|{item_id}"


def item_of(index_member: str) -> str:
    return index_member.partition("|")[2]


def slug(value: str) -> str:
    """Case- and punctuation-insensitive key part: 'U.S.-led Coalition' -> 'u-s-led-coalition'."""
    return re.sub(r"[^\w]+", "-", value.casefold()).strip("-") or "-"


@dataclass(frozen=True)
class Keys:
    prefix: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Keys:
        return cls(prefix=settings.key("rm"))

    def _k(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    def checkpoint(self, stream: str) -> str:
        return self._k("checkpoint", stream)

    def article(self, article_id: str) -> str:
        return self._k("article", article_id)

    def statement(self, statement_id: str) -> str:
        return self._k("statement", statement_id)

    def speaker(self, speaker_key: str) -> str:
        return self._k("speaker", speaker_key)

    def strike(self, strike_key: str) -> str:
        return self._k("strike", strike_key)

    def strike_merge(self, strike_key: str) -> str:
        """What merging a strike's sources needs and the API does not show (see read_models/strikes)."""
        return self._k("strike-merge", strike_key)

    def strike_source(self, strike_id: str) -> str:
        """Marks one article's StrikeReported as applied, and points to its merged strike."""
        return self._k("strike-source", strike_id)

    def index(self, name: str, *facet: str) -> str:
        return self._k("idx", name, *facet)

    def all_pattern(self) -> str:
        return self._k("*")
