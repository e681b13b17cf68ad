"""Building the record of an entry that failed for good (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from schemas.dead_letters import DeadLettered
from schemas.envelope import Producer, now, stable_id
from schemas.wire import decode_fields


def dead_letter(
    *,
    stream: str,
    entry_id: str,
    group: str,
    fields: Mapping[bytes | str, bytes | str],
    reason: str,
    error: str,
    deliveries: int,
    producer: Producer,
) -> DeadLettered:
    # Lenient: an entry is often dead-lettered precisely because it does not decode.
    plain = decode_fields(fields, lenient=True)
    return DeadLettered(
        # One dead letter per entry, however often its failure is reported.
        event_id=stable_id("evt", "DeadLettered", stream, entry_id),
        occurred_at=now(),
        correlation_id=plain.get("correlation_id") or "unknown",
        causation_id=plain.get("event_id"),
        producer=producer,
        stream=stream,
        entry_id=entry_id,
        group=group,
        reason=reason,
        error=error[:2000],
        deliveries=deliveries,
        fields=plain,
    )
