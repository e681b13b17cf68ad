"""Strikes: who struck whom, where, when; every mention of one strike merged into one record.

Mentions are consolidated in order of how much they pin down: dated mentions with an actor found the
strikes, undated ones join the nearest compatible strike of their actor, and mentions without an actor
("the missile struck on Friday", "wounded in the strike") only ever join a strike, never start one,
except a dated one that is clearly a different strike of the article's main attacker. Strikes in
general ("died in drone strikes on cities") join a dated strike only where they name its place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from schemas.records import Casualties, Claim, Evidence, Location, Span, Statement, Strike, StrikeKind
from services.extractor.casualties import VAGUE_AMOUNTS, find_casualties
from services.extractor.claims import claim_for
from services.extractor.gazetteer import load_gazetteer
from services.extractor.places import OTHER_EVENTS, find_location
from services.extractor.strike_actors import PRONOUNS, UNNAMED_ATTACKERS, ActorResolver
from services.extractor.strike_arguments import (
    DEFENCE_VERBS,
    actor_sources,
    is_campaign,
    mention_date,
    mention_targets,
)
from services.extractor.strike_mentions import (
    Mention,
    is_asserted,
    is_manned,
    subject_of,
    through_quantity,
    trigger_kind,
)

# Kinds that may be one strike told differently: a drone fires a missile, an "air strike" is a drone's.
FAMILY = {"airstrike": "air", "drone strike": "air", "missile": "air", "artillery": "artillery",
          "barrel bomb": "barrel bomb", "chemical": "chemical"}  # fmt: skip
SPECIFICITY: list[StrikeKind] = [
    "chemical",
    "barrel bomb",
    "drone strike",
    "missile",
    "artillery",
    "airstrike",
]
MAX_TARGETS = 6
HEADLINE_STRIKE_WORDS = {
    "strike",
    "airstrike",
    "air strike",
    "raid",
    "bombing",
    "shelling",
    "missile",
    "drone",
}
EVENING_WORDS = {"late", "night", "evening", "midnight", "tonight"}


@dataclass
class Group:
    actor: str | None
    date: str | None
    campaign: bool
    mentions: list[Mention] = field(default_factory=list)

    @property
    def kinds(self) -> set[StrikeKind]:
        return {m.kind for m in self.mentions if m.kind}

    def fits_kind(self, kind: StrikeKind | None) -> bool:
        return kind is None or all(FAMILY[k] == FAMILY[kind] for k in self.kinds)

    def by(self, actor: str | None) -> bool:
        """Whether the actor struck in this group, as its lead or a partner named with it."""
        return actor == self.actor or any(actor in m.partners for m in self.mentions)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.date = self.date or mention.date
        self.campaign = self.campaign or mention.campaign


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
    return any(t.lower_ in UNNAMED_ATTACKERS for t in heads)


def _countries_told(doc: Doc, resolver: ActorResolver) -> set[str]:
    """Countries the article names, or names a capital or known region of; not those of town names
    that a far country also has."""
    gazetteer = resolver.gazetteer
    told = {m.alias.country for m in resolver.matches if m.alias.country}
    places = [e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    places += [t.text for t in doc if t.pos_ == "PROPN"]  # the tagger misses some: "struck Kherson"
    return told | {c for c in map(gazetteer.surely_in, places) if c}


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
            actor = resolver.actor_of(sources)
            if actor is None and any(_unnamed_attacker(s) for s in sources):
                continue  # "after the rebels fired a missile at a ship": not the strike told around it
            if actor in resolver.groups and token.lemma_ == "bombing" and token.pos_ == "NOUN":
                continue  # an armed group's "bombings" are explosions on the ground, not air strikes
            resolver.last_actor = actor or resolver.last_actor
            when = mention_date(token, published_at, told_before)
            anchor = date.fromisoformat(when) if when and len(when) == 10 else anchor
            location, rank = find_location(sent, token, gazetteer, actor)
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
                )
            )
    # A country the article never names, found through a town's name only, while its other strikes
    # fall in countries it does name: the town is a namesake ("Kani" is in Japan, and in Myanmar).
    if any(m.location.country in known for m in mentions):
        for m in mentions:
            if m.location.country and m.location.country not in known:
                m.location = m.location.model_copy(update={"country": None})
    return mentions


def _distance(group: Group, mention: Mention) -> tuple[int, int]:
    """Earlier strikes first, then the nearest: "the strike" usually means the one just told."""
    before = [mention.index - m.index for m in group.mentions if m.index <= mention.index]
    if before:
        return 0, min(before)
    return 1, min(m.index - mention.index for m in group.mentions)


def _nearest(groups: list[Group], mention: Mention) -> Group | None:
    """The nearest group, one of the very same kind before one of a kindred kind; for a word of no kind,
    one told with the same word ("the strikes" are the airstrikes, not the rockets told between)."""
    if mention.kind is not None:
        same_kind = [g for g in groups if mention.kind in g.kinds]
        return min(same_kind or groups, key=lambda g: _distance(g, mention), default=None)
    word = mention.trigger.lemma_.lower()

    def key(group: Group) -> tuple[int, int, int]:
        side, distance = _distance(group, mention)
        other_word = int(not any(m.trigger.lemma_.lower().endswith(word) for m in group.mentions))
        # Told before: the same word decides; told only after (a headline): the first strike told.
        return (side, other_word, distance) if side == 0 else (side, distance, other_word)

    return min(groups, key=key, default=None)


def _overnight(mention: Mention) -> bool:
    return any(t.lower_ == "overnight" for t in mention.sentence)


def _same_night(group: Group, mention: Mention) -> bool:
    """ "late on Thursday" and "the overnight attack" told on Friday: one strike across midnight."""
    if not group.date or not mention.date or len(group.date) != 10 or len(mention.date) != 10:
        return False
    apart = (date.fromisoformat(mention.date) - date.fromisoformat(group.date)).days
    # The earlier day's telling must reach into its night: "On Monday, jets struck" is Monday's own.
    if apart == 1:
        evening = any(_evening(m) for m in group.mentions if m.date == group.date)
        return _overnight(mention) and evening
    if apart == -1:
        return _evening(mention) and any(_overnight(m) for m in group.mentions if m.date == group.date)
    return False


def _evening(mention: Mention) -> bool:
    return _overnight(mention) or any(t.lower_ in EVENING_WORDS for t in mention.sentence)


def _strikes_home(group: Group, mention: Mention, country_of: Callable[[str], str | None]) -> bool:
    """Whether an unattributed mention falls on the group's attacker's own country while the group's
    strikes fall elsewhere: "rockets fired at northern Israel" in a story of Israeli raids abroad."""
    home = country_of(group.actor or "")
    abroad = {m.location.country for m in group.mentions if m.location.country} - {home}
    return home is not None and mention.location.country == home and bool(abroad)


def _defender(token: Token, resolver: ActorResolver) -> str | None:
    """ "Its air defences shot down four rockets": who shot them down (the rockets were someone else's)."""
    verb = through_quantity(token).head
    if verb.lemma_ not in DEFENCE_VERBS and not (verb.dep_ == "conj" and verb.head.lemma_ in DEFENCE_VERBS):
        return None
    subject = subject_of(verb) or (subject_of(verb.head) if verb.dep_ == "conj" else None)
    return resolver.actor_in(list(subject.subtree)) if subject is not None else None


def _own_side_hit(group: Group, mention: Mention) -> bool:
    """Whether the mention's targets are the group's own: missiles that hit "Russian troops" are no
    Russian strike."""
    gazetteer = load_gazetteer()
    named = {m.alias.canonical for target in mention.targets for m in gazetteer.find(target)}
    return group.actor in named


def _generic(mention: Mention) -> bool:
    """Strikes in general ("most died in drone strikes on cities"): a bare plural of no one's, told
    with no day, that may be any of many strikes."""
    trigger = mention.trigger
    if trigger.tag_ != "NNS" or mention.campaign:
        return False
    # "the strikes", "its raids" and "two strikes" point at strikes told; "some strikes" does not.
    pointing = [c for c in trigger.children if c.dep_ in ("det", "poss", "nummod")]
    return all(c.lower_ in ("some", "many") for c in pointing)


def _shares_place(group: Group, mention: Mention) -> bool:
    """Whether a mention names a place the group's own sentences name, or the other way round."""
    region = mention.location.region
    if region and any(region in m.sentence.text for m in group.mentions):
        return True
    return any(m.location.region and m.location.region in mention.sentence.text for m in group.mentions)


def _same_place(group: Group, mention: Mention) -> bool:
    """Whether a dated mention may be the group's strike by where it fell: a night's missiles on one city
    and its drones on another are two strikes; a mention with no named place fits any."""
    if mention.rank != 0 or not mention.location.region:
        return True
    places = [m.location.region for m in group.mentions if m.rank == 0 and m.location.region]
    mine = mention.location.region
    return not places or any(p in mine or mine in p or _same_city(p, mine) for p in places)


def _named_same_place(group: Group, mention: Mention) -> bool:
    """Whether the group was told at the very place the mention names."""
    places = [m.location.region for m in group.mentions if m.rank == 0 and m.location.region]
    return (
        mention.rank == 0 and bool(mention.location.region) and bool(places) and _same_place(group, mention)
    )


def _same_city(a: str, b: str) -> bool:
    """ "the city of Kharkiv" and "Kharkiv's Kyivskyi district" share their proper name."""
    names = {w.strip("'’s") for w in a.split() if w[:1].isupper()}
    return bool(names & {w.strip("'’s") for w in b.split() if w[:1].isupper()})


def headline_actor(doc: Doc, resolver: ActorResolver) -> str | None:
    """The attacker a title names before its strike words ("Ethiopian Drone Strike Hits Market"), read
    from the words alone: title-case headlines defeat the parser."""
    title_end = doc.text.find("\n")
    if title_end <= 0:
        return None
    words = [t for t in doc if t.idx < title_end]
    for n, token in enumerate(words):
        if token.lower_.rstrip("s") not in HEADLINE_STRIKE_WORDS:
            continue
        before = words[max(0, n - 3) : n]
        actor = resolver.actor_in(before, place_names=True) if before else None
        if actor:
            return actor
    return None


def consolidate(mentions: list[Mention], fallback_actor: str | None = None) -> list[Group]:
    groups: list[Group] = []
    country_of = load_gazetteer().country_named

    def start(mention: Mention, actor: str | None) -> None:
        group = Group(actor, mention.date, mention.campaign)
        group.add(mention)
        groups.append(group)

    for m in (m for m in mentions if m.actor and m.date):
        same = [
            g
            for g in groups
            if g.by(m.actor) and g.date == m.date and g.fits_kind(m.kind) and _same_place(g, m)
        ]
        night = [g for g in groups if g.by(m.actor) and g.fits_kind(m.kind) and _same_night(g, m)]
        if same or night:
            group = next((g for g in same or night if m.kind in g.kinds), (same or night)[0])
            group.add(m)
            group.date = min(group.date or "", m.date or "") or group.date  # the day the night began
        else:
            start(m, m.actor)
    for m in (m for m in mentions if m.actor and not m.date):
        own = [g for g in groups if g.by(m.actor) and g.fits_kind(m.kind)]
        own = [g for g in own if _named_same_place(g, m)] or own  # the strike told at the same place, if any
        alike = [g for g in own if g.campaign == m.campaign] or ([] if m.campaign else own)
        group = _nearest(alike, m)
        group.add(m) if group else start(m, m.actor)
    for m in (m for m in mentions if not m.actor and m.date):
        # A dated strike of unknown author is tied to a known one only when it is told the same way:
        # "a rocket hit the town on Monday" in a story of air strikes may be anyone's rocket.
        alike = [g for g in groups if m.kind is None or not g.kinds or m.kind in g.kinds]
        alike = [
            g
            for g in alike
            if not _strikes_home(g, m, country_of) and not _own_side_hit(g, m) and g.actor != m.defender
        ]
        same_day = [g for g in alike if g.date == m.date] or [g for g in alike if _same_night(g, m)]
        # an undated strike told only later is no antecedent for "the bomb that hit on Monday"
        undated = [
            g
            for g in alike
            if not g.date and g.campaign == m.campaign and any(x.index <= m.index for x in g.mentions)
        ]
        group = _nearest(same_day, m) or _nearest(undated, m)
        if group:
            group.add(m)
        elif alike:
            # "two strikes hit the hospital": a strike of no kind is an air strike's, if anyone's
            aerial = [g for g in alike if g.kinds and all(FAMILY[k] == "air" for k in g.kinds)]
            told = (
                aerial if m.kind is None and m.trigger.lemma_.lower().endswith("strike") and aerial else alike
            )
            start(m, Counter(g.actor for g in told for _ in g.mentions).most_common(1)[0][0])
        elif not groups and fallback_actor:  # a story of one attacker, named only in its title
            start(m, fallback_actor)
    for m in (m for m in mentions if not m.actor and not m.date):
        fitting = [g for g in groups if g.fits_kind(m.kind) and not _strikes_home(g, m, country_of)]
        if _generic(m):  # strikes in general are not the one dated strike told here
            fitting = [g for g in fitting if g.campaign or not g.date or _shares_place(g, m)]
        group = _nearest([g for g in fitting if g.campaign == m.campaign] or fitting, m)
        if group:
            group.add(m)
    return groups


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
    killed = next((c for c in told if c.killed.lower() not in VAGUE_AMOUNTS), told[0] if told else None)
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
    return Strike(
        actor=group.actor or "unknown",
        kind=kind,
        campaign=group.campaign,
        date=group.date,
        location=_location(group, fallback_country),
        targets=targets,
        casualties=_casualties(group),
        claims=[Claim(by=by, says=says) for by, says in claims],
        evidence=[_evidence(s) for s in sentences],
    )


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
    groups = consolidate(mentions, title_actor)
    countries = Counter(m.location.country for g in groups for m in g.mentions if m.location.country)
    fallback = countries.most_common(1)[0][0] if countries else None
    groups = sorted(groups, key=lambda g: min(m.trigger.i for m in g.mentions))
    # "The strikes on Tuesday" told of no kind are of the kind the actor's other strikes are told as.
    usual = {
        actor: Counter(m.kind for g in groups if g.actor == actor for m in g.mentions if m.kind).most_common(
            1
        )
        for actor in {g.actor for g in groups}
    }
    return [
        to_strike(
            g,
            statements,
            fallback or gazetteer.country_named(g.actor or ""),
            usual[g.actor][0][0] if usual[g.actor] else "airstrike",
        )
        for g in groups
        if g.actor
    ]
