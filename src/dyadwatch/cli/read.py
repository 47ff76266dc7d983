"""dyadwatch read: show how inputs are parsed into documents."""

from __future__ import annotations

import json
import sys

import click

from ..model import Problem
from ..read import read_inputs
from ._common import library_errors, warn


@click.command("read")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True, help="Output: JSON documents, or a short text summary.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "warc"]),
              default="auto", show_default=True, help="How to read the inputs.")
@library_errors
def read_command(files: tuple[str, ...], fmt: str, input_format: str) -> None:
    """Parse FILES into documents (outlet, section, title, subtitle, authors, date, body) and print them."""
    docs = []
    for item in read_inputs(files, None if input_format == "auto" else input_format):
        if isinstance(item, Problem):
            warn(item.message())
            continue
        docs.append(item.to_dict())
    if fmt == "json":
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
    else:
        for d in docs:
            click.echo(f"{d['id']}\t{d.get('outlet') or '-'}\t{d.get('date') or '-'}\t{d.get('title') or ''}")
    if not docs:
        sys.exit(1)


COMMANDS = [read_command]
