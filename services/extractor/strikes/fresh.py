"""Whether a mention tells a fresh strike (news of the report's own days) or a background one, and the
day a fresh strike's report was made.

News tells its own event in the simple past or the present perfect ("Turkish artillery strikes
killed eight", "missiles have been launched") and dates the telling rather than the deed ("officials
said Wednesday", "officials confirmed Tuesday night"). A strike told in the past perfect ("had
struck"), as what another answered ("in response to the Jan. 3 strike"), before another event's day
("closed the crossing on Thursday after jets bombed it") or in a year of its own ("in 2020") is
background: it takes no report day.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from services.extractor.lexicon.strikes import REPORTING_VERBS
from services.extractor.lexicon.time import SEQUENCE_VERBS
from services.extractor.strikes.scope import answered, temporal_mark
from services.extractor.strikes.syntax import clause_verb, through_quantity
from services.extractor.strikes.when import date_head
from services.extractor.text.dates import resolve_date

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _verb(token: Token) -> Token:
    return token if token.pos_ in ("VERB", "AUX") else clause_verb(token)


def past_perfect(token: Token) -> bool:
    """ "had struck", "had been shelled": told as before the story's time. Not in reported speech, where
    "the army said its jets had bombed a camp" is the army's "our jets bombed" shifted back a tense."""
    verb = _verb(token)
    if verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def followed(token: Token) -> bool:
    """ "The operation follows a drone strike on Monday": a strike another event came after."""
    governor = through_quantity(token)
    return governor.dep_ == "dobj" and governor.head.lemma_ in SEQUENCE_VERBS


def in_own_year(token: Token, published_at: date | None) -> bool:
    """ "killed in a US drone strike in 2020": a year that is not the report's places the strike."""
    verb = _verb(token)
    scope = [*token.subtree, *verb.subtree]
    years = {int(t.text) for t in scope if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text)}
    return bool(years) and (published_at is None or published_at.year not in years)


def before_a_dated_event(token: Token) -> bool:
    """ "Egypt closed the crossing on Thursday after jets bombed the tunnels": the strike came before a
    day the sentence gives another event. (An undated "the Pentagon engaged Russia after it struck
    rebels" tells the news in its clause.)"""
    verb = _verb(token)
    if temporal_mark(verb) not in ("after", "since"):
        return False
    main, own = verb.head, {t.i for t in verb.subtree}
    return any(
        e.label_ == "DATE" and e.root.i in {t.i for t in main.subtree} and e.root.i not in own
        for e in token.sent.ents
    )


def is_background(token: Token, published_at: date | None) -> bool:
    """A strike told as earlier than the news: past perfect, answered, before a dated event, or in a
    year of its own."""
    return (
        past_perfect(token)
        or answered(token)
        or followed(token)
        or before_a_dated_event(token)
        or in_own_year(token, published_at)
    )


def report_day(token: Token, published_at: date | None) -> str | None:
    """The day of the report that tells a fresh strike: "missiles have been launched, officials
    confirmed Tuesday night" -> Tuesday. Only a day the report's own verb carries counts."""
    sent = token.sent
    for entity in (e for e in sent.ents if e.label_ in ("DATE", "TIME")):
        head = date_head(entity)
        if head.lemma_ not in REPORTING_VERBS:
            continue
        # The report must tell this strike: the strike's clause hangs from the reporting verb, or the
        # reporting verb is an aside of the strike's clause ("..., officials said Wednesday").
        verb = _verb(token)
        tells = head in verb.ancestors or verb in head.ancestors or head.head == verb
        resolved = resolve_date(entity.text, published_at) if tells else None
        if resolved and len(resolved) == 10:
            return resolved
    return None
