"""Dyad time series: events between two countries, aggregated per day, week or month.

Works on the ``events`` table (one row per distinct happening; see docs/store.md):
``source_country``, ``target_country``, ``event_date``, ``quad_class``,
``goldstein``, ``num_articles``. Events without a date are left out. Periods with
no event are filled in (counts 0, means ``None``) between the first and last
period, or between ``since`` and ``until`` when given, so a plot shows gaps.
Definitions: docs/analysis.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

import duckdb

from ..errors import InputError

Freq = Literal["day", "week", "month"]
FREQS: tuple[str, ...] = ("day", "week", "month")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")


@dataclass
class SeriesPoint:
    """One period of a dyad's series. Counts are events (or articles when weighted)."""

    period_start: dt.date
    n_events: int  # distinct events (rows of ``events``)
    n_articles: int  # sum of ``num_articles`` of those events
    coop_verbal: float  # QuadClass 1
    coop_material: float  # QuadClass 2
    conf_verbal: float  # QuadClass 3
    conf_material: float  # QuadClass 4
    goldstein_mean: float | None  # None when the period has no event
    goldstein_sum: float
    conflict_share: float | None  # (QuadClass 3 + 4) / all
    balance: float | None  # (cooperation - conflict) / all, in [-1, 1]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["period_start"] = self.period_start.isoformat()
        return d


def check_code(code: str) -> str:
    """An actor/country code as stored (``CHN``, ``IGOUNO``), upper-cased, or InputError."""
    value = (code or "").strip().upper()
    if not _CODE.match(value):
        raise InputError(f"not a country/actor code: {code!r} (expected letters like CHN or KOR)")
    return value


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise InputError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    return freq


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    """InputError when ``since`` is after ``until``: nothing could match, say so instead of an empty table."""
    if since is not None and until is not None and since > until:
        raise InputError(f"since {since.isoformat()} is after until {until.isoformat()}: nothing can match")


def period_start(day: dt.date, freq: str) -> dt.date:
    """First day of the period holding ``day`` (weeks start on Monday, like DuckDB)."""
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day


def next_period(start: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return start + dt.timedelta(days=1)
    if freq == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def dyad_filter(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """SQL condition (on ``source_country``/``target_country``) and its parameters."""
    if directed:
        return "(source_country = ? AND target_country = ?)", [a, b]
    return (
        "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))",
        [a, b, b, a],
    )


def date_filter(since: dt.date | None, until: dt.date | None, column: str = "event_date") -> tuple[str, list[Any]]:
    clauses, params = [f"{column} IS NOT NULL"], []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return " AND ".join(clauses), params


_SERIES_SQL = """
WITH e AS (
    SELECT CAST(date_trunc('{freq}', event_date) AS DATE) AS p, quad_class,
           CAST(goldstein AS DOUBLE) AS g, COALESCE(num_articles, 1) AS na,
           {weight} AS w
    FROM events WHERE {dyad} AND {dates}
)
SELECT p, COUNT(*), SUM(na),
       SUM(w * CAST(quad_class = 1 AS INT)), SUM(w * CAST(quad_class = 2 AS INT)),
       SUM(w * CAST(quad_class = 3 AS INT)), SUM(w * CAST(quad_class = 4 AS INT)),
       SUM(w * g) / SUM(w), SUM(w * g), SUM(w)
FROM e GROUP BY p ORDER BY p
"""


def _point(row: tuple[Any, ...]) -> SeriesPoint:
    p, n, na, q1, q2, q3, q4, gmean, gsum, wsum = row
    conflict = (q3 + q4) / wsum if wsum else None
    balance = ((q1 + q2) - (q3 + q4)) / wsum if wsum else None
    return SeriesPoint(p, int(n), int(na), float(q1), float(q2), float(q3), float(q4),
                       float(gmean), float(gsum), conflict, balance)


def _empty(p: dt.date) -> SeriesPoint:
    return SeriesPoint(p, 0, 0, 0.0, 0.0, 0.0, 0.0, None, 0.0, None, None)


def _fill(points: list[SeriesPoint], freq: str, since: dt.date | None,
          until: dt.date | None) -> list[SeriesPoint]:
    if not points and (since is None or until is None):
        return []
    first = period_start(since, freq) if since else points[0].period_start
    last = period_start(until, freq) if until else points[-1].period_start
    by_start = {pt.period_start: pt for pt in points}
    out, cur = [], first
    while cur <= last:
        out.append(by_start.get(cur) or _empty(cur))
        cur = next_period(cur, freq)
    return out


def align(points: list[SeriesPoint], periods: list[dt.date]) -> list[SeriesPoint]:
    """``points`` on exactly ``periods`` (missing periods empty, others dropped)."""
    by_start = {pt.period_start: pt for pt in points}
    return [by_start.get(p) or _empty(p) for p in periods]


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "week",
                since: dt.date | None = None, until: dt.date | None = None,
                directed: bool = False, weight_by_articles: bool = False) -> list[SeriesPoint]:
    """Per-period counts by QuadClass and Goldstein statistics of the dyad ``a``-``b``.

    ``directed=False`` counts both directions (a->b and b->a). With
    ``weight_by_articles`` each event counts ``num_articles`` times in the QuadClass
    counts, the Goldstein mean/sum and the shares (a widely reported event weighs more).
    """
    a, b, freq = check_code(a), check_code(b), check_freq(freq)
    dyad, dyad_params = dyad_filter(a, b, directed)
    dates, date_params = date_filter(since, until)
    sql = _SERIES_SQL.format(freq=freq, dyad=dyad, dates=dates,
                             weight="COALESCE(num_articles, 1)" if weight_by_articles else "1")
    rows = con.execute(sql, dyad_params + date_params).fetchall()
    return _fill([_point(r) for r in rows], freq, since, until)


def known_codes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every country code that appears as a source or target of an event."""
    rows = con.execute(
        "SELECT source_country FROM events WHERE source_country IS NOT NULL "
        "UNION SELECT target_country FROM events WHERE target_country IS NOT NULL"
    ).fetchall()
    return {r[0] for r in rows}
