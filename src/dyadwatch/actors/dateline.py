"""Datelines: "CAIRO, Jan 5 (Reuters) -" opening an article is where it was filed, not an actor.

The first body sentence of an article may open with a dateline: a place of the dictionaries
(a capital, a city listed as a country's name, a country), then only capitalised words,
numbers, punctuation or a parenthesised source, then a dash. Its matches are dropped (the
capital is not the government, the news agency is not an actor), and its country is the
article's dateline country: in a sentence of the article that names no other country, a bare
domestic agent ("the army said", "police arrested") is that country's ("JERUSALEM (Reuters) -
The army said ..." -> ISRMIL). Foreigners by definition (diplomats, envoys, peacekeepers,
settlers, ...) and international agents are left bare.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .dictionary import Entry
from .matcher import Candidate
from .roles import country_of, resolve_entry

if TYPE_CHECKING:
    from .resolve import Built, Context

DASHES = {"-", "--", "—", "–", "―"}
MAX_DATELINE = 14  # tokens between the place and the dash
# agents that a dateline gives a country to: those that are normally of the country they are in
# (not rebels, militias or gunmen: often from across a border)
DOMESTIC = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "CVL", "EDU", "LAB", "BUS", "SPY",
            "ELI", "PTY", "REL", "HLH", "AGR", "PPL"}
FOREIGN_WORDS = {"diplomat", "diplomats", "envoy", "envoys", "ambassador", "ambassadors", "embassy",
                 "embassies", "delegation", "delegations", "negotiator", "negotiators", "mediator",
                 "mediators", "peacekeepers", "consulate", "consul", "settlers", "immigrants",
                 "migrants", "refugees", "tourists", "foreigners", "hostages", "missionaries", "volunteers"}


def _place_country(cand: Candidate, entries: list[Entry], ctx: Context) -> str | None:
    for f in cand.forms:
        entry = entries[f.entry]
        if entry.kind == "country" and f.form in ("name", "capital", "seat"):
            res = resolve_entry(entry, ctx.anchor)
            if res is not None and (country := country_of(res.code)):
                return country
    return None


def _dash_after(doc: Doc, start: int) -> int | None:
    """Index of the dash closing a dateline whose place ends at ``start``, or None."""
    depth = 0
    for k in range(start, min(len(doc), start + MAX_DATELINE)):
        tok = doc[k]
        if tok.text in DASHES and depth == 0 and k > start:
            return k
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif depth == 0 and not (tok.is_punct or tok.like_num or tok.text[:1].isupper()):
            return None  # a lower-case word: a sentence, not a dateline
    return None


def strip_dateline(doc: Doc, field: str, candidates: list[Candidate], entries: list[Entry], ctx: Context) -> list[Candidate]:
    """Drop the matches of a dateline opening the article's first body sentence (and note its country)."""
    if field != "body" or ctx.dateline is not None:
        return candidates
    ctx.dateline = ""  # only the first body sentence may have one
    first = [c for c in candidates if c.start == 0]
    if not first:
        return candidates
    place = max(first, key=lambda c: c.end)
    country = _place_country(place, entries, ctx)
    dash = _dash_after(doc, place.end) if country else None
    if dash is None:
        return candidates
    ctx.dateline = country or ""
    return [c for c in candidates if c.start > dash]


def fill_from_dateline(doc: Doc, built: list[Built], ctx: Context) -> list[Built]:
    """In a sentence naming no other country, bare domestic agents are the dateline country's."""
    if not ctx.dateline or any(country_of(b.code) not in (None, ctx.dateline) for b in built):
        return built
    out = []
    for b in built:
        words = {t.lower_ for t in doc[b.start:b.end]}
        if b.kind == "agent" and b.entry is not None and b.entry.kind == "agent" and b.code in DOMESTIC \
                and not words & FOREIGN_WORDS:
            why = f"{doc[b.start:b.end].text}: agent {b.code} of the dateline country {ctx.dateline} (no country in the sentence)"
            b = replace(b, code=f"{ctx.dateline}{b.code}", reason=why)
        out.append(b)
    return out
