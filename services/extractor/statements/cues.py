"""Reporting verbs in a parsed article: who is their subject, and what clause they report.

A cue is a reporting verb ("said", "told", "pointed out") or "according to", outside
any quote. Its content is the reported clause as a token range: the complement clause
("X said that ..."), the clause before it ("..., X said"), or for "according to X" the
clause the phrase hangs on, less a reporting phrase set off by commas inside it ("X, he
added, Y"). The parser often errs on news sentences, so subjects it lost are looked for
just before the verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from services.extractor.lexicon.speech import (
    APPEAL_CONTENT,
    APPEAL_VERBS,
    CLAUSE_OPENERS,
    CONNECTIVES,
    COUNT_CONTENT,
    GERUND_CONTENT,
    GLOSS_NOUNS,
    OBJECT_CONTENT,
    PHRASAL_REPORTING_VERBS,
    QUOTE_ONLY_VERBS,
    SPEAKING_NOUNS,
    TITLE_WORDS,
    WITHHOLDING_VERBS,
)
from services.extractor.statements.speakers import Speaker
from services.extractor.statements.verbs import is_reporting_verb

if TYPE_CHECKING:
    from services.extractor.statements.article import Article

SUBJECTS = {"nsubj", "nsubjpass"}
_FINITE = {"VBD", "VBZ", "VBP"}
_NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "PART", "NUM"}
_MODIFIERS = {"npadvmod", "prep", "advmod", "acl", "relcl"}
_QUESTION_WORDS = {"whether", "what", "how", "why", "where", "when", "who"}
_NOT_SOURCES = {"", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_REASON_MARKS = {"because", "since", "although", "though", "unless", "while", "as"}


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
            cues.append(Cue(token, _speaker_token(article, token), None))
    reporting = [c for c in cues if c.verb.lemma_.lower() not in QUOTE_ONLY_VERBS]
    verbs = {c.verb.i for c in reporting}
    for cue in reporting:
        cue.content = _content(article, cue.verb, verbs)
    for cue in reporting:
        # One clause for two verbs is the nearer verb's claim: "claimed by X, which Y allege is ..."
        if cue.content is not None and any(
            other.content == cue.content and cue.verb.i < other.verb.i < cue.content[0] for other in reporting
        ):
            cue.content = None
    for cue in reporting:
        _go_on_after(article, cue)
        cut = _parenthesis(article, cue.verb)
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


def _speaker_token(article: Article, verb: Token) -> Token | None:
    """The head of the phrase naming who speaks, or None when nobody is named."""
    if verb.lower_ == "according":
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    cut = _parenthesis(article, verb)
    if (doubled := _doubled_subject(article, verb)) is not None:
        return doubled[1]
    for child in verb.children:
        if child.dep_ == "nsubj" and article.quote_of[child.i] is not None:
            continue  # the parser took a word of the quote for the subject
        if child.dep_ == "nsubj" and cut is not None and not cut[0] < child.i < cut[1]:
            continue  # "Most of the victims, the director said, were ...": the subject of the claim
        if child.dep_ == "nsubj" and child.idx < article.body_start[article.para_of[child.i]]:
            return _left_subject(article, verb)  # "ISLAMABAD — Pakistan's military said": not the city
        if child.dep_ == "nsubj" and _partitive(child) and (earlier := _reporting_before(article, child)):
            # "said 38 were wounded, some of them critically, and warned ...": the aside is no subject
            return _speaker_token(article, earlier)
        if child.dep_ == "nsubj":
            if child.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                # "X, which officials allege is Y": the relativiser belongs to the claim
                between = [
                    t for t in article.doc[child.i + 1 : verb.i] if t.pos_ in {"NOUN", "PROPN", "PRON"}
                ]
                return between[-1] if between else verb.head
            return _named_after(verb, _past_title(verb, child))
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "what was called a ...": nobody is named
    head = verb.head
    if _chained_report(verb):
        return _speaker_token(article, head)
    if verb.dep_ == "pcomp" and head.head.lemma_.lower() == "quote":  # "X was quoted as saying"
        return next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "conj" and (nominal := _nominal_before(article, verb)) is not None:
        return nominal  # "Gunmen killed twelve, activists said", parsed as one subject for both verbs
    shares_subject = verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG")
    if shares_subject and head.pos_ in {"VERB", "AUX"} and article.same_sentence(head, verb):
        reporting = _reporting_ancestor(head)
        if verb.dep_ == "conj" and reporting is not None and article.same_sentence(reporting, verb):
            # "said that the strikes killed three and warned that ...": the parser chained
            # "warned" to the reported verb; the warning is the reporter's.
            return _speaker_token(article, reporting)
        return _speaker_token(article, head)
    if verb.tag_ in _FINITE:
        return _left_subject(article, verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _participle_subject(verb)
    return None


def _chained_report(verb: Token) -> bool:
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
    if root.tag_ in _FINITE or root.tag_ == "MD":
        return None  # a real main verb exists: "a group called ..." names, it does not report
    if root.pos_ in {"NOUN", "PROPN"}:
        return root
    return verb.head if verb.head.pos_ == "PROPN" else None


def _extends_to(article: Article, head: Token, verb: Token) -> bool:
    """Whether `head` heads a constituent of `verb`'s sentence that ends before the verb."""
    return (
        head.right_edge.i < verb.i and article.quote_of[head.i] is None and article.same_sentence(head, verb)
    )


def _left_subject(article: Article, verb: Token) -> Token | None:
    """The noun phrase just before a verb the parser left without a subject.

    Long pre-verbal material ("X, asked by a reporter whether ..., replied") often makes
    the parser attach the verb elsewhere; the phrase ending right before it is the subject.
    """
    doc = article.doc
    body = article.body_start[article.para_of[verb.i]]
    nominal = _nominal_before(article, verb)
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
        while token.head.i != token.i and _extends_to(article, token.head, verb):
            token = token.head
        if token.dep_ == "appos":
            return token.head
        if token.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token
        if token.pos_ in {"VERB", "AUX"} and token.dep_ == "ccomp" and token.head.i == verb.i:
            # "The X Committee, one of the groups that ... since the war erupted, said": the
            # parser made the described body a second subject of the aside's verb
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if len(subjects) > 1 and any(c.dep_ == "appos" for c in subjects[0].children):
                return subjects[0]
        if token.pos_ in {"VERB", "AUX"} and token.dep_ in {"parataxis", "advcl", "acl"}:
            # "The general, asked whether ..., said": the parser gave "asked" the subject.
            subjects = [c for c in token.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
            if subjects and (token.tag_ == "VBN" or any(t.text == "," for t in doc[subjects[0].i : token.i])):
                return subjects[0]
        if token.pos_ in {"ADP", "NUM", "VERB"} or token.dep_ in _MODIFIERS:
            i = token.left_edge.i - 1  # step over "on Friday during a press conference"
            continue
        return None
    return None


def _bare_group_start(article: Article, verb: Token) -> int | None:
    """Where a bare noun group between a comma and the verb begins: "..., activists and a group said"."""
    doc = article.doc
    body = article.body_start[article.para_of[verb.i]]
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in _NOMINAL and doc[i].idx >= body and article.quote_of[i] is None:
        i -= 1
    if i + 1 == verb.i or (i >= 0 and doc[i].text != "," and doc[i].idx >= body):
        return None
    return i + 1


def _nominal_before(article: Article, verb: Token) -> Token | None:
    """The head of the first conjunct of a bare noun group just before the verb, if there is one."""
    start = _bare_group_start(article, verb)
    head = None
    for token in article.doc[start : verb.i] if start is not None else ():
        if token.pos_ == "CCONJ":
            break
        if token.pos_ in {"NOUN", "PROPN"}:
            head = token
    return head


def _content(article: Article, verb: Token, cue_verbs: set[int]) -> tuple[int, int] | None:
    """The reported clause as a token range, or None when the verb reports no clause."""
    span = _raw_content(article, verb)
    if span is None:
        return None
    start, end = span
    doc = article.doc
    para = article.para_of[verb.i]
    while start < end and (article.para_of[start] != para or doc[start].is_space):
        start += 1
    while end > start and (article.para_of[end - 1] != para or doc[end - 1].is_space):
        end -= 1
    if start <= verb.i < end and verb.lower_ != "according" and _parenthesis(article, verb) is None:
        start = verb.i + 1  # "which it said was aimed at ...": the clause is what follows the verb
    if start < end and start > verb.i and doc[start].lower_ in _QUESTION_WORDS:
        return None  # "declined to say whether ...", "described what he saw": a question, not a claim
    # A nested reporting verb ends this clause: "he suspected ..., saying ...", "..., which the
    # group denies"; not one that describes ("the leader, who promised more aid").
    for i in range(start + 1, end):
        if i != verb.i and i in cue_verbs and doc[i].dep_ in {"advcl", "conj", "relcl"}:
            if doc[i].dep_ == "relcl" and (_describes(doc[i]) or _names_as(doc[i])):
                continue
            end = doc[i].left_edge.i
            break
        if i != verb.i and i in cue_verbs and _absolute(doc[i]) and doc[i].head.i > start:
            end = doc[i].head.i  # "..., with the General Staff reporting 27 assaults": its own report
            break
    start = _skip_dateline(article, start, end)
    while start < end and (
        doc[start].is_punct or (start > verb.i and (_opens_clause(doc[start]) or _is_time_phrase(doc[start])))
    ):
        start = doc[start].right_edge.i + 1 if _is_time_phrase(doc[start]) else start + 1
    if start + 1 < end and doc[start].lower_ in CONNECTIVES and doc[start + 1].text == ",":
        start += 2  # "Meanwhile, ...": the writer's link between sentences
    end = _before_gloss(article, start, end)
    while end > start and (_is_trailing_punct(article, doc[end - 1]) or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    words = sum(1 for t in doc[start:end] if not t.is_punct)
    return (start, end) if words >= 2 else None


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


def _is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"}


def _is_time_phrase(token: Token) -> bool:
    """ "said on Monday it had ...": when it was said, which the parser put in the clause."""
    rest = [t for t in token.subtree if t.i != token.i]
    return token.dep_ == "prep" and bool(rest) and all(t.ent_type_ in {"DATE", "TIME"} for t in rest)


def _opens_clause(token: Token) -> bool:
    """ "that" as a complementiser, "which"/"what" as the relativiser of "which X said was ..."."""
    return token.lower_ in CLAUSE_OPENERS and token.dep_ in {"mark", "nsubj", "nsubjpass", "dobj"}


def _is_trailing_punct(article: Article, token: Token) -> bool:
    return token.is_space or (token.is_punct and article.quote_of[token.i] is None)


def _skip_dateline(article: Article, start: int, end: int) -> int:
    """Past a dateline ("KHARTOUM (Reuters) -", "SANA, Yemen —") that opens a paragraph."""
    body = article.body_start[article.para_of[start]]
    while start < end and article.doc[start].idx < body:
        start += 1
    return start


def _raw_content(article: Article, verb: Token) -> tuple[int, int] | None:
    """The reported material as the parse gives it, before trimming."""
    if verb.lower_ == "according":
        return _according_content(verb)
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" and not _chained_report(c)]
    after = [c for c in ccomps if c.i > verb.i]
    before = [c for c in ccomps if c.i < verb.i]
    if after and before and _is_time(verb.doc[verb.i + 1]):
        after = []  # "Jets hit the port, the ministry said Wednesday, a day after ...": a time, no claim
    if after:
        start = min(c.left_edge.i for c in after)
        end = max(c.right_edge.i for c in after) + 1
        for child in verb.rights:  # "which X said was targeted because it housed ...": part of the claim
            if child.dep_ == "advcl" and child.i > end and child.left_edge.lower_ in _REASON_MARKS:
                end = child.right_edge.i + 1
        if any(c.lower_ in CLAUSE_OPENERS and c.i < verb.i for clause in after for c in clause.children):
            end = _without_outer_time(after[-1], end)
        return start, end
    if before:
        return min(c.left_edge.i for c in before), max(c.right_edge.i for c in before) + 1
    if _parenthesis(article, verb) is not None:
        return verb.head.left_edge.i, verb.head.right_edge.i + 1
    if (doubled := _doubled_subject(article, verb)) is not None:
        return doubled[0].left_edge.i, doubled[1].left_edge.i - 1
    return (
        _object_content(verb)
        or _gapped_clause(verb)
        or _stranded_clause(verb)
        or _preceding_clause(article, verb)
        or _misparsed_clause(article, verb)
        or _torn_that_clause(article, verb)
    )


def _gapped_clause(verb: Token) -> tuple[int, int] | None:
    """ "X, which officials allege is a front for Y": the claim is the clause after the relative
    verb, whose subject is the relativiser."""
    doc = verb.doc
    if verb.dep_ != "relcl" or verb.i + 1 >= len(doc):
        return None
    clause = doc[verb.i + 1]
    if clause.tag_ not in _FINITE | {"MD"} or clause.left_edge.i != clause.i:
        return None
    if any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    return clause.i, clause.right_edge.i + 1


def _doubled_subject(article: Article, verb: Token) -> tuple[Token, Token] | None:
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


def _misparsed_clause(article: Article, verb: Token) -> tuple[int, int] | None:
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
        if opening and any(t.tag_ in _FINITE | {"MD"} for t in tokens):
            return child.left_edge.i, child.right_edge.i + 1  # the clause opens with its subject
    return None


def _torn_that_clause(article: Article, verb: Token) -> tuple[int, int] | None:
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
    if doc[i + 1].pos_ not in _NOMINAL | {"PRON"}:
        return None
    end = verb.sent.end
    return (i + 1, end) if end > i + 2 else None


def _stranded_clause(verb: Token) -> tuple[int, int] | None:
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


def _parenthesis(article: Article, verb: Token) -> tuple[int, int] | None:
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
    elif verb.dep_ == "ROOT" and (rest := _subjectless_conjunct(verb)) is not None:
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


def _subjectless_conjunct(verb: Token) -> Token | None:
    """The verb after the reporting one that goes on its clause: "X, he told reporters, were Y"."""
    for child in verb.rights:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            if not any(c.dep_ in SUBJECTS for c in child.children):
                return child
    return None


def _without_outer_time(clause: Token, end: int) -> int:
    """ "struck what X said were depots on Monday": the date is the striking's, not the claim's."""
    for child in reversed(list(clause.rights)):
        if child.right_edge.i + 1 != end or not _is_time_phrase(child):
            break
        end = child.left_edge.i
    return end


def _according_content(verb: Token) -> tuple[int, int] | None:
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


def _object_content(verb: Token) -> tuple[int, int] | None:
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


def _preceding_clause(article: Article, verb: Token) -> tuple[int, int] | None:
    """ "The road is closed, officials said", parsed with the reported clause as the head."""
    head = verb.head
    if verb.dep_ == "relcl" and head.i < verb.i:
        head = _clause_of_reduced_relative(verb)
        if head is None:
            return None
    elif verb.dep_ not in {"parataxis", "ccomp", "conj"} or head.i >= verb.i or is_reporting_verb(head):
        return None
    elif verb.dep_ == "conj" and _has_own_object(verb):
        return None  # "said X were killed, and vowed retaliation": the vow has its own object
    if any(c.dep_ in SUBJECTS for c in verb.children):
        first = verb.left_edge
        while first.is_punct and first.i < verb.i:
            first = article.doc[first.i + 1]
    else:
        group = _bare_group_start(article, verb)
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
