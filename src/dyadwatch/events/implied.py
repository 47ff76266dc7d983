"""Rules applied to a found event as a whole: implied targets, unilateral exercises,
deployments at home.

Implied targets follow CAMEO's convention for domestic protest.

A protest, strike, sit-in or riot (CAMEO 14) by a group of a country that names no
target is directed at that country's government: "opposition parties in Nepal
organized a general strike" is NPLOPP -> NPLGOV. The target is implied, not read
from words, so it carries no span (``kind="implied"``) and its ``reason`` says so.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import ActorMention
from .clause import Found

# sectors that protest against their own government; a government does not
_NON_STATE = frozenset({"CVL", "OPP", "REB", "EDU", "LAB", "REL", "AGR", "BUS", "MED", "REF", "ELI", "HLH", "JUD", "LEG"})
REASON = "implied target: a domestic protest is directed at its country's government (CAMEO convention)"


def _protester(m: ActorMention) -> bool:
    if not m.country or m.kind in ("igo", "ngo"):
        return False
    if m.code == m.country:  # "Iraqi Kurds", "Algerians": the people of the country
        return m.kind == "country"
    return (m.agent or m.code[3:6]) in _NON_STATE


def implied_government(source: ActorMention) -> ActorMention:
    country = source.country or source.code[:3]
    return ActorMention(
        text="", start=source.start, end=source.start, sentence_index=source.sentence_index,
        code=f"{country}GOV", country=country, agent="GOV", kind="implied", reason=REASON,
        field=source.field,
    )  # fmt: skip


def add_implied_targets(found: Found) -> None:
    """Give a target-less domestic protest its implied target (in place)."""
    if found.targets or not found.code.startswith("14") or len(found.sources) != 1:
        return
    src = found.sources[0]
    if _protester(src):
        found.targets = [implied_government(src)]
        found.notes.append(REASON)


_EXERCISES = frozenset({"exercise", "exercises", "drill", "drills", "games", "manoeuvres", "maneuvers"})
_JOINT = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational"})


def unilateral_exercise(found: Found, doc: Doc) -> None:
    """Military exercises are cooperation (062) when held together ("joint exercises", "X and
    Y held drills", "drills with X"); held by one side ("China staged drills around Taiwan")
    they are a show of military force (150)."""
    if found.code != "062" or len(found.sources) != 1:
        return
    nouns = [doc[i] for i in found.trigger if doc[i].lower_ in _EXERCISES]
    if not nouns:
        return
    words = {t.lower_ for n in nouns for t in n.subtree} | {t.lower_ for i in found.trigger for t in doc[i].children}
    if words & _JOINT or "with" in words:
        return
    found.code = "150"
    found.notes.append("exercises held by one side: a show of force (150)")


def deployment_at_home(found: Found, doc: Doc) -> None:
    """Troops or police sent abroad on a security mission are aid (074); sent with no foreign
    destination ("sent police reinforcements into Soweto", the source's own town, which is no
    target) they are a mobilization: 153 for police, 154 for armed forces."""
    if not found.code.startswith("074"):
        return
    home = {s.country for s in found.sources if s.country}
    if found.targets and not (home and all(t.country in home for t in found.targets)):
        return  # sent abroad: aid
    found.targets = []  # the forces sent are not a target
    words = {t.lower_ for i in found.trigger for c in doc[i].children if c.dep_ == "dobj" for t in c.subtree}
    found.code = "153" if "police" in words else "154"
    found.notes.append("forces sent at home: a mobilization")
