"""Who carried out a strike: the canonical actor behind a noun phrase, a pronoun or "the military"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from services.extractor.lexicon.forces import (
    ARMED_GROUP_HEADS,
    FORCE_MODIFIERS,
    FORCE_NOUNS,
    FORCE_WORDS,
    GROUP_NOUNS,
    NON_STATE_HEADS,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    TARGET_HEADS,
)
from services.extractor.lexicon.places import LOCATION_PREPS
from services.extractor.strikes.gazetteer import Alias, AliasMatch, Gazetteer
from services.extractor.strikes.syntax import forms
from services.extractor.text.datelines import dateline_end

STATE_KINDS = {"country", "demonym", "capital", "institution", "leader"}


def _armed_groups_named(doc: Doc, known: list[AliasMatch]) -> list[AliasMatch]:
    """Armed groups the gazetteer does not know, taken from the article's own names: an organisation
    whose name ends like a force's, and that no known alias covers (the "Israel Defense Forces" is Israel)."""
    found = []
    for entity in doc.ents:
        words = [t for t in entity if t.lower_ != "the"]
        if entity.label_ not in ("ORG", "NORP", "PERSON", "GPE") or len(words) < 2:
            continue
        government = words[0].lower_ == "government" and any(w.lower_ == "of" for w in words)
        # "the Islamic Resistance in Iraq": a force named before the place it fights in
        named_force = words[-1].lower_ in ARMED_GROUP_HEADS or any(
            w.lower_ in FORCE_WORDS and w.nbor(1).lower_ in ("in", "of") for w in words[:-1]
        )
        if (not named_force and not government) or not all(
            w.is_title or w.is_upper or w.is_punct or w.lower_ in ("'s", "\u2019s", "of") for w in words
        ):
            continue
        inside = [m for m in known if m.start < entity.end_char and entity.start_char < m.end]
        # a state may be named in the group's own name, after its force word ("... Resistance in Iraq")
        force_at = next((w.idx for w in words if w.lower_ in FORCE_WORDS), None)
        if any(force_at is None or m.start < force_at or m.alias.kind != "country" for m in inside):
            continue
        name = "".join(t.text_with_ws for t in words).strip()
        start = words[0].idx
        found.append(AliasMatch(start, start + len(name), Alias(name, name, "group", None)))
    return found


_LED = re.compile(r"([A-Z][\w.]*)-led\b")


def _led_alliances(text: str, gazetteer: Gazetteer, known: list[AliasMatch]) -> list[AliasMatch]:
    """ "US-led airstrikes", "Saudi-led strikes": the coalition its leader leads, where the gazetteer
    knows one, though the text does not write the coalition's name out."""
    led_by = {leader: alliance for alliance, leader in gazetteer.alliance_leaders.items()}
    found = []
    for match in _LED.finditer(text):
        if any(m.start <= match.start() < m.end for m in known):
            continue  # "US-led coalition" is named whole
        leader = gazetteer.alias(match.group(1))
        alliance = led_by.get(leader.canonical) if leader is not None and leader.country else None
        if alliance is not None:
            found.append(
                AliasMatch(match.start(), match.end(), Alias(match.group(), alliance, "alliance", None))
            )
    return found


def _shared_names_read(doc: Doc, gazetteer: Gazetteer, named: list[AliasMatch]) -> dict[str, str]:
    """Each state a shared name ("Congo") stands for in this article: the one of those that share it the
    article names most by its other names and places ("DRC", "Goma"), else the likeliest."""
    told: Counter[str] = Counter(
        m.alias.country for m in named if m.alias.country and not gazetteer.sharing(m.alias.text)
    )
    for entity in (e for e in doc.ents if e.label_ in ("GPE", "LOC") and not gazetteer.sharing(e.text)):
        told.update(gazetteer.countries_of_place(entity.text)[:1])
    read = {}
    for text in {m.alias.text for m in named if gazetteer.sharing(m.alias.text)}:
        options = gazetteer.sharing(text)
        read[text] = max(options, key=lambda state: (told[state], -options.index(state)))
    return read


def _as_read(match: AliasMatch, shared: dict[str, str]) -> AliasMatch:
    state = shared.get(match.alias.text)
    if state is None or state == match.alias.canonical:
        return match
    return AliasMatch(match.start, match.end, Alias(match.alias.text, state, match.alias.kind, state))


def relative_clauses(head: Token) -> set[int]:
    """Token indices of a noun's relative clauses: what "the coalition, which fights for X," is said to be."""
    return {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}


def without_clauses(head: Token) -> list[Token]:
    """A noun phrase without its relative clauses: "the coalition, which fights for Yemen's government"
    names the coalition, not Yemen."""
    inner = relative_clauses(head)
    return [t for t in head.subtree if t.i not in inner]


def phrase_head(token: Token) -> Token:
    """Climb from a modifier to the head of its noun phrase: "Russian" -> "military"."""
    while token.dep_ in ("compound", "amod", "poss", "nmod", "det", "case", "nummod") and token.head != token:
        token = token.head
    return token


def _role(head: Token) -> str:
    while head.dep_ == "conj" and head.head != head:  # "in Iraq and Syria": Syria is a place too
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "csubj") or head.head.dep_ == "agent":
        return "subject"
    if head.dep_ == "pobj" and head.head.lower_ in ("against", "on"):
        return "target"
    if head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS:
        return "location"
    if head.dep_ in ("dobj", "pobj") and head.head.lemma_ in TARGET_HEADS:
        return "target"
    return "other"


class ActorResolver:
    """Actors named in one document, and the antecedents of pronouns and bare force nouns."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        text = doc.text
        known = gazetteer.find(text)
        named = [*known, *_armed_groups_named(doc, known), *_led_alliances(text, gazetteer, known)]
        self.shared = _shared_names_read(doc, gazetteer, named)
        self.matches = sorted([_as_read(m, self.shared) for m in named], key=lambda m: m.start)
        self.sentences = list(doc.sents)
        self.last_actor: str | None = None  # the actor of the previous strike mention
        self.countries_told: set[str] | None = None  # read once, by the strike extractor
        self.groups = {m.alias.canonical for m in self.matches if m.alias.kind == "group"}

    def actor_of(self, sources: list[list[Token]]) -> str | None:
        """The actor of the first source that names one; a country name as modifier only as a last resort."""
        for place_names in (False, True):
            for source in sources:
                actor = self.actor_in(source, place_names)
                if actor:
                    return actor
        return None

    def _token_at(self, match: AliasMatch) -> Token | None:
        span = self.doc.char_span(match.start, match.end, alignment_mode="expand")
        return span[-1] if span is not None and len(span) else None

    def _state_actor(self, match: AliasMatch) -> bool:
        """A demonym names the state only when it is not describing people ("Syrian rebels")."""
        if match.alias.kind != "demonym":
            return True
        token = self._token_at(match)
        return token is None or not forms([phrase_head(token)]) & NON_STATE_HEADS

    def actor_in(self, tokens: Iterable[Token], place_names: bool = True) -> str | None:
        """The first actor named in these tokens; a pronoun or force noun is resolved from context.

        With `place_names` False, a country name used as a modifier is passed over: in "Somalia
        airstrike" it is where the strike fell, in "Israel strike" who struck, and only other clues tell."""
        tokens = sorted(tokens, key=lambda t: t.i)
        if tokens:  # "IDLIB, Syria - Russian warplanes struck ...": the desk's place is no attacker
            desk = dateline_end(tokens[0].sent)
            tokens = [t for t in tokens if t.idx >= desk]
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        ids = {t.i for t in tokens}  # the tokens may have gaps: a clause left out of a phrase
        found = [
            m
            for m in self.matches
            if start <= m.start and m.end <= end and self._state_actor(m)
            if place_names or not self._place_modifier(m)
            if (last := self._token_at(m)) is None or last.i in ids
        ]
        # A named force is more precise than the nationality beside it: "Afghan Taliban fighters".
        named = [m for m in found if m.alias.kind in ("group", "alliance")]
        # but not a force of another conjunct: "Iraqi F-16s and aircraft of the US-led coalition"
        named = [m for m in named if not found or self._same_phrase(m, found[0])]
        if named or found:
            return (named or found)[0].alias.canonical
        for token in tokens:
            owner = self._owner(token)
            if owner is not None:
                return self.actor_in(owner)
            if token.lower_ in PRONOUNS and token.pos_ == "PRON":
                teller = self._teller(token)
                if teller is not None:  # the force that says "it" did it, known or not
                    return self.actor_in(teller)
                return self.antecedent(token, personal=token.lower_ in PERSONAL_PRONOUNS)
        if any(t.lower_ in GROUP_NOUNS and t.dep_ not in ("compound", "amod") for t in tokens):
            # "the group", "the rebels": the armed group the story has named, if it has named one
            named_group = self._nearest(tokens[0], 0, {"group"})
            if named_group is not None:
                return named_group
        forces = [
            t
            for t in tokens
            if forms([t]) & FORCE_NOUNS
            and (t.dep_ not in ("compound", "amod") or t.lower_ in FORCE_MODIFIERS)
        ]
        if any(t.lower_ in ("coalition", "alliance") for t in forces):
            return self.antecedent(tokens[0], kinds={"alliance"})
        if forces:  # "the military", "its aircraft"; not the "artillery" of "artillery fire"
            return self.antecedent(tokens[0], kinds=STATE_KINDS)
        return None

    def partners_in(self, sources: list[list[Token]], actor: str | None) -> frozenset[str]:
        """States or forces joined with the actor in one subject: "the United States and Britain struck"."""
        if actor is None or not sources:
            return frozenset()
        tokens = {t.i for t in sources[0]}
        found = set()
        for match in self.matches:
            token = self._token_at(match)
            if token is None or token.i not in tokens or match.alias.kind in ("leader", "institution"):
                continue
            head = phrase_head(token)
            joined = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
            if joined and self._state_actor(match) and not self._place_modifier(match):
                found.add(match.alias.canonical)
        return frozenset(found - {actor}) if actor in found else frozenset()

    def _same_phrase(self, a: AliasMatch, b: AliasMatch) -> bool:
        """Whether two names sit in one noun phrase rather than in two joined by "and"."""
        first, second = self._token_at(a), self._token_at(b)
        if first is None or second is None:
            return True

        def top(token: Token) -> Token:
            """Out of "of the US-led coalition" to the noun it hangs on ("aircraft")."""
            token = phrase_head(token)
            while token.head != token and (
                token.dep_ == "prep" or (token.dep_ == "pobj" and token.head.dep_ == "prep")
            ):
                token = token.head
            return phrase_head(token)

        return not (top(first).dep_ == "conj" and top(first).head == top(second)) and not (
            top(second).dep_ == "conj" and top(second).head == top(first)
        )

    def _owner(self, pronoun: Token) -> list[Token] | None:
        """The noun "whose" points back to: "Russia, whose air campaign began in 2015, ..." is Russia's."""
        if pronoun.dep_ != "poss" or pronoun.lower_ != "whose":
            return None
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        return [verb.head] if verb.dep_ == "relcl" else None

    def _teller(self, pronoun: Token) -> list[Token] | None:
        """ "The coalition, which ..., said it had carried out strikes": "it" is the force that says so.
        None when the teller is no force ("officials said it struck"): then "it" is found in context."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or verb.dep_ != "ccomp" or pronoun.lower_ not in ("it", "they"):
            return None
        teller = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if teller is None or teller.lower_ in PRONOUNS:
            return None
        words = without_clauses(teller)
        forceful = bool(forms([teller]) & FORCE_NOUNS) or self.actor_in(words, place_names=False) is not None
        return words if forceful else None

    def _place_modifier(self, match: AliasMatch) -> bool:
        token = self._token_at(match)
        if match.alias.kind != "country" or token is None or token.dep_ != "compound":
            return False
        # "U.S. Navy jets", "Israel Defense Forces": a country naming its own forces is no place.
        head = phrase_head(token)
        return not any(forms([t]) & FORCE_NOUNS for t in token.ancestors if t.i <= head.i)

    def antecedent(self, token: Token, personal: bool = False, kinds: set[str] | None = None) -> str | None:
        """The nearest earlier actor, in this sentence or the two before, that is not a place or a target."""
        index = next(i for i, s in enumerate(self.sentences) if s.start <= token.i < s.end)
        window_start = self.sentences[max(0, index - 2)].start_char
        if personal:
            # "he" is the nearest person: an actor only if that person is a known leader.
            people = [
                (e.start_char, self._leader(e.text))
                for e in self.doc.ents
                if e.label_ == "PERSON" and window_start <= e.start_char < token.idx
            ]
            people += [
                (m.start, m.alias.canonical)
                for m in self.matches
                if m.alias.kind == "leader" and window_start <= m.start < token.idx
            ]
            return max(people, key=lambda p: p[0])[1] if people else None
        found = self._nearest(token, window_start, kinds or STATE_KINDS | {"alliance", "group"})
        if found is None and kinds == {"alliance"}:  # "the coalition" stays the one named, however far
            return self._nearest(token, 0, kinds)
        if found is None and kinds == STATE_KINDS and self.last_actor in self.groups:
            # "the military" is a state's, never the armed group whose strike was told last
            return self._nearest(token, 0, kinds)
        return found or self.last_actor

    def _leader(self, name: str) -> str | None:
        alias = self.gazetteer.alias(name) or self.gazetteer.alias(name.split()[-1])
        return alias.canonical if alias and alias.kind == "leader" else None

    def _nearest(self, token: Token, window_start: int, kinds: set[str]) -> str | None:
        for match in reversed(self.matches):
            if not (window_start <= match.start and match.end <= token.idx) or match.alias.kind not in kinds:
                continue
            head_token = self._token_at(match)
            if head_token is None or not self._state_actor(match):
                continue
            if _role(phrase_head(head_token)) in ("subject", "other"):
                return match.alias.canonical
        return None
