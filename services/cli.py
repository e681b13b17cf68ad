"""`sitrep`: the command line for running, publishing to, replaying and evaluating the service."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="sitrep: statements and strikes from conflict news, kept in Redis Streams.", no_args_is_help=True
)


@app.callback()
def main() -> None:
    """Keep subcommands explicit even while only one exists."""


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A text article")],
    published_at: Annotated[str | None, typer.Option(help="YYYY-MM-DD, for relative dates")] = None,
) -> None:
    """Extract statements and strikes from one article offline and print them as JSON."""
    from services.extractor.extraction import extract as run_extraction
    from services.extractor.nlp import load_nlp

    day = date.fromisoformat(published_at) if published_at else None
    result = run_extraction(load_nlp(), file.read_text(encoding="utf-8"), day)
    typer.echo(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))


@app.command("eval")
def evaluate_corpus(
    corpus_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="A labelled corpus: gold/*.json, articles/")
    ] = Path("../shared/corpus"),
    as_json: Annotated[bool, typer.Option("--json", help="Print score.py's --json output")] = False,
    predictions_dir: Annotated[
        Path | None, typer.Option(file_okay=False, help="Also write the predictions there (NAME.json each)")
    ] = None,
) -> None:
    """Run the extractor on a labelled corpus and score it as shared/eval/score.py does."""
    from services.extractor.evaluation import evaluate, render_json, render_report

    report = evaluate(corpus_dir, predictions_dir=predictions_dir)
    typer.echo(render_json(report) if as_json else render_report(report), nl=as_json)


if __name__ == "__main__":
    app()
