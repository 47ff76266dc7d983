"""One event per happening within an article.

Events of one article are the same happening when they have the same source and
target actor codes, the same CAMEO root (code family) and compatible dates (equal,
or one of them unknown; a headline with no date expression of its own, dated by the
article, takes the date of the body's report). The merged event keeps the most specific code (the
longest, a code not ending in 0 before one that does; on ties the first seen), the first place it was reported, and the evidence
of every report, in reading order.
"""

from __future__ import annotations

from ..model import Event


def _loose_date(e: Event) -> bool:
    """A headline without a date expression of its own: its date is only the article's."""
    return e.event_date is None or (e.field == "title" and not e.date_text)


def _same(a: Event, b: Event) -> bool:
    return (
        a.source_code == b.source_code
        and a.target_code == b.target_code
        and a.cameo_code[:2] == b.cameo_code[:2]
        and a.hypothetical == b.hypothetical
        and (_loose_date(a) or _loose_date(b) or a.event_date == b.event_date)
    )


def _specificity(code: str) -> tuple[int, bool]:
    """Longer codes are more specific; "040" (not specified below) is less than "041"."""
    return (len(code), not code.endswith("0"))


def _absorb(keep: Event, other: Event) -> None:
    seen = {(e.field, e.sentence_index, e.trigger_span) for e in keep.evidence}
    for ev in other.evidence:
        if (ev.field, ev.sentence_index, ev.trigger_span) not in seen:
            keep.evidence.append(ev)
    if _specificity(other.cameo_code) > _specificity(keep.cameo_code):
        for name in ("cameo_code", "plover_type", "plover_mode", "goldstein", "quad_class", "pattern"):
            setattr(keep, name, getattr(other, name))
    if _loose_date(keep) and not _loose_date(other):  # the body's own date beats the headline's
        keep.event_date, keep.date_text = other.event_date, other.date_text
    keep.attribution = keep.attribution or other.attribution
    keep.attribution_code = keep.attribution_code or other.attribution_code


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated reports of the same happening (events of ONE article)."""
    out: list[Event] = []
    for ev in events:
        if not ev.evidence:
            ev.evidence = []
        for kept in out:
            if kept.article_id == ev.article_id and _same(kept, ev):
                _absorb(kept, ev)
                break
        else:
            out.append(ev)
    for ev in out:
        ev.evidence.sort(key=lambda e: (e.field != "title", e.sentence_index, e.trigger_span))
    return out
