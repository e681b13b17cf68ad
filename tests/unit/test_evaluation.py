"""evaluate(): the extractor run over a labelled corpus, scored like shared/eval/score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from evaluation.corpus import evaluate, load_corpus, render_json, render_report
from evaluation.scoring import summary_lines
from services.cli import app

SHARED = Path(__file__).parents[2].parent / "shared"
SCORE_PY = SHARED / "eval" / "score.py"
CORPUS = SHARED / "corpus"

needs_corpus = pytest.mark.skipif(
    not (SCORE_PY.exists() and (CORPUS / "gold").is_dir()), reason="../shared is not beside the repo"
)


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    """One article in a corpus laid out like shared/corpus, its file named relative to the corpus."""
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "articles" / "one.txt").write_text(
        'Pentagon spokesman Peter Cook said the talks were "cordial and professional."\n', encoding="utf-8"
    )
    gold = {
        "article": {"id": "one", "file": "articles/one.txt", "published_at": "2015-10-01"},
        "statements": [{"speaker": "Peter Cook", "speaker_aliases": [], "speaker_title": "Pentagon spokesman",
                        "anonymous": False, "kind": "direct", "quote": "cordial and professional.",
                        "cue": "said"}],
        "strikes": [],
    }  # fmt: skip
    (corpus / "gold" / "one.json").write_text(json.dumps(gold), encoding="utf-8")
    return corpus


def test_load_corpus_resolves_the_article_against_the_corpus_dir(tiny_corpus: Path) -> None:
    [article] = load_corpus(tiny_corpus)
    assert article.name == "one"
    assert article.text.startswith("Pentagon spokesman")
    assert article.published_at == date(2015, 10, 1)


def test_evaluate_writes_predictions_and_renders(tiny_corpus: Path, tmp_path: Path, nlp: Language) -> None:
    out = tmp_path / "pred"
    report = evaluate(tiny_corpus, nlp=nlp, predictions_dir=out)
    written = json.loads((out / "one.json").read_text(encoding="utf-8"))
    assert written == report.predictions["one"]
    assert set(written) == {"statements", "strikes"}
    text = render_report(report)
    assert text.startswith(f"corpus: {tiny_corpus}\n")
    assert text.rstrip("\n").splitlines()[-6:] == summary_lines(report.score)
    assert json.loads(render_json(report)) == report.score.to_json_dict()


@needs_corpus
def test_evaluate_agrees_with_score_py_on_its_own_predictions(tmp_path: Path, nlp: Language) -> None:
    report = evaluate(CORPUS, nlp=nlp, predictions_dir=tmp_path)
    cmd = [sys.executable, str(SCORE_PY), str(CORPUS / "gold"), str(tmp_path), "--json"]
    reference = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    assert reference == report.to_json_dict()
    assert len(report.predictions) == len(list((CORPUS / "gold").glob("*.json")))


@needs_corpus
def test_cli_eval_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(CORPUS), "--json", "--predictions-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert set(printed) == {"summary", "detail"}
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in (CORPUS / "gold").glob("*.json")]
    assert printed["summary"]["statements_span"]["gold"] == sum(len(g["statements"]) for g in golds)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(printed["detail"])
