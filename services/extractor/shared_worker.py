"""One extraction worker process shared by the consumers of several shards.

An extractor that reads N shards runs one read loop per shard (each shard has its own
consumer group), but one child process with one spaCy pipeline: the loops' batches take
turns on it, as one loop's batches would.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from services.extractor.extraction import Job
from services.extractor.worker import ExtractionWorker, Result


class SharedExtractionWorker(ExtractionWorker):
    def __init__(self, model: str) -> None:
        super().__init__(model)
        self._turn = asyncio.Lock()
        # Apart from the turn: `run` starts the child itself, under the turn.
        self._starting = asyncio.Lock()

    async def start(self) -> None:
        async with self._starting:  # two loops must not start two children
            await super().start()

    async def run(self, jobs: list[Job], budget_s: float) -> AsyncIterator[Result]:
        async with self._turn:
            async for result in super().run(jobs, budget_s):
                yield result
