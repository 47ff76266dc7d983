"""Opening an event database for reading (analysis, ``relations``, ``serve``): the store's
``connect(read_only=True)`` (no migration, no write), plus a check that it is an event database."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store import connect

REQUIRED_TABLES = ("articles", "article_events", "events")


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the database at ``path``, or StoreError with one clear line."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"{path}: no such database file (create it with `dyadwatch ingest`)")
    con = connect(p, read_only=True)
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        con.close()
        raise StoreError(f"{path}: not a dyadwatch event database (no table {', '.join(missing)})")
    return con
