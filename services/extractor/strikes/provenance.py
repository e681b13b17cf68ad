"""Where each argument of a strike was read, by which rule, and how far to trust it.

A mention records how its own actor and date were read; the event (a group of mentions) takes each
argument from the mention that gave it, or from the document-level rule that filled it (the
dominant attacker, the report day), and says so in `Strike.provenance`.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from schemas.records import Provenance, Span, Strike, StrikeArgument
from services.extractor.strikes.actors import ActorResolver
from services.extractor.strikes.fresh import is_background, report_day
from services.extractor.strikes.mentions import Mention
from services.extractor.text.dates import resolve_date, resolve_precision

# How far each rule is trusted: the strike's own words first, the article's context last.
CONFIDENCE = {
    "agent": 0.9,
    "by-phrase": 0.9,
    "modifier": 0.85,
    "named in sentence": 0.8,
    "blamed": 0.7,
    "armed teller": 0.7,
    "headline": 0.6,
    "dominant attacker": 0.5,
    "date in sentence": 0.9,
    "report day": 0.7,
    "launch day": 0.6,
    "publication day": 0.5,
    "place in clause": 0.85,
    "place in sentence": 0.6,
    "article's country": 0.4,
    "trigger": 0.9,
    "usual kind": 0.5,
    "object": 0.8,
    "toll": 0.8,
}


def _source_rule(source: list[Token], trigger: Token) -> str:
    """ "struck by Israeli jets": by-phrase; "Turkish jets struck": agent; "Turkish strikes": modifier."""
    if any(t.dep_ == "pobj" and t.head.lower_ == "by" for t in source):
        return "by-phrase"
    if trigger.pos_ != "VERB" and all(t.i < trigger.i and trigger in t.ancestors for t in source):
        return "modifier"
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in source) or trigger.pos_ == "VERB":
        return "agent"
    return "named in sentence"


def actor_and_rule(
    resolver: ActorResolver, sources: list[list[Token]], trigger: Token
) -> tuple[str | None, str | None]:
    """`ActorResolver.actor_of` with the kind of source that named the actor."""
    for place_names in (False, True):
        for source in sources:
            actor = resolver.actor_in(source, place_names)
            if actor:
                return actor, _source_rule(source, trigger)
    return None, None


def annotate(mention: Mention, published_at: date | None) -> None:
    """What the document-level passes need to know of a mention's time: background or fresh, the
    day of its report, and whether its date is a week's."""
    token = mention.trigger
    mention.background = is_background(token, published_at)
    mention.report_day = None if mention.background else report_day(token, published_at)
    if mention.date and len(mention.date) == 7:
        dates = [e.text for e in mention.sentence.ents if e.label_ == "DATE"]
        mention.week = any(
            resolve_precision(text, published_at) == "week"
            and resolve_date(text, published_at) == mention.date
            for text in dates
        )


def _span(sentence: SpacySpan) -> Span:
    text = sentence.text.strip()
    start = sentence.start_char + sentence.text.index(text[:1]) if text else sentence.start_char
    return Span(start=start, end=start + len(text))


def _provenance(sentence: SpacySpan, rule: str) -> Provenance:
    return Provenance(span=_span(sentence), rule=rule, confidence=CONFIDENCE.get(rule, 0.5))


def strike_provenance(
    strike: Strike, mentions: list[Mention], date_rule: tuple[SpacySpan, str] | None
) -> dict[StrikeArgument, Provenance]:
    """Each filled argument of the strike with the sentence it came from and the rule that filled it."""
    found: dict[StrikeArgument, Provenance] = {}
    ordered = sorted(mentions, key=lambda m: m.index)
    first = ordered[0]
    by_actor = next((m for m in ordered if m.actor == strike.actor and m.actor_rule), None)
    by_teller = next((m for m in ordered if not m.actor and m.teller == strike.actor), None)
    if by_actor is not None:
        found["actor"] = _provenance(by_actor.sentence, by_actor.actor_rule or "agent")
    elif by_teller is not None:
        found["actor"] = _provenance(by_teller.sentence, "armed teller")
    else:
        found["actor"] = _provenance(first.sentence, "dominant attacker")
    by_kind = next((m for m in ordered if m.kind == strike.kind), None)
    found["kind"] = _provenance((by_kind or first).sentence, "trigger" if by_kind else "usual kind")
    if date_rule is not None:
        found["date"] = _provenance(*date_rule)
    located = [m for m in ordered if m.location.region and m.location.region == strike.location.region]
    located = located or [m for m in ordered if m.location.country == strike.location.country]
    if strike.location.country or strike.location.region:
        rule = "place in clause" if located and located[0].rank < 2 else "place in sentence"
        found["location"] = _provenance(located[0].sentence if located else first.sentence,
                                        rule if located else "article's country")  # fmt: skip
    with_targets = next((m for m in ordered if m.targets), None)
    if strike.targets and with_targets is not None:
        found["targets"] = _provenance(with_targets.sentence, "object")
    with_toll = next((m for m in ordered if m.casualties), None)
    if strike.casualties and with_toll is not None:
        found["casualties"] = _provenance(with_toll.sentence, "toll")
    return found
