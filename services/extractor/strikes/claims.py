"""Whose version of a strike a sentence gives: the source that reports it, and what it says."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from schemas.records import Statement
from services.extractor.lexicon.forces import DOCUMENTS
from services.extractor.lexicon.strikes import REPORTING_VERBS
from services.extractor.strikes.mentions import Mention
from services.extractor.text.datelines import dateline_end

MAX_SAYS = 200


def _shorten(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.\u201c\u201d\"'")
    return text if len(text) <= MAX_SAYS else text[: MAX_SAYS - 1].rsplit(" ", 1)[0] + "\u2026"


def _phrase(token: Token) -> str:
    return "".join(t.text_with_ws for t in token.subtree).split(",")[0].strip()


def _author(source: Token) -> str:
    """Who stands behind a document named as the source: "a tally by X", "X's figures", "a X count"."""
    if source.lemma_.lower() not in DOCUMENTS:
        return _phrase(source)
    for prep in source.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "from"):
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if author is not None and author.pos_ in ("NOUN", "PROPN") and author.ent_type_ != "DATE":
                return _phrase(author)
    for child in source.children:
        if child.dep_ == "poss":
            return "".join(t.text_with_ws for t in child.subtree if t.dep_ != "case").strip()
    names = [c for c in source.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return "".join(t.text_with_ws for n in names for t in n.subtree).strip()
    return _phrase(source)


def _reported(mention: Mention) -> tuple[str, str] | None:
    """The source of a reporting verb above the trigger, and the clause it reports."""
    child = mention.trigger
    for ancestor in mention.trigger.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            # Not a subject that holds the strike: a misparse may make the report a second subject.
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
            source = next((c for c in subjects if mention.trigger not in c.subtree), None)
            if source is not None and source.pos_ != "PRON":
                # A reported clause is the claim; a strike named as the object ("denounced the strike
                # as genocide") needs the rest of the verb's phrase.
                clause = child.pos_ in ("VERB", "AUX") or child.dep_ in ("nsubj", "nsubjpass")
                told = child.subtree if clause else ancestor.subtree
                dateline = dateline_end(mention.sentence)
                words = [t for t in told if t not in set(source.subtree) and t.idx >= dateline]
                return _phrase(source), _shorten("".join(t.text_with_ws for t in words))
            return None
        child = ancestor
    for token in mention.sentence:  # "..., according to the Health Ministry"
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            source = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
            if source is not None:
                text = mention.sentence.text[dateline_end(mention.sentence) - mention.sentence.start_char :]
                return _author(source), _shorten(text)
    return None


def claim_for(mention: Mention, statements: Sequence[Statement]) -> tuple[str, str] | None:
    """(by, says) for a mention that a source reports; None when the article says it in its own voice."""
    position = mention.trigger.idx
    for statement in statements:
        if statement.span.start <= position < statement.span.end:
            source = statement.speaker or statement.speaker_title
            if source:
                return source, _shorten(statement.quote)
    return _reported(mention)
