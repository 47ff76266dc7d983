"""Dyad series from the events table: counts by QuadClass, Goldstein, gaps, direction, weights."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.analysis import dyad_series
from dyadwatch.analysis.timeseries import next_period, period_start
from dyadwatch.errors import InputError
from test_web_data import Happening, article, build_db


@pytest.fixture(scope="module")
def con():
    c = build_db()
    yield c
    c.close()


def test_monthly_counts_and_goldstein(con) -> None:
    series = dyad_series(con, "CHN", "KOR", "month")
    assert [p.period_start for p in series] == [dt.date(2025, m, 1) for m in range(1, 9)]
    jan, may = series[0], series[4]
    assert (jan.n_events, jan.conf_verbal, jan.conf_material, jan.coop_verbal) == (3, 2, 1, 0)
    assert jan.goldstein_sum == pytest.approx(-17.0)
    assert jan.goldstein_mean == pytest.approx(-17.0 / 3)
    assert jan.conflict_share == 1.0 and jan.balance == -1.0
    assert (may.coop_verbal, may.coop_material, may.conflict_share, may.balance) == (2, 1, 0.0, 1.0)


def test_order_of_codes_and_case_do_not_matter_undirected(con) -> None:
    assert dyad_series(con, "kor", "chn", "month") == dyad_series(con, "CHN", "KOR", "month")


def test_directed_series_split_the_dyad(con) -> None:
    ab = dyad_series(con, "CHN", "KOR", "month", directed=True)
    ba = dyad_series(con, "KOR", "CHN", "month", directed=True)
    assert [p.n_events for p in ab] == [2] * 8
    assert [p.n_events for p in ba] == [1] * 8


def test_weekly_gaps_are_filled_with_empty_periods(con) -> None:
    series = dyad_series(con, "CHN", "KOR", "week")
    starts = [p.period_start for p in series]
    assert all(s.weekday() == 0 for s in starts)
    assert all((b - a).days == 7 for a, b in zip(starts, starts[1:], strict=False))
    empty = [p for p in series if p.n_events == 0]
    assert empty and all(p.goldstein_mean is None and p.balance is None for p in empty)
    assert sum(p.n_events for p in series) == 24


def test_since_until_bound_and_fill_the_range(con) -> None:
    series = dyad_series(con, "CHN", "KOR", "month", since=dt.date(2025, 3, 1),
                         until=dt.date(2025, 10, 31))
    assert series[0].period_start == dt.date(2025, 3, 1)
    assert series[-1].period_start == dt.date(2025, 10, 1)
    assert series[-1].n_events == 0 and sum(p.n_events for p in series) == 18


def test_unknown_pair_gives_an_empty_series(con) -> None:
    assert dyad_series(con, "CHN", "RUS", "month") == []


def test_weighting_by_articles() -> None:
    h = Happening("CHN", "KOR", "threatened", "138", "THREATEN", -7.0, 3)
    g = Happening("CHN", "KOR", "praised", "051", "CONSULT", 3.4, 1)
    docs = [article("w1", "2025-02-03", "One", [h]), article("w2", "2025-02-03", "Two", [h]),
            article("w3", "2025-02-04", "Three", [g])]
    c = build_db(docs=docs)
    try:
        plain = dyad_series(c, "CHN", "KOR", "month")[0]
        weighted = dyad_series(c, "CHN", "KOR", "month", weight_by_articles=True)[0]
    finally:
        c.close()
    assert (plain.n_events, plain.n_articles) == (2, 3)
    assert plain.goldstein_mean == pytest.approx((-7.0 + 3.4) / 2)
    assert weighted.goldstein_mean == pytest.approx((-14.0 + 3.4) / 3)
    assert weighted.conf_verbal == 2 and weighted.conflict_share == pytest.approx(2 / 3)


@pytest.mark.parametrize("bad", ["", "C", "CH N", "CHN;DROP", "1AB"])
def test_bad_codes_are_input_errors(con, bad: str) -> None:
    with pytest.raises(InputError):
        dyad_series(con, bad, "KOR")


def test_bad_frequency(con) -> None:
    with pytest.raises(InputError, match="frequency"):
        dyad_series(con, "CHN", "KOR", "year")


@pytest.mark.parametrize("day,freq,start,after", [
    ("2025-06-11", "week", "2025-06-09", "2025-06-16"),
    ("2025-12-31", "month", "2025-12-01", "2026-01-01"),
    ("2025-01-31", "day", "2025-01-31", "2025-02-01"),
])
def test_periods(day: str, freq: str, start: str, after: str) -> None:
    s = period_start(dt.date.fromisoformat(day), freq)
    assert s.isoformat() == start and next_period(s, freq).isoformat() == after


def test_report_refuses_since_after_until(con) -> None:
    from dyadwatch.analysis import dyad_report

    with pytest.raises(InputError, match="since 2025-06-01 is after until 2025-01-31"):
        dyad_report(con, "CHN", "KOR", "month", dt.date(2025, 6, 1), dt.date(2025, 1, 31))
