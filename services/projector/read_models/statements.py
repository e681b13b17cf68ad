"""Read model: every statement, indexed by article, speaker and kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.envelope import Event
from schemas.records import Statement
from schemas.statements import StatementExtracted
from services.projector.changes import Changes
from services.projector.keys import Keys, member, slug

Doc = dict[str, Any]


def speaker_key(statement: Statement) -> str:
    """Named speakers by name; unnamed sources apart, by their description."""
    if statement.speaker:
        return slug(statement.speaker)
    return "anonymous-" + slug(statement.speaker_title or "source")


def keys_for(event: Event, keys: Keys) -> list[str]:
    if isinstance(event, StatementExtracted):
        return [keys.statement(event.statement_id)]
    return []


def apply(event: Event, entry_id: str, docs: Mapping[str, Doc | None], keys: Keys) -> Changes:
    changes = Changes()
    if not isinstance(event, StatementExtracted):
        return changes
    key = keys.statement(event.statement_id)
    if docs.get(key):
        return changes
    statement = event.statement
    doc = {
        "statement_id": event.statement_id,
        "article_id": event.article_id,
        "speaker_key": speaker_key(statement),
        "extracted_at": event.occurred_at.isoformat(),
        "extractor_version": event.extractor_version,
        "entry_id": entry_id,
        **statement.model_dump(mode="json"),
    }
    changes.put(key, doc)
    item = member(entry_id, event.statement_id)
    changes.add(keys.index("statements"), item)
    changes.add(keys.index("statements", "article", event.article_id), item)
    changes.add(keys.index("statements", "speaker", doc["speaker_key"]), item)
    changes.add(keys.index("statements", "kind", statement.kind), item)
    return changes
