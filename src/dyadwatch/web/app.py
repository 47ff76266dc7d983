"""The FastAPI application: pages, JSON API, local static files, clean errors.

``create_app(db_path)`` opens the database read-only once; each request gets
its own cursor and every query is interrupted after ``query_timeout`` seconds
(503). Unknown articles and dyads are 404, malformed parameters 422; errors are
an HTML page (or JSON under /api) with one clear line, never a traceback.
Nothing is loaded from another host: plotly.js comes from the installed plotly
package, and /docs is a page rendered from the OpenAPI schema here instead of
FastAPI's Swagger UI (which loads its JavaScript from a CDN).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..analysis.plots import plotly_js
from ..errors import DyadwatchError
from . import api, pages
from .db import Database, QueryTimeout

HERE = Path(__file__).parent
log = logging.getLogger("dyadwatch.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")


def http_url(value: object) -> str | None:
    """The value if it is an http(s) URL, else None (no javascript:, data: ... links)."""
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["signed"] = lambda v, d=1: "–" if v is None else f"{v:+.{d}f}"
    env.filters["http_url"] = http_url
    return Jinja2Templates(env=env)


def create_app(db_path: str | Path, query_timeout: float = 5.0) -> FastAPI:
    """The web app over the event database at ``db_path`` (opened read-only)."""
    app = FastAPI(title="dyadwatch", version=__version__, docs_url=None, redoc_url=None,
                  description="Political events coded from news articles, with their evidence, "
                              "and how relations between countries evolve.")
    app.state.db = Database(db_path, timeout=query_timeout)
    import ruptures  # noqa: F401 - slow first import (scipy): at start-up, not inside a timed request
    app.state.templates = _templates()

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        return Response(plotly_js(), media_type="application/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": message}, status_code=status)
    html = request.app.state.templates.get_template("error.html").render(
        request=request, status=status, message=message)
    return HTMLResponse(html, status_code=status)


_EXPECTED = {"since": "a date YYYY-MM-DD", "until": "a date YYYY-MM-DD", "dyad": "two codes like CHN-KOR",
             "actor": "a code like CHN or KORGOV", "a": "a code like CHN", "b": "a code like KOR",
             "cameo": "CAMEO digits like 057", "plover": "a PLOVER type like AGREE",
             "freq": "day, week or month"}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        msg = err.get("msg", "invalid")
        if err.get("type") == "string_pattern_mismatch":
            msg = f"invalid value {str(err.get('input'))[:80]!r}, expected {_EXPECTED.get(name, 'another form')}"
        parts.append(f"{name}: {msg}")
    return "; ".join(parts) or "invalid request"


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(DyadwatchError)
    async def library(request: Request, exc: DyadwatchError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s: %s: %s", request.url.path, type(exc).__name__, exc)
        return _error(request, 500, "internal error (details are in the server log)")
