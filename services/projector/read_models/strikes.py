"""Read model: strikes merged across articles, each with every source's version.

Two articles report the same strike when actor, kind and date agree (for an undated
strike: actor, kind, campaign and country). Each article's report is kept as a source,
so a disputed toll or target shows side by side.

The merged fields are a function of the set of sources, never of the order they arrived
in: sources are kept sorted by (article, strike id) and every merged field is recomputed
from them. With the streams sharded, the projector reads the shards in no fixed order,
and a replay must still equal the live read model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.envelope import Event, stable_id
from schemas.records import Strike
from schemas.strikes import StrikeReported
from services.projector.changes import Changes, append_new
from services.projector.keys import Keys, entry_tuple, member, slug

Doc = dict[str, Any]
# What a source keeps for the merge only; the API shows a source without them.
_MERGE_FIELDS = ("entry_id", "actor", "actor_aliases", "kind", "campaign", "date", "location")


def strike_key(strike: Strike) -> str:
    when = strike.date or ("campaign" if strike.campaign else "undated")
    where = "" if strike.date else slug(strike.location.country or "")
    return stable_id("strike", slug(strike.actor), strike.kind, when, where)


def keys_for(event: Event, keys: Keys) -> list[str]:
    if isinstance(event, StrikeReported):
        return [keys.strike(strike_key(event.strike)), keys.strike_source(event.strike_id)]
    return []


def source_of(event: StrikeReported, entry_id: str) -> Doc:
    reported = event.strike.model_dump(mode="json")
    return {
        "article_id": event.article_id,
        "strike_id": event.strike_id,
        "targets": reported["targets"],
        "casualties": reported["casualties"],
        "claims": reported["claims"],
        "evidence": reported["evidence"],
        **{field: reported[field] for field in _MERGE_FIELDS if field != "entry_id"},
        "entry_id": entry_id,
    }


def _location(sources: list[Doc]) -> Doc:
    # The first source sets the place; a later one with a finer place fills in what it lacked.
    location = dict(sources[0]["location"])
    for source in sources[1:]:
        for field in ("country", "region", "place"):
            if not location.get(field) and source["location"].get(field):
                location[field] = source["location"][field]
    return location


def merged(skey: str, sources: list[Doc]) -> Doc:
    """The merged strike: a pure function of its sources (sorted by article and strike id)."""
    first = sources[0]
    doc: Doc = {
        "strike_key": skey,
        "actor": first["actor"],
        "actor_aliases": [],
        "kind": first["kind"],
        "campaign": first["campaign"],
        "date": first["date"],
        "location": _location(sources),
        "targets": [],
        "casualties": next((s["casualties"] for s in sources if s["casualties"] is not None), None),
        "claims": [],
        "sources": sources,
        # The earliest report places the strike in the newest-first index.
        "entry_id": min((s["entry_id"] for s in sources), key=entry_tuple),
    }
    for source in sources:
        append_new(doc["actor_aliases"], source["actor_aliases"])
        append_new(doc["targets"], source["targets"])
        append_new(doc["claims"], [{**c, "article_id": source["article_id"]} for c in source["claims"]])
    return doc


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    if not isinstance(event, StrikeReported) or docs.get(keys.strike_source(event.strike_id)):
        return changes
    skey = strike_key(event.strike)
    before = docs.get(keys.strike(skey))
    sources = [*(before["sources"] if before else []), source_of(event, entry_id)]
    sources.sort(key=lambda s: (s["article_id"], s["strike_id"]))
    doc = merged(skey, sources)
    changes.put(keys.strike(skey), doc)
    changes.put(keys.strike_source(event.strike_id), {"strike_key": skey, "article_id": event.article_id})
    # A new source can move the strike (an earlier report) or give it a country: drop the old
    # memberships, then add the new ones (an add cancels the same removal).
    if before:
        _reindex(changes, keys, before, member(before["entry_id"], skey), add=False)
    _reindex(changes, keys, doc, member(doc["entry_id"], skey), add=True)
    return changes


def _reindex(changes: Changes, keys: Keys, doc: Doc, item: str, *, add: bool) -> None:
    indexes = [
        keys.index("strikes"),
        keys.index("strikes", "actor", slug(doc["actor"])),
        keys.index("strikes", "kind", slug(doc["kind"])),
    ]
    if doc["location"].get("country"):
        indexes.append(keys.index("strikes", "country", slug(doc["location"]["country"])))
    for index in indexes:
        (changes.add if add else changes.remove)(index, item)


def view(doc: Doc) -> Doc:
    sources = [{k: v for k, v in s.items() if k not in _MERGE_FIELDS} for s in doc["sources"]]
    return {k: v for k, v in doc.items() if k != "entry_id"} | {"sources": sources, "articles": len(sources)}
