"""`sitrep dead-letters list|show|retry|drop`: what failed for good, and what to do with it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import typer
from redis.asyncio import Redis

from services.commands.connection import redis_for, stack_settings
from services.common import dead_letter_admin as letters
from services.common.settings import Settings

app = typer.Typer(help="Dead letters: list, show, retry or drop them.", no_args_is_help=True)
T = TypeVar("T")
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON")]
EntryId = Annotated[str, typer.Argument(help="The dead letter's entry id (see `list`)")]


def _with_redis(action: Callable[[Redis, Settings], Awaitable[T]]) -> T:
    settings = stack_settings()

    async def run() -> T:
        redis = redis_for(settings)
        try:
            return await action(redis, settings)
        finally:
            await redis.aclose()

    try:
        return asyncio.run(run())
    except (letters.UnknownDeadLetter, letters.InvalidEntryId, letters.AlreadyResolved) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None


def _line(item: dict[str, Any]) -> str:
    done = f"  [{item['resolution']['action']}]" if item.get("resolution") else ""
    where = f"{item['stream']} {item['source_entry_id']}"
    head = f"{item['entry_id']}  {item['reason']:<12} {item['correlation_id']}  {where}{done}"
    return f"{head}\n    {item['error'][:160]}"


@app.command("list")
def list_letters(
    as_json: AsJson = False,
    resolved: Annotated[bool, typer.Option("--all", help="Include retried and dropped letters")] = False,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
) -> None:
    """Newest first; retried and dropped letters only with --all."""
    page = _with_redis(lambda r, s: letters.list_letters(r, s, limit, resolved=resolved))
    if as_json:
        typer.echo(json.dumps(page.items, indent=2))
        return
    typer.echo("\n".join(_line(i) for i in page.items) if page.items else "no dead letters")


@app.command()
def show(entry_id: EntryId) -> None:
    """One letter in full, with the original entry's fields."""
    typer.echo(json.dumps(_with_redis(lambda r, s: letters.show(r, s, entry_id)), indent=2))


@app.command()
def retry(entry_id: EntryId) -> None:
    """Append the original entry to its stream again, for its consumers to process anew."""
    item = _with_redis(lambda r, s: letters.resolve(r, s, entry_id, "retried"))
    typer.echo(f"{entry_id} retried: {item['stream']} {item['resolution']['new_entry_id']}")


@app.command()
def drop(entry_id: EntryId) -> None:
    """Mark the letter dropped: kept in the stream as history, left out of `list`."""
    _with_redis(lambda r, s: letters.resolve(r, s, entry_id, "dropped"))
    typer.echo(f"{entry_id} dropped")
