"""The extractor's composition root: a consumer of the group `extractor` on `sitrep:articles`
(on each shard's, when the streams are sharded).

Three parts, built here and nowhere else: the read loop (`consumer.py`), the worker
process that extracts under a time budget (`worker.py`), and the HTTP server for
/metrics, /healthz and /readyz (`health.py`). `run()` returns within seconds of SIGTERM
or SIGINT: the loop is cancelled, the worker killed (its entries stay pending and are
reclaimed), the port closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import replace

import structlog
from redis.asyncio import Redis, RedisCluster

from services.common.event_store import ensure_group
from services.common.producer import producer
from services.common.settings import Settings
from services.extractor.consumer import BLOCK_MS, ExtractorConsumer
from services.extractor.handler import ExtractorDeps
from services.extractor.health import HealthServer
from services.extractor.shared_worker import SharedExtractionWorker

log = structlog.get_logger("sitrep.extractor")


def connect_raw(settings: Settings) -> Redis:
    """Bytes, not str: an entry with invalid UTF-8 must reach the handler (and the dead
    letters), not fail the whole read. The socket timeout outlasts a blocking read."""
    url, timeout = settings.require_redis_url(), BLOCK_MS / 1000 + 10
    if settings.redis_cluster:
        return RedisCluster.from_url(url, socket_timeout=timeout, socket_connect_timeout=5)  # type: ignore[return-value]
    return Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=5)


class ExtractorApp:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.redis = connect_raw(settings)
        self.worker = SharedExtractionWorker(settings.spacy_model)
        deps = ExtractorDeps(settings=settings, producer=producer("extractor"))
        # One read loop per shard it consumes (one, unless the streams are sharded), each with
        # the shard's streams in its settings; the worker process is shared.
        self.consumers = [
            ExtractorConsumer(replace(deps, settings=settings.for_shard(shard)), self.redis, self.worker)
            for shard in settings.consumed_shards()
        ]
        self._stop = asyncio.Event()
        self.health: HealthServer | None = None

    def readiness(self) -> dict[str, bool]:
        return {"redis": all(c.redis_ok for c in self.consumers), "worker": self.worker.ready}

    def exit(self) -> None:
        """Ask `run()` to return (safe from a signal handler on the loop)."""
        self._stop.set()

    async def run(self) -> None:
        self._watch_signals()
        if self.settings.extractor_metrics_port:
            self.health = HealthServer(
                self.settings.extractor_host, self.settings.extractor_metrics_port, self.readiness
            )
            self.health.start()
        work = asyncio.create_task(self._work())
        stop = asyncio.create_task(self._stop.wait())
        try:
            await asyncio.wait({work, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (work, stop):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await self._close()
        log.info("extractor_stopped")

    async def _work(self) -> None:
        await self.worker.start()
        for consumer in self.consumers:
            with contextlib.suppress(Exception):  # Redis down now: the loop waits it out
                articles = consumer.deps.settings.streams.articles
                await ensure_group(self.redis, articles, self.settings.extractor_group)
        log.info("extractor_started", consumer=self.settings.consumer_name, shards=len(self.consumers))
        await asyncio.gather(*(consumer.run() for consumer in self.consumers))

    async def _close(self) -> None:
        self.worker.kill()
        if self.health is not None:
            self.health.close()
        with contextlib.suppress(Exception):
            await self.redis.aclose()

    def _watch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread
                loop.add_signal_handler(signum, self.exit)


def build_app(settings: Settings) -> ExtractorApp:
    return ExtractorApp(settings)
