"""dyadwatch read: show how inputs are parsed into documents."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..model import Document, Problem
from ..read import read_inputs
from ._common import library_errors, warn

KEYS = ("id", "outlet", "section", "title", "subtitle", "authors", "date", "url", "body")


def document_json(doc: Document) -> dict[str, Any]:
    """The document as JSON: the main keys first, then where it came from and its layout."""
    data = doc.to_dict()
    out = {k: data.pop(k) for k in KEYS}
    out["headings"] = [doc.body[s:e] for s, e in doc.headings]
    data.pop("headings")
    data["paragraphs"] = [list(span) for span in doc.paragraphs]
    out.update(data)
    return out


@click.command("read")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json",
              show_default=True,
              help="Output: JSON (one object, or a list), JSON lines, or a one-line summary each.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "warc"]),
              default="auto", show_default=True, help="How to read the inputs.")
@library_errors
def read_command(files: tuple[str, ...], fmt: str, input_format: str) -> None:
    """Parse FILES into documents (outlet, section, title, subtitle, authors, date, body) and print them.

    One line on stderr per input that cannot be read; the exit status is 1 only
    when no document at all could be read.
    """
    docs: list[dict[str, Any]] = []
    count = 0
    for item in read_inputs(files, None if input_format == "auto" else input_format):
        if isinstance(item, Problem):
            warn(item.message())
            continue
        count += 1
        if fmt == "jsonl":
            click.echo(json.dumps(document_json(item), ensure_ascii=False))
        elif fmt == "text":
            click.echo(f"{item.id}\t{item.outlet or '-'}\t{item.date or '-'}\t{item.title or ''}")
        else:
            docs.append(document_json(item))
    if fmt == "json" and docs:
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
    if count == 0:
        sys.exit(1)


COMMANDS = [read_command]
