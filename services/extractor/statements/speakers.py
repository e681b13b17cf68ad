"""Speakers: who a subject phrase refers to, under the name the article first gave.

"Cook", "he" and "the Pentagon press secretary" all become "Peter Cook"; "the
military" becomes "Israeli military" when the article said that first (or, failing
that, later); "a senior defense official" becomes an anonymous source, described with
what places it ("officials at the hospital"). Mentions are resolved in reading order,
so a pronoun takes the latest compatible mention before it. A name never runs across a
bracket, a spaced dash or a dateline ("BEIRUT (Reuters) -").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from services.extractor.lexicon.speech import (
    ABBREVIATIONS,
    ANONYMOUS_NOUNS,
    DOCUMENT_NOUNS,
    FEMALE_WORDS,
    GENERIC_ORG_NOUNS,
    MALE_WORDS,
    MEDIA_NOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PORTFOLIO_WORDS,
    THING_PRONOUNS,
    TITLE_WORDS,
)

_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_NOT_SPEAKERS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_NAME_LINKS = {"of", "for", "in"}  # "Office for ...", "Ministry of ...", "Mission in X (EUMA)"
_NAME_INSIDE = {"of", "for", "and", "the", "on"}
_PLACING = frozenset({"at", "for", "from", "with", "in", "of"})  # prepositions that say whose a source is
_CLOSE = {"close", "familiar", "loyal", "linked", "allied", "briefed"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_DROP_LEFT = {"det", "predet", "preconj", "punct", "cc", "advmod", "nummod", "quantmod"}
_BRACKETS = {"(", ")", "[", "]"}
_DASHES = {"-", "--", "\u2013", "\u2014"}
_PARTICIPLES = {"run", "led", "held", "built"}  # irregular, and often tagged as nouns: "Houthi-run"
_RANKS = {
    "col",
    "gen",
    "lt",
    "sgt",
    "brig",
    "maj",
    "capt",
    "adm",
    "cmdr",
    "gov",
    "rep",
    "sen",
    "dr",
    "mr",
    "mrs",
    "ms",
}


# Honorifics the title lists lack, which may stand capitalised before a name as if part of it.
_HONORIFICS = frozenset(
    "archbishop auditor brother cardinal consul father magistrate ombudsman pastor patriarch prof "
    "professor prosecutor rabbi sister sultan".split()
)


# Verbs of a relative clause that gives a person's post: "X, who was appointed governor of Y,".
_HOLDING_VERBS = frozenset({"be", "appoint", "name", "elect", "become"})


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str  # "person", "org" or "anonymous"
    title: str | None = None
    affiliation: str | None = None
    plural: bool = False
    aliases: tuple[str, ...] = ()
    role: str | None = field(default=None, compare=False)  # an unnamed source's head phrase, lower case

    @property
    def anonymous(self) -> bool:
        return self.kind == "anonymous"


@dataclass
class _Person:
    name: str
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # every description, lower case, for "the press secretary"

    def describe(self, descriptions: list[list[Token]]) -> None:
        """Take the first description as title and affiliation; remember all as roles."""
        for tokens in descriptions:
            while tokens and (tokens[0].ent_type_ == "DATE" or tokens[0].is_punct):
                tokens = tokens[1:]  # "12-year-old Ali Nasser": an age, not a title
            if not tokens:
                continue
            if self.title is None:
                self.title = _clean(_text(tokens)) or None
                self.affiliation = _affiliation(tokens)
            elif self.affiliation is None:  # "An army spokesman, Brig. Gen. X": the rank has no body
                self.affiliation = _affiliation(tokens)
            self.roles.append(_clean(_text(tokens)).lower())
            # "a spokesman for the army": "the spokesman" later; "resident and humanitarian
            # coordinator": "the coordinator" too. Each head noun ends a role of its own.
            for head in _role_heads(tokens):
                self.roles.append(_clean(_text([t for t in tokens if t.i <= head.i])).lower())

    def speaker(self) -> Speaker:
        return Speaker(self.name, "person", self.title, self.affiliation, aliases=tuple(self.aliases))


def noun_phrase(head: Token) -> Span:
    """The head noun with its pre-modifiers ("Gaza's civil defence agency"), without determiners."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _DROP_LEFT or child.tag_ == "PRP$":
            continue
        start = min(start, child.left_edge.i)
    doc = head.doc
    start = _after_breaks(doc, start, head.i)
    while start < head.i and (doc[start].dep_ in _DROP_LEFT or doc[start].pos_ == "DET"):
        start += 1
    return doc[start : head.i + 1]


def _org_name(phrase: Span) -> str:
    """An organisation's name without the writer's description of it.

    "US-backed Syrian Democratic Forces" is the Syrian Democratic Forces, "the state-run Daily
    Star newspaper" the Daily Star; but "the Saudi-led coalition" keeps its modifier, which
    is all the name there is; "the group's Radio X" is Radio X.
    """
    tokens = list(phrase)
    owned = [k for k, t in enumerate(tokens[:-1]) if t.text in _POSSESSIVE and t.dep_ == "case"]
    if (
        owned
        and all(t.is_lower for t in tokens[: owned[0]])
        and all(_is_proper(t) for t in tokens[owned[0] + 1 :])
    ):
        tokens = tokens[owned[0] + 1 :]  # the owner told by a common noun is no part of the name
    while len(tokens) > 3 and tokens[1].text == "-" and _is_participle(tokens[2]) and _is_proper(tokens[3]):
        tokens = tokens[3:]
    if len(tokens) > 1 and tokens[-1].lower_ in MEDIA_NOUNS and _is_proper(tokens[-2]):
        tokens = tokens[:-1]
    return _clean(_text(tokens))


def _whole_name(phrase: Span) -> Span:
    """A capitalised body's name with what the parser left outside it: "U.N. Office [for the
    Coordination of Humanitarian Affairs]", "European Union Mission [in Armenia] (EUMA)",
    "Jammu [and Kashmir Police]"."""
    doc = phrase.doc
    while len(phrase) > 1 and phrase[-1].lower_ in _NAME_LINKS | _NAME_INSIDE:  # an entity cut after "in"
        phrase = phrase[:-1]
    head = phrase[-1]
    for conj in head.rights:
        # "Jammu and Kashmir Police", parsed as "Jammu" with the police as its conjunct
        if conj.dep_ == "conj" and conj.left_edge.i == head.i + 2 and doc[head.i + 1].lower_ == "and":
            if (
                conj.lemma_.lower() in ORG_NOUNS
                and _is_name_word(conj)
                and head.lemma_.lower() not in ORG_NOUNS
            ):
                phrase, head = doc[phrase.start : conj.i + 1], conj
    if not head.text[:1].isupper() or head.lemma_.lower() not in ORG_NOUNS and head.ent_type_ != "ORG":
        return phrase
    start, end = phrase.start, phrase.end
    if end + 1 < len(doc) and doc[end].lower_ in _NAME_LINKS:
        k = end + 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        while k < len(doc) and (
            _is_name_word(doc[k])
            or k + 1 < len(doc)
            and doc[k].lower_ in _NAME_INSIDE
            and _is_name_word(doc[k + 1])
        ):
            k += 1
        acronym = (
            k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].text.isupper() and doc[k + 2].text == ")"
        )
        if k > end + 1 and _is_name_word(doc[k - 1]) and (doc[end].lower_ != "in" or acronym):
            end = k
    return doc[start:end]


def _body_key(name: str) -> str:
    """A body's name without its owner's inflection: "Israel's military" and "Israeli military"."""
    words = name.lower().replace("\u2019", "'").replace("'s ", " ").split()
    return " ".join(w[:5] for w in words)


def _is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.ent_type_ not in _NOT_SPEAKERS


def _is_region(phrase: Span) -> bool:
    """A place with a common word before it: "northern Israel", "war-torn Sudan"."""
    head = phrase[-1]
    return head.ent_type_ in {"GPE", "LOC"} and any(t.is_lower and t.is_alpha for t in phrase[:-1])


def _is_participle(token: Token) -> bool:
    return (
        token.tag_ in {"VBN", "VBD"}
        or token.is_lower
        and (token.lower_.endswith("ed") or token.lower_ in _PARTICIPLES)
    )


def _is_proper(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text[:1].isupper()


def _after_breaks(doc: Doc, start: int, head: int) -> int:
    """Past a bracket or dash before the head: "BEIRUT (Reuters" is a dateline, not a name."""
    for i in range(head - 1, start - 1, -1):
        token = doc[i]
        if token.text in _BRACKETS or token.is_space or (token.text in _DASHES and token.whitespace_):
            return i + 1
    return start


def _appositive(head: Token) -> list[Token]:
    """An appositive's words up to its first comma: "the U.S. military's new spokesman in Baghdad"."""
    clauses = {t.i for c in head.children if c.dep_ in {"relcl", "acl"} and c.i > head.i for t in c.subtree}
    tokens = []
    for token in head.subtree:
        if token.text in {",", "(", "\u2014"} and token.i > head.i or token.i in clauses:
            break
        tokens.append(token)
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].is_punct):
        tokens = tokens[1:]
    return tokens


def _determined(head: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} for c in head.children)


def _indefinite(head: Token) -> bool:
    return any(
        c.lower_ in {"a", "an", "another", "one"} and c.dep_ in {"det", "nummod"} for c in head.children
    )


def _qualifier(head: Token, phrase: Span, placing: frozenset[str] = _PLACING) -> list[Token]:
    """What places an unnamed source: "officials [at the regional hospital]", "a spokesman [for the UN]"."""
    for child in head.rights:
        if child.i == phrase.end and child.dep_ == "amod" and child.lower_ in _CLOSE:
            # "sources close to the talks", "an official familiar with the plan"
            rest = _qualifier(child, head.doc[child.i : child.i + 1], frozenset({"to", "with"}))
            return [child, *rest] if rest else []
        if child.i != phrase.end or child.dep_ != "prep" or child.lower_ not in placing:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if not objects or objects[0].ent_type_ in _NOT_SPEAKERS:
            return []  # "officials on Monday": when, not who
        tokens = [child]
        clauses = {t.i for c in objects[0].children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        for token in child.subtree:
            if token.i == child.i:
                continue
            if token.text in {",", "(", "\u2014"} or token.i in clauses or token.i != tokens[-1].i + 1:
                break
            tokens.append(token)
        return tokens if len(tokens) > 1 else []
    return []


def _affiliation(title: list[Token]) -> str | None:
    """The body a title names: "Senate Armed Services Committee" in its chairman's title, "Pentagon"."""
    inside = {t.i for t in title}
    for token in title:
        if token.lemma_.lower() in ORG_NOUNS and token.dep_ not in {"compound", "amod", "nmod", "poss"}:
            phrase = [t for t in noun_phrase(token) if t.i in inside]
            return _clean(_text(phrase)) or None
    run: list[Token] = []
    for token in title:
        named = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.ent_type_ == "ORG")  # "UNICEF"
        if named and token.text[:1].isalpha() and token.lower_.rstrip(".") not in TITLE_WORDS:
            run.append(token)
        elif run and token.text in _POSSESSIVE and all(t.ent_type_ == "PERSON" for t in run):
            run = []  # "Minister Lars Berg's spokesman" works for a person, not a body
        elif run:
            break
    if all(t.lower_ in PORTFOLIO_WORDS for t in run):
        run = []  # "Information Minister": the post, not a body; "Health Ministry" is one
    if run and run[-1].lemma_.lower() in ORG_NOUNS:  # "State Department": the body's whole name
        doc = run[0].doc
        while run[0].i - 1 in inside and doc[run[0].i - 1].pos_ == "PROPN" and doc[run[0].i - 1].is_title:
            run.insert(0, doc[run[0].i - 1])
    if run:
        return _clean(_text(run)) or None
    for token in title:  # "the mission's head", "an army spokesman": the body that owns the post
        if token.lemma_.lower() not in ORG_NOUNS or token.pos_ != "NOUN":
            continue
        if token.dep_ == "poss" or (token.dep_ == "compound" and token.head.lower_ in PERSON_TITLES):
            return _clean(_text([t for t in noun_phrase(token) if t.i in inside])) or None
    return None


def _role_heads(tokens: list[Token]) -> list[Token]:
    """The head nouns of a description, without what follows them: "spokesman" in "spokesman for X"."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    heads = [r for r in roots if r.pos_ in {"NOUN", "PROPN"}]
    heads += [c for h in heads for c in h.conjuncts if c.i in inside and c.pos_ in {"NOUN", "PROPN"}]
    return [h for h in heads if h.i < tokens[-1].i]


def _may_serve(person: _Person, owner: Token) -> bool:
    """Whether a person's title leaves room for the owner of a post: "Ukrainian Foreign Minister X"
    is not "Russia's foreign minister"; "Foreign Minister X" may be anyone's."""
    stem = owner.lower_[:4]
    for word in (person.title or "").replace("'s", " ").replace("\u2019s", " ").split():
        if word[:1].isupper() and word.lower().rstrip(".") not in TITLE_WORDS | PORTFOLIO_WORDS:
            if not word.lower().startswith(stem):
                return False
    return True


def _same_first_name(a: str, b: str) -> bool:
    """ "Ash Carter" and "Ashton Carter" are one man; "Lina Haddad" and "Omar Haddad" are not."""
    first_a, first_b = a.split()[0].lower(), b.split()[0].lower()
    return len(a.split()) < 2 or first_a.startswith(first_b) or first_b.startswith(first_a) or _is_tail(a, b)


def _is_tail(full: str, short: str) -> bool:
    """ "Abu Ghali" and "Al-Otaibi" are what "Samir Abu Ghali" and "Fahd al-Otaibi" go by later."""
    words, tail = full.lower().split(), short.lower().split()
    return len(tail) < len(words) and words[-len(tail) :] == tail


def _extends(longer: list[str], words: list[str]) -> bool:
    return len(longer) > len(words) and longer[-len(words) :] == words


def _clean(text: str) -> str:
    return text.strip(" ,;:-\u2014")


def _name_tokens(tokens: list[Token]) -> list[Token]:
    """A person's name without leading titles or a trailing possessive.

    A title inside the run ends what stands before the name: "Kharkiv Mayor [Ihor Terekhov]",
    "Norway's Foreign Minister [Ola Berg]"; the last word is the name itself ("Peter King").
    """
    while tokens and tokens[-1].text in _POSSESSIVE:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLE_WORDS | _RANKS:
        tokens = tokens[1:]
    titles = [k for k, t in enumerate(tokens[:-1]) if t.lower_.rstrip(".") in PERSON_TITLES | _RANKS]
    if titles:
        tokens = tokens[titles[-1] + 1 :]
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens


def _whole_person(ent: Span) -> Span:
    """A person's name with a first name the model left outside it: "[Abdirashid] Hassan Nur"."""
    doc, start = ent.doc, ent.start
    while start > max(ent.start - 2, 0):
        token = doc[start - 1]
        if not (
            token.pos_ == "PROPN"
            and token.dep_ == "compound"
            and start <= token.head.i < ent.end
            and token.ent_type_ in {"", "PERSON"}  # "[Kyaw] Thura [Aung]", cut in pieces
            and token.is_alpha
            and token.is_title
        ):
            break
        if token.lower_ in TITLE_WORDS | PERSON_TITLES | PORTFOLIO_WORDS | ORG_NOUNS | _RANKS | _HONORIFICS:
            break
        start -= 1
    return doc[start : ent.end]


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


class SpeakerResolver:
    """Resolves speaker phrases in reading order; call `resolve` with increasing positions."""

    def __init__(self, doc: Doc, in_quote: list[bool], in_dateline: list[bool] | None = None) -> None:
        self.doc = doc
        self._in_quote = in_quote
        self._in_dateline = in_dateline or [False] * len(doc)
        self._persons: dict[str, _Person] = {}
        self._surnames: dict[str, str] = {}
        self._person_of_token: dict[int, str] = {}
        self._org_phrases: list[tuple[int, list[str], str]] = []
        self._timeline: list[tuple[int, Speaker]] = []  # (token, referent) in reading order
        self._gender: dict[str, str] = {}  # "m" or "f" by name or description, as pronouns revealed it
        self._index_orgs()
        self._index_people()

    # -- indexes built once per document ---------------------------------------------

    def _index_people(self) -> None:
        ents = list(self.doc.ents)
        self._inside_org_names = {
            i for e in ents if e.label_ in _ORG_LABELS for i in range(e.start, e.end - 1)
        }
        # "The Observatory said", labelled a person: a body's noun alone is no one's name
        people = [
            _whole_person(e)
            for e in ents
            if e.label_ == "PERSON" and not all(t.lower_ in ORG_NOUNS for t in e)
        ]
        people = [
            e for e in people if not any(o.start <= e.start and e.end <= o.end and o != e for o in people)
        ]
        # Full names first, so that a surname seen before the full name still maps to it.
        # A name is counted in words: "al-Otaibi" is one, however the tokenizer splits it.
        for ent in sorted(people, key=lambda e: (len(_text(_name_tokens(list(e))).split()) < 2, e.start)):
            tokens = _name_tokens(list(ent))
            if not tokens:
                continue
            name = _text(tokens)
            surname = tokens[-1].lower_
            several = len(name.split()) > 1
            canonical = self._surnames.get(name.lower()) or self._surnames.get(surname)
            if canonical is not None and several and not _same_first_name(canonical, name):
                canonical = None  # "Lina Haddad" and "Omar Haddad" are two people
            if canonical is None:
                canonical = name
                self._persons[name] = _Person(name)
                self._surnames.setdefault(surname, name)
                self._surnames[name.lower()] = name
            elif (
                name != canonical
                and several
                and not _is_tail(canonical, name)
                and name not in self._persons[canonical].aliases
            ):
                self._persons[canonical].aliases.append(name)
            for token in ent:
                self._person_of_token[token.i] = canonical
        for ent in sorted(people, key=lambda e: e.start):
            canonical = self._person_of_token.get(ent.start)
            person = self._persons.get(canonical or "")
            if person and not self._in_quote[ent.start]:
                had = person.affiliation
                person.describe(self._descriptions_of(ent))
                if person.affiliation != had and person.affiliation and person.affiliation.islower():
                    words = person.affiliation.split()  # "the mission's head": the mission as named
                    person.affiliation = self._fuller_org(words, ent.start) or person.affiliation
                if person.title is not None and person.affiliation is None:
                    person.affiliation = self._owner(ent)

    def _owner(self, ent: Span) -> str | None:
        """ "The agency ... Its spokesman, X": the organisation last named before "its"."""
        head = ent.root.head if ent.root.dep_ == "appos" else ent.root
        if not any(c.lower_ == "its" and c.dep_ == "poss" for c in head.children):
            return None
        named = [
            text for p, _, text in self._org_phrases if p < ent.start and self._names_a_body(self.doc[p])
        ]
        return named[-1] if named else None

    @staticmethod
    def _names_a_body(token: Token) -> bool:
        return token.ent_type_ == "ORG" or (token.pos_ == "PROPN" and token.ent_type_ == "")

    def _descriptions_of(self, ent: Span) -> list[list[Token]]:
        """Words describing a named person: before the name, and in an apposition beside it."""
        found = []
        first_name_token = _name_tokens(list(ent))[0].i
        before = [t for t in noun_phrase(ent.root) if t.i < ent.start]
        before += [t for t in ent if t.i < first_name_token and not t.is_punct]
        first = ent.start
        if before:
            before.sort(key=lambda t: t.i)
            ranks = self._abbreviated_ranks(before[0].i)
            found.append(ranks + before)
            first = (ranks + before)[0].i
        if first >= 2 and self.doc[first - 1].text == "," and ent.root.dep_ != "appos":
            # "An army spokesman, Brig. Gen. X, said", parsed as a fragment and a new clause
            role = self.doc[first - 2]
            if role.pos_ == "NOUN" and role.lower_ in PERSON_TITLES and role.dep_ == "ROOT":
                found.append(list(noun_phrase(role)))
        for child in ent.root.rights:
            if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"}:  # not an age: "Iryna Boyko, 52"
                found.append(_appositive(child))
            if child.dep_ == "relcl" and child.lemma_.lower() in _HOLDING_VERBS:
                # "X, who was appointed governor of Y region last year,": the post is a description
                if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "who" for c in child.children):
                    posts = [c for c in child.children if c.dep_ in {"attr", "oprd"} and c.pos_ == "NOUN"]
                    found += [_appositive(post) for post in posts[:1]]
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.pos_ == "NOUN":  # "the foreign minister, Andriy Sybiha"
            phrase = noun_phrase(head)  # "a spokesman for the army, Major X", later "the spokesman"
            qualifier = _qualifier(head, phrase)
            found += [list(phrase) + qualifier, list(phrase)] if qualifier else [list(phrase)]
        elif ent.root.dep_ == "appos" and head.i == ent.start - 1 and head.lower_.rstrip(".") in TITLE_WORDS:
            # "Norway's Foreign Minister Ola Berg", parsed as the title with the name beside it
            found.insert(0, list(noun_phrase(head)))
        return [tokens for tokens in found if tokens]

    def _abbreviated_ranks(self, start: int) -> list[Token]:
        """The rest of a split rank before a title: "Brig." before "Gen. X", cut off by the tokenizer."""
        doc, i = self.doc, start
        while i >= 2 and doc[i - 1].text == "." and not doc[i - 2].whitespace_:
            if doc[i - 2].lower_ not in ABBREVIATIONS or doc[i - 2].lower_ not in TITLE_WORDS:
                break
            i -= 2
        return list(doc[i:start])

    def _index_orgs(self) -> None:
        for chunk in self.doc.noun_chunks:
            head = chunk.root
            if self._in_quote[head.i] or self._in_dateline[head.i] or head.pos_ == "PRON":
                continue
            named = head.ent_type_ in _ORG_LABELS or head.lemma_.lower() in ORG_NOUNS
            if named or (head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN"}):
                phrase = noun_phrase(head)
                if _is_region(phrase):
                    continue  # "into northern Israel": a part of a place, no fuller name for "Israel"
                words = [t.lower_ for t in phrase if not t.is_punct]
                text = _org_name(self._org_phrase(head))
                if head.dep_ == "appos" and head.pos_ == "NOUN" and self._names_a_body(head.head):
                    text = _org_name(self._org_phrase(head.head))  # "X, a war monitor": "the monitor" is X
                self._org_phrases.append((head.i, words, text))

    # -- resolution ------------------------------------------------------------------

    def resolve(self, head: Token, speaking: bool) -> Speaker | None:
        """The referent of the phrase headed by `head`; `speaking` when it is a reporting verb's subject.

        Only speakers and names, sources and organisations are remembered for later
        pronouns, so "Among them were nine children" cannot become what "it" means.
        """
        speaker = self._resolve(head, speaking)
        if speaker is not None and not (speaker.anonymous and head.lemma_.lower() in DOCUMENT_NOUNS):
            self._timeline.append((head.i, speaker))  # an unsigned report is nobody "he" can mean
        return speaker

    def _resolve(self, head: Token, speaking: bool = True) -> Speaker | None:
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            gender = "m" if lower in {"he", "him"} else "f"
            found = self._latest(
                lambda s: (
                    (s.kind == "person" or (s.kind == "anonymous" and not s.plural))
                    and self._gender_of(s, gender) == gender
                )
            )
            if found is not None:  # what "he" or "she" was used for tells the next pronoun
                self._gender.setdefault(found.name or found.title or "", gender)
            return found
        if lower in THING_PRONOUNS:
            if lower == "it":
                return self._latest(lambda s: s.kind == "org")
            return self._latest(lambda s: s.plural or s.kind == "org")
        if head.pos_ == "PRON":
            return None
        if head.lower_ == "one" or head.pos_ == "NUM":  # "one of them", "one of the officials"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return self._resolve(objects[0], speaking)
            return None
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and self._is_org_noun(head):
                return self._org(child)  # "the monitoring group Border Watch", whatever the model thinks
            if child.dep_ == "appos" and child.ent_type_ == "ORG" and head.pos_ == "NOUN":
                return self._org(child)  # "the army's media wing, Joint Public Relations (JPR),"
            if child.dep_ == "appos" and self._is_person(child):
                return self._person(child)
        if head.pos_ == "NOUN" and (named := self._named_beside(head)) is not None:
            return self._person(named)
        if head.lemma_.lower() == "medium" and any(c.lower_.startswith("state") for c in head.lefts):
            return self._org(head)  # "Syrian state media said": the state's outlets, a body
        described = head
        while described.dep_ == "conj" and described.pos_ == "NOUN" and not _determined(described):
            # "X, the acting resident and humanitarian coordinator": one description of X; not
            # "X, a farmer, and his wife", where the determiner makes the wife someone else
            described = described.head
        if described.dep_ == "appos" and head.pos_ == "NOUN" and self._is_person(described.head):
            return self._person(
                described.head
            )  # "Fatima Ahmed, a resident who said ...": the resident is her
        if self._is_person(head):
            return self._person(head)
        lemma = head.lemma_.lower()
        if lemma in DOCUMENT_NOUNS:
            return self._author(head, speaking)
        if (
            head.pos_ == "NOUN"
            and (lemma in ANONYMOUS_NOUNS or lemma in TITLE_WORDS)
            and lemma not in ORG_NOUNS
        ):
            return self._role(head)
        if head.pos_ == "PROPN" and lemma in PERSON_TITLES and head.ent_type_ in {"", "NORP"}:
            return self._role(head)  # "The President said", capitalised but no name
        if head.ent_type_ in _NOT_SPEAKERS:
            return None
        if (
            speaking
            and head.tag_ == "NN"
            and lemma not in ORG_NOUNS | GENERIC_ORG_NOUNS
            and _indefinite(head)
        ):
            return self._role(head)  # "one surgeon said", "a nurse told reporters": a person, unnamed
        if head.ent_type_ in _ORG_LABELS or head.pos_ == "PROPN" or lemma in ORG_NOUNS:
            return self._org(head)
        if speaking and head.pos_ == "NOUN":
            if head.tag_ == "NN" and lemma not in ORG_NOUNS and (holder := self._holder(head)) is not None:
                return holder  # "the chief executive" after "Jonas Berg, the company's chief executive"
            return self._org(head)  # "the rebels", "residents": a group speaks
        return None

    def _named_beside(self, head: Token) -> Token | None:
        """ "An adviser to commander X Y, Z W, said": a person apposed to the person a role
        serves is the one holding the role, not a second name for the first."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"to", "for", "of"}:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ != "PERSON":
                    continue
                for appos in obj.children:
                    if appos.dep_ == "appos" and appos.ent_type_ == "PERSON" and appos.i > obj.i:
                        return appos
        return None

    @staticmethod
    def _is_org_noun(head: Token) -> bool:
        lemma = head.lemma_.lower()
        return head.pos_ == "NOUN" and (lemma in ORG_NOUNS or lemma in GENERIC_ORG_NOUNS)

    def _gender_of(self, speaker: Speaker, default: str) -> str:
        known = self._gender.get(speaker.name or speaker.title or "")
        if known:
            return known
        words = set((speaker.title or "").lower().replace(".", "").split())
        if words & MALE_WORDS:
            return "m"
        return "f" if words & FEMALE_WORDS else default

    def _is_person(self, token: Token) -> bool:
        if token.i in self._person_of_token:
            return True
        if token.pos_ == "NOUN" and token.text.istitle() and token.lower_ in self._surnames:
            return True  # "Kravets said", the surname of a named person, tagged as a plural noun
        if token.pos_ != "PROPN":
            return False
        if token.lower_ not in self._surnames:
            return self._looks_like_person(token)
        # The model often labels a name as a place or an organisation: trust the article's own
        # person mention unless the surname sits inside a longer name ("the Carter Center").
        if self._looks_like_person(token):
            return True
        return token.i not in self._inside_org_names

    def _looks_like_person(self, token: Token) -> bool:
        """A name the model missed: titled ("Gov. X") or described ("X, the agency's director")."""
        if token.lemma_.lower() in ORG_NOUNS:
            return False
        for child in token.children:
            if child.dep_ != "appos" or child.lemma_.lower() in ORG_NOUNS:
                continue
            # "Ahmed, a taxi driver,": a described name that the model did not call an organisation.
            if child.lemma_.lower() in PERSON_TITLES or (
                child.pos_ == "NOUN" and token.ent_type_ in {"", "PERSON"}
            ):
                return True
        return any(t.lower_.rstrip(".") in PERSON_TITLES and t.i < token.i for t in noun_phrase(token))

    def _person(self, token: Token) -> Speaker:
        canonical = self._person_of_token.get(token.i) or self._surnames.get(token.lower_)
        if canonical is not None and " " not in canonical:  # a lone surname: has a full name been seen?
            canonical = self._surnames.get(canonical.lower(), canonical)
        if canonical is None or " " not in canonical:
            canonical = self._register_name(token) or canonical or token.text
        return self._persons.setdefault(canonical, _Person(canonical)).speaker()

    def _register_name(self, token: Token) -> str | None:
        """A name the NER did not label as a person, with its title, for later surname mentions."""
        phrase = noun_phrase(token)
        start = (
            token.i
        )  # the name is the run of proper nouns ending at the head: "Kremlin spokesman [Dmitry Orlov]"
        while start > phrase.start and (
            self.doc[start - 1].pos_ == "PROPN" or self.doc[start - 1].text == "-"
        ):
            start -= 1
        name_tokens = _name_tokens(list(self.doc[start : token.i + 1]))
        if not name_tokens:
            return None
        name = _text(name_tokens)
        if len(name_tokens) < 2 and name in self._persons:
            return None
        descriptions = [[t for t in phrase if t.i < name_tokens[0].i]]
        descriptions += [_appositive(c) for c in token.children if c.dep_ == "appos"]
        if name not in self._persons:
            self._persons[name] = _Person(name)
            self._persons[name].describe([d for d in descriptions if d])
        if len(name_tokens) > 1 or token.lower_ not in self._surnames:
            self._surnames[token.lower_] = name
        return name

    def _org(self, head: Token) -> Speaker:
        phrase = self._org_phrase(head)
        words = [t.lower_ for t in phrase if not t.is_punct]
        name = _org_name(phrase)
        longer = [
            (p, text) for p, earlier, text in self._org_phrases if p < head.i and _extends(earlier, words)
        ]
        if (
            len(words) == 1
            and head.pos_ == "PROPN"
            and head.lemma_.lower() not in ORG_NOUNS | GENERIC_ORG_NOUNS
        ):
            longer = []  # a name is whole: "the Taliban" is not the "Pakistani Taliban" named before
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if definite and len(words) == 1 and head.lemma_.lower() in GENERIC_ORG_NOUNS:
            # "Hamas did not comment. The group said ...": the last named organisation, unless
            # a fuller "the militant group" came after it.
            position, named = self._latest_mention(lambda s: s.kind == "org" and (s.name or "")[:1].isupper())
            if named is not None and self.doc[position].ent_type_ == "GPE":
                # "Turkey has struck the PKK ... after the group announced": a country is no group
                bodies = [(p, text) for p, _, text in self._org_phrases if position < p < head.i]
                bodies = [(p, text) for p, text in bodies if self.doc[p].ent_type_ == "ORG"]
                if bodies:
                    return Speaker(bodies[-1][1], "org")
            if named is not None and (not longer or position >= longer[-1][0]):
                return named
        if longer:  # "the military" after "the Israeli military": the name as first given
            return Speaker(self._first_naming(longer), "org", aliases=(name,), plural=head.tag_ == "NNPS")
        if definite and len(words) == 1 and head.pos_ == "NOUN" and head.text.islower():
            # "what the military said were ..." before "The Israeli military said": the fuller
            # name the article gives later (with none, the body is known by its description).
            later = self._fuller_org(words, head.i)
            if later is not None:
                return Speaker(later, "org", aliases=(name,))
        return Speaker(name, "org", plural=head.tag_ in {"NNS", "NNPS"})

    def _first_naming(self, longer: list[tuple[int, str]]) -> str:
        """Of the fuller names before a short one, the nearest body, as the article first named it:
        "the ministry" after "A's Defense Ministry ... B's Defense Ministry" is B's."""
        nearest = longer[-1][1]
        key = _body_key(nearest)
        return next((text for _, text in longer if _body_key(text) == key), nearest)

    def _fuller_org(self, words: list[str], position: int) -> str | None:
        """The fullest naming of a body known by `words`: the first before `position`, else after it."""
        before = [text for p, longer, text in self._org_phrases if p < position and _extends(longer, words)]
        after = [text for p, longer, text in self._org_phrases if p > position and _extends(longer, words)]
        return (before or after or [None])[0]

    def _org_phrase(self, head: Token) -> Span:
        """The name with its modifiers, completed to the entity: "Institute for the Study of War"."""
        return _whole_name(self._entity_phrase(head))

    def _entity_phrase(self, head: Token) -> Span:
        phrase = noun_phrase(head)
        if head.ent_type_ not in {"ORG", "FAC"}:
            return phrase
        doc = self.doc
        start, end = head.i, head.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        start = _after_breaks(doc, min(start, phrase.start), head.i)
        while start < head.i and doc[start].pos_ == "DET":
            start += 1
        return doc[start : max(end, phrase.end)]

    def _author(self, document: Token, speaking: bool) -> Speaker | None:
        """Who speaks through a document: "an AFP tally", "a statement from the group", "the statement"."""
        for child in document.lefts:
            if child.dep_ in {"compound", "poss", "nmod"} and child.text[:1].isupper():
                return self._org(child)
        for child in document.rights:
            if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._resolve(obj, speaking)
            if child.dep_ == "acl" and child.tag_ == "VBN":  # "figures released by the ministry"
                for by in child.children:
                    if by.dep_ in {"agent", "prep"} and by.lower_ in {"by", "from"}:
                        obj = next((c for c in by.children if c.dep_ == "pobj"), None)
                        if obj is not None:
                            return self._resolve(obj, speaking)
        if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in document.children):
            issuer = self._latest(lambda s: s.kind in {"org", "person"})  # "the statement said": its issuer
            if issuer is not None:
                return issuer
        if speaking:  # "according to local media reports": nobody named, but the source is described
            return Speaker(None, "anonymous", _clean(noun_phrase(document).text) or None)
        return None

    def _role(self, head: Token) -> Speaker:
        """A common-noun speaker: a role of someone named earlier, or an unnamed source."""
        phrase = noun_phrase(head)
        words = [t.lower_ for t in phrase if not t.is_punct and t.lower_ not in {"the", "a", "an"}]
        definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children)
        plural = head.tag_ == "NNS"
        if definite:
            tail = " ".join(words)
            for _, speaker in reversed(self._timeline):  # the latest holder of the role first
                if speaker.kind == "person" and self._holds(speaker.name or "", tail):
                    return speaker
                title = (speaker.role or speaker.title or "").lower()
                if speaker.kind == "anonymous" and title.split()[-1:] == [head.lower_]:
                    if all(w in title for w in words):
                        return speaker
            for person in self._persons.values():
                if self._holds(person.name, tail):
                    return person.speaker()
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None and not plural:
            # "Somalia's defense minister said" before "Defense Minister X told reporters": the one
            # person the article gives that post, if only one holds it
            post = " ".join(t.lower_ for t in phrase if t.i > owner.right_edge.i and not t.is_punct)
            holders = [
                p for p in self._persons.values() if self._holds(p.name, post) and _may_serve(p, owner)
            ]
            if len(holders) == 1:
                return holders[0].speaker()
        described = list(phrase) + _qualifier(head, phrase)
        title = _clean(_text(described)) or None
        partner = self._coordinated_source(head)
        if partner is not None and title is not None:
            # "tribal elders and a local lawmaker said": one unnamed source, described whole
            title = _clean(self.doc[described[0].i : partner.i + 1].text)
            plural = True
        role = _clean(phrase.text).lower() or None
        return Speaker(
            None, "anonymous", title, self._body(_affiliation(described), head.i), plural, role=role
        )

    def _coordinated_source(self, head: Token) -> Token | None:
        """An unnamed source joined to this one by "and": "elders and a local lawmaker"."""
        for conj in head.children:
            lemma = conj.lemma_.lower()
            if conj.dep_ == "conj" and conj.pos_ == "NOUN" and lemma in ANONYMOUS_NOUNS | PERSON_TITLES:
                if not any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in conj.subtree):
                    return conj
        return None

    def _body(self, affiliation: str | None, position: int) -> str | None:
        """ "the agency's spokesman": the agency under its name, or the group last named for "group"."""
        if affiliation is None or not affiliation.islower() or " " in affiliation:
            return affiliation
        if affiliation in GENERIC_ORG_NOUNS:
            named = self._latest(lambda s: s.kind == "org" and (s.name or "")[:1].isupper())
            return named.name if named is not None else affiliation
        return self._fuller_org([affiliation], position) or affiliation

    def _holder(self, head: Token) -> Speaker | None:
        """The person the article described with this definite role, latest mention first."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        tail = " ".join(t.lower_ for t in noun_phrase(head) if not t.is_punct)
        for _, speaker in reversed(self._timeline):
            if speaker.kind == "person" and self._holds(speaker.name or "", tail):
                return speaker
        return next((p.speaker() for p in self._persons.values() if self._holds(p.name, tail)), None)

    def _holds(self, name: str, role: str) -> bool:
        person = self._persons.get(name)
        return person is not None and any(r == role or r.endswith(" " + role) for r in person.roles)

    def _latest(self, fits: Callable[[Speaker], bool]) -> Speaker | None:
        return self._latest_mention(fits)[1]

    def _latest_mention(self, fits: Callable[[Speaker], bool]) -> tuple[int, Speaker | None]:
        for position, speaker in reversed(self._timeline):
            if fits(speaker):
                return position, speaker
        return -1, None
