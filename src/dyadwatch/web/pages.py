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
from .params import OPT_DATE, event_filter, freq_param, get_db, known_dyad, parse_date, parse_dyad
from .queries import EventFilter

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, db: Database = Depends(get_db)) -> HTMLResponse:
    return render(request, "overview.html", data=queries.overview(db))


def _filter_query(f: EventFilter, page: int) -> str:
    values = {"actor": f.actor, "dyad": "-".join(f.dyad) if f.dyad else None, "cameo": f.cameo,
              "plover": f.plover, "since": f.since, "until": f.until, "q": f.q,
              "per_page": f.per_page if f.per_page != 50 else None, "page": page}
    return urlencode({k: v for k, v in values.items() if v})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: EventFilter = Depends(event_filter),
                db: Database = Depends(get_db)) -> HTMLResponse:
    total, events = queries.list_events(db, f)
    pages = max(1, -(-total // f.per_page))
    return render(request, "events.html", f=f, total=total, events=events, pages=pages,
                  prev_q=_filter_query(f, f.page - 1) if f.page > 1 else None,
                  next_q=_filter_query(f, f.page + 1) if f.page < pages else None)


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
              since: str = Query("", pattern=OPT_DATE), until: str = Query("", pattern=OPT_DATE),
              db: Database = Depends(get_db)) -> HTMLResponse:
    a, b = known_dyad(db, *parse_dyad("pair", pair))
    report = db.run(dyad_report, a, b, freq, parse_date("since", since), parse_date("until", until))
    title = f"{a} – {b}, both directions, per {freq}"
    return render(request, "dyad.html", a=a, b=b, freq=freq, since=since, until=until, report=report,
                  spec=figure_spec(report["series"], report["change_points"], title),
                  events=queries.dyad_events(db, a, b, limit=100))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, since: str = Query("", pattern=OPT_DATE),
                 until: str = Query("", pattern=OPT_DATE), limit: int = Query(30, ge=1, le=200),
                 db: Database = Depends(get_db)) -> HTMLResponse:
    dyads = queries.top_dyads(db, parse_date("since", since), parse_date("until", until), limit)
    return render(request, "network.html", graph=layout(dyads), since=since, until=until, limit=limit)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    routes = [(path, method.upper(), op) for path, ops in schema.get("paths", {}).items()
              for method, op in ops.items()]
    return render(request, "docs.html", routes=routes, info=schema.get("info", {}))
