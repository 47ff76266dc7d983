"""dyadwatch eval: score the coder against gold files (PLOVER JSON, PETRARCH XML)."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..eval import evaluate, format_text
from ._common import library_errors


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--show-errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="List up to N sentences the coder got wrong, with missing and spurious triples "
                   "(key \"errors\" in JSON).")
@library_errors
def eval_command(gold: tuple[str, ...], fmt: str, show_errors: int) -> None:
    """Score the coder on GOLD files: event-type accuracy, triple P/R/F1, confusion of types."""
    report = evaluate(list(gold))
    if fmt == "json":
        data = report.to_dict()
        data.pop("results")
        if show_errors:
            data["errors"] = [asdict(r) for r in report.errors()[:show_errors]]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(format_text(report, show_errors), nl=False)


COMMANDS = [eval_command]
