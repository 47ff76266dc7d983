"""dyadwatch relations: the series of a dyad and its change points, as table, JSON, CSV, chart."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dyadwatch.cli import cli
from test_web_data import build_file


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_file(tmp_path_factory.mktemp("rel") / "events.duckdb"))


def test_table_shows_series_and_change_point(runner, db) -> None:
    result = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2025-01-01" in result.output and "2025-08-01" in result.output
    assert "Change points in goldstein_mean" in result.output
    assert "2025-05-01: -5.67 -> +5.53" in result.output
    assert "AGREE" in result.output  # the event that drove it


def test_json(runner, db) -> None:
    result = runner.invoke(cli, ["relations", "kor", "chn", "--db", db, "--format", "json",
                                 "--freq", "week", "--since", "2025-04-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["a"], data["b"], data["freq"]) == ("KOR", "CHN", "week")
    assert data["series"][0]["period_start"] == "2025-03-31"
    assert sum(p["n_events"] for p in data["a_to_b"]) == 5
    assert sum(p["n_events"] for p in data["b_to_a"]) == 10
    assert len(data["change_points"]) >= 1


def test_csv_has_three_directions(runner, db) -> None:
    result = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", db, "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["direction"] for r in rows} == {"both", "CHN->KOR", "KOR->CHN"}
    assert len(rows) == 24 and "Change points" in result.stderr


@pytest.mark.parametrize("name", ["chart.png", "chart.html"])
def test_plot(runner, db, tmp_path, name: str) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", db, "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 10_000


@pytest.mark.parametrize("args,message", [
    (["CHN", "XYZ"], "no event has XYZ"),
    (["CHN", "K O"], "not a country/actor code"),
    (["CHN", "KOR", "--since", "2025-02-30"], "not a date"),
    (["CHN", "KOR", "--plot", "x.svg"], ".png or .html"),
    (["CHN", "KOR", "--freq", "year"], "Invalid value"),
])
def test_bad_input_is_one_clear_line(runner, db, args, message) -> None:
    result = runner.invoke(cli, ["relations", *args, "--db", db])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_missing_database(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such database file" in result.output


def test_not_an_event_database(runner, tmp_path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    result = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", str(path)])
    assert result.exit_code == 1 and "not a dyadwatch event database" in result.output


def test_serve_refuses_a_missing_database(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such database file" in result.output


def test_serve_binds_localhost_by_default(runner, db, monkeypatch) -> None:
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    result = runner.invoke(cli, ["serve", "--db", db])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    seen["app"].state.db.close()


def test_since_after_until_is_a_usage_error(runner, db) -> None:
    result = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", db,
                                 "--since", "2025-06-01", "--until", "2025-01-31"])
    assert result.exit_code == 2  # click's usage error, not an empty table
    assert "--since 2025-06-01 is after --until 2025-01-31" in result.output
    assert "2025-01-01" not in result.output and "Traceback" not in result.output
    same_day = runner.invoke(cli, ["relations", "CHN", "KOR", "--db", db, "--format", "json",
                                   "--since", "2025-05-05", "--until", "2025-05-05"])
    assert same_day.exit_code == 0 and sum(p["n_events"] for p in json.loads(same_day.stdout)["series"]) == 1
