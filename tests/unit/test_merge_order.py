"""Merged read models do not depend on the order their events arrive in: with the streams
sharded, the projector reads the shards in no fixed order, and a replay must equal live."""

from __future__ import annotations

import itertools
import json
from typing import Any

from schemas.envelope import Event, now
from schemas.records import Casualties, Claim, Location, Span, Statement, Strike
from schemas.statements import StatementExtracted
from schemas.strikes import StrikeReported
from services.projector.keys import Keys
from services.projector.projection import keys_for, project
from tests.factories import TEST_PRODUCER, strike_reported

KEYS = Keys(prefix="t:rm")


def report(article_id: str, strike_id: str, **overrides: Any) -> StrikeReported:
    fields: dict[str, Any] = {"actor": "Russia", "kind": "airstrike", "date": "2024-03-12"}
    fields.update(overrides)
    return strike_reported(article_id, strike_id, Strike(**fields))


def said(article_id: str, n: int, title: str) -> StatementExtracted:
    return StatementExtracted(
        event_id=f"evt-q{n}",
        occurred_at=now(),
        correlation_id=article_id,
        producer=TEST_PRODUCER,
        article_id=article_id,
        statement_id=f"q{n}",
        extractor_version="t",
        statement=Statement(
            speaker="Jane Roe",
            speaker_title=title,
            speaker_aliases=[f"Roe {n}"],
            kind="direct",
            quote=f"quote {n}",
            cue="said",
            span=Span(start=0, end=5),
        ),
    )


def replayed(events: list[tuple[str, Event]]) -> dict[str, Any]:
    """Apply in the given order, one event per batch; documents and index sets as a dict."""
    store: dict[str, Any] = {}
    for entry_id, event in events:
        changes = project(event, entry_id, {k: store.get(k) for k in keys_for(event, KEYS)}, KEYS)
        store.update(json.loads(json.dumps(changes.docs)))
        for index, member in changes.index_remove:
            store.setdefault(index, set()).discard(member)
        for index, member in changes.index_add:
            store.setdefault(index, set()).add(member)
    return {k: v for k, v in store.items() if v != set()}


# Entry ids as if the three articles sat on three shards, each with its own clock.
STRIKES: list[tuple[str, Event]] = [
    ("1700000000300-0", report("a3", "k3", location=Location(country="Syria", region="Idlib"))),
    (
        "1700000000100-0",
        report(
            "a1",
            "k1",
            targets=["hospital"],
            claims=[Claim(by="SOHR", says="nine killed")],
            actor_aliases=["Moscow"],
        ),
    ),
    (
        "1700000000200-4",
        report(
            "a2",
            "k2",
            location=Location(country="Syria", region="Aleppo", place="Atarib"),
            targets=["clinic", "hospital"],
            casualties=Casualties(killed="at least 11", killed_min=11),
        ),
    ),
]


def test_a_strike_merged_from_three_shards_is_the_same_in_every_order() -> None:
    results = [replayed(list(order)) for order in itertools.permutations(STRIKES)]
    assert all(r == results[0] for r in results)
    ((key, strike),) = [(k, v) for k, v in results[0].items() if k.startswith("t:rm:strike:")]
    assert [s["article_id"] for s in strike["sources"]] == ["a1", "a2", "a3"]
    assert strike["location"] == {"country": "Syria", "region": "Aleppo", "place": "Atarib"}
    assert strike["targets"] == ["hospital", "clinic"]
    assert strike["casualties"]["killed"] == "at least 11"
    assert strike["actor_aliases"] == ["Moscow"] and strike["articles"] == 3
    # The earliest report places it in the newest-first index, whichever arrived first.
    skey = strike["strike_key"]
    assert results[0][KEYS.index("strikes")] == {f"001700000000100-0000000000|{skey}"}
    assert results[0][KEYS.index("strikes", "country", "syria")] == {f"001700000000100-0000000000|{skey}"}
    assert key == KEYS.strike(skey)


def test_a_speaker_seen_on_several_shards_is_the_same_in_every_order() -> None:
    events: list[tuple[str, Event]] = [
        ("5-0", said("a2", 2, "Minister")),
        ("3-0", said("a1", 1, "Deputy Minister")),
        ("9-1", said("a3", 3, "Spokeswoman")),
    ]
    results = [replayed(list(order)) for order in itertools.permutations(events)]
    assert all(r == results[0] for r in results)
    speaker = results[0][KEYS.speaker("jane-roe")]
    assert speaker["titles"] == ["Deputy Minister", "Minister", "Spokeswoman"]
    assert speaker["article_ids"] == ["a1", "a2", "a3"] and speaker["statements"] == 3
