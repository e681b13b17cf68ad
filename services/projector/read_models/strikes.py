"""Read model: strikes merged across articles, each with every source's version.

Two articles report the same strike when actor, kind and date agree (for an undated
strike: actor, kind, campaign and country). Each article's report is kept as a source,
so a disputed toll or target shows side by side.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from schemas.envelope import Event, stable_id
from schemas.records import Strike
from schemas.strikes import StrikeReported
from services.projector.changes import Changes, append_new
from services.projector.keys import Keys, member, slug

Doc = dict[str, Any]


def strike_key(strike: Strike) -> str:
    when = strike.date or ("campaign" if strike.campaign else "undated")
    where = "" if strike.date else slug(strike.location.country or "")
    return stable_id("strike", slug(strike.actor), strike.kind, when, where)


def keys_for(event: Event, keys: Keys) -> list[str]:
    if isinstance(event, StrikeReported):
        return [keys.strike(strike_key(event.strike)), keys.strike_source(event.strike_id)]
    return []


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    if not isinstance(event, StrikeReported) or docs.get(keys.strike_source(event.strike_id)):
        return changes
    strike = event.strike
    skey = strike_key(strike)
    key = keys.strike(skey)
    before = docs.get(key)
    reported = strike.model_dump(mode="json")
    if before:
        doc = copy.deepcopy(before)
    else:
        doc = {
            "strike_key": skey,
            "actor": strike.actor,
            "actor_aliases": [],
            "kind": strike.kind,
            "campaign": strike.campaign,
            "date": strike.date,
            "date_precision": strike.date_precision,
            "location": reported["location"],
            "targets": [],
            "casualties": reported["casualties"],
            "claims": [],
            "sources": [],
            "entry_id": entry_id,
        }
    # A later report with a finer place fills in what the first one lacked.
    for field in ("country", "region", "place"):
        if not doc["location"].get(field) and reported["location"].get(field):
            doc["location"] = {**doc["location"], field: reported["location"][field]}
    if doc["casualties"] is None:
        doc["casualties"] = reported["casualties"]
    append_new(doc["actor_aliases"], strike.actor_aliases)
    append_new(doc["targets"], strike.targets)
    append_new(doc["claims"], [{**c, "article_id": event.article_id} for c in reported["claims"]])
    doc["sources"].append(
        {
            "article_id": event.article_id,
            "strike_id": event.strike_id,
            "targets": reported["targets"],
            "casualties": reported["casualties"],
            "claims": reported["claims"],
            "evidence": reported["evidence"],
            "provenance": reported["provenance"],
        }
    )
    changes.put(key, doc)
    changes.put(keys.strike_source(event.strike_id), {"strike_key": skey, "article_id": event.article_id})
    item = member(doc["entry_id"], skey)
    changes.add(keys.index("strikes"), item)
    changes.add(keys.index("strikes", "actor", slug(strike.actor)), item)
    changes.add(keys.index("strikes", "kind", slug(strike.kind)), item)
    if doc["location"].get("country"):
        changes.add(keys.index("strikes", "country", slug(doc["location"]["country"])), item)
    return changes


def view(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k != "entry_id"} | {"articles": len(doc["sources"])}
