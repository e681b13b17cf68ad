"""The country a place lies in, as the article's context establishes it.

A place name may lie in several countries ("Gao" is a town in Mali and in Burkina Faso, and a name of
Guantánamo); the gazetteer gives them all, the most populous first. The article decides between them:
the country of its dateline first, then the country it names nearest the mention. A country it never
names is a namesake's, and stays unsaid.

An event whose own sentences give no country takes, in order: the country its mentions place it in,
the country of the places the article names, the dateline's, and only then the attacker's own.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

from spacy.tokens import Doc, Token

from services.extractor.lexicon.places import DIRECTIONS, PLACE_NOUNS, PLACE_PREPS
from services.extractor.strikes.actors import ActorResolver
from services.extractor.strikes.gazetteer import Gazetteer
from services.extractor.strikes.mentions import Mention
from services.extractor.text.datelines import dateline_end

STATE_KINDS = ("country", "demonym", "capital")


def dateline_country(doc: Doc, gazetteer: Gazetteer) -> str | None:
    """ "GROZNY, Russia (AP) -": the country of the desk's place."""
    for sent in islice(doc.sents, 3):  # a dateline opens the story, after its headline
        end = dateline_end(sent)
        if end > sent.start_char:
            head = doc.text[sent.start_char : end]
            named = [m.alias.country for m in gazetteer.find(head) if m.alias.country]
            places = [gazetteer.surely_in(w.strip(" ,-")) for w in head.split(",")]
            return next(iter(named), None) or next((p for p in places if p), None)
    return None


def _nearest_named(mention: Mention, options: list[str], resolver: ActorResolver) -> str | None:
    """The option the article names (as a state, its people or its capital) nearest the mention."""
    at = mention.trigger.idx
    named = [
        (abs(m.start - at), m.alias.country)
        for m in resolver.matches
        if m.alias.kind in STATE_KINDS and m.alias.country in options
    ]
    return min(named)[1] if named else None


def place_in_context(
    mentions: list[Mention], resolver: ActorResolver, known: set[str], dateline: str | None
) -> None:
    """Each mention's place filed under the country the article establishes for its name."""
    gazetteer = resolver.gazetteer
    # Only where the article names the country of some strike are the others' unnamed countries namesakes:
    # "Russian missiles struck Kharkiv" names no Ukraine, and Kharkiv is still in it.
    namesakes_out = any(m.location.country in known for m in mentions)
    for m in mentions:
        region, country = m.location.region, m.location.country
        options = gazetteer.countries_of_place(region) if region else []
        options = options if not country or country in options else [country]
        told = [c for c in options if c in known]
        if not told:
            if namesakes_out and country and country not in known:
                m.location = m.location.model_copy(update={"country": None})
            continue
        chosen = told[0] if len(told) == 1 else None
        chosen = chosen or (dateline if dateline in told else _nearest_named(m, told, resolver)) or told[0]
        m.location = m.location.model_copy(update={"country": chosen})


def _placed_name(tokens: list[Token], i: int, people: set[int]) -> bool:
    """A proper noun standing where a place does, whatever the tagger made of it: "Douentza area"
    (which the small model tags a person), "in Bounti", "central Mali"."""
    token = tokens[i]
    if token.pos_ != "PROPN":
        return False
    following = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    before = tokens[i - 1].lower_ if i > 0 else ""
    if following in PLACE_NOUNS or before in DIRECTIONS:
        return True
    return (
        i not in people and not token.ent_type_ and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS
    )


def shared_names_in_context(mentions: list[Mention], resolver: ActorResolver) -> None:
    """A place filed under a name two states share ("in eastern Congo") goes to the state the article
    reads that name as (`ActorResolver.shared`)."""
    for text, state in resolver.shared.items():
        others = set(resolver.gazetteer.sharing(text)) - {state}
        for m in (m for m in mentions if m.location.country in others):
            m.location = m.location.model_copy(update={"country": state})


def article_country(doc: Doc, gazetteer: Gazetteer, known: set[str]) -> str | None:
    """The country of the places the article names (towns, regions, "central Mali"), the most named;
    a country named otherwise is the news's subject, not a place told."""
    counted: Counter[str] = Counter()
    people = {t.i for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP") for t in e}
    places = [
        e.text
        for e in doc.ents
        if e.label_ in ("GPE", "LOC", "FAC") and gazetteer.country_named(e.text) is None
    ]
    tokens = list(doc)
    places += [t.text for i, t in enumerate(tokens) if _placed_name(tokens, i, people)]
    for name in places:
        told = [c for c in gazetteer.countries_of_place(name) if c in known]
        counted.update(told[:1])
    return counted.most_common(1)[0][0] if counted else None
