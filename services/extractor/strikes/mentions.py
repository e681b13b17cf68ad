"""Strike mentions: the words that report a strike, of what kind, and whether the sentence asserts it.

A mention is one trigger ("airstrike", "shelled", "the missile struck") in one sentence. Hypothetical,
negated and intended strikes ("would broaden their strikes", "did not bomb") are not mentions.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from schemas.records import Casualties, Location, StrikeKind
from services.extractor.strikes.actors import FORCE_NOUNS

# Words before a trigger that say what kind of strike it was, strongest first.
KIND_WORDS: list[tuple[StrikeKind, set[str]]] = [
    ("chemical", set("chemical gas sarin chlorine nerve toxic".split())),
    ("barrel bomb", {"barrel"}),
    ("drone strike", set("drone drones uav uavs".split())),
    ("missile", set("missile missiles rocket rockets ballistic cruise hypersonic".split())),
    ("artillery", set("artillery mortar mortars tank howitzer shelling shell shells".split())),
    (
        "airstrike",
        set(
            "air aerial airstrike airstrikes warplane warplanes jet jets aircraft plane planes bomber "
            "bombers helicopter helicopters bombing".split()
        ),
    ),
]
PROJECTILES: dict[str, StrikeKind] = {
    "missile": "missile", "rocket": "missile", "drone": "drone strike", "shell": "artillery",
    "mortar": "artillery", "bomb": "airstrike", "barrel": "barrel bomb",
}  # fmt: skip
PROJECTILE_VERBS = set(
    "launch fire intercept shoot down destroy drop hit strike land slam kill wound rain attack target "
    "send neutralise neutralize jam fall explode crash".split()
)
# Nouns that report a strike by themselves; others ("attack", "raid") need a kind word ("drone attack").
STRIKE_NOUNS = {"strike", "airstrike", "air-strike", "bombing", "bombardment", "shelling"}
QUALIFIED_NOUNS = {"attack", "raid", "hit", "barrage", "campaign", "assault", "fire"}
NOT_MILITARY = set(
    "hunger general labor labour worker workers union teacher suicide car truck roadside terror "
    "terrorist lucky".split()
)
FIGURATIVE_OBJECTS = set(
    "deal agreement tone note chord balance compromise bargain pose accord blow match nerve "
    "record wall snag jackpot road headlines".split()
)
CARRIERS = set(
    "aircraft jet jets warplane warplanes plane planes drone drones helicopter helicopters bomber "
    "bombers artillery tank tanks warship missile rocket missiles rockets".split()
)
# Carriers with a crew: what they strike is not a drone strike, though both are told as air strikes.
MANNED = set("jet jets warplane warplanes plane planes bomber bombers helicopter helicopters gunship".split())
MODALS = {"would", "could", "might", "may", "will", "should", "can", "'d", "'ll", "must"}
INTENT_VERBS = set(
    "threaten plan vow intend want seek prepare consider warn pledge promise refuse hope urge fear "
    "threat possibility risk".split()
)
UNREAL_MODIFIERS = set("planned possible potential proposed future hypothetical threatened".split())
CANCEL_VERBS = set("cancel abort avert prevent".split())
REPORTING_VERBS = set(
    "say tell call announce report claim confirm deny add state warn accuse condemn denounce "
    "describe note estimate allege insist quote ask reply stress point".split()
)


@dataclass
class Mention:
    trigger: Token
    sentence: Span
    index: int  # of the sentence in the document
    actor: str | None
    kind: StrikeKind | None
    campaign: bool
    date: str | None
    targets: list[str]
    location: Location
    rank: int  # how the location was found: 0 a named place, 1 a country as place, 2 a state named
    casualties: Casualties | None
    manned: bool = False  # told as the work of jets, warplanes or helicopters
    partners: frozenset[str] = frozenset()  # others named as striking with the actor ("the U.S. and Britain")
    defender: str | None = None  # who shot the weapon down, and so did not send it


def is_manned(token: Token) -> bool:
    """ "Israeli jets struck ...", "a warplane's strike": the trigger names a crewed carrier."""
    words = _words_before(token)
    subject = subject_of(token) if token.pos_ == "VERB" else None
    if subject is not None:
        words |= {t.lower_ for t in subject.subtree}
    return bool(words & MANNED)


def _words_before(token: Token) -> set[str]:
    """The trigger's left modifiers, and the word glued to it by a hyphen ("barrel-bombed")."""
    words = {t.lower_ for t in token.subtree if t.i < token.i}
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        words.add(doc[token.i - 2].lower_)
    return words


def kind_from_words(words: set[str]) -> StrikeKind | None:
    if "anti" in words:  # "anti-tank missiles" are missiles, not tank fire
        words = words - {"tank", "tanks"}
    return next((kind for kind, cues in KIND_WORDS if words & cues), None)


def subject_of(verb: Token) -> Token | None:
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    # A passive takes no direct object: "he's done strikes" parsed as passive is active.
    subjects = [
        c for c in verb.children if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and has_object)
    ]
    if subjects:  # the nearest: a dateline ("CITY (Agency) - ...") may be parsed as a second subject
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    # "intercepted and destroyed", "began dropping", "bombed the town, shelling its outskirts":
    # the subject of the verb these depend on.
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):  # "responded by firing missiles"
        return subject_of(verb.head.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a US aircraft fired on the cars"
    return None


def free_relative_object(verb: Token) -> Token | None:
    """The thing named in a "what" clause standing as the object: "struck what officials said were
    arms depots", "hit what appeared to be a camp", "bombed what it described as (or called) bases"."""
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "dobj") or clause.left_edge.lower_ != "what":
            continue
        for token in clause.subtree:
            if token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as"):
                return token
    return None


def objects_of(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ == "dobj"]
    if not found:
        relative = free_relative_object(verb) or _small_clause_object(verb)
        found = [relative] if relative is not None else []
    return found


def _small_clause_object(verb: Token) -> Token | None:
    """ "struck militants operating from a school": the parser makes the militants the subject of
    "operating", a clause under the verb, where they are the verb's object."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.tag_ not in ("VBG", "VBN") or clause.i < verb.i:
            continue
        if any(c.dep_ in ("mark", "aux", "auxpass") for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.i > verb.i:
            return subject
    return None


def through_quantity(token: Token) -> Token:
    """ "dozens of rockets": the quantity stands where the rockets do in the clause."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "NUM"):
        return token.head.head
    return token


def trigger_kind(token: Token) -> tuple[bool, StrikeKind | None]:
    """(is a trigger, its kind if the words say so)."""
    lemma, before = token.lemma_.lower(), _words_before(token)
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "compound" or before & NOT_MILITARY:
            return False, None
        if lemma.startswith("airstrike") or token.lower_.startswith("airstrike"):
            return True, "airstrike"
        if lemma in STRIKE_NOUNS:
            default: StrikeKind | None = {"shelling": "artillery", "strike": None}.get(lemma, "airstrike")
            return True, kind_from_words(before) or default
        if lemma in QUALIFIED_NOUNS:
            kind = kind_from_words(before)
            if kind is None and lemma == "fire" and token.head.lemma_ == "open":
                # "opened fire with mortars on their positions": the means says the kind
                withs = [c for h in (token, token.head) for c in h.children if c.lower_ == "with"]
                kind = kind_from_words({t.lower_ for c in withs for t in c.subtree})
            return kind is not None, kind
        if lemma in ("weapon", "agent") and token.head.lemma_ in ("use", "deploy", "drop", "fire"):
            kind = kind_from_words(before)  # "used chemical weapons against civilians"
            return kind == "chemical", kind
        governor = through_quantity(token)
        used = governor.head.lemma_ in PROJECTILE_VERBS and governor.dep_ in ("dobj", "nsubj", "nsubjpass")
        # "used armed drones to hit a camp": the weapon of a strike told by the verb after it
        # "targeted the airport with a ballistic missile": the weapon of the verb's strike
        used = used or (
            governor.dep_ == "pobj"
            and governor.head.lower_ == "with"
            and governor.head.head.lemma_ in ("target", "attack")
        )
        # "shells began landing on the compounds": the verb after says what the weapon did
        used = used or (
            governor.dep_ == "nsubj"
            and any(c.dep_ == "xcomp" and c.lemma_ in PROJECTILE_VERBS for c in governor.head.children)
        )
        used = used or (
            governor.dep_ == "dobj"
            and governor.head.lemma_ in ("use", "deploy", "employ")
            and any(c.dep_ == "xcomp" and c.lemma_ in PROJECTILE_VERBS for c in governor.head.children)
        )
        hit = any(c.dep_ == "acl" and c.lemma_ in PROJECTILE_VERBS for c in token.children)  # "a missile hit"
        if lemma in PROJECTILES and (used or hit):
            # "drones firing Hellfire missiles": what a drone fires is its drone strike
            verb = governor.head
            carrier = verb.head if verb.dep_ == "acl" else subject_of(verb) if verb.pos_ == "VERB" else None
            if carrier is not None and carrier.lemma_.lower() in ("drone", "uav") and lemma != "drone":
                return True, "drone strike"
            return True, kind_from_words(before) or PROJECTILES[lemma]
        return False, None
    if token.pos_ != "VERB":
        return False, None
    objects = objects_of(token)
    if any(o.lemma_.lower() in FIGURATIVE_OBJECTS for o in objects):
        return False, None
    subject = subject_of(token)
    carrier = {t.lower_ for t in subject.subtree} & CARRIERS if subject is not None else set()
    if lemma in ("bomb", "barrel-bomb"):
        if "barrel" in before or "barrel" in lemma:
            return bool(objects), "barrel bomb"
        return bool(objects), kind_from_words(carrier) or "airstrike"
    if lemma == "shell":
        # "artillery shelled three villages west of X", parsed with the villages as a modifier of "west"
        placed = subject is not None and any(c.dep_ in ("advmod", "prep", "npadvmod") for c in token.children)
        return bool(objects) or placed, "artillery"
    if lemma in ("pound", "bombard", "strafe"):  # the kind is in the carrier or "with artillery"
        withs = [c for h in (token, *objects) for c in h.children if c.lower_ == "with"]
        means = {t.lower_ for c in withs for t in c.subtree}
        kind = kind_from_words(carrier | means) or ("airstrike" if lemma == "strafe" else None)
        return bool(objects or means), kind
    if lemma in ("strike", "hit"):
        # Headlines parse "X strike on Y" as a verb with "on" and no object.
        on = lemma == "strike" and any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children)
        # "hit back at the rebels", "struck back in the south": a strike in return, told without object
        back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children) and any(
            c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "against") for c in token.children
        )
        if back and subject is not None:
            return _can_strike(subject, carrier), kind_from_words(carrier)
        if any(c.dep_ == "prt" for c in token.children) or subject is None or not (objects or on):
            return False, None
        if trigger_kind(subject)[0]:
            return False, None  # "an Israeli strike hit a school": the noun is the mention
        # "struck the refinery with long-range drones": the means says the kind.
        withs = [c for h in (token, *objects) for c in h.children if c.lower_ == "with"]
        means = {t.lower_ for c in withs for t in c.subtree} & CARRIERS
        return _can_strike(subject, carrier), kind_from_words(carrier) or kind_from_words(means)
    if lemma == "fire" and carrier and any(c.lower_ in ("on", "at") for c in token.children):
        return True, kind_from_words(carrier)
    return False, None


def _can_strike(subject: Token, carrier: set[str]) -> bool:
    """Whether the subject of "hit" or "struck" is an armed force, not shares hitting a record."""
    if carrier or subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    return any(t.lower_ in FORCE_NOUNS or t.ent_type_ in ("NORP", "GPE", "ORG") for t in subject.subtree)


def clause_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def _is_test(token: Token) -> bool:
    """A weapons test or a drill ("fired a missile into the sea", "air strike drills") hits no one."""
    scope = list(clause_verb(token).subtree)
    if any(t.lemma_.lower() in ("test", "drill", "exercise") for t in scope):
        return True
    return any(t.lower_ == "sea" and t.head.lower_ == "into" for t in scope)


# Verbs whose object is what was hit; a missile hit by them was a target, not a strike of its own.
_HIT_VERBS = set("hit strike target bomb pound flatten damage level shell attack".split())


def _struck_weapon(token: Token) -> bool:
    """ "Jets struck two missiles and a drone on their launchers": weapons that were the targets."""
    if token.lemma_.lower() not in PROJECTILES:
        return False
    noun = token
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_ in _HIT_VERBS


def _what_it_is_for(token: Token) -> bool:
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


def _under_modal(verb: Token) -> bool:
    """ "will do what is necessary, including striking hideouts": a deed a modal verb only promises.
    Not a strike that is the modal verb's subject ("the strikes will not break us")."""
    child = verb
    for above in verb.ancestors:
        if above.lemma_ in REPORTING_VERBS or child.dep_ in (
            "nsubj",
            "nsubjpass",
            "ccomp",
            "conj",
            "relcl",
            "advcl",
            "parataxis",
        ):
            return False
        if above.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in above.children
        ):
            return True
        child = above
    return False


def is_asserted(token: Token) -> bool:
    """False for a strike that is denied, conditional, asked about, intended or only possible."""
    if token.sent.text.rstrip().endswith("?"):
        return False
    if _is_test(token) or _struck_weapon(token) or _what_it_is_for(token):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in token.children):
        return False  # "no airstrikes", "denied carrying out any airstrikes"
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in ancestor.children):
            return False
    if any(c.lower_ in UNREAL_MODIFIERS for c in token.children if c.i < token.i):
        return False  # "planned strikes", "a possible strike"
    if token.dep_ == "pobj" and token.head.lower_ in ("after", "since", "following"):
        return True  # "pledged to review its rules after an air raid killed eight": the raid happened
    verb = clause_verb(token)
    if verb.lemma_ in INTENT_VERBS or token.head.lemma_ in INTENT_VERBS:
        return False
    called_off = verb.lemma_ == "call" and any(c.lower_ == "off" for c in verb.children)
    if verb.lemma_ in CANCEL_VERBS or called_off:
        return False
    if verb.lemma_ == "deny" or (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ == "deny"):
        return False  # the accused denies it; the accusers' mentions still report the strike
    if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_VERBS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    if _under_modal(verb):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    subject_of_verb = token != verb and token.dep_ in ("nsubj", "nsubjpass")
    if negated and not subject_of_verb:  # "strikes did not hit X" still reports strikes
        return False
    if verb.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "neg" for c in verb.head.children):
        return verb.head.lemma_ not in ("believe", "think", "know")
    return True
