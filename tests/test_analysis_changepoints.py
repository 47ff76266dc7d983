"""Change points (ruptures PELT / binary segmentation) on synthetic series with known breaks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from dyadwatch.analysis import ChangePoint, SeriesPoint, change_points, dyad_report
from dyadwatch.analysis.changepoints import robust_sigma
from dyadwatch.errors import InputError
from test_web_data import build_db


def series(values: list[float | None], metric: str = "goldstein_mean") -> list[SeriesPoint]:
    start = dt.date(2024, 1, 1)
    out = []
    for i, v in enumerate(values):
        p = SeriesPoint(start + dt.timedelta(weeks=i), 0 if v is None else 5, 5, 0, 0, 0, 0,
                        None, 0.0, None, None)
        if v is not None:
            setattr(p, metric, v)
        out.append(p)
    return out


def noisy(levels: list[tuple[float, int]], sd: float = 1.0, seed: int = 7) -> list[float]:
    rng = np.random.default_rng(seed)
    return [float(level + rng.normal(0, sd)) for level, n in levels for _ in range(n)]


@pytest.mark.parametrize("algorithm", ["pelt", "binseg"])
def test_finds_a_known_break(algorithm: str) -> None:
    values = noisy([(-3.0, 20), (2.0, 20)])
    cps = change_points(series(values), algorithm=algorithm)
    assert len(cps) == 1
    cp = cps[0]
    assert abs((cp.date - dt.date(2024, 1, 1)).days // 7 - 20) <= 1
    assert cp.before_mean == pytest.approx(-3.0, abs=0.6)
    assert cp.after_mean == pytest.approx(2.0, abs=0.6)
    assert cp.magnitude == pytest.approx(cp.after_mean - cp.before_mean)
    assert cp.before_start == dt.date(2024, 1, 1)


def test_finds_two_breaks_in_order() -> None:
    values = noisy([(0.0, 15), (5.0, 15), (-2.0, 15)], seed=3)
    cps = change_points(series(values))
    idx = [(cp.date - dt.date(2024, 1, 1)).days // 7 for cp in cps]
    assert len(idx) == 2 and abs(idx[0] - 15) <= 1 and abs(idx[1] - 30) <= 1
    assert cps[0].magnitude > 0 > cps[1].magnitude


def test_breaks_in_white_noise_are_rare() -> None:
    false = sum(bool(change_points(series(noisy([(1.0, 40)], seed=s)))) for s in range(40))
    assert false <= 3  # calibrated rate about 2% (bench/changepoint_calibration.py)


def test_two_sigma_steps_are_found() -> None:
    found = sum(len(change_points(series(noisy([(0.0, 20), (2.0, 20)], seed=s)))) == 1
                for s in range(40))
    assert found >= 36


def test_higher_penalty_finds_fewer() -> None:
    values = noisy([(0.0, 12), (1.5, 12)], seed=11)
    assert len(change_points(series(values), penalty=100.0)) == 0
    assert len(change_points(series(values), penalty=1.0)) >= 1


def test_empty_periods_are_skipped_for_means() -> None:
    values: list[float | None] = [-4.0, None, -4.5, -3.5, None, -4.0, 4.0, 3.5, None, 4.5, 4.0]
    cps = change_points(series(values))
    assert len(cps) == 1 and cps[0].date == dt.date(2024, 1, 1) + dt.timedelta(weeks=6)


def test_noise_free_step_and_degenerate_inputs() -> None:
    assert len(change_points(series([1.0] * 6 + [5.0] * 6))) == 1
    assert change_points(series([2.0] * 12)) == []
    assert change_points(series([1.0, 5.0, 1.0])) == []
    assert change_points([]) == []


def test_other_metrics() -> None:
    values = noisy([(2.0, 15), (12.0, 15)], seed=5)
    cps = change_points(series(values, metric="n_events"), metric="n_events")
    assert len(cps) == 1 and cps[0].metric == "n_events"


def test_bad_arguments() -> None:
    with pytest.raises(InputError):
        change_points(series([1.0] * 10), metric="nope")
    with pytest.raises(InputError):
        change_points(series([1.0] * 10), algorithm="window")
    with pytest.raises(InputError):
        change_points(series([1.0] * 10), penalty=0)


def test_robust_sigma_ignores_the_step() -> None:
    values = np.array(noisy([(0.0, 30), (10.0, 30)], sd=1.0, seed=2))
    assert 0.7 < robust_sigma(values) < 1.4


def test_report_lists_the_events_that_drove_the_shift() -> None:
    con = build_db()
    try:
        report = dyad_report(con, "CHN", "KOR", "month")
    finally:
        con.close()
    [cp] = report["change_points"]
    assert cp.date == dt.date(2025, 5, 1) and cp.magnitude > 10
    drivers = cp.drivers
    assert drivers and all(d["event_date"].startswith("2025-05") for d in drivers)
    assert [d["goldstein"] for d in drivers] == sorted((d["goldstein"] for d in drivers), reverse=True)
    assert all(d["goldstein"] > 0 for d in drivers)
    assert drivers[0]["plover_type"] == "AGREE" and drivers[0]["sentence"]
    assert len(report["a_to_b"]) == len(report["b_to_a"]) == len(report["series"]) == 8


def test_pelt_is_rupture_l2_pelt() -> None:
    import math

    import ruptures as rpt

    from dyadwatch.analysis.changepoints import _breaks

    for seed in range(15):
        signal = np.array(noisy([(0.0, 15), (1.5, 10), (-1.0, 15)], seed=seed))
        expected = rpt.Pelt(model="l2", min_size=2, jump=1).fit(signal.reshape(-1, 1)).predict(
            pen=4.0 * math.log(len(signal)))
        assert _breaks(signal, "pelt", 4.0, 2) == expected[:-1]


def test_long_daily_series() -> None:
    values = noisy([(0.0, 600), (2.0, 500)], seed=1)
    cps = change_points(series(values))
    assert len(cps) == 1 and abs((cps[0].date - dt.date(2024, 1, 1)).days // 7 - 600) <= 3


def test_drivers_only_push_in_the_direction_of_the_shift() -> None:
    from dyadwatch.analysis.drivers import drivers
    from test_web_data import Happening, article

    good = Happening("CHN", "KOR", "praised", "051", "CONSULT", 3.4, 1)
    bad = Happening("KOR", "CHN", "accused", "112", "ACCUSE", -2.0, 3)
    con = build_db(docs=[article("d1", "2025-04-02", "A", [good]), article("d2", "2025-04-09", "B", [bad])])
    try:
        up = ChangePoint(dt.date(2025, 4, 1), -3.0, 2.0, 5.0)
        down = ChangePoint(dt.date(2025, 4, 1), 2.0, -3.0, -5.0)
        share = ChangePoint(dt.date(2025, 4, 1), 0.1, 0.9, 0.8, metric="conflict_share")
        count = ChangePoint(dt.date(2025, 4, 1), 1, 5, 4, metric="n_events")
        assert [d["plover_type"] for d in drivers(con, "CHN", "KOR", up, "month")] == ["CONSULT"]
        assert [d["plover_type"] for d in drivers(con, "CHN", "KOR", down, "month")] == ["ACCUSE"]
        assert [d["plover_type"] for d in drivers(con, "CHN", "KOR", share, "month")] == ["ACCUSE"]
        assert len(drivers(con, "CHN", "KOR", count, "month")) == 2
        assert drivers(con, "CHN", "KOR", up, "month", directed=True)[0]["source_country"] == "CHN"
    finally:
        con.close()
