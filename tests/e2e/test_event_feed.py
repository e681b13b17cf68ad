"""The SSE feed starts "from now" at a fixed position, so nothing between two reads is lost."""

from __future__ import annotations

import json

import httpx
import redis

from tests.e2e.conftest import Services


def test_feed_token_names_a_position_for_every_stream(services: Services) -> None:
    stream = f"{services.env['SITREP_KEY_PREFIX']}:dead-letters"
    params = {"streams": "strikes,dead_letters"}
    with httpx.stream("GET", f"{services.read}/events", params=params, timeout=30) as feed:
        lines = feed.iter_lines()
        assert next(lines) == ": connected"
        client = redis.Redis.from_url(services.env["REDIS_URL"], decode_responses=True)
        added = client.xadd(stream, {"event_type": "Probe", "data": "{}"})
        client.close()
        token = next(json.loads(line.removeprefix("id: ")) for line in lines if line.startswith("id: "))
    # "$" in a token would resume from whatever is newest then, skipping what came in between.
    assert token[stream] == added
    assert "$" not in token.values()
