"""How an event sits in a Redis stream entry, and how old versions are read.

An entry has plain string fields, so a consumer in any language needs only a Redis client
and a JSON parser (see schemas/WIRE.md):

    event_type      e.g. "StatementExtracted"
    schema_version  e.g. "1"
    event_id        deterministic id of the event
    correlation_id  the article id
    data            the whole event as JSON (envelope fields included)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from schemas.articles import ArticleReceived
from schemas.dead_letters import DeadLettered
from schemas.envelope import Event
from schemas.extractions import ArticleExtracted
from schemas.statements import StatementExtracted
from schemas.strikes import StrikeReported, upcast_v1_v2

EVENT_TYPES: dict[str, type[Event]] = {
    cls.model_fields["event_type"].default: cls
    for cls in (ArticleReceived, StatementExtracted, StrikeReported, ArticleExtracted, DeadLettered)
}

# (event_type, version read) -> function lifting that version's JSON to the next version.
# History is never rewritten: old entries stay as they were and are lifted on every read.
Upcaster = Callable[[dict[str, Any]], dict[str, Any]]
UPCASTERS: dict[tuple[str, int], Upcaster] = {("StrikeReported", 1): upcast_v1_v2}


class WireError(ValueError):
    """A stream entry that is not a readable event."""


def to_fields(event: Event) -> dict[str, str]:
    return {
        "event_type": event.event_type,
        "schema_version": str(event.schema_version),
        "event_id": event.event_id,
        "correlation_id": event.correlation_id,
        "data": event.model_dump_json(),
    }


def current_version(event_type: str) -> int:
    return EVENT_TYPES[event_type].model_fields["schema_version"].default


def upcast(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """Lift an event's JSON from the version it was written in to the current one."""
    version = int(data.get("schema_version", 1))
    target = current_version(event_type)
    while version < target:
        step = UPCASTERS.get((event_type, version))
        if step is None:
            raise WireError(f"no upcaster for {event_type} v{version}")
        data = step(data)
        version = int(data["schema_version"])
    if version > target:
        raise WireError(f"{event_type} v{version} is newer than this reader (v{target})")
    return data


def decode_fields(fields: Mapping[bytes | str, bytes | str]) -> dict[str, str]:
    return {
        (k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
        for k, v in fields.items()
    }


def from_fields(fields: Mapping[bytes | str, bytes | str]) -> Event:
    """Read an entry into its current event model; WireError says why it could not."""
    plain = decode_fields(fields)
    event_type = plain.get("event_type")
    if event_type not in EVENT_TYPES:
        raise WireError(f"unknown or missing event_type: {event_type!r}")
    try:
        data = json.loads(plain["data"])
    except (KeyError, json.JSONDecodeError) as exc:
        raise WireError(f"field 'data' is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise WireError("field 'data' is not a JSON object")
    data.setdefault("event_type", event_type)
    data.setdefault("schema_version", int(plain.get("schema_version", 1)))
    try:
        return EVENT_TYPES[event_type].model_validate(upcast(event_type, data))
    except ValueError as exc:  # pydantic.ValidationError is a ValueError
        raise WireError(str(exc)) from exc
