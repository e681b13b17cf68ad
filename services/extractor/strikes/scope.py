"""Which words around a trigger tell of its strike: the clause that tells it, the words whose modifiers
describe it, and the clauses that tell of someone else's deed."""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.lexicon.casualties import HARM_VERBS
from services.extractor.lexicon.strikes import REPORTING_VERBS
from services.extractor.lexicon.time import TEMPORAL_MARKS
from services.extractor.strikes.actors import relative_clauses
from services.extractor.strikes.syntax import free_relative_object, through_quantity
from services.extractor.strikes.triggers import trigger_kind


def answered(token: Token) -> bool:
    """Whether a strike is what another answered: "in retaliation for", "in response to" a strike."""
    prep = through_quantity(token).head
    return bool(
        prep.lower_ in ("for", "to") and prep.head.lemma_ in ("retaliation", "response", "revenge", "reply")
    )


def temporal_mark(verb: Token) -> str | None:
    """ "after", "before" or "since" opening a clause whose verb this is."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("advcl", "conj"):
        return None
    return next((c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS), None)


def attachment(token: Token) -> set[int]:
    """Token indices whose modifiers describe the strike itself, not the report of it."""
    indices = {t.i for t in token.subtree}
    # "fired missiles on Saturday, a day after jets bombed ...": not Saturday's; but "five were
    # killed on Monday after jets bombed their home" tells the strike's own harm and day.
    if temporal_mark(token) and token.head.lemma_ not in HARM_VERBS | {"die"}:
        return indices
    if answered(token):
        # "struck on Friday in retaliation for a drone attack": the attack came before; but "a response
        # to a strike last week" may hang its day on the response
        response = through_quantity(token).head.head
        return indices | {response.i}
    for ancestor in token.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            break
        indices.add(ancestor.i)
        if ancestor.pos_ in ("VERB", "AUX"):
            indices |= _verb_attachment(ancestor)
            break
    return indices


def _verb_attachment(verb: Token) -> set[int]:
    """What the strike's verb adds: the thing a "what" clause names, and the harm or time it hangs on."""
    indices: set[int] = set()
    # "drones struck what appeared to be a camp on Sunday": the date is the strike's.
    relative = free_relative_object(verb)
    while relative is not None and relative.head != verb:
        relative = relative.head
    indices |= {t.i for t in relative.subtree} if relative is not None else set()
    # "killed two, hours after X fired ...": a measured gap is another time ("died after" is not)
    marks = [c for c in verb.children if c.dep_ == "mark"]
    sequenced = temporal_mark(verb) is not None and any(
        c.dep_ == "npadvmod" and c.lemma_ in ("hour", "day") for m in [verb, *marks] for c in m.children
    )
    if verb.dep_ == "advcl" and verb.head.lemma_ in HARM_VERBS | {"die"} and not sequenced:
        indices.add(verb.head.i)  # "six died on Monday when drones hit their house"
    elif verb.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in verb.children):
        # "the attack came on Tuesday, when missiles hit ...": the time the clause hangs on
        for above in verb.ancestors:
            if above.lemma_ in REPORTING_VERBS:
                break
            indices.add(above.i)
            if above.pos_ in ("VERB", "AUX"):
                break
    return indices


def other_actors_clauses(verb: Token) -> set[int]:
    """Token indices of clauses under a verb that tell what someone else did: in "struck the sites
    after the rebels fired at a ship in the gulf", the ship and the gulf are not the strike's."""
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.left_edge.lower_ == "what":
            continue  # "struck what officials said were depots": the object, in a clause of its own
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.tag_ not in ("WDT", "WP") for s in subjects):
            found |= {t.i for t in child.subtree}
    return found


def clause(token: Token) -> set[int]:
    """Token indices of the clause that tells the strike: where its place and targets are named."""
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ == "VERB"), token)
    if verb.lemma_ in REPORTING_VERBS:
        return {t.i for t in token.subtree}
    own = {t.i for t in token.subtree} if token != verb else set()
    # "pounded the capital and struck a market in Saada": the second strike's place is its own
    others = {t.i for c in verb.children if c.dep_ == "conj" and trigger_kind(c)[0] for t in c.subtree}
    told = {t.i for t in verb.subtree} - other_actors_clauses(verb) - subject_described(verb) - others
    return told - others_relative_clauses(verb, token) | own


def others_relative_clauses(verb: Token, trigger: Token) -> set[int]:
    """Token indices of relative clauses with a subject of their own, which tell another's deed: in
    "struck facilities that make the missiles Iran fired at Israel", Israel is no place of the strike."""
    found: set[int] = set()
    for clause_ in (t for t in verb.subtree if t.dep_ == "relcl" and trigger not in t.subtree):
        subjects = [
            c for c in clause_.children if c.dep_ == "nsubj"
        ]  # a doer; "from which it was fired" places
        if any(s.tag_ not in ("WDT", "WP") and s.lower_ != "that" for s in subjects):
            found |= {t.i for t in clause_.subtree}
    return found


def subject_described(verb: Token) -> set[int]:
    """Token indices of what the subject is said to be: "the Houthis, who say they act for Gaza, fired
    ..." names no place of the strike."""
    return {i for s in verb.children if s.dep_ == "nsubj" for i in relative_clauses(s)}
