"""`make schemas`: write the JSON Schema of every event and an AsyncAPI document of every
stream into schemas/. A unit test regenerates them and fails if the committed files differ."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from schemas.wire import EVENT_TYPES, current_version

HERE = Path(__file__).parent

# Stream (name after the key prefix) -> the events it carries, and who writes and reads it.
STREAMS: dict[str, dict[str, Any]] = {
    "articles": {
        "events": ["ArticleReceived"],
        "description": "Articles accepted for extraction. Written by ingest (or any client, XADD); "
        "read by the extractor's consumer group and the projector.",
    },
    "statements": {
        "events": ["StatementExtracted"],
        "description": "Who said what. Written by the extractor; read by the projector and SSE clients.",
    },
    "strikes": {
        "events": ["StrikeReported"],
        "description": "Strikes, one per real-world strike per article. Written by the extractor.",
    },
    "extractions": {
        "events": ["ArticleExtracted"],
        "description": "One per article, after all its statements and strikes: the article is done.",
    },
    "dead-letters": {
        "events": ["DeadLettered"],
        "description": "Entries that failed for good, with the reason and the original fields.",
    },
}

WIRE_FIELDS = {
    "type": "object",
    "description": "A stream entry's fields (all strings). `data` holds the event as JSON.",
    "required": ["event_type", "schema_version", "event_id", "correlation_id", "data"],
    "properties": {
        "event_type": {"type": "string"},
        "schema_version": {"type": "string", "pattern": "^[0-9]+$"},
        "event_id": {"type": "string"},
        "correlation_id": {"type": "string", "description": "The article id"},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
}


def schema_file(event_type: str) -> str:
    return f"json/{event_type}.v{current_version(event_type)}.schema.json"


def json_schemas() -> dict[str, dict[str, Any]]:
    out = {}
    for event_type, model in EVENT_TYPES.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://sitrep.example/schemas/{schema_file(event_type)}"
        out[schema_file(event_type)] = schema
    return out


def asyncapi() -> dict[str, Any]:
    channels, operations, messages = {}, {}, {}
    for name, spec in STREAMS.items():
        channels[name] = {
            "address": f"{{prefix}}:{name}",
            "description": spec["description"],
            "parameters": {"prefix": {"description": "SITREP_KEY_PREFIX", "default": "sitrep"}},
            "messages": {e: {"$ref": f"#/components/messages/{e}"} for e in spec["events"]},
            "bindings": {"redis": {"type": "stream"}},
        }
        operations[f"receive-{name}"] = {
            "action": "receive",
            "channel": {"$ref": f"#/channels/{name}"},
        }
        for event_type in spec["events"]:
            messages[event_type] = {
                "name": event_type,
                "title": f"{event_type} v{current_version(event_type)}",
                "contentType": "application/json",
                "headers": WIRE_FIELDS,
                "payload": {"$ref": schema_file(event_type)},
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "sitrep event streams",
            "version": "1",
            "description": "Redis Streams of the sitrep service; see WIRE.md for the entry format.",
        },
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }


def render() -> dict[str, str]:
    """Every generated file, path relative to schemas/ -> its text."""
    files = {
        path: json.dumps(schema, indent=2, sort_keys=True) + "\n" for path, schema in json_schemas().items()
    }
    files["asyncapi.json"] = json.dumps(asyncapi(), indent=2, sort_keys=True) + "\n"
    return files


def _older_version(name: str) -> bool:
    """ "StrikeReported.v1.schema.json" while StrikeReported is at v2."""
    event_type, _, rest = name.partition(".v")
    version = rest.split(".", 1)[0]
    return event_type in EVENT_TYPES and version.isdigit() and int(version) < current_version(event_type)


def main() -> int:
    (HERE / "json").mkdir(exist_ok=True)
    current = set(render())
    for stale in (HERE / "json").glob("*.json"):
        # An older version's schema stays: its entries are still in the streams, read by upcasting.
        if f"json/{stale.name}" not in current and not _older_version(stale.name):
            stale.unlink()
    for path, text in render().items():
        (HERE / path).write_text(text, encoding="utf-8")
        print(f"wrote schemas/{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
