"""What a common or proper noun phrase refers to, given what the article has named so far: an
organisation under its fullest name, a role held by a named person, or an unnamed source."""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.lexicon.function_words import ARTICLES, DEFINITE_DETERMINERS, SERVING_PREPOSITIONS
from services.extractor.lexicon.sources import ANONYMOUS_NOUNS, GENERIC_ORG_NOUNS, ORG_NOUNS
from services.extractor.lexicon.titles import PERSON_TITLES
from services.extractor.statements.speakers.coreference import Timeline
from services.extractor.statements.speakers.mentions import Mentions
from services.extractor.statements.speakers.names import may_serve
from services.extractor.statements.speakers.phrases import (
    affiliation,
    clean,
    extends,
    indefinite,
    noun_phrase,
    org_name,
    qualifier,
    text_of,
)
from services.extractor.statements.speakers.speaker import Speaker


def definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children)


def _the(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def org(m: Mentions, t: Timeline, head: Token) -> Speaker:
    """An organisation, under the name the article first gave it."""
    phrase = m.org_phrase(head)
    words = [w.lower_ for w in phrase if not w.is_punct]
    name = org_name(phrase)
    longer = [(p, text) for p, earlier, text in m.org_phrases if p < head.i and extends(earlier, words)]
    if len(words) == 1 and head.pos_ == "PROPN" and head.lemma_.lower() not in ORG_NOUNS | GENERIC_ORG_NOUNS:
        longer = []  # a name is whole: "the Taliban" is not the "Pakistani Taliban" named before
        if (fuller := _name_it_begins(m, head)) is not None:
            return Speaker(fuller, "org", aliases=(name,))  # "Amnesty" after "Amnesty International"
    if _the(head) and _describes_a_category(head, len(words)):
        named = _category_noun(m, t, head, longer)
        if named is not None:
            return named
    spelled = m.acronyms.get(name)
    if spelled is not None and spelled[0] < head.i:  # "LTTE" after "Liberation Tigers of Tamil Eelam (LTTE)"
        return Speaker(spelled[1], "org", aliases=(name,))
    if longer:  # "the military" after "the Israeli military": the name as first given
        return Speaker(m.first_naming(longer), "org", aliases=(name,), plural=head.tag_ == "NNPS")
    if _the(head) and len(words) == 1 and head.pos_ == "NOUN" and head.text.islower():
        # "what the military said were ..." before "The Israeli military said": the fuller
        # name the article gives later (with none, the body is known by its description).
        later = m.fuller_org(words, head.i)
        if later is not None:
            return Speaker(later, "org", aliases=(name,))
    return Speaker(name, "org", plural=head.tag_ in {"NNS", "NNPS"})


def _describes_a_category(head: Token, words: int) -> bool:
    """ "the group", "the Somali militant group": a category noun, alone or described by adjectives,
    stands for a body named before; "the Islamic State group" names one, and "the civil defence
    agency" may be a body of its own."""
    if head.lemma_.lower() not in GENERIC_ORG_NOUNS or not head.text.islower():
        return False
    modifiers = [c for c in head.lefts if c.dep_ not in {"det", "punct"}]
    return words == 1 or bool(modifiers) and all(c.dep_ == "amod" and c.is_lower for c in modifiers)


def _name_it_begins(m: Mentions, head: Token) -> str | None:
    """The earlier organisation's name that this one word begins, when the rest of that name is no
    body's noun: "Amnesty" is "Amnesty International", but "Hamas" is not "Hamas Health Ministry"."""
    word = head.lower_
    if head.ent_type_ != "ORG":
        return None  # "Kyiv has said": a place, whatever the "Kyiv Independent" is
    for position, earlier, text in reversed(m.org_phrases):
        if position >= head.i or len(earlier) < 2 or earlier[0] != word or m.doc[position].ent_type_ != "ORG":
            continue
        if not any(w in ORG_NOUNS or w in GENERIC_ORG_NOUNS for w in earlier[1:]):
            return text
    return None


def _category_noun(m: Mentions, t: Timeline, head: Token, longer: list[tuple[int, str]]) -> Speaker | None:
    """ "Hamas did not comment. The group said ...": the last named organisation, unless a fuller
    "the militant group" came after it."""
    position, named = t.latest_named_org()
    if named is not None and m.doc[position].ent_type_ == "GPE":
        # "Turkey has struck the PKK ... after the group announced": a country is no group
        bodies = [(p, text) for p, _, text in m.org_phrases if position < p < head.i]
        bodies = [(p, text) for p, text in bodies if m.doc[p].ent_type_ == "ORG"]
        if bodies:
            return Speaker(bodies[-1][1], "org")
    if named is not None and (not longer or position >= longer[-1][0]):
        return named
    return None


def role(m: Mentions, t: Timeline, head: Token) -> Speaker:
    """A common-noun speaker: a role of someone named earlier, or an unnamed source."""
    phrase = noun_phrase(head)
    words = [w.lower_ for w in phrase if not w.is_punct and w.lower_ not in ARTICLES]
    plural = head.tag_ == "NNS"
    if definite(head) and (held := _role_holder(m, t, head, words)) is not None:
        return held
    if indefinite(head) and not plural and (named := _named_later(m, head, words)) is not None:
        return named
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is not None and not plural:
        # "Somalia's defense minister said" before "Defense Minister X told reporters": the one
        # person the article gives that post, if only one holds it
        post = " ".join(w.lower_ for w in phrase if w.i > owner.right_edge.i and not w.is_punct)
        holders = [p for p in m.persons.values() if m.holds(p.name, post) and may_serve(p, owner)]
        if len(holders) == 1:
            return holders[0].speaker()
    described = list(phrase) + qualifier(head, phrase)
    title = clean(text_of(described)) or None
    partner = coordinated_source(head)
    if partner is not None and title is not None:
        # "tribal elders and a local lawmaker said": one unnamed source, described whole
        title = clean(m.doc[described[0].i : partner.i + 1].text)
        plural = True
    described_role = clean(phrase.text).lower() or None
    body = _body(m, t, affiliation(described), head.i)
    return Speaker(None, "anonymous", title, body, plural, role=described_role)


def _role_holder(m: Mentions, t: Timeline, head: Token, words: list[str]) -> Speaker | None:
    """ "the spokesman": the latest person or unnamed source the article described so."""
    tail = " ".join(words)
    for _, speaker in reversed(t.entries):  # the latest holder of the role first
        if speaker.kind == "person" and m.holds(speaker.name or "", tail):
            return speaker
        title = (speaker.role or speaker.title or "").lower()
        if speaker.kind == "anonymous" and title.split()[-1:] == [head.lower_]:
            if all(w in title for w in words):
                return speaker
    for person in m.persons.values():
        if m.holds(person.name, tail):
            return person.speaker()
    return None


def _named_later(m: Mentions, head: Token, words: list[str]) -> Speaker | None:
    """ "a Chechen official said" in the lead, "X, a senior Chechen official," further on: the one
    person the article names later with every word of this description is its unnamed source."""
    found = [
        person
        for person in m.persons.values()
        if m.first_mention(person.name) > head.i
        and any(r.split()[-1:] == [head.lower_] and set(words) <= set(r.split()) for r in person.roles)
    ]
    return found[0].speaker() if len(found) == 1 else None


def coordinated_source(head: Token) -> Token | None:
    """An unnamed source joined to this one by "and": "elders and a local lawmaker"."""
    for conj in head.children:
        lemma = conj.lemma_.lower()
        if conj.dep_ == "conj" and conj.pos_ == "NOUN" and lemma in ANONYMOUS_NOUNS | PERSON_TITLES:
            if not any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in conj.subtree):
                return conj
    return None


def _body(m: Mentions, t: Timeline, affiliation: str | None, position: int) -> str | None:
    """ "the agency's spokesman": the agency under its name, or the group last named for "group"."""
    if affiliation is None or not affiliation.islower() or " " in affiliation:
        return affiliation
    if affiliation in GENERIC_ORG_NOUNS:
        named = t.latest_named_org()[1]
        return named.name if named is not None else affiliation
    return m.fuller_org([affiliation], position) or affiliation


def holder(m: Mentions, t: Timeline, head: Token) -> Speaker | None:
    """The person the article described with this definite role, latest mention first."""
    if not _the(head):
        return None
    tail = " ".join(w.lower_ for w in noun_phrase(head) if not w.is_punct)
    for _, speaker in reversed(t.entries):
        if speaker.kind == "person" and m.holds(speaker.name or "", tail):
            return speaker
    return next((p.speaker() for p in m.persons.values() if m.holds(p.name, tail)), None)


def named_beside(head: Token) -> Token | None:
    """ "An adviser to commander X Y, Z W, said": a person apposed to the person a role
    serves is the one holding the role, not a second name for the first; so is a person
    apposed to the body it serves ("the ambassador to Nato, X Y, said", "the leader of the
    Front (F), X Y, said"), for a body has no person for a second name."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in SERVING_PREPOSITIONS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN":
                continue
            for appos in obj.children:
                if appos.dep_ == "appos" and appos.ent_type_ == "PERSON" and appos.i > obj.i:
                    return appos
    return None
