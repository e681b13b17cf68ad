"""Read model: the speaker directory (names, titles, affiliations, counts)."""

from __future__ import annotations

import copy
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
    doc: Doc = (
        copy.deepcopy(before)
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
    append_new(doc["titles"], [statement.speaker_title])
    append_new(doc["affiliations"], [statement.speaker_affiliation])
    append_new(doc["aliases"], statement.speaker_aliases)
    append_new(doc["article_ids"], [event.article_id])
    doc["statements"] += 1
    changes.put(key, doc)
    changes.add(keys.index("speakers"), f"{skey}|{skey}")
    return changes


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
