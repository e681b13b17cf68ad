"""One read of `sitrep:articles`, from entries to planned outcomes.

The articles of a read are extracted together: one `nlp.pipe` in the worker process
over all of them, under one time budget. When that budget runs out (or the worker dies)
the results already in stand, and the articles left are run again one at a time, each
with the whole budget: so a slow article is found and dead-lettered alone, and the others
of its read are extracted as usual.
"""

from __future__ import annotations

import structlog

from schemas.articles import ArticleReceived
from services.extractor.extraction import Job
from services.extractor.handler import (
    Entry,
    ExtractorDeps,
    Planned,
    Reason,
    dead_lettered,
    extracted,
    read_article,
    worker_crashed,
)
from services.extractor.worker import ExtractionWorker, WorkerCrashed, WorkerTimeout

log = structlog.get_logger("sitrep.extractor")


async def plan_entries(deps: ExtractorDeps, worker: ExtractionWorker, entries: list[Entry]) -> list[Planned]:
    """Every entry's outcome, in the order of `entries`."""
    planned: dict[str, Planned] = {}
    articles: list[tuple[Entry, ArticleReceived]] = []
    for entry in entries:
        if entry.deliveries > deps.settings.max_deliveries:
            # Earlier deliveries failed transiently (or ran elsewhere and vanished): stop here.
            error = f"delivered {entry.deliveries} times (max_deliveries={deps.settings.max_deliveries})"
            planned[entry.entry_id] = dead_lettered(deps, entry, Reason.MAX_DELIVERIES, error)
            continue
        article = read_article(entry)
        if isinstance(article, str):
            log.warning("article_unreadable", entry_id=entry.entry_id, error=article[:500])
            planned[entry.entry_id] = dead_lettered(deps, entry, Reason.UNREADABLE, article)
        else:
            articles.append((entry, article))
    for plan in await _extract(deps, worker, articles):
        planned[plan.entry.entry_id] = plan
    return [planned[entry.entry_id] for entry in entries]


async def _extract(
    deps: ExtractorDeps, worker: ExtractionWorker, articles: list[tuple[Entry, ArticleReceived]]
) -> list[Planned]:
    if not articles:
        return []
    jobs = [Job(article.body, article.published_at, article.title) for _, article in articles]
    done: dict[int, Planned] = {}
    try:
        async for result in worker.run(jobs, deps.settings.extract_timeout_s):
            entry, article = articles[result.index]
            if result.extraction is None:
                log.warning("extraction_failed", entry_id=entry.entry_id, error=result.error)
                done[result.index] = dead_lettered(
                    deps, entry, Reason.EXTRACTION_FAILED, result.error or "unknown error"
                )
            else:
                done[result.index] = extracted(deps, entry, article, result.extraction, result.duration_ms)
    except (WorkerTimeout, WorkerCrashed) as exc:
        left = [pair for index, pair in enumerate(articles) if index not in done]
        if len(articles) == 1:
            return [_failed(deps, articles[0][0], exc)]
        log.warning("batch_interrupted_running_alone", left=len(left), error=type(exc).__name__)
        return [*done.values(), *[plan for pair in left for plan in await _extract(deps, worker, [pair])]]
    return list(done.values())


def _failed(deps: ExtractorDeps, entry: Entry, exc: Exception) -> Planned:
    if isinstance(exc, WorkerTimeout):
        budget = deps.settings.extract_timeout_s
        log.warning("extraction_timed_out", entry_id=entry.entry_id, budget_s=budget)
        return dead_lettered(deps, entry, Reason.TIMEOUT, f"extraction took over {budget} s")
    log.error("extraction_worker_crashed", entry_id=entry.entry_id, deliveries=entry.deliveries)
    return worker_crashed(deps, entry, f"the extraction worker died: {exc!r}")
