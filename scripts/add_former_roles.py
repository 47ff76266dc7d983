"""Add the explicit "former office holder" roles (<country>ELI) to persons.txt.

For every person who held a GOV (or IGO) role, each period after such a role
that no other role covers gets a role ``<country>ELI <from> <to|-> former <title>``
(from the day after the previous role ends to the day before the next role
starts, or open-ended).  Existing ELI roles titled "former ..." are recomputed,
other ELI roles (e.g. "suspended President ...") are kept.  Role lines of each
entry are rewritten in date order.  The script is idempotent: run it after
every edit of the file.

Usage: python scripts/add_former_roles.py [path/to/persons.txt]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "src/dyadwatch/actors/data/persons.txt"
ROLE = re.compile(r"^\s+role:\s*(\S+)\s+(\S+)\s+(\S+)\s*(.*)$")
HEAD_TITLES = ("President of", "Prime Minister of", "Chancellor of", "Premier of", "King of",
               "Queen of", "Emperor of", "Secretary-General of", "Secretary General of", "Leader of",
               "Emir of", "Sultan of", "Supreme Leader of", "General Secretary of", "Taoiseach of",
               "Palestinian Prime Minister", "Chief Executive of")
ONE_DAY = dt.timedelta(days=1)


@dataclass
class RoleLine:
    code: str
    start: dt.date | None
    end: dt.date | None
    title: str
    comment: str
    line: str


def _date(text: str) -> dt.date | None:
    return None if text == "-" else dt.date.fromisoformat(text)


def _parse_role(line: str) -> RoleLine:
    body, _, comment = line.partition("#")
    match = ROLE.match(body.rstrip())
    if match is None:
        raise ValueError(f"bad role line: {line!r}")
    code, start, end, title = match.groups()
    return RoleLine(code, _date(start), _date(end), title.strip(), comment.strip(), line)


def _is_office(role: RoleLine) -> bool:
    return role.code.endswith("GOV") or role.code.startswith("IGO")


def _former_title(roles: list[RoleLine]) -> str:
    offices = [r for r in roles if _is_office(r)]
    heads = [r for r in offices if r.title.startswith(HEAD_TITLES)]
    best = (heads or offices)[-1].title
    return "former " + best.removeprefix("former ")


def _is_generated(role: RoleLine) -> bool:
    """ELI roles titled "former ..." are (re)computed from the other roles."""
    return role.code.endswith("ELI") and role.title.startswith("former ")


def _sort_key(role: RoleLine) -> tuple[dt.date, dt.date]:
    return (role.start or dt.date.min, role.end or dt.date.max)


def former_roles(country: str, roles: list[RoleLine]) -> list[RoleLine]:
    """The missing ELI roles for one person (roles in any order)."""
    ordered = sorted(roles, key=_sort_key)
    added: list[RoleLine] = []
    covered: dt.date | None = dt.date.min
    before: list[RoleLine] = []
    for index, role in enumerate(ordered):
        before.append(role)
        if covered is not None:
            covered = None if role.end is None else max(covered, role.end)
        if covered is None or not any(_is_office(r) for r in before):
            continue
        gap_start = covered + ONE_DAY
        gap_end = None
        if index + 1 < len(ordered):
            gap_end = (ordered[index + 1].start or dt.date.min + ONE_DAY) - ONE_DAY
        if gap_end is not None and gap_end < gap_start:
            continue
        title = _former_title(before)
        end_text = gap_end.isoformat() if gap_end else "-"
        line = f"  role: {country}ELI {gap_start.isoformat()} {end_text} {title}\n"
        added.append(RoleLine(f"{country}ELI", gap_start, gap_end, title, "", line))
    return added


def _process_block(block: list[str]) -> list[str]:
    role_idx = [i for i, line in enumerate(block) if ROLE.match(line.partition("#")[0].rstrip())]
    country = next((line.split(":", 1)[1].split("#")[0].strip() for line in block
                    if line.strip().startswith("country:")), None)
    if not role_idx or not country:
        return block
    roles = [_parse_role(block[i]) for i in role_idx]
    roles = [r for r in roles if not _is_generated(r)]
    roles += former_roles(country, roles)
    roles.sort(key=_sort_key)
    first = role_idx[0]
    rest = [line for i, line in enumerate(block) if i not in set(role_idx)]
    tail_start = first - sum(1 for i in role_idx if i < first)
    return rest[:tail_start] + [r.line for r in roles] + rest[tail_start:]


def process(text: str) -> str:
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    block: list[str] = []
    for line in lines:
        if line.startswith("+ ") or (line.startswith("#") and block):
            out += _process_block(block)
            block = []
        (block if line.startswith("+ ") or block else out).append(line)
    out += _process_block(block)
    return "".join(out)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    text = path.read_text(encoding="utf-8")
    new = process(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
