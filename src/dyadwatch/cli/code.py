"""dyadwatch code: articles in, events with their evidence out."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import Document, Event, Problem
from ..options import Options
from ..output import csv_text, jsonl
from ..pipeline import Coder
from ..read import read_inputs
from ._common import library_errors, validate_date, warn

_HELP = Options.help()


def _clip(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"


def _snippet(e: Event, width: int = 60) -> str:
    """The words around the trigger, the trigger in brackets: readable at 80 columns."""
    local = e.sentence.find(e.trigger_text) if e.trigger_text else -1
    if local < 0:
        return _clip(e.sentence, width)
    left, right = e.sentence[:local], e.sentence[local + len(e.trigger_text):]
    room = max(width - len(e.trigger_text) - 2, 10)
    if len(left) > room // 2:
        left = "…" + left[len(left) - room // 2 + 1:]
    return f"{left}[{e.trigger_text}]{_clip(right, max(room - len(left), 1))}"


def _table(events: list[Event]) -> None:
    table = Table(show_lines=False, pad_edge=False)
    for col in ("date", "source", "target", "CAMEO", "PLOVER", "evidence"):
        table.add_column(col, overflow="fold", no_wrap=col != "evidence")
    for e in events:
        table.add_row(
            e.event_date or "-", e.source_code or "-", e.target_code or "-", e.cameo_code,
            e.plover_type, escape(_snippet(e)),
        )
    Console().print(table)
    Console(stderr=True).print(f"{len(events)} events", style="dim")


def _documents(files: tuple[str, ...], input_format: str) -> Iterator[Document]:
    """The readable documents of FILES; one warning line per problem."""
    for d in read_inputs(files, None if input_format == "auto" else input_format):
        if isinstance(d, Problem):
            warn(d.message())
        else:
            yield d


@click.command("code")
@click.argument("files", nargs=-1, required=True)
@click.option("--date", callback=validate_date, help=_HELP["date"])
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="Output format (table on a terminal, jsonl otherwise).")
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "warc"]),
              default="auto", show_default=True, help="How to read the inputs.")
@click.option("--include-hypothetical", is_flag=True, help=_HELP["include_hypothetical"])
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence (slower; for checks).")
@click.option("--no-headline", is_flag=True, help="Do not code the title as a headline.")
@click.option("--actors", "actor_dicts", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help=_HELP["actor_dictionaries"])
@click.option("--verbs", "verb_dicts", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help=_HELP["verb_dictionaries"])
@library_errors
def code_command(files: tuple[str, ...], date: str | None, fmt: str | None, input_format: str,
                 include_hypothetical: bool, no_prefilter: bool, no_headline: bool,
                 actor_dicts: tuple[str, ...], verb_dicts: tuple[str, ...]) -> None:
    """Code FILES (text, HTML, JSONL, WARC) into events, one record per event."""
    options = Options(date=date, include_hypothetical=include_hypothetical,
                      prefilter=not no_prefilter, code_headline=not no_headline,
                      actor_dictionaries=list(actor_dicts), verb_dictionaries=list(verb_dicts))
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    coder = Coder(options)
    coded = 0
    events: list[Event] = []
    first_csv = True
    for result in coder.code_many(_documents(files, input_format)):
        coded += 1
        if fmt == "jsonl":
            click.echo(jsonl(result.events), nl=False)
        elif fmt == "csv":
            click.echo(csv_text(result.events, header=first_csv), nl=False)
            first_csv = False
        else:
            events.extend(result.events)
    if fmt == "table":
        _table(events)
    if coded == 0:
        raise click.ClickException("nothing could be coded")


COMMANDS = [code_command]
