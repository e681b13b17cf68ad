"""Strike triggers: whether a word reports a strike, and of what kind.

`trigger_kind` reads a table of small named rules, nouns ("an airstrike", "a drone attack", "the
missile hit") apart from verbs ("jets bombed", "artillery shelled"). Each rule answers a verdict
(is a trigger, its kind) or None to pass the word on to the next rule; the first verdict wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from schemas.records import StrikeKind
from services.extractor.lexicon.forces import FORCE_NOUNS
from services.extractor.lexicon.strikes import (
    CARRIERS,
    FIGURATIVE_OBJECTS,
    NOT_MILITARY,
    PROJECTILE_VERBS,
    PROJECTILES,
    STRIKE_NOUNS,
)
from services.extractor.strikes.syntax import (
    forms,
    kind_from_words,
    means,
    objects_of,
    subject_of,
    through_quantity,
    words_before,
)

Verdict = tuple[bool, StrikeKind | None]
NOT_A_TRIGGER: Verdict = (False, None)


@dataclass(frozen=True)
class Word:
    """A candidate trigger with what every rule reads of it."""

    token: Token
    lemma: str
    before: set[str]  # its left modifiers: "drone" in "a drone attack"


@dataclass(frozen=True)
class Deed:
    """A candidate verb trigger, with its objects, its subject and the carriers the subject names."""

    token: Token
    lemma: str
    before: set[str]
    objects: list[Token]
    subject: Token | None
    carrier: set[str]  # "jets" in "Israeli jets struck"


Rule = Callable[[Word], Verdict | None]
DeedRule = Callable[[Deed], Verdict | None]


# Noun rules


def not_military(word: Word) -> Verdict | None:
    """ "a hunger strike", "a car bomb attack", "strike" as a modifier ("strike group"): no air strike."""
    if word.token.dep_ == "compound" or word.before & NOT_MILITARY:
        return NOT_A_TRIGGER
    return None


def airstrike_word(word: Word) -> Verdict | None:
    """ "airstrikes", however the lemmatizer reads it."""
    if word.lemma.startswith("airstrike") or word.token.lower_.startswith("airstrike"):
        return True, "airstrike"
    return None


def strike_noun(word: Word) -> Verdict | None:
    """ "a strike", "the shelling", "Russian bombing": a strike by itself, of the kind its words say."""
    if not STRIKE_NOUNS.get(word.lemma, False):
        return None
    default: StrikeKind | None = {"shelling": "artillery", "strike": None}.get(word.lemma, "airstrike")
    return True, kind_from_words(word.before) or default


def qualified_noun(word: Word) -> Verdict | None:
    """ "a drone attack", "an air raid", "opened fire with mortars": a strike only with its kind."""
    if STRIKE_NOUNS.get(word.lemma, True):
        return None
    kind = kind_from_words(word.before)
    token = word.token
    if kind is None and word.lemma == "fire" and token.head.lemma_ == "open":
        kind = kind_from_words(means(token, [token.head]))  # the means says the kind
    return kind is not None, kind


def chemical_weapon_used(word: Word) -> Verdict | None:
    """ "used chemical weapons against civilians"."""
    if word.lemma not in ("weapon", "agent") or word.token.head.lemma_ not in (
        "use",
        "deploy",
        "drop",
        "fire",
    ):
        return None
    kind = kind_from_words(word.before)
    return kind == "chemical", kind


def fired_projectile(word: Word) -> Verdict | None:
    """ "fired rockets at the town", "a missile hit a school": a weapon told as used is a strike."""
    if word.lemma not in PROJECTILES or not (weapon_used(word.token) or weapon_hit(word.token)):
        return None
    # "drones firing Hellfire missiles": what a drone fires is its drone strike
    verb = through_quantity(word.token).head
    carrier = verb.head if verb.dep_ == "acl" else subject_of(verb) if verb.pos_ == "VERB" else None
    if carrier is not None and carrier.lemma_.lower() in ("drone", "uav") and word.lemma != "drone":
        return True, "drone strike"
    return True, kind_from_words(word.before) or PROJECTILES[word.lemma]


def weapon_used(token: Token) -> bool:
    """Whether a weapon is what a verb of firing acts on, or the means of a strike told by a verb."""
    governor = through_quantity(token)
    verb = governor.head
    if verb.lemma_ in PROJECTILE_VERBS and governor.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return True
    # "targeted the airport with a ballistic missile": the weapon of the verb's strike
    if governor.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_ in ("target", "attack"):
        return True
    then = any(c.dep_ == "xcomp" and c.lemma_ in PROJECTILE_VERBS for c in verb.children)
    # "shells began landing on the compounds": the verb after says what the weapon did
    if governor.dep_ == "nsubj" and then:
        return True
    # "used armed drones to hit a camp": the weapon of a strike told by the verb after it
    return governor.dep_ == "dobj" and verb.lemma_ in ("use", "deploy", "employ") and then


def weapon_hit(token: Token) -> bool:
    """ "a missile hit": a clause on the weapon tells what it did."""
    return any(c.dep_ == "acl" and c.lemma_ in PROJECTILE_VERBS for c in token.children)


NOUN_RULES: tuple[Rule, ...] = (
    not_military,
    airstrike_word,
    strike_noun,
    qualified_noun,
    chemical_weapon_used,
    fired_projectile,
)


# Verb rules


def figurative(deed: Deed) -> Verdict | None:
    """ "struck a deal", "hit a record"."""
    return NOT_A_TRIGGER if any(o.lemma_.lower() in FIGURATIVE_OBJECTS for o in deed.objects) else None


def bombed(deed: Deed) -> Verdict | None:
    """ "jets bombed a market", "barrel-bombed the district": a bombing needs what it hit."""
    if deed.lemma not in ("bomb", "barrel-bomb"):
        return None
    if "barrel" in deed.before or "barrel" in deed.lemma:
        return bool(deed.objects), "barrel bomb"
    return bool(deed.objects), kind_from_words(deed.carrier) or "airstrike"


def shelled(deed: Deed) -> Verdict | None:
    """ "artillery shelled three villages west of X", parsed with the villages as a modifier of "west"."""
    if deed.lemma != "shell":
        return None
    placed = deed.subject is not None and any(
        c.dep_ in ("advmod", "prep", "npadvmod") for c in deed.token.children
    )
    return bool(deed.objects) or placed, "artillery"


def pounded(deed: Deed) -> Verdict | None:
    """ "pounded", "bombarded", "strafed": the kind is in the carrier or "with artillery"."""
    if deed.lemma not in ("pound", "bombard", "strafe"):
        return None
    means_ = means(deed.token, deed.objects)
    kind = kind_from_words(deed.carrier | means_) or ("airstrike" if deed.lemma == "strafe" else None)
    return bool(deed.objects or means_), kind


def struck_back(deed: Deed) -> Verdict | None:
    """ "hit back at the rebels", "struck back in the south": a strike in return, told without object."""
    token = deed.token
    if deed.lemma not in ("strike", "hit") or deed.subject is None:
        return None
    back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "against") for c in token.children
    )
    return (can_strike(deed.subject, deed.carrier), kind_from_words(deed.carrier)) if back else None


def struck(deed: Deed) -> Verdict | None:
    """ "Israeli jets struck a school", "the army hit positions": an armed subject and what it hit."""
    if deed.lemma not in ("strike", "hit"):
        return None
    token, subject = deed.token, deed.subject
    # Headlines parse "X strike on Y" as a verb with "on" and no object.
    on = deed.lemma == "strike" and any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children)
    if any(c.dep_ == "prt" for c in token.children) or subject is None or not (deed.objects or on):
        return NOT_A_TRIGGER
    if trigger_kind(subject)[0]:
        return NOT_A_TRIGGER  # "an Israeli strike hit a school": the noun is the mention
    # "struck the refinery with long-range drones": the means says the kind.
    with_carrier = means(token, deed.objects) & CARRIERS
    return can_strike(subject, deed.carrier), kind_from_words(deed.carrier) or kind_from_words(with_carrier)


def fired_on(deed: Deed) -> Verdict | None:
    """ "warplanes fired on the convoy"."""
    if deed.lemma == "fire" and deed.carrier and any(c.lower_ in ("on", "at") for c in deed.token.children):
        return True, kind_from_words(deed.carrier)
    return None


VERB_RULES: tuple[DeedRule, ...] = (figurative, bombed, shelled, pounded, struck_back, struck, fired_on)


def can_strike(subject: Token, carrier: set[str]) -> bool:
    """Whether the subject of "hit" or "struck" is an armed force, not shares hitting a record."""
    if carrier or subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    return any(forms([t]) & FORCE_NOUNS or t.ent_type_ in ("NORP", "GPE", "ORG") for t in subject.subtree)


def deed_of(token: Token, lemma: str, before: set[str]) -> Deed:
    subject = subject_of(token)
    carrier = forms(subject.subtree) & CARRIERS if subject is not None else set()
    return Deed(token, lemma, before, objects_of(token), subject, carrier)


def trigger_kind(token: Token) -> Verdict:
    """(is a trigger, its kind if the words say so)."""
    lemma, before = token.lemma_.lower(), words_before(token)
    if token.pos_ in ("NOUN", "PROPN"):
        word = Word(token, lemma, before)
        return next((v for v in (rule(word) for rule in NOUN_RULES) if v is not None), NOT_A_TRIGGER)
    if token.pos_ != "VERB":
        return NOT_A_TRIGGER
    deed = deed_of(token, lemma, before)
    return next((v for v in (rule(deed) for rule in VERB_RULES) if v is not None), NOT_A_TRIGGER)
