"""Read model: the speaker directory (names, titles, affiliations, counts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.envelope import Event
from schemas.statements import StatementExtracted
from services.projector.changes import Changes
from services.projector.keys import Keys
from services.projector.read_models.statements import speaker_key

Doc = dict[str, Any]


def keys_for(event: Event, keys: Keys) -> list[str]:
    if isinstance(event, StatementExtracted):
        return [keys.speaker(speaker_key(event.statement)), keys.statement(event.statement_id)]
    return []


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    if not isinstance(event, StatementExtracted) or docs.get(keys.statement(event.statement_id)):
        return changes
    statement = event.statement
    skey = speaker_key(statement)
    key = keys.speaker(skey)
    before = docs.get(key)
    doc: Doc = (
        {
            **before,
            "titles": list(before["titles"]),
            "affiliations": list(before["affiliations"]),
            "aliases": list(before["aliases"]),
            "article_ids": list(before["article_ids"]),
        }
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
    _add(doc["titles"], statement.speaker_title)
    _add(doc["affiliations"], statement.speaker_affiliation)
    for alias in statement.speaker_aliases:
        _add(doc["aliases"], alias)
    _add(doc["article_ids"], event.article_id)
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
