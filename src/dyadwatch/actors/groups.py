"""Group references: "the two leaders", "both countries", "the two sides".

A group reference names the two most recent distinct actors of its kind already
named in the article: persons for "leaders"/"presidents", countries or
governments for "sides"/"countries"/"nations"/"governments". It yields one
mention per referent (same span, distinct codes). With fewer than two distinct
referents it is not an actor (no guess).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .roles import country_of, resolve_entry

if TYPE_CHECKING:
    from .resolve import Built, Context, Item, Resolver

# noun -> (what it refers to, how the code is written)
#   persons: the persons' codes at the date; actors: countries or governments as named
GROUP_NOUNS = {
    "leaders": "persons",
    "presidents": "presidents",
    "sides": "actors",
    "countries": "countries",
    "nations": "countries",
    "governments": "governments",
}


@dataclass(frozen=True)
class GroupRef:
    """``the two <noun>`` or ``both <noun>``: tokens [start, end) and the noun's kind."""

    start: int
    end: int
    kind: str


def find_groups(doc: Doc) -> list[GroupRef]:
    """Every "the two <noun>" / "both (the) <noun>" in ``doc``, nouns of :data:`GROUP_NOUNS`."""
    out = []
    for tok in doc:
        low = tok.lower_
        if low == "two" and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
            start, noun = tok.i - 1, tok.i + 1
        elif low == "both":
            start, noun = tok.i, tok.i + 1
            if noun < len(doc) and doc[noun].lower_ == "the":
                noun += 1
        else:
            continue
        if noun < len(doc) and doc[noun].lower_ in GROUP_NOUNS:
            out.append(GroupRef(start, noun + 1, GROUP_NOUNS[doc[noun].lower_]))
    return out


def country_actor(code: str) -> bool:
    """A country or its government (what "the two sides" and "both countries" can refer to)."""
    return country_of(code) is not None and (len(code) == 3 or (len(code) == 6 and code[3:] == "GOV"))


def group_mentions(resolver: Resolver, doc: Doc, item: Item, ctx: Context) -> list[Built]:
    """"the two leaders": one mention for each of the two most recent distinct referents."""
    group = item.group
    assert group is not None
    found = _persons(resolver, ctx, group.kind) if group.kind in ("persons", "presidents") \
        else _actors(resolver, ctx, group.kind)
    if len(found) < 2:
        return []
    found = found[1::-1]  # the earlier named first
    words = doc[item.start:item.end].text
    why = f"{words}: {found[0].name} and {found[1].name}"
    for b in found:
        b.start, b.end, b.reason = item.start, item.end, why
    return found


def _persons(resolver: Resolver, ctx: Context, kind: str) -> list[Built]:
    from .resolve import Built

    out: list[Built] = []
    for index in ctx.recent:
        entry = resolver.entries[index]
        res = resolve_entry(entry, ctx.anchor)
        if res is None or res.code.startswith("-") or any(b.code == res.code for b in out):
            continue
        if kind == "presidents" and "president" not in (res.title or "").lower():
            continue
        out.append(Built(0, 0, res.code, "group", "", entry, res, entry.name, index))
        if len(out) == 2:
            break
    return out


def _actors(resolver: Resolver, ctx: Context, kind: str) -> list[Built]:
    from .resolve import Built

    out = []
    for code in ctx.actors[:2]:
        country = code[:3]
        code = {"countries": country, "governments": f"{country}GOV"}.get(kind, code)
        out.append(Built(0, 0, code, "group", "", None, None, resolver.country_names.get(country, country)))
    return out
