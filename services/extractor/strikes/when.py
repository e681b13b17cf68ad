"""When a strike fell: the date expression that attaches to its trigger, read as a small set of rules.

`mention_date` gathers the sentence's date expressions, drops those a rule says are not the strike's
(a report's day, an earlier event's day, a day hung on other words), and takes the nearest of the
rest; failing that, a day counted from another ("a day after"), the month a campaign began, or the
day of a deed told with it by the same subject.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from services.extractor.lexicon.strikes import REPORTING_VERBS, STRIKE_NOUNS
from services.extractor.lexicon.time import DAY_WORDS, RELATIVE_DAYS, SEQUENCE_VERBS
from services.extractor.strikes.actors import phrase_head
from services.extractor.strikes.scope import attachment, clause, temporal_mark
from services.extractor.strikes.syntax import clause_verb, subject_of
from services.extractor.text.datelines import dateline_end
from services.extractor.text.dates import resolve_date
from services.extractor.text.numbers import number_value

# (not attached to the strike, not on the trigger's own words, distance from the trigger, date)
Candidate = tuple[bool, bool, int, str]


@dataclass(frozen=True)
class Telling:
    """One trigger's sentence as the date rules read it."""

    token: Token
    published_at: date | None
    anchor: date | None  # the last day a strike was told on: "a day earlier" counts from it
    attached: set[int]  # words whose modifiers describe the strike
    own_clause: set[int]
    same_day: list[Span]  # "hours later": the day being told


@dataclass(frozen=True)
class Placed:
    """A date expression and where it stands."""

    entity: Span
    head: Token  # the word it modifies
    opening: bool  # it opens the sentence: "Then this morning, ..."
    vague: bool  # a month, or a night, that opens the sentence: a deed's time rather than a report's


# Date expressions


def tagged_dates(sent: Span) -> list[Span]:
    return [e for e in sent.ents if e.label_ in ("DATE", "TIME")]


def day_words(sent: Span) -> list[Span]:
    """The tagger does not always see these as dates ("hit the city overnight")."""
    return [sent.doc[t.i : t.i + 1] for t in sent if t.lower_ in DAY_WORDS and not t.ent_type_]


def relative_days(sent: Span) -> list[Span]:
    """Nor "The following day", "the previous day"."""
    return [
        sent.doc[t.left_edge.i : t.i + 1]
        for t in sent
        if t.lower_ == "day" and not t.ent_type_ and any(c.lower_ in RELATIVE_DAYS for c in t.children)
    ]


def hours_later(sent: Span) -> list[Span]:
    """Nor "Hours later", which the story's own day dates, whoever tells it."""
    return [
        sent.doc[t.i - 1 : t.i + 1]
        for t in sent
        if t.lower_ in ("later", "earlier") and t.i > sent.start and t.nbor(-1).lower_ in ("hours", "minutes")
    ]


def date_head(entity: Span) -> Token:
    """The word a date expression modifies: "on Thursday" modifies the verb above "on"."""
    head = entity.root.head
    while head.head != head and (head.dep_ == "prep" or head.ent_type_ in ("DATE", "TIME")):
        head = head.head
    return head


def _place(entity: Span, telling: Telling) -> Placed:
    token = telling.token
    lead = token.doc[token.sent.start : entity.start]
    opening = all(t.is_punct or t.pos_ in ("ADV", "CCONJ") for t in lead)
    # "On Monday, the ministry said ..." dates the saying; "Last week, the army said a strike had
    # killed ..." dates what was said: a report is told within the day, not over a week.
    month = (resolve_date(entity.text, telling.published_at, telling.anchor) or "").count("-") == 1
    # nor "On Saturday night, X said its fighters had fired ...": a night is a deed's time
    fronted = all(t.is_punct or t.pos_ in ("ADV", "CCONJ", "ADP") for t in lead)  # "On Saturday night,"
    nightly = fronted and any(
        t.lower_ in ("night", "overnight") for t in token.doc[entity.start : entity.end + 1]
    )
    return Placed(entity, date_head(entity), opening or nightly, (opening and month) or nightly)


# Rules that say a date expression is not the strike's


def reports_day(placed: Placed, telling: Telling) -> bool:
    """ "the ministry said on Monday": the day of the report, not of the strike."""
    head = placed.head
    return bool(
        head.lemma_ in REPORTING_VERBS
        and head.i not in telling.attached
        and placed.entity not in telling.same_day
        and not placed.vague
    )


def earlier_event_day(placed: Placed, telling: Telling) -> bool:
    """ "the bombing followed an attack two days earlier": the attack's day, not the bombing's."""
    subject = phrase_head(telling.token)
    return bool(
        placed.head.lemma_ in SEQUENCE_VERBS and subject.head == placed.head and subject.dep_ == "nsubj"
    )


def elsewhere(placed: Placed, telling: Telling) -> bool:
    """A day hung on words that do not tell the strike, nor opening the sentence. The parser may hang
    the day on the place ("dropped bombs on the village late on Wednesday"), but not "in revenge for
    last week's massacre", another event's day."""
    head = placed.head
    in_clause = (
        head.i in telling.own_clause
        and head.pos_ in ("NOUN", "PROPN", "ADV")
        and placed.entity.root.dep_ in ("pobj", "npadvmod", "advmod")
    )
    return head.i not in telling.attached and not placed.opening and not in_clause


NOT_THE_STRIKES: tuple[Callable[[Placed, Telling], bool], ...] = (reports_day, earlier_event_day, elsewhere)


def _candidate(placed: Placed, telling: Telling) -> Candidate | None:
    entity, sent = placed.entity, telling.token.sent
    # The preposition says how to read a bare month: "since April", "last April".
    before = entity.doc[entity.start - 1] if entity.start > sent.start else None
    text = (
        f"{before.text} {entity.text}"
        if before is not None and before.pos_ in ("ADP", "SCONJ")
        else entity.text
    )
    resolved = resolve_date(text, telling.published_at, telling.anchor)
    if not resolved:
        return None
    # A day on the trigger's own words beats one on the verb it hangs from: in "pounded X on
    # Thursday night and struck Y early on Friday", Friday is the striking's.
    own = placed.head.i in {t.i for t in telling.token.subtree}
    return placed.head.i not in telling.attached, not own, abs(entity.start - telling.token.i), resolved


def _telling(token: Token, published_at: date | None, anchor: date | None, same_day: list[Span]) -> Telling:
    attached = attachment(token)
    # "used drones to hit a camp on Wednesday": the day of the deed the weapon was used for
    attached |= {c.i for i in list(attached) for c in token.doc[i].children if c.dep_ == "xcomp"}
    return Telling(token, published_at, anchor, attached, clause(token), same_day)


def attached_date(token: Token, published_at: date | None, anchor: date | None) -> str | None:
    """The date expression of the sentence that is the strike's, the nearest if several are."""
    sent = token.sent
    same_day = hours_later(sent)
    expressions = tagged_dates(sent) + day_words(sent) + relative_days(sent)
    expressions += same_day if anchor and same_day else []
    dateline = dateline_end(sent)
    telling = _telling(token, published_at, anchor, same_day)
    candidates = []
    for entity in (e for e in expressions if e.start_char >= dateline):
        placed = _place(entity, telling)
        if not any(rule(placed, telling) for rule in NOT_THE_STRIKES):
            candidates.append(_candidate(placed, telling))
    found = [c for c in candidates if c is not None]
    return min(found)[3] if found else None


def mention_date(
    token: Token, published_at: date | None, anchor: date | None = None, shared: bool = True
) -> str | None:
    """The date attached to the strike; failing that, one that opens the sentence and is not a report's,
    or one of a deed told with it by the same subject ("launched strikes on X and used drones to hit Y
    early on Wednesday")."""
    attached = attached_date(token, published_at, anchor)
    if attached:
        return attached
    verb = token if token.pos_ == "VERB" else clause_verb(token)
    shifted = shifted_date(verb, published_at, anchor) or since_clause_date(verb, published_at)
    if shifted or not shared:
        return shifted
    for deed in same_subject_deeds(verb):
        told = mention_date(deed, published_at, anchor, shared=False)
        if told:
            return told
    return None


def _gap(verb: Token) -> Token | None:
    """ "a day after", "two days before", "hours after": the measure of the gap, if one is told."""
    marks = [c for c in verb.children if c.dep_ == "mark"]
    measures = [c for t in [verb, *marks] for c in t.children if c.dep_ == "npadvmod"]
    # "the barrage came a day after drones hit X": the parser may hang the gap on the main verb
    measures += [c for c in verb.head.children if c.dep_ == "npadvmod" and c.i < verb.i]
    return next((c for c in measures if c.lemma_ in ("day", "hour")), None)


def _main_verb(verb: Token) -> Token:
    main_verb = verb.head
    if main_verb.lemma_ in REPORTING_VERBS:  # "X struck overnight, officials said, two days after Y"
        told = [c for c in main_verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        main_verb = told[0] if told else main_verb
    return main_verb


def shifted_date(verb: Token, published_at: date | None, anchor: date | None) -> str | None:
    """ "X on Saturday, a day after Y": Y's day is Saturday less one; "hours after Y", Saturday."""
    if temporal_mark(verb) is None and verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS:
        verb = verb.head  # "X came two days after the army said it had downed a drone"
    mark = temporal_mark(verb)
    measure = _gap(verb) if mark in ("after", "before") else None
    if measure is None:
        return None
    main_verb = _main_verb(verb)
    main = mention_date(main_verb, published_at, anchor)
    teller = subject_of(main_verb)
    if main is None and anchor is not None and teller is not None and teller.lemma_ in STRIKE_NOUNS:
        main = anchor.isoformat()  # "The raids came two days after ...": the raids are the day told
    if not main or len(main) != 10:
        return None
    if measure.lemma_ == "hour":
        # "early on Sunday, hours after X": X may well have been the night before
        small_hours = any(t.lower_ in ("early", "overnight", "dawn") for t in main_verb.subtree)
        return None if small_hours else main
    count = next((c for c in measure.children if c.dep_ in ("det", "nummod")), None)
    days = 1 if count is None or count.lower_ in ("a", "one") else number_value(count.text)
    if not days:
        return None
    sign = -1 if mark == "after" else 1
    return (date.fromisoformat(main) + timedelta(days=sign * days)).isoformat()


def since_clause_date(verb: Token, published_at: date | None) -> str | None:
    """ "has been struck since the invasion began in February 2022": the month the strikes began."""
    for clause_ in (c for c in verb.children if c.dep_ == "advcl" and temporal_mark(c) == "since"):
        inside = {t.i for t in clause_.subtree}
        for entity in (e for e in verb.doc.ents if e.label_ == "DATE" and e.root.i in inside):
            resolved = resolve_date(f"since {entity.text}", published_at)
            if resolved:
                return resolved
    return None


def same_subject_deeds(verb: Token) -> list[Token]:
    """Verbs joined to this one by "and" that share its subject: "India launched X and used Y"."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        joined.append(verb.head)
    if verb.dep_ == "advcl" and any(c.lower_ == "while" for c in verb.children if c.dep_ == "mark"):
        return [verb.head]  # "Since April, jets have bombed X, while helicopters have dropped ...": one time
    return [
        v for v in joined if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) or v == verb.head
    ]
