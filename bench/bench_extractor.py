"""Extractor benchmark: spaCy's pipeline against the statement and strike stages on top of it.

The requirement (issue 4) is that statement extraction adds no more than 25% to spaCy's own time.
Every stage is timed per corpus article, `--repeat` times, and its median kept; stages run on the
same parsed Doc, so the statement and strike figures exclude parsing. Prints figures only.

    .venv/bin/python -m bench.bench_extractor [--corpus ../shared/corpus] [--repeat 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
# Statement extraction may add at most this fraction of spaCy's time (the requirement).
STATEMENTS_BUDGET = 0.25

if __package__ in (None, ""):
    # Run as `python bench/bench_extractor.py`: make the repo importable even without an install.
    sys.path.insert(0, str(REPO))

from evaluation.corpus import GoldArticle, load_corpus  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class ArticleTiming:
    """Median milliseconds of each stage on one article."""

    name: str
    size_bytes: int
    spacy_ms: float
    statements_ms: float
    strikes_ms: float


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` calls, in ms; the median shrugs off GC pauses and other outliers."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def time_article(nlp: Language, article: GoldArticle, repeat: int) -> ArticleTiming:
    """Time spaCy, statements and strikes on one article (after one untimed warm-up pass)."""
    from services.extractor.statements.extract import extract_statements
    from services.extractor.strikes.extract import extract_strikes

    # The untimed pass also pays first-call costs (lazy tables, caches) outside the figures.
    doc = nlp(article.text)
    statements = extract_statements(doc)
    extract_strikes(doc, article.published_at, statements)
    return ArticleTiming(
        name=article.name,
        size_bytes=len(article.text.encode("utf-8")),
        spacy_ms=median_ms(lambda: nlp(article.text), repeat),
        statements_ms=median_ms(lambda: extract_statements(doc), repeat),
        strikes_ms=median_ms(lambda: extract_strikes(doc, article.published_at, statements), repeat),
    )


def _rate(amount: float, ms: float) -> str:
    return f"{amount / (ms / 1000):10.1f}" if ms > 0 else f"{'-':>10}"


def _share(ms: float, spacy_ms: float) -> str:
    return f"{ms / spacy_ms:8.1%}" if spacy_ms > 0 else f"{'-':>8}"


def report(timings: list[ArticleTiming], repeat: int) -> str:
    """Per-article medians, then per-stage totals with throughput and the ratios to spaCy."""
    n = len(timings)
    kb = sum(t.size_bytes for t in timings) / 1024
    lines = [
        f"{n} articles, {kb:.1f} kB; median of {repeat} runs per article and stage",
        "",
        f"{'article':<28} {'kB':>6} {'spaCy ms':>10} {'statem. ms':>10} {'strikes ms':>10}",
    ]
    for t in timings:
        kb_article = t.size_bytes / 1024
        lines.append(
            f"{t.name:<28} {kb_article:6.1f} {t.spacy_ms:10.2f} {t.statements_ms:10.3f} {t.strikes_ms:10.3f}"
        )
    spacy = sum(t.spacy_ms for t in timings)
    stages = [
        ("spaCy", spacy),
        ("statements", sum(t.statements_ms for t in timings)),
        ("strikes", sum(t.strikes_ms for t in timings)),
    ]
    lines += ["", f"{'stage':<12} {'ms/article':>10} {'articles/s':>10} {'kB/s':>10} {'/ spaCy':>8}"]
    for stage, total_ms in stages:
        rates = f"{_rate(n, total_ms)} {_rate(kb, total_ms)}"
        lines.append(f"{stage:<12} {total_ms / n:10.3f} {rates} {_share(total_ms, spacy)}")
    lines += [
        "",
        f"statements / spaCy = {_share(stages[1][1], spacy).strip()} (budget {STATEMENTS_BUDGET:.0%})",
        f"strikes / spaCy    = {_share(stages[2][1], spacy).strip()}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Benchmark the extractor stages on a corpus's articles and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus dir (gold/, articles/)")
    parser.add_argument("--repeat", type=int, default=10, help="timed runs per article and stage")
    args = parser.parse_args(argv)

    from services.extractor.nlp import load_nlp

    nlp = load_nlp()
    articles = list(load_corpus(args.corpus))
    if not articles:
        parser.error(f"no gold files under {args.corpus / 'gold'}")
    print(report([time_article(nlp, a, max(1, args.repeat)) for a in articles], args.repeat))


if __name__ == "__main__":
    main()
