"""Keep the database fast: rewrite ``events`` in dyad order.

Events arrive in corpus order, so every storage block of ``events`` holds
every dyad and a dyad- or date-filtered query reads the whole table. Rewritten
in (source country, target country, date) order, DuckDB's per-block min/max
skip almost all of it (on 10 million events: seconds -> tens of milliseconds,
see docs/store.md). ``dyadwatch ingest --optimize`` does it after a run.
"""

from __future__ import annotations

import duckdb

from ..errors import StoreError

ORDER = "source_country, target_country, event_date, event_id"


def optimize(con: duckdb.DuckDBPyConnection) -> int:
    """Rewrite ``events`` sorted by dyad and date, in one transaction; return its row count."""
    con.execute("BEGIN TRANSACTION")
    try:
        # a sorted copy, then the key index built in bulk: much faster than re-inserting
        con.execute(f"CREATE TABLE _events_sorted AS SELECT * FROM events ORDER BY {ORDER}")
        con.execute("DROP TABLE events")
        con.execute("ALTER TABLE _events_sorted RENAME TO events")
        con.execute("ALTER TABLE events ADD PRIMARY KEY (event_id)")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot reorganise the events table: {exc}") from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
    return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
