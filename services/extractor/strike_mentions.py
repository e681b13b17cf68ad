"""Strike mentions: the words that report a strike, whether the sentence asserts it, and its arguments.

A mention is one trigger ("airstrike", "shelled", "the missile struck") in one sentence. Hypothetical,
negated and intended strikes ("would broaden their strikes", "did not bomb") are not mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from schemas.records import Casualties, Location, StrikeKind
from services.extractor.dates import resolve_date

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
    "launch fire intercept shoot down destroy drop hit strike land slam kill wound".split()
)
HARM_VERBS = set("kill wound injure destroy damage eliminate target hit".split())
DEFENCE_VERBS = set("intercept shoot down destroy repel repulse".split())
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
MODALS = {"would", "could", "might", "may", "will", "should", "can", "'d", "'ll", "must"}
INTENT_VERBS = set(
    "threaten plan vow intend want seek prepare consider warn pledge promise refuse hope urge "
    "threat possibility risk".split()
)
REPORTING_VERBS = set(
    "say tell call announce report claim confirm deny add state warn accuse condemn denounce "
    "describe note estimate allege insist quote ask reply stress point".split()
)
LIGHT_VERBS = set(
    "carry conduct launch deliver do make order stage mount begin step intensify continue drop fire "
    "use unleash resume escalate broaden open".split()
)
TARGET_VERBS = set("hit strike target aim bomb destroy pound flatten damage level shell".split())
DAY_WORDS = {"yesterday", "today", "tonight", "overnight"}
REPEATED = {"repeatedly", "regularly", "daily", "nightly", "routinely", "frequently"}
CAMPAIGN_CUES = set(
    "since majority several repeatedly repeated series daily nightly weeks months years year "
    "ongoing wave waves campaign".split()
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


def _words_before(token: Token) -> set[str]:
    """The trigger's left modifiers, and the word glued to it by a hyphen ("barrel-bombed")."""
    words = {t.lower_ for t in token.subtree if t.i < token.i}
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        words.add(doc[token.i - 2].lower_)
    return words


def kind_from_words(words: set[str]) -> StrikeKind | None:
    return next((kind for kind, cues in KIND_WORDS if words & cues), None)


def _subject(verb: Token) -> Token | None:
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for child in verb.children:
        # A passive takes no direct object: "he's done strikes" parsed as passive is active.
        if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and has_object):
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        return _subject(verb.head)  # "intercepted and destroyed", "began dropping": the first verb's subject
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a US aircraft fired on the cars"
    return None


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ == "dobj"]
    return found


def _through_quantity(token: Token) -> Token:
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
            return kind is not None, kind
        governor = _through_quantity(token)
        used = governor.head.lemma_ in PROJECTILE_VERBS and governor.dep_ in ("dobj", "nsubj", "nsubjpass")
        hit = any(c.dep_ == "acl" and c.lemma_ in PROJECTILE_VERBS for c in token.children)  # "a missile hit"
        if lemma in PROJECTILES and (used or hit):
            return True, kind_from_words(before) or PROJECTILES[lemma]
        return False, None
    if token.pos_ != "VERB":
        return False, None
    objects = _objects(token)
    if any(o.lemma_.lower() in FIGURATIVE_OBJECTS for o in objects):
        return False, None
    subject = _subject(token)
    carrier = {t.lower_ for t in subject.subtree} & CARRIERS if subject is not None else set()
    if lemma in ("bomb", "barrel-bomb"):
        return bool(objects), "barrel bomb" if "barrel" in before or "barrel" in lemma else "airstrike"
    if lemma == "shell":
        return bool(objects), "artillery"
    if lemma in ("strike", "hit"):
        # Headlines parse "X strike on Y" as a verb with "on" and no object.
        on = lemma == "strike" and any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children)
        if any(c.dep_ == "prt" for c in token.children) or subject is None or not (objects or on):
            return False, None
        if trigger_kind(subject)[0]:
            return False, None  # "an Israeli strike hit a school": the noun is the mention
        return True, kind_from_words(carrier)
    if lemma == "fire" and carrier and any(c.lower_ in ("on", "at") for c in token.children):
        return True, kind_from_words(carrier)
    return False, None


def _clause_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def is_asserted(token: Token) -> bool:
    """False for a strike that is denied, conditional, asked about, intended or only possible."""
    if token.sent.text.rstrip().endswith("?"):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in token.children):
        return False  # "no airstrikes", "denied carrying out any airstrikes"
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in ancestor.children):
            return False
    verb = _clause_verb(token)
    if verb.lemma_ in INTENT_VERBS or token.head.lemma_ in INTENT_VERBS:
        return False
    if verb.lemma_ == "deny" or (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ == "deny"):
        return False  # the accused denies it; the accusers' mentions still report the strike
    if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_VERBS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    subject_of_verb = token != verb and token.dep_ in ("nsubj", "nsubjpass")
    if negated and not subject_of_verb:  # "strikes did not hit X" still reports strikes
        return False
    if verb.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "neg" for c in verb.head.children):
        return verb.head.lemma_ not in ("believe", "think", "know")
    return True


def attachment(token: Token) -> set[int]:
    """Token indices whose modifiers describe the strike itself, not the report of it."""
    indices = {t.i for t in token.subtree}
    for ancestor in token.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            break
        indices.add(ancestor.i)
        if ancestor.pos_ in ("VERB", "AUX"):
            break
    return indices


def clause(token: Token) -> set[int]:
    """Token indices of the clause that tells the strike: where its place and targets are named."""
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ == "VERB"), token)
    return {t.i for t in (token if verb.lemma_ in REPORTING_VERBS else verb).subtree}


def _date_head(entity: Span) -> Token:
    """The word a date expression modifies: "on Thursday" modifies the verb above "on"."""
    head = entity.root.head
    while head.head != head and (head.dep_ == "prep" or head.ent_type_ in ("DATE", "TIME")):
        head = head.head
    return head


def mention_date(token: Token, published_at: date | None) -> str | None:
    """The date attached to the strike; failing that, one that opens the sentence and is not a report's."""
    attached = attachment(token)
    dates: list[tuple[bool, int, str]] = []
    sent = token.sent
    expressions = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    # The tagger does not always see these as dates ("hit the city overnight").
    expressions += [sent.doc[t.i : t.i + 1] for t in sent if t.lower_ in DAY_WORDS and not t.ent_type_]
    for entity in expressions:
        head = _date_head(entity)
        if head.lemma_ in REPORTING_VERBS and head.i not in attached:
            continue
        # A date that opens the sentence ("Then this morning, ...") frames all of it.
        lead = token.doc[token.sent.start : entity.start]
        opening = all(t.is_punct or t.pos_ in ("ADV", "CCONJ") for t in lead)
        if head.i not in attached and not opening:
            continue
        resolved = resolve_date(entity.text, published_at)
        if resolved:
            dates.append((head.i not in attached, abs(entity.start - token.i), resolved))
    return min(dates)[2] if dates else None


def is_campaign(token: Token, date_value: str | None) -> bool:
    if token.lemma_ == "campaign" or token.head.lemma_ == "campaign":
        return True
    verb = _clause_verb(token)
    scope = {t.lower_ for t in verb.subtree} | {t.lemma_ for t in verb.subtree}
    if scope & REPEATED:  # "has struck Lebanon repeatedly since October"
        return True
    plural = token.tag_ == "NNS" or any(o.tag_ == "NNS" for o in _objects(token))
    progressive = any(c.lower_ == "been" for c in verb.children) and verb.tag_ == "VBG"
    started = bool(scope & {"begin", "start", "launch"}) and date_value is not None and len(date_value) == 7
    return plural and (bool(scope & CAMPAIGN_CUES) or progressive or started)


def _phrase(token: Token) -> str:
    """A target's words: the noun with its modifiers and "of" phrases, without clauses or appositions."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("det", "poss") and child.i < token.i:
            continue
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod") or (
            child.dep_ == "prep" and child.lower_ != "of"
        ):
            continue
        keep += list(child.subtree)
    keep.sort(key=lambda t: t.i)
    return "".join(t.text_with_ws for t in keep).strip()


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.children if c.dep_ == "conj"]]


def mention_targets(token: Token) -> list[str]:
    heads: list[Token] = []
    if token.pos_ == "VERB":
        heads += [c for c in token.children if c.dep_ == "dobj"]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at", "targeting"):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    verbs = [t for t in token.subtree if t.lemma_ in TARGET_VERBS and t != token]
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in TARGET_VERBS:
        verbs.append(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
        verbs.append(token.head.head)  # "struck the rebels with airstrikes"
    governor = _through_quantity(token)
    if governor.dep_ == "dobj" and governor.head.lemma_ in LIGHT_VERBS:
        for prep in governor.head.children:  # "fired rockets at the town", "carried out strikes on it"
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at"):
                heads += [c for c in prep.children if c.dep_ == "pobj"]
    for verb in verbs:
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        heads += [c for c in verb.children if c.dep_ == "dobj"]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")):
            for obj in prep.children:
                heads += [obj] if obj.dep_ == "pobj" else [c for c in obj.children if c.dep_ == "dobj"]
    targets = []
    for head in heads:
        for target in _with_conjuncts(head):
            if target.lower_ in ("them", "they"):
                target = _plural_antecedent(target, token) or target
            if target.pos_ != "PRON" and target.ent_type_ not in ("DATE", "TIME"):
                targets.append(_phrase(target))
    return list(dict.fromkeys(t for t in targets if t))


def _plural_antecedent(pronoun: Token, trigger: Token) -> Token | None:
    """The plural noun "them" stands for, in this sentence or the one before ("civilians ... bombed them")."""
    doc = pronoun.doc
    sentences = list(doc.sents)
    index = next(i for i, s in enumerate(sentences) if s.start <= pronoun.i < s.end)
    start = sentences[max(0, index - 1)].start
    own = {t.i for t in trigger.subtree}
    for token in reversed(doc[start : pronoun.i]):
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ == "compound" or token.i in own:
            continue
        if token.ent_type_ in ("NORP", "GPE"):
            continue
        # An apposition restates the noun before it: "civilians, his own people" are the civilians.
        before = token.left_edge.i - 1
        if before - 1 >= start and doc[before].text == "," and doc[before - 1].tag_ in ("NNS", "NNPS"):
            return doc[before - 1]
        return token
    return None


def actor_sources(token: Token) -> list[list[Token]]:
    """Where a trigger's actor may be named, best first: its modifiers, its agent, its verb's subject."""
    if token.pos_ == "VERB":
        subject = _subject(token)
        if subject is not None:
            return [list(subject.subtree)]
        # No subject parsed ("Assad barrel-bombed ..."): the words before the verb in its clause.
        left = [t for t in token.sent if t.i < token.i]
        stop = max((t.i for t in left if t.is_punct and t.text != "-" or t.pos_ == "VERB"), default=-1)
        return [[t for t in left if t.i > stop]]
    sources = [[t for t in token.subtree if t.i < token.i and t.dep_ != "det"]]
    sources += [list(c.subtree) for prep in token.children if prep.lower_ == "by" for c in prep.children]
    governor = _through_quantity(token)
    head = governor.head
    if governor.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    if governor.dep_ == "pobj" and head.lower_ in ("in", "by"):
        harm = _clause_verb(head)  # "the army said it killed 30 fighters in an airstrike"
        subject = _subject(harm) if harm.lemma_ in HARM_VERBS else None
        if subject is not None:
            sources.append(list(subject.subtree))
    if token.lemma_ in PROJECTILES and head.lemma_ in DEFENCE_VERBS:
        return [s for s in sources if s]  # whoever shoots a drone down is not the one who sent it
    if (
        governor.dep_ in ("dobj", "pobj", "attr")
        and head.pos_ == "VERB"
        and head.lemma_ in LIGHT_VERBS | TARGET_VERBS
    ):
        subject = _subject(head)
        if subject is not None:
            sources.append(list(subject.subtree))
    return [s for s in sources if s]
