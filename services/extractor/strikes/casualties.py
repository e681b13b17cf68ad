"""Casualty figures as the text gives them: exact numbers, bounds, ranges and vague amounts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from schemas.records import Casualties
from services.extractor.lexicon.casualties import (
    APPROXIMATIONS,
    EXCLUSIVE_BOUNDS,
    INJURE_LEMMAS,
    KILL_LEMMAS,
    LOWER_BOUNDS,
    UPPER_BOUNDS,
    VAGUE_AMOUNTS,
)
from services.extractor.text.numbers import NUMBER_WORDS, number_value

_NUMBER = r"\d[\d,]*|(?:" + "|".join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w))) + r")(?:-\w+)?"
_LOWER_BOUND = "|".join(LOWER_BOUNDS)
_UPPER_BOUND = "|".join(UPPER_BOUNDS)
_APPROXIMATE = "|".join(APPROXIMATIONS)
_AMOUNT = re.compile(
    rf"\b(?:between\s+(?P<low>{_NUMBER})\s+and\s+(?P<high>{_NUMBER})"
    rf"|(?:(?P<bound>{_LOWER_BOUND}|{_UPPER_BOUND}|{_APPROXIMATE})\s+)?(?P<n>{_NUMBER})"
    rf"|(?P<vague>{'|'.join(VAGUE_AMOUNTS)}))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    text: str
    least: int | None
    most: int | None


_AGE = re.compile(r"\b[\w-]+[- ]years?[- ]old\b", re.IGNORECASE)


def parse_amount(text: str) -> Amount | None:
    """The first amount in `text`: 'at least 17' -> (17, None), 'between 160 and 200' -> (160, 200)."""
    # An age is no count: "a 58-year-old man" is one man (blanked, so offsets keep their places).
    text = _AGE.sub(lambda m: " " * len(m.group()), text)
    match = _AMOUNT.search(text)
    if not match:
        return None
    if match.group("low"):
        return Amount(match.group(), number_value(match.group("low")), number_value(match.group("high")))
    if match.group("vague"):
        return Amount(match.group(), VAGUE_AMOUNTS[match.group("vague").lower()], None)
    value = number_value(match.group("n"))
    if value is None:
        return None
    bound = (match.group("bound") or "").lower()
    if re.fullmatch(_LOWER_BOUND, bound):
        least = value + 1 if bound in EXCLUSIVE_BOUNDS else value
        return Amount(match.group(), least, None)
    if re.fullmatch(_UPPER_BOUND, bound):
        return Amount(match.group(), None, value)
    if bound:
        return Amount(match.group(), None, None)
    return Amount(match.group(), value, value)


def _victims(word: Token) -> Token | None:
    """The noun phrase head that counts the victims of a 'kill' or 'wound' word."""
    # The nearest: a dateline ("YEREVAN, Armenia - Two soldiers were killed") may be parsed as a subject.
    for child in sorted(word.children, key=lambda c: abs(c.i - word.i)):
        if child.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or (child.is_upper and len(child) > 2):
            continue  # misparses: "said Wednesday, a day after two were killed", a dateline's city
        if child.dep_ in ("nsubjpass", "dobj") or (child.dep_ == "nsubj" and word.lemma_ in ("die", "dead")):
            return child
    if word.dep_ in ("oprd", "ccomp", "xcomp", "acomp"):  # "left 534 people wounded"
        return next((c for c in word.head.children if c.dep_ == "dobj"), None)
    if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "NUM", "PROPN"):  # "18 killed"
        return word.head
    return None


def _phrase(head: Token) -> list[Token]:
    """The head and what stands before it, without clauses after it ("people, among them ...")."""
    return [t for t in head.subtree if t.i <= head.i]


def _who(tokens: list[Token], amount: Amount | None) -> str | None:
    words = [t.text for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.like_num]
    if amount:
        words = [w for w in words if w.lower() not in amount.text.lower().split()]
    return " ".join(words) or None


def _count(head: Token) -> tuple[str, Amount | None, str | None] | None:
    tokens = _phrase(head)
    text = "".join(t.text_with_ws for t in tokens).strip()
    amount = parse_amount(text)
    if amount:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [t for c in of.children if c.dep_ == "pobj" for t in _phrase(c)] if of is not None else []
        return amount.text, amount, _who(tokens, amount) or _who(objects, amount)
    if head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:  # "a family of six", "a group of 12 farmers"
            counted = parse_amount("".join(t.text_with_ws for t in of.subtree))
            return (counted.text, counted, _who(tokens, None)) if counted else None
        return text, Amount(text, 1, 1), _who(tokens, None)  # "a senior commander", "a third person"
    if head.pos_ == "PROPN":  # a named victim: "Awlaki and two others"
        full = "".join(t.text_with_ws for t in head.subtree).split(",")[0].strip()
        others = parse_amount(full)
        least = 1 + (others.least or 0 if others else 0)
        return full, Amount(full, least, None), full
    return None


def find_casualties(sent: Span, keep: Callable[[Token], bool] = lambda word: True) -> Casualties | None:
    """Killed and injured counts stated in one sentence, or None if it gives none.

    `keep` chooses the "kill" and "wound" words that count, when a sentence tells of more than one strike."""
    killed: tuple[str, Amount | None, str | None] | None = None
    injured: str | None = None
    for word in sent:
        lemma = word.lemma_.lower()
        is_kill, is_injury = lemma in KILL_LEMMAS, lemma in INJURE_LEMMAS or word.lower_ in INJURE_LEMMAS
        if not (is_kill or is_injury) or not keep(word):
            continue
        victims = _victims(word)
        counted = _count(victims) if victims is not None else None
        if counted is None:
            continue
        if is_kill and killed is None:
            killed = counted
        elif is_injury and injured is None:
            injured = counted[0]
    if killed is None and injured is None:
        return None
    text, amount, who = killed or (None, None, None)
    return Casualties(
        killed=text,
        killed_min=amount.least if amount else None,
        killed_max=amount.most if amount else None,
        injured=injured,
        who=who,
    )
