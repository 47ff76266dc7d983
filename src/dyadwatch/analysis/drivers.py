"""The events behind a change point: what happened in the first period of the new level."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from .changepoints import ChangePoint, change_points
from .timeseries import SeriesPoint, align, check_range, dyad_filter, dyad_series, next_period

# how each metric moves with an event's Goldstein score (None: counts, sign irrelevant)
_SIGN = {"goldstein_mean": 1, "goldstein_sum": 1, "balance": 1, "conflict_share": -1}

_DRIVERS_SQL = """
SELECT e.event_id, e.event_date, e.source_country, e.target_country, e.source_code,
       e.target_code, e.cameo_code, e.plover_type, e.goldstein, e.quad_class,
       COALESCE(e.num_articles, 1) AS num_articles, e.first_article_id,
       (SELECT ae.sentence FROM article_events ae WHERE ae.event_id = e.event_id
        ORDER BY ae.article_id = e.first_article_id DESC, ae.article_id LIMIT 1) AS sentence
FROM events e
WHERE {dyad} AND e.event_date >= ? AND e.event_date < ? AND {push}
ORDER BY {order}, e.event_date, e.event_id
LIMIT ?
"""


def drivers(con: duckdb.DuckDBPyConnection, a: str, b: str, cp: ChangePoint, freq: str,
            directed: bool = False, limit: int = 5) -> list[dict[str, Any]]:
    """Events of the dyad in the first period after ``cp`` that push in its direction.

    For Goldstein-like metrics only events whose score has the sign of the shift count
    (the sign is reversed for ``conflict_share``), ranked by ``sign(shift) * goldstein *
    num_articles`` (a rise is driven by the most cooperative, widely reported events);
    for count metrics every event counts, ranked by ``num_articles``.
    """
    dyad, params = dyad_filter(a, b, directed)
    dyad = dyad.replace("source_country", "e.source_country").replace("target_country", "e.target_country")
    sign = _SIGN.get(cp.metric)
    if sign is None:
        order, push = "num_articles DESC", "TRUE"
    else:
        direction = sign * (1 if cp.magnitude >= 0 else -1)
        order = f"{direction} * e.goldstein * COALESCE(e.num_articles, 1) DESC"
        push = f"{direction} * e.goldstein > 0"
    end = next_period(cp.date, freq)
    sql = _DRIVERS_SQL.format(dyad=dyad, order=order, push=push)
    cur = con.execute(sql, [*params, cp.date, end, limit])
    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        rec = dict(zip(names, row, strict=True))
        if isinstance(rec["event_date"], dt.date):
            rec["event_date"] = rec["event_date"].isoformat()
        out.append(rec)
    return out


def dyad_change_points(con: duckdb.DuckDBPyConnection, a: str, b: str, series: list[SeriesPoint],
                       freq: str, metric: str = "goldstein_mean", directed: bool = False,
                       **kwargs: Any) -> list[ChangePoint]:
    """``change_points`` of ``series`` with each point's ``drivers`` filled in."""
    cps = change_points(series, metric=metric, **kwargs)
    for cp in cps:
        cp.drivers = drivers(con, a, b, cp, freq, directed=directed)
    return cps


def dyad_report(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "month",
                since: dt.date | None = None, until: dt.date | None = None,
                metric: str = "goldstein_mean", weight_by_articles: bool = False,
                **kwargs: Any) -> dict[str, Any]:
    """Everything ``relations`` and the dyad page show: three series and the change points."""
    check_range(since, until)
    both = dyad_series(con, a, b, freq, since, until, weight_by_articles=weight_by_articles)
    periods = [pt.period_start for pt in both]
    ab = align(dyad_series(con, a, b, freq, since, until, directed=True,
                           weight_by_articles=weight_by_articles), periods)
    ba = align(dyad_series(con, b, a, freq, since, until, directed=True,
                           weight_by_articles=weight_by_articles), periods)
    cps = dyad_change_points(con, a.upper(), b.upper(), both, freq, metric=metric, **kwargs)
    return {"a": a.upper(), "b": b.upper(), "freq": freq, "metric": metric,
            "series": both, "a_to_b": ab, "b_to_a": ba, "change_points": cps}


def report_to_dict(report: dict[str, Any]) -> dict[str, Any]:
    """A ``dyad_report`` as JSON-ready data (``relations --format json`` and the web API)."""
    out = {k: report[k] for k in ("a", "b", "freq", "metric")}
    for key in ("series", "a_to_b", "b_to_a"):
        out[key] = [pt.to_dict() for pt in report[key]]
    out["change_points"] = [cp.to_dict() for cp in report["change_points"]]
    return out
