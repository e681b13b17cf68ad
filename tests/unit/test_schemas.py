from __future__ import annotations

import json
from typing import Any

import pydantic
import pytest

from schemas import generate, wire
from schemas.articles import ArticleReceived, article_id_for
from schemas.wire import WireError, from_fields, to_fields, upcast
from tests.factories import article_event


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
    assert on_disk == {p.split("/")[1] for p in generate.render() if p.startswith("json/")}


def test_events_on_the_wire_conform_to_their_published_json_schema() -> None:
    """What a consumer in another language validates against is what we actually send."""
    import jsonschema

    event = article_event()
    path = generate.HERE / generate.schema_file(event.event_type)
    schema = json.loads(path.read_text())
    jsonschema.validate(json.loads(to_fields(event)["data"]), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**json.loads(to_fields(event)["data"]), "title": 5}, schema)
