"""ingest --date-from-path: dates written in archive paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.model import Document
from dyadwatch.read import read_inputs
from dyadwatch.read.pathdate import date_in_path


@pytest.mark.parametrize(("path", "expected"), [
    ("news/2025/06/10/story.html", "2025-06-10"),
    ("wire-20250610.jsonl", "2025-06-10"),
    ("2025-06-10_seoul.txt", "2025-06-10"),
    ("2024_12_31/a.txt", "2024-12-31"),
    ("archive/2019-01-01/2025-06-10.txt", "2025-06-10"),  # the last, most specific date
    ("2025-02-30.txt", None),  # not a day
    ("2025-06/story.txt", None),  # a month is not a date
    ("story-123456789.txt", None),
    ("20250610123.txt", None),  # part of a longer number
])
def test_date_in_path(path: str, expected: str | None) -> None:
    assert date_in_path(path) == expected


def test_only_documents_without_a_date_take_the_path_date(tmp_path: Path) -> None:
    day = tmp_path / "2025" / "06" / "10"
    day.mkdir(parents=True)
    (day / "a.txt").write_text("China and South Korea held talks in Seoul.\n", encoding="utf-8")
    (day / "b.jsonl").write_text(
        '{"id": "x1", "text": "Japan protested.", "date": "2024-01-02"}\n'
        '{"id": "x2", "text": "Japan protested again."}\n', encoding="utf-8")
    docs = [d for d in read_inputs([tmp_path], date_from_path=True) if isinstance(d, Document)]
    assert {d.id if d.format == "jsonl" else "a": d.date for d in docs} == {
        "a": "2025-06-10", "x1": "2024-01-02", "x2": "2025-06-10"}
    plain = [d for d in read_inputs([tmp_path]) if isinstance(d, Document)]
    assert [d.date for d in plain if d.format == "text"] == [None]


def test_ingest_date_from_path_sets_the_article_date(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dyadwatch.cli import cli
    from dyadwatch.store import connect

    day = tmp_path / "in" / "2025-03-04"
    day.mkdir(parents=True)
    (day / "a.txt").write_text("China and South Korea held talks in Seoul.\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db),
                                      "--date-from-path", "--no-progress",
                                      "--coder", "dyadwatch.store.stubcoder:StubCoder"])
    assert result.exit_code == 0, result.output
    con = connect(db, read_only=True)
    assert [str(r[0]) for r in con.execute("SELECT date FROM articles").fetchall()] == ["2025-03-04"]
