"""JSON API: the data behind every page (described at /openapi.json)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from ..analysis.changepoints import METRICS
from ..analysis.drivers import dyad_report, report_to_dict
from . import queries
from .db import Database
from .network import layout
from .params import (
    CODE,
    DateRange,
    date_range,
    event_filter,
    freq_param,
    get_db,
    known_dyad,
    parse_dyad,
)
from .queries import EventFilter

router = APIRouter(prefix="/api", tags=["api"])
_METRIC = "^(" + "|".join(METRICS) + ")$"


_EVENTS_RESPONSE = (
    "`{total, distinct_events, page, per_page, offset, events}`. Each row of `events` is one "
    "**event report**: one event as one article reports it (a row of `article_events`), so an "
    "event reported by three articles is three rows sharing its `event_id`. `total` counts the "
    "matching event reports, i.e. the rows of all pages together; `distinct_events` counts the "
    "distinct `event_id`s among them (the unit of the overview's event count).")


@router.get("/events", summary="Event reports, filtered and paginated (newest first)",
            response_description=_EVENTS_RESPONSE)
def api_events(f: EventFilter = Depends(event_filter), db: Database = Depends(get_db)) -> dict[str, Any]:
    """Event reports (one row per event per article reporting it) with the fields of
    `dyadwatch code --format jsonl`, plus `event_id`, `num_articles` (articles reporting the
    same event) and the article `title`. The same filters and rows as the /events page.
    `dyad=CHN-KOR` covers both directions; add `directed=true` for CHN→KOR only.
    `limit` is an alias of `per_page`; `offset` (rows to skip) can replace `page`."""
    result = queries.list_events(db, f)
    return {"total": result.total, "distinct_events": result.distinct_events,
            "page": f.start // f.per_page + 1, "per_page": f.per_page, "offset": f.start,
            "events": result.events}


@router.get("/articles/{article_id:path}", summary="One article with its events and their evidence")
def api_article(article_id: str = Path(max_length=300), db: Database = Depends(get_db)) -> dict[str, Any]:
    art = queries.get_article(db, article_id)
    if art is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return art


def relations_data(db: Database, a: str, b: str, freq: str, dates: DateRange,
                   metric: str, weight_articles: bool) -> dict[str, Any]:
    a, b = known_dyad(db, a.upper(), b.upper())
    report = db.run(dyad_report, a, b, freq, *dates, metric=metric, weight_by_articles=weight_articles)
    return report_to_dict(report)


@router.get("/relations", summary="Dyad time series (both directions) and change points")
def api_relations(a: str = Query(pattern=CODE, description="Country code, e.g. CHN"),
                  b: str = Query(pattern=CODE, description="Country code, e.g. KOR"),
                  freq: str = Depends(freq_param), dates: DateRange = Depends(date_range),
                  metric: str = Query("goldstein_mean", pattern=_METRIC),
                  weight_articles: bool = Query(False, description="Weight events by their number of articles."),
                  db: Database = Depends(get_db)) -> dict[str, Any]:
    """Per period: event counts by QuadClass, Goldstein sum and mean, conflict share and
    balance, for both directions together (`series`) and each direction; the change points
    of `metric` with the events that drove each one (see docs/analysis.md)."""
    return relations_data(db, a, b, freq, dates, metric, weight_articles)


@router.get("/dyads/{pair}/series", summary="Same as /api/relations, the dyad in the path (CHN-KOR)")
def api_dyad_series(pair: str = Path(max_length=40), freq: str = Depends(freq_param),
                    dates: DateRange = Depends(date_range),
                    metric: str = Query("goldstein_mean", pattern=_METRIC),
                    weight_articles: bool = Query(False),
                    db: Database = Depends(get_db)) -> dict[str, Any]:
    a, b = parse_dyad("pair", pair)
    return relations_data(db, a, b, freq, dates, metric, weight_articles)


@router.get("/network", summary="The most active dyads in a date range, as a graph")
def api_network(dates: DateRange = Depends(date_range),
                limit: int = Query(30, ge=1, le=200, description="Number of dyads (edges)."),
                db: Database = Depends(get_db)) -> dict[str, Any]:
    dyads = queries.top_dyads(db, *dates, limit)
    return layout(dyads)


@router.get("/overview", summary="Counts, top dyads, event types and recent articles")
def api_overview(db: Database = Depends(get_db)) -> dict[str, Any]:
    return queries.overview(db)
