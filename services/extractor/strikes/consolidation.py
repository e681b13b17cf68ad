"""Consolidation: every mention of one strike in an article merged into one group.

Mentions are consolidated in order of how much they pin down: dated mentions with an actor found the
strikes; dated mentions without one ("the strike on Wednesday hit the market") join the dated strike
of their day, or found a strike of the attacker the article tells of that way; undated mentions with
an actor join the nearest compatible strike of their actor; and undated mentions without one
("wounded in the strike") only ever join a strike. Strikes in general ("died in drone strikes on
cities") join a dated strike only where they name its place. Last, a strike no group took and that an
armed force tells naming no other attacker ("Strikes were carried out in Syria, the army said") is
that force's own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from schemas.records import StrikeKind
from services.extractor.lexicon.strikes import FAMILY
from services.extractor.lexicon.time import EVENING_WORDS
from services.extractor.strikes.gazetteer import load_gazetteer
from services.extractor.strikes.mentions import Mention
from services.extractor.strikes.syntax import clause_verb


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


def _sides_hit(mention: Mention) -> set[str]:
    """Who the mention's targets belong to: missiles that hit "Russian troops" are no Russian strike."""
    gazetteer = load_gazetteer()
    return {m.alias.canonical for target in mention.targets for m in gazetteer.find(target)}


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


def same_place(group: Group, mention: Mention) -> bool:
    """Whether a dated mention may be the group's strike by where it fell: a night's missiles on one city
    and its drones on another are two strikes; a mention with no named place fits any."""
    if mention.rank != 0 or not mention.location.region:
        return True
    places = [m.location.region for m in group.mentions if m.rank == 0 and m.location.region]
    mine = mention.location.region
    return not places or any(p in mine or mine in p or _same_city(p, mine) for p in places)


def _another_hit(mention: Mention) -> bool:
    """ "The jets also hit a radar site near Homs": a further hit, told as such, at a place of its own."""
    verb = clause_verb(mention.trigger)
    also = any(c.lower_ in ("also", "additionally") for c in [*verb.children, *mention.trigger.children])
    return also and mention.rank == 0 and bool(mention.location.region)


def _same_city(a: str, b: str) -> bool:
    """ "the city of Kharkiv" and "Kharkiv's Kyivskyi district" share their proper name."""
    names = {w.strip("'’s") for w in a.split() if w[:1].isupper()}
    return bool(names & {w.strip("'’s") for w in b.split() if w[:1].isupper()})


def _alike(groups: list[Group], m: Mention) -> list[Group]:
    """The strikes a dated mention of no named author may belong to: told the same way ("a rocket hit
    the town on Monday", in a story of air strikes, may be anyone's rocket), and not by the side it
    hit or the side that shot its weapons down."""
    country_of = load_gazetteer().country_named
    hit = _sides_hit(m)
    return [
        g
        for g in groups
        if (m.kind is None or not g.kinds or m.kind in g.kinds)
        and not _strikes_home(g, m, country_of)
        and g.actor not in hit
        and g.actor != m.defender
        and not _background(g)
    ]


def _background(group: Group) -> bool:
    """A strike told only as an earlier event ("in response to the Jan. 3 strike"): a mention that
    names no attacker tells the news, not the background."""
    return all(m.background for m in group.mentions)


def _likely_attacker(alike: list[Group], m: Mention, wait: bool = True) -> str | None:
    """The attacker most told among those strikes; for "two strikes hit the hospital" (no kind), the
    most told of the air strikes, or (with `wait`) None while none is known."""
    aerial = [g for g in alike if g.kinds and all(FAMILY[k] == "air" for k in g.kinds)]
    a_strike = m.kind is None and m.trigger.lemma_.lower().endswith("strike")
    told = aerial if a_strike and (aerial or wait) else alike
    if not told:
        return None
    return Counter(g.actor for g in told for _ in g.mentions).most_common(1)[0][0]


def _same_day(alike: list[Group], m: Mention) -> Group | None:
    return _nearest([g for g in alike if g.date == m.date] or [g for g in alike if _same_night(g, m)], m)


class _Consolidation:
    """The groups found so far, and the passes that add the mentions to them, surest first."""

    def __init__(self, fallback_actor: str | None) -> None:
        self.groups: list[Group] = []
        self.fallback_actor = fallback_actor
        self.country_of = load_gazetteer().country_named

    def start(self, mention: Mention, actor: str | None) -> None:
        group = Group(actor, mention.date, mention.campaign)
        group.add(mention)
        self.groups.append(group)

    def dated_with_actor(self, m: Mention) -> None:
        """The strikes are founded by dated mentions with an actor; one night's telling is one strike."""
        fits = [g for g in self.groups if g.by(m.actor) and g.fits_kind(m.kind) and same_place(g, m)]
        fits = [] if m.separate else fits
        same = [g for g in fits if g.date == m.date]
        night = [g for g in fits if _same_night(g, m)]
        if same or night:
            group = next((g for g in same or night if m.kind in g.kinds), (same or night)[0])
            group.add(m)
            group.date = min(group.date or "", m.date or "") or group.date  # the day the night began
        else:
            self.start(m, m.actor)

    def dated_without_actor(self, m: Mention) -> Mention | None:
        """A dated strike of no named author joins the dated strike of its day, or founds one of the
        attacker told that way; else it waits (returned) for the undated strikes to be placed."""
        alike = _alike([g for g in self.groups if g.date], m)
        group = _same_day(alike, m)
        attacker = None if group else _likely_attacker(alike, m)
        if group:
            group.add(m)
        elif attacker:
            self.start(m, attacker)
        else:
            return m
        return None

    def undated_with_actor(self, m: Mention) -> None:
        own = [g for g in self.groups if g.by(m.actor) and g.fits_kind(m.kind)]
        own = [g for g in own if same_place(g, m)] if _another_hit(m) else own
        own = [] if m.separate else own
        # news is no telling of its background: "its warplanes bombed a camp" after "the operation
        # follows a drone strike on Monday"
        own = own if m.background else [g for g in own if not _background(g)]
        alike = [g for g in own if g.campaign == m.campaign] or ([] if m.campaign else own)
        group = _nearest(alike, m)
        group.add(m) if group else self.start(m, m.actor)

    def waiting(self, m: Mention) -> None:
        alike = _alike(self.groups, m)
        # an undated strike told only later is no antecedent for "the bomb that hit on Monday"
        undated = [
            g
            for g in alike
            if not g.date and g.campaign == m.campaign and any(x.index <= m.index for x in g.mentions)
        ]
        group = _same_day(alike, m) or _nearest(undated, m)
        if group:
            group.add(m)
        elif alike:
            self.start(m, _likely_attacker(alike, m, wait=False))
        elif not self.groups and self.fallback_actor:  # a story of one attacker, named only in its title
            self.start(m, self.fallback_actor)

    def told_by_its_force(self, m: Mention) -> None:
        """A strike no group took, told by an armed force naming no other attacker, is the force's own;
        such tellings of one force and day are one strike."""
        own = [g for g in self.groups if g.actor == m.teller and g.date == m.date and g.fits_kind(m.kind)]
        own[0].add(m) if own else self.start(m, m.teller)

    def undated_without_actor(self, m: Mention) -> None:
        """ "wounded in the strike": only ever joins a strike."""
        fitting = [
            g
            for g in self.groups
            if g.fits_kind(m.kind) and not _strikes_home(g, m, self.country_of) and not _background(g)
        ]
        if _generic(m):  # strikes in general are not the one dated strike told here
            fitting = [g for g in fitting if g.campaign or not g.date or _shares_place(g, m)]
        group = _nearest([g for g in fitting if g.campaign == m.campaign] or fitting, m)
        if group:
            group.add(m)


def consolidate(mentions: list[Mention], fallback_actor: str | None = None) -> list[Group]:
    """The strikes the mentions tell, each mention in the group of its strike (see the module's doc)."""
    passes = _Consolidation(fallback_actor)
    for m in (m for m in mentions if m.actor and m.date):
        passes.dated_with_actor(m)
    # Dated strikes of no named author go first to the dated strikes (or found their own), so that
    # "the strike on Wednesday" is not left for an undated mention to swallow into another day's strike.
    pending = [m for m in mentions if not m.actor and m.date if passes.dated_without_actor(m) is not None]
    for m in (m for m in mentions if m.actor and not m.date):
        passes.undated_with_actor(m)
    for m in pending:
        passes.waiting(m)
    for m in (m for m in mentions if not m.actor and not m.date):
        passes.undated_without_actor(m)
    placed = {id(m) for g in passes.groups for m in g.mentions}
    told = [m for m in mentions if id(m) not in placed and m.teller]
    before = len(passes.groups)
    for m in told:
        passes.told_by_its_force(m)
    if len(passes.groups) > before:  # the tellings no group took may belong to the strikes founded here
        placed |= {id(m) for m in told}
        for m in (m for m in pending if id(m) not in placed):
            passes.waiting(m)
        for m in (m for m in mentions if not m.actor and not m.date and id(m) not in placed):
            passes.undated_without_actor(m)
    return passes.groups
