"""One event per happening within an article.

Events of one article are the same happening when they have the same source and
target actors (equal codes, or a bare country and an actor of that country: the more
specific code is kept), the same CAMEO root (code family) and compatible dates (equal,
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


def _actor_fits(a: str | None, b: str | None, country_a: str | None, country_b: str | None) -> bool:
    """Same actor, or a bare country and one of its actors ("South Korea" / "Seoul": KOR, KORGOV)."""
    if a == b:
        return True
    return a is not None and b is not None and country_a == country_b and country_a in (a, b)


def _same(a: Event, b: Event) -> bool:
    return (
        _actor_fits(a.source_code, b.source_code, a.source_country, b.source_country)
        and _actor_fits(a.target_code, b.target_code, a.target_country, b.target_country)
        and a.cameo_code[:2] == b.cameo_code[:2]
        and a.hypothetical == b.hypothetical
        and (_loose_date(a) or _loose_date(b) or a.event_date == b.event_date)
    )


def _specificity(code: str) -> tuple[int, bool]:
    """Longer codes are more specific; "040" (not specified below) is less than "041"."""
    return (len(code), not code.endswith("0"))


_ACTOR_FIELDS = ("code", "text", "span", "name", "country")
_REPORT_FIELDS = ("sentence_index", "sentence", "field", "trigger_span", "trigger_text", "event_date", "date_text")


def _specific_actors(keep: Event, other: Event) -> None:
    """Where our actor is only the bare country of the other report's actor, take the other
    report's actor, and with it that report's place (sentence, field, trigger, both sides' code,
    text, span, name): every field of the event then comes from ONE report, never a mix; the
    evidence keeps both."""
    better = worse = False
    for side in ("source", "target"):
        code, theirs = getattr(keep, f"{side}_code"), getattr(other, f"{side}_code")
        if code != theirs and code == getattr(keep, f"{side}_country"):
            better = True
        elif code != theirs and theirs == getattr(other, f"{side}_country"):
            worse = True
    if better and not worse:
        for side in ("source", "target"):
            for name in _ACTOR_FIELDS:
                setattr(keep, f"{side}_{name}", getattr(other, f"{side}_{name}"))
        for name in _REPORT_FIELDS:
            setattr(keep, name, getattr(other, name))


def _absorb(keep: Event, other: Event) -> None:
    _specific_actors(keep, other)
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
