from __future__ import annotations

import json
from typing import Any

import pydantic
import pytest

from schemas import generate, wire
from schemas.articles import ArticleReceived, article_id_for
from schemas.records import Provenance
from schemas.strikes import StrikeReported
from schemas.wire import WireError, from_fields, to_fields, upcast
from tests.factories import V1_STRIKE_ENTRY, article_event


def test_events_are_frozen_and_strict() -> None:
    event = article_event()
    with pytest.raises(pydantic.ValidationError):
        event.title = "changed"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        ArticleReceived.model_validate({**event.model_dump(), "surprise": 1})
    with pytest.raises(pydantic.ValidationError):
        ArticleReceived.model_validate({**event.model_dump(), "occurred_at": "2024-01-01T00:00:00"})  # naive


def test_wire_round_trip_keeps_the_event() -> None:
    event = article_event()
    fields = to_fields(event)
    assert set(fields) == {"event_type", "schema_version", "event_id", "correlation_id", "data"}
    assert from_fields({k.encode(): v.encode() for k, v in fields.items()}) == event


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"event_type": "Nope", "data": "{}"},
        {"event_type": "ArticleReceived", "data": "not json"},
        {"event_type": "ArticleReceived", "data": "[1]"},
        {"event_type": "ArticleReceived", "data": '{"title": "missing everything"}'},
    ],
)
def test_unreadable_entries_raise_wire_error(fields: dict[str, str]) -> None:
    with pytest.raises(WireError):
        from_fields(fields)


def test_old_versions_are_upcast_on_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend ArticleReceived is at v2, whose only change renamed `source` from `outlet`.
    def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "schema_version": 2, "renamed": True}

    monkeypatch.setitem(wire.UPCASTERS, ("ArticleReceived", 1), v1_to_v2)
    monkeypatch.setattr(wire, "current_version", lambda event_type: 2)
    assert upcast("ArticleReceived", {"schema_version": 1}) == {"schema_version": 2, "renamed": True}
    with pytest.raises(WireError, match="newer"):
        upcast("ArticleReceived", {"schema_version": 3})


def test_missing_upcaster_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wire, "current_version", lambda event_type: 2)
    with pytest.raises(WireError, match="no upcaster"):
        upcast("ArticleReceived", {"schema_version": 1})


def test_article_ids_are_stable_and_content_addressed() -> None:
    assert article_id_for("a", "u", "body") == article_id_for("a", "u", "body")
    assert article_id_for("a", "u", "body") != article_id_for("a", "u", "body!")


def test_committed_schemas_match_the_models() -> None:
    """Fails when an event model changed and `make schemas` was not run."""
    for path, text in generate.render().items():
        committed = generate.HERE / path
        assert committed.exists(), f"schemas/{path} missing: run `make schemas`"
        assert json.loads(committed.read_text()) == json.loads(text), (
            f"schemas/{path} drifted: run `make schemas`"
        )
    on_disk = {p.name for p in (generate.HERE / "json").glob("*.json")}
    current = {p.split("/")[1] for p in generate.render() if p.startswith("json/")}
    # Older versions' schemas stay published: their entries are still in the streams.
    assert current <= on_disk and all(generate._older_version(name) for name in on_disk - current)


def test_events_on_the_wire_conform_to_their_published_json_schema() -> None:
    """What a consumer in another language validates against is what we actually send."""
    import jsonschema

    event = article_event()
    path = generate.HERE / generate.schema_file(event.event_type)
    schema = json.loads(path.read_text())
    jsonschema.validate(json.loads(to_fields(event)["data"]), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**json.loads(to_fields(event)["data"]), "title": 5}, schema)


def test_the_stored_v1_strike_fixture_is_what_v1_published() -> None:
    import jsonschema

    schema = json.loads((generate.HERE / "json/StrikeReported.v1.schema.json").read_text())
    jsonschema.validate(json.loads(V1_STRIKE_ENTRY["data"]), schema)


@pytest.mark.parametrize(("date", "precision"), [("2024-03-11", "day"), ("2024-03", "month"), (None, None)])
def test_a_v1_strike_is_upcast_with_the_precision_its_date_had(
    date: str | None, precision: str | None
) -> None:
    data = json.loads(V1_STRIKE_ENTRY["data"])
    data["strike"]["date"] = date
    event = from_fields({**V1_STRIKE_ENTRY, "data": json.dumps(data)})
    assert isinstance(event, StrikeReported) and event.schema_version == 2
    assert event.strike.date == date and event.strike.date_precision == precision
    assert event.strike.provenance == {}  # a v1 extractor said nothing of where its arguments came from
    assert event.strike.actor == "Russia" and event.strike.evidence  # everything else carried over


def test_a_v2_strike_round_trips_with_its_provenance() -> None:
    data = json.loads(V1_STRIKE_ENTRY["data"])
    event = from_fields(V1_STRIKE_ENTRY)
    assert isinstance(event, StrikeReported)
    span = event.strike.evidence[0].span
    strike = event.strike.model_copy(
        update={"provenance": {"actor": Provenance(span=span, rule="agent", confidence=0.9)}}
    )
    v2 = event.model_copy(update={"strike": strike})
    assert from_fields(to_fields(v2)) == v2
    assert to_fields(v2)["schema_version"] == "2" and data["schema_version"] == 1
