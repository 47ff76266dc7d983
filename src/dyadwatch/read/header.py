"""The header of a plain-text article: outlet, section, title, subtitle, byline, date.

The header is the run of short lines before the first paragraph of prose
(single lines without final sentence punctuation, at most 30 words), extended
to an explicit byline ("By ...") or a date line found among the first units.
Within it, in order:

- byline lines: "By A and B", "Written by ...", optionally with a date after
  "|", "-", "," ...; "in <Place>" after a name and roles ("Staff Reporter",
  "Seoul Bureau") are dropped; a part that looks like an outlet ("Associated Press") is
  not an author (it is the outlet when no label line gave one); a line that is only a date ("June 11, 2025",
  "Published: 2025-06-11 10:30 GMT") gives the date;
- up to two leading *label* lines (at most 4 words, 40 characters) are outlet
  then section; a single label is the section when it is a usual section name
  ("Politics", "World" ...), else the outlet; when only two lines remain and
  the first does not look like an outlet or section, they are title and subtitle;
- the next line is the title, the following ones the subtitle;
- the last header line after the title is a bare byline when it is made of
  1-3 personal names (capitalised words, joined by "and" or commas), as "Ali".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_absolute
from .layout import Unit, ends_sentence, is_furniture, words

HEADER_MAX_UNITS = 8
HEADER_MAX_WORDS = 30
LABEL_MAX_WORDS = 4
LABEL_MAX_CHARS = 40
DATE_LINE_MAX_CHARS = 80
SECTIONS = {
    "politics", "world", "news", "business", "economy", "opinion", "asia", "europe", "africa",
    "americas", "middle east", "us", "uk", "national", "international", "world news",
    "diplomacy", "security", "defence", "defense", "analysis", "commentary", "china", "korea",
    "markets", "finance", "technology", "science", "sport", "sports", "culture", "society",
    "nation", "region", "local", "features", "latest", "breaking news", "top stories", "editorial",
}
_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|herald|daily|journal|agency|press|tribune|gazette|online|tv|radio|"
    r"review|today|monitor|observer|guardian|telegraph|express|wire|insider|chronicle|reuters|"
    r"ap|afp|bbc|cnn|xinhua|yonhap|tass|kyodo|bloomberg|ria|ukrinform|network|media|report)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|story\s+by|author\s*:)\s+(?P<rest>.+)$", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:published|updated|posted|last\s+updated|date|first\s+published)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?\b", re.IGNORECASE)
_NAME_PARTICLES = {"de", "van", "von", "bin", "al", "da", "del", "la", "le", "el", "ibn", "der", "dos", "du", "di"}
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")
_PLACE = re.compile(r"\s+(?:in|from)\s+[A-Z][\w .'-]*$")  # "Jane Doe in Seoul"
_ROLE = re.compile(r"\b(?:reporter|correspondent|writer|editor|staff|contributor|columnist|bureau|desk)s?\b",
                   re.IGNORECASE)  # "Staff Reporter", "Seoul Bureau"
_SEPARATORS = re.compile(r"^[\s|·•,;:–—-]+|[\s|·•,;:–—-]+$")


@dataclass
class Header:
    outlet: str | None = None
    section: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None


def _is_header_line(text: str) -> bool:
    n = len(words(text))
    return 0 < n <= HEADER_MAX_WORDS and len(text) <= 250 and (
        not ends_sentence(text) or text.endswith(("?", "!")))


def _date_line(text: str) -> str | None:
    """ISO date when the line is only a date (with an optional label and time)."""
    if len(text) > DATE_LINE_MAX_CHARS:
        return None
    found = find_absolute(text)
    if found is None:
        return None
    date, start, end = found
    rest = _TIME.sub("", _DATE_LABEL.sub("", text[:start] + " " + text[end:]))
    return date.isoformat() if not words(_SEPARATORS.sub("", rest)) else None


def _names(text: str) -> list[str] | None:
    """Personal names in ``text`` ("Jane Doe and Ali"), or None when it is not only names."""
    parts = [p.strip(" .") for p in _NAME_SPLIT.split(text) if p.strip(" .")]
    if not parts or len(parts) > 3:
        return None
    for part in parts:
        ws = part.split()
        if not 1 <= len(ws) <= 4 or part.lower() in SECTIONS:
            return None
        if not all(_NAME_WORD.match(w) or w.lower() in _NAME_PARTICLES for w in ws):
            return None
    return parts


def _byline(text: str) -> tuple[list[str], str | None] | None:
    """(authors, ISO date) of an explicit "By ..." line, else None."""
    m = _BYLINE.match(text)
    if not m or len(words(text)) > 15 or text.rstrip().endswith((".", "!", "?", ";")):
        return None  # "By contrast, ..." opens a sentence, not a byline
    rest, date = m["rest"], None
    found = find_absolute(rest)
    if found is not None:
        date = found[0].isoformat()
        rest = rest[: found[1]]
    rest = _SEPARATORS.sub("", _TIME.sub("", rest))
    authors = [_PLACE.sub("", p).strip(" .") for p in _NAME_SPLIT.split(rest)]
    return [a for a in authors if a and not _ROLE.search(a)], date


def header_end(units: list[Unit]) -> int:
    """Number of leading units that form the header (0 when the text has no header)."""
    end = 0
    while end < min(len(units), HEADER_MAX_UNITS) and _is_header_line(units[end].text):
        end += 1
    for i, u in enumerate(units[:HEADER_MAX_UNITS]):
        # a standfirst may end with a period: the header runs on to a byline or date line,
        # provided it starts with a title-like line
        if i >= end >= 1 and (_byline(u.text) is not None or _date_line(u.text)):
            end = i + 1
    if end < len(units) and end > 0 and _date_line(units[end].text):
        end += 1
    return end if end < len(units) else 0


def _is_outlet(text: str) -> bool:
    return bool(re.search(r"\w\.\w", text)) or bool(_OUTLET_WORDS.search(text))


def _is_label(text: str) -> bool:
    return len(words(text)) <= LABEL_MAX_WORDS and len(text) <= LABEL_MAX_CHARS


def parse_header(units: list[Unit]) -> Header:
    """Outlet, section, title, subtitle, authors and date of the header units."""
    header = Header()
    lines: list[str] = []
    for u in units:
        if is_furniture(u.text):
            continue  # "Share", "5 min read", "Updated 3 hours ago" between header lines
        by = _byline(u.text)
        date = _date_line(u.text)
        if by is not None:
            header.authors = header.authors or [a for a in by[0] if not _is_outlet(a)]
            header.date = header.date or by[1]
            agencies = [a for a in by[0] if _is_outlet(a)]
            header.outlet = header.outlet or (agencies[0] if agencies else None)
        elif date is not None:
            header.date = header.date or date
        else:
            lines.append(u.text)
    prefix = _label_prefix(lines)
    _labels(header, lines[:prefix])
    rest = lines[prefix:]
    if not rest:
        return header
    header.title, rest = rest[0], rest[1:]
    if rest and not header.authors:
        names = _names(rest[-1])
        if names:
            header.authors, rest = names, rest[:-1]
    header.subtitle = " ".join(rest) or None
    return header


def _label_prefix(lines: list[str]) -> int:
    """How many leading lines are outlet/section labels (0-2), leaving a title."""
    n = 0
    while n < 2 and n < len(lines) - 1 and _is_label(lines[n]):
        n += 1
    if n == 1 and len(lines) == 2:
        first = lines[0]
        if not (_is_outlet(first) or first.lower() in SECTIONS):
            return 0
    return n


def _labels(header: Header, labels: list[str]) -> None:
    if len(labels) == 2:
        header.outlet, header.section = labels
    elif len(labels) == 1:
        if labels[0].lower() in SECTIONS and not _is_outlet(labels[0]):
            header.section = labels[0]
        else:
            header.outlet = labels[0]
