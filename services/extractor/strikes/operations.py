"""The day an operation was launched: "Nigeria launched an operation against the rebels on Tuesday" dates
the strikes the article then tells of that attacker and does not date itself, as its first day."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from services.extractor.lexicon.strikes import LAUNCH_VERBS, OPERATION_NOUNS
from services.extractor.strikes.actors import ActorResolver
from services.extractor.strikes.syntax import objects_of, subject_of
from services.extractor.strikes.when import date_head
from services.extractor.text.dates import resolve_date


def _launch_day(sent: SpacySpan, published_at: date | None) -> tuple[str, Token] | None:
    """(the day, the launching verb) of an operation launched in this sentence on a day it names."""
    for entity in (e for e in sent.ents if e.label_ == "DATE"):
        verb = date_head(entity)
        if verb.lemma_ not in LAUNCH_VERBS:
            continue
        launched = [verb, *objects_of(verb), *(s for s in [subject_of(verb)] if s is not None)]
        if not any(t.lemma_ in OPERATION_NOUNS for t in launched):
            continue
        day = resolve_date(entity.text, published_at)
        if day and len(day) == 10:
            return day, verb
    return None


def operation_launches(
    doc: Doc, published_at: date | None, resolver: ActorResolver
) -> dict[str, tuple[str, SpacySpan]]:
    """Each attacker's operation launch day the article tells, with its sentence; the first told wins."""
    found: dict[str, tuple[str, SpacySpan]] = {}
    for sent in doc.sents:
        launch = _launch_day(sent, published_at)
        if launch is None:
            continue
        day, verb = launch
        subject = subject_of(verb)
        owner = resolver.actor_in(list(subject.subtree)) if subject is not None else None
        if owner is not None:
            found.setdefault(owner, (day, sent))
    return found
