"""Articles per second through spaCy alone, and through the project's whole extraction.

The two run over the same texts in the same process, one after the other, so their ratio
(what the rules and the sectioning add to the parse) holds however busy the machine is.
The extraction runs as the extractor's worker does: `extract_many` over reads of
`extract_batch` articles, one `nlp.pipe` per read.
"""

from __future__ import annotations

import time
from datetime import date

from spacy.language import Language

from bench.corpus import title_and_body
from bench.figures import Figures, rounded
from services.common.settings import Settings
from services.extractor.extraction import Job, extract_many

PUBLISHED = date(2024, 3, 14)


def spacy_raw_rate(nlp: Language, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return len(texts) / (time.perf_counter() - started)


def jobs_of(texts: list[str]) -> list[Job]:
    return [Job(body, PUBLISHED, title) for title, body in map(title_and_body, texts)]


def extract_rate(nlp: Language, texts: list[str], batch: int) -> float:
    jobs = jobs_of(texts)
    started = time.perf_counter()
    for i in range(0, len(jobs), batch):
        for _, result in extract_many(nlp, jobs[i : i + batch]):
            if isinstance(result, Exception):
                raise result
    return len(texts) / (time.perf_counter() - started)


def nlp_figures(nlp: Language, texts: list[str]) -> Figures:
    batch = Settings().extract_batch
    list(extract_many(nlp, jobs_of(texts[:3])))  # first-call costs (lazy tables, caches) stay outside
    raw = spacy_raw_rate(nlp, texts)
    whole = extract_rate(nlp, texts, batch)
    return {
        "nlp_articles": len(texts),
        "extract_batch": batch,
        "spacy_raw_articles_per_s": rounded(raw),
        "extract_articles_per_s": rounded(whole),
        "extract_vs_spacy_ratio": rounded(whole / raw),
    }
