"""Change points in a dyad series: where the level of a metric shifts.

Method (docs/analysis.md): the metric's values over the periods that have events
are standardised by a robust noise estimate (median absolute first difference,
so a step does not inflate it), then segmented by ``ruptures`` under the ``l2``
cost, i.e. a change in mean: PELT (exact; run as ``KernelCPD(kernel="linear")``,
the same cost in C) or binary segmentation with ``algorithm="binseg"``. The penalty is ``penalty * log(n)`` on the standardised series (a BIC-like
choice: about ``penalty`` units of variance per extra break, growing with the
length). The default ``penalty=4.0`` was calibrated on simulated series by
``bench/changepoint_calibration.py`` (figures in docs/analysis.md): a false break
in about 2% of 40-period and 9% of 12-period white-noise series, and a
two-sigma step in the middle of 40 periods found in 96% of them. ``min_size``
is the shortest segment, in periods with data.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError
from .timeseries import SeriesPoint

METRICS: tuple[str, ...] = (
    "goldstein_mean", "balance", "conflict_share", "goldstein_sum", "n_events", "n_articles",
)
# metrics undefined in a period without events: those periods are left out
_MEAN_METRICS = {"goldstein_mean", "balance", "conflict_share"}
DEFAULT_PENALTY = 4.0
ALGORITHMS = ("pelt", "binseg")


@dataclass
class ChangePoint:
    """The level of ``metric`` changes from ``before_mean`` to ``after_mean`` at ``date``."""

    date: dt.date  # first period of the new segment
    before_mean: float  # mean of the metric over the segment before
    after_mean: float  # ... and after
    magnitude: float  # after_mean - before_mean (signed)
    metric: str = "goldstein_mean"
    before_start: dt.date | None = None  # the segments compared
    after_end: dt.date | None = None  # last period of the segment after
    drivers: list[dict[str, Any]] = field(default_factory=list)  # events behind it (see drivers.py)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("date", "before_start", "after_end"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


def _values(series: list[SeriesPoint], metric: str) -> tuple[list[dt.date], np.ndarray]:
    if metric not in METRICS:
        raise InputError(f"unknown metric {metric!r}: use one of {', '.join(METRICS)}")
    dates, values = [], []
    for pt in series:
        v = getattr(pt, metric)
        if v is None or (metric in _MEAN_METRICS and pt.n_events == 0):
            continue
        dates.append(pt.period_start)
        values.append(float(v))
    return dates, np.asarray(values, dtype=float)


def robust_sigma(values: np.ndarray) -> float:
    """Noise level: MAD of first differences / (0.6745 * sqrt 2).

    When most differences are 0 (a noise-free series) the MAD is 0: the standard
    deviation of the differences / sqrt 2 is used instead (0 for a constant series).
    """
    if len(values) < 2:
        return 0.0
    diffs = np.diff(values)
    sigma = float(np.median(np.abs(diffs))) / (0.6745 * math.sqrt(2))
    return sigma if sigma > 1e-12 else float(np.std(diffs)) / math.sqrt(2)


def _breaks(signal: np.ndarray, algorithm: str, penalty: float, min_size: int) -> list[int]:
    import ruptures as rpt  # imports scipy: seconds, so only when needed

    if algorithm == "pelt":
        # PELT with the linear kernel: the l2 cost, in ruptures' C code (rpt.Pelt(model="l2")
        # gives the same breaks but is pure Python: seconds for 1000 daily periods)
        algo = rpt.KernelCPD(kernel="linear", min_size=min_size, jump=1)
    else:
        algo = rpt.Binseg(model="l2", min_size=min_size, jump=1)
    bkps = algo.fit(signal.reshape(-1, 1)).predict(pen=penalty * math.log(len(signal)))
    return [int(i) for i in bkps[:-1]]  # the last breakpoint is the series end


def change_points(series: list[SeriesPoint], metric: str = "goldstein_mean",
                  penalty: float = DEFAULT_PENALTY, min_size: int = 2,
                  algorithm: str = "pelt") -> list[ChangePoint]:
    """Shifts of ``metric`` in ``series`` (a list from ``dyad_series``), oldest first."""
    if penalty <= 0 or min_size < 1:
        raise InputError("penalty must be > 0 and min_size >= 1")
    if algorithm not in ALGORITHMS:
        raise InputError(f"unknown change-point algorithm {algorithm!r}: use pelt or binseg")
    dates, values = _values(series, metric)
    if len(values) < 2 * min_size:
        return []
    sigma = robust_sigma(values)
    if sigma <= 1e-12:
        return []
    breaks = _breaks((values - values.mean()) / sigma, algorithm, penalty, min_size)
    bounds = [0, *breaks, len(values)]
    out = []
    for i, bk in enumerate(breaks):
        before = values[bounds[i]:bk]
        after = values[bk:bounds[i + 2]]
        out.append(ChangePoint(
            date=dates[bk], before_mean=float(before.mean()), after_mean=float(after.mean()),
            magnitude=float(after.mean() - before.mean()), metric=metric,
            before_start=dates[bounds[i]], after_end=dates[bounds[i + 2] - 1],
        ))
    return out
