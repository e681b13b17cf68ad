"""Projection logic without Redis: the pure functions over documents."""

from __future__ import annotations

import itertools
import json
from typing import Any

from schemas.envelope import Event, now
from schemas.extractions import ArticleExtracted
from schemas.records import Span, Statement
from schemas.statements import StatementExtracted
from services.common.dead_letters import dead_letter
from services.projector.changes import Changes
from services.projector.keys import Keys, entry_tuple, item_of, member, position, slug
from services.projector.projection import keys_for, project
from tests.factories import TEST_PRODUCER, article_event

KEYS = Keys(prefix="t:rm")


def statement_event(article_id: str, n: int, speaker: str | None = "Jane Roe") -> StatementExtracted:
    return StatementExtracted(
        event_id=f"evt-s{n}",
        occurred_at=now(),
        correlation_id=article_id,
        producer=TEST_PRODUCER,
        article_id=article_id,
        statement_id=f"s{n}",
        extractor_version="t",
        statement=Statement(
            speaker=speaker,
            speaker_title="Minister" if speaker else "senior official",
            anonymous=speaker is None,
            kind="direct",
            quote=f"quote {n}",
            cue="said",
            span=Span(start=n, end=n + 5),
        ),
    )


def apply_all(events: list[tuple[str, Event]]) -> dict[str, Any]:
    """A dict standing in for Redis: documents and index sets."""
    store: dict[str, Any] = {}
    for entry_id, event in events:
        docs = {k: store.get(k) for k in keys_for(event, KEYS)}
        changes: Changes = project(event, entry_id, docs, KEYS)
        store.update(json.loads(json.dumps(changes.docs)))
        for index, m in changes.index_remove:
            store.setdefault(index, set()).discard(m)
        for index, m in changes.index_add:
            store.setdefault(index, set()).add(m)
    # Redis deletes a sorted set when its last member goes; so does this stand-in.
    return {k: v for k, v in store.items() if v != set()}


def test_article_status_does_not_depend_on_stream_order() -> None:
    article = article_event()
    events: list[tuple[str, Event]] = [
        ("1-0", article),
        ("2-0", statement_event(article.article_id, 1)),
        (
            "3-0",
            ArticleExtracted(
                event_id="evt-x",
                occurred_at=now(),
                correlation_id=article.article_id,
                producer=TEST_PRODUCER,
                article_id=article.article_id,
                extractor_version="t",
                statement_ids=["s1"],
                strike_ids=[],
                duration_ms=1.0,
            ),
        ),
    ]
    results = [apply_all(list(order)) for order in itertools.permutations(events)]
    assert all(r == results[0] for r in results)
    doc = results[0][KEYS.article(article.article_id)]
    assert doc["status"] == "extracted" and doc["projected_statements"] == 1
    assert results[0][KEYS.index("articles", "status", "extracted")] == {member("1-0", article.article_id)}
    assert not results[0].get(KEYS.index("articles", "status", "received"))


def test_dead_letter_marks_the_article_failed() -> None:
    article = article_event()
    letter = dead_letter(
        stream="t:articles",
        entry_id="1-0",
        group="extractor",
        fields={"correlation_id": article.article_id},
        reason="extraction_failed",
        error="boom",
        deliveries=3,
        producer=TEST_PRODUCER,
    )
    store = apply_all([("1-0", article), ("1-0", letter)])
    assert store[KEYS.article(article.article_id)]["status"] == "failed"
    assert "boom" in store[KEYS.article(article.article_id)]["error"]


def test_a_statement_counts_once_for_its_speaker_and_article() -> None:
    first = statement_event("a1", 1)
    store = apply_all([("1-0", first), ("2-0", first), ("3-0", statement_event("a2", 2))])
    speaker = store[KEYS.speaker("jane-roe")]
    assert speaker["statements"] == 2 and speaker["article_ids"] == ["a1", "a2"]
    assert speaker["titles"] == ["Minister"]
    assert store[KEYS.article("a1")]["projected_statements"] == 1
    assert len(store[KEYS.index("statements", "speaker", "jane-roe")]) == 2


def test_anonymous_sources_are_grouped_by_description() -> None:
    store = apply_all([("1-0", statement_event("a1", 1, speaker=None))])
    doc = store[KEYS.speaker("anonymous-senior-official")]
    assert doc["anonymous"] and doc["name"] is None and doc["description"] == "senior official"


def test_index_members_sort_like_stream_ids() -> None:
    ids = ["9-1", "10-0", "10-2", "1700000000000-11"]
    assert sorted(ids, key=position) == sorted(ids, key=entry_tuple)
    assert item_of(member("10-2", "x|y")) == "x|y"
    assert slug("U.S.-led Coalition") == "u-s-led-coalition"
