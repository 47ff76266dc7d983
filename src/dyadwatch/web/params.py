"""Request parameters shared by the pages and the API, validated before any query runs.

Empty form fields (``?actor=&q=``) mean "no filter"; anything else malformed is a 422
with a message naming the parameter.
"""

from __future__ import annotations

import datetime as dt
import re

from fastapi import Depends, HTTPException, Query, Request

from ..analysis.timeseries import FREQS
from .db import Database
from .queries import EventFilter, known_code

CODE = r"^[A-Za-z][A-Za-z0-9]{1,14}$"
_OPT_CODE = r"^([A-Za-z][A-Za-z0-9]{1,14})?$"
_OPT_DYAD = r"^([A-Za-z][A-Za-z0-9]{1,14}-[A-Za-z][A-Za-z0-9]{1,14})?$"
OPT_DATE = r"^(\d{4}-\d{2}-\d{2})?$"
MAX_PER_PAGE = 200
MAX_PAGE = 10_000
DEFAULT_PER_PAGE = 50
MAX_OFFSET = MAX_PAGE * MAX_PER_PAGE


def bad(name: str, message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=f"{name}: {message}")


def parse_date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad(name, f"not a valid date: {value!r} (YYYY-MM-DD)") from None


def parse_dyad(name: str, value: str) -> tuple[str, str]:
    a, sep, b = value.partition("-")
    if not sep or not a or not b:
        raise bad(name, f"expected two codes like CHN-KOR, got {value!r}")
    if not (re.match(CODE, a) and re.match(CODE, b)):
        raise bad(name, f"expected two codes like CHN-KOR, got {value!r}")
    return a.upper(), b.upper()


DateRange = tuple[dt.date | None, dt.date | None]


def parse_range(since: str | None, until: str | None) -> DateRange:
    """The two dates, or a 422 when ``since`` is after ``until`` (nothing could match)."""
    first, last = parse_date("since", since), parse_date("until", until)
    if first and last and first > last:
        raise bad("since", f"{first.isoformat()} is after until={last.isoformat()}: "
                           "nothing can match (swap them?)")
    return first, last


def date_range(
    since: str = Query("", pattern=OPT_DATE, description="First event date, YYYY-MM-DD."),
    until: str = Query("", pattern=OPT_DATE, description="Last event date, YYYY-MM-DD (not before since)."),
) -> DateRange:
    return parse_range(since, until)


def _page_size(per_page: int | None, limit: int | None) -> int:
    if per_page is not None and limit is not None and per_page != limit:
        raise bad("limit", f"is an alias of per_page: give one of them (per_page={per_page}, limit={limit})")
    return per_page or limit or DEFAULT_PER_PAGE


def event_filter(
    actor: str = Query("", pattern=_OPT_CODE, description="Actor code prefix or country (CHN, KORGOV)."),
    dyad: str = Query("", pattern=_OPT_DYAD, description="Two country codes: CHN-KOR means both "
                      "directions (CHN→KOR and KOR→CHN) unless directed=true."),
    directed: bool = Query(False, description="With dyad=CHN-KOR: only CHN→KOR (source CHN, target KOR)."),
    cameo: str = Query("", pattern=r"^\d{0,4}$", description="CAMEO code prefix (04, 057)."),
    plover: str = Query("", pattern=r"^[A-Za-z_-]{0,30}$", description="PLOVER event type (AGREE)."),
    dates: DateRange = Depends(date_range),
    q: str = Query("", max_length=200, description="Words in the sentence, actor text or title."),
    page: int | None = Query(None, ge=1, le=MAX_PAGE, description="Page number, from 1 (default 1)."),
    per_page: int | None = Query(None, ge=1, le=MAX_PER_PAGE, description="Rows per page (default 50)."),
    limit: int | None = Query(None, ge=1, le=MAX_PER_PAGE, description="Alias of per_page."),
    offset: int | None = Query(None, ge=0, le=MAX_OFFSET,
                               description="Rows to skip, instead of page (offset=100 with 50 rows per page "
                                           "is page 3)."),
) -> EventFilter:
    if offset is not None and page is not None:
        raise bad("offset", "give page or offset, not both")
    if directed and not dyad:
        raise bad("directed", "needs a dyad (dyad=CHN-KOR&directed=true means CHN→KOR only)")
    return EventFilter(
        actor=actor.upper() or None, dyad=parse_dyad("dyad", dyad) if dyad else None, directed=directed,
        cameo=cameo or None, plover=plover.upper() or None, since=dates[0], until=dates[1],
        q=q.strip() or None, page=page or 1, per_page=_page_size(per_page, limit), offset=offset,
    )


def freq_param(freq: str = Query("month", pattern="^(" + "|".join(FREQS) + ")$",
                                 description="Period: day, week or month.")) -> str:
    return freq


def get_db(request: Request) -> Database:
    return request.app.state.db


def known_dyad(db: Database, a: str, b: str) -> tuple[str, str]:
    """404 unless both codes occur in the events."""
    unknown = [c for c in (a, b) if not known_code(db, c)]
    if unknown:
        raise HTTPException(status_code=404, detail=f"no event has {', '.join(unknown)} as source or target country")
    return a, b
