"""Export the corpus-level events: GDELT-like or POLECAT-like columns, as CSV, JSONL or Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import duckdb

from ..errors import InputError
from .queries import ExportFilter

__all__ = ["FORMATS", "LAYOUTS", "ExportFilter", "export_events", "export_query"]

FORMATS = ("csv", "jsonl", "parquet")
LAYOUTS = ("gdelt", "polecat")

_GDELT = """
SELECT e.event_id AS GlobalEventID, e.event_date AS Day,
       e.source_code AS Actor1Code, coalesce(e.source_name, e.source_text) AS Actor1Name,
       e.source_country AS Actor1CountryCode,
       e.target_code AS Actor2Code, coalesce(e.target_name, e.target_text) AS Actor2Name,
       e.target_country AS Actor2CountryCode,
       e.cameo_code AS EventCode, left(e.cameo_code, 3) AS EventBaseCode,
       e.root_code AS EventRootCode, e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
       e.num_mentions AS NumMentions, e.num_sources AS NumSources,
       e.num_articles AS NumArticles, e.num_stories AS NumStories,
       e.plover_type AS PloverType, e.plover_mode AS PloverMode,
       e.url AS SourceURL, e.outlet AS SourceOutlet, e.first_article_id AS FirstArticleID,
       e.story_id AS StoryID
FROM events e
"""

_POLECAT = """
SELECT e.event_id AS "Event ID", e.event_date AS "Event Date",
       e.plover_type AS "Event Type", e.plover_mode AS "Event Mode",
       CASE e.quad_class WHEN 1 THEN 'VERBAL COOPERATION' WHEN 2 THEN 'MATERIAL COOPERATION'
            WHEN 3 THEN 'VERBAL CONFLICT' WHEN 4 THEN 'MATERIAL CONFLICT' END AS "Quad Code",
       NULL::TEXT AS "Contexts",
       coalesce(e.source_name, e.source_text, e.source_code) AS "Actor Name",
       e.source_country AS "Actor Country",
       nullif(substr(e.source_code, 4, 3), '') AS "Primary Actor Sector",
       e.source_text AS "Actor Name Raw",
       coalesce(e.target_name, e.target_text, e.target_code) AS "Recipient Name",
       e.target_country AS "Recipient Country",
       nullif(substr(e.target_code, 4, 3), '') AS "Primary Recipient Sector",
       e.target_text AS "Recipient Name Raw",
       e.article_date AS "Publication Date", e.outlet AS "Feed",
       e.url AS "Source URL", e.story_id AS "Story ID", e.sentence AS "Event Text",
       e.cameo_code AS "CAMEO Code", e.goldstein AS "Goldstein",
       e.num_mentions AS "Num Mentions", e.num_articles AS "Num Articles",
       e.num_sources AS "Num Sources"
FROM events e
"""


def export_query(layout: str, flt: ExportFilter) -> tuple[str, list[Any]]:
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    where, params = flt.where("e")
    select = _GDELT if layout == "gdelt" else _POLECAT
    return f"{select}{where} ORDER BY e.event_date NULLS LAST, e.event_id", params


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


@contextmanager
def _open_text(output: str | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc}") from None


def _write_text(cur: duckdb.DuckDBPyConnection, fmt: str, output: str | None) -> int:
    names = [d[0] for d in cur.description or []]
    n = 0
    with _open_text(output) as fh:
        writer = csv.writer(fh, lineterminator="\n") if fmt == "csv" else None
        if writer:
            writer.writerow(names)
        while rows := cur.fetchmany(10_000):
            for row in rows:
                if writer:
                    writer.writerow([_plain(v) for v in row])
                else:
                    fh.write(json.dumps(dict(zip(names, map(_plain, row), strict=True)),
                                        ensure_ascii=False) + "\n")
            n += len(rows)
    return n


def _write_parquet(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any],
                   output: str | None) -> int:
    import pyarrow.parquet as pq

    if output is None:
        raise InputError("parquet output needs a file: give -o FILE")
    table = con.sql(sql, params=params).to_arrow_table()
    try:
        pq.write_table(table, output)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc}") from None
    return int(table.num_rows)


def export_events(con: duckdb.DuckDBPyConnection, flt: ExportFilter, fmt: str = "csv",
                  layout: str = "gdelt", output: str | None = None) -> int:
    """Write the events matching ``flt``; return how many were written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    sql, params = export_query(layout, flt)
    if fmt == "parquet":
        return _write_parquet(con, sql, params, output)
    return _write_text(con.execute(sql, params), fmt, output)
