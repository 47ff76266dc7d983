"""HTML pages (Jinja2, autoescaped): overview, events, article, dyad, network, API docs."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..analysis.drivers import dyad_report
from ..analysis.plots import figure_spec
from . import queries
from .db import Database
from .highlight import highlight, marks_for
from .network import layout
from .params import (
    DEFAULT_PER_PAGE,
    DateRange,
    date_range,
    event_filter,
    freq_param,
    get_db,
    known_dyad,
    parse_dyad,
)
from .queries import EventFilter

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, db: Database = Depends(get_db)) -> HTMLResponse:
    return render(request, "overview.html", data=queries.overview(db))


def _filter_query(f: EventFilter, start: int) -> str:
    """The query string of the same filters, at row ``start`` (as a page number when it is one)."""
    values: dict[str, Any] = {
        "actor": f.actor, "dyad": "-".join(f.dyad) if f.dyad else None,
        "directed": "true" if f.directed else None, "cameo": f.cameo, "plover": f.plover,
        "since": f.since, "until": f.until, "q": f.q,
        "per_page": f.per_page if f.per_page != DEFAULT_PER_PAGE else None}
    if start % f.per_page:
        values["offset"] = start
    else:
        values["page"] = start // f.per_page + 1
    return urlencode({k: v for k, v in values.items() if v})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: EventFilter = Depends(event_filter),
                db: Database = Depends(get_db)) -> HTMLResponse:
    result = queries.list_events(db, f)
    pages = max(1, -(-result.total // f.per_page))
    start, step = f.start, f.per_page
    return render(request, "events.html", f=f, result=result, total=result.total, events=result.events,
                  pages=pages, page=start // step + 1,
                  prev_q=_filter_query(f, max(0, start - step)) if start > 0 else None,
                  next_q=_filter_query(f, start + step) if start + step < result.total else None)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str = Path(max_length=300),
                 db: Database = Depends(get_db)) -> HTMLResponse:
    art = queries.get_article(db, article_id)
    if art is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    events = art["events"]
    return render(request, "article.html", art=art, events=events,
                  title_html=highlight(art.get("title"), marks_for(events, "title")),
                  body_html=highlight(art.get("body"), marks_for(events, "body")))


@router.get("/dyads/{pair}", response_class=HTMLResponse)
def dyad_page(request: Request, pair: str = Path(max_length=40), freq: str = Depends(freq_param),
              dates: DateRange = Depends(date_range), db: Database = Depends(get_db)) -> HTMLResponse:
    a, b = known_dyad(db, *parse_dyad("pair", pair))
    since, until = (d.isoformat() if d else "" for d in dates)
    report = db.run(dyad_report, a, b, freq, *dates)
    title = f"{a} – {b}, both directions, per {freq}"
    return render(request, "dyad.html", a=a, b=b, freq=freq, since=since, until=until, report=report,
                  spec=figure_spec(report["series"], report["change_points"], title),
                  events=queries.dyad_events(db, a, b, limit=100))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, dates: DateRange = Depends(date_range),
                 limit: int = Query(30, ge=1, le=200), db: Database = Depends(get_db)) -> HTMLResponse:
    since, until = (d.isoformat() if d else "" for d in dates)
    dyads = queries.top_dyads(db, *dates, limit)
    return render(request, "network.html", graph=layout(dyads), since=since, until=until, limit=limit)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    routes = [(path, method.upper(), op) for path, ops in schema.get("paths", {}).items()
              for method, op in ops.items()]
    return render(request, "docs.html", routes=routes, info=schema.get("info", {}))
