"""SQL behind the pages and the API (read-only; every value goes in as a parameter)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from .db import Database

# Fields of an event record, as ``dyadwatch code --format jsonl`` writes them (Event.to_record),
# then the store's identity and counts.
RECORD_FIELDS = (
    "article_id", "source_code", "target_code", "source_text", "target_text", "cameo_code",
    "plover_type", "plover_mode", "goldstein", "quad_class", "event_date", "date_text",
    "sentence_index", "sentence", "source_span", "target_span", "trigger_span", "trigger_text",
    "field", "source_country", "target_country", "source_name", "target_name", "attribution",
    "attribution_code", "negated", "hypothetical", "pattern", "evidence",
)
_SPANS = {"source_span": "source", "target_span": "target", "trigger_span": "trigger"}


@dataclass
class EventFilter:
    """The filters and the page of ``/events`` and ``/api/events`` (one query builder for both)."""

    actor: str | None = None  # actor code prefix (CHN, CHNGOV) or country
    dyad: tuple[str, str] | None = None  # both directions, unless ``directed``
    directed: bool = False  # dyad (A, B): only A -> B
    cameo: str | None = None  # CAMEO code prefix
    plover: str | None = None  # PLOVER event type
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None  # words in the sentence, actor texts or title
    page: int = 1
    per_page: int = 50
    offset: int | None = None  # rows to skip; overrides ``page``

    @property
    def start(self) -> int:
        """Rows skipped before this page."""
        return self.offset if self.offset is not None else (self.page - 1) * self.per_page

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(ae.source_code LIKE ? OR ae.target_code LIKE ? "
                           "OR ae.source_country = ? OR ae.target_country = ?)")
            params += [self.actor + "%", self.actor + "%", self.actor, self.actor]
        if self.dyad:
            a, b = self.dyad
            if self.directed:
                clauses.append("(ae.source_country = ? AND ae.target_country = ?)")
                params += [a, b]
            else:
                clauses.append("((ae.source_country = ? AND ae.target_country = ?) "
                               "OR (ae.source_country = ? AND ae.target_country = ?))")
                params += [a, b, b, a]
        if self.cameo:
            clauses.append("ae.cameo_code LIKE ?")
            params.append(self.cameo + "%")
        if self.plover:
            clauses.append("ae.plover_type = ?")
            params.append(self.plover)
        if self.since:
            clauses.append("ae.event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("ae.event_date <= ?")
            params.append(self.until)
        if self.q:
            like = "%" + self.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in (
                "ae.sentence", "ae.source_text", "ae.target_text", "a.title")) + ")")
            params += [like] * 4
        return (" AND ".join(clauses) or "TRUE"), params


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """An ``article_events`` row as the flat event record of the API."""
    rec: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        if name in _SPANS:
            start, end = row.get(_SPANS[name] + "_start"), row.get(_SPANS[name] + "_end")
            rec[name] = [start, end] if start is not None and end is not None else None
        elif name == "evidence":
            rec[name] = _evidence(row)
        else:
            rec[name] = _iso(row.get(name))
    for extra in ("event_id", "num_articles", "title"):
        if extra in row:
            rec[extra] = _iso(row[extra])
    return rec


def _evidence(row: dict[str, Any]) -> list[dict[str, Any]]:
    raw = row.get("evidence")
    if isinstance(raw, str) and raw:
        try:
            value = json.loads(raw)
            if isinstance(value, list):
                return value
        except ValueError:
            pass
    return []


# newest first; the row id last makes the order total, so that pages never overlap or skip rows
_ORDER = "ae.event_date DESC NULLS LAST, ae.article_id, ae.sentence_index, ae.event_id, ae.{rowid}"


@dataclass
class EventPage:
    """One page of event reports (rows of ``article_events``: one event as one article reports it)."""

    total: int  # event reports matching the filters: the rows of every page together
    distinct_events: int  # distinct events (``event_id``) among them
    events: list[dict[str, Any]]


def list_events(db: Database, f: EventFilter) -> EventPage:
    """The matching event reports (``total``, ``distinct_events``) and the page's records, newest first.

    The page is cut from ``article_events`` alone (articles joined only for a text
    search), then only its rows are joined with their article and event.
    """
    where, params = f.where()
    source = "article_events ae" + (" JOIN articles a ON a.article_id = ae.article_id" if f.q else "")
    counts = db.one(f"SELECT count(*) AS n, count(DISTINCT ae.event_id) AS d FROM {source} WHERE {where}",
                    params) or {}
    rows = db.rows(
        f"WITH page AS (SELECT ae.*, ae.rowid AS row_no FROM {source} WHERE {where} "
        f"ORDER BY {_ORDER.format(rowid='rowid')} LIMIT ? OFFSET ?) "
        "SELECT ae.*, a.title, e.num_articles FROM page ae "
        "JOIN articles a ON a.article_id = ae.article_id "
        f"LEFT JOIN events e ON e.event_id = ae.event_id ORDER BY {_ORDER.format(rowid='row_no')}",
        [*params, f.per_page, f.start])
    return EventPage(int(counts.get("n") or 0), int(counts.get("d") or 0), [event_record(r) for r in rows])


def get_article(db: Database, article_id: str) -> dict[str, Any] | None:
    """The article (every stored column) with its event records, or None."""
    art = db.one("SELECT * FROM articles WHERE article_id = ?", [article_id])
    if art is None:
        return None
    rows = db.rows(
        "SELECT ae.*, e.num_articles FROM article_events ae LEFT JOIN events e USING (event_id) "
        "WHERE ae.article_id = ? ORDER BY ae.field DESC, ae.sentence_index, ae.trigger_start",
        [article_id])
    out = {k: _iso(v) for k, v in art.items() if k != "seq"}
    out["events"] = [event_record(r) for r in rows]
    return out


def overview(db: Database) -> dict[str, Any]:
    counts = db.one(
        "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events, "
        "(SELECT count(*) FROM article_events) AS mentions, "
        "(SELECT min(event_date) FROM events) AS first, (SELECT max(event_date) FROM events) AS last") or {}
    if "quarantine" in db.tables:
        q = db.one("SELECT count(*) AS n FROM quarantine")
        counts["quarantined"] = q["n"] if q else 0
    types = db.rows("SELECT plover_type, count(*) AS n, avg(goldstein) AS goldstein FROM events "
                    "GROUP BY plover_type ORDER BY n DESC, plover_type LIMIT 20")
    recent = db.rows("SELECT article_id, title, date, outlet, n_events FROM articles "
                     "ORDER BY date DESC NULLS LAST, article_id LIMIT 10")
    return {"counts": {k: _iso(v) for k, v in counts.items()}, "dyads": top_dyads(db, limit=15),
            "types": types, "recent": [{k: _iso(v) for k, v in r.items()} for r in recent]}


def top_dyads(db: Database, since: dt.date | None = None, until: dt.date | None = None,
              limit: int = 30) -> list[dict[str, Any]]:
    """Country pairs (either direction) with the most events, with their tone."""
    clauses, params = ["source_country IS NOT NULL", "target_country IS NOT NULL",
                       "source_country <> target_country"], []
    if since:
        clauses.append("event_date >= ?")
        params.append(since)
    if until:
        clauses.append("event_date <= ?")
        params.append(until)
    return db.rows(
        "SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b, "
        "count(*) AS n, avg(goldstein) AS goldstein, "
        "sum(CAST(quad_class IN (1, 2) AS INT)) AS coop, sum(CAST(quad_class IN (3, 4) AS INT)) AS conflict "
        f"FROM events WHERE {' AND '.join(clauses)} GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?",
        [*params, limit])


def dyad_events(db: Database, a: str, b: str, limit: int = 100) -> list[dict[str, Any]]:
    return list_events(db, EventFilter(dyad=(a, b), per_page=limit)).events


def known_code(db: Database, code: str) -> bool:
    row = db.one("SELECT 1 AS x FROM events WHERE source_country = ? OR target_country = ? LIMIT 1",
                 [code, code])
    return row is not None
