"""The actor dictionary: the block format (docs/dictionaries.md), its loader and its writer.

An entry starts with ``+ <canonical name>`` at column 0; indented ``key: value``
lines follow (list values separated by ``;``). A malformed line is reported as a
:class:`~dyadwatch.model.Problem` with file and line number and the rest loads.
Layers (Phoenix conversion < curated shipped < user files) override earlier
entries by canonical name + code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Problem

DATA_DIR = Path(__file__).resolve().parent / "data"
PHOENIX_DIR = DATA_DIR / "phoenix"
FILE_KINDS = {
    "countries": "country",
    "igos": "igo",
    "nonstate": "nonstate",
    "persons": "person",
    "agents": "agent",
    "discards": "discard",
    "ethnic": "ethnic",
}
SHIPPED_FILES = ("countries.txt", "igos.txt", "nonstate.txt", "persons.txt", "agents.txt")
PHOENIX_FILES = SHIPPED_FILES + ("discards.txt",)
# the curated layer also has ethnic/religious groups and its own discards (curated over Phoenix)
CURATED_FILES = SHIPPED_FILES + ("ethnic.txt", "discards.txt", "orgs.txt")
LIST_KEYS = ("names", "iso", "adjectives", "demonyms", "capital", "seats", "short", "words")
SCALAR_KEYS = ("code", "gender", "country", "valid", "scope")
KEYS = set(LIST_KEYS) | set(SCALAR_KEYS) | {"role"}
_CODE = re.compile(r"^[A-Z0-9~\-+]{1,24}$")


@dataclass(frozen=True)
class Role:
    """A dated actor code: ``role: KORGOV 2025-06-04 - President of South Korea``."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    title: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def text(self) -> str:
        start = self.start.isoformat() if self.start else "-"
        end = self.end.isoformat() if self.end else "-"
        return f"{self.code} {start} {end} {self.title}".rstrip()


@dataclass
class Entry:
    """One dictionary entry (a country, an organisation, a person, an agent, an ethnic or
    religious group, or a discard)."""

    name: str
    kind: str = "country"
    code: str | None = None
    names: list[str] = field(default_factory=list)
    iso: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None
    valid: str | None = None
    scope: str | None = None
    roles: list[Role] = field(default_factory=list)
    source: str = ""  # "file:line" where the entry starts
    layer: int = 0

    def __getstate__(self) -> dict[str, object]:
        """Pickle only what is set (the compiled-stage cache holds ~27,000 entries)."""
        return {k: v for k, v in self.__dict__.items() if v or k in ("name", "kind", "layer")}

    def __setstate__(self, state: dict[str, object]) -> None:
        values: dict[str, object] = dict(_SCALAR_DEFAULTS)
        values.update({k: [] for k in _LIST_FIELDS})
        values.update(state)
        self.__dict__.update(values)

    def key(self) -> tuple[str, str | None]:
        return (self.name.casefold(), self.code)

    def all_names(self) -> list[str]:
        return _unique([self.name, *self.names])

    def exists_on(self, day: dt.date) -> bool:
        """False when ``valid:`` says the entity did not exist on ``day``."""
        if not self.valid:
            return True
        try:
            start, end = (parse_date(p) for p in self.valid.split())
        except ValueError:
            return True
        return (start is None or start <= day) and (end is None or day <= end)

    def country_code(self) -> str | None:
        """The 3-letter country of the entry, when it has one."""
        if self.country:
            return self.country
        for code in [self.code or "", *(r.code for r in self.roles)]:
            if len(code) >= 3 and code[:3].isalpha() and not code.startswith(NONSTATE_PREFIXES):
                return code[:3]
        return None


_LIST_FIELDS = (*LIST_KEYS, "roles")
_SCALAR_DEFAULTS = {"kind": "country", "code": None, "gender": None, "country": None, "valid": None,
                    "scope": None, "source": "", "layer": 0}

# CAMEO prefixes of actors that are not countries (IGOs, NGOs, multinationals, ...)
# and the CAMEO agent codes, which stand for an actor without a country (Phoenix "New York Times": MED)
NONSTATE_PREFIXES = (
    "IGO", "NGO", "NGM", "IMG", "MNC", "UIS",
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    "ELI", "LAB", "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "DEV", "ENV", "HRI", "UAF", "AMN", "IRC",
    # Phoenix agents naming people or a religion ("men" PPL, "clerics" REL, "archbishop" CHR): not
    # countries either (MUS is not listed: it is also Mauritius)
    "REL", "PPL", "CHR", "JEW", "HIN", "BUD",
)


@dataclass
class Dictionary:
    """All loaded entries after layering, and the problems met while loading."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen[v] = None
    return list(seen)


def parse_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` or ``-`` (open); ValueError otherwise."""
    if text == "-":
        return None
    return dt.date.fromisoformat(text)


def parse_role(value: str) -> Role:
    """``<code> <from|-> <to|-> <title...>``; ValueError with a clear message when malformed."""
    parts = value.split(None, 3)
    if len(parts) < 3:
        raise ValueError(f"role needs '<code> <from|-> <to|-> [title]', got {value!r}")
    code, start, end = parts[0], parts[1], parts[2]
    if not _CODE.match(code):
        raise ValueError(f"bad actor code {code!r} in role")
    try:
        role = Role(code, parse_date(start), parse_date(end), parts[3].strip() if len(parts) > 3 else "")
    except ValueError:
        raise ValueError(f"role dates must be YYYY-MM-DD or '-', got {start!r} {end!r}") from None
    if role.start and role.end and role.end < role.start:
        raise ValueError(f"role ends before it starts: {value!r}")
    return role


def _strip_comment(line: str) -> str:
    i = line.find("#")
    return (line[:i] if i >= 0 else line).rstrip()


def _set_attribute(entry: Entry, key: str, value: str) -> None:
    if key == "role":
        entry.roles.append(parse_role(value))
    elif key in LIST_KEYS:
        getattr(entry, key).extend(_unique(value.split(";")))
    elif key == "code":
        code = value.strip()
        if not _CODE.match(code):
            raise ValueError(f"bad actor code {code!r}")
        entry.code = code
    elif key == "valid":
        parts = value.split()
        if len(parts) != 2:
            raise ValueError(f"valid needs '<from|-> <to|->', got {value!r}")
        try:
            [parse_date(p) for p in parts]
        except ValueError:
            raise ValueError(f"valid dates must be YYYY-MM-DD or '-', got {value!r}") from None
        entry.valid = " ".join(parts)
    elif key == "gender":
        if value not in ("m", "f"):
            raise ValueError(f"gender must be m or f, got {value!r}")
        entry.gender = value
    else:
        setattr(entry, key, value.strip())


def parse_text(text: str, path: str, kind: str | None = None) -> tuple[list[Entry], list[Problem]]:
    """Parse block-format text. ``kind`` is the file's kind, or None to infer it per entry."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    current: Entry | None = None

    def problem(lineno: int, reason: str) -> None:
        problems.append(Problem(path, reason, f"line {lineno}", "malformed"))

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line.startswith("+"):
            name = line[1:].strip()
            if not name:
                problem(lineno, "entry line '+' without a name")
                current = None
                continue
            current = Entry(name, kind or "", source=f"{path}:{lineno}")
            entries.append(current)
            continue
        if not line[0].isspace():
            problem(lineno, f"expected '+ <name>' or an indented 'key: value' line, got {line.strip()!r}")
            continue
        key, sep, value = line.strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep or not key:
            problem(lineno, f"expected 'key: value', got {line.strip()!r}")
        elif current is None:
            problem(lineno, f"attribute {key!r} outside an entry")
        elif key not in KEYS:
            problem(lineno, f"unknown key {key!r} (ignored)")
        else:
            try:
                _set_attribute(current, key, value)
            except ValueError as exc:
                problem(lineno, str(exc))
    kept = []
    for entry in entries:
        entry.kind = entry.kind or infer_kind(entry)
        if entry.kind != "discard" and not (entry.code or entry.roles or entry.words):
            line = entry.source.rsplit(":", 1)[1]
            problem(int(line), f"entry {entry.name!r} has no code and no role (skipped)")
            continue
        kept.append(entry)
    return kept, problems


def infer_kind(entry: Entry) -> str:
    """Kind of an entry of a file whose name does not say it (user dictionaries)."""
    if entry.words:
        return "agent"
    if entry.roles or entry.gender or entry.short:
        return "person"
    if entry.scope:
        return "discard"
    code = entry.code or ""
    if code.startswith("IGO"):
        return "igo"
    if len(code) == 3:
        return "country"
    return "nonstate"


def kind_of_path(path: Path) -> str | None:
    return FILE_KINDS.get(path.stem.lower())


def load_file(path: Path, layer: int = 0) -> tuple[list[Entry], list[Problem]]:
    """Load one block-format file; an unreadable file is one Problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(str(path), f"cannot read dictionary: {exc}", None, "unreadable")]
    entries, problems = parse_text(text, str(path), kind_of_path(path))
    for e in entries:
        e.layer = layer
    return entries, problems


def shipped_layers() -> list[list[Path]]:
    """The shipped files, lowest layer first: Phoenix conversion, then curated files."""
    phoenix = [PHOENIX_DIR / name for name in PHOENIX_FILES if (PHOENIX_DIR / name).exists()]
    curated = [DATA_DIR / name for name in CURATED_FILES if (DATA_DIR / name).exists()]
    return [phoenix, curated]


def load_layers(layers: Sequence[Sequence[Path]]) -> Dictionary:
    """Load files layer after layer; a later entry replaces an earlier one with the same name+code."""
    merged: dict[tuple[str, str | None], Entry] = {}
    places: dict[tuple[str, str | None], list[str]] = {}
    result = Dictionary()
    for rank, paths in enumerate(layers):
        for path in paths:
            entries, problems = load_file(Path(path), rank)
            result.problems.extend(problems)
            result.files.append(Path(path))
            for entry in entries:
                old = merged.pop(entry.key(), None)  # re-insert: later files come later in order too
                merged[entry.key()] = entry
                if old is not None and old.kind == entry.kind == "country" and _from_phoenix(old) and not _from_phoenix(entry):
                    places[entry.key()] = [*places.get(old.key(), []), *old.all_names()]
    result.entries = shadow_persons(list(merged.values()))
    _inherit_places(merged, places)
    return result


def _from_phoenix(entry: Entry) -> bool:
    return Path(entry.source.rsplit(":", 1)[0]).parent == PHOENIX_DIR


def _forms(entry: Entry) -> list[str]:
    return [*entry.all_names(), *entry.adjectives, *entry.demonyms, *entry.capital, *entry.seats, *entry.short, *entry.words]


def _inherit_places(merged: dict[tuple[str, str | None], Entry], places: dict[tuple[str, str | None], list[str]]) -> None:
    """A curated country replacing a Phoenix one keeps the Phoenix names it does not have (its
    cities and regions: "Bombay", "Jaffna", "Kano"), unless another entry also has the text;
    misspellings of its own names ("Ethopia") are left to fuzzy matching (actors/fuzzy.py)."""
    if not places:
        return
    from .fuzzy import distance
    owners: dict[str, set[tuple[str, str | None]]] = {}
    for key, entry in merged.items():
        for text in _forms(entry):
            owners.setdefault(text.casefold(), set()).add(key)
    for key, names in places.items():
        entry = merged[key]
        have = {s.casefold() for s in _forms(entry)}
        extra = [n for n in _unique(names) if owners.get(n.casefold(), {key}) == {key}
                 and n.casefold() not in have and "\ufffd" not in n
                 and not any(distance(n.casefold(), h) <= 2 for h in have)]
        entry.names.extend(extra)


def overlay(base: Sequence[Entry], files: Sequence[Path], layer: int) -> tuple[list[Entry], frozenset[int], list[Problem]]:
    """Entries of ``files`` over ``base``: (the new entries, indexes of base entries they replace, problems).

    Same rules as :func:`load_layers`: by canonical name + code, and persons by any shared name.
    """
    merged: dict[tuple[str, str | None], Entry] = {}
    problems: list[Problem] = []
    for path in files:
        entries, found = load_file(Path(path), layer)
        problems.extend(found)
        for entry in entries:
            merged.pop(entry.key(), None)
            merged[entry.key()] = entry
    names = {n.casefold() for e in merged.values() if e.kind == "person" for n in e.all_names()}
    hidden = frozenset(
        i for i, e in enumerate(base)
        if e.key() in merged or (e.kind == "person" and any(n.casefold() in names for n in e.all_names()))
    )
    return list(merged.values()), hidden, problems


def shadow_persons(entries: list[Entry]) -> list[Entry]:
    """Drop a person of a lower layer who shares a name with a person of a higher layer.

    Persons have no code of their own (their codes are dated roles), so a curated
    or user entry replaces every earlier entry of the same person, including the
    earlier entry's other spellings ("Chancellor Angela Merkel" in Phoenix).
    """
    top: dict[str, int] = {}
    for e in entries:
        if e.kind == "person":
            for n in e.all_names():
                key = n.casefold()
                top[key] = max(top.get(key, e.layer), e.layer)
    return [e for e in entries if e.kind != "person"
            or all(top[n.casefold()] <= e.layer for n in e.all_names())]


def load_dictionary(user_files: Sequence[str | Path] = (), include_phoenix: bool = True) -> Dictionary:
    """Shipped dictionaries (optionally without Phoenix) with the user's files layered on top."""
    layers = shipped_layers()
    if not include_phoenix:
        layers = layers[1:]
    users = [Path(p) for p in user_files]
    missing = [p for p in users if not p.exists()]
    result = load_layers([*layers, [p for p in users if p.exists()]])
    result.problems.extend(Problem(str(p), "dictionary file not found", None, "unreadable") for p in missing)
    return result


def format_entry(entry: Entry) -> str:
    """One entry in block format (the writer used by the importers)."""
    lines = [f"+ {entry.name}"]
    if entry.code:
        lines.append(f"  code: {entry.code}")
    for key in LIST_KEYS:
        values = getattr(entry, key)
        if values:
            lines.append(f"  {key}: {'; '.join(values)}")
    for key in ("gender", "country", "valid", "scope"):
        value = getattr(entry, key)
        if value:
            lines.append(f"  {key}: {value}")
    lines.extend(f"  role: {role.text()}" for role in entry.roles)
    return "\n".join(lines)


def format_entries(entries: Iterable[Entry], header: str = "") -> str:
    body = "\n\n".join(format_entry(e) for e in entries)
    head = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return f"{head}\n{body}\n" if head else f"{body}\n"
