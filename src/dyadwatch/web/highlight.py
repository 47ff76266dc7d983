"""Article text with the evidence of its events marked: escaped text, ``<mark>`` around spans.

Every piece of article text goes through ``markupsafe.escape``; the only markup
added is ``<mark class="...">`` with class names and event numbers chosen here,
so untrusted text can never become HTML. Spans may overlap (one actor is the
source of one event and the target of another): the text is cut at every span
boundary and each piece is marked with the union of the spans covering it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

KINDS = ("source", "target", "trigger")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # source | target | trigger
    event: int  # 1-based number of the event on the page


def marks_for(events: list[dict[str, Any]], field: str) -> list[Mark]:
    """The spans of every event (primary evidence and any further evidence) in ``field``."""
    out: set[Mark] = set()
    for n, ev in enumerate(events, start=1):
        places = [ev] + [p for p in ev.get("evidence") or [] if isinstance(p, dict)]
        for place in places:
            if (place.get("field") or "body") != field:
                continue
            for kind in KINDS:
                span = place.get(f"{kind}_span")
                if isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span):
                    out.add(Mark(span[0], span[1], kind, n))
    return sorted(out, key=lambda m: (m.start, m.end, m.kind, m.event))


def highlight(text: str | None, marks: list[Mark]) -> Markup:
    """``text`` escaped, with ``<mark>`` elements over the (valid) spans of ``marks``."""
    text = text or ""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[lo:hi])
        covering = [m for m in valid if m.start <= lo and hi <= m.end]
        if not covering:
            parts.append(str(piece))
            continue
        kinds = sorted({m.kind for m in covering}, key=KINDS.index)
        events = sorted({m.event for m in covering})
        label = "; ".join(f"{k} of event {', '.join(str(e) for e in events)}" for k in kinds)
        classes = " ".join(f"ev-{k}" for k in kinds)
        parts.append(f'<mark class="{classes}" data-events="{" ".join(map(str, events))}" '
                     f'title="{escape(label)}">{piece}</mark>')
    return Markup("".join(parts))
