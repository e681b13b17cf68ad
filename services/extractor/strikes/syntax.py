"""Reading the dependency tree around a strike word: its subject, its objects, its clause's verb.

Small helpers shared by the strike rules; each takes a spaCy token and answers from the parse alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from schemas.records import StrikeKind
from services.extractor.lexicon.strikes import KIND_WORDS


def forms(tokens: Iterable[Token]) -> set[str]:
    """Each word as written (lower case) and as its lemma, so that word lists need only the lemma."""
    return {form for t in tokens for form in (t.lower_, t.lemma_.lower())}


def words_before(token: Token) -> set[str]:
    """The token's left modifiers, and the word glued to it by a hyphen ("barrel-bombed")."""
    doc = token.doc
    glued = [doc[token.i - 2]] if token.i >= 2 and doc[token.i - 1].text == "-" else []
    return forms([*(t for t in token.subtree if t.i < token.i), *glued])


def kind_from_words(words: set[str]) -> StrikeKind | None:
    if "anti" in words:  # "anti-tank missiles" are missiles, not tank fire
        words = words - {"tank"}
    return next((kind for kind, cues in KIND_WORDS if words & cues), None)


def subject_of(verb: Token) -> Token | None:
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    # A passive takes no direct object: "he's done strikes" parsed as passive is active.
    subjects = [
        c for c in verb.children if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and has_object)
    ]
    if subjects:  # the nearest: a dateline ("CITY (Agency) - ...") may be parsed as a second subject
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    # "intercepted and destroyed", "began dropping", "bombed the town, shelling its outskirts":
    # the subject of the verb these depend on.
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):  # "responded by firing missiles"
        return subject_of(verb.head.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a US aircraft fired on the cars"
    return None


def free_relative_object(verb: Token) -> Token | None:
    """The thing named in a "what" clause standing as the object: "struck what officials said were
    arms depots", "hit what appeared to be a camp", "bombed what it described as (or called) bases"."""
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "dobj") or clause.left_edge.lower_ != "what":
            continue
        for token in clause.subtree:
            if token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as"):
                return token
    return None


def objects_of(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ == "dobj"]
    if not found:
        relative = free_relative_object(verb) or _small_clause_object(verb)
        found = [relative] if relative is not None else []
    return found


def _small_clause_object(verb: Token) -> Token | None:
    """ "struck militants operating from a school": the parser makes the militants the subject of
    "operating", a clause under the verb, where they are the verb's object."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.tag_ not in ("VBG", "VBN") or clause.i < verb.i:
            continue
        if any(c.dep_ in ("mark", "aux", "auxpass") for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.i > verb.i:
            return subject
    return None


def through_quantity(token: Token) -> Token:
    """ "dozens of rockets": the quantity stands where the rockets do in the clause."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "NUM"):
        return token.head.head
    return token


def clause_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def means(verb: Token, objects: list[Token]) -> set[str]:
    """The words of a "with" phrase on the verb or its objects: "struck the refinery with drones"."""
    withs = [c for h in (verb, *objects) for c in h.children if c.lower_ == "with"]
    return forms(t for c in withs for t in c.subtree)
