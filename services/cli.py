"""`sitrep`: the command line for running, publishing to, replaying and evaluating the service."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="sitrep: statements and strikes from conflict news, kept in Redis Streams.",
                  no_args_is_help=True)


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


if __name__ == "__main__":
    app()
