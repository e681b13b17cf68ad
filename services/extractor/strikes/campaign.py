"""Whether a mention tells one strike or an ongoing campaign of them."""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.lexicon.strikes import PROJECTILES
from services.extractor.lexicon.time import CAMPAIGN_CUES, REPEATED
from services.extractor.strikes.scope import temporal_mark
from services.extractor.strikes.syntax import clause_verb, objects_of, through_quantity


def _aside(verb: Token) -> set[int]:
    """Token indices beside the strike's own clause that do not tell its repetition."""
    # A source's aside ("..., the ministry said, in the heaviest bombardment since the ceasefire"):
    # that "since" dates the comparison, not the strikes.
    aside = {t.i for c in verb.children if c.dep_ == "parataxis" for t in c.subtree}
    # Nor another's deed beside it: "..., as Kyiv pressed on with a campaign to ...".
    aside |= {
        t.i
        for c in verb.children
        if c.dep_ == "advcl" and any(s.dep_ == "nsubj" for s in c.children) and temporal_mark(c) != "since"
        for t in c.subtree
    }  # but "since the invasion began" is the strikes' own time
    # Nor a comparison: "in the most serious flare-up in months" measures, it does not repeat.
    compared = [
        _compared(t) for t in verb.subtree if t.tag_ in ("JJS", "RBS") and t.dep_ in ("amod", "advmod")
    ]
    aside |= {t.i for noun in compared if noun.pos_ == "NOUN" and noun != verb for t in noun.subtree}
    return aside


def _many(token: Token, date_value: str | None) -> bool:
    """ "dropped hundreds of barrel bombs"; "dozens of strikes" (not rockets) told on no day."""
    many = through_quantity(token).lower_
    undated_strikes = (
        many == "dozens" and token.lemma_ not in PROJECTILES and (date_value or "").count("-") != 2
    )
    return many in ("hundreds", "thousands") or undated_strikes


def is_campaign(token: Token, date_value: str | None) -> bool:
    """An ongoing campaign rather than one strike: "an air campaign", "have been conducting airstrikes",
    "hundreds of strikes since 2015", "the airstrikes, which began in March"."""
    if token.lemma_ == "campaign" or token.head.lemma_ == "campaign":
        return True
    verb = clause_verb(token)
    aside = _aside(verb)
    words = [t for t in verb.subtree if t.i not in aside]
    scope = {t.lower_ for t in words} | {t.lemma_ for t in words}
    if scope & REPEATED or _many(token, date_value):  # "has struck Lebanon repeatedly since October"
        return True
    plural = token.tag_ == "NNS" or any(o.tag_ == "NNS" for o in objects_of(token))
    progressive = any(c.lower_ == "been" for c in verb.children) and verb.tag_ == "VBG"
    started = bool(scope & {"begin", "start", "launch"}) and date_value is not None and len(date_value) == 7
    return bool(plural and (bool(scope & CAMPAIGN_CUES) or progressive or started))


def _compared(word: Token) -> Token:
    """The noun a superlative grades: "most" -> "serious" -> "flare-up"."""
    while word.dep_ in ("advmod", "amod", "compound") and word.head != word and word.pos_ != "NOUN":
        word = word.head
    return word
