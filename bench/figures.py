"""The figures of one benchmark run: flat keys, numbers in the units their names give.

Written to `bench/results.json` and printed as a table, so README quotes the same run.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"

Figures = dict[str, float | int | str]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def latency(name: str, samples_ms: list[float]) -> Figures:
    return {
        f"{name}_p50_ms": round(statistics.median(samples_ms), 2),
        f"{name}_p99_ms": round(percentile(samples_ms, 99), 2),
    }


def rounded(value: float) -> float:
    """Three significant figures: the machine's noise is far above that."""
    return float(f"{value:.3g}")


def table(figures: Figures) -> str:
    width = max(len(k) for k in figures)
    return "\n".join(f"{key:<{width}}  {value}" for key, value in figures.items())


def write(figures: Figures, path: Path = RESULTS) -> None:
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def markdown(figures: Figures) -> str:
    """README's table of the same figures: `python -m bench.figures` prints it from results.json."""
    return "\n".join(["| figure | value |", "|---|---|", *(f"| `{k}` | {v} |" for k, v in figures.items())])


if __name__ == "__main__":
    print(markdown(json.loads(RESULTS.read_text(encoding="utf-8"))))
