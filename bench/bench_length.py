"""Extraction cost against article length: milliseconds per kB at 3 kB, 30 kB, 300 kB, 1 MB.

Issue 12 asks that these stay within 2x of each other (a cost that grows faster than the
text is what let one long article stall the extractor). The texts are the project's corpus
articles (and ../shared/corpus's, when present) joined and cut to each length, so they are
ordinary prose; each length is extracted whole, as the service does, through `extract`.

    .venv/bin/python -m bench.bench_length [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

from services.extractor.extraction import extract  # noqa: E402
from services.extractor.nlp import load_nlp  # noqa: E402

CORPORA = (REPO / "corpus" / "articles", REPO.parent / "shared" / "corpus" / "articles")
LENGTHS_KB = {"3kb": 3, "30kb": 30, "300kb": 300, "1mb": 1000}


def prose() -> str:
    """The bodies of every corpus article (the first line, the title, left out)."""
    bodies = []
    for corpus in CORPORA:
        for path in sorted(corpus.glob("*.txt")) if corpus.is_dir() else []:
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            bodies.append(body.strip())
    if not bodies:
        raise SystemExit(f"no corpus articles under {CORPORA[0]}")
    return "\n\n".join(bodies)


def text_of(kb: int, source: str) -> str:
    size = kb * 1000
    return ((source + "\n\n") * (size // len(source) + 1))[:size]


def bench_length(repeat: int = 3) -> dict[str, float]:
    """Median ms per kB at each length. 3 kB runs `repeat` x 10 times, 30 kB `repeat` times,
    the big lengths once: they take tens of seconds, so one run is long enough to be steady."""
    nlp = load_nlp()
    source = prose()
    extract(nlp, source[:2000], date(2024, 1, 1))  # loads the gazetteer outside the timings
    figures: dict[str, float] = {}
    for name, kb in LENGTHS_KB.items():
        text = text_of(kb, source)
        runs = repeat * 10 if kb < 10 else repeat if kb < 100 else 1
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            extract(nlp, text, date(2024, 1, 1))
            timings.append((time.perf_counter() - started) * 1000 / kb)
        figures[f"ms_per_kb_{name}"] = round(statistics.median(timings), 2)
    values = list(figures.values())
    figures["ms_per_kb_spread"] = round(max(values) / min(values), 2)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the small lengths, x10")
    args = parser.parse_args(argv)
    figures = bench_length(args.repeat)
    print("extraction cost by article length (ms per kB; spread = slowest / fastest, target <= 2)")
    for key, value in figures.items():
        print(f"  {key:<22} {value:>8.2f}")


if __name__ == "__main__":
    main()
