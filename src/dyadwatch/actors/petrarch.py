"""Import PETRARCH/TABARI dictionaries (actors, agents, discards) into the block format.

Actor files: an entry line ``NAME [CODE]`` at column 0 (words joined by ``_`` or
spaces, a trailing ``_`` only marks the end of the word), synonyms on ``+NAME``
lines, codes in brackets on the same or on indented lines. A code may be dated:
``[CHNGOV >20121115]`` (from), ``[HOB <950601]`` (before), ``[KORGOV 070501-080731]``
(inclusive range); six-digit dates are YYMMDD (years < 30 are 20xx). An undated
code is the default used outside the dated ones. ``---`` is the null actor.
Agent files: ``WORD {PLURALS} [~CODE]`` (``{}``: no plural; no braces: regular
plural), ``[CODE~]`` for agents written before the country, and substitution sets
``!PERSON! = MAN, MEN``. Discard files: ``+PHRASE`` drops the story, ``PHRASE``
the sentence. One-word names too generic to name one actor (``GENERIC_NAMES``) are
dropped and reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Problem
from .dictionary import NONSTATE_PREFIXES, Entry, Role, format_entries
from .filekind import WrongKind, detect_kind

_BRACKET = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")
_SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_SMALL = {"of", "the", "and", "for", "de", "del", "la", "le", "in", "on", "to", "at", "al", "a", "an", "du", "des", "y"}
_VOWELS = set("AEIOUY")


@dataclass
class Converted:
    """Entries converted from one or more PETRARCH files, by the block file they belong in."""

    files: dict[str, list[Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # inputs not converted at all (unreadable, wrong kind)

    def add(self, filename: str, entries: Iterable[Entry]) -> None:
        self.files.setdefault(filename, []).extend(entries)


def display_word(word: str, single: bool, first: bool) -> str:
    """``XI`` -> ``Xi``; abbreviations (``UN``, ``U.S.``, ``DPRK``) stay upper case."""
    letters = [c for c in word if c.isalpha()]
    if "." in word or (letters and not (set(letters) & _VOWELS)) or (single and len(word) <= 3):
        return word
    if not first and word.lower() in _SMALL:
        return word.lower()
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def display_name(raw: str) -> str:
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    single = len(words) == 1
    return " ".join(display_word(w, single, i == 0) for i, w in enumerate(words))


def parse_petrarch_date(text: str) -> dt.date:
    """YYYYMMDD or YYMMDD (years < 30 are 20xx, as PETRARCH reads them)."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code_block(block: str) -> tuple[str, Role | None]:
    """``CHNGOV >20121115`` -> ("CHNGOV", Role); ``CHN`` -> ("CHN", None)."""
    block = block.strip()
    parts = block.split(None, 1)
    if not parts:
        raise ValueError("empty code brackets []")
    code = parts[0].upper()
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return code, None
    if rest.startswith(">"):
        return code, Role(code, parse_petrarch_date(rest[1:]), None)
    if rest.startswith("<"):
        return code, Role(code, None, parse_petrarch_date(rest[1:]) - dt.timedelta(days=1))
    if "-" in rest:
        a, b = rest.split("-", 1)
        start, end = parse_petrarch_date(a), parse_petrarch_date(b)
        if end < start:
            raise ValueError(f"date range {a}-{b} ends before it starts")
        return code, Role(code, start, end)
    return code, Role(code, parse_petrarch_date(rest), None)  # a lone date: from that date


class _ActorReader:
    """State machine over the lines of a TABARI actor file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: list[tuple[Entry, list[str]]] = []  # entry, undated codes in order
        self.problems: list[Problem] = []
        self.in_comment = False

    def problem(self, lineno: int, reason: str) -> None:
        self.problems.append(Problem(self.path, reason, f"line {lineno}", "malformed"))

    def codes(self, text: str, lineno: int) -> None:
        if not self.entries:
            self.problem(lineno, "codes before any actor name")
            return
        entry, defaults = self.entries[-1]
        for block in _BRACKET.findall(text):
            try:
                code, role = parse_code_block(block)
            except ValueError as exc:
                self.problem(lineno, f"{exc} (code ignored)")
                continue
            if role is None:
                defaults.append(code)
            else:
                entry.roles.append(role)

    def line(self, raw: str, lineno: int) -> None:
        stripped = raw.strip()
        if self.in_comment:
            self.in_comment = "-->" not in stripped
            return
        if stripped.startswith("<!") or stripped.startswith("<!--"):
            self.in_comment = "-->" not in stripped
            return
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            return
        head = text.split("[", 1)[0].strip()
        if text[0].isspace() or text.startswith("["):
            self.codes(text, lineno)
        elif text.startswith("+"):
            if not self.entries:
                self.problem(lineno, "synonym before any actor name")
                return
            name = display_name(head[1:])
            if name:
                self.entries[-1][0].names.append(name)
            self.codes(text, lineno)
        else:
            name = display_name(head)
            if not name:
                self.problem(lineno, f"cannot read an actor name in {text.strip()!r}")
                return
            last = self.entries[-1] if self.entries else None
            if last is not None and not last[1] and not last[0].roles:
                last[0].names.append(name)  # names listed before one code block share it
            else:
                self.entries.append((Entry(name, source=f"{self.path}:{lineno}"), []))
            self.codes(text, lineno)


def _is_country_code(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and not code.startswith(NONSTATE_PREFIXES)


def _classify(entry: Entry) -> str:
    codes = [entry.code or ""] + [r.code for r in entry.roles]
    codes = [c for c in codes if c]
    if codes and all(_is_country_code(c) for c in codes):
        return "countries.txt"
    if entry.roles:  # a country whose code changed (Ukraine: USRUKR, UKRUNR, then UKR)
        latest = max(entry.roles, key=lambda r: (r.end is None, r.end or dt.date.min, r.start or dt.date.min))
        if latest.end is None and _is_country_code(latest.code) and (not entry.code or _is_country_code(entry.code)):
            return "countries.txt"
    if entry.roles:
        return "persons.txt"
    if codes and codes[0].startswith("IGO"):
        return "igos.txt"
    return "nonstate.txt"


# one-word names too generic to stand for one actor in running text (Phoenix lists some as
# synonyms, e.g. "ORGANIZATION" or a bare first name); dropped, and reported
GENERIC_NAMES = {
    "organization", "organisation", "youth", "zero", "senate", "tigers", "falcon", "buffalo",
    "mavericks", "union", "front", "movement", "party", "council", "alliance", "league", "army",
    "albert", "lawrence", "austin", "charlotte", "richmond", "providence", "phoenix", "abdullah",
    "hassan", "khalid", "fahd", "hussein", "vladimir", "shahin", "eyal", "amit", "insula", "natal",
}


def _drop_generic(entry: Entry, path: Path, out: Converted) -> bool:
    """Remove generic one-word names; False when the entry has no name left."""
    names = [n for n in [entry.name, *entry.names] if n.lower() not in GENERIC_NAMES]
    dropped = [n for n in [entry.name, *entry.names] if n.lower() in GENERIC_NAMES]
    if dropped:
        line = entry.source.rsplit(":", 1)[1]
        out.problems.append(Problem(str(path), f"generic name(s) {', '.join(dropped)} of {entry.name!r} dropped", f"line {line}", "skipped"))
    if not names:
        return False
    entry.name, entry.names = names[0], names[1:]
    return True


def read_actor_file(path: Path) -> Converted:
    reader = _ActorReader(str(path))
    for lineno, raw in enumerate(_read_lines(path), 1):
        reader.line(raw, lineno)
    out = Converted(problems=reader.problems)
    merged: dict[tuple[str, str | None], Entry] = {}
    for entry, defaults in reader.entries:
        entry.code = defaults[0] if defaults else None
        entry.names = [n for n in dict.fromkeys(entry.names) if n != entry.name]
        if not _drop_generic(entry, path, out):
            continue
        if not entry.code and not entry.roles:
            lineno = int(entry.source.rsplit(":", 1)[1])
            out.problems.append(Problem(str(path), f"actor {entry.name!r} has no code (skipped)", f"line {lineno}", "malformed"))
            continue
        same = merged.get(entry.key())
        if same is not None:  # the same actor listed twice: one entry with all names and roles
            same.names.extend(n for n in [entry.name, *entry.names] if n not in same.names and n != same.name)
            same.roles.extend(entry.roles)
            continue
        merged[entry.key()] = entry
    for entry in merged.values():
        name = _classify(entry)
        out.add(name, [entry])
    return out


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read: {exc}") from None
    if "\x00" in text or text.count("\ufffd") > max(3, len(text) // 50):
        raise InputError("not a text dictionary (binary content)")
    return text.splitlines()


def plural(word: str) -> str:
    """Regular English plural of the last word of a phrase."""
    low = word.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _agent_phrase(raw: str) -> str:
    return " ".join(w for w in re.split(r"[_\s]+", raw.strip()) if w).lower()


def read_agent_file(path: Path) -> Converted:
    """Agent file -> one entry per agent code (``GOV (Phoenix)``...) with its words."""
    out = Converted()
    subst: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    for lineno, raw in enumerate(_read_lines(path), 1):
        text = raw.split("#", 1)[0].strip()
        if not text or text.startswith("<"):
            continue
        m = _SUBST.match(text)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _BRACKET.findall(text)
        if not codes:
            out.problems.append(Problem(str(path), f"agent line without [~CODE]: {text!r}", f"line {lineno}", "malformed"))
            continue
        code = codes[0].replace(" ", "").upper()
        if "~" not in code or not code.strip("~"):
            out.problems.append(Problem(str(path), f"agent code must be [~CODE] or [CODE~]: {code!r}", f"line {lineno}", "malformed"))
            continue
        code = code.lstrip("~")  # suffix agents: GOV; prefix agents keep their '~': NGO~
        head = text.split("[", 1)[0]
        braces = _BRACES.search(head)
        phrase = _BRACES.sub(" ", head)
        for form in _expand(phrase, subst):
            forms = [_agent_phrase(form)]
            if braces is None:
                forms.append(plural(forms[0]))
            else:
                forms.extend(_agent_phrase(p) for p in braces.group(1).split() if p.strip())
            words.setdefault(code, []).extend(f for f in forms if f)
    out.add("agents.txt", [Entry(f"{c.strip('~')} (Phoenix)", "agent", code=c, words=list(dict.fromkeys(w)))
                           for c, w in words.items()])
    return out


def _expand(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    for key, values in subst.items():
        if key in phrase:
            return [f for v in values for f in _expand(phrase.replace(key, v, 1), subst)]
    return [phrase]


def read_discard_file(path: Path) -> Converted:
    out = Converted()
    entries = []
    for lineno, raw in enumerate(_read_lines(path), 1):
        text = raw.split("#", 1)[0].strip()
        if not text or text.startswith("<"):
            continue
        scope = "story" if text.startswith("+") else "sentence"
        phrase = " ".join(text.lstrip("+").replace("_", " ").split())
        if phrase:
            entries.append(Entry(phrase, "discard", scope=scope, source=f"{path}:{lineno}"))
    out.add("discards.txt", entries)
    return out


def convert_files(paths: Iterable[Path]) -> Converted:
    """Convert PETRARCH files into block-format entries, grouped by target file."""
    total = Converted()
    readers = {"actors": read_actor_file, "agents": read_agent_file, "discards": read_discard_file}
    for path in paths:
        try:
            part = readers[detect_kind(path, _read_lines(path))](path)
        except InputError as exc:  # one bad file is reported; the others still convert
            kind = "skipped" if isinstance(exc, WrongKind) else "binary" if "binary" in str(exc) else "unreadable"
            total.problems.append(Problem(str(path), str(exc), None, kind))
            total.skipped.append(path)
            continue
        total.problems.extend(part.problems)
        for filename, entries in part.files.items():
            total.add(filename, entries)
    return total


def write_converted(converted: Converted, out_dir: Path, header: str) -> list[Path]:
    """Write one block-format file per kind into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, entries in sorted(converted.files.items()):
        target = out_dir / filename
        target.write_text(format_entries(entries, header), encoding="utf-8")
        written.append(target)
    return written
