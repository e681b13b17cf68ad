"""Where a trigger's actor may be named, best first: its modifiers, its agent, its verb's subject."""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.lexicon.casualties import HARM_VERBS
from services.extractor.lexicon.strikes import (
    ATTRIBUTING_VERBS,
    DEFENCE_VERBS,
    LIGHT_VERBS,
    PROJECTILES,
    TARGET_VERBS,
)
from services.extractor.strikes.actors import without_clauses
from services.extractor.strikes.syntax import clause_verb, subject_of, through_quantity


def _blamed_on(token: Token) -> list[list[Token]]:
    """ "a strike blamed on Turkey", "a raid believed to have been carried out by Israel"."""
    found = []
    for verb in (t for t in token.subtree if t.lemma_ in ATTRIBUTING_VERBS and t != token):
        for prep in verb.children:
            if prep.lower_ in ("on", "to", "by") and prep.dep_ in ("prep", "agent", "dative"):
                found += [list(c.subtree) for c in prep.children if c.dep_ == "pobj"]
    return found


def _accused(verb: Token) -> Token | None:
    """ "X accused the government of carrying out the strike" / "of killing civilians in a strike":
    the accused, not the accuser, is who struck."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "of":
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)


def _verb_sources(token: Token) -> list[list[Token]]:
    subject = subject_of(token)
    if subject is not None:
        return [without_clauses(subject)]
    # No subject parsed ("Assad barrel-bombed ..."): the words before the verb in its clause.
    left = [t for t in token.sent if t.i < token.i]
    stop = max((t.i for t in left if t.is_punct and t.text != "-" or t.pos_ == "VERB"), default=-1)
    return [[t for t in left if t.i > stop]]


def _harm_source(head: Token) -> list[Token] | None:
    """ "the army said it killed 30 fighters in an airstrike": who did the harm the strike did."""
    harm = clause_verb(head)
    if harm.lemma_ not in HARM_VERBS:
        return None
    subject = _accused(harm) or subject_of(harm)
    return list(subject.subtree) if subject is not None else None


def _carrying_verb_source(governor: Token, head: Token) -> list[Token] | None:
    """ "Israel carried out strikes", "the rebels claimed the attack": the subject of the verb that
    carries the strike noun."""
    if governor.dep_ not in ("dobj", "pobj", "attr") or head.pos_ != "VERB":
        return None
    if head.lemma_ not in LIGHT_VERBS | TARGET_VERBS | {"claim"}:
        return None
    subject = _accused(head) or subject_of(head)
    return without_clauses(subject) if subject is not None else None


def actor_sources(token: Token) -> list[list[Token]]:
    """Where a trigger's actor may be named, best first: its modifiers, its agent, its verb's subject."""
    if token.pos_ == "VERB":
        return _verb_sources(token)
    sources = [[t for t in token.subtree if t.i < token.i and t.dep_ != "det"]]
    sources += [list(c.subtree) for prep in token.children if prep.lower_ == "by" for c in prep.children]
    sources += _blamed_on(token)
    governor = through_quantity(token)
    head = governor.head
    if governor.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    harm = _harm_source(head) if governor.dep_ == "pobj" and head.lower_ in ("in", "by") else None
    sources += [harm] if harm else []
    if token.lemma_ in PROJECTILES and head.lemma_ in DEFENCE_VERBS:
        return [s for s in sources if s]  # whoever shoots a drone down is not the one who sent it
    carrying = _carrying_verb_source(governor, head)
    sources += [carrying] if carrying is not None else []
    sources += _passive_agent(governor, head)
    return [s for s in sources if s]


def _passive_agent(governor: Token, head: Token) -> list[list[Token]]:
    """ "the rockets were fired by Russian forces", "the strike was carried out by Israel": the agent of
    the passive verb the strike word is the subject of."""
    if governor.dep_ != "nsubjpass" or head.lemma_ not in LIGHT_VERBS | TARGET_VERBS | ATTRIBUTING_VERBS:
        return []
    return [list(c.subtree) for agent in head.children if agent.dep_ == "agent" for c in agent.children]
