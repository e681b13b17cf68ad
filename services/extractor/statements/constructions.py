"""The constructions that carry a reported claim when the parse gives no clause complement:
an "according to" phrase, an object ("accused them of ..."), an appeal ("urged X to ..."), a
clause before the reporting phrase, and clauses the parser tore apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from services.extractor.lexicon.function_words import (
    CLAUSE_OPENERS,
)
from services.extractor.lexicon.speech import (
    APPEAL_CONTENT,
    APPEAL_VERBS,
    COUNT_CONTENT,
    GERUND_CONTENT,
    OBJECT_CONTENT,
)
from services.extractor.statements.clauses import FINITE, NOMINAL, SUBJECTS, bare_group_start, is_time_phrase
from services.extractor.statements.verbs import is_reporting_verb

if TYPE_CHECKING:
    from services.extractor.statements.article import Article


def gapped_clause(verb: Token) -> tuple[int, int] | None:
    """ "X, which officials allege is a front for Y": the claim is the clause after the relative
    verb, whose subject is the relativiser."""
    doc = verb.doc
    if verb.dep_ != "relcl" or verb.i + 1 >= len(doc):
        return None
    clause = doc[verb.i + 1]
    if clause.tag_ not in FINITE | {"MD"} or clause.left_edge.i != clause.i:
        return None
    if any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    return clause.i, clause.right_edge.i + 1


def misparsed_clause(article: Article, verb: Token) -> tuple[int, int] | None:
    """ "X said the operation could last weeks", parsed as "said ... weeks" with a clause inside.

    A dependent after the verb that holds a subject and a finite verb or modal is a clause
    the parser took apart.
    """
    if not any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ in {"punct", "dative", "prep", "advcl", "conj", "cc"}:
            continue
        tokens = list(child.subtree)
        opening = [t for t in tokens if t.dep_ in SUBJECTS and t.left_edge.i == child.left_edge.i]
        if opening and any(t.tag_ in FINITE | {"MD"} for t in tokens):
            return child.left_edge.i, child.right_edge.i + 1  # the clause opens with its subject
    return None


def torn_that_clause(article: Article, verb: Token) -> tuple[int, int] | None:
    """ "X wrote on Telegram that debris had fallen ...", with "that" parsed as a determiner and
    the clause torn apart: a "that" right after the verb (and its "on Telegram") opens the
    claim, which runs to the end of the sentence."""
    doc = verb.doc
    if not any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return None
    i = verb.i + 1
    while (
        i < len(doc) and doc[i].dep_ in {"prep", "npadvmod", "advmod", "dative"} and doc[i].head.i == verb.i
    ):
        i = doc[i].right_edge.i + 1
    if i + 1 >= len(doc) or doc[i].lower_ != "that" or article.quote_of[i] is not None:
        return None
    if doc[i + 1].pos_ not in NOMINAL | {"PRON"}:
        return None
    end = verb.sent.end
    return (i + 1, end) if end > i + 2 else None


def stranded_clause(verb: Token) -> tuple[int, int] | None:
    """ "said in a statement that ...": the parser hung the that-clause on the statement."""
    nouns = [c for c in verb.rights if c.dep_ == "dobj"]
    nouns += [o for c in verb.rights if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.rights:
            if clause.dep_ in {"acl", "relcl", "ccomp"} and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                return clause.left_edge.i, clause.right_edge.i + 1
    return None


def according_content(verb: Token) -> tuple[int, int] | None:
    """The clause "according to X" hangs on, without the phrase itself."""
    doc = verb.doc
    head = verb.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    left, right = head.left_edge.i, head.right_edge.i + 1
    phrase_start, phrase_end = verb.left_edge.i, verb.right_edge.i + 1
    closing = all(t.is_punct or t.is_space for t in doc[phrase_end:right])
    if closing and head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.i < head.i:
        # "X carried out 2,300 strikes, killing 1,800, according to Y": Y tells the whole sentence
        main = head.head
        while main.dep_ == "advcl" and main.head.i < main.i:  # "..., since the truce collapsed, killing ..."
            main = main.head
        if main.pos_ in {"VERB", "AUX"} and main.right_edge.i + 1 >= right:
            left, right = main.left_edge.i, main.right_edge.i + 1
    if all(t.is_punct or t.is_space for t in doc[phrase_end:right]):
        return left, phrase_start
    if all(t.is_punct or t.lower_ in CLAUSE_OPENERS for t in doc[left:phrase_start]):
        return phrase_end, right  # "According to X, ...", "which, according to X, killed 93"
    return left, right


def object_content(verb: Token) -> tuple[int, int] | None:
    """Content that is not a clause: "called on residents to ...", "accusing them of housing ...",
    "admitted carrying out the strike"."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in APPEAL_CONTENT:
            xcomps = [c for c in verb.children if _is_infinitive(c) and c.i > child.i]
            if xcomps:
                return child.i + 1, xcomps[-1].right_edge.i + 1
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "dobj":  # "accused the rebels of looting", with "of" hung on the object
            preps = [c for c in child.rights if c.dep_ == "prep"]
        for prep in preps:
            if (lemma, prep.lower_) in OBJECT_CONTENT:
                if prep.i + 1 < len(verb.doc) and verb.doc[prep.i + 1].lower_.endswith("ing"):
                    return prep.i + 1, prep.right_edge.i + 1  # a gerund, even when tagged as a noun
        counted = any(c.dep_ == "nummod" for c in child.children)
        if lemma in COUNT_CONTENT and child.dep_ == "dobj" and counted:
            return child.left_edge.i, verb.right_edge.i + 1  # "reporting 27 assaults there on Sunday"
        if lemma in GERUND_CONTENT and child.dep_ in {"xcomp", "dobj", "ccomp"} and child.tag_ == "VBG":
            return child.left_edge.i, child.right_edge.i + 1
        if lemma in APPEAL_VERBS and _is_infinitive(child) and child.i > verb.i:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < child.i]
            start = objects[0].left_edge.i if objects else child.left_edge.i
            return start, child.right_edge.i + 1
    return None


def _is_infinitive(token: Token) -> bool:
    """The "to" clause of an appeal, which the parser may hang on the verb as a purpose clause."""
    if token.dep_ == "xcomp":
        return True
    return token.dep_ == "advcl" and token.tag_ == "VB" and any(c.tag_ == "TO" for c in token.children)


def preceding_clause(article: Article, verb: Token) -> tuple[int, int] | None:
    """ "The road is closed, officials said", parsed with the reported clause as the head."""
    head = verb.head
    if verb.dep_ == "relcl" and head.i < verb.i:
        reduced = _clause_of_reduced_relative(verb)
        if reduced is None:
            return None
        head = reduced
    elif verb.dep_ not in {"parataxis", "ccomp", "conj"} or head.i >= verb.i or is_reporting_verb(head):
        return None
    elif verb.dep_ == "conj" and _has_own_object(verb):
        return None  # "said X were killed, and vowed retaliation": the vow has its own object
    if any(c.dep_ in SUBJECTS for c in verb.children):
        first = verb.left_edge
        while first.is_punct and first.i < verb.i:
            first = article.doc[first.i + 1]
    else:
        group = bare_group_start(article, verb)
        if group is None:
            return None
        first = article.doc[group]
    if first.i == 0 or article.doc[first.i - 1].text != ",":
        return None
    return head.left_edge.i, first.i - 1


def _has_own_object(verb: Token) -> bool:
    """A verb with its own subjectless object: "vowed retaliation", "denied the charges"."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)


def _clause_of_reduced_relative(verb: Token) -> Token | None:
    """ "... killed one person, the agency reported.", parsed as "person [the agency reported]":
    a relative clause with no relativiser, set off by a comma and ending the sentence, is the
    reporting phrase of the clause it hangs in."""
    if any(c.lower_ in CLAUSE_OPENERS or c.tag_ in {"WDT", "WP", "WRB"} for c in verb.children):
        return None
    if any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in verb.children):
        return None  # "the man the agency reported missing": the verb has its own object
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == verb.left_edge.i]
    if not subjects or subjects[0].left_edge.i == 0 or doc[subjects[0].left_edge.i - 1].text != ",":
        return None  # "..., a charge the rebels deny": the relative clause of a noun, not a report
    after = verb.right_edge.i + 1
    if after < len(doc) and not (doc[after].is_sent_start or doc[after].is_punct and doc[after].text != ","):
        return None
    clause = verb.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in {"VERB", "AUX"} or is_reporting_verb(clause):
        return None
    return clause


def without_outer_time(clause: Token, end: int) -> int:
    """ "struck what X said were depots on Monday": the date is the striking's, not the claim's."""
    for child in reversed(list(clause.rights)):
        if child.right_edge.i + 1 != end or not is_time_phrase(child):
            break
        end = child.left_edge.i
    return end
