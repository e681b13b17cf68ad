"""The attacker an armed force's own report names by telling it: a force that reports a strike and names
no other attacker reports its own.

- "Strikes were also carried out against IS in Syria, the force said": the force, unless the strikes
  fell on its own country (an army tells of the strikes it suffers too);
- "Mali's armed forces confirmed the strikes", "the army acknowledged the raid": an admission owns the
  strike wherever it fell.

Never for a strike told as background ("in retaliation for the attack", "the bombing had killed three
of its fighters"): that is the other side's deed, or the teller's loss.
"""

from __future__ import annotations

from spacy.tokens import Token

from schemas.records import Location
from services.extractor.lexicon.forces import ADMISSION_VERBS, ARMED_TELLERS
from services.extractor.lexicon.strikes import REPORTING_VERBS
from services.extractor.strikes.actors import ActorResolver, without_clauses
from services.extractor.strikes.syntax import clause_verb, forms, subject_of, through_quantity


def _reporting_verb(token: Token) -> Token | None:
    """The verb of saying the strike's clause hangs from, above it or beside it ("..., the force said")."""
    verb = token if token.pos_ == "VERB" else clause_verb(token)
    for candidate in [verb, *verb.ancestors]:
        if candidate.lemma_ in REPORTING_VERBS:
            return candidate
        aside = [c for c in candidate.children if c.dep_ == "parataxis" and c.lemma_ in REPORTING_VERBS]
        if aside:
            return aside[0]
    return None


def _armed(subject: Token, resolver: ActorResolver) -> str | None:
    """The state or known force a subject names, if it is an armed force: "Mali's armed forces". Only
    a name the subject holds counts: "the force" may point at any side told before."""
    if not forms([subject]) & ARMED_TELLERS:
        return None
    words = without_clauses(subject)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    named = [m.alias for m in resolver.matches if start <= m.start and m.end <= end]
    known = [a.canonical for a in named if a.country or resolver.gazetteer.alias(a.text) is a]
    actor = resolver.actor_in(words)
    return actor if actor in known else None


def teller_actor(token: Token, resolver: ActorResolver, location: Location) -> str | None:
    """The armed force whose own report tells this strike, or None (see the module's doc)."""
    governor = through_quantity(token)
    if governor.dep_ == "dobj" and governor.head.lemma_ in ADMISSION_VERBS:
        subject = subject_of(governor.head)
        return _armed(subject, resolver) if subject is not None else None
    verb = _reporting_verb(token)
    subject = subject_of(verb) if verb is not None else None
    actor = _armed(subject, resolver) if subject is not None else None
    home = resolver.gazetteer.country_named(actor or "")
    return None if actor is None or (home is not None and location.country == home) else actor
