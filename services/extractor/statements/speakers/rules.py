"""Resolving a speaker phrase: a table of small named rules, tried in order.

Each rule looks at the head of a phrase and answers a speaker, `NOT_A_SPEAKER`, or
`DOES_NOT_APPLY` to pass the phrase on to the next rule. The order is the order of
precedence: pronouns first, then a name beside or behind a description, then people,
documents, unnamed sources and organisations.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from spacy.tokens import Doc, Token

from services.extractor.lexicon.function_words import (
    AUTHOR_PREPOSITIONS,
    DEFINITE_DETERMINERS,
    GROUP_QUANTIFIERS,
    RELEASER_PREPOSITIONS,
)
from services.extractor.lexicon.pronouns import PERSON_PRONOUNS, THING_PRONOUNS
from services.extractor.lexicon.sources import ANONYMOUS_NOUNS, DOCUMENT_NOUNS, GENERIC_ORG_NOUNS, ORG_NOUNS
from services.extractor.lexicon.titles import PERSON_TITLES, TITLE_WORDS
from services.extractor.statements.speakers.coreference import Timeline
from services.extractor.statements.speakers.mentions import Mentions
from services.extractor.statements.speakers.phrases import (
    NOT_SPEAKERS,
    ORG_LABELS,
    clean,
    determined,
    indefinite,
    noun_phrase,
)
from services.extractor.statements.speakers.referents import holder, named_beside, org, role
from services.extractor.statements.speakers.speaker import Speaker


class Verdict(Enum):
    NOT_A_SPEAKER = "not a speaker"
    DOES_NOT_APPLY = "does not apply"


NOT_A_SPEAKER = Verdict.NOT_A_SPEAKER
DOES_NOT_APPLY = Verdict.DOES_NOT_APPLY
Answer = Speaker | Verdict


class SpeakerResolver:
    """Resolves speaker phrases in reading order; call `resolve` with increasing positions."""

    def __init__(self, doc: Doc, in_quote: list[bool], in_dateline: list[bool] | None = None) -> None:
        self.doc = doc
        self.mentions = Mentions(doc, in_quote, in_dateline or [False] * len(doc))
        self.timeline = Timeline()

    def resolve(self, head: Token, speaking: bool) -> Speaker | None:
        """The referent of the phrase headed by `head`; `speaking` when it is a reporting verb's subject.

        Only speakers and names, sources and organisations are remembered for later
        pronouns, so "Among them were nine children" cannot become what "it" means.
        """
        speaker = self.referent(head, speaking)
        if speaker is not None and not (speaker.anonymous and head.lemma_.lower() in DOCUMENT_NOUNS):
            self.timeline.add(head.i, speaker)  # an unsigned report is nobody "he" can mean
        return speaker

    def referent(self, head: Token, speaking: bool = True) -> Speaker | None:
        """What the first rule that applies answers, without remembering it."""
        for rule in RULES:
            answer = rule(self, head, speaking)
            if answer is NOT_A_SPEAKER:
                return None
            if isinstance(answer, Speaker):
                return answer
        return None

    def org(self, head: Token) -> Speaker:
        return org(self.mentions, self.timeline, head)

    def role(self, head: Token) -> Speaker:
        return role(self.mentions, self.timeline, head)

    def person(self, head: Token) -> Speaker:
        return self.mentions.person(head)


def _found(speaker: Speaker | None) -> Answer:
    return NOT_A_SPEAKER if speaker is None else speaker


# -- the rules ---------------------------------------------------------------------------


def person_pronoun(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "he said": the latest person or unnamed source of that gender."""
    if head.lower_ not in PERSON_PRONOUNS:
        return DOES_NOT_APPLY
    return _found(r.timeline.person_pronoun(head.lower_))


def thing_pronoun(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "it said", "they said": the latest organisation, or a plural source."""
    if head.lower_ not in THING_PRONOUNS:
        return DOES_NOT_APPLY
    return _found(r.timeline.thing_pronoun(head.lower_))


def other_pronoun(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "we", "someone", "this": nobody the article names."""
    return NOT_A_SPEAKER if head.pos_ == "PRON" else DOES_NOT_APPLY


def one_of(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "one of them", "one of the officials": the group the one belongs to."""
    if head.lower_ != "one" and head.pos_ != "NUM":
        return DOES_NOT_APPLY
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _found(r.referent(objects[0], speaking))
    return NOT_A_SPEAKER


def apposed_name(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """A description with a name beside it: the name speaks."""
    for child in head.children:
        if child.dep_ != "appos":
            continue
        if child.pos_ == "PROPN" and Mentions.is_org_noun(head):
            return r.org(child)  # "the monitoring group Border Watch", whatever the model thinks
        if child.ent_type_ == "ORG" and head.pos_ == "NOUN":
            return r.org(child)  # "the army's media wing, Joint Public Relations (JPR),"
        if r.mentions.is_person(child):
            return r.person(child)
    return DOES_NOT_APPLY


def role_beside_named(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "An adviser to commander X, Y, said": the person apposed to the one served holds the role."""
    if head.pos_ == "NOUN" and (named := named_beside(head)) is not None:
        return r.person(named)
    return DOES_NOT_APPLY


def state_media(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "Syrian state media said": the state's outlets, a body."""
    if head.lemma_.lower() == "medium" and any(c.lower_.startswith("state") for c in head.lefts):
        return r.org(head)
    return DOES_NOT_APPLY


def described_person(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "Fatima Ahmed, a resident who said ...": the resident is her."""
    described = head
    while described.dep_ == "conj" and described.pos_ == "NOUN" and not determined(described):
        # "X, the acting resident and humanitarian coordinator": one description of X; not
        # "X, a farmer, and his wife", where the determiner makes the wife someone else
        described = described.head
    if described.dep_ == "appos" and head.pos_ == "NOUN" and r.mentions.is_person(described.head):
        return r.person(described.head)
    return DOES_NOT_APPLY


def named_person(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """A person's name, or the surname of one named before."""
    return r.person(head) if r.mentions.is_person(head) else DOES_NOT_APPLY


def document(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "an AFP tally", "a statement from the group", "the statement": whoever speaks through it."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS:
        return DOES_NOT_APPLY
    author = _named_author(r, head, speaking)
    if author is not None:
        return author
    if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children):
        issuer = r.timeline.latest(lambda s: s.kind in {"org", "person"})  # "the statement said": its issuer
        if issuer is not None:
            return issuer
    if speaking:  # "according to local media reports": nobody named, but the source is described
        return Speaker(None, "anonymous", clean(noun_phrase(head).text) or None)
    return NOT_A_SPEAKER


def _named_author(r: SpeakerResolver, document: Token, speaking: bool) -> Speaker | Verdict | None:
    """The author a document's phrase names, before it, after "from", or as who released it."""
    for child in document.lefts:
        if child.dep_ in {"compound", "poss", "nmod"} and child.text[:1].isupper():
            return r.org(child)
        if child.dep_ == "amod" and child.ent_type_ == "NORP" and (country := _country_of(child)) is not None:
            return Speaker(country, "org")  # "an Israeli statement" after "Israel attacked ..."
    for child in document.rights:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _found(r.referent(obj, speaking))
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "figures released by the ministry"
            for by in child.children:
                if by.dep_ in {"agent", "prep"} and by.lower_ in RELEASER_PREPOSITIONS:
                    agent = next((c for c in by.children if c.dep_ == "pobj"), None)
                    if agent is not None:
                        return _found(r.referent(agent, speaking))
    return None


def _country_of(demonym: Token) -> str | None:
    """The country the article names that a nationality word stands for: "Israeli" for "Israel"."""
    places = [e.text for e in demonym.doc.ents if e.label_ == "GPE" and e.start < demonym.i]
    return next((p for p in places if _shared_stem(p.lower(), demonym.lower_) >= max(4, len(p) - 1)), None)


def _shared_stem(a: str, b: str) -> int:
    """How many letters two words begin with alike: "ukraine" and "ukrainian" share six."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def unnamed_role(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "a senior official", "the spokesman": a role, held by someone named or by nobody named."""
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" and (lemma in ANONYMOUS_NOUNS or lemma in TITLE_WORDS) and lemma not in ORG_NOUNS:
        return r.role(head)
    return DOES_NOT_APPLY


def capitalised_title(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "The President said": capitalised, but no name."""
    if head.pos_ == "PROPN" and head.lemma_.lower() in PERSON_TITLES and head.ent_type_ in {"", "NORP"}:
        return r.role(head)
    return DOES_NOT_APPLY


def not_a_source(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """A date, a time, a number or an amount never speaks."""
    return NOT_A_SPEAKER if head.ent_type_ in NOT_SPEAKERS else DOES_NOT_APPLY


def indefinite_person(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "one surgeon said", "a nurse told reporters": a person, unnamed."""
    lemma = head.lemma_.lower()
    if speaking and head.tag_ == "NN" and lemma not in ORG_NOUNS | GENERIC_ORG_NOUNS and indefinite(head):
        return r.role(head)
    return DOES_NOT_APPLY


def organisation(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """A named body, a country, or a noun for one: "the ministry", "Hamas", "Israel"."""
    if head.ent_type_ in ORG_LABELS or head.pos_ == "PROPN" or head.lemma_.lower() in ORG_NOUNS:
        return r.org(head)
    return DOES_NOT_APPLY


def speaking_group(r: SpeakerResolver, head: Token, speaking: bool) -> Answer:
    """ "the rebels said", "residents said": a group speaks; "the chief executive" is its holder."""
    if not speaking or head.pos_ != "NOUN":
        return DOES_NOT_APPLY
    if head.tag_ == "NN" and head.lemma_.lower() not in ORG_NOUNS:
        found = holder(r.mentions, r.timeline, head)
        if found is not None:
            return found  # "the chief executive" after "Jonas Berg, the company's chief executive"
    group = r.org(head)
    quantifier = next(
        (c.lower_ for c in head.children if c.lower_ in GROUP_QUANTIFIERS and c.i < head.i), None
    )
    if quantifier is not None and group.name is not None and group.name.islower():
        # "both sides said": the parties together, an unnamed source, not a body called "sides"
        described = f"{quantifier} {group.name}"
        return Speaker(None, "anonymous", described, plural=True, role=described)
    return group


Rule = Callable[[SpeakerResolver, Token, bool], Answer]

RULES: tuple[Rule, ...] = (
    person_pronoun,
    thing_pronoun,
    other_pronoun,
    one_of,
    apposed_name,
    role_beside_named,
    state_media,
    described_person,
    named_person,
    document,
    unnamed_role,
    capitalised_title,
    not_a_source,
    indefinite_person,
    organisation,
    speaking_group,
)
