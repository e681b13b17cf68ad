"""Read model: strikes merged across articles, each with every source's version.

Two articles report the same strike when actor, kind and date agree (for an undated
strike: actor, kind, campaign and country). Each article's report is kept as a source,
so a disputed toll or target shows side by side.

The merged fields are a function of the set of sources, never of the order they arrived
in: sources are kept sorted by (article, strike id) and every merged field is recomputed
from them. With the streams sharded, the projector reads the shards in no fixed order,
and a replay must still equal the live read model.

The strike document is stored in the API's shape, so a list is served without parsing
and re-validating it (a merged strike with many sources runs to tens of kB). What the
merge needs besides (each source's entry id, actor, date, place) lives in a second key.
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
MERGE_FIELDS = (
    "entry_id",
    "actor",
    "actor_aliases",
    "kind",
    "campaign",
    "date",
    "date_precision",
    "location",
)


def strike_key(strike: Strike) -> str:
    when = strike.date or ("campaign" if strike.campaign else "undated")
    where = "" if strike.date else slug(strike.location.country or "")
    return stable_id("strike", slug(strike.actor), strike.kind, when, where)


def keys_for(event: Event, keys: Keys) -> list[str]:
    if isinstance(event, StrikeReported):
        skey = strike_key(event.strike)
        return [keys.strike(skey), keys.strike_merge(skey), keys.strike_source(event.strike_id)]
    return []


def source_of(event: StrikeReported, entry_id: str) -> Doc:
    reported = event.strike.model_dump(mode="json")
    shown = ("targets", "casualties", "claims", "evidence", "provenance")
    return {
        "article_id": event.article_id,
        "strike_id": event.strike_id,
        **{field: reported[field] for field in shown},
        **{field: reported[field] for field in MERGE_FIELDS if field != "entry_id"},
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
        "date_precision": first["date_precision"],
        "location": _location(sources),
        "targets": [],
        "casualties": next((s["casualties"] for s in sources if s["casualties"] is not None), None),
        "claims": [],
        "sources": sources,
        "articles": len({s["article_id"] for s in sources}),
        # The earliest report places the strike in the newest-first index.
        "entry_id": min((s["entry_id"] for s in sources), key=entry_tuple),
    }
    for source in sources:
        append_new(doc["actor_aliases"], source["actor_aliases"])
        append_new(doc["targets"], source["targets"])
        append_new(doc["claims"], [{**c, "article_id": source["article_id"]} for c in source["claims"]])
    return doc


def _joined(shown: Doc | None, merge: Doc | None) -> list[Doc]:
    """The stored sources, each with its merge-only fields back."""
    if not shown or not merge:
        return []
    return [{**s, **merge["sources"][s["strike_id"]]} for s in shown["sources"]]


def _split(doc: Doc) -> tuple[Doc, Doc]:
    """The full merged strike -> (the API's document, the merge bookkeeping)."""
    shown = {k: v for k, v in doc.items() if k != "entry_id"}
    shown["sources"] = [{k: v for k, v in s.items() if k not in MERGE_FIELDS} for s in doc["sources"]]
    bookkeeping = {s["strike_id"]: {f: s[f] for f in MERGE_FIELDS} for s in doc["sources"]}
    return shown, {"entry_id": doc["entry_id"], "sources": bookkeeping}


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    if not isinstance(event, StrikeReported) or docs.get(keys.strike_source(event.strike_id)):
        return changes
    skey = strike_key(event.strike)
    before = docs.get(keys.strike_merge(skey))
    sources = [*_joined(docs.get(keys.strike(skey)), before), source_of(event, entry_id)]
    sources.sort(key=lambda s: (s["article_id"], s["strike_id"]))
    doc = merged(skey, sources)
    shown, bookkeeping = _split(doc)
    changes.put(keys.strike(skey), shown)
    changes.put(keys.strike_merge(skey), bookkeeping)
    changes.put(keys.strike_source(event.strike_id), {"strike_key": skey, "article_id": event.article_id})
    # A new source can move the strike (an earlier report) or give it a country: drop the old
    # memberships, then add the new ones (an add cancels the same removal).
    if before:
        old = docs.get(keys.strike(skey)) or shown
        _reindex(changes, keys, old, member(before["entry_id"], skey), add=False)
    _reindex(changes, keys, shown, member(doc["entry_id"], skey), add=True)
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
