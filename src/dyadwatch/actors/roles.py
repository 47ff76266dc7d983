"""Dated roles: which code an entry has on a date, and who holds an office on a date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dictionary import NONSTATE_PREFIXES, Entry, Role

# office key -> pattern over a role title (lower case); titles with an excluded word never match
OFFICE_TITLES = {
    "supreme leader": r"\bsupreme leader\b",
    "leader": r"^leader of (?!the opposition)",
    "general secretary": r"^general secretary of the (?:communist|workers)",
    "chairman": r"^chairman of the (?:national defen[cs]e commission|state affairs commission|presidential council|presidium)",
    "president": r"^(?:acting )?president\b(?! of the (?:european|national|constitutional|supreme|senate|assembly))",
    "chancellor": r"^(?:federal )?chancellor\b(?! of the exchequer)",
    "prime minister": r"\b(?:prime minister|premier|taoiseach)\b",
    "foreign minister": r"\bforeign (?:affairs )?minister\b|\bminister (?:of|for) (?:europe and )?foreign (?:affairs|relations)\b|^secretary of state$|^secretary of state of the united states|\bforeign secretary\b|\bsecretary for foreign",
    "defence minister": r"\bdefen[cs]e (?:minister|secretary)\b|\bminister (?:of|for) (?:national |the armed forces and )?defen[cs]e\b|\bsecretary of (?:defen[cs]e|war)\b|\bminister of the armed forces\b",
    "monarch": r"^(?:king|queen|emperor|emir|sultan)\b",
}
# offices of a head of state or government (a bare surname may name their holder: "Xi said")
HEAD_OFFICES = ("supreme leader", "leader", "president", "chancellor", "prime minister", "monarch")
_EXCLUDED = re.compile(r"\b(?:vice|deputy|former|suspended|first lady|party|elect)\b")
_COMPILED = {k: re.compile(v) for k, v in OFFICE_TITLES.items()}
# which offices "the <country> leader" may mean, in order of preference
LEADER_OFFICES = ("supreme leader", "leader", "chancellor", "president", "prime minister", "general secretary", "chairman")
# parliamentary republics (CAMEO codes): their "leader" is the head of government, not the president
PARLIAMENTARY = {
    "ALB", "ARM", "BGD", "BGR", "CZE", "DMA", "EST", "ETH", "FJI", "GEO", "GRC", "HRV", "HUN", "IND",
    "IRL", "IRQ", "ISR", "ITA", "KSV", "LVA", "MLT", "MUS", "NPL", "PAK", "POL", "PRT", "SGP", "SVK",
    "SVN", "TTO", "VUT", "MKD", "MNE",
}
LEADER_OFFICES_PARLIAMENTARY = ("supreme leader", "leader", "chancellor", "prime minister", "president")
# title words found in text -> office key
TITLE_WORDS = {
    "president": "president",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "pm": "prime minister",
    "leader": "leader",
    "head of state": "leader",
    "chancellor": "chancellor",
    "supreme leader": "supreme leader",
    "taoiseach": "prime minister",
    "general secretary": "general secretary",
    "foreign minister": "foreign minister",
    "foreign secretary": "foreign minister",
    "secretary of state": "foreign minister",
    "top diplomat": "foreign minister",
    "defense minister": "defence minister",
    "defence minister": "defence minister",
    "defense secretary": "defence minister",
    "defence secretary": "defence minister",
    "king": "monarch",
    "queen": "monarch",
    "emperor": "monarch",
}


@dataclass
class Resolution:
    """The code of an entry at a date, with the role it comes from and why."""

    code: str
    role: Role | None = None
    title: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    why: str = ""


def country_of(code: str) -> str | None:
    if len(code) >= 3 and code[:3].isalpha() and not code.startswith(NONSTATE_PREFIXES):
        return code[:3]
    return None


def is_gov(code: str) -> bool:
    return country_of(code) is not None and code[3:6] == "GOV"


def _span(role: Role) -> str:
    if role.start and role.end:
        return f"from {role.start} to {role.end}"
    if role.start:
        return f"from {role.start}"
    if role.end:
        return f"until {role.end}"
    return "at any date"


def describe(entry: Entry, res: Resolution) -> str:
    """Human-readable reason: ``Lee Jae-myung: President of South Korea from 2025-06-04``."""
    if res.role is not None:
        return f"{entry.name}: {res.title or res.role.code} {_span(res.role)}"
    return f"{entry.name}: {res.why}" if res.why else entry.name


def _latest(roles: Sequence[Role]) -> Role:
    return max(roles, key=lambda r: (r.end is None, r.end or dt.date.min, r.start or dt.date.min))


def resolve_entry(entry: Entry, day: dt.date | None) -> Resolution | None:
    """The code of ``entry`` on ``day`` (None if it has none then)."""
    roles = entry.roles
    if roles and day is None:
        role = _latest(roles)
        return Resolution(role.code, role, role.title or None, role.start, role.end)
    for role in roles:
        if day is not None and role.covers(day):
            return Resolution(role.code, role, role.title or None, role.start, role.end)
    if entry.code and roles:  # an explicit default code (PETRARCH's undated code) applies outside the roles
        return Resolution(entry.code, why="no dated role at the date: default code")
    if day is not None:
        ended = [r for r in roles if r.end is not None and r.end < day and is_gov(r.code)]
        if ended:
            last = max(ended, key=lambda r: r.end or dt.date.min)
            later = [r.start for r in roles if r.start and r.start > day]
            start = last.end + dt.timedelta(days=1) if last.end else None
            title = f"former {last.title}" if last.title else "former office holder"
            why = f"{title} (last government role ended {last.end})"
            return Resolution(f"{last.code[:3]}ELI", None, title, start, min(later) - dt.timedelta(days=1) if later else None, why)
    if entry.code:
        return Resolution(entry.code, why="dictionary code")
    country = entry.country_code()
    if country:
        return Resolution(country, why=f"no role at the date: country {country}")
    return None


def _distance(role: Role, day: dt.date) -> int:
    """Days between ``day`` and the role (0 when the role covers it)."""
    if role.covers(day):
        return 0
    ends = [d for d in (role.start, role.end) if d is not None]
    return min(abs((d - day).days) for d in ends) if ends else 0


def titled_role(entry: Entry, heads: set[str], day: dt.date | None, gov: bool = False) -> Resolution | None:
    """The non-former role of ``entry`` whose title has one of the title words ``heads``
    ("president"), or any government role with ``gov``, nearest to ``day`` (the latest without a
    date); None if there is none."""
    fits = [r for r in entry.roles if r.title and not r.title.lower().startswith("former")
            and (gov and is_gov(r.code) or any(re.search(rf"\b{re.escape(h)}\b", r.title.lower()) for h in heads))]
    if not fits:
        return None
    role = _latest(fits) if day is None else min(fits, key=lambda r: _distance(r, day))
    return Resolution(role.code, role, role.title or None, role.start, role.end)


class OfficeIndex:
    """Who holds which office of which country, from the persons' dated role titles."""

    def __init__(self, entries: Sequence[Entry], skip: frozenset[int] = frozenset()) -> None:
        self.holders: dict[tuple[str, str], list[tuple[int, Role]]] = {}
        self.heads: dict[int, list[Role]] = {}
        for index, entry in enumerate(entries):
            if entry.kind != "person" or index in skip:
                continue
            for role in entry.roles:
                self._add(index, role)

    def _add(self, index: int, role: Role) -> None:
        country = country_of(role.code)
        title = role.title.lower().strip()
        if not country or not title or not is_gov(role.code) or _EXCLUDED.search(title):
            return
        for office, pattern in _COMPILED.items():
            if pattern.search(title):
                self.holders.setdefault((country, office), []).append((index, role))
                if office in HEAD_OFFICES and role not in self.heads.get(index, []):
                    self.heads.setdefault(index, []).append(role)

    def head_role(self, index: int, day: dt.date | None) -> Role | None:
        """The head-of-state/government role entry ``index`` holds on ``day`` (no date: an open role)."""
        for role in self.heads.get(index, []):
            if role.covers(day) if day is not None else role.end is None:
                return role
        return None

    def holder(self, country: str, office: str, day: dt.date | None) -> tuple[int, Role] | None:
        """The entry index and role of the holder of ``office`` in ``country`` on ``day``."""
        offices: tuple[str, ...]
        if office == "leader":
            offices = LEADER_OFFICES_PARLIAMENTARY if country in PARLIAMENTARY else LEADER_OFFICES
        else:
            offices = (office,)
        for key in offices:
            found = [(i, r) for i, r in self.holders.get((country, key), []) if day is None or r.covers(day)]
            if day is None:
                found = [(i, r) for i, r in found if r.end is None]
            if found:
                found.sort(key=lambda ir: "acting" in ir[1].title.lower())  # a titular holder first
                return found[0]
        return None
