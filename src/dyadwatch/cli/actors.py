"""dyadwatch actors / dyadwatch dict: how a text resolves, and dictionary imports."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..actors import resolve_text
from ..actors.dictionary import format_entries, load_dictionary
from ..actors.petrarch import convert_files, write_converted
from ..actors.wikidata import import_wikidata
from ..model import ActorMention
from ..options import Options
from ._common import library_errors, validate_date, warn

_HELP = Options.help()
FIELDS = ("code", "name", "role", "valid_from", "valid_to", "reason", "text", "start", "end")


def _record(m: ActorMention) -> dict[str, object]:
    return {k: getattr(m, k) for k in FIELDS}


def _table(mentions: list[ActorMention]) -> None:
    table = Table()
    for col in ("text", "span", "code", "name", "role", "reason"):
        table.add_column(col, overflow="fold")
    for m in mentions:
        table.add_row(m.text, f"{m.start}-{m.end}", m.code, m.name or "", m.role or "", m.reason)
    Console().print(table)


@click.command("actors")
@click.argument("text")
@click.option("--date", callback=validate_date,
              help="Article date (YYYY-MM-DD): roles resolve as on this date (default: latest roles).")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True,
              help="JSON (one object, or a list when TEXT holds several actors) or a table.")
@click.option("--actors", "actor_dicts", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help=_HELP["actor_dictionaries"])
@library_errors
def actors_command(text: str, date: str | None, fmt: str, actor_dicts: tuple[str, ...]) -> None:
    """Show how the actors of TEXT resolve: code, name, role, validity and the reason."""
    day = dt.date.fromisoformat(date) if date else None
    mentions = resolve_text(text, day, actor_dicts)
    if fmt == "table":
        _table(mentions)
        return
    records = [_record(m) for m in mentions]
    click.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))


@click.group("dict")
def dict_group() -> None:
    """Actor dictionaries: import PETRARCH/TABARI files and Wikidata exports."""


@dict_group.command("import-petrarch")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False), default="dictionaries",
              show_default=True, help="Directory for the converted block-format files.")
@library_errors
def import_petrarch(files: tuple[str, ...], out_dir: str) -> None:
    """Convert PETRARCH/TABARI actor, agent and discard FILES to the block format."""
    converted = convert_files(Path(f) for f in files)
    for problem in converted.problems:
        warn(problem.message())
    header = "Converted from PETRARCH/TABARI files by dyadwatch dict import-petrarch:\n" + "\n".join(files)
    for path in write_converted(converted, Path(out_dir), header):
        click.echo(f"{path}: {len(converted.files[path.name])} entries")
    if converted.skipped:
        raise click.ClickException(f"{len(converted.skipped)} of {len(files)} input file(s) skipped (see above)")


@dict_group.command("import-wikidata")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False), default=None,
              help="Persons dictionary to write (default: standard output).")
@library_errors
def import_wikidata_command(file: str, out_file: str | None) -> None:
    """Convert a Wikidata SPARQL JSON export of office holders into a persons dictionary."""
    countries = load_dictionary(include_phoenix=False).by_kind("country")
    result = import_wikidata(Path(file), countries)
    for problem in result.problems:
        warn(problem.message())
    text = format_entries(result.entries, f"Persons imported from the Wikidata export {Path(file).name}")
    if out_file is None:
        sys.stdout.write(text)
    else:
        Path(out_file).write_text(text, encoding="utf-8")
        warn(f"{out_file}: {len(result.entries)} persons from {result.rows} rows")
    if not result.entries:
        raise click.ClickException("no usable row in the export")


COMMANDS: list[click.Command] = [actors_command, dict_group]
