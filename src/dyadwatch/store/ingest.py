"""Ingest: read inputs, code them (here, in N processes or on Dask), store them batch by batch.

The calling process reads and classifies every input in order, sends the
documents to code to the runner, and writes the results back in input order,
one transaction per batch. So the database after a run depends only on the
inputs and their order: not on the number of workers, not on interruptions.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb

from ..distributed import CoderSpec, Job, Result, Runner, make_runner
from ..model import Problem
from ..read import read_inputs
from .writer import IngestCounts, Item, Writer

PAUSE_AFTER = "DYADWATCH_TEST_PAUSE_AFTER_BATCH"  # test hook: stop (sleep) after committing batch N
PAUSE_BEFORE_COMMIT = "DYADWATCH_TEST_PAUSE_BEFORE_COMMIT"  # ... inside batch N's transaction


@dataclass
class IngestSettings:
    batch: int = 64
    workers: int = 1
    scheduler: str | None = None  # tcp://host:port, or "local" for a LocalCluster
    input_format: str | None = None
    date_from_path: bool = False  # documents without a date take the one in their path


@dataclass
class IngestReport:
    run_id: str
    counts: IngestCounts = field(default_factory=IngestCounts)
    interrupted: bool = False
    batches: int = 0
    last_path: str | None = None  # file of the last input stored (inputs come file after file)


T = TypeVar("T")
ProblemHook = Callable[[Problem], None]
ProgressHook = Callable[[IngestReport], None]


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def _start_run(con: duckdb.DuckDBPyConnection, run_id: str, command: dict[str, object]) -> None:
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, command) VALUES (?, ?, 'running', ?)",
        [run_id, dt.datetime.now(dt.UTC).replace(tzinfo=None), json.dumps(command, default=str)],
    )


def _finish_run(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    c = report.counts
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, n_coded = ?, n_duplicate = ?, "
        "n_quarantined = ?, n_skipped = ?, n_events = ? WHERE run_id = ?",
        [dt.datetime.now(dt.UTC).replace(tzinfo=None),
         "interrupted" if report.interrupted else "finished",
         c.coded, c.duplicate, c.quarantined, c.skipped, c.events, report.run_id],
    )


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _attach(items: list[Item], results: list[Result]) -> None:
    """Give each item to code its result, in order; a string result is a failure."""
    to_code = [it for it in items if it.status == "code"]
    for item, result in zip(to_code, results, strict=False):
        if isinstance(result, str):
            item.fail(result, "error")
        else:
            item.coded = result


def _pause_if_asked(variable: str, batch_no: int) -> None:
    """Test hook: block forever at this point so a test can kill the process here."""
    if os.environ.get(variable) == str(batch_no):
        sys.stderr.write(f"paused: {variable}={batch_no}\n")
        sys.stderr.flush()
        while True:
            time.sleep(1)


class Ingestor:
    """One ingest run over a database connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, spec: CoderSpec,
                 settings: IngestSettings | None = None, on_problem: ProblemHook | None = None,
                 on_progress: ProgressHook | None = None) -> None:
        self.con, self.spec = con, spec
        self.settings = settings or IngestSettings()
        self.on_problem, self.on_progress = on_problem, on_progress
        self.report = IngestReport(new_run_id())
        self.writer = Writer.load(con, self.report.run_id)

    def run(self, paths: Sequence[str | Path], runner: Runner | None = None) -> IngestReport:
        s = self.settings
        own_runner = runner is None
        runner = runner or make_runner(self.spec, s.workers, s.scheduler)  # may fail: before the run row
        _start_run(self.con, self.report.run_id, {"paths": [str(p) for p in paths], **s.__dict__})
        try:
            self._loop(read_inputs(paths, s.input_format, s.date_from_path), runner)
        except KeyboardInterrupt:
            self.report.interrupted = True
        finally:
            if own_runner:
                runner.close()
            _finish_run(self.con, self.report)
        return self.report

    def _loop(self, inputs: Iterable[object], runner: Runner) -> None:
        pending: deque[tuple[list[Item], Job]] = deque()
        for batch in _batches(iter(inputs), self.settings.batch):
            items = self.writer.classify(self.con, batch)  # type: ignore[arg-type]
            docs = [it.document for it in items if it.status == "code" and it.document]
            pending.append((items, runner.submit(docs)))
            while len(pending) > runner.workers:
                self._store(*pending.popleft())
        while pending:
            self._store(*pending.popleft())

    def _store(self, items: list[Item], job: Job) -> None:
        _attach(items, job.result())
        n = self.report.batches + 1
        counts = self.writer.write(self.con, items, lambda: _pause_if_asked(PAUSE_BEFORE_COMMIT, n))
        self.report.batches = n
        self.report.counts.add(counts)
        if self.on_problem:
            for item in items:
                if item.status == "quarantined" and item.problem is not None:
                    self.on_problem(item.problem)
        if items:
            self.report.last_path = items[-1].path
        if self.on_progress:
            self.on_progress(self.report)
        _pause_if_asked(PAUSE_AFTER, n)


def ingest(con: duckdb.DuckDBPyConnection, paths: Sequence[str | Path], spec: CoderSpec | None = None,
           settings: IngestSettings | None = None, **hooks: ProblemHook | ProgressHook) -> IngestReport:
    """Read, code and store ``paths``; see ``Ingestor``."""
    from ..options import Options

    spec = spec or CoderSpec(Options())
    return Ingestor(con, spec, settings, **hooks).run(paths)  # type: ignore[arg-type]
