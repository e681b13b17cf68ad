"""Statements and strikes are served as stored (`json_pages`): the stored documents must be
exactly the response models' shape, no field missing and none extra."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from schemas.records import Casualties, Claim, Evidence, Location, Span
from services.projector.json_pages import page_response
from services.projector.queries import PageOf
from services.projector.responses import Statement, Strike, StrikeSource
from tests.unit.test_merge_order import KEYS, STRIKES, replayed, report, said


def assert_shape(doc: dict[str, Any], model: type[BaseModel]) -> None:
    assert set(doc) == set(model.model_fields), set(doc) ^ set(model.model_fields)
    model.model_validate(doc)


def test_a_stored_strike_is_the_response_model() -> None:
    detailed = report(
        "a4",
        "k4",
        evidence=[Evidence(sentence="Jets hit it.", span=Span(start=0, end=12))],
        casualties=Casualties(killed="9"),
        claims=[Claim(by="SOHR", says="nine")],
        location=Location(country="Syria"),
    )
    store = replayed([*STRIKES, ("1700000000400-0", detailed)])
    (strike,) = [v for k, v in store.items() if k.startswith(KEYS.strike(""))]
    assert_shape(strike, Strike)
    assert len(strike["sources"]) == 4
    for source in strike["sources"]:
        assert_shape(source, StrikeSource)


def test_a_stored_statement_is_the_response_model() -> None:
    store = replayed([("1-0", said("a1", 1, "Minister"))])
    assert_shape(store[KEYS.statement("q1")], Statement)


def test_a_page_is_sent_as_stored() -> None:
    stored = [json.dumps({"a": 1}), json.dumps({"b": "é"}, ensure_ascii=False)]
    response = page_response(PageOf(stored, "abc"))
    assert json.loads(response.body) == {"items": [{"a": 1}, {"b": "é"}], "next_cursor": "abc"}
    shaped = page_response(PageOf(stored, None, shape=lambda d: {"n": len(d)}))
    assert json.loads(shaped.body) == {"items": [{"n": 1}, {"n": 1}], "next_cursor": None}
