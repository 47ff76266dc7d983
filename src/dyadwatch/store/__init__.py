"""The event database (DuckDB): schema and migrations, ingest, dedup, queries, export.

    connect(path=None, read_only=False) -> duckdb connection, migrations applied
    add_coded(con, coded, run_id) -> IngestCounts
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..model import CodedDocument

if TYPE_CHECKING:  # imported lazily: worker processes that only code never load datasketch
    import duckdb

    from .writer import IngestCounts

__all__ = ["IngestCounts", "add_coded", "connect"]


def __getattr__(name: str) -> Any:
    if name == "IngestCounts":
        from .writer import IngestCounts

        return IngestCounts
    raise AttributeError(name)


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database (":memory:" when path is None); apply migrations unless read_only."""
    import duckdb

    from .schema import migrate

    target = ":memory:" if path is None else str(path)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"{target}: no such database")
    try:
        con = duckdb.connect(target, read_only=read_only and target != ":memory:")
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database {target}: {exc}") from None
    if not read_only or target == ":memory:":
        migrate(con)
    return con


def add_coded(con: duckdb.DuckDBPyConnection, coded: list[CodedDocument], run_id: str) -> IngestCounts:
    """Store coded documents (one transaction): articles, evidence rows, aggregated events.

    Inputs already stored are skipped; the same text met again is a ``duplicate`` input.
    """
    from .writer import Writer

    writer = Writer.load(con, run_id)
    items = writer.classify(con, [cd.document for cd in coded])
    for item, cd in zip(items, coded, strict=True):
        if item.status == "code":
            item.coded = cd
    return writer.write(con, items)
