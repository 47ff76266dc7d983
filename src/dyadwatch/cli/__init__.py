"""Command line: thin click commands over the library, one module per command group."""

from __future__ import annotations

import sys

import click

from .. import __version__
from . import actors, code, corpus, evaluate, read, relations


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyadwatch")
def cli() -> None:
    """dyadwatch: who did what to whom, when: political events from news articles."""


for _module in (read, code, actors, evaluate, corpus, relations):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    """Entry point: library errors become one line (ClickException); nothing else leaks a traceback."""
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, never a traceback
        click.echo(f"dyadwatch: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
