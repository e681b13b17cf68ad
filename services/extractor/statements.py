"""Statements: who said what, from one parsed article.

Direct quotes come from the quote marks in the text (`quotes.py`); indirect speech from
the parse: a reporting verb's complement clause ("X said that ..."), or the clause an
"according to X" hangs on. Each quote is attributed to the nearest reporting verb in its
sentence, or, when its sentence has none, continues the previous speaker's statement.
Speakers are resolved across the article by `speakers.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from schemas.records import Span, Statement
from services.extractor.lexicon import (
    ABBREVIATIONS,
    APPEAL_CONTENT,
    CLAUSE_OPENERS,
    GERUND_CONTENT,
    OBJECT_CONTENT,
    PHRASAL_REPORTING_VERBS,
    QUOTE_ONLY_VERBS,
    REPORTING_VERBS,
)
from services.extractor.quotes import Paragraph, Quote, find_quotes, split_paragraphs
from services.extractor.speakers import Speaker, SpeakerResolver

_SUBJECTS = {"nsubj", "nsubjpass"}
_FINITE = {"VBD", "VBZ", "VBP"}
# A dateline opening an article: "KHARTOUM (Reuters) -", "SANA, Yemen —", "SANAA–".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\u2019-]{2,}(?:,\s*[A-Z][\w .]+?)?(?:\s*\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s*"
)
_REASON_MARKS = {"because", "since", "although", "though", "unless", "while", "as"}
# A quote shorter than this, in a sentence without a reporting verb, is a scare quote or a name.
_MIN_UNATTRIBUTED_WORDS = 4


@dataclass
class _Cue:
    verb: Token
    speaker_token: Token | None
    content: tuple[int, int] | None  # token range, end exclusive
    speaker: Speaker | None = None


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    cue: _Cue | None
    continued: bool = False  # a quote with no cue of its own that goes on from the previous one


class _Article:
    """Per-document indexes, built once: paragraphs, quotes, and which token lies in which."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.paragraphs: list[Paragraph] = split_paragraphs(self.text)
        self.quotes: list[Quote] = _repair_dangling(
            doc, self.paragraphs, find_quotes(self.text, self.paragraphs)
        )
        self.para_starts = para_starts = [p.start for p in self.paragraphs]
        quote_starts = [q.outer_start for q in self.quotes]
        self.quote_of: list[int | None] = []
        self.para_of: list[int] = []
        for token in doc:
            p = bisect_right(para_starts, token.idx) - 1
            self.para_of.append(p)
            q = bisect_right(quote_starts, token.idx) - 1
            inside = q >= 0 and token.idx < self.quotes[q].outer_end
            self.quote_of.append(q if inside else None)
        self.boundaries = self._sentence_boundaries()
        self.mentions: list[tuple[int, Speaker]] = []  # (token, referent) in reading order
        self.quote_tokens: dict[int, int] = {}  # quote -> its first token
        for i in range(len(doc) - 1, -1, -1):
            if self.quote_of[i] is not None:
                self.quote_tokens[self.quote_of[i]] = i

    def in_body(self, token: Token) -> bool:
        p = self.para_of[token.i]
        return p >= 0 and self.paragraphs[p].body

    def _sentence_boundaries(self) -> list[int]:
        """Sentence starts outside quotes, where the text before really ends a sentence."""
        bounds = {p.start for p in self.paragraphs}
        quote_starts = [q.outer_start for q in self.quotes]
        for sent in self.doc.sents:
            b = sent.start_char
            q = bisect_right(quote_starts, b - 1) - 1
            if q >= 0 and self.quotes[q].outer_start < b < self.quotes[q].outer_end:
                continue
            before = self.text[max(b - 40, 0) : b].rstrip().rstrip("\"'\u201d\u2019\u00bb")
            if before and before[-1] in ".!?\u2026" and not _ends_with_abbreviation(before):
                bounds.add(b)
        return sorted(bounds)

    def region(self, char: int) -> int:
        """Which sentence (counted outside quotes) a character offset falls in."""
        return bisect_right(self.boundaries, char)


def _ends_with_abbreviation(text: str) -> bool:
    """ "... army spokesman Brig." does not end a sentence; nor does an initial ("J.")."""
    if not text.endswith("."):
        return False
    word = text[:-1].rsplit(None, 1)[-1] if text[:-1].split() else ""
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _repair_dangling(doc: Doc, paragraphs: list[Paragraph], quotes: list[Quote]) -> list[Quote]:
    """Close a quote left open by a typo where its attribution begins: ``“The siege is over, Berg said.``

    An open quote is legitimate only when the next paragraph continues it; otherwise the
    first ", <subject> said" inside it is where the closing mark was forgotten.
    """
    repaired = []
    text = doc.text  # built afresh on every access
    for quote in quotes:
        following = paragraphs[quote.paragraph + 1] if quote.paragraph + 1 < len(paragraphs) else None
        continued = following is not None and text[following.start] in "\"\u201c\u2018\u00ab'"
        if not quote.closed and not continued:
            quote = _close_at_attribution(doc, quote)
        repaired.append(quote)
    return repaired


def _close_at_attribution(doc: Doc, quote: Quote) -> Quote:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return quote
    for token in span:
        if not (_is_reporting_verb(token) and token.i - 4 >= span.start):
            continue
        commas = [t for t in doc[token.i - 4 : token.i] if t.text == ","]
        if commas:
            comma = commas[-1]
            return replace(quote, end=comma.idx, outer_end=comma.idx + 1, closed=True)
    return quote


def extract_statements(doc: Doc) -> list[Statement]:
    article = _Article(doc)
    cues = _find_cues(article)
    resolver = SpeakerResolver(doc, [q is not None for q in article.quote_of])
    _resolve_speakers(article, cues, resolver)
    drafts = _drafts(article, cues)
    return _finish(article, drafts)


# -- reporting verbs -------------------------------------------------------------------


def _find_cues(article: _Article) -> list[_Cue]:
    cues = []
    for token in article.doc:
        if article.quote_of[token.i] is not None or not article.in_body(token):
            continue
        if _is_reporting_verb(token, quoting=True) or _is_according_to(token):
            cues.append(_Cue(token, _speaker_token(article, token), None))
    reporting = [c for c in cues if c.verb.lemma_.lower() not in QUOTE_ONLY_VERBS]
    verbs = {c.verb.i for c in reporting}
    for cue in reporting:
        cue.content = _content(article, cue.verb, verbs)
    return cues


def _is_reporting_verb(token: Token, quoting: bool = False) -> bool:
    """A verb that reports speech; with `quoting`, also one that only ever introduces a quote ("asked")."""
    if token.pos_ != "VERB" or token.dep_ == "amod":
        return False
    lemma = token.lemma_.lower()
    if quoting and lemma in QUOTE_ONLY_VERBS:
        return True
    return lemma in REPORTING_VERBS or any(
        (lemma, c.lower_) in PHRASAL_REPORTING_VERBS for c in token.children
    )


def _is_according_to(token: Token) -> bool:
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def _speaker_token(article: _Article, verb: Token) -> Token | None:
    if verb.lower_ == "according":
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "what was called a ...": nobody is named
    head = verb.head
    shares_subject = verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG")
    if shares_subject and head.pos_ in {"VERB", "AUX"} and _same_sentence(article, head, verb):
        return _speaker_token(article, head)
    if verb.tag_ in _FINITE:
        return _left_subject(article, verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _participle_subject(verb)
    return None


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


def _same_sentence(article: _Article, a: Token, b: Token) -> bool:
    return article.region(a.idx) == article.region(b.idx) and article.para_of[a.i] == article.para_of[b.i]


def _extends_to(article: _Article, head: Token, verb: Token) -> bool:
    """Whether `head` heads a constituent of `verb`'s sentence that ends before the verb."""
    return (
        head.right_edge.i < verb.i
        and article.quote_of[head.i] is None
        and _same_sentence(article, head, verb)
    )


def _left_subject(article: _Article, verb: Token) -> Token | None:
    """The noun phrase just before a verb the parser left without a subject.

    Long pre-verbal material ("X, asked by a reporter whether ..., replied") often makes
    the parser attach the verb elsewhere; the phrase ending right before it is the subject.
    """
    doc = article.doc
    i = verb.i - 1
    while i >= 0 and _same_sentence(article, doc[i], verb) and article.quote_of[i] is None:
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
        if token.pos_ in {"VERB", "AUX"} and token.dep_ in {"parataxis", "advcl", "acl"}:
            # "The general, asked whether ..., said": the parser gave "asked" the subject.
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS and c.pos_ != "PRON"]
            if subjects and (token.tag_ == "VBN" or any(t.text == "," for t in doc[subjects[0].i : token.i])):
                return subjects[0]
        if token.pos_ in {"ADP", "NUM", "VERB"} or token.dep_ in {
            "npadvmod",
            "prep",
            "advmod",
            "acl",
            "relcl",
        }:
            i = token.left_edge.i - 1
            continue
        return None
    return None


def _content(article: _Article, verb: Token, cue_verbs: set[int]) -> tuple[int, int] | None:
    """The reported clause as a token range, or None when the verb reports no clause."""
    span = _raw_content(verb)
    if span is None:
        return None
    start, end = span
    doc = article.doc
    para = article.para_of[verb.i]
    while start < end and (article.para_of[start] != para or doc[start].is_space):
        start += 1
    while end > start and (article.para_of[end - 1] != para or doc[end - 1].is_space):
        end -= 1
    if start <= verb.i < end and verb.lower_ != "according":
        start = verb.i + 1  # "which it said was aimed at ...": the clause is what follows the verb
    # A nested reporting verb ends this clause: "he suspected ..., saying ...".
    for i in range(start + 1, end):
        if i != verb.i and i in cue_verbs and doc[i].dep_ in {"advcl", "conj", "relcl"}:
            end = doc[i].left_edge.i
            break
    start = _skip_dateline(article, start, end)
    while start < end and (doc[start].is_punct or _opens_clause(doc[start])):
        start += 1
    while end > start and (_is_trailing_punct(article, doc[end - 1]) or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    words = sum(1 for t in doc[start:end] if not t.is_punct)
    return (start, end) if words >= 2 else None


def _opens_clause(token: Token) -> bool:
    """ "that" as a complementiser, "which"/"what" as the relativiser of "which X said was ..."."""
    return token.lower_ in CLAUSE_OPENERS and token.dep_ in {"mark", "nsubj", "nsubjpass", "dobj"}


def _is_trailing_punct(article: _Article, token: Token) -> bool:
    return token.is_space or (token.is_punct and article.quote_of[token.i] is None)


def _skip_dateline(article: _Article, start: int, end: int) -> int:
    """Past a dateline ("KHARTOUM (Reuters) -", "SANA, Yemen —") that opens a paragraph."""
    para = article.paragraphs[article.para_of[start]]
    if article.doc[start].idx != para.start:
        return start
    match = _DATELINE.match(article.text, para.start, para.end)
    if match is None:
        return start
    i = start
    while i < end and article.doc[i].idx < match.end():
        i += 1
    return i


def _raw_content(verb: Token) -> tuple[int, int] | None:
    if verb.lower_ == "according":
        return _according_content(verb)
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in ccomps if c.i > verb.i]
    before = [c for c in ccomps if c.i < verb.i]
    if after:
        start = min(c.left_edge.i for c in after)
        end = max(c.right_edge.i for c in after) + 1
        for child in verb.rights:  # "which X said was targeted because it housed ...": part of the claim
            if child.dep_ == "advcl" and child.i > end and child.left_edge.lower_ in _REASON_MARKS:
                end = child.right_edge.i + 1
        return start, end
    if before:
        return min(c.left_edge.i for c in before), max(c.right_edge.i for c in before) + 1
    return _object_content(verb) or _preceding_clause(verb)


def _according_content(verb: Token) -> tuple[int, int] | None:
    """The clause "according to X" hangs on, without the phrase itself."""
    doc = verb.doc
    head = verb.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    left, right = head.left_edge.i, head.right_edge.i + 1
    phrase_start, phrase_end = verb.left_edge.i, verb.right_edge.i + 1
    if all(t.is_punct or t.is_space for t in doc[phrase_end:right]):
        return left, phrase_start
    if all(t.is_punct or t.lower_ in CLAUSE_OPENERS for t in doc[left:phrase_start]):
        return phrase_end, right  # "According to X, ...", "which, according to X, killed 93"
    return left, right


def _object_content(verb: Token) -> tuple[int, int] | None:
    """Content that is not a clause: "called on residents to ...", "accusing them of housing ...",
    "denied carrying out the strike"."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in APPEAL_CONTENT:
            xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > child.i]
            if xcomps:
                return child.i + 1, xcomps[-1].right_edge.i + 1
        if child.dep_ == "prep" and (lemma, child.lower_) in OBJECT_CONTENT:
            if child.i + 1 < len(verb.doc) and verb.doc[child.i + 1].lower_.endswith("ing"):
                return child.i + 1, child.right_edge.i + 1  # a gerund, even when tagged as a noun
        if lemma in GERUND_CONTENT and child.dep_ in {"xcomp", "dobj", "ccomp"} and child.tag_ == "VBG":
            return child.left_edge.i, child.right_edge.i + 1
    return None


def _preceding_clause(verb: Token) -> tuple[int, int] | None:
    """ "The road is closed, officials said", parsed with the reported clause as the head."""
    head = verb.head
    first = verb.left_edge
    while first.is_punct and first.i < verb.i:
        first = verb.doc[first.i + 1]
    after_comma = first.i > 0 and verb.doc[first.i - 1].text == ","
    if (
        verb.dep_ in {"parataxis", "ccomp"}
        and head.i < verb.i
        and after_comma
        and not _is_reporting_verb(head)
        and any(c.dep_ in _SUBJECTS for c in verb.children)
    ):
        return head.left_edge.i, first.i - 1
    return None


# -- speakers --------------------------------------------------------------------------


def _resolve_speakers(article: _Article, cues: list[_Cue], resolver: SpeakerResolver) -> None:
    """Resolve cue speakers and main-clause subjects in reading order, so pronouns see the past."""
    cue_at = {}
    for cue in cues:
        if cue.speaker_token is not None:
            cue_at.setdefault(cue.speaker_token.i, []).append(cue)
    mentions = set(cue_at)
    for token in article.doc:
        if token.dep_ in _SUBJECTS and article.quote_of[token.i] is None and _is_main_clause(token.head):
            mentions.add(token.i)
    for i in sorted(mentions):
        speaker = resolver.resolve(article.doc[i], speaking=i in cue_at)
        if speaker is not None:
            article.mentions.append((i, speaker))
        for cue in cue_at.get(i, []):
            cue.speaker = speaker


def _is_main_clause(verb: Token) -> bool:
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


# -- statements ------------------------------------------------------------------------


def _drafts(article: _Article, cues: list[_Cue]) -> list[_Draft]:
    quote_cue = _attribute_quotes(article, cues)
    drafts: list[_Draft] = []
    absorbed: set[int] = set()
    doc = article.doc
    for cue in cues:
        if cue.content is None:
            continue
        start, end = cue.content
        own = {q for q, c in quote_cue.items() if c is cue}
        if own - {article.quote_of[i] for i in range(start, end)}:
            continue  # "That team has three goals, Carter said: “...”": the quote is what was said
        inside = {article.quote_of[i] for i in range(start, end)} - {None}
        foreign = sorted(q for q in inside if quote_cue.get(q) not in (None, cue))
        if foreign:
            end = min(end, article.quote_tokens[foreign[0]])
            while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"):
                end -= 1
            inside = {article.quote_of[i] for i in range(start, end)} - {None}
        if sum(1 for t in doc[start:end] if not t.is_punct) < 2:
            continue
        if cue.verb.lower_ == "according" and _reports_elsewhere(cues, cue, start, end):
            continue
        if inside and _mostly_quoted(article, sorted(inside), start, end, cue):
            for q in inside:
                quote_cue[q] = cue
            continue
        absorbed |= inside
        drafts.append(_Draft(doc[start].idx, _end_char(doc, end), "indirect", cue))
    for q, quote in enumerate(article.quotes):
        if q in absorbed:
            continue
        cue = quote_cue.get(q)
        continued = cue is None and _continues(article, q, drafts)
        if cue is None and not continued and _words(article, quote) < _MIN_UNATTRIBUTED_WORDS:
            continue
        drafts.append(_Draft(quote.start, quote.end, "direct", cue, continued))
    drafts.sort(key=lambda d: d.start)
    return drafts


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _words(article: _Article, quote: Quote) -> int:
    return len(article.text[quote.start : quote.end].split())


def _reports_elsewhere(cues: list[_Cue], cue: _Cue, start: int, end: int) -> bool:
    """In "the ministry said X, according to a news agency" the statement is the ministry's."""
    return any(other is not cue and other.content and start <= other.verb.i < end for other in cues)


def _mostly_quoted(article: _Article, inside: list[int], start: int, end: int, cue: _Cue) -> bool:
    """A clause that is mostly quotation is reported as its quotes: replied that it hit "depots and sites"."""
    tokens = [t for t in article.doc[start:end] if not t.is_punct]
    quoted = sum(1 for t in tokens if article.quote_of[t.i] is not None)
    if quoted * 2 > len(tokens):
        return True
    last = article.quotes[inside[-1]]
    return cue.verb.i >= end and last.end >= _end_char(article.doc, end) - 2


def _attribute_quotes(article: _Article, cues: list[_Cue]) -> dict[int, _Cue]:
    """Each quote's cue: the nearest reporting verb in the same sentence, outside any quote."""
    by_region: dict[int, list[_Cue]] = {}
    for cue in cues:
        by_region.setdefault(article.region(cue.verb.idx), []).append(cue)
    found = {}
    for q, quote in enumerate(article.quotes):
        candidates = [
            c
            for c in by_region.get(article.region(quote.outer_start), [])
            if article.para_of[c.verb.i] == quote.paragraph
        ]
        if candidates:
            found[q] = min(
                candidates, key=lambda c: (not _governs(article, c.verb, q), _distance(c.verb, quote))
            )
    return found


def _governs(article: _Article, verb: Token, q: int) -> bool:
    """Whether `verb` is the reporting verb the parse hangs the quote on ("called the attack “...”")."""
    token = article.doc[article.quote_tokens[q]]
    while token.head.i != token.i:
        token = token.head
        if token.i == verb.i:
            return True
        if article.quote_of[token.i] is None and (_is_reporting_verb(token) or _is_according_to(token)):
            return False
    return False


def _distance(verb: Token, quote: Quote) -> int:
    if verb.idx >= quote.outer_end:
        return verb.idx - quote.outer_end
    return quote.outer_start - verb.idx + 1  # ties go to the verb after the quote: "“...,” she said"


def _continues(article: _Article, q: int, drafts: list[_Draft]) -> bool:
    quote = article.quotes[q]
    para = article.paragraphs[quote.paragraph]
    return quote.outer_start == para.start or any(
        d.kind == "direct" and para.start <= d.start < quote.start for d in drafts
    )


def _finish(article: _Article, drafts: list[_Draft]) -> list[Statement]:
    statements: list[Statement] = []
    last: Speaker | None = None
    for draft in drafts:
        cue_text = _cue_text(draft.cue.verb) if draft.cue is not None else None
        if draft.cue is not None:
            speaker = draft.cue.speaker
        elif draft.continued:
            speaker = last
        else:
            speaker = _introduced_by(article, draft.start)
        last = speaker
        statements.append(_statement(article.text, draft, speaker, cue_text))
    return statements


def _introduced_by(article: _Article, char: int) -> Speaker | None:
    """The person a paragraph was about before an unattributed quote: "Berg was blunt. “...”"."""
    para = article.paragraphs[bisect_right(article.para_starts, char) - 1]
    for i, speaker in reversed(article.mentions):
        token = article.doc[i]
        if token.idx >= char:
            continue
        if token.idx < para.start:
            break
        if speaker.kind in {"person", "anonymous"}:
            return speaker
    return None


def _cue_text(verb: Token) -> str:
    if verb.lower_ == "according":
        return "according to"
    particles = [
        c.text
        for c in verb.children
        if c.dep_ == "prt" or (verb.lemma_.lower(), c.lower_) in PHRASAL_REPORTING_VERBS
    ]
    if verb.lemma_.lower() in {"call", "urge"} and any(
        c.dep_ == "prep" and c.lower_ == "on" for c in verb.children
    ):
        particles.append("on")
    return " ".join([verb.text, *particles])


def _statement(text: str, draft: _Draft, speaker: Speaker | None, cue: str | None) -> Statement:
    return Statement(
        speaker=speaker.name if speaker else None,
        speaker_aliases=list(speaker.aliases) if speaker else [],
        speaker_title=speaker.title if speaker else None,
        speaker_affiliation=speaker.affiliation if speaker else None,
        anonymous=speaker.anonymous if speaker else True,
        kind=draft.kind,
        quote=text[draft.start : draft.end],
        cue=cue,
        span=Span(start=draft.start, end=draft.end),
    )
