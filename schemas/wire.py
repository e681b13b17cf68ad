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
    return int(EVENT_TYPES[event_type].model_fields["schema_version"].default)


def upcast(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """Lift an event's JSON from the version it was written in to the current one."""
    version = _version(data.get("schema_version", 1))
    target = current_version(event_type)
    while version < target:
        step = UPCASTERS.get((event_type, version))
        if step is None:
            raise WireError(f"no upcaster for {event_type} v{version}")
        data = step(data)
        version = _version(data["schema_version"])
    if version > target:
        raise WireError(f"{event_type} v{version} is newer than this reader (v{target})")
    return data


def _version(value: object) -> int:
    # bool is an int to Python, but `true` is no version; "abc" and 1.5 are none either.
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise WireError(f"schema_version {value!r} is not an integer")
    try:
        return int(value)
    except ValueError as exc:
        raise WireError(f"schema_version {value!r} is not an integer") from exc


def _text(value: bytes | str, lenient: bool) -> str:
    if isinstance(value, str):
        return value
    try:
        return value.decode("utf-8", errors="backslashreplace" if lenient else "strict")
    except UnicodeDecodeError as exc:
        raise WireError(f"a field is not UTF-8: {exc}") from exc


def decode_fields(fields: Mapping[bytes | str, bytes | str], lenient: bool = False) -> dict[str, str]:
    """Field names and values as text. Strict, invalid UTF-8 raises WireError; lenient, it
    is kept as backslash escapes (to show an unreadable entry as it was, in a dead letter)."""
    return {_text(k, lenient): _text(v, lenient) for k, v in fields.items()}


def from_fields(fields: Mapping[bytes | str, bytes | str]) -> Event:
    """Read an entry into its current event model; WireError says why it could not.

    Every way an entry can be unreadable raises WireError and nothing else, so a consumer
    can tell a poison entry (dead-letter it) from a fault of its own (retry)."""
    plain = decode_fields(fields)
    event_type = plain.get("event_type")
    if event_type not in EVENT_TYPES:
        raise WireError(f"unknown or missing event_type: {event_type!r}")
    try:
        data = json.loads(plain["data"])
    except KeyError as exc:
        raise WireError("field 'data' is missing") from exc
    except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested thousands deep
        raise WireError(f"field 'data' is not JSON: {str(exc)[:200]}") from exc
    if not isinstance(data, dict):
        raise WireError("field 'data' is not a JSON object")
    data.setdefault("event_type", event_type)
    data.setdefault("schema_version", _version(plain.get("schema_version", 1)))
    try:
        return EVENT_TYPES[event_type].model_validate(upcast(event_type, data))
    except WireError:
        raise
    except (ValueError, TypeError, RecursionError) as exc:  # pydantic.ValidationError is a ValueError
        raise WireError(str(exc)[:2000]) from exc
