"""Articles per second through spaCy alone, and through the project's whole extraction.

The two run over the same texts in the same process, one after the other, so their ratio
(what the rules add to the parse) holds however busy the machine is.
"""

from __future__ import annotations

import time
from datetime import date

from spacy.language import Language

from bench.figures import Figures, rounded
from services.extractor.extraction import extract

PUBLISHED = date(2024, 3, 14)


def spacy_raw_rate(nlp: Language, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return len(texts) / (time.perf_counter() - started)


def extract_rate(nlp: Language, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        extract(nlp, text, PUBLISHED)
    return len(texts) / (time.perf_counter() - started)


def nlp_figures(nlp: Language, texts: list[str]) -> Figures:
    for text in texts[:3]:  # first-call costs (lazy tables, caches) stay outside the figures
        extract(nlp, text, PUBLISHED)
    raw = spacy_raw_rate(nlp, texts)
    whole = extract_rate(nlp, texts)
    return {
        "nlp_articles": len(texts),
        "spacy_raw_articles_per_s": rounded(raw),
        "extract_articles_per_s": rounded(whole),
        "extract_vs_spacy_ratio": rounded(whole / raw),
    }
