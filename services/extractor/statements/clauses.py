"""Clause structure that both a cue's speaker and its content read: a reporting phrase set off
by commas inside its claim, a claim parsed as a second subject, a chained report, a bare
noun group before a verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from services.extractor.lexicon.function_words import (
    CLAUSE_OPENERS,
)
from services.extractor.statements.verbs import is_reporting_verb

if TYPE_CHECKING:
    from services.extractor.statements.article import Article

SUBJECTS = {"nsubj", "nsubjpass"}
FINITE = {"VBD", "VBZ", "VBP"}
NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "PART", "NUM"}


def parenthesis(article: Article, verb: Token) -> tuple[int, int] | None:
    """The token range of a reporting phrase set off by commas inside what it reports.

    "The ceasefire, he added, must hold": the parser hangs "added" on the clause around
    it, or makes it the root with the rest of the clause as a conjunct ("Most of them,
    the director said, were children"); "The strikes, according to X, killed 12".
    """
    doc = article.doc
    head = verb.head
    if verb.lower_ == "according":
        first, last = verb.left_edge.i - 1, verb.right_edge.i + 1
    elif verb.dep_ == "parataxis" and head.i > verb.i:
        first, last = verb.left_edge.i, verb.right_edge.i
        if doc[first].text != ",":
            first -= 1
        if doc[last].text != "," and last + 1 < len(doc):
            last += 1
        if first <= head.left_edge.i:
            return None
    elif verb.dep_ == "ROOT" and (rest := subjectless_conjunct(verb)) is not None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i - 1 > verb.left_edge.i]
        if not subjects:
            return None
        first, last = subjects[-1].left_edge.i - 1, rest.left_edge.i - 1
    else:
        return None
    if first < 0 or last >= len(doc) or doc[first].text != "," or doc[last].text != ",":
        return None
    if article.quote_of[first] is not None or article.quote_of[last] is not None:
        return None
    if not (article.same_sentence(doc[first], verb) and article.same_sentence(doc[last], verb)):
        return None
    return first, last + 1


def subjectless_conjunct(verb: Token) -> Token | None:
    """The verb after the reporting one that goes on its clause: "X, he told reporters, were Y"."""
    for child in verb.rights:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            if not any(c.dep_ in SUBJECTS for c in child.children):
                return child
    return None


def doubled_subject(article: Article, verb: Token) -> tuple[Token, Token] | None:
    """ "About 20 rockets crossed the border, most of them intercepted, the army said", parsed
    with the claim's subject as a second subject of "said": the claim, then the speaker."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj" and article.quote_of[c.i] is None]
    if len(subjects) < 2:
        return None
    claim, speaker = subjects[0], subjects[-1]
    comma = speaker.left_edge.i - 1
    if article.doc[comma].text != "," or not article.same_sentence(claim, verb):
        return None
    if not any(t.pos_ in {"VERB", "AUX"} for t in article.doc[claim.i : comma]):
        return None  # "Tomas Berg, the governor, and officials": a list of speakers, not a claim
    return claim, speaker


def chained_report(verb: Token) -> bool:
    """ "They said the attack was retaliation and warned that ...", parsed with "warned" as a
    second clause of "said": a subjectless reporting verb after "and" is the reporter's own."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i < verb.i
        and verb.i > 0
        and verb.doc[verb.i - 1].pos_ == "CCONJ"
        and not any(c.dep_ in SUBJECTS for c in verb.children)
        and is_reporting_verb(verb)
        and is_reporting_verb(head)
    )


def bare_group_start(article: Article, verb: Token) -> int | None:
    """Where a bare noun group between a comma and the verb begins: "..., activists and a group said"."""
    doc = article.doc
    body = article.body_start[article.para_of[verb.i]]
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in NOMINAL and doc[i].idx >= body and article.quote_of[i] is None:
        i -= 1
    if i + 1 == verb.i or (i >= 0 and doc[i].text != "," and doc[i].idx >= body):
        return None
    return i + 1


def nominal_before(article: Article, verb: Token) -> Token | None:
    """The head of the first conjunct of a bare noun group just before the verb, if there is one."""
    start = bare_group_start(article, verb)
    head = None
    for token in article.doc[start : verb.i] if start is not None else ():
        if token.pos_ == "CCONJ":
            break
        if token.pos_ in {"NOUN", "PROPN"}:
            head = token
    return head


def is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"}


def is_time_phrase(token: Token) -> bool:
    """ "said on Monday it had ...": when it was said, which the parser put in the clause."""
    rest = [t for t in token.subtree if t.i != token.i]
    return token.dep_ == "prep" and bool(rest) and all(t.ent_type_ in {"DATE", "TIME"} for t in rest)


def opens_clause(token: Token) -> bool:
    """ "that" as a complementiser, "which"/"what" as the relativiser of "which X said was ..."."""
    return token.lower_ in CLAUSE_OPENERS and token.dep_ in {"mark", "nsubj", "nsubjpass", "dobj"}
