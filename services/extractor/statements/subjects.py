"""A cue's speaker: the head of the phrase naming who speaks, or None when nobody is named.

The parser often errs on news sentences, so subjects it lost are looked for just before
the verb, and a verb that shares its subject with another takes that one's speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from services.extractor.lexicon.pronouns import RELATIVE_SUBJECTS
from services.extractor.lexicon.titles import TITLE_WORDS
from services.extractor.statements.clauses import (
    FINITE,
    SUBJECTS,
    chained_report,
    doubled_subject,
    nominal_before,
    parenthesis,
)
from services.extractor.statements.verbs import is_reporting_verb

if TYPE_CHECKING:
    from services.extractor.statements.article import Article

_MODIFIERS = {"npadvmod", "prep", "advmod", "acl", "relcl"}


def speaker_token(article: Article, verb: Token) -> Token | None:
    """The head of the phrase naming who speaks, or None when nobody is named."""
    if verb.lower_ == "according":
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if (doubled := doubled_subject(article, verb)) is not None:
        return doubled[1]
    found, subject = _own_subject(article, verb)
    return subject if found else _borrowed_subject(article, verb)


def _own_subject(article: Article, verb: Token) -> tuple[bool, Token | None]:
    """The verb's own subject or agent, if the parse gives it one; (False, None) if not."""
    cut = parenthesis(article, verb)
    for child in verb.children:
        if child.dep_ != "nsubj" or article.quote_of[child.i] is not None:
            continue  # the parser took a word of the quote for the subject
        if cut is not None and not cut[0] < child.i < cut[1]:
            continue  # "Most of the victims, the director said, were ...": the subject of the claim
        if child.idx < article.body_start[article.para_of[child.i]]:
            return True, _left_subject(article, verb)  # "ISLAMABAD — Pakistan's military said": not the city
        if _partitive(child) and (earlier := _reporting_before(article, child)):
            # "said 38 were wounded, some of them critically, and warned ...": the aside is no subject
            return True, speaker_token(article, earlier)
        if child.lower_ in RELATIVE_SUBJECTS and verb.dep_ == "relcl":
            # "X, which officials allege is Y": the relativiser belongs to the claim
            between = [t for t in article.doc[child.i + 1 : verb.i] if t.pos_ in {"NOUN", "PROPN", "PRON"}]
            return True, between[-1] if between else verb.head
        return True, _named_after(verb, _past_title(verb, child))
    for child in verb.children:
        if child.dep_ == "agent":
            return True, next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return True, None  # "what was called a ...": nobody is named
    return False, None


def _borrowed_subject(article: Article, verb: Token) -> Token | None:
    """The speaker of a verb without a subject of its own: the verb it is chained or
    coordinated to, the noun phrase just before it, or the noun it describes."""
    head = verb.head
    if chained_report(verb):
        return speaker_token(article, head)
    if verb.dep_ == "pcomp" and head.head.lemma_.lower() == "quote":  # "X was quoted as saying"
        return next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "conj" and (nominal := nominal_before(article, verb)) is not None:
        return nominal  # "Gunmen killed twelve, activists said", parsed as one subject for both verbs
    shares_subject = verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG")
    if shares_subject and head.pos_ in {"VERB", "AUX"} and article.same_sentence(head, verb):
        reporting = _reporting_ancestor(head)
        if verb.dep_ == "conj" and reporting is not None and article.same_sentence(reporting, verb):
            # "said that the strikes killed three and warned that ...": the parser chained
            # "warned" to the reported verb; the warning is the reporter's.
            return speaker_token(article, reporting)
        return speaker_token(article, head)
    if verb.tag_ in FINITE:
        return _left_subject(article, verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _participle_subject(verb)
    return None


def _partitive(subject: Token) -> bool:
    """ "some of them", "most of those": a share of what was just counted, never a speaker."""
    return subject.pos_ in {"PRON", "NUM", "DET"} and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PRON" for o in c.children)
        for c in subject.children
    )


def _reporting_before(article: Article, subject: Token) -> Token | None:
    """The reporting verb nearest before a subject, in its sentence and outside quotes."""
    for token in reversed(article.doc[subject.sent.start : subject.i]):
        if article.quote_of[token.i] is None and is_reporting_verb(token):
            return token
    return None


def _past_title(verb: Token, subject: Token) -> Token:
    """ "Brig. Gen. X Y said", with the rank and the name all parsed as subjects: the name's last word."""
    if subject.lower_.rstrip(".") not in TITLE_WORDS:
        return subject
    names = [c for c in verb.lefts if c.dep_ == "nsubj" and c.i > subject.i and c.pos_ == "PROPN"]
    return names[-1] if names else subject


def _named_after(verb: Token, subject: Token) -> Token:
    """ "the state news agency SANA said", parsed as two subjects: the name after the description."""
    for child in verb.lefts:
        if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.left_edge.i == subject.i + 1:
            return child
    return subject


def _reporting_ancestor(token: Token) -> Token | None:
    while token.head.i != token.i:
        if is_reporting_verb(token):
            return token
        token = token.head
    return token if is_reporting_verb(token) else None


def _participle_subject(verb: Token) -> Token | None:
    """ "Secretary X on Friday called the strikes ...", parsed as a participle for want of a finite verb."""
    root = verb
    while root.head.i != root.i:
        root = root.head
    if root.tag_ in FINITE or root.tag_ == "MD":
        return None  # a real main verb exists: "a group called ..." names, it does not report
    if root.pos_ in {"NOUN", "PROPN"}:
        return root
    return verb.head if verb.head.pos_ == "PROPN" else None


def _extends_to(article: Article, head: Token, verb: Token) -> bool:
    """Whether `head` heads a constituent of `verb`'s sentence that ends before the verb."""
    return (
        head.right_edge.i < verb.i and article.quote_of[head.i] is None and article.same_sentence(head, verb)
    )


def _apposed_to_name(article: Article, token: Token) -> bool:
    """A description set off by commas after a name that itself opens after a comma: the name
    and its description are the speaker, however the parser hung the name on the claim."""
    name = token.head
    if token.dep_ != "appos" or name.i >= token.i or name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return False
    before = name.left_edge.i - 1
    return before >= 0 and article.doc[before].text == "," and article.quote_of[before] is None


def _subject_of_aside(article: Article, token: Token, verb: Token) -> Token | None:
    """The speaker the parser gave to a verb before the reporting one."""
    if token.pos_ in {"VERB", "AUX"} and token.dep_ == "ccomp" and token.head.i == verb.i:
        # "The X Committee, one of the groups that ... since the war erupted, said": the
        # parser made the described body a second subject of the aside's verb
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if len(subjects) > 1 and any(c.dep_ == "appos" for c in subjects[0].children):
            return subjects[0]
    if token.pos_ in {"VERB", "AUX"} and token.dep_ in {"parataxis", "advcl", "acl"}:
        # "The general, asked whether ..., said": the parser gave "asked" the subject.
        subjects = [c for c in token.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
        if subjects and (
            token.tag_ == "VBN" or any(t.text == "," for t in article.doc[subjects[0].i : token.i])
        ):
            return subjects[0]
    return None


def _left_subject(article: Article, verb: Token) -> Token | None:
    """The noun phrase just before a verb the parser left without a subject.

    Long pre-verbal material ("X, asked by a reporter whether ..., replied") often makes
    the parser attach the verb elsewhere; the phrase ending right before it is the subject.
    """
    doc = article.doc
    body = article.body_start[article.para_of[verb.i]]
    nominal = nominal_before(article, verb)
    if nominal is not None:
        return nominal
    i = verb.i - 1
    while (
        i >= 0 and article.same_sentence(doc[i], verb) and article.quote_of[i] is None and doc[i].idx >= body
    ):
        token = doc[i]
        if token.is_punct or token.pos_ in {"ADV", "CCONJ", "PART", "AUX"}:
            i -= 1
            continue
        if _apposed_to_name(article, token):
            return token.head  # "..., including one that hit a hospital, X Y, a senior official, said"
        while token.head.i != token.i and _extends_to(article, token.head, verb):
            token = token.head
        if token.dep_ == "appos":
            return token.head
        if token.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token
        if token.pos_ in {"VERB", "AUX"} and (subject := _subject_of_aside(article, token, verb)) is not None:
            return subject
        if token.pos_ in {"ADP", "NUM", "VERB"} or token.dep_ in _MODIFIERS:
            i = token.left_edge.i - 1  # step over "on Friday during a press conference"
            continue
        return None
    return None
