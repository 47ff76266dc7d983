"""Ingest survives SIGKILL: the re-run ends with exactly the database an uninterrupted run gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dyadwatch.cli import cli
from dyadwatch.store import connect
from dyadwatch.store.ingest import PAUSE_AFTER, PAUSE_BEFORE_COMMIT
from dyadwatch.store.stats import table_contents
from dyadwatch.store.stubcoder import synthetic_texts

DYADWATCH = [str(Path(sys.executable).parent / "dyadwatch")]
# The same ingest through the library: starts faster than the whole CLI (no spaCy import)
LIBRARY = [sys.executable, "-c", """
import sys
from dyadwatch.distributed import CoderSpec
from dyadwatch.options import Options
from dyadwatch.store import connect
from dyadwatch.store.ingest import Ingestor, IngestSettings
args = sys.argv[1:]
db, files = args[args.index("--db") + 1], args[1:args.index("--db")]
spec = CoderSpec(Options(date="2025-02-03"), "dyadwatch.store.stubcoder:StubCoder")
Ingestor(connect(db), spec, IngestSettings(batch=4)).run(files)
"""]


def _args(files, db):
    return ["ingest", *files, "--db", str(db), "--date", "2025-02-03", "--batch", "4",
            "--coder", "dyadwatch.store.stubcoder:StubCoder"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    files = []
    for i, text in enumerate(synthetic_texts(30, seed=3)):
        (d / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        files.append(str(d / f"a{i:03d}.txt"))
    return files


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    result = CliRunner().invoke(cli, _args(corpus, db))
    assert result.exit_code == 0, result.output
    con = connect(db, read_only=True)
    yield table_contents(con)
    con.close()


def _signal_when_paused(args, variable, batch, sig=signal.SIGKILL, program=DYADWATCH):
    """Run ingest in a subprocess, send ``sig`` where it pauses; return its remaining stderr."""
    env = {**os.environ, variable: str(batch)}
    proc = subprocess.Popen([*program, *args], env=env, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        for line in proc.stderr:  # type: ignore[union-attr]
            if line.startswith("paused:"):
                proc.send_signal(sig)
                break
        rest = proc.stderr.read()  # type: ignore[union-attr]
        proc.wait()
    finally:
        watchdog.cancel()
    return proc.returncode, rest


@pytest.mark.parametrize(("variable", "batch", "stored"), [
    (PAUSE_AFTER, 2, 8),  # killed between batches: 2 batches of 4 inputs committed
    (PAUSE_BEFORE_COMMIT, 3, 8),  # killed inside batch 3's transaction: it is lost
])
def test_sigkill_then_rerun_equals_uninterrupted_run(corpus, reference, tmp_path, runner,
                                                     variable, batch, stored):
    db = tmp_path / "killed.duckdb"
    code, _ = _signal_when_paused(_args(corpus, db), variable, batch, program=LIBRARY)
    assert code == -signal.SIGKILL
    con = connect(db)
    assert con.execute("SELECT count(*) FROM inputs").fetchone() == (stored,)
    assert con.execute("SELECT status FROM runs").fetchall() == [("running",)]
    con.close()
    result = runner.invoke(cli, _args(corpus, db))
    assert result.exit_code == 0, result.output
    assert f"{stored} already stored" in result.stderr
    con = connect(db, read_only=True)
    assert table_contents(con) == reference


def test_ctrl_c_stops_between_batches_and_says_how_to_resume(corpus, reference, tmp_path, runner):
    db = tmp_path / "int.duckdb"
    code, stderr = _signal_when_paused(_args(corpus, db), PAUSE_BEFORE_COMMIT, 2, signal.SIGINT)
    assert code == 130 and "run the same command again to resume" in stderr
    assert "Traceback" not in stderr
    con = connect(db)
    assert con.execute("SELECT status, n_skipped + n_coded + n_duplicate + n_quarantined FROM runs"
                       ).fetchall() == [("interrupted", 4)]
    assert con.execute("SELECT count(*) FROM inputs").fetchone() == (4,)  # batch 2 rolled back
    con.close()
    assert runner.invoke(cli, _args(corpus, db)).exit_code == 0
    assert table_contents(connect(db, read_only=True)) == reference
