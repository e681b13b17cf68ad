"""Whether a sentence asserts the strike it mentions: not denied, conditional, asked about, intended,
only possible, a test, or a weapon that was itself the target.

`is_asserted` reads a table of small named rules; each answers True or False to decide, or None to
pass the mention on. A mention no rule decides is asserted.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from services.extractor.lexicon.strikes import (
    CANCEL_VERBS,
    DEFENCE_VERBS,
    INTENT_VERBS,
    MODALS,
    PROJECTILES,
    REPORTING_VERBS,
    TARGET_VERBS,
    UNREAL_MODIFIERS,
)
from services.extractor.strikes.syntax import clause_verb

Rule = Callable[[Token], bool | None]


def asked(token: Token) -> bool | None:
    """ "Did jets strike the town?"."""
    return False if token.sent.text.rstrip().endswith("?") else None


def is_test(token: Token) -> bool:
    """A weapons test or a drill ("fired a missile into the sea", "air strike drills") hits no one."""
    scope = list(clause_verb(token).subtree)
    if any(t.lemma_.lower() in ("test", "drill", "exercise") for t in scope):
        return True
    return any(t.lower_ == "sea" and t.head.lower_ == "into" for t in scope)


def struck_weapon(token: Token) -> bool:
    """ "Jets struck two missiles and a drone on their launchers": weapons that were the targets."""
    if token.lemma_.lower() not in PROJECTILES:
        return False
    noun = token
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    # not one destroyed as air defences destroy drones: that one was shot down, and was sent
    return bool(noun.dep_ == "dobj" and noun.head.lemma_ in TARGET_VERBS - DEFENCE_VERBS)


def what_it_is_for(token: Token) -> bool:
    """ "Sites used to launch drones", "were using the airport to launch drones": what a place is for,
    not a strike told (but "used drones to hit a camp" is one)."""
    verb = clause_verb(token)
    used = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("relcl", "acl") and infinitive and token.lemma_.lower() in PROJECTILES:
        return True  # "the facility to launch drones at X", "a base from which to fire rockets"
    purpose = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive)
    if not purpose or used.lemma_ != "use":
        return False
    if used.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in used.children
    ):
        return True
    place = [c for c in used.children if c.dep_ == "dobj"]
    return token.lemma_.lower() in PROJECTILES and bool(place) and place[0].lemma_.lower() not in PROJECTILES


def not_a_strike_told(token: Token) -> bool | None:
    return False if is_test(token) or struck_weapon(token) or what_it_is_for(token) else None


def none_of_them(token: Token) -> bool | None:
    """ "no airstrikes", "denied carrying out any airstrikes"."""
    return False if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in token.children) else None


def conditional(token: Token) -> bool | None:
    """ "if jets strike", "whether the strike happened"."""
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in ancestor.children):
            return False
    return None


def unreal(token: Token) -> bool | None:
    """ "planned strikes", "a possible strike"."""
    return False if any(c.lower_ in UNREAL_MODIFIERS for c in token.children if c.i < token.i) else None


def happened_before(token: Token) -> bool | None:
    """ "pledged to review its rules after an air raid killed eight": the raid happened."""
    return True if token.dep_ == "pobj" and token.head.lower_ in ("after", "since", "following") else None


def intended(token: Token) -> bool | None:
    """ "threatened strikes", "plans to strike", "called off the strike", "prevented an attack"."""
    verb = clause_verb(token)
    if verb.lemma_ in INTENT_VERBS or token.head.lemma_ in INTENT_VERBS:
        return False
    called_off = verb.lemma_ == "call" and any(c.lower_ == "off" for c in verb.children)
    if verb.lemma_ in CANCEL_VERBS or called_off:
        return False
    return False if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_VERBS else None


def denied(token: Token) -> bool | None:
    """The accused denies it; the accusers' mentions still report the strike."""
    verb = clause_verb(token)
    if verb.lemma_ == "deny" or (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ == "deny"):
        return False
    return None


def modal(token: Token) -> bool | None:
    """ "would strike", or a deed a modal verb above only promises."""
    verb = clause_verb(token)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or under_modal(verb):
        return False
    return None


def under_modal(verb: Token) -> bool:
    """ "will do what is necessary, including striking hideouts": a deed a modal verb only promises.
    Not a strike that is the modal verb's subject ("the strikes will not break us")."""
    child = verb
    for above in verb.ancestors:
        if above.lemma_ in REPORTING_VERBS or child.dep_ in _CLAUSE_EDGES:
            return False
        if above.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in above.children
        ):
            return True
        child = above
    return False


_CLAUSE_EDGES = ("nsubj", "nsubjpass", "ccomp", "conj", "relcl", "advcl", "parataxis")


def negated(token: Token) -> bool | None:
    """ "did not bomb", "don't believe they struck"; but "strikes did not hit X" still reports strikes."""
    verb = clause_verb(token)
    subject_of_verb = token != verb and token.dep_ in ("nsubj", "nsubjpass")
    if any(c.dep_ == "neg" for c in verb.children) and not subject_of_verb:
        return False
    if verb.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "neg" for c in verb.head.children):
        return bool(verb.head.lemma_ not in ("believe", "think", "know"))
    return None


RULES: tuple[Rule, ...] = (
    asked,
    not_a_strike_told,
    none_of_them,
    conditional,
    unreal,
    happened_before,
    intended,
    denied,
    modal,
    negated,
)


def is_asserted(token: Token) -> bool:
    """False for a strike that is denied, conditional, asked about, intended or only possible."""
    return next((v for v in (rule(token) for rule in RULES) if v is not None), True)
