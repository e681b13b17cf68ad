"""Where a strike fell: the region (a named place or "southern Syria") and the country of one sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from schemas.records import Location
from services.extractor.gazetteer import Gazetteer
from services.extractor.strike_actors import LOCATION_PREPS, phrase_head

DIRECTIONS = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
}  # fmt: skip
PLACE_NOUNS = {
    "city", "town", "village", "province", "region", "district", "capital", "governorate", "neighbourhood",
    "neighborhood", "camp", "suburb", "outskirts", "oblast", "county", "port", "area", "hometown", "strip",
}  # fmt: skip
NOT_PLACE_KINDS = {"demonym", "institution", "leader", "alliance", "group"}


def _chunks(sent: Span) -> list[list[Token]]:
    """Runs of proper nouns, with a trailing place noun kept: "Marib province", "Kryvyi Rig"."""
    chunks: list[list[Token]] = []
    current: list[Token] = []
    for token in sent:
        joins = token.text in ("-", "al") and current
        if token.pos_ == "PROPN" or joins or (current and token.lower_ in PLACE_NOUNS and token.lower_ != "area"):
            current.append(token)
            continue
        if current:
            chunks.append(current)
        current = []
    if current:
        chunks.append(current)
    return [c for c in chunks if c[-1].text not in ("-", "al")]


def _in_place_position(last: Token) -> bool:
    head = phrase_head(last)
    if head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS | {"on"}:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_ in PLACE_NOUNS:
        return True  # "the city of Kryvyi Rig"
    return head.dep_ == "appos" and head.head.lemma_ in PLACE_NOUNS  # "the capital, Sana"


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip().removesuffix("'s").removesuffix("\u2019s")


def find_location(sent: Span, trigger: Token, gazetteer: Gazetteer, actor: str | None) -> Location:
    """The region nearest the trigger (a named place before a compass region) and its country."""
    named: list[tuple[int, str]] = []
    compass: list[tuple[int, str, str | None]] = []
    countries: list[tuple[int, str]] = []
    for chunk in _chunks(sent):
        text = _text(chunk)
        distance = abs(chunk[0].i - trigger.i)
        previous = sent.doc[chunk[0].i - 1] if chunk[0].i > sent.start else None
        country = gazetteer.country_named(text)
        alias = gazetteer.alias(text)
        if previous is not None and previous.lower_ in DIRECTIONS:
            compass.append((distance, f"{previous.text.lower()} {text}", gazetteer.country_of_place(text)))
        elif country:
            if _in_place_position(chunk[-1]) or phrase_head(chunk[-1]).dep_ == "pobj":
                countries.append((distance, country))
        elif (alias is None or alias.kind not in NOT_PLACE_KINDS) and _in_place_position(chunk[-1]):
            named.append((distance, text))
    region_country: str | None = None
    region: str | None = None
    if named:
        region = min(named)[1]
        region_country = gazetteer.country_of_place(region)
    elif compass:
        _, region, region_country = min(compass)
    country = region_country or (min(countries)[1] if countries else None) or _other_state(sent, gazetteer, actor)
    return Location(country=country, region=region)


def _other_state(sent: Span, gazetteer: Gazetteer, actor: str | None) -> str | None:
    """A state named anywhere in the sentence that is not the attacker: the victims' country."""
    for match in gazetteer.find(sent.text, sent.start_char):
        if match.alias.kind in ("country", "demonym") and match.alias.canonical != actor:
            return match.alias.canonical
    return None
