"""Which cue each quote belongs to: the reporting verb of its own sentence and paragraph,
preferring the one the parse hangs it on, then the nearest; or the verb of a paragraph that
ends in a colon, for a quote opening the next."""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.statements.article import Article
from services.extractor.statements.cues import Cue, is_according_to
from services.extractor.statements.quotes import Quote
from services.extractor.statements.verbs import is_reporting_verb


def attribute_quotes(article: Article, cues: list[Cue]) -> dict[int, Cue]:
    """Each quote's cue: the nearest reporting verb in the same sentence, outside any quote."""
    by_region: dict[int, list[Cue]] = {}
    for cue in cues:
        by_region.setdefault(article.region(cue.verb.idx), []).append(cue)
    found = {}
    for q, quote in enumerate(article.quotes):
        candidates = [
            c
            for c in by_region.get(article.region(quote.outer_start), [])
            if article.para_of[c.verb.i] == quote.paragraph and not _clause_apart(article, c, quote)
        ]
        if candidates:
            found[q] = min(
                candidates, key=lambda c: (not _governs(article, c.verb, q), _distance(c.verb, quote))
            )
        elif (introducer := _introducer(article, quote, cues)) is not None:
            found[q] = introducer
    return found


def _clause_apart(article: Article, cue: Cue, quote: Quote) -> bool:
    """ "“X” is the term the army uses for Y, which the government says operates from Z": a
    relative reporting verb with a claim of its own does not report a quote outside its clause."""
    verb = cue.verb
    if verb.dep_ != "relcl" or cue.content is None:
        return False
    last = verb.right_edge
    return not verb.left_edge.idx <= quote.outer_start < last.idx + len(last.text)


def _introducer(article: Article, quote: Quote, cues: list[Cue]) -> Cue | None:
    """The verb of a paragraph ending in a colon, for a quote opening the next: "He described it:"."""
    para = article.paragraphs[quote.paragraph]
    if quote.outer_start != para.start or quote.paragraph == 0:
        return None
    before = article.paragraphs[quote.paragraph - 1]
    if not article.text[before.start : before.end].endswith(":"):
        return None
    last = [c for c in cues if article.para_of[c.verb.i] == quote.paragraph - 1 and c.content is None]
    return last[-1] if last else None


def _governs(article: Article, verb: Token, q: int) -> bool:
    """Whether `verb` is the reporting verb the parse hangs the quote on ("called the attack “...”")."""
    first = article.quote_tokens.get(q)
    if first is None:  # a quote inside a single token: nothing hangs on it
        return False
    token = article.doc[first]
    while token.head.i != token.i:
        token = token.head
        if token.i == verb.i:
            return True
        if article.quote_of[token.i] is None and (is_reporting_verb(token) or is_according_to(token)):
            return False
    return False


def _distance(verb: Token, quote: Quote) -> int:
    if verb.idx >= quote.outer_end:
        return verb.idx - quote.outer_end
    return quote.outer_start - verb.idx + 1  # ties go to the verb after the quote: "“...,” she said"
