"""dyadwatch ingest / export / stats: corpora into the event database, and out again."""

from __future__ import annotations

import contextlib
import glob
import json
import sys
import time
from pathlib import Path
from types import TracebackType

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..distributed import CoderSpec
from ..model import Problem
from ..options import Options
from ..store import connect
from ..store.export import FORMATS, LAYOUTS, ExportFilter, export_events
from ..store.ingest import Ingestor, IngestReport, IngestSettings
from ..store.maintenance import optimize as optimize_events
from ..store.stats import stats, stats_text
from ._common import library_errors, validate_date, warn

_HELP = Options.help()


def _sizes(items: tuple[str, ...]) -> dict[str, int]:
    """Bytes of every file the arguments name (directories walked, globs expanded): for the ETA."""
    sizes: dict[str, int] = {}
    for item in items:
        path = Path(item)
        found = path.rglob("*") if path.is_dir() else [path] if path.exists() else map(Path, glob.glob(item, recursive=True))
        for f in found:
            with contextlib.suppress(OSError):
                if f.is_file():
                    sizes[str(f)] = f.stat().st_size
    return sizes


class IngestProgress:
    """Progress on stderr (articles/s, events, duplicates, quarantined, ETA by bytes), or nothing."""

    def __init__(self, show: bool, files: tuple[str, ...] = ()) -> None:
        self.progress: Progress | None = None
        self.started = time.monotonic()
        self.sizes = _sizes(files) if show else {}
        self.done: set[str] = set()
        self.current: str | None = None
        if show:
            self.progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=20),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
            )
            self.task = self.progress.add_task("starting", total=sum(self.sizes.values()) or None)

    def __enter__(self) -> IngestProgress:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.progress:
            if kind is None:
                self.progress.update(self.task, completed=sum(self.sizes.values()))
            self.progress.stop()

    def update(self, report: IngestReport) -> None:
        if self.progress:
            c = report.counts
            if report.last_path != self.current:  # inputs come file after file
                if self.current is not None:
                    self.done.add(self.current)
                self.current = report.last_path
            completed = sum(self.sizes.get(f, 0) for f in self.done)
            rate = c.coded / max(time.monotonic() - self.started, 1e-6)
            self.progress.update(self.task, completed=completed, description=(
                f"{c.coded} articles {rate:.1f}/s, {c.events} events, {c.duplicate} dup, "
                f"{c.quarantined} quarantined, {c.skipped} known"))

    def print(self, line: str) -> None:
        if self.progress:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            warn(line)


@click.command("ingest")
@click.argument("files", nargs=-1, required=True)
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False),
              help="DuckDB database file (created if missing).")
@click.option("--date", callback=validate_date, help=_HELP["date"])
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "warc"]),
              default="auto", show_default=True, help="How to read the inputs.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Coding processes on this machine (each loads the NLP pipeline once).")
@click.option("--scheduler", metavar="ADDRESS|local",
              help="Code on a Dask cluster: its scheduler address (tcp://host:port), or 'local'.")
@click.option("--batch", type=click.IntRange(min=1), default=64, show_default=True,
              help="Inputs per batch; a batch is one transaction (the unit of resumption).")
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence (slower; for checks).")
@click.option("--date-from-path", is_flag=True,
              help="Articles without a date take the last YYYY-MM-DD in their file path "
                   "(2025/06/10/story.html, wire-20250610.jsonl).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--optimize", is_flag=True,
              help="After the run, rewrite the events table in dyad/date order "
                   "(faster dyad and date queries; worth it after large runs).")
@click.option("--coder", "coder_factory", hidden=True,
              help="module:attr of another coder class (tests and benchmarks).")
@library_errors
def ingest_command(files: tuple[str, ...], db: str, date: str | None, input_format: str,
                   workers: int, scheduler: str | None, batch: int, no_prefilter: bool,
                   date_from_path: bool,
                   progress: bool | None, optimize: bool, coder_factory: str | None) -> None:
    """Code FILES (directories, globs, text, HTML, JSONL, WARC) into the database --db.

    Re-running the same command adds nothing; after an interruption it resumes.
    """
    spec = CoderSpec(Options(date=date, prefilter=not no_prefilter), coder_factory)
    settings = IngestSettings(batch, workers, scheduler,
                              None if input_format == "auto" else input_format, date_from_path)
    con = connect(db)
    show = sys.stderr.isatty() if progress is None else progress
    with IngestProgress(show, files) as bar:
        ingestor = Ingestor(con, spec, settings, on_problem=_problem_line(bar),
                            on_progress=bar.update)
        report = ingestor.run(files)
    c = report.counts
    warn(f"run {report.run_id}: {c.coded} coded, {c.duplicate} duplicate, "
         f"{c.quarantined} quarantined, {c.skipped} already stored, {c.events} events")
    if optimize and not report.interrupted:
        warn(f"events table rewritten in dyad order: {optimize_events(con)} events")
    if report.interrupted:
        warn(f"interrupted; the batches stored are kept: run the same command again to resume ({db})")
        sys.exit(130)
    if c.coded + c.duplicate + c.skipped == 0:
        raise click.ClickException("nothing could be coded or stored")


def _problem_line(bar: IngestProgress):  # type: ignore[no-untyped-def]
    def hook(problem: Problem) -> None:
        bar.print(problem.message())

    return hook


@click.command("export")
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="DuckDB database file written by ingest.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--layout", type=click.Choice(LAYOUTS), default="gdelt", show_default=True,
              help="Columns: GDELT-like (gdelt) or POLECAT/PLOVER-like (polecat).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Output file (default: stdout; required for parquet).")
@click.option("--since", callback=validate_date, help="First event date (YYYY-MM-DD).")
@click.option("--until", callback=validate_date, help="Last event date (YYYY-MM-DD).")
@click.option("--dyad", metavar="A-B", help="Source and target countries, e.g. CHN-KOR.")
@click.option("--actor", metavar="CODE", help="Events with this country as source or target.")
@click.option("--code", "cameo", metavar="PREFIX", help="CAMEO code or prefix, e.g. 04 or 112.")
@library_errors
def export_command(db: str, fmt: str, layout: str, output: str | None, since: str | None,
                   until: str | None, dyad: str | None, actor: str | None, cameo: str | None) -> None:
    """Write the events of the database (one row per distinct event) as CSV, JSONL or Parquet."""
    flt = ExportFilter.build(since=since, until=until, dyad=dyad, actor=actor, code=cameo)
    con = connect(db, read_only=True)
    n = export_events(con, flt, fmt, layout, output)
    warn(f"{n} events written" + (f" to {output}" if output else ""))


@click.command("stats")
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="DuckDB database file written by ingest.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@library_errors
def stats_command(db: str, fmt: str) -> None:
    """Counts: inputs by status, articles, duplicates, stories, events, quarantine, runs."""
    con = connect(db, read_only=True)
    data = stats(con)
    click.echo(json.dumps(data, indent=2, default=str) if fmt == "json" else stats_text(data))


COMMANDS = [ingest_command, export_command, stats_command]
