"""Layout of article text: paragraph units, sub-headings and page furniture.

A *unit* is one paragraph of the source text: a block between blank lines, or
one line of a block whose lines are separate paragraphs (text pasted with single
newlines). A block whose lines are hard-wrapped (all but the last about as long
as the longest) is one unit. Heuristics, in order:

- *furniture*: lines such as "SCROLL FOR NEXT", "Advertisement", "Share",
  "Read more: ...", "© 2025 ...", "All rights reserved", "(Reporting by ...)";
  anywhere in the body, plus short unpunctuated units (at most 6 words) after
  the last sentence of the article (nothing follows them, so not headings);
- *heading*: a short unit (at most 12 words, 90 characters) without final
  sentence punctuation, followed later by body text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_FURNITURE = re.compile(
    r"""^(?:
        scroll\s+(?:for|to)\s+(?:next|continue).*
      | advertisement | advertising | sponsored(?:\s+content)? | ad
      | share(?:\s+(?:this|on)\b.*)? | share\s+this\s+article | tweet | email | print | save
      | (?:read|see|watch|click)\s+(?:more|also|here|next)\b.*
      | related(?:\s+(?:articles?|stories|coverage|news|content))?(?::.*)?
      | more\s+(?:from|on|stories|news)\b.*
      | recommended(?:\s+for\s+you)?
      | continue\s+reading.* | back\s+to\s+top | top\s+stories | trending(?:\s+now)?
      | (?:follow|like)\s+us\b.* | subscribe\b.* | sign\s+up\b.* | join\s+(?:our|the)\s+newsletter.*
      | newsletter | comments?(?:\s*\(\d+\))? | leave\s+a\s+(?:comment|reply)
      | tags?\s*:.* | topics?\s*:.* | filed\s+under\s*:?.*
      | (?:©|\(c\)|copyright\b).* | .*\ball\s+rights\s+reserved\.?
      | \(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.*
      | photo(?:graph)?\s*:.* | image\s*(?:source)?\s*:.* | source\s*:.*
      | (?:this\s+article|this\s+story)\s+(?:was|has\s+been)\s+(?:updated|amended|corrected).*
      | (?:last\s+)?updated\s+\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago | \d+\s+(?:min(?:ute)?s?|hours?)\s+ago
      | \d+[\s-]+min(?:ute)?s?\s+read | listen(?:\s+to\s+(?:this\s+)?article)?(?:\s*\(?\d+:\d+\)?)?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SENTENCE_END = re.compile(r"""[.!?…:;,][)"'”’»]*$""")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_NEWLINE = re.compile(r"\n")
_BLANK = re.compile(r"\n[ \t\r]*\n\s*")
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
FURNITURE_MAX_CHARS = 200  # furniture is a short line: long paragraphs are never tested
TRAILING_MAX_WORDS = 6  # short unpunctuated lines after the last sentence are furniture


@dataclass
class Unit:
    """One paragraph-like piece of the source text."""

    start: int  # offsets into the source text
    end: int
    text: str  # the paragraph, hard-wrapped lines joined with spaces
    line: int  # 1-based line of the source where it starts
    kind: str = "paragraph"  # paragraph | heading | furniture | header


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_furniture(text: str) -> bool:
    t = text.strip()
    return len(t) <= FURNITURE_MAX_CHARS and bool(_FURNITURE.match(t))


def is_short_line(text: str) -> bool:
    """Short and without final sentence punctuation: a heading, label or headline."""
    t = text.strip()
    if not t or "\n" in t or len(t) > HEADING_MAX_CHARS:
        return False
    n = len(words(t))
    return 0 < n <= HEADING_MAX_WORDS and (not ends_sentence(t) or (t.endswith("?") and n <= 8))


def _wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: all lines but the last about as long as the longest, most
    of them not ending a sentence, and for two lines the last ending one (else a
    headline over a date line)."""
    if len(lines) < 2:
        return False
    longest = max(len(line) for line in lines)
    sentence_ends = sum(1 for line in lines[:-1] if ends_sentence(line))
    return (longest >= 40 and all(len(line) >= 0.6 * longest for line in lines[:-1])
            and (len(lines) > 2 or ends_sentence(lines[-1]))
            and sentence_ends * 2 < len(lines) - 1)  # lines that all end sentences are paragraphs


def split_units(text: str) -> list[Unit]:
    """Paragraph units of ``text`` with their offsets, in order."""
    units: list[Unit] = []
    newlines = [m.start() for m in _NEWLINE.finditer(text)]

    def line_of(offset: int) -> int:
        return bisect_left(newlines, offset) + 1

    for block_start, block_end in _blocks(text):
        lines = _line_spans(text[block_start:block_end], block_start)
        for run in _runs(text, lines):
            texts = [text[s:e].strip() for s, e in run]
            if _wrapped(texts):
                units.append(Unit(run[0][0], run[-1][1], " ".join(texts), line_of(run[0][0])))
            else:
                for (s, e), t in zip(run, texts, strict=True):
                    units.append(Unit(s, e, t, line_of(s)))
    return units


def _runs(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The lines of a block in runs split at furniture lines (each its own run)."""
    runs: list[list[tuple[int, int]]] = [[]]
    for span in lines:
        if is_furniture(text[span[0]:span[1]]):
            runs.extend([[span], []])
        else:
            runs[-1].append(span)
    return [r for r in runs if r]


def _blocks(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _line_spans(block: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the block, stripped, as source offsets."""
    spans = []
    pos = 0
    for line in block.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((offset + pos + lead, offset + pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def mark_body(units: list[Unit]) -> None:
    """Set ``kind`` of body units: furniture, heading, or paragraph (in place)."""
    for u in units:
        if is_furniture(u.text):
            u.kind = "furniture"
    last_prose = max((i for i, u in enumerate(units)
                      if u.kind == "paragraph" and not is_short_line(u.text)), default=-1)
    if last_prose < 0:
        return  # no prose at all: short lines are the text itself
    for i, u in enumerate(units):
        if u.kind != "paragraph" or not is_short_line(u.text):
            continue
        if i < last_prose:
            u.kind = "heading"
        elif len(words(u.text)) <= TRAILING_MAX_WORDS:
            u.kind = "furniture"
