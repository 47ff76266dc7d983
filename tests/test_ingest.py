"""dyadwatch ingest / stats with the stub coder: accounting, idempotence, bad input."""

from __future__ import annotations

import json

from dyadwatch.cli import cli
from dyadwatch.store import connect
from dyadwatch.store.stats import table_contents
from dyadwatch.store.stubcoder import synthetic_texts

STUB = ["--coder", "dyadwatch.store.stubcoder:StubCoder"]


def corpus(tmp_path, n=12):
    d = tmp_path / "in"
    d.mkdir()
    files = []
    for i, text in enumerate(synthetic_texts(n)):
        f = d / f"a{i:03d}.txt"
        f.write_text(text, encoding="utf-8")
        files.append(str(f))
    return files


def run_ingest(runner, files, db, *extra):
    return runner.invoke(cli, ["ingest", *files, "--db", str(db), "--date", "2025-02-03",
                               "--batch", "4", *STUB, *extra])


def stats_json(runner, db):
    out = runner.invoke(cli, ["stats", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_ingest_accounts_for_every_input_and_rerun_adds_nothing(runner, tmp_path):
    files = corpus(tmp_path)
    db = tmp_path / "c.duckdb"
    first = run_ingest(runner, files, db)
    assert first.exit_code == 0, first.output
    s = stats_json(runner, db)
    assert s["inputs"] == len(files) == s["articles"] + s["duplicates"] + s["quarantined"]
    assert s["duplicates"] == 2 and s["quarantined"] == 1  # texts 5 and 10 repeat; 11 is empty
    assert s["stories"] < s["articles"]  # text 7 is a near duplicate
    assert "empty" in first.stderr
    con = connect(db, read_only=True)
    before = table_contents(con)
    con.close()
    again = run_ingest(runner, files, db)
    assert again.exit_code == 0, again.output
    assert f"{len(files)} already stored" in again.stderr
    con = connect(db, read_only=True)
    assert table_contents(con) == before
    assert len(stats_json(runner, db)["runs"]) == 2


def test_bad_files_are_quarantined_and_the_run_goes_on(runner, tmp_path):
    files = corpus(tmp_path, n=3)
    crash = tmp_path / "in" / "crash.txt"
    crash.write_text("CHN accuses KOR. STUB-CRASH", encoding="utf-8")
    missing = str(tmp_path / "in" / "missing.txt")
    result = run_ingest(runner, [files[0], missing, str(crash), *files[1:]], tmp_path / "c.duckdb")
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stderr.splitlines() if "missing.txt" in ln or "crash.txt" in ln]
    assert len(lines) == 2 and "Traceback" not in result.output
    assert any("coder failed" in ln for ln in lines)
    s = stats_json(runner, tmp_path / "c.duckdb")
    assert (s["articles"], s["quarantined"], s["inputs"]) == (3, 2, 5)


def test_nothing_coded_exits_non_zero(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_ingest(runner, [str(empty)], tmp_path / "c.duckdb")
    assert result.exit_code == 1
    assert "nothing could be coded" in result.stderr


def test_stats_text(runner, tmp_path):
    db = tmp_path / "c.duckdb"
    assert run_ingest(runner, corpus(tmp_path, n=6), db).exit_code == 0
    out = runner.invoke(cli, ["stats", "--db", str(db)])
    assert out.exit_code == 0 and out.stdout.startswith("inputs        6")


def test_same_files_named_another_way_are_the_same_inputs(runner, tmp_path, monkeypatch):
    files = corpus(tmp_path, n=4)
    db = tmp_path / "c.duckdb"
    assert run_ingest(runner, files, db).exit_code == 0
    monkeypatch.chdir(tmp_path)
    again = run_ingest(runner, [f"in/{p.rsplit('/', 1)[1]}" for p in files], db)
    assert again.exit_code == 0 and "4 already stored" in again.stderr


def test_optimize_keeps_the_database_contents(runner, tmp_path):
    files = corpus(tmp_path, n=10)
    db = tmp_path / "c.duckdb"
    assert run_ingest(runner, files, db).exit_code == 0
    con = connect(db, read_only=True)
    before = table_contents(con)
    con.close()
    result = run_ingest(runner, files, db, "--optimize")
    assert result.exit_code == 0 and "events table rewritten in dyad order" in result.stderr
    con = connect(db, read_only=True)
    assert table_contents(con) == before
    rows = con.execute("SELECT source_country, target_country FROM events").fetchall()
    assert rows == sorted(rows)
