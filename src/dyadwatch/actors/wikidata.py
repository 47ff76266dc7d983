"""Import office holders from a Wikidata SPARQL JSON export into a persons dictionary.

The export is the standard SPARQL 1.1 JSON result (``head.vars`` and
``results.bindings``) of a query selecting, per row, one person in one position:
``person`` (entity URI), ``personLabel``, ``aliases`` (joined with ``|``, ``;`` or
``, ``), the country (``country``: an ISO 3166 code, a name or an entity URI; a
URI is mapped through ``countryLabel`` or an ISO field such as ``countryIso``),
``position``/``positionLabel`` (the office: becomes the role title), ``start`` and
``end`` (xsd:dateTime or YYYY-MM-DD), and optionally ``gender``/``genderLabel``
(male/female) and ``familyNameLabel`` (the short name). Rows of one person
merge into one entry with one role per row. Offices held are government roles
(``<country>GOV``), except positions naming the opposition (``<country>OPP``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Problem
from .dictionary import Entry, Role

_SPLIT = re.compile(r"\s*(?:\||;|, )\s*")


@dataclass
class WikidataImport:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0


def country_table(countries: Sequence[Entry]) -> dict[str, str]:
    """Lower-cased ISO codes, names and CAMEO codes -> CAMEO country code."""
    table: dict[str, str] = {}
    for e in countries:
        if not e.code or len(e.code) != 3:
            continue
        for key in [e.code, *e.iso, e.name, *e.names]:
            table.setdefault(key.lower(), e.code)
    return table


def _value(row: dict[str, Any], *names: str) -> str:
    for name in names:
        cell = row.get(name)
        if isinstance(cell, dict) and str(cell.get("value", "")).strip():
            return str(cell["value"]).strip()
    return ""


# where a row may name the country, most specific first: ISO codes, the label, then ``country``
# itself (a code, a name, or an entity URI that only the other fields can map)
COUNTRY_FIELDS = ("countryIso", "countryIso2", "countryIso3", "countryISO", "iso", "iso2", "iso3",
                  "countryCode", "countryLabel", "country")


def _country(row: dict[str, Any], table: dict[str, str]) -> str | None:
    """The CAMEO code of the row's country, from the first field the country table knows."""
    for name in COUNTRY_FIELDS:
        text = _value(row, name)
        if text and not text.startswith(("http://", "https://")) and text.lower() in table:
            return table[text.lower()]
    return None


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    return dt.date.fromisoformat(text.lstrip("+")[:10])


def _agent(position: str) -> str:
    return "OPP" if "opposition" in position.lower() else "GOV"


def _load_json(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        bindings = data["results"]["bindings"]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a SPARQL JSON result (results.bindings): {exc}") from None
    if not isinstance(bindings, list):
        raise InputError(f"{path}: results.bindings is not a list")
    return bindings


def import_wikidata(path: Path, countries: Sequence[Entry]) -> WikidataImport:
    """Read the export at ``path``; rows that cannot be used are Problems (file, row, reason)."""
    table = country_table(countries)
    out = WikidataImport()
    people: dict[str, Entry] = {}
    for number, row in enumerate(_load_json(path), 1):
        out.rows += 1
        try:
            entry, role = _row(row, table)
        except ValueError as exc:
            out.problems.append(Problem(str(path), str(exc), f"row {number}", "malformed"))
            continue
        key = _value(row, "person") or entry.name
        known = people.setdefault(key, entry)
        if known is not entry:
            known.names.extend(n for n in entry.names if n not in known.names)
            known.gender = known.gender or entry.gender
            known.short = known.short or entry.short
        if role not in known.roles:
            known.roles.append(role)
    for entry in people.values():
        entry.roles.sort(key=lambda r: r.start or dt.date.min)
        entry.names = [entry.name, *(n for n in entry.names if n != entry.name)]  # the label is a name too
    out.entries = list(people.values())
    return out


def _row(row: dict[str, Any], table: dict[str, str]) -> tuple[Entry, Role]:
    label = _value(row, "personLabel")
    if not label:
        raise ValueError("no personLabel")
    position = _value(row, "positionLabel", "position")
    if not position:
        raise ValueError(f"{label}: no position")
    country = _country(row, table)
    if not country:
        tried = [v for v in (_value(row, f) for f in COUNTRY_FIELDS) if v]
        raise ValueError(f"{label}: unknown country {' / '.join(map(repr, tried)) or '(none given)'}")
    try:
        start, end = _date(_value(row, "start")), _date(_value(row, "end"))
    except ValueError:
        raise ValueError(f"{label}: start/end is not a date: {_value(row, 'start')!r} {_value(row, 'end')!r}") from None
    if start and end and end < start:
        raise ValueError(f"{label}: position ends before it starts")
    aliases = [a for a in _SPLIT.split(_value(row, "aliases")) if a]
    gender = {"male": "m", "female": "f", "m": "m", "f": "f"}.get(_value(row, "genderLabel", "gender").lower())
    family = _value(row, "familyNameLabel", "short")
    entry = Entry(label, "person", names=[label, *aliases], gender=gender, country=country,
                  short=[family] if family else [])
    return entry, Role(f"{country}{_agent(position)}", start, end, position)
