"""Strike mentions: one trigger ("airstrike", "shelled", "the missile struck") in one sentence.

Whether a word is a trigger is `triggers.trigger_kind`; whether the sentence asserts it (not a
hypothetical, negated or intended strike) is `assertion.is_asserted`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from schemas.records import Casualties, Location, StrikeKind
from services.extractor.lexicon.strikes import MANNED, SEPARATE_WORDS
from services.extractor.strikes.syntax import forms, subject_of, words_before


@dataclass
class Mention:
    trigger: Token
    sentence: Span
    index: int  # of the sentence in the document
    actor: str | None
    kind: StrikeKind | None
    campaign: bool
    date: str | None
    targets: list[str]
    location: Location
    rank: int  # how the location was found: 0 a named place, 1 a country as place, 2 a state named
    casualties: Casualties | None
    manned: bool = False  # told as the work of jets, warplanes or helicopters
    partners: frozenset[str] = frozenset()  # others named as striking with the actor ("the U.S. and Britain")
    defender: str | None = None  # who shot the weapon down, and so did not send it
    actor_rule: str | None = None  # how the actor was read: "agent", "by-phrase", "modifier", ...
    background: bool = False  # told as earlier than the news: "had struck", "in response to a strike"
    report_day: str | None = None  # the day the report of a fresh strike was made ("officials said Tuesday")
    teller: str | None = None  # the armed force whose own report tells it, naming no other attacker
    week: bool = False  # the date is a week's, given as its month ("last week")
    separate: bool = False  # told as a further strike: "a separate drone strike", "another raid"


def is_separate(token: Token) -> bool:
    """ "A separate Turkish drone strike", "another raid": a further strike, not the one told before."""
    return any(c.lower_ in SEPARATE_WORDS and c.dep_ in ("amod", "det") for c in token.children)


def is_manned(token: Token) -> bool:
    """ "Israeli jets struck ...", "a warplane's strike": the trigger names a crewed carrier."""
    words = words_before(token)
    subject = subject_of(token) if token.pos_ == "VERB" else None
    if subject is not None:
        words |= forms(subject.subtree)
    return bool(words & MANNED)
