"""Statements: who said what, from one parsed article.

Direct quotes come from the quote marks in the text (`quotes.py`), indirect speech from
the reporting verbs found in the parse (`cues.py`). Each quote goes to the reporting verb
of its own sentence, preferring the one the parse hangs it on, then the nearest; a quote
whose sentence has none continues the previous statement when it follows one (the next
sentence, the next paragraph), else belongs to the person its paragraph introduced. A
reported clause that is mostly quotation is reported as its quotes; a short quote inside
a reported clause stays part of it. A reporting phrase inserted in the clause it reports
("The ceasefire, he added, must hold") is left out of the quote, while the span covers
it. Speakers are resolved across the article by `speakers.py`, in reading order.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from schemas.records import Span, Statement
from services.extractor.statements.article import Article
from services.extractor.statements.attribution import attribute_quotes
from services.extractor.statements.clauses import SUBJECTS
from services.extractor.statements.cues import Cue, cue_text, find_cues
from services.extractor.statements.quotes import Quote
from services.extractor.statements.speakers import Speaker, SpeakerResolver

# A quote shorter than this, in a sentence without a reporting verb, is a scare quote or a name.
_MIN_UNATTRIBUTED_WORDS = 4


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    cue: Cue | None
    continued: bool = False  # a quote with no cue of its own that goes on from the previous one
    cut: tuple[int, int] | None = None  # characters left out of the quote: ", he added,"


def extract_statements(doc: Doc) -> list[Statement]:
    article = Article(doc)
    cues = find_cues(article)
    resolver = SpeakerResolver(doc, [q is not None for q in article.quote_of], article.in_dateline())
    _resolve_speakers(article, cues, resolver)
    drafts = _drafts(article, cues)
    return _finish(article, drafts)


# -- speakers --------------------------------------------------------------------------


def _resolve_speakers(article: Article, cues: list[Cue], resolver: SpeakerResolver) -> None:
    """Resolve cue speakers and main-clause subjects in reading order, so pronouns see the past."""
    cue_at: dict[int, list[Cue]] = {}
    for cue in cues:
        if cue.speaker_token is not None:
            cue_at.setdefault(cue.speaker_token.i, []).append(cue)
    mentions = set(cue_at)
    for token in article.doc:
        if (
            token.dep_ in SUBJECTS
            and article.quote_of[token.i] is None
            and _is_main_clause(article, token.head)
        ):
            mentions.add(token.i)
            # "X, a spokesman, and Y, a councillor, visited the site. She said": Y is mentioned too
            for phrase in (token, *(c for c in token.children if c.dep_ == "appos")):
                mentions.update(c.i for c in phrase.conjuncts if c.pos_ in {"PROPN", "NOUN"})
    for i in sorted(mentions):
        speaker = resolver.resolve(article.doc[i], speaking=i in cue_at)
        if speaker is not None:
            article.mentions.append((i, speaker))
        for cue in cue_at.get(i, []):
            cue.speaker = speaker


def _is_main_clause(article: Article, verb: Token) -> bool:
    while verb.dep_ == "conj":
        verb = verb.head
    # "X was blunt: “...”", with the clause parsed as hanging on a word of the quote after it
    hung_on_quote = article.quote_of[verb.i] is None and article.quote_of[verb.head.i] is not None
    return verb.dep_ == "ROOT" or hung_on_quote and verb.head.i > verb.i


# -- statements ------------------------------------------------------------------------


def _drafts(article: Article, cues: list[Cue]) -> list[_Draft]:
    quote_cue = attribute_quotes(article, cues)
    drafts: list[_Draft] = []
    absorbed: set[int] = set()
    for cue in cues:
        absorbed |= _add_indirect(article, cues, cue, quote_cue, drafts)
    _add_direct(article, quote_cue, absorbed, drafts)
    drafts.sort(key=lambda d: d.start)
    return drafts


def _add_indirect(
    article: Article, cues: list[Cue], cue: Cue, quote_cue: dict[int, Cue], drafts: list[_Draft]
) -> set[int]:
    """The statements a cue's content reports, one per coordinated claim; the quotes they absorb."""
    bounds = _claim_bounds(article, cue, quote_cue) if cue.content is not None else None
    if bounds is None:
        return set()
    start, end, nested = bounds
    doc = article.doc
    if sum(1 for t in doc[start:end] if not t.is_punct) < 2:
        return set()
    if cue.verb.lower_ == "according" and _reports_elsewhere(cues, cue, start, end):
        return set()
    absorbed: set[int] = set()
    for first, last in _coordinated_clauses(article, start, end, cue.gap):
        inside = {q for q in article.quote_of[first:last] if q is not None}
        if inside and _mostly_quoted(article, sorted(inside), first, last, cue):
            for q in inside:
                quote_cue[q] = cue
            continue
        absorbed |= inside - nested
        draft = _Draft(*_whole_quotes(article, first, last), "indirect", cue)
        if cue.cut is not None and first < cue.cut[0] < cue.cut[1] < last:
            draft.cut = (doc[cue.cut[0]].idx, _end_char(doc, cue.cut[1]))
        drafts.append(draft)
    return absorbed


def _claim_bounds(article: Article, cue: Cue, quote_cue: dict[int, Cue]) -> tuple[int, int, set[int]] | None:
    """A cue's content as token bounds, less the quotes that are other cues' statements, and the
    quotes nested in it that stay their own speaker's; None when its own quote is what was said."""
    assert cue.content is not None
    start, end = cue.content
    doc = article.doc
    inside = {q for q in article.quote_of[start:end] if q is not None}
    if {q for q, c in quote_cue.items() if c is cue} - set(article.quote_of[start:end]):
        return None  # "That team has three goals, Carter said: “...”": the quote is what was said
    nested = _nested_quotes(article, cue, quote_cue, start, end, inside)
    foreign = sorted(q for q in inside - nested if quote_cue.get(q) not in (None, cue))
    for q in sorted(inside - nested - set(foreign)):
        # "told reporters that X: “...”": the quote after the colon is a statement of its own
        first = article.quote_tokens.get(q, start)
        colon = doc[first - 1].text == ":" and cue.verb.i < first - 1
        if start < first - 1 and colon and article.quote_of[end - 1] == q:
            end = first - 1
            quote_cue[q] = cue
            break
    if foreign:
        end = min(end, article.quote_tokens.get(foreign[0], end))
        while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"):
            end -= 1
    return start, end, nested


def _nested_quotes(
    article: Article, cue: Cue, quote_cue: dict[int, Cue], start: int, end: int, inside: set[int]
) -> set[int]:
    """ "What the rebels described as “...” left 30 dead, the governor said": a quote of a verb
    inside the clause is part of it, and still its own speaker's statement."""
    nested = {q for q in inside if quote_cue.get(q) not in (None, cue) and start <= quote_cue[q].verb.i < end}
    for q in list(nested):
        # "..., whom it described as the group's “wali”": the speaker's own word inside its claim
        other = quote_cue[q].speaker
        if cue.speaker is not None and other is not None and other.name == cue.speaker.name:
            nested.discard(q)
            quote_cue[q] = cue
    return nested


def _add_direct(
    article: Article, quote_cue: dict[int, Cue], absorbed: set[int], drafts: list[_Draft]
) -> None:
    """Each quote not absorbed by a reported clause, with its cue, as the continuation of the
    quote before it, or unattributed when long enough to be more than a scare quote."""
    for q, quote in enumerate(article.quotes):
        if q in absorbed:
            continue
        cue = quote_cue.get(q)
        continued = cue is None and _continues(article, q, drafts) and not _named_term(article, quote)
        if cue is None and not continued and _words(article, quote) < _MIN_UNATTRIBUTED_WORDS:
            continue
        if quote.end > quote.start:
            drafts.append(_Draft(quote.start, quote.end, "direct", cue, continued))


def _coordinated_clauses(
    article: Article, start: int, end: int, gap: tuple[int, int] | None = None
) -> list[tuple[int, int]]:
    """A report of two claims is two statements: "said A, and that B", "said A but that B",
    (while "said A and that B", with no comma, is one),
    "A, and “B”" with B a whole quoted clause, and "A, X wrote, and B" around the cue's `gap`."""
    if gap is not None and start < gap[0] < gap[1] < end:
        return [*_coordinated_clauses(article, start, gap[0]), *_coordinated_clauses(article, gap[1], end)]
    doc = article.doc
    pieces = []
    first = start
    for i in range(start + 2, end - 1):
        if doc[i - 1].pos_ != "CCONJ" or article.quote_of[i - 1] is not None:
            continue
        opens_quote = article.quote_of[i] is not None and doc[i].is_quote and doc[i - 2].text == ","
        if opens_quote and not _quoted_clause_to(article, i, end):
            continue
        if not opens_quote and (
            doc[i].lower_ != "that" or doc[i].dep_ == "det" or article.quote_of[i] is not None
        ):
            continue
        if not opens_quote and doc[i - 1].lower_ == "and" and doc[i - 2].text != ",":
            continue  # "said A and that B", with no comma, reports one claim
        cut = i - 1
        while cut > first and (
            doc[cut - 1].is_punct and article.quote_of[cut - 1] is None or doc[cut - 1].pos_ == "CCONJ"
        ):
            cut -= 1
        if sum(1 for t in doc[first:cut] if not t.is_punct) >= 2:
            pieces.append((first, cut))
            first = i if opens_quote else i + 1
    pieces.append((first, end))
    return pieces


def _quoted_clause_to(article: Article, i: int, end: int) -> bool:
    """Whether the quote opening at token `i` runs to `end` and holds a clause of its own."""
    q = article.quote_of[i]
    tokens = [t for t in article.doc[i:end] if not t.is_punct]
    if not tokens or any(article.quote_of[t.i] != q for t in tokens):
        return False
    return any(t.dep_ in {"nsubj", "nsubjpass"} for t in tokens) and any(
        t.pos_ in {"VERB", "AUX"} for t in tokens
    )


def _whole_quotes(article: Article, start: int, end: int) -> tuple[int, int]:
    """Character span of a token range, widened so that a quote it cuts keeps both marks."""
    first, last = article.quote_of[start], article.quote_of[end - 1]
    start_char, end_char = article.doc[start].idx, _end_char(article.doc, end)
    if first is not None:
        start_char = min(start_char, article.quotes[first].outer_start)
    if last is not None:
        end_char = max(end_char, article.quotes[last].outer_end)
    return start_char, end_char


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _words(article: Article, quote: Quote) -> int:
    return len(article.text[quote.start : quote.end].split())


def _reports_elsewhere(cues: list[Cue], cue: Cue, start: int, end: int) -> bool:
    """In "the ministry said X, according to a news agency" the statement is the ministry's."""
    return any(other is not cue and other.content and start <= other.verb.i < end for other in cues)


def _mostly_quoted(article: Article, inside: list[int], start: int, end: int, cue: Cue) -> bool:
    """A clause that is mostly quotation is reported as its quotes: replied that it hit "depots and sites"."""
    tokens = [t for t in article.doc[start:end] if not t.is_punct]
    quoted = sum(1 for t in tokens if article.quote_of[t.i] is not None)
    if quoted * 2 > len(tokens):
        return True
    last = article.quotes[inside[-1]]
    return cue.verb.i >= end and last.end >= _end_char(article.doc, end) - 2


def _continues(article: Article, q: int, drafts: list[_Draft]) -> bool:
    quote = article.quotes[q]
    para = article.paragraphs[quote.paragraph]
    return quote.outer_start == para.start or any(
        d.kind == "direct" and para.start <= d.start < quote.start for d in drafts
    )


def _named_term(article: Article, quote: Quote) -> bool:
    """ "“Khwarij” is the term the army uses for ...": a word or two quoted as a name, with the
    paragraph going on in the writer's words, continues nobody's quote."""
    para = article.paragraphs[quote.paragraph]
    rest = article.text[quote.outer_end : para.end]
    return _words(article, quote) < _MIN_UNATTRIBUTED_WORDS and len(rest.split()) >= 2


def _finish(article: Article, drafts: list[_Draft]) -> list[Statement]:
    statements: list[Statement] = []
    last: Speaker | None = None
    for k, draft in enumerate(drafts):
        cue = cue_text(draft.cue.verb) if draft.cue is not None else None
        if draft.cue is not None:
            speaker = draft.cue.speaker
        elif draft.continued:
            speaker = _own_paragraph_speaker(article, drafts, k) or last
        else:
            speaker = _introduced_by(article, draft.start)
        last = speaker
        statements.append(_statement(article.text, draft, speaker, cue))
    return statements


def _own_paragraph_speaker(article: Article, drafts: list[_Draft], k: int) -> Speaker | None:
    """ "“We lost everything.” Ana Diaz, a farmer, said she fled at night.": a quote opening a
    paragraph belongs to the person the paragraph's own reporting sentence names, not to the
    previous paragraph's speaker; None when the paragraph has no such sentence."""
    para = _paragraph(article, drafts[k].start)
    if k > 0 and _paragraph(article, drafts[k - 1].start) == para:
        return None  # a second quote after the paragraph's first goes on from it
    for later in drafts[k + 1 :]:
        if _paragraph(article, later.start) != para:
            break
        speaker = later.cue.speaker if later.cue is not None else None
        if speaker is not None and speaker.kind == "person":
            return speaker
    return None


def _paragraph(article: Article, char: int) -> int:
    return bisect_right(article.para_starts, char) - 1


def _introduced_by(article: Article, char: int) -> Speaker | None:
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


def _quote_text(text: str, draft: _Draft) -> str:
    if draft.cut is None:
        return text[draft.start : draft.end]
    return f"{text[draft.start : draft.cut[0]].rstrip()} {text[draft.cut[1] : draft.end].lstrip()}"


def _statement(text: str, draft: _Draft, speaker: Speaker | None, cue: str | None) -> Statement:
    return Statement(
        speaker=speaker.name if speaker else None,
        speaker_aliases=list(speaker.aliases) if speaker else [],
        speaker_title=speaker.title if speaker else None,
        speaker_affiliation=speaker.affiliation if speaker else None,
        anonymous=speaker.anonymous if speaker else True,
        kind=draft.kind,
        quote=_quote_text(text, draft),
        cue=cue,
        span=Span(start=draft.start, end=draft.end),
    )
