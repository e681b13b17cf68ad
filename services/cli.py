"""`sitrep`: the command line for running, publishing to, replaying and evaluating the service."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from services.commands import dead_letters, status, tail
from services.common.logging import configure_logging
from services.common.settings import Settings
from services.common.stack_record import with_running_stack

app = typer.Typer(
    help="sitrep: statements and strikes from conflict news, kept in Redis Streams.", no_args_is_help=True
)


class Service(StrEnum):
    ingest = "ingest"
    extractor = "extractor"
    projector = "projector"


def _settings() -> Settings:
    # Without REDIS_URL, a stack started by `sitrep up` is found through its stack.json.
    settings = with_running_stack(Settings())
    configure_logging(settings.log_level, settings.log_format)
    return settings


@app.callback()
def main() -> None:
    """Configuration comes from the environment: SITREP_* variables and REDIS_URL."""


@app.command()
def run(service: Annotated[Service, typer.Argument(help="Which service to run in this process")]) -> None:
    """Run one service in the foreground (several extractors may share one consumer group)."""
    settings = _settings()
    settings.require_redis_url()
    if service is Service.extractor:
        import asyncio

        from services.extractor.service import build_app

        asyncio.run(build_app(settings).run())
        return
    import uvicorn

    if service is Service.ingest:
        from services.ingest.api import create_app

        host, port = settings.ingest_host, settings.ingest_port
    else:
        from services.projector.service import create_app

        host, port = settings.projector_host, settings.projector_port
    uvicorn.run(create_app(settings), host=host, port=port, log_config=None, access_log=False)


@app.command()
def up(
    embedded_port: Annotated[
        int, typer.Option(help="Port of the embedded Redis (when REDIS_URL is unset)")
    ] = 6380,
) -> None:
    """Start Redis (embedded, unless REDIS_URL is set) and all three services; Ctrl-C stops them."""
    from services.common.supervisor import up as run_all

    raise typer.Exit(run_all(_settings(), embedded_port))


@app.command()
def publish(
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Text or JSON articles")],
    published_at: Annotated[
        str | None, typer.Option(help="YYYY-MM-DD for every file that gives none")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source for every file that gives none")] = None,
    ingest_url: Annotated[
        str | None, typer.Option(help="Default: the configured ingest host and port")
    ] = None,
) -> None:
    """Publish articles through the ingest API, with a progress bar.

    A .json file has the shape of POST /articles; any other file is plain text whose
    first non-empty line is the title."""
    import httpx
    from rich.progress import track

    settings = _settings()
    url = (ingest_url or f"http://{settings.ingest_host}:{settings.ingest_port}").rstrip("/") + "/articles"
    failures = 0
    # With SITREP_API_KEY set (one key or several), writes need one of them.
    keys = sorted(settings.write_keys())
    with httpx.Client(timeout=30, headers={"X-API-Key": keys[0]} if keys else {}) as client:
        for path in track(files, description="publishing"):
            try:
                response = client.post(url, json=_article_payload(path, published_at, source))
            except httpx.ConnectError:
                typer.echo(f"cannot reach ingest at {url}: is it running (`make run`)?", err=True)
                raise typer.Exit(2) from None
            except (ValueError, httpx.HTTPError) as exc:  # a JSON file that is not JSON, a timeout
                failures += 1
                typer.echo(f"{path}: {exc}", err=True)
                continue
            if response.status_code == 202:
                body = response.json()
                note = " (already published)" if body["duplicate"] else ""
                typer.echo(f"{path}: {body['article_id']} at {body['entry_id']}{note}")
            else:
                failures += 1
                typer.echo(f"{path}: HTTP {response.status_code} {response.text}", err=True)
    raise typer.Exit(1 if failures else 0)


def _article_payload(path: Path, published_at: str | None, source: str | None) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        payload: dict[str, object] = json.loads(text)
    else:
        title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
        payload = {"title": title[:1000], "body": text}
    if published_at:
        payload.setdefault("published_at", published_at)
    if source:
        payload.setdefault("source", source)
    return payload


@app.command()
def replay() -> None:
    """Rebuild every read model from the streams (the streams are not touched)."""
    import asyncio

    from services.projector.replay import replay as rebuild

    counts = asyncio.run(rebuild(_settings()))
    for stream, applied in counts.items():
        typer.echo(f"{stream}: {applied} entries applied")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A text article")],
    published_at: Annotated[str | None, typer.Option(help="YYYY-MM-DD, for relative dates")] = None,
) -> None:
    """Extract statements and strikes from one article offline and print them as JSON.

    The file's first line is the article's title when a blank line follows it; spans are
    offsets into the body after it."""
    from services.extractor.extraction import extract as run_extraction
    from services.extractor.extraction import split_title
    from services.extractor.nlp import load_nlp

    day = date.fromisoformat(published_at) if published_at else None
    title, body = split_title(file.read_text(encoding="utf-8"))
    result = run_extraction(load_nlp(), body, day, title)
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
    from evaluation.corpus import evaluate, render_json, render_report

    report = evaluate(corpus_dir, predictions_dir=predictions_dir)
    typer.echo(render_json(report) if as_json else render_report(report), nl=as_json)


app.command()(status.status)
app.command()(tail.tail)
app.add_typer(dead_letters.app, name="dead-letters")


if __name__ == "__main__":
    app()
