"""What the database holds: inputs by status, articles, stories, events, quarantine, runs."""

from __future__ import annotations

from typing import Any

import duckdb


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    rows = con.execute(sql).fetchall()
    row = rows[0] if rows else None
    return row[0] if row else None


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts; ``inputs == articles + duplicates + quarantined`` always holds."""
    by_status = dict(con.execute("SELECT status, count(*) FROM inputs GROUP BY status").fetchall())
    reasons = con.execute(
        "SELECT kind, count(*) FROM quarantine GROUP BY kind ORDER BY count(*) DESC, kind"
    ).fetchall()
    runs = con.execute(
        "SELECT run_id, status, started_at, finished_at, n_coded, n_duplicate, n_quarantined, "
        "n_skipped, n_events FROM runs ORDER BY started_at, run_id"
    ).fetchall()
    return {
        "inputs": sum(by_status.values()),
        "articles": _one(con, "SELECT count(*) FROM articles"),
        "duplicates": by_status.get("duplicate", 0),
        "quarantined": by_status.get("quarantined", 0),
        "stories": _one(con, "SELECT count(DISTINCT story_id) FROM articles"),
        "near_duplicate_articles": _one(con, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "sentences": _one(con, "SELECT coalesce(sum(n_sentences), 0) FROM articles"),
        "event_mentions": _one(con, "SELECT count(*) FROM article_events"),
        "events": _one(con, "SELECT count(*) FROM events"),
        "first_event_date": _one(con, "SELECT min(event_date) FROM events"),
        "last_event_date": _one(con, "SELECT max(event_date) FROM events"),
        "quarantine_reasons": {kind: n for kind, n in reasons},
        "runs": [
            dict(zip(("run_id", "status", "started_at", "finished_at", "coded", "duplicate",
                      "quarantined", "skipped", "events"), r, strict=True))
            for r in runs
        ],
        "schema_version": _one(con, "SELECT max(version) FROM schema_migrations"),
    }


def stats_text(data: dict[str, Any]) -> str:
    lines = [
        f"inputs        {data['inputs']}  (articles {data['articles']} + duplicates "
        f"{data['duplicates']} + quarantined {data['quarantined']})",
        f"stories       {data['stories']}  ({data['near_duplicate_articles']} near-duplicate articles)",
        f"sentences     {data['sentences']}",
        f"events        {data['events']}  ({data['event_mentions']} mentions; "
        f"{data['first_event_date'] or '-'} .. {data['last_event_date'] or '-'})",
    ]
    for kind, n in data["quarantine_reasons"].items():
        lines.append(f"quarantine    {kind}: {n}")
    for r in data["runs"]:
        lines.append(f"run           {r['run_id']} {r['status']}: {r['coded']} coded, "
                     f"{r['duplicate']} duplicate, {r['quarantined']} quarantined, "
                     f"{r['skipped']} already stored")
    lines.append(f"schema        version {data['schema_version']}")
    return "\n".join(lines)


# Tables whose contents define the database; runs and run ids differ between runs by nature.
CONTENT_TABLES = ("articles", "sentences", "mentions", "article_events", "events", "quarantine",
                  "inputs", "article_minhash", "dyad_months")


def table_contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    """Every content table's rows, sorted, without run ids: equal databases give equal dicts."""
    out = {}
    for table in CONTENT_TABLES:
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "run_id"]
        out[table] = sorted(
            con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr
        )
    return out
