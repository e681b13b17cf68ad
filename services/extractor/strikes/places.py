"""Where a strike fell: the region (a named place or "southern Syria") and the country of one sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from schemas.records import Location
from services.extractor.lexicon.forces import NON_STATE_HEADS
from services.extractor.lexicon.places import (
    BORDER_NOUNS,
    DIRECTIONS,
    OTHER_EVENTS,
    PART_NOUNS,
    PLACE_NOUNS,
    PLACE_PREPS,
    PLATFORMS,
    SETTLEMENTS,
)
from services.extractor.lexicon.strikes import DEFENCE_VERBS, TARGET_VERBS
from services.extractor.strikes.actors import phrase_head
from services.extractor.strikes.gazetteer import Gazetteer
from services.extractor.strikes.scope import clause, others_relative_clauses, subject_described
from services.extractor.strikes.syntax import clause_verb, forms, subject_of
from services.extractor.strikes.triggers import trigger_kind
from services.extractor.text.datelines import dateline_end

NOT_PLACE_KINDS = {"demonym", "institution", "leader", "alliance", "group"}
# (outside the strike's clause, named place 0 / compass region 1 / country 2, distance, region, country)
Candidate = tuple[bool, int, int, str | None, str | None]


def _trim(chunk: list[Token]) -> list[Token]:
    """Title-case headlines run words together ("Syria Exploit Limits"): keep the place the tagger saw."""
    places = [t for t in chunk if t.ent_type_ in ("GPE", "LOC", "FAC")]
    if not places or len(places) == len(chunk):
        return chunk
    first = places[0]
    entity = [t for t in chunk if t.ent_iob_ != "O" and t.i >= first.i and t.ent_type_ == first.ent_type_]
    entity = [t for n, t in enumerate(entity) if n == 0 or t.ent_iob_ == "I"]
    tail = [t for t in chunk if t.i == entity[-1].i + 1 and t.lower_ in PLACE_NOUNS]
    return entity + tail


def _chunks(sent: Span) -> list[list[Token]]:
    """Runs of proper nouns, with a trailing place noun kept: "Marib province", "Kryvyi Rig"."""
    chunks: list[list[Token]] = []
    current: list[Token] = []
    for token in sent:
        # "Gulf of Aden", "Sea of Azov": an "of" the tagger keeps inside one place name.
        joins = (token.text in ("-", "al") or (token.lower_ == "of" and token.ent_iob_ == "I")) and current
        named = token.pos_ == "PROPN" or (token.ent_type_ in ("GPE", "LOC", "FAC") and token.is_title)
        if named or joins or (current and token.lower_ in PLACE_NOUNS and token.lower_ != "area"):
            current.append(token)
            continue
        if current:
            chunks.append(current)
        current = []
    if current:
        chunks.append(current)
    # A lone letter is no place ("a post on X"), nor a platform ("a statement on Telegram").
    names = [c for c in chunks if c[-1].text not in ("-", "al", "of") and c[-1].lower_ not in PLATFORMS]
    return [_trim(c) for c in names if sum(ch.isalpha() for t in c for ch in t.text) > 1]


def _chunk_head(chunk: list[Token]) -> Token:
    """The name's own head: "Gulf" in "Gulf of Aden", whose "of Aden" hangs on it; else the last word."""
    ids = {t.i for t in chunk}
    outside = [t for t in chunk if t.head.i not in ids or t.head == t]
    return outside[-1] if outside else chunk[-1]


def _in_place_position(last: Token, through_possessive: bool) -> bool:
    head = phrase_head(last) if through_possessive else last
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_ in PLACE_NOUNS | PART_NOUNS:
        return True  # "the city of Kryvyi Rig", "the centre of the city"
    return head.dep_ == "appos" and head.head.lemma_ in PLACE_NOUNS  # "the capital, Sana"


def _struck(last: Token) -> bool:
    """A name that is what was struck: "jets pounded Mosul", "the town was shelled"; not what was
    destroyed, which may be a thing in the place ("destroyed a camp in the forest")."""
    head = last
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in TARGET_VERBS - DEFENCE_VERBS


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip().removesuffix("'s").removesuffix("\u2019s")


def _passed_over(chunk: list[Token], last: Token, trigger: Token, described: set[int]) -> bool:
    """A name that is no place of this strike: the subject's description, another event's place,
    "the Darfur city of Nyala" (the place is Nyala; but "the Gara region of Iraq" is Gara)."""
    if last.i in described or _of_another_event(last, trigger) or _beside(last) or _origin(last):
        return True
    return bool(
        last.lower_ in SETTLEMENTS
        and any(c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children) for c in last.children)
    )


def _placed(chunk: list[Token], last: Token, gazetteer: Gazetteer) -> bool | None:
    """Whether a name stands where a place does ("in X", "struck X"); None for no place at all: a date,
    or a person or nationality not in a place's position ("Zelensky's"; but "in X" may still be one)."""
    tags = {t.ent_type_ for t in chunk if t.lower_ not in PLACE_NOUNS}
    placed = _in_place_position(last, through_possessive=False)
    if not placed and _struck(last):
        placed = bool(tags & {"GPE", "LOC"}) or gazetteer.country_of_place(_text(chunk)) is not None
    if tags & {"DATE", "TIME"} or (tags & {"PERSON", "NORP"} and not placed):
        return None
    return placed


def _candidate(
    chunk: list[Token], trigger: Token, gazetteer: Gazetteer, actor: str | None, outside: bool
) -> Candidate | None:
    last = _chunk_head(chunk)
    placed = _placed(chunk, last, gazetteer)
    if placed is None:
        return None
    text = _text(chunk)
    distance = abs(chunk[0].i - trigger.i)
    sent = trigger.sent
    previous = sent.doc[chunk[0].i - 1] if chunk[0].i > sent.start else None
    country = gazetteer.country_named(text)
    alias = gazetteer.alias(text)
    owner = gazetteer.alias(_text([t for t in chunk if t.lower_ not in PLACE_NOUNS]) or text)
    if owner is not None and owner.kind in ("group", "alliance"):
        return None  # "the ELN camp": a group's, not a place's name
    if previous is not None and previous.lower_ in DIRECTIONS:
        return outside, 1, distance, f"{previous.text.lower()} {text}", gazetteer.country_of_place(text)
    if country:
        # "Russia's strikes" names the attacker; "in Yemen's capital" and "over Russia" name places.
        named_for = phrase_head(last)
        loose = _in_place_position(last, True) or named_for.dep_ == "pobj"
        loose = loose and not trigger_kind(named_for)[0]  # "U.S. strikes" names the attacker
        return (outside, 2, distance, None, country) if placed or (loose and country != actor) else None
    if (alias is None or alias.kind not in NOT_PLACE_KINDS) and placed:
        return outside, 0, distance, text, gazetteer.country_of_place(text)
    return None


def find_location(
    sent: Span, trigger: Token, gazetteer: Gazetteer, actor: str | None
) -> tuple[Location, int]:
    """The region nearest the trigger (a named place before a compass region) and its country.

    Places in the strike's own clause come before those elsewhere in the sentence ("said X, the
    spokesman in Baghdad"). The rank says how sure the country is: 0 from the region, 1 a country named
    as a place, 2 any other state the sentence names, 3 none."""
    attached = clause(trigger)
    # the subject's description, and another's deed told in a relative clause, name no place of it
    described = subject_described(clause_verb(trigger)) | others_relative_clauses(
        clause_verb(trigger), trigger
    )
    candidates: list[Candidate] = []
    desk = dateline_end(sent)  # "ANKARA (AFP) -": where the report was filed, not where it hit
    for chunk in _chunks(sent):
        last = _chunk_head(chunk)
        if chunk[0].idx < desk or _passed_over(chunk, last, trigger, described):
            continue
        candidate = _candidate(chunk, trigger, gazetteer, actor, last.i not in attached)
        candidates += [candidate] if candidate else []
    if candidates:
        outside, _, _, region, country = min(candidates)
        if not country:  # a region of unknown country: a state named near it, not the attacker's own
            near = [c[4] for c in sorted(candidates) if c[4] and c[4] != actor and not c[0]]
            country = near[0] if near else _other_state(sent, trigger, gazetteer, actor)
        return Location(country=country, region=region), 2 * outside + (0 if region else 1)
    other = _other_state(sent, trigger, gazetteer, actor)
    return Location(country=other), 4 if other else 5


def _other_state(sent: Span, trigger: Token, gazetteer: Gazetteer, actor: str | None) -> str | None:
    """A state named anywhere in the sentence that is not the attacker: the victims' country."""
    if actor is None:
        return None  # with the attacker unknown, any state named may be the attacker
    # The attacker's partners are no victims ("the United States and Britain struck ..."); those who
    # shoot the drones down are ("Russian air defences destroyed 40 Ukrainian drones").
    verb = clause_verb(trigger)
    subject = subject_of(verb) if verb.lemma_ not in DEFENCE_VERBS else None
    partners = {t.i for t in subject.subtree} if subject is not None else set()
    partners = set() if trigger.i in partners else partners  # "a strike on the Xian city killed ..."
    for match in gazetteer.find(sent.text, sent.start_char):
        if match.alias.kind not in ("country", "demonym") or match.alias.canonical == actor:
            continue
        span = sent.doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None and span[-1].i in partners:
            continue  # "the United States and Britain struck ...": a partner in the strike
        if span is not None and (phrase_head(span[-1]).lemma_ in BORDER_NOUNS or _beside(span[-1])):
            continue  # "near the Venezuelan border": beside that state, not in it
        if span is not None and match.alias.kind == "demonym" and _people(span[-1]):
            continue  # "convoys of ethnic Albanians", "Syrian refugees": people, who may be anywhere
        defending = verb.lemma_ in DEFENCE_VERBS  # "Russia's air defences downed 40 drones": the victim
        if span is not None and not defending and (_acting(span[-1]) or _before_verb(span[-1], verb)):
            continue  # "Britain struck ... after a missile hit a ship": the subject of another deed
        return match.alias.canonical
    return None


def _origin(name: Token) -> bool:
    """ "rockets fired from Cambodia", "drones launched from Iran": where the weapon came from."""
    head = phrase_head(name)
    return head.dep_ == "pobj" and head.head.lower_ == "from" and head.head.head.lemma_ in ("fire", "launch")


def _beside(name: Token) -> bool:
    """ "near the border with Burkina Faso", "the frontier of Chad": a state beside the strike."""
    head = phrase_head(name)
    return (
        head.dep_ == "pobj" and head.head.lower_ in ("with", "of") and head.head.head.lemma_ in BORDER_NOUNS
    )


def _people(demonym: Token) -> bool:
    """A nationality naming people rather than their state: "Albanians", "Syrian refugees"."""
    head = phrase_head(demonym)
    return (head == demonym and demonym.tag_ == "NNPS") or bool(forms([head]) & NON_STATE_HEADS)


def _acting(token: Token) -> bool:
    """Whether a name is within the subject of a verb, alone or among others ("the U.S. and Britain
    struck", "US, Iraqi jets strike ...")."""
    return any(
        a.dep_ == "nsubj" for a in [token, *token.ancestors] if a.pos_ not in ("VERB", "AUX")
    ) and not any(
        a.dep_ in ("pobj", "dobj") for a in [token, *token.ancestors] if a.pos_ not in ("VERB", "AUX")
    )


def _of_another_event(name: Token, trigger: Token) -> bool:
    """Whether a place hangs on another event than the strike told: "struck X, following a bombing in Y"."""
    head = phrase_head(name)
    if head.dep_ != "pobj" or head.head.lower_ not in PLACE_PREPS:
        return False
    event = head.head.head
    return event != trigger and event.lemma_ in OTHER_EVENTS and not trigger_kind(event)[0]


def _before_verb(token: Token, verb: Token) -> bool:
    """A name before the strike's verb and in no prepositional phrase stands with the attacker: the
    parser may miss the subject of a headline ("US, Iraqi jets strike ...")."""
    inside_phrase = any(a.dep_ == "pobj" for a in [token, *token.ancestors] if a.i < verb.i)
    return token.i < verb.i and verb.pos_ == "VERB" and not inside_phrase and token.sent == verb.sent
