"""Extraction in a child process that can be killed: the extractor's time budget.

spaCy and the rules are CPU-bound Python that cannot be interrupted from inside; a thread
that runs over its budget can only be abandoned, and it then holds the process (and its
metrics port) past SIGTERM. A process can be killed. The parent sends a batch of jobs and
reads one result per job as each completes; when the budget runs out, or the child dies,
the child is killed and a fresh one is started for the next batch.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import cast

import structlog

from services.extractor.extraction import Extraction, Job, extract_many

log = structlog.get_logger("sitrep.extractor.worker")

# Loading spaCy and the gazetteer takes a few seconds; far more means something is wrong.
START_TIMEOUT_S = 120.0


class WorkerTimeout(Exception):
    """The batch ran over its budget; the child was killed."""


class WorkerCrashed(Exception):
    """The child died on its own (killed by the OOM killer, a crash in native code)."""


@dataclass(frozen=True)
class Result:
    """One job's outcome: an extraction, or the error its rules raised."""

    index: int
    extraction: Extraction | None
    error: str | None
    duration_ms: float


def _serve(conn: Connection, model: str) -> None:
    """The child: load the pipeline once, then extract batches until the pipe closes."""
    # The parent decides when the child stops; Ctrl-C on the terminal reaches both.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from services.extractor.nlp import load_nlp

    nlp = load_nlp(model)
    # The first extraction loads the gazetteer; done here so no article's budget pays for it.
    list(extract_many(nlp, [Job("Russian jets bombed Aleppo on Monday, officials said.", None)]))
    conn.send("ready")
    while True:
        try:
            jobs: list[Job] = conn.recv()
        except EOFError:
            return
        for index, outcome in extract_many(nlp, jobs):
            if isinstance(outcome, Exception):
                conn.send((index, None, f"{type(outcome).__name__}: {outcome}"))
            else:
                conn.send((index, outcome, None))


async def _receive(conn: Connection, timeout: float) -> object:
    """The child's next message. Waits on the event loop, not in a thread, so a cancelled
    wait (SIGTERM) ends at once instead of holding the process until the budget is spent."""
    loop = asyncio.get_running_loop()
    readable: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not readable.done():
            readable.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await asyncio.wait_for(readable, max(timeout, 0.0))
    except TimeoutError as exc:
        raise WorkerTimeout from exc
    finally:
        loop.remove_reader(conn.fileno())
    try:
        return conn.recv()
    except (EOFError, OSError) as exc:
        raise WorkerCrashed from exc


class ExtractionWorker:
    """The parent's handle on the child process; one batch at a time."""

    def __init__(self, model: str) -> None:
        self._model = model
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def ready(self) -> bool:
        return self._process is not None and self._process.is_alive()

    async def start(self) -> None:
        """Start the child unless it runs; returns once it has loaded the pipeline."""
        if self.ready:
            return
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, self._model), daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent
        try:
            if await _receive(parent, START_TIMEOUT_S) != "ready":
                raise WorkerCrashed("the extraction worker sent no ready signal")
        except (WorkerTimeout, WorkerCrashed):
            self.kill()
            raise
        log.info("extraction_worker_started", pid=process.pid)

    async def run(self, jobs: list[Job], budget_s: float) -> AsyncIterator[Result]:
        """Yield each job's result as it completes. Raises WorkerTimeout when the batch
        outlasts `budget_s`, WorkerCrashed when the child dies; either way the child is
        gone, and the results yielded so far stand."""
        await self.start()
        assert self._conn is not None
        try:
            self._conn.send(jobs)
        except OSError as exc:  # the child died since the last batch
            self.kill()
            raise WorkerCrashed from exc
        started = previous = time.monotonic()
        for _ in jobs:
            try:
                message = await _receive(self._conn, started + budget_s - time.monotonic())
            except (WorkerTimeout, WorkerCrashed):
                self.kill()
                raise
            index, extraction, error = cast(tuple[int, Extraction | None, str | None], message)
            now = time.monotonic()
            yield Result(index, extraction, error, (now - previous) * 1000)
            previous = now

    def kill(self) -> None:
        """Stop the child at once (it holds nothing that needs a clean shutdown)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None and process.is_alive():
            process.kill()
            process.join(timeout=5)
