"""What kind of PETRARCH/TABARI file a file is, from its content (the name is a hint).

``dict import-petrarch`` converts actor, agent and discard dictionaries only. Other
PETRARCH files (verb dictionaries such as ``CAMEO.2.0.txt``, issue-coding files such as
``Phoenix.IssueCoding.txt``, XML validation records) or files that are no PETRARCH
dictionary at all are refused with one line, never turned into actor entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError

_BRACKET = re.compile(r"\[([^\]]*)\]")
_ISSUE = re.compile(r"^<ISSUE\b|^~?(?:[a-z]+\+)?[nv]:\S", re.IGNORECASE)
_VERB_HEADER = re.compile(r"^-{3}\s+\S.*\[[^\]]*\]\s*-{3}\s*$")
_SYNSET = re.compile(r"^&[A-Z0-9_]+\s*$")
_EVENT_CODE = re.compile(r"^\s*(?:-{3}|\d{2,4}(?::\d{2,4})?|s)\s*$", re.IGNORECASE)
_ACTOR_CODE = re.compile(r"^\s*~?[A-Za-z]{2,}[A-Za-z0-9]*~?(?:\s+[<>]?\s*[\d\s\-]+)?\s*$")
_PROSE_END = (".", ",", ";", ":", "?", "!")

KIND_NAMES = {
    "issues": "an issue-coding file",
    "verbs": "a verb (event pattern) dictionary",
    "xml": "an XML file (e.g. validation records)",
    "unknown": "not a PETRARCH dictionary (no [CODE] brackets and not a list of short phrases)",
}


class WrongKind(InputError):
    """The file is readable but is not an actor, agent or discard dictionary."""


def content_lines(lines: Sequence[str], limit: int = 2000) -> list[str]:
    """Non-blank lines outside ``<!-- -->`` comments, ``#`` comments removed (at most ``limit``)."""
    out: list[str] = []
    in_comment = False
    for raw in lines:
        stripped = raw.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        text = raw.split("#", 1)[0].rstrip()
        if text.strip():
            out.append(text)
            if len(out) >= limit:
                break
    return out


def _share(lines: Sequence[str], test) -> float:  # type: ignore[no-untyped-def]
    return sum(1 for line in lines if test(line)) / len(lines) if lines else 0.0


def classify(lines: Sequence[str]) -> str:
    """actors | agents | discards | issues | verbs | xml | unknown, from the content."""
    body = content_lines(lines)
    if not body:
        return "discards"  # only comments: an empty discard list converts to nothing
    first = body[0].strip()
    if first.startswith("<?xml") or (first.startswith("<") and not first.upper().startswith("<ISSUE")
                                     and any(line.strip().startswith("</") for line in body)):
        return "xml"
    if any(line.upper().startswith("<ISSUE") for line in body) or _share(body, lambda s: bool(_ISSUE.match(s.strip()))) > 0.3:
        return "issues"
    codes = [c for line in body for c in _BRACKET.findall(line)]
    if any(_VERB_HEADER.match(line.strip()) or _SYNSET.match(line.strip()) for line in body) \
            or (codes and _share(codes, lambda c: bool(_EVENT_CODE.match(c))) > 0.5):
        return "verbs"
    if any(c.strip().startswith("~") or c.strip().endswith("~") for c in codes):
        return "agents"
    if codes:
        return "actors" if _share(codes, lambda c: bool(_ACTOR_CODE.match(c))) > 0.5 else "unknown"
    phrases = _share(body, lambda s: len(s.split()) <= 6 and not s.rstrip().endswith(_PROSE_END))
    return "discards" if phrases >= 0.9 else "unknown"


def detect_kind(path: Path, lines: Sequence[str]) -> str:
    """actors | agents | discards; :class:`WrongKind` (one clear reason) for anything else.

    The content decides; the name ("...agents...", "...discards...", "...actors...")
    only settles a file whose content fits more than one kind (a short list of phrases).
    """
    kind = classify(lines)
    name = path.name.lower()
    if kind in ("actors", "agents", "discards"):
        if kind == "discards" and ("actors" in name or "agents" in name):
            raise WrongKind(f"named like an {'actor' if 'actors' in name else 'agent'} dictionary but has no [CODE] brackets: skipped")
        return kind
    raise WrongKind(f"{KIND_NAMES[kind]}, not an actor, agent or discard dictionary: skipped")
