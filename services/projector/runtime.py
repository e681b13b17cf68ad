"""What the projector's HTTP routes and its subscribers share, built once per process."""

from __future__ import annotations

from dataclasses import dataclass

from faststream.redis import RedisBroker
from prometheus_client import CollectorRegistry, Counter
from redis.asyncio import Redis

from services.common.metrics import StreamGauges
from services.common.settings import Settings
from services.projector.projection import Projector


@dataclass
class ProjectorRuntime:
    """What the HTTP routes need: built once per process by `create_app`."""

    settings: Settings
    redis: Redis
    projector: Projector
    registry: CollectorRegistry
    gauges: StreamGauges
    applied: Counter
    broker: RedisBroker
    running: bool = False
