"""CAMEO event codes with their names, Goldstein weights, QuadClass and PLOVER mapping.

The table ``data/cameo.tsv`` is package data converted from the reference tables by
``scripts/convert_ontology.py`` (sources and licences in ``data/NOTICE.md``). It is read
once, lazily, on first use.

QuadClass: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
3 verbal conflict (09-13), 4 material conflict (14-20).

PLOVER types are the current names (REQUEST, ACCUSE, ASSAULT ...). CAMEO 01x (public
statements) has no PLOVER event type; it carries the pseudo-type ``STATEMENT``.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "CameoCode",
    "PLOVER_TYPES",
    "STATEMENT",
    "all_codes",
    "cameo",
    "current_plover",
    "plover",
    "quad_class",
    "root",
]

STATEMENT = "STATEMENT"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# PLOVER 0.5 event names -> (current type, mode implied by the old name or None)
_RENAMED: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None
    plover_context: str | None


@functools.cache
def _table() -> dict[str, CameoCode]:
    text = resources.files(__package__).joinpath("data", "cameo.tsv").read_text("utf-8")
    table = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_type=row["plover_type"],
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    return table


def _norm(code: str | None) -> str:
    return (code or "").strip()


def cameo(code: str | None) -> CameoCode | None:
    """The CAMEO event code's entry, or None for an unknown code."""
    return _table().get(_norm(code))


def all_codes() -> list[CameoCode]:
    """Every CAMEO event code (roots, 3- and 4-digit codes), in code order."""
    return list(_table().values())


def root(code: str | None) -> str | None:
    """The two-digit root of a CAMEO event code ("0411" -> "04"), None if not 01-20."""
    c = _norm(code)
    if len(c) < 2 or not c[:2].isdigit() or not 1 <= int(c[:2]) <= 20:
        return None
    return c[:2]


def quad_class(code: str | None) -> int | None:
    """QuadClass (1-4) of a CAMEO event code from its root, None if the root is not 01-20."""
    r = root(code)
    if r is None:
        return None
    n = int(r)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def plover(code: str | None) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a CAMEO event code, None for an unknown code."""
    entry = cameo(code)
    return None if entry is None else (entry.plover_type, entry.plover_mode)


def current_plover(name: str) -> tuple[str, str | None]:
    """Map a PLOVER event name (0.5 or current) to (current type, implied mode or None)."""
    upper = name.strip().upper()
    return _RENAMED.get(upper, (upper, None))
