"""A cue's content: the reported clause as a token range, trimmed of what is not the claim
(the dateline, the complementiser, a time, the writer's gloss, a nested report)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from services.extractor.lexicon.function_words import (
    CLAUSE_OPENERS,
    CONNECTIVES,
    QUESTION_WORDS,
    REASON_MARKS,
)
from services.extractor.lexicon.speech import (
    GLOSS_NOUNS,
)
from services.extractor.statements.clauses import (
    SUBJECTS,
    chained_report,
    doubled_subject,
    is_time,
    is_time_phrase,
    opens_clause,
    parenthesis,
)
from services.extractor.statements.constructions import (
    according_content,
    gapped_clause,
    misparsed_clause,
    object_content,
    preceding_clause,
    stranded_clause,
    torn_that_clause,
    without_outer_time,
)

if TYPE_CHECKING:
    from services.extractor.statements.article import Article


def content(article: Article, verb: Token, cue_verbs: set[int]) -> tuple[int, int] | None:
    """The reported clause as a token range, or None when the verb reports no clause."""
    span = raw_content(article, verb)
    if span is None:
        return None
    start, end = span
    doc = article.doc
    para = article.para_of[verb.i]
    while start < end and (article.para_of[start] != para or doc[start].is_space):
        start += 1
    while end > start and (article.para_of[end - 1] != para or doc[end - 1].is_space):
        end -= 1
    if start <= verb.i < end and verb.lower_ != "according" and parenthesis(article, verb) is None:
        start = verb.i + 1  # "which it said was aimed at ...": the clause is what follows the verb
    if start < end and start > verb.i and doc[start].lower_ in QUESTION_WORDS:
        return None  # "declined to say whether ...", "described what he saw": a question, not a claim
    end = _before_nested_report(article, verb, start, end, cue_verbs)
    start = _skip_dateline(article, start, end)
    while start < end and (
        doc[start].is_punct or (start > verb.i and (opens_clause(doc[start]) or is_time_phrase(doc[start])))
    ):
        start = doc[start].right_edge.i + 1 if is_time_phrase(doc[start]) else start + 1
    if start + 1 < end and doc[start].lower_ in CONNECTIVES and doc[start + 1].text == ",":
        start += 2  # "Meanwhile, ...": the writer's link between sentences
    end = _before_gloss(article, start, end)
    while end > start and (_is_trailing_punct(article, doc[end - 1]) or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    words = sum(1 for t in doc[start:end] if not t.is_punct)
    return (start, end) if words >= 2 else None


def _before_nested_report(article: Article, verb: Token, start: int, end: int, cue_verbs: set[int]) -> int:
    """A nested reporting verb ends this clause: "he suspected ..., saying ...", "..., which the
    group denies"; not one that describes ("the leader, who promised more aid")."""
    doc = article.doc
    for i in range(start + 1, end):
        if i != verb.i and i in cue_verbs and doc[i].dep_ in {"advcl", "conj", "relcl"}:
            if doc[i].dep_ == "relcl" and (_describes(doc[i]) or _names_as(doc[i])):
                continue
            return doc[i].left_edge.i
        if i in cue_verbs and _reported_speaker(doc[i], verb):
            return doc[i].left_edge.i  # "State TV reported X saying, “...”": X's words, not the TV's
        if i != verb.i and i in cue_verbs and _absolute(doc[i]) and doc[i].head.i > start:
            return doc[i].head.i  # "..., with the General Staff reporting 27 assaults": its own report
    return end


def _reported_speaker(nested: Token, verb: Token) -> bool:
    """ "reported X saying ...", "quoted X as saying ...": a participle with its own subject that
    the reporting verb governs carries the speech; the outer verb only relays it."""
    return (
        nested.head.i == verb.i
        and nested.dep_ == "ccomp"
        and nested.tag_ == "VBG"
        and any(c.dep_ in SUBJECTS and c.i < nested.i for c in nested.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in nested.children)  # "said she had been writing"
    )


def _absolute(verb: Token) -> bool:
    """ "with the army reporting ...": a reporting participle with its own subject after "with"."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "with"
        and any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children)
    )


def _before_gloss(article: Article, start: int, end: int) -> int:
    """Where the writer's gloss on the claim begins: ", without giving evidence", ", a claim that ..."."""
    doc = article.doc
    for i in range(start + 1, end - 1):
        if doc[i].text != "," or article.quote_of[i] is not None:
            continue
        after = doc[i + 1]
        if after.lower_ == "without" and doc[i + 2].tag_ == "VBG":
            return i
        head = after if after.pos_ != "DET" or i + 2 >= end else doc[i + 2]
        if head.dep_ == "appos" and head.lemma_.lower() in GLOSS_NOUNS:
            return i
    return end


def _describes(relative: Token) -> bool:
    """A relative reporting verb whose subject is the relativiser and that reports no clause."""
    subjects = [c for c in relative.children if c.dep_ in SUBJECTS]
    own_clause = any(c.dep_ == "ccomp" for c in relative.children)
    return not own_clause and bool(subjects) and all(c.lower_ in CLAUSE_OPENERS for c in subjects)


def _names_as(relative: Token) -> bool:
    """ "a man it identified as X, whom it described as the group's “wali”": a relative verb that
    names what the claim is about, not a claim of its own."""
    own_clause = any(c.dep_ == "ccomp" for c in relative.children)
    return not own_clause and any(c.dep_ == "prep" and c.lower_ == "as" for c in relative.children)


def _is_trailing_punct(article: Article, token: Token) -> bool:
    return token.is_space or (token.is_punct and article.quote_of[token.i] is None)


def _skip_dateline(article: Article, start: int, end: int) -> int:
    """Past a dateline ("KHARTOUM (Reuters) -", "SANA, Yemen —") that opens a paragraph."""
    body = article.body_start[article.para_of[start]]
    while start < end and article.doc[start].idx < body:
        start += 1
    return start


def raw_content(article: Article, verb: Token) -> tuple[int, int] | None:
    """The reported material as the parse gives it, before trimming."""
    if verb.lower_ == "according":
        return according_content(verb)
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" and not chained_report(c)]
    after = [c for c in ccomps if c.i > verb.i]
    before = [c for c in ccomps if c.i < verb.i]
    if after and before and is_time(verb.doc[verb.i + 1]):
        after = []  # "Jets hit the port, the ministry said Wednesday, a day after ...": a time, no claim
    if after:
        start = min(c.left_edge.i for c in after)
        end = max(c.right_edge.i for c in after) + 1
        for child in verb.rights:  # "which X said was targeted because it housed ...": part of the claim
            if child.dep_ == "advcl" and child.i > end and child.left_edge.lower_ in REASON_MARKS:
                end = child.right_edge.i + 1
        if any(c.lower_ in CLAUSE_OPENERS and c.i < verb.i for clause in after for c in clause.children):
            end = without_outer_time(after[-1], end)
        return start, end
    if before:
        return min(c.left_edge.i for c in before), max(c.right_edge.i for c in before) + 1
    if parenthesis(article, verb) is not None:
        return verb.head.left_edge.i, verb.head.right_edge.i + 1
    if (doubled := doubled_subject(article, verb)) is not None:
        return doubled[0].left_edge.i, doubled[1].left_edge.i - 1
    return (
        object_content(verb)
        or gapped_clause(verb)
        or stranded_clause(verb)
        or preceding_clause(article, verb)
        or misparsed_clause(article, verb)
        or torn_that_clause(article, verb)
    )
