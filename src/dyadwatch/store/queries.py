"""Reusable queries over the events table: filters and the dyad time series."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import InputError

_CODE = re.compile(r"^[A-Z0-9]{3,}$")
FREQS = {"month": "month", "quarter": "quarter", "year": "year"}


def _country(value: str, what: str) -> str:
    code = value.strip().upper()
    if not _CODE.match(code):
        raise InputError(f"{what}: {value!r} is not an actor/country code such as CHN or IGOUNO")
    return code


@dataclass
class ExportFilter:
    since: str | None = None
    until: str | None = None
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    code: str | None = None

    @classmethod
    def build(cls, since: str | None = None, until: str | None = None, dyad: str | None = None,
              actor: str | None = None, code: str | None = None) -> ExportFilter:
        source = target = None
        if dyad:
            parts = dyad.split("-")
            if len(parts) != 2:
                raise InputError(f"--dyad {dyad!r}: expected two codes joined by '-', e.g. CHN-KOR")
            source, target = (_country(p, "--dyad") for p in parts)
        if code is not None and not code.isdigit():
            raise InputError(f"--code {code!r}: expected CAMEO digits, e.g. 04 or 112")
        return cls(since, until, source, target,
                   _country(actor, "--actor") if actor else None, code)

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """SQL WHERE clause (or "") over an events table aliased ``alias``, with its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for cond, value in (
            (f"{alias}.event_date >= ?::DATE", self.since),
            (f"{alias}.event_date <= ?::DATE", self.until),
            (f"{alias}.source_country = ?", self.source),
            (f"{alias}.target_country = ?", self.target),
            (f"{alias}.cameo_code LIKE ? || '%'", self.code),
        ):
            if value is not None:
                clauses.append(cond)
                params.append(value)
        if self.actor:
            clauses.append(f"(? IN ({alias}.source_country, {alias}.target_country))")
            params.append(self.actor)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def dyad_series(con: duckdb.DuckDBPyConnection, source: str, target: str, freq: str = "month",
                both_directions: bool = False) -> list[tuple[Any, ...]]:
    """Per period: (period start, events, articles, mean Goldstein, events per QuadClass 1..4).

    Reads the monthly summary ``dyad_months`` (kept in step with ``events`` by the writer),
    so it costs the same on 10 million events as on 1000. ``freq`` is month or coarser.
    """
    if freq not in FREQS:
        raise InputError(f"unknown frequency {freq!r}; choose month, quarter or year")
    dyad = "(source_country = ? AND target_country = ?)"
    params: list[Any] = [source, target]
    if both_directions:
        dyad = f"({dyad} OR (source_country = ? AND target_country = ?))"
        params += [target, source]
    sql = f"""
        SELECT date_trunc('{FREQS[freq]}', month)::DATE AS period, sum(events)::BIGINT,
               sum(articles)::BIGINT, sum(goldstein_x10) / 10.0 / sum(events),
               sum(quad1)::BIGINT, sum(quad2)::BIGINT, sum(quad3)::BIGINT, sum(quad4)::BIGINT
        FROM dyad_months WHERE {dyad}
        GROUP BY period ORDER BY period
    """
    return con.execute(sql, params).fetchall()
