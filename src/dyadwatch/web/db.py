"""The web app's database access: one shared read-only connection, a cursor per query,
and a time limit on every query (DuckDB has no statement timeout: a timer interrupts it)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb

from ..analysis import open_read_only
from ..errors import DyadwatchError


class QueryTimeout(DyadwatchError):
    """A query ran longer than the server's limit."""


class Database:
    """Read-only access to one event database, safe to share between request threads."""

    def __init__(self, path: str | Path, timeout: float = 5.0) -> None:
        self.path = str(path)
        self.timeout = timeout
        self._con = open_read_only(path)
        self._lock = threading.Lock()
        self.tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            return self._con.cursor()

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run ``sql`` (interrupted after ``timeout`` seconds) and return dict rows."""

        def fetch(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
            cur.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

        return self.run(fetch)

    def one(self, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def run(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        """Call ``func(cursor, ...)`` (an analysis function) under the same time limit."""
        cur = self.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timer.start()
        try:
            return func(cur, *args, **kwargs)
        except duckdb.InterruptException:
            raise QueryTimeout(f"the query took longer than {self.timeout:g} s and was stopped") from None
        finally:
            timer.cancel()
            cur.close()

    def close(self) -> None:
        self._con.close()
