"""Event dates: the temporal expression governing an event, resolved against the article date.

    date_for_event(doc, trigger_char, anchor) -> (YYYY-MM-DD | None, date_text | None)
    resolve(text, anchor) -> date | None

Candidates in a sentence come from compiled regexes (explicit dates, weekday
names, yesterday/today, "N days ago", vague spans) and, when the Doc has been
parsed, from spaCy DATE/TIME entities no regex covers (parsed with dateparser,
kept only when they name a day). The governing candidate is the one attached to
the trigger's clause in the dependency parse, nearest first; without a parse,
the nearest one.

Resolution rules (documented in docs/readers.md):

- explicit dates with a year are exact; without a year ("on June 10") they take
  the most recent such date on or before the anchor;
- a weekday name ("on Tuesday") is the most recent such day on or before the
  anchor (0-6 days before: news reports past events; the anchor's own weekday is
  the anchor day); "last Tuesday" is 1-7 days before; "next Tuesday" 1-7 after;
  in a future-tense clause ("will visit on Friday") weekday names and dates
  without a year take the next such day on or after the anchor instead;
- yesterday / last night = anchor - 1, today / this morning = anchor,
  tomorrow = anchor + 1, "three days ago" = anchor - 3;
- vague spans (last week, earlier this month, in June, in recent weeks,
  "less than a week after ...") resolve to no date: the text is kept;
- no expression: the anchor itself with no text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .doctext import doc_text

if TYPE_CHECKING:  # spaCy is only needed for the types here: the readers import this module
    from spacy.tokens import Doc, Token

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# Month and weekday names must be capitalised ("may" the verb is not May).
MON = r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WD = r"(?-i:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
_NUM = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
_COUNT = r"(?:(?:less|more)\s+than\s+|about\s+|around\s+|nearly\s+|almost\s+|just\s+|only\s+|barely\s+|some\s+)?(?:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|a\s+couple\s+of|a\s+day\s+or\s+two)\s+)?"
_UNTIL_CLAUSE = r"[^,.;:!?()]{1,80}?(?=\s*(?:[,.;:!?()]|$)|\s+(?:which|that|when|while|and|but|as|where)\b)"

_UNITS = r"\b(?:days?|weeks?|weekend|months?|years?|hours?|night|morning)\b"
# (kind, guard, pattern): the cheap guard must match somewhere before the pattern is run
_SPECS = [
    ("iso", r"\d{4}-\d", r"\b(?:on\s+)?(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    ("mdy", rf"\b{MON}\b", rf"\b(?:on\s+)?(?:{WD}\.?,?\s+)?(?P<mon>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"),
    ("dmy", rf"\b{MON}\b", rf"\b(?:on\s+)?(?:{WD}\.?,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"),
    ("weekday", rf"\b{WD}\b", rf"\b(?:(?P<mod>on|last|this\s+past|this|next|early|late)\s+)?(?P<wd>{WD})\b(?:\s+(?:morning|afternoon|evening|night))?"),
    ("relday", r"\b(?:today|tonight|yesterday|tomorrow|night|morning|afternoon|evening)\b", r"\b(?:the\s+day\s+before\s+yesterday|(?:earlier\s+)?today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)|tomorrow)\b(?:\s+(?:morning|afternoon|evening|night))?"),
    ("ago", r"\bago\b", rf"\b(?P<n>{_NUM})\s+(?P<unit>days?)\s+ago\b"),
    ("vague", r"\b(?:after|before|since|following|ahead\s+of)\b", rf"\b{_COUNT}(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|since|following|ahead\s+of)\s+{_UNTIL_CLAUSE}"),
    ("vague", r"\b(?:after|before)\b", rf"\b(?:the\s+)?(?:day|week|month|night|morning)\s+(?:after|before)\s+{_UNTIL_CLAUSE}"),
    ("vague", rf"{_UNITS}|\brecently\b", rf"\b(?:(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year)|(?:last|this|next|past|previous|coming)\s+(?:week(?:end)?|month|year)|(?:over|at|during)\s+the\s+weekend|(?:in\s+)?(?:recent|the\s+(?:past|last|previous|coming|next))\s+(?:few\s+|several\s+|couple\s+of\s+|{_NUM}\s+)?(?:days|weeks|months|years)|{_NUM}\s+(?:weeks?|months?|years?)\s+ago|recently)\b"),
    ("vague", rf"\b{MON}\b", rf"\b(?:in|since|by|until|(?:early|mid|late)[-\s]+|(?:the\s+)?(?:beginning|start|end|middle)\s+of)\s*(?P<mon>{MON})\b(?:\s+\d{{4}}\b)?"),
    ("vague", r"\b(?:19|20)\d\d\b", r"\b(?:in|since|by|until)\s+(?:(?:early|mid|late)[-\s]+)?(?:19|20)\d{2}\b"),
]
_PATTERNS = [(kind, re.compile(guard, re.IGNORECASE), re.compile(p, re.IGNORECASE))
             for kind, guard, p in _SPECS]
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
_FUTURE_VERBS = {"plan", "expect", "schedule", "due", "intend", "aim", "prepare", "set"}
_PREPOSITIONS = {"on", "in", "since", "by", "until", "last", "this", "next", "from"}


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # day | vague
    date: dt.date | None


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _explicit(m: re.Match[str], kind: str, anchor: dt.date | None, future: bool) -> dt.date | None:
    month = int(m["m"]) if kind == "iso" else _month(m["mon"])
    day = int(m["d"])
    if m["y"]:
        return _safe_date(int(m["y"]), month, day)
    if anchor is None:
        return None
    found = _safe_date(anchor.year, month, day)
    if found is not None and not future and found > anchor:  # no year: the most recent such date
        found = _safe_date(anchor.year - 1, month, day)
    elif found is not None and future and found < anchor:  # future tense: the next such date
        found = _safe_date(anchor.year + 1, month, day)
    return found


def _weekday(m: re.Match[str], anchor: dt.date | None, future: bool) -> dt.date | None:
    if anchor is None:
        return None
    target = _WEEKDAYS[m["wd"][:3].lower()]
    mod = (m["mod"] or "").lower().split()
    if mod and mod[0] == "next":
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    if future and not (mod and mod[0] == "last"):
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
    back = (anchor.weekday() - target) % 7
    if mod and (mod[0] == "last" or mod[-1] == "past") and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _relday(text: str, anchor: dt.date | None) -> dt.date | None:
    if anchor is None:
        return None
    t = text.lower()
    if "day before yesterday" in t:
        shift = -2
    elif "yesterday" in t or "last night" in t:
        shift = -1
    elif "tomorrow" in t:
        shift = 1
    else:
        shift = 0
    return anchor + dt.timedelta(days=shift)


def _resolve_match(kind: str, m: re.Match[str], anchor: dt.date | None, future: bool) -> Candidate:
    text = m.group(0)
    if kind in ("iso", "mdy", "dmy"):
        date = _explicit(m, kind, anchor, future)
    elif kind == "weekday":
        date = _weekday(m, anchor, future)
    elif kind == "relday":
        date = _relday(text, anchor)
    elif kind == "ago":
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
        date = anchor - dt.timedelta(days=n) if anchor else None
    else:
        return Candidate(m.start(), m.end(), text, "vague", None)
    return Candidate(m.start(), m.end(), text, "day", date)


def scan(text: str, anchor: dt.date | None, future: bool = False) -> list[Candidate]:
    """Every temporal expression the regexes find in ``text`` (longest wins on overlap).

    ``future``: the expression is in a future-tense clause, so weekday names and
    dates without a year name the next such day on or after the anchor.
    """
    found = [_resolve_match(kind, m, anchor, future) for kind, guard, rx in _PATTERNS
             if guard.search(text) for m in rx.finditer(text)]
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for c in found:
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out


def resolve(text: str, anchor: dt.date | None, future: bool = False) -> dt.date | None:
    """The day a temporal expression names, relative to ``anchor``; None when vague or unknown."""
    found = scan(text, anchor, future)
    if found:
        return found[0].date
    return _dateparser_day(text.strip(), anchor)


_DIGIT = re.compile(r"\d")


def needs_entities(text: str) -> bool:
    """Whether spaCy's DATE/TIME entities can add a candidate in ``text`` (only ones with a digit can)."""
    return _DIGIT.search(text) is not None


def _dateparser_day(text: str, anchor: dt.date | None) -> dt.date | None:
    """dateparser for the forms the regexes miss; only day-precise results count."""
    if not text or not needs_entities(text):
        return None
    return _dateparser_cached(text, anchor)


@lru_cache(maxsize=64)
def _date_parser(anchor: dt.date | None) -> Any:
    """One dateparser parser per anchor date: building one costs ~8 times a parse."""
    from dateparser.date import DateDataParser  # slow import: only when needed

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day, 12)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser_cached(text: str, anchor: dt.date | None) -> dt.date | None:
    try:
        data = _date_parser(anchor).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input: treat as no date
        return None
    if data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


def _entity_candidates(doc: Doc, taken: list[Candidate], anchor: dt.date | None) -> list[Candidate]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if any(c.start < ent.end_char and ent.start_char < c.end for c in taken):
            continue
        date = _dateparser_day(ent.text, anchor)
        if date is None:
            continue  # durations ("two years"), eras, unparseable: not the time of the event
        start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in _PREPOSITIONS:
            start = doc[ent.start - 1].idx
        out.append(Candidate(start, ent.end_char, doc.text[start:ent.end_char], "day", date))
    return out


def _clause_head(token: Token) -> Token:
    """The verb heading the clause of ``token`` (adjectival participles do not count)."""
    t = token
    while t.head.i != t.i:  # spaCy makes a new Token object per access: compare indices
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "aux", "auxpass"):
            return t
        t = t.head
    return t


def _token_at(doc: Doc, char: int) -> Token | None:
    for token in doc:
        if token.idx <= char < token.idx + max(len(token.text), 1):
            return token
    return None


def _is_future(clause: Token) -> bool:
    """A clause in the future tense: "will meet", "plans to meet", "is going/due/expected to meet"."""
    t = clause
    while True:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in t.children):
            return True
        if t.i != clause.i and (t.lemma_.lower() in _FUTURE_VERBS or t.lower_ == "going"):
            return True
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head


def _governing(doc: Doc, trigger_char: int, cands: list[Candidate]) -> Candidate | None:
    def distance(c: Candidate) -> int:
        return 0 if c.start <= trigger_char < c.end else min(abs(c.start - trigger_char), abs(c.end - trigger_char))

    trigger = _token_at(doc, trigger_char)
    if trigger is None or not doc.has_annotation("DEP"):
        return min(cands, key=distance)
    head = _clause_head(trigger)
    ancestors = {t.i for t in head.ancestors}
    direct, outer = [], []
    for c in cands:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        clause = _clause_head(span.root)
        if clause.i == head.i:
            direct.append(c)
        elif clause.i in ancestors:
            outer.append(c)
    for group in (direct, outer):
        if group:
            return min(group, key=distance)
    return None


def date_for_event(doc: Doc, trigger_char: int, anchor: dt.date | None) -> tuple[str | None, str | None]:
    """(ISO date, expression) of the event whose trigger starts at ``trigger_char`` in ``doc``."""
    cands = scan(doc_text(doc), anchor)
    if doc.has_annotation("ENT_IOB"):
        cands += _entity_candidates(doc, cands, anchor)
    chosen = _governing(doc, trigger_char, cands) if cands else None
    if chosen is None:
        return (anchor.isoformat() if anchor else None, None)
    if chosen.kind == "day" and doc.has_annotation("DEP"):
        span = doc.char_span(chosen.start, chosen.end, alignment_mode="expand")
        if span is not None and _is_future(_clause_head(span.root)):
            chosen.date = resolve(chosen.text, anchor, future=True) or chosen.date
    return (chosen.date.isoformat() if chosen.date else None, chosen.text)


def find_absolute(text: str) -> tuple[dt.date, int, int] | None:
    """The first full calendar date (with its year) in ``text``, with its offsets."""
    for c in scan(text, None):
        if c.kind == "day" and c.date is not None:
            return c.date, c.start, c.end
    return None
