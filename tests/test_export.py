"""dyadwatch export: GDELT-like and POLECAT-like layouts, CSV / JSONL / Parquet, filters."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from dyadwatch.cli import cli
from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.options import Options
from dyadwatch.store import add_coded, connect
from dyadwatch.store.export import ExportFilter
from dyadwatch.store.queries import dyad_series
from dyadwatch.store.stubcoder import StubCoder

ARTICLES = [  # (date, outlet, url, text)
    ("2025-01-10", "Xinhua", "https://x.cn/1", "CHN accuses KOR of spying. USA meets JPN in Tokyo."),
    ("2025-01-10", "Yonhap", "https://y.kr/2", "Seoul reacts: CHN accuses KOR of spying, again."),
    ("2025-02-20", "AP", "https://ap.org/3", "KOR praises CHN for the talks. RUS attacks UKR."),
    ("2025-03-05", "AP", "https://ap.org/4", "CHN helps KOR after the floods."),
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "e.duckdb"
    con = connect(path)
    coder = StubCoder(Options())
    docs = [coder.code(Document(f"a{i}", text, date=date, outlet=outlet, url=url,
                                path="feed.jsonl", position=f"line {i + 1}"))
            for i, (date, outlet, url, text) in enumerate(ARTICLES)]
    add_coded(con, docs, "r1")
    con.close()
    return path


def export(runner, db, *args):
    result = runner.invoke(cli, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_gdelt_layout_counts_mentions_articles_sources(runner, db):
    rows = list(csv.DictReader(io.StringIO(export(runner, db, "--format", "csv"))))
    assert len(rows) == 5
    spy = next(r for r in rows if r["EventCode"] == "112")
    assert (spy["Day"], spy["Actor1CountryCode"], spy["Actor2CountryCode"]) == ("2025-01-10", "CHN", "KOR")
    assert (spy["NumMentions"], spy["NumArticles"], spy["NumSources"]) == ("2", "2", "2")
    assert (spy["EventRootCode"], spy["QuadClass"], spy["SourceURL"]) == ("11", "3", "https://x.cn/1")


def test_filters_dyad_actor_code_and_dates(runner, db):
    def count(*args):
        return len(export(runner, db, "--format", "jsonl", *args).splitlines())

    assert count("--dyad", "CHN-KOR") == 2
    assert count("--dyad", "chn-kor", "--since", "2025-02-01") == 1
    assert count("--actor", "KOR") == 3
    assert count("--code", "19") == 1
    assert count("--until", "2025-01-31") == 2


def test_polecat_layout_jsonl(runner, db):
    recs = [json.loads(x) for x in export(runner, db, "--format", "jsonl", "--layout", "polecat",
                                         "--dyad", "RUS-UKR").splitlines()]
    assert len(recs) == 1
    r = recs[0]
    assert (r["Event Type"], r["Quad Code"], r["Actor Country"], r["Recipient Country"]) == (
        "ASSAULT", "MATERIAL CONFLICT", "RUS", "UKR")
    assert r["Event Text"].startswith("RUS attacks UKR") and r["Story ID"] == "a2"


def test_parquet_needs_a_file_and_writes_typed_columns(runner, db, tmp_path):
    bad = runner.invoke(cli, ["export", "--db", str(db), "--format", "parquet"])
    assert bad.exit_code == 1 and "-o FILE" in bad.stderr
    out = tmp_path / "e.parquet"
    export(runner, db, "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == 5 and str(table.schema.field("Day").type) == "date32[day]"


def test_bad_filters_are_one_line_errors(runner, db):
    for args in (["--dyad", "CHN"], ["--code", "x1"], ["--since", "2025-13-01"]):
        result = runner.invoke(cli, ["export", "--db", str(db), *args])
        assert result.exit_code != 0 and "Traceback" not in result.output
    with pytest.raises(InputError):
        ExportFilter.build(dyad="CHN-KOR-USA")


def test_dyad_series_by_month(db):
    con = connect(db, read_only=True)
    rows = dyad_series(con, "CHN", "KOR", "month", both_directions=True)
    assert [(r[0].month, r[1]) for r in rows] == [(1, 1), (2, 1), (3, 1)]
