"""Finding mentions: the per-document indexes of the people and organisations an article names,
with their names and descriptions, and the lookups the resolution rules make in them."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from services.extractor.lexicon.function_words import NAME_INSIDE
from services.extractor.lexicon.sources import GENERIC_ORG_NOUNS, ORG_NOUNS
from services.extractor.lexicon.speech import HOLDING_VERBS
from services.extractor.lexicon.titles import ABBREVIATIONS, PERSON_TITLES, TITLE_WORDS
from services.extractor.statements.speakers.names import is_tail, name_tokens, same_first_name, whole_person
from services.extractor.statements.speakers.phrases import (
    ORG_LABELS,
    after_breaks,
    appositive,
    body_key,
    extends,
    is_name_word,
    is_region,
    noun_phrase,
    org_name,
    qualifier,
    text_of,
    whole_name,
)
from services.extractor.statements.speakers.speaker import Person, Speaker


class Mentions:
    """The people and organisations an article names, indexed once per document.

    People come from the model's PERSON entities (completed, and without their titles) and
    carry every description the article gives them; organisations are the noun phrases that
    name a body, with the fullest form of each name, for "the ministry" to find later.
    """

    def __init__(self, doc: Doc, in_quote: list[bool], in_dateline: list[bool]) -> None:
        self.doc = doc
        self.in_quote = in_quote
        self.in_dateline = in_dateline
        self.persons: dict[str, Person] = {}
        self.surnames: dict[str, str] = {}
        self.person_of_token: dict[int, str] = {}
        self.org_phrases: list[tuple[int, list[str], str]] = []  # (head, words, name) in reading order
        self.inside_org_names: set[int] = set()
        self._full_names: list[tuple[int, str, str]] = []  # (start, person, name as written)
        self.acronyms: dict[str, tuple[int, str]] = {}  # "LTTE" -> (where, "Liberation Tigers of ...")
        self._index_orgs()
        self._index_acronyms()
        self._index_people()

    def _index_people(self) -> None:
        ents = list(self.doc.ents)
        self.inside_org_names = {i for e in ents if e.label_ in ORG_LABELS for i in range(e.start, e.end - 1)}
        # "The Observatory said", labelled a person: a body's noun alone is no one's name
        people = [
            whole_person(e)
            for e in ents
            if e.label_ == "PERSON" and not all(t.lemma_.lower() in ORG_NOUNS for t in e)
        ]
        people = [
            e for e in people if not any(o.start <= e.start and e.end <= o.end and o != e for o in people)
        ]
        # Full names first, so that a surname seen before the full name still maps to it.
        # A name is counted in words: "al-Otaibi" is one, however the tokenizer splits it.
        for ent in sorted(people, key=lambda e: (len(text_of(name_tokens(list(e))).split()) < 2, e.start)):
            tokens = name_tokens(list(ent))
            if not tokens:
                continue
            name = text_of(tokens)
            surname = tokens[-1].lower_
            several = len(name.split()) > 1
            canonical = None if several else self._full_name_before(name, ent.start)
            canonical = canonical or self.surnames.get(name.lower()) or self.surnames.get(surname)
            if canonical is not None and several and not same_first_name(canonical, name):
                canonical = None  # "Lina Haddad" and "Omar Haddad" are two people
            if canonical is None:
                canonical = name
                self.persons[name] = Person(name)
                self.surnames.setdefault(surname, name)
                self.surnames[name.lower()] = name
            elif (
                name != canonical
                and several
                and not is_tail(canonical, name)
                and name not in self.persons[canonical].aliases
            ):
                self.persons[canonical].aliases.append(name)
            for token in ent:
                self.person_of_token[token.i] = canonical
            if several:
                self._full_names.append((ent.start, canonical, name))
        for ent in sorted(people, key=lambda e: e.start):
            canonical = self.person_of_token.get(ent.start)
            person = self.persons.get(canonical or "")
            if person and not self.in_quote[ent.start]:
                had = person.affiliation
                person.describe(self._descriptions_of(ent))
                if person.affiliation != had and person.affiliation and person.affiliation.islower():
                    words = person.affiliation.split()  # "the mission's head": the mission as named
                    person.affiliation = self.fuller_org(words, ent.start) or person.affiliation
                if person.title is not None and person.affiliation is None:
                    person.affiliation = self._owner(ent)

    def _index_acronyms(self) -> None:
        """ "the Liberation Tigers of Tamil Eelam (LTTE)": the acronym stands for the name before it."""
        doc = self.doc
        for i in range(1, len(doc) - 2):
            acronym = doc[i + 1].text
            if doc[i].text != "(" or doc[i + 2].text != ")" or not (acronym.isupper() and acronym.isalpha()):
                continue
            if len(acronym) < 2 or not is_name_word(doc[i - 1]):
                continue
            start = i - 1  # back over the name's words and the small words inside it
            while start > 0 and (
                is_name_word(doc[start - 1]) or doc[start - 1].lower_ in NAME_INSIDE | {"-"}
            ):
                start -= 1
            while not is_name_word(doc[start]) or doc[start].lower_ == "the":
                start += 1
            name = doc[start:i].text
            if len(name.split()) > 1 and acronym not in self.acronyms:
                self.acronyms[acronym] = (i, name)

    def _full_name_before(self, word: str, position: int) -> str | None:
        """ "Lee" after "Lt. Gen. Lee Hong-ki": the person whose full name, mentioned last before
        `position`, has this word as its first or last name."""
        key = word.lower()
        found = [
            (start, person)
            for start, person, name in self._full_names
            if start < position and key in (name.lower().split()[0], name.lower().split()[-1])
        ]
        return max(found)[1] if found else None

    def _owner(self, ent: Span) -> str | None:
        """ "The agency ... Its spokesman, X": the organisation last named before "its"."""
        head = ent.root.head if ent.root.dep_ == "appos" else ent.root
        if not any(c.lower_ == "its" and c.dep_ == "poss" for c in head.children):
            return None
        named = [text for p, _, text in self.org_phrases if p < ent.start and self.names_a_body(self.doc[p])]
        return named[-1] if named else None

    @staticmethod
    def names_a_body(token: Token) -> bool:
        return token.ent_type_ == "ORG" or (token.pos_ == "PROPN" and token.ent_type_ == "")

    def _descriptions_of(self, ent: Span) -> list[list[Token]]:
        """Words describing a named person: before the name, and in an apposition beside it."""
        found = []
        first_name_token = name_tokens(list(ent))[0].i
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
                found.append(appositive(child))
            if child.dep_ == "relcl" and child.lemma_.lower() in HOLDING_VERBS:
                # "X, who was appointed governor of Y region last year,": the post is a description
                if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "who" for c in child.children):
                    posts = [c for c in child.children if c.dep_ in {"attr", "oprd"} and c.pos_ == "NOUN"]
                    found += [appositive(post) for post in posts[:1]]
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.pos_ == "NOUN":  # "the foreign minister, Andriy Sybiha"
            phrase = noun_phrase(head)  # "a spokesman for the army, Major X", later "the spokesman"
            placing = qualifier(head, phrase)
            found += [list(phrase) + placing, list(phrase)] if placing else [list(phrase)]
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
            if self.in_quote[head.i] or self.in_dateline[head.i] or head.pos_ == "PRON":
                continue
            named = head.ent_type_ in ORG_LABELS or head.lemma_.lower() in ORG_NOUNS
            if named or (head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN"}):
                phrase = noun_phrase(head)
                if is_region(phrase):
                    continue  # "into northern Israel": a part of a place, no fuller name for "Israel"
                words = [t.lower_ for t in phrase if not t.is_punct]
                text = org_name(self.org_phrase(head))
                if head.dep_ == "appos" and head.pos_ == "NOUN" and self.names_a_body(head.head):
                    text = org_name(self.org_phrase(head.head))  # "X, a war monitor": "the monitor" is X
                self.org_phrases.append((head.i, words, text))

    def is_person(self, token: Token) -> bool:
        if token.i in self.person_of_token:
            return True
        if token.pos_ == "NOUN" and token.text.istitle() and token.lower_ in self.surnames:
            return True  # "Kravets said", the surname of a named person, tagged as a plural noun
        if token.pos_ != "PROPN":
            return False
        if token.lower_ not in self.surnames:
            return self.looks_like_person(token)
        # The model often labels a name as a place or an organisation: trust the article's own
        # person mention unless the surname sits inside a longer name ("the Carter Center").
        if self.looks_like_person(token):
            return True
        return token.i not in self.inside_org_names

    def looks_like_person(self, token: Token) -> bool:
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

    def person(self, token: Token) -> Speaker:
        canonical = self.person_of_token.get(token.i) or self.surnames.get(token.lower_)
        if canonical is not None and " " not in canonical:  # a lone surname: has a full name been seen?
            canonical = self.surnames.get(canonical.lower(), canonical)
        if canonical is None or " " not in canonical:
            canonical = self._register_name(token) or canonical or token.text
        return self.persons.setdefault(canonical, Person(canonical)).speaker()

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
        words = name_tokens(list(self.doc[start : token.i + 1]))
        if not words:
            return None
        name = text_of(words)
        if len(words) < 2 and name in self.persons:
            return None
        descriptions = [[t for t in phrase if t.i < words[0].i]]
        descriptions += [appositive(c) for c in token.children if c.dep_ == "appos"]
        if name not in self.persons:
            self.persons[name] = Person(name)
            self.persons[name].describe([d for d in descriptions if d])
        if len(words) > 1 or token.lower_ not in self.surnames:
            self.surnames[token.lower_] = name
        return name

    def fuller_org(self, words: list[str], position: int) -> str | None:
        """The fullest naming of a body known by `words`: the first before `position`, else after it."""
        before = [text for p, longer, text in self.org_phrases if p < position and extends(longer, words)]
        after = [text for p, longer, text in self.org_phrases if p > position and extends(longer, words)]
        found = before or after
        return found[0] if found else None

    def first_naming(self, longer: list[tuple[int, str]]) -> str:
        """Of the fuller names before a short one, the nearest body, as the article first named it:
        "the ministry" after "A's Defense Ministry ... B's Defense Ministry" is B's."""
        nearest = longer[-1][1]
        key = body_key(nearest)
        return next((text for _, text in longer if body_key(text) == key), nearest)

    def org_phrase(self, head: Token) -> Span:
        """The name with its modifiers, completed to the entity: "Institute for the Study of War"."""
        return whole_name(self._entity_phrase(head))

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
        start = after_breaks(doc, min(start, phrase.start), head.i)
        while start < head.i and doc[start].pos_ == "DET":
            start += 1
        return doc[start : max(end, phrase.end)]

    def first_mention(self, name: str) -> int:
        """The first token of a person's name in the article; -1 if the article never names them."""
        return min((i for i, n in self.person_of_token.items() if n == name), default=-1)

    def holds(self, name: str, role: str) -> bool:
        person = self.persons.get(name)
        return person is not None and any(r == role or r.endswith(" " + role) for r in person.roles)

    @staticmethod
    def is_org_noun(head: Token) -> bool:
        lemma = head.lemma_.lower()
        return head.pos_ == "NOUN" and (lemma in ORG_NOUNS or lemma in GENERIC_ORG_NOUNS)
