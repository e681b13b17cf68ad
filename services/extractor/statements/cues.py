"""Reporting verbs in a parsed article: who is their subject, and what clause they report.

A cue is a reporting verb ("said", "told", "pointed out") or "according to", outside
any quote. Its content is the reported clause as a token range (`content`): the complement
clause ("X said that ..."), the clause before it ("..., X said"), or for "according to X"
the clause the phrase hangs on, less a reporting phrase set off by commas inside it ("X, he
added, Y"). Its speaker is the head of its subject phrase (`subjects`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from services.extractor.lexicon.sources import SPEAKING_NOUNS
from services.extractor.lexicon.speech import (
    APPEAL_CONTENT,
    PHRASAL_REPORTING_VERBS,
    QUOTE_ONLY_VERBS,
    WITHHOLDING_VERBS,
)
from services.extractor.statements.clauses import SUBJECTS, parenthesis
from services.extractor.statements.content import content
from services.extractor.statements.speakers.speaker import Speaker
from services.extractor.statements.subjects import speaker_token
from services.extractor.statements.verbs import is_reporting_verb

if TYPE_CHECKING:
    from services.extractor.statements.article import Article

_NOT_SOURCES = {"", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


@dataclass
class Cue:
    """A reporting verb (or "according"), the head of its speaker phrase, and what it reports."""

    verb: Token
    speaker_token: Token | None
    content: tuple[int, int] | None  # token range, end exclusive
    speaker: Speaker | None = None
    cut: tuple[int, int] | None = None  # the cue's own words inside the content: "X, he added, Y"
    gap: tuple[int, int] | None = None  # the cue's words between two claims: "A, he wrote, and B"


def find_cues(article: Article) -> list[Cue]:
    """Every reporting verb outside quotes in the article's body, with its subject and content."""
    cues = []
    for token in article.doc:
        if article.quote_of[token.i] is not None or not article.in_body(token):
            continue
        if _withheld(token):
            continue
        if is_reporting_verb(token, quoting=True) or is_according_to(token):
            cues.append(Cue(token, speaker_token(article, token), None))
    reporting = [c for c in cues if c.verb.lemma_.lower() not in QUOTE_ONLY_VERBS]
    verbs = {c.verb.i for c in reporting}
    for cue in reporting:
        cue.content = content(article, cue.verb, verbs)
    for cue in reporting:
        # One clause for two verbs is the nearer verb's claim: "claimed by X, which Y allege is ..."
        if cue.content is not None and any(
            other.content == cue.content and cue.verb.i < other.verb.i < cue.content[0] for other in reporting
        ):
            cue.content = None
    for cue in reporting:
        _go_on_after(article, cue)
        cut = parenthesis(article, cue.verb)
        if cue.content is not None and cut is not None and cue.content[0] < cut[0] < cut[1] < cue.content[1]:
            cue.cut = cut
    return cues


def _go_on_after(article: Article, cue: Cue) -> None:
    """ "A guard was killed, the governor wrote, and two firefighters were hurt": a clause with
    its own subject coordinated after the reporting phrase is reported too."""
    if cue.content is None or cue.content[1] > cue.verb.i:
        return
    doc, verb = article.doc, cue.verb
    candidates = list(verb.rights)
    if verb.dep_ in {"parataxis", "ccomp"} and verb.head.i < verb.i:  # the conjunct hung on the claim
        candidates += [c for c in verb.head.rights if c.i > verb.i]
    for conj in candidates:
        if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"} or is_reporting_verb(conj):
            continue
        first = conj.left_edge.i
        if first < 2 or doc[first - 1].lower_ != "and" or doc[first - 2].text != ",":
            continue
        if not any(c.dep_ in SUBJECTS and c.i < conj.i for c in conj.children):
            continue
        if not article.same_sentence(verb, conj) or article.quote_of[first] is not None:
            continue
        end = conj.right_edge.i + 1
        while end > first and doc[end - 1].is_punct and article.quote_of[end - 1] is None:
            end -= 1
        cue.gap = (cue.content[1], first)
        cue.content = (cue.content[0], end)
        return


def _withheld(token: Token) -> bool:
    """ "declined to say", "refused to comment": a reporting verb that reports nothing."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in WITHHOLDING_VERBS


def is_according_to(token: Token) -> bool:
    """ "according to the ministry", but not "according to plan": the object must be able to speak."""
    if token.lower_ != "according":
        return False
    for prep in token.children:
        if prep.lower_ == "to":
            return any(_can_speak(obj) for obj in prep.children if obj.dep_ == "pobj")
    return False


def _can_speak(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (
        token.pos_ in {"PROPN", "PRON"}
        or token.ent_type_ not in _NOT_SOURCES
        or lemma in SPEAKING_NOUNS
        or any(_names_a_body(c) for c in token.lefts)
    )


def _names_a_body(modifier: Token) -> bool:
    """ "the U.N. monitoring mission", "the Red Cross delegation": a body's name before the head."""
    return modifier.dep_ in {"compound", "nmod", "poss"} and modifier.ent_type_ == "ORG"


def cue_text(verb: Token) -> str:
    """The reporting verb as written, with its particle: "said", "pointed out", "called on"."""
    if verb.lower_ == "according":
        return "according to"
    lemma = verb.lemma_.lower()
    particles = [
        c.text
        for c in verb.children
        if c.dep_ == "prt"
        or (lemma, c.lower_) in PHRASAL_REPORTING_VERBS
        or (c.dep_ == "prep" and (lemma, c.lower_) in APPEAL_CONTENT)
    ]
    return " ".join([verb.text, *particles])
