"""Strikes: who struck whom, where, when; one record per real-world strike.

`find_mentions` reads every strike mention with its actor, date, place, targets and toll;
`strike_consolidation` merges the mentions of one strike; `to_strike` makes the record, with each
source's version as a claim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import partial

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from schemas.records import Casualties, Claim, Evidence, Location, Span, Statement, Strike, StrikeKind
from services.extractor.lexicon.casualties import VAGUE_AMOUNTS
from services.extractor.lexicon.forces import PRONOUNS, UNNAMED_ATTACKERS
from services.extractor.lexicon.places import OTHER_EVENTS
from services.extractor.lexicon.strikes import (
    DEFENCE_VERBS,
    PROJECTILES,
    SPECIFICITY,
    STRIKE_NOUNS,
)
from services.extractor.strikes.actors import ActorResolver
from services.extractor.strikes.assertion import is_asserted
from services.extractor.strikes.campaign import is_campaign
from services.extractor.strikes.casualties import find_casualties
from services.extractor.strikes.claims import claim_for
from services.extractor.strikes.consolidation import Group, consolidate
from services.extractor.strikes.context import (
    article_country,
    dateline_country,
    place_in_context,
    shared_names_in_context,
)
from services.extractor.strikes.events import event_date, merge_undated
from services.extractor.strikes.fresh import is_background
from services.extractor.strikes.gazetteer import load_gazetteer
from services.extractor.strikes.mentions import Mention, is_manned, is_separate
from services.extractor.strikes.operations import operation_launches
from services.extractor.strikes.places import find_location
from services.extractor.strikes.provenance import actor_and_rule, annotate, strike_provenance
from services.extractor.strikes.sources import actor_sources
from services.extractor.strikes.syntax import forms, subject_of, through_quantity
from services.extractor.strikes.targets import mention_targets
from services.extractor.strikes.tellers import teller_actor
from services.extractor.strikes.triggers import trigger_kind
from services.extractor.strikes.when import mention_date

MAX_TARGETS = 6
# A headline tells a strike by its noun or its weapon: "Ethiopian Drone Strike Hits Market".
HEADLINE_WORDS = STRIKE_NOUNS.keys() | PROJECTILES.keys()


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return len(a.sent) * 2


def caused_by(word: Token, trigger: Token, triggers: list[Token]) -> bool:
    """Whether a "kill" or "wound" word tells of this trigger's strike rather than another's.

    The strike nearest in the dependency tree wins; on a tie, the one inside the word's own phrase
    ("a day after an attack on the town killed 40")."""

    def closeness(candidate: Token) -> tuple[int, bool]:
        return tree_distance(word, candidate), word not in candidate.ancestors

    # "two soldiers were killed in a clash": harm told with a cause of its own that is no strike.
    causes = [
        c for p in word.children if p.lower_ in ("in", "during") for c in p.children if c.dep_ == "pobj"
    ]
    if any(c.lemma_ in OTHER_EVENTS and c not in triggers for c in causes):
        return False
    return min(triggers, key=closeness) == trigger


def _unnamed_attacker(source: list[Token]) -> bool:
    heads = [t for t in source if t.head not in source or t.head == t]
    return any(forms([t]) & UNNAMED_ATTACKERS for t in heads)


_UNKNOWN_AUTHOR = re.compile(r"\b(?:not clear|unclear|unknown|not known)\s+who\b", re.IGNORECASE)


def _blamed_in_sentence(sent: SpacySpan, resolver: ActorResolver) -> str | None:
    """ "drones struck a camp, according to an official, who blamed Tehran for the attack": the blamed."""
    for verb in (t for t in sent if t.lemma_ in ("blame", "accuse")):
        about = [p for p in verb.children if p.lower_ in ("for", "of")]
        if not any(c.lemma_ in STRIKE_NOUNS for p in about for c in p.subtree):
            continue
        for blamed in (c for c in verb.children if c.dep_ == "dobj"):
            actor = resolver.actor_in(list(blamed.subtree))
            if actor:
                return actor
    return None


def _author_unknown(sent: SpacySpan) -> bool:
    """Whether the sentence or the next one says no one knows who struck."""
    following = sent.doc[sent.end : sent.end + 1].sent if sent.end < len(sent.doc) else None
    return any(_UNKNOWN_AUTHOR.search(s.text) for s in (sent, following) if s is not None)


def _countries_told(doc: Doc, resolver: ActorResolver) -> set[str]:
    """Countries the article names, or names a capital or known region of; not those of town names
    that a far country also has."""
    if resolver.countries_told is not None:
        return resolver.countries_told
    gazetteer = resolver.gazetteer
    told = {m.alias.country for m in resolver.matches if m.alias.country}
    places = [e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    places += [t.text for t in doc if t.pos_ == "PROPN"]  # the tagger misses some: "struck Kherson"
    resolver.countries_told = told | {c for c in map(gazetteer.surely_in, places) if c}
    return resolver.countries_told


def _home_government(sources: list[list[Token]], resolver: ActorResolver) -> bool:
    """Whether the attacker is told only as "the government" or "the regime", naming no state: a state's
    own forces, and so the state where the strikes fall."""
    for words in sources:
        if not {t.lower_ for t in words if t.pos_ in ("NOUN", "ADJ")} & {"government", "regime"}:
            continue
        # a pronoun or a name ("its government", "the Syrian regime") says whose
        return not any(t.lower_ in PRONOUNS or t.pos_ in ("PROPN", "ADJ") and t.lower_ not in
                       ("government", "regime") for t in words)  # fmt: skip
    return False


def _actor(
    token: Token, sources: list[list[Token]], resolver: ActorResolver
) -> tuple[str | None, str | None]:
    """The actor the strike's own words name, and the rule that found it; else the one the sentence blames."""
    actor, rule = actor_and_rule(resolver, sources, token)
    if actor is None:
        actor = _blamed_in_sentence(token.sent, resolver)
        rule = "blamed" if actor else None
    return actor, rule


def _teller(
    token: Token, resolver: ActorResolver, location: Location, published_at: date | None
) -> str | None:
    """An armed force's own report of a fresh strike: its attacker if no one else is found to own it."""
    return None if is_background(token, published_at) else teller_actor(token, resolver, location)


def find_mentions(
    doc: Doc, published_at: date | None, resolver: ActorResolver | None = None
) -> list[Mention]:
    gazetteer = load_gazetteer()
    resolver = resolver or ActorResolver(doc, gazetteer)
    mentions: list[Mention] = []
    known = _countries_told(doc, resolver)
    anchor: date | None = None  # the last day a strike was told on: "a day earlier" counts from it
    for index, sent in enumerate(doc.sents):
        # "a day earlier" counts from a day told before this sentence, not from a strike beside it
        told_before = anchor
        found = [(token, trigger_kind(token)) for token in sent]
        triggers = [(token, kind) for token, (is_trigger, kind) in found if is_trigger]
        tokens = [token for token, _ in triggers]
        for token, kind in triggers:
            if not is_asserted(token):
                continue
            sources = actor_sources(token)
            actor, actor_rule = _actor(token, sources, resolver)
            if actor is None and any(_unnamed_attacker(s) for s in sources) and not resolver.groups:
                continue  # "after the rebels fired a missile at a ship": not the strike told around it
            if actor is None and _author_unknown(sent):
                continue  # "a drone hit a warehouse; it was not clear who launched it": no one's to give
            if actor in resolver.groups and token.lemma_ == "bombing" and token.pos_ == "NOUN":
                continue  # an armed group's "bombings" are explosions on the ground, not air strikes
            location, rank = find_location(sent, token, gazetteer, actor)
            resolver.last_actor = actor or resolver.last_actor
            when = mention_date(token, published_at, told_before)
            anchor = date.fromisoformat(when) if when and len(when) == 10 else anchor
            if _home_government(sources, resolver) and location.country in known - {actor, None}:
                actor = location.country  # "Russian jets bombed towns, while government helicopters ..."
            mentions.append(
                Mention(
                    trigger=token,
                    sentence=sent,
                    index=index,
                    actor=actor,
                    kind=kind,
                    campaign=is_campaign(token, when),
                    date=when,
                    targets=mention_targets(token),
                    location=location,
                    rank=rank,
                    casualties=find_casualties(sent, partial(caused_by, trigger=token, triggers=tokens)),
                    manned=is_manned(token),
                    partners=resolver.partners_in(sources, actor),
                    defender=_defender(token, resolver),
                    actor_rule=actor_rule,
                    teller=None if actor else _teller(token, resolver, location, published_at),
                    separate=is_separate(token),
                )
            )
            annotate(mentions[-1], published_at)
    # A town's name that several countries have is filed under the one the article establishes; so is
    # a country's name that two states share ("Congo").
    place_in_context(mentions, resolver, known, dateline_country(doc, gazetteer))
    shared_names_in_context(mentions, resolver)
    return mentions


def _defender(token: Token, resolver: ActorResolver) -> str | None:
    """ "Its air defences shot down four rockets": who shot them down (the rockets were someone else's)."""
    verb = through_quantity(token).head
    if verb.lemma_ not in DEFENCE_VERBS and not (verb.dep_ == "conj" and verb.head.lemma_ in DEFENCE_VERBS):
        return None
    subject = subject_of(verb) or (subject_of(verb.head) if verb.dep_ == "conj" else None)
    return resolver.actor_in(list(subject.subtree)) if subject is not None else None


def headline_actor(doc: Doc, resolver: ActorResolver) -> str | None:
    """The attacker a title names before its strike words ("Ethiopian Drone Strike Hits Market"), read
    from the words alone: title-case headlines defeat the parser."""
    title_end = doc.text.find("\n")
    if title_end <= 0:
        return None
    words = [t for t in doc if t.idx < title_end]
    for n, token in enumerate(words):
        if token.lower_.rstrip("s") not in HEADLINE_WORDS:
            continue
        before = words[max(0, n - 3) : n]
        actor = resolver.actor_in(before, place_names=True) if before else None
        if actor:
            return actor
    return None


def _location(group: Group, fallback: str | None) -> Location:
    """The surest place any mention gives: a region named in a strike's own clause wins, and one named
    elsewhere in a sentence ("said the spokesman in Baghdad") only when no mention places the strike."""
    ranked = sorted(
        (m for m in group.mentions if m.location.country or m.location.region), key=lambda m: m.rank
    )
    if not ranked:
        return Location(country=fallback)
    trusted = [m for m in ranked if m.rank < 2] or ranked[:1]
    region = next((m.location.region for m in trusted if m.location.region), None)
    country = next((m.location.country for m in trusted if m.location.country), None)
    return Location(country=country or fallback, region=region)


def _casualties(group: Group) -> Casualties | None:
    found = [m.casualties for m in sorted(group.mentions, key=lambda m: m.index) if m.casualties]
    if not found:
        return None
    # A figure beats a word: headlines round "at least 50" to "dozens".
    told = [c for c in found if c.killed]
    killed = next(
        (c for c in told if (c.killed or "").lower() not in VAGUE_AMOUNTS), told[0] if told else None
    )
    injured = next((c.injured for c in found if c.injured), None)
    if killed is None:
        return Casualties(injured=injured)
    return killed.model_copy(update={"injured": injured})


def _evidence(sentence: SpacySpan) -> Evidence:
    """The sentence without the blank lines the tokenizer keeps at its end."""
    text = sentence.text.strip()
    start = sentence.start_char + sentence.text.index(text[:1]) if text else sentence.start_char
    return Evidence(sentence=text, span=Span(start=start, end=start + len(text)))


def to_strike(
    group: Group,
    statements: Sequence[Statement],
    fallback_country: str | None,
    usual_kind: StrikeKind = "airstrike",
    published_at: date | None = None,
    launches: dict[str, tuple[str, SpacySpan]] | None = None,
) -> Strike:
    mentions = sorted(group.mentions, key=lambda m: m.trigger.i)
    # Jets' strikes stay air strikes: a drone strike told beside them is another of the day's raids,
    # and their missiles are what they fired.
    manned = any(m.manned and m.kind == "airstrike" for m in mentions)
    kinds = group.kinds - {"drone strike", "missile"} if manned else group.kinds
    kind = next((k for k in SPECIFICITY if k in kinds), usual_kind)
    targets = list(dict.fromkeys(t for m in mentions for t in m.targets))[:MAX_TARGETS]
    claims = list(dict.fromkeys(filter(None, (claim_for(m, statements) for m in mentions))))
    sentences = list(dict.fromkeys(m.sentence for m in mentions))
    when = event_date(group, published_at, launches)
    strike = Strike(
        actor=group.actor or "unknown",
        kind=kind,
        campaign=group.campaign,
        date=when.date,
        date_precision=when.precision,
        location=_location(group, fallback_country),
        targets=targets,
        casualties=_casualties(group),
        claims=[Claim(by=by, says=says) for by, says in claims],
        evidence=[_evidence(s) for s in sentences],
    )
    return strike.model_copy(update={"provenance": strike_provenance(strike, mentions, when.evidence)})


def extract_strikes(doc: Doc, published_at: date | None, statements: Sequence[Statement]) -> list[Strike]:
    """Every strike the article reports, once each, with its sources' versions as claims."""
    gazetteer = load_gazetteer()
    resolver = ActorResolver(doc, gazetteer)
    title_actor = headline_actor(doc, resolver)  # before find_mentions moves the resolver's last actor
    mentions = find_mentions(doc, published_at, resolver)
    # Where a story names the coalition, its leader's jets are the coalition's ("Saudi warplanes").
    named = {m.actor for m in mentions}
    led = {gazetteer.alliance_leaders[a]: a for a in named if a in gazetteer.alliance_leaders}
    for mention in mentions:
        mention.actor = led.get(mention.actor or "", mention.actor)
    groups = merge_undated(consolidate(mentions, title_actor))
    # An event placed by none of its sentences: where its strikes are placed, the article's places, the
    # dateline; the attacker's own country last.
    countries = Counter(
        m.location.country for g in groups for m in g.mentions if m.location.country and m.rank < 2
    )
    fallback = countries.most_common(1)[0][0] if countries else None
    context = article_country(doc, gazetteer, _countries_told(doc, resolver)) or dateline_country(
        doc, gazetteer
    )
    fallback = fallback or context
    groups = sorted(groups, key=lambda g: min(m.trigger.i for m in g.mentions))
    launches = operation_launches(doc, published_at, resolver)
    usual = _usual_kinds(groups)
    return [
        to_strike(
            g,
            statements,
            fallback or gazetteer.country_named(g.actor or ""),
            usual.get(g.actor, "airstrike"),
            published_at,
            launches,
        )
        for g in groups
        if g.actor
    ]


def _usual_kinds(groups: list[Group]) -> dict[str | None, StrikeKind]:
    """The kind each actor's strikes are most told as: "the strikes on Tuesday", told of no kind, are
    of that kind."""
    told: dict[str | None, Counter[StrikeKind]] = {}
    for group in groups:
        told.setdefault(group.actor, Counter()).update(m.kind for m in group.mentions if m.kind)
    return {actor: kinds.most_common(1)[0][0] for actor, kinds in told.items() if kinds}
