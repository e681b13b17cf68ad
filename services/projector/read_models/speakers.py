"""Read model: the speaker directory (names, titles, affiliations, counts).

Lists are kept sorted and the name is the least of the spellings seen, so a speaker's
document does not depend on the order its statements arrive in (the shards of a sharded
stream are read in no fixed order).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.envelope import Event
from schemas.statements import StatementExtracted
from services.projector.changes import Changes, append_new
from services.projector.keys import Keys
from services.projector.read_models.statements import speaker_key

Doc = dict[str, Any]


def keys_for(event: Event, keys: Keys) -> list[str]:
    if isinstance(event, StatementExtracted):
        return [keys.speaker(speaker_key(event.statement)), keys.statement(event.statement_id)]
    return []


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    if not isinstance(event, StatementExtracted) or docs.get(keys.statement(event.statement_id)):
        return changes
    statement = event.statement
    skey = speaker_key(statement)
    key = keys.speaker(skey)
    before = docs.get(key)
    # The lists change below: copy them, not the whole document (deepcopy was a fifth of replay).
    doc: Doc = (
        {**before, **{f: list(before[f]) for f in ("titles", "affiliations", "aliases", "article_ids")}}
        if before
        else {
            "speaker_key": skey,
            "name": statement.speaker,
            "anonymous": statement.anonymous or not statement.speaker,
            "description": None if statement.speaker else statement.speaker_title,
            "titles": [],
            "affiliations": [],
            "aliases": [],
            "article_ids": [],
            "statements": 0,
        }
    )
    _add_sorted(doc["titles"], [statement.speaker_title])
    _add_sorted(doc["affiliations"], [statement.speaker_affiliation])
    _add_sorted(doc["aliases"], statement.speaker_aliases)
    _add_sorted(doc["article_ids"], [event.article_id])
    doc["name"] = _least(doc["name"], statement.speaker)
    if not statement.speaker:
        doc["description"] = _least(doc["description"], statement.speaker_title)
    doc["statements"] += 1
    changes.put(key, doc)
    changes.add(keys.index("speakers"), f"{skey}|{skey}")
    return changes


def _add_sorted(into: list[str], values: list[str | None] | list[str]) -> None:
    append_new(into, values)
    into.sort()


def _least(current: str | None, seen: str | None) -> str | None:
    return min(v for v in (current, seen) if v) if current or seen else None


def view(doc: Doc) -> Doc:
    return {
        "speaker_key": doc["speaker_key"],
        "name": doc["name"],
        "anonymous": doc["anonymous"],
        "description": doc["description"],
        "titles": doc["titles"],
        "affiliations": doc["affiliations"],
        "aliases": doc["aliases"],
        "statements": doc["statements"],
        "articles": len(doc["article_ids"]),
    }
