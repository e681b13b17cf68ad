"""Evaluating the extractor on a labelled corpus (`sitrep eval`, `make eval`).

Runs `extract()` on the article of every gold file and scores the result with
`evaluation.scoring`, which gives the same figures as `shared/eval/score.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluation.scoring import (
    ArticleScore,
    CorpusScore,
    gold_files,
    load_json,
    score_corpus,
    summary_lines,
)

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class GoldArticle:
    """One gold file with its article: the extractor's input and the expected output."""

    name: str
    text: str
    published_at: date | None
    gold: dict[str, Any]


@dataclass(frozen=True)
class EvalReport:
    """The predictions made on a corpus and their score."""

    corpus_dir: Path
    predictions: dict[str, dict[str, Any]]
    score: CorpusScore

    def to_json_dict(self) -> dict[str, Any]:
        """score.py's `--json` shape, so the two outputs can be compared as they are."""
        return self.score.to_json_dict()


def load_corpus(corpus_dir: Path) -> Iterator[GoldArticle]:
    """The gold files under `corpus_dir/gold`, in score.py's order, each with its article text."""
    for path in gold_files(corpus_dir / "gold"):
        gold = load_json(path)
        article = gold["article"]
        published = article.get("published_at")
        yield GoldArticle(
            name=path.stem,
            # `article.file` is relative to the corpus directory, not to the gold file.
            text=(corpus_dir / article["file"]).read_text(encoding="utf-8"),
            published_at=date.fromisoformat(published) if published else None,
            gold=gold,
        )


def write_predictions(predictions: dict[str, dict[str, Any]], out_dir: Path) -> None:
    """One NAME.json a gold file, the layout `score.py GOLD_DIR PRED_DIR` reads."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, prediction in predictions.items():
        text = json.dumps(prediction, ensure_ascii=False, indent=2) + "\n"
        (out_dir / f"{name}.json").write_text(text, encoding="utf-8")


def evaluate(
    corpus_dir: Path, nlp: Language | None = None, predictions_dir: Path | None = None
) -> EvalReport:
    """Extract from every article of the corpus and score the predictions against its gold labels.

    `nlp` defaults to the service's pipeline; with `predictions_dir` the predictions are also
    written there, one NAME.json per gold file, ready for `shared/eval/score.py`.
    """
    # Imported here so that scoring and rendering stay usable without the extractor's imports.
    from services.extractor.extraction import extract, split_title
    from services.extractor.nlp import load_nlp

    nlp = nlp or load_nlp()
    articles = list(load_corpus(corpus_dir))
    predictions = {}
    for a in articles:
        # As `sitrep extract` reads a file: its first line is the title, the rest the body.
        title, body = split_title(a.text)
        predictions[a.name] = extract(nlp, body, a.published_at, title).to_json_dict()
    if predictions_dir is not None:
        write_predictions(predictions, predictions_dir)
    score = score_corpus((a.name, predictions[a.name], a.gold) for a in articles)
    return EvalReport(corpus_dir=corpus_dir, predictions=predictions, score=score)


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"  {title} ({len(items)}):", *(f"    - {item}" for item in items)]


def render_article(article: ArticleScore) -> list[str]:
    """An article's misses, or `ok` when it has none."""
    statements, strikes = article.statements, article.strikes
    header = (
        f"{article.name}: statements {statements.span.tp}/{statements.span.gold} found"
        f" ({statements.span.pred} predicted), strikes {strikes.events.tp}/{strikes.events.gold}"
        f" found ({strikes.events.pred} predicted)"
    )
    body = [
        *_section("statement misses", [json.dumps(q, ensure_ascii=False) for q in statements.misses]),
        *_section(
            "wrong speakers",
            [f"predicted {pred!r}, gold {gold!r}" for pred, gold in statements.wrong_speakers],
        ),
        *_section("strike misses", strikes.misses),
    ]
    return [header, *(body or ["  ok"])]


def render_report(report: EvalReport) -> str:
    """Per-article misses, then the summary lines exactly as score.py prints them."""
    lines = [f"corpus: {report.corpus_dir}", ""]
    for article in report.score.articles:
        lines += [*render_article(article), ""]
    lines += summary_lines(report.score)
    return "\n".join(lines) + "\n"


def render_json(report: EvalReport) -> str:
    """The report as score.py's `--json` prints it."""
    return json.dumps(report.to_json_dict(), indent=2)
