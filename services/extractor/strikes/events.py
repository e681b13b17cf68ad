"""From groups of mentions to strike events: the document-level passes that run after consolidation.

When two mentions are one event (the rule, after ACLED's same actor, same day, same location):
- the same actor, or one of them names none;
- the same day, or one of them gives none (a night's telling across midnight is one day);
- the same place, or one place within the other ("Kharkiv" and "Kharkiv's Kyivskyi district"), or
  one of them names none;
- kinds of one family (air, ground), or one of them names none;
- and neither is told as background to the other (a strike told "in response to" another, or in the
  past perfect, is an earlier event).
Two places the text reports as separately hit on one day are two events, and so is a strike told as
a further one ("a separate drone strike", "another raid"); `consolidation` builds the
groups mention by mention under this rule, and `merge_undated` joins what its order of passes left
apart: an undated telling of an actor's strike founded before that actor's dated strike was read.

Each event then gets its date and precision: a day or month the text attaches to one of its
mentions; else, for a fresh single strike, the day its report was made ("officials said Wednesday"),
the launch day of its attacker's operation told before it ("launched an offensive on Tuesday"), or,
failing that, the publication day; a campaign or a background strike the text does not date
stays undated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan

from schemas.records import DatePrecision
from services.extractor.strikes.consolidation import Group, same_place
from services.extractor.strikes.mentions import Mention


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: DatePrecision | None
    evidence: tuple[SpacySpan, str] | None  # the sentence and the rule that gave the date


def _fresh(group: Group) -> bool:
    return not group.campaign and any(not m.background for m in group.mentions)


def _compatible(undated: Group, dated: Group) -> bool:
    return (
        undated.actor == dated.actor
        and not dated.campaign
        and all(dated.fits_kind(k) for k in undated.kinds)
        and all(same_place(dated, m) for m in undated.mentions)
    )


def merge_undated(groups: list[Group]) -> list[Group]:
    """An undated single strike joins the one dated strike of its actor it fits, if there is just one."""
    kept: list[Group] = []
    for group in groups:
        if group.date or not _fresh(group) or any(m.separate for m in group.mentions):
            kept.append(group)
            continue
        fits = [g for g in groups if g.date and _fresh(g) and _compatible(group, g)]
        if len(fits) == 1:
            fits[0].mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _dated_by(group: Group) -> Mention | None:
    return next((m for m in sorted(group.mentions, key=lambda m: m.index) if m.date == group.date), None)


def event_date(
    group: Group, published_at: date | None, launches: dict[str, tuple[str, SpacySpan]] | None = None
) -> EventDate:
    """The event's date, its precision, and where it was read (see the module's doc). `launches` are the
    launch days of the attackers' operations the article tells (`operations.operation_launches`)."""
    if group.date:
        told = _dated_by(group)
        precision: DatePrecision = "day" if len(group.date) == 10 else "month"
        if told is not None and told.week:
            precision = "week"
        evidence = (told.sentence, "date in sentence") if told is not None else None
        return EventDate(group.date, precision, evidence)
    if not _fresh(group):
        return EventDate(None, None, None)
    fresh = sorted((m for m in group.mentions if not m.background), key=lambda m: m.index)
    reported = next((m for m in fresh if m.report_day), None)
    if reported is not None and reported.report_day:
        return EventDate(reported.report_day, "day", (reported.sentence, "report day"))
    launch = (launches or {}).get(group.actor or "")
    if launch is not None and launch[1].start <= fresh[0].sentence.start:
        return EventDate(launch[0], "day", (launch[1], "launch day"))
    if published_at is None:
        return EventDate(None, None, None)
    return EventDate(published_at.isoformat(), "day", (fresh[0].sentence, "publication day"))
