"""In-document resolution: dictionary matches of one sentence -> ActorMentions.

Rules, in order: the longest dictionary match wins; a country (name, adjective
or demonym) followed by an agent noun is the country + agent ("South Korean
lawmakers" -> KORLEG, "China's foreign ministry" -> CHNGOV); a title with a
country ("the Chinese president") is the office holder at the date; a title or a
country adjective right before a person's name is absorbed by the person; a
capital or seat of power is the government unless it follows a locative
preposition; short names and pronouns resolve to the last person named in the
article (pronouns by gender).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ..model import ActorMention, Sentence
from .dateline import fill_from_dateline, strip_dateline
from .dictionary import Entry
from .ethnic import GroupRules, split_agents
from .groups import GroupRef, country_actor, find_groups, group_mentions
from .matcher import Candidate, Form, Matcher
from .roles import (
    TITLE_WORDS,
    OfficeIndex,
    Resolution,
    country_of,
    describe,
    is_gov,
    resolve_entry,
    titled_role,
)

FORM_PRIORITY = {"discard": 9, "name": 8, "capital": 7, "seat": 7, "adjective": 6, "demonym": 5, "word": 3, "short": 2}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(PRONOUNS) + r")\b", re.I)
LOCATIVES = {"in", "at", "near", "outside", "around", "across", "throughout", "inside", "within", "into", "of"}
JOINERS = {"and", "or", ",", "&"}
POSSESSIVES = {"'s", "’s", "'", "’"}
MAX_FILLERS = 2
# agents that "<agent> in <country>" makes that country's ("rebels in Ivory Coast", "opposition
# parties in Nepal"); not troops, officials or diplomats, who are often foreign to where they are
IN_COUNTRY_AGENTS = {"REB", "OPP", "CVL", "LAB", "EDU", "AGR", "REL", "COP", "JUD", "LEG"}
# "<x> leader <name>" that is not the head of a state or government
NOT_GOV_LEADERS = {"opposition", "rebel", "rebels", "party", "militia", "guerrilla", "union", "religious", "spiritual",
                   "student", "protest", "movement", "group", "faction", "separatist", "insurgent", "militant"}
# ... except people who by definition come from elsewhere ("settlers in the West Bank")
NOT_NATIVE = {"settler", "settlers", "colonist", "colonists", "immigrant", "immigrants", "migrant", "migrants",
              "expatriate", "expatriates", "foreigner", "foreigners", "tourist", "tourists", "refugee", "refugees",
              "missionary", "missionaries", "volunteer", "volunteers", "hostage", "hostages"}
FORMER = {"former", "ex", "onetime", "erstwhile"}
LOCATED = {"based", "born", "headquartered", "registered"}
PERSONS = ("person", "short")
SHORT_WHY = {"short": " (title and short name)"}
# title words that can stand right before a surname ("President Lee", "Prime Minister Kishida")
TITLE_HEADS = {"president", "minister", "premier", "chancellor", "secretary", "leader", "king", "queen",
               "emperor", "general", "senator", "governor", "ambassador", "chairman", "chairwoman", "envoy"}
# words that follow a nationality used as a noun ("the French say", "the British and ...")
NOUN_FOLLOWERS = {"and", "or", "who", "are", "were", "have", "had", "say", "said", "will", "would", "want", "wanted"}
MODIFIER_OK = {"armed", "retired", "exiled", "jailed", "detained", "elected", "ruling", "leading", "governing", "striking", "visiting"}
# lower-case words that can stand between a country adjective and its agent noun ("Chinese state media")
FILLER_STOP = {
    "and", "or", "but", "said", "says", "say", "to", "of", "the", "a", "an", "that", "which", "who",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "on", "in", "at", "for", "with",
    "by", "as", "not", "it", "its", "their", "this", "these", "those", "from", "after", "before",
}


def _modifier(word: str) -> bool:
    """Could ``word`` modify an agent noun? Lower-case, not a function word, not a verb form."""
    low = word.lower()
    if not (word.isalpha() and word.islower()) or low in FILLER_STOP:
        return False
    return low in MODIFIER_OK or not low.endswith(("ed", "ing"))


@dataclass
class Context:
    """Per-document state: the article date and the persons named so far (most recent first)."""

    anchor: dt.date | None
    recent: list[int] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # countries/governments named, most recent first
    titled: dict[int, Resolution] = field(default_factory=dict)  # person -> the role a title in the text gave
    dateline: str | None = None  # country of the article's dateline ("" none; None: no body sentence yet)

    def saw(self, index: int) -> None:
        if index in self.recent:
            self.recent.remove(index)
        self.recent.insert(0, index)

    def saw_actor(self, code: str) -> None:
        """A country or government named (one place per country: "Seoul" after "South Korea")."""
        self.actors = [code, *(c for c in self.actors if c[:3] != code[:3])]


@dataclass
class Item:
    """A selected piece of the sentence: a dictionary form or a pronoun, tokens [start, end)."""

    start: int
    end: int
    form: str
    entry: int | None = None
    note: str = ""  # a short name resolved as the only holder of a head office: that role's title
    group: GroupRef | None = None


@dataclass
class Built:
    """What one item (or a combination of items) resolves to, before it becomes an ActorMention."""

    start: int
    end: int
    code: str
    kind: str
    reason: str
    entry: Entry | None = None
    res: Resolution | None = None
    name: str | None = None
    person: int | None = None


class Resolver:
    """Resolves the dictionary matches of each sentence, keeping per-document context."""

    def __init__(self, entries: Sequence[Entry], matcher: Matcher, offices: OfficeIndex) -> None:
        self.entries = list(entries)
        self.matcher = matcher
        self.offices = offices
        self.agent_vocabulary = {w for e in self.entries if e.kind == "agent" for p in e.words for w in p.lower().split()}
        self.country_names = {e.code: e.name for e in self.entries if e.kind == "country" and e.code and len(e.code) == 3}
        self.groups = GroupRules(self)

    # ---- selection -------------------------------------------------------------------------
    def _rank(self, form: Form, ctx: Context) -> tuple[bool, int, int, int, int]:
        entry = self.entries[form.entry]
        recency = -ctx.recent.index(form.entry) if form.entry in ctx.recent else -10**6
        valid = ctx.anchor is None or entry.exists_on(ctx.anchor)
        return (valid, entry.layer, FORM_PRIORITY.get(form.form, 0), recency, form.entry)

    def select(self, doc: Doc, candidates: list[Candidate], ctx: Context) -> list[Item]:
        """Longest match wins; among the forms of one span, the best ranked usable one.

        A short name is usable for a person named earlier in the article or sentence, or
        right after a title for a person holding a role with that title on the date
        ("Prime Minister Kishida" as a first mention).
        """
        named_at: dict[int, int] = {}
        for cand in candidates:
            for f in cand.forms:
                if f.form == "name" and self.entries[f.entry].kind == "person":
                    named_at[f.entry] = min(named_at.get(f.entry, cand.start), cand.start)
        taken: set[int] = set()
        items = []
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
            forms = [f for f in cand.forms if f.form != "short" or f.entry in ctx.recent
                     or named_at.get(f.entry, len(candidates) + 10**6) < cand.start]
            if not any(f.form == "short" for f in forms):
                forms += self._titled_shorts(doc, cand, ctx)
            note = ""
            if not forms:
                forms, note = self._office_short(doc, cand, ctx)
            if not forms or taken.intersection(range(cand.start, cand.end)):
                continue
            best = max(forms, key=lambda f: self._rank(f, ctx))
            taken.update(range(cand.start, cand.end))
            items.append(Item(cand.start, cand.end, best.form, best.entry, note))
        return sorted(items, key=lambda i: i.start)

    def _titled_shorts(self, doc: Doc, cand: Candidate, ctx: Context) -> list[Form]:
        """Short forms right after a title word, for persons holding such a role on the date."""
        if cand.start == 0 or doc[cand.start - 1].lower_ not in TITLE_HEADS:
            return []
        title = doc[cand.start - 1].lower_
        holders, titled = [], []
        for f in cand.forms:
            if f.form != "short":
                continue
            res = resolve_entry(self.entries[f.entry], ctx.anchor)
            if res is None or res.role is None:
                continue
            holders.append(f)
            if title in (res.title or "").lower():
                titled.append(f)
        found = titled or holders
        return found if len(found) == 1 else []  # ambiguous: not an actor

    def _office_short(self, doc: Doc, cand: Candidate, ctx: Context) -> tuple[list[Form], str]:
        """A bare surname not named earlier: the person it is the short form of, when that person
        is the only one holding a head-of-state/government office on the date and no other
        person with that short form holds any current (non-former) role. ([], "") otherwise."""
        shorts = [f for f in cand.forms if f.form == "short"]
        if not shorts or not self._bare_surname(doc, cand):
            return [], ""
        heads = {f.entry: role for f in shorts if (role := self.offices.head_role(f.entry, ctx.anchor)) is not None}
        if not heads and len({f.entry for f in shorts}) == 1:
            # a surname only one person in the dictionary has ("Lavrov", "Blinken"), in office on the date
            res = resolve_entry(self.entries[shorts[0].entry], ctx.anchor)
            if res is not None and res.role is not None and res.code[3:6] not in ("", "ELI"):
                return shorts[:1], res.title or res.code
        if len(heads) != 1:
            return [], ""
        (index, role), = heads.items()
        if any(f.entry != index and self._active(self.entries[f.entry], ctx.anchor) for f in shorts):
            return [], ""
        return [f for f in shorts if f.entry == index][:1], role.title or role.code

    @staticmethod
    def _active(entry: Entry, day: dt.date | None) -> bool:
        """Does ``entry`` hold a current role on ``day`` (a former office holder does not)?"""
        return any((r.covers(day) if day is not None else r.end is None) and r.code[3:6] != "ELI" for r in entry.roles)

    @staticmethod
    def _bare_surname(doc: Doc, cand: Candidate) -> bool:
        """A capitalised word standing alone as a name: not part of a longer name ("Brown
        University", "Bob Brown"), not a function word ("May"), not next to a number ("May 2018"),
        not after an article ("the Moon") unless an agent noun follows ("the Trump administration")."""
        words = doc[cand.start:cand.end]
        before = doc[cand.start - 1] if cand.start > 0 else None
        after = doc[cand.end] if cand.end < len(doc) else None
        if any(t.is_stop for t in words) or any(t is not None and t.like_num for t in (before, after)):
            return False
        if after is not None and after.is_alpha and after.text[:1].isupper():
            return False
        if before is not None and before.is_alpha and before.text[:1].isupper() and not before.is_stop:
            return False
        if before is not None and before.lower_ in ("the", "a", "an"):
            return after is not None and after.lower_ in ("administration", "government", "cabinet", "camp")
        return True

    def pronouns(self, doc: Doc, items: list[Item], ctx: Context, text: str | None = None) -> list[Item]:
        """Pronouns and group references ("the two leaders") not covered by a name; a group
        reference replaces agent nouns inside it ("leaders")."""
        groups = [Item(g.start, g.end, "group", group=g) for g in find_groups(doc)]
        grouped = {i for g in groups for i in range(g.start, g.end)}
        items = [it for it in items if not grouped.intersection(range(it.start, it.end)) or self._kind(it) != "agent"]
        groups = [g for g in groups if not any(it.start < g.end and g.start < it.end for it in items)]
        taken = {i for it in [*items, *groups] for i in range(it.start, it.end)}
        extra = [Item(t.i, t.i + 1, "pronoun") for t in doc if t.lower_ in PRONOUNS and t.i not in taken] \
            if _PRONOUN_RE.search(doc.text if text is None else text) else []  # most have none: skip the walk
        return sorted(items + groups + extra, key=lambda i: i.start)

    # ---- the public step -----------------------------------------------------------------------
    def find(self, doc: Doc, sentence: Sentence, ctx: Context) -> list[ActorMention]:
        candidates = strip_dateline(doc, sentence.field, split_agents(self.matcher.find(doc), self.entries), self.entries, ctx)
        items = self.pronouns(doc, self.select(doc, candidates, ctx), ctx, sentence.text)
        built = fill_from_dateline(doc, self.combine(doc, items, ctx), ctx)
        return [self.mention(doc, sentence, b) for b in built]

    # ---- combination ---------------------------------------------------------------------------
    def _kind(self, item: Item) -> str:
        """country | person | agent | place | ethnic | other | pronoun | short | discard."""
        if item.form in ("pronoun", "short", "discard", "group"):
            return item.form
        entry = self.entries[item.entry] if item.entry is not None else None
        if entry is None:
            return "other"
        if item.form in ("capital", "seat"):
            return "place"
        if entry.kind == "agent":
            return "agent"
        if entry.kind in ("person", "ethnic"):
            return entry.kind
        if entry.kind in ("country", "igo") or (entry.code and len(entry.code) == 3 and country_of(entry.code) and not entry.roles):
            return "country"
        return "other"

    def _gap_ok(self, doc: Doc, item: Item, end: int) -> bool:
        """Tokens between a country and an agent noun: nothing, a possessive, or a few modifiers.

        Modifiers ("Chinese state media", "Japan's new prime minister") may follow an
        adjective or a possessive, never a bare name or a demonym ("Iraq despite ...").
        """
        gap = list(doc[item.end:end])
        possessive = bool(gap) and gap[0].text in POSSESSIVES
        if possessive:
            gap = gap[1:]
        if not gap:
            return True
        words = [t for t in gap if t.text != "-"]  # "state-run", "pro-democracy"
        hyphens_inside = all(0 < k < len(gap) - 1 for k, t in enumerate(gap) if t.text == "-")
        compound = len(gap) == 3 and gap[1].text == "-" and all(_modifier(t.text) for t in words)
        if [t.lower_ for t in gap] in (["pro", "-"], ["anti", "-"]) or compound:
            return True  # "Hong Kong pro-democracy activists", "US anti-war lawmakers"
        if item.form != "adjective" and not possessive:
            return False
        return hyphens_inside and len(words) <= MAX_FILLERS + 1 and all(_modifier(t.text) for t in words)

    def combine(self, doc: Doc, items: list[Item], ctx: Context) -> list[Built]:
        out: list[Built] = []
        kinds = [self._kind(it) for it in items]
        used = [False] * len(items)
        for i in range(len(items)):
            if used[i]:
                continue
            if kinds[i] == "group":
                out.extend(group_mentions(self, doc, items[i], ctx))
                continue
            built = self._combine_at(doc, items, kinds, used, i, ctx)
            if built is not None and out and built.kind == "agent" and built.entry is not None \
                    and built.entry.kind == "agent":
                built = self._persons_agent(doc, out[-1], built)
            if built is not None:
                out.append(built)
                if country_actor(built.code) and built.kind != "place":
                    ctx.saw_actor(built.code)
        return out

    def _persons_agent(self, doc: Doc, owner: Built, agent: Built) -> Built:
        """"Lee's government", "Putin's spokesman": the agent noun of a person's country."""
        between = [t.text for t in doc[owner.end:agent.start]]
        country = country_of(owner.code)
        if owner.person is None or not country or not between or between[0] not in POSSESSIVES \
                or not all(_modifier(w) for w in between[1:]) or len(between) > 1 + MAX_FILLERS:
            return agent
        code = self._agent_code(country, agent.entry)  # type: ignore[arg-type]
        why = f"{doc[agent.start:agent.end].text} of {owner.name} ({country}): {code}"
        return Built(agent.start, agent.end, code, "agent", why, agent.entry, None, self.country_names.get(country))

    def _next(self, items: list[Item], used: list[bool], i: int) -> int | None:
        j = i + 1
        return j if j < len(items) and not used[j] else None

    def _combine_at(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int, ctx: Context) -> Built | None:
        """The mention starting with item ``i``, absorbing the items that belong to it."""
        used[i] = True
        kind = kinds[i]
        if kind in ("place", "country") and self._located(doc, items[i]):  # "a Beijing-based analyst"
            return self._from_located(doc, items, kinds, used, i, ctx)
        if kind in ("ethnic", "country"):  # "Iraqi Kurds", "ethnic Albanians", "Kurdish rebels"
            group = self.groups.build(doc, items, kinds, used, i, ctx)
            if group is not None or kind == "ethnic":
                return group.built() if group is not None else None
        if kind in ("place", "country"):
            built = self._from_country(doc, items, kinds, used, i, ctx)
            if built is not None:
                return built
        if kind == "agent":
            return self._from_agent(doc, items, kinds, used, i, ctx)
        return self._single(doc, items[i], kind, ctx)

    def _person_after(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], last: int, start: int, ctx: Context,
                      by_country: bool = False) -> Built | None:
        """A person named right after item ``last`` (a title): the person, spanning from ``start``."""
        k = self._next(items, used, last)
        if k is None or kinds[k] not in PERSONS or items[k].start != items[last].end:
            return None
        used[k] = True
        built = self._person(items[k], ctx, start=start, kind=kinds[k], why=SHORT_WHY.get(kinds[k], ""))
        return self._as_titled(doc, built, start, items[k].start, ctx, by_country)

    @staticmethod
    def _as_titled(doc: Doc, built: Built | None, start: int, name_start: int, ctx: Context, by_country: bool = False) -> Built | None:
        """"President Saddam Hussein": a current title written before the name is the role the
        text gives the person, when the date gives another one (a former or earlier post)."""
        words = {t.lower_ for t in doc[start:name_start]}
        if built is None or built.entry is None or words & FORMER \
                or {t.lower_ for t in doc[max(0, start - 2):start]} & FORMER:
            return built
        heads = (words & TITLE_HEADS) - {"leader", "general"}
        # "South African leader": a country's leader is its head (a party's leader is not: "Labour leader")
        leader = by_country and not heads and "leader" in words and not words & NOT_GOV_LEADERS
        current = (built.res.title or "").lower() if built.res else ""
        if leader and is_gov(built.code) or not (heads or leader):
            return built
        if current and not current.startswith("former") and any(re.search(rf"\b{h}\b", current) for h in heads):
            return built
        res = titled_role(built.entry, heads, ctx.anchor, gov=leader)
        if res is None:
            return built
        if built.person is not None:
            ctx.titled[built.person] = res
        reason = describe(built.entry, res) + f" (title {doc[start:name_start].text!r} in the text)"
        return replace(built, code=res.code, res=res, reason=reason)

    def _from_located(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int, ctx: Context) -> Built | None:
        item, j = items[i], self._next(items, used, i)
        if j is None or kinds[j] != "agent" or items[j].start != item.end + 2:
            return None
        end_item, agent = self._agent_run(doc, items, kinds, used, j)
        return self._country_agent(doc, item, items[j].start, items[end_item].end, agent, ctx)

    def _from_country(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int, ctx: Context) -> Built | None:
        """A country or capital followed by a person, a title or an agent noun; None: it stands alone."""
        item, j = items[i], self._next(items, used, i)
        if j is None:
            return None
        if kinds[i] == "place":  # "a Seoul court"
            if kinds[j] != "agent" or items[j].start != item.end:
                return None
            end_item, agent = self._agent_run(doc, items, kinds, used, j)
            return self._country_agent(doc, item, items[j].start, items[end_item].end, agent, ctx)
        shared = self._shared_agent(doc, items, kinds, i)
        if shared is not None:  # "Chinese and Russian troops": the first adjective takes the noun too
            a = items[shared]
            return self._country_agent(doc, item, a.start, a.end, self.entries[a.entry], ctx, span=(item.start, item.end))  # type: ignore[index]
        if kinds[j] == "person" and self._gap_ok(doc, item, items[j].start):
            used[j] = True
            return self._as_titled(doc, self._person(items[j], ctx, start=item.start), item.start, items[j].start, ctx, True)
        if kinds[j] == "agent" and self._title_words(doc, item.end, items[j].start):
            person = self._person_after(doc, items, kinds, used, j, item.start, ctx, True)
            if person is not None:  # "Indian External Affairs Minister S. Jaishankar"
                used[j] = True
                return person
        if kinds[j] == "agent" and self._gap_ok(doc, item, items[j].start):
            end_item, agent = self._agent_run(doc, items, kinds, used, j)
            person = self._for_igo(doc, item, self._person_after(doc, items, kinds, used, end_item, item.start, ctx, True), ctx)
            return person or self._country_agent(doc, item, items[j].start, items[end_item].end, agent, ctx)
        return None

    def _for_igo(self, doc: Doc, item: Item, person: Built | None, ctx: Context) -> Built | None:
        """"U.N. mediator Diego Cordovez": a person the text introduces by an IGO's title acts for
        that IGO, whatever role the dictionary gives him at the date."""
        org = self.entries[item.entry]  # type: ignore[index]
        res = resolve_entry(org, ctx.anchor)
        if person is None or org.kind != "igo" or res is None or person.code.startswith(res.code[:3]):
            return person
        why = f"{person.name}: {doc[person.start:person.end].text!r} in the text, acting for {org.name} ({res.code})"
        return replace(person, code=res.code, res=None, reason=why)

    def _from_agent(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int, ctx: Context) -> Built | None:
        """An agent noun: a title before a name, "<agent> of <country>", or the bare agent."""
        item = items[i]
        end_item, agent = self._agent_run(doc, items, kinds, used, i)
        person = self._person_after(doc, items, kinds, used, end_item, item.start, ctx)
        if person is not None:
            return person
        k = self._next(items, used, end_item)
        native = not {t.lower_ for t in doc[item.start:items[end_item].end]} & NOT_NATIVE
        if k is not None and kinds[k] == "country" and self._of_between(doc, items[end_item].end, items[k].start, agent, native):
            used[k] = True
            return self._country_agent(doc, items[k], item.start, items[end_item].end, agent, ctx, span=(item.start, items[k].end))
        return self._agent_alone(doc, item.start, items[end_item].end, agent)

    @staticmethod
    def _located(doc: Doc, item: Item) -> bool:
        """"<place>-based", "<place>-born": a place describing where someone is, not an actor."""
        return item.end + 1 < len(doc) and doc[item.end].text == "-" and doc[item.end + 1].lower_ in LOCATED

    def _shared_agent(self, doc: Doc, items: list[Item], kinds: list[str], i: int) -> int | None:
        """Index of the agent noun that adjectives joined by "and"/","/"or" share, if any."""
        m = i
        while m + 1 < len(items) and kinds[m + 1] == "country" and items[m].form == "adjective" \
                and {t.lower_ for t in doc[items[m].end:items[m + 1].start]} <= JOINERS \
                and items[m].end < items[m + 1].start:
            m += 1
        if m == i or m + 1 >= len(items) or kinds[m + 1] != "agent":
            return None
        return m + 1 if self._gap_ok(doc, items[m], items[m + 1].start) else None

    @staticmethod
    def _former(doc: Doc, country_start: int, agent_start: int) -> bool:
        """"the former South Korean president", "Russia's former defence minister", "ex-Chinese premier"."""
        before = [t.lower_ for t in doc[max(0, country_start - 2):country_start]]
        gap = [t.lower_ for t in doc[country_start:agent_start]]
        return bool(FORMER & set(gap)) or (bool(before) and (before[-1] in FORMER or before[-2:] == ["ex", "-"]))

    def _title_words(self, doc: Doc, start: int, end: int) -> bool:
        """A few capitalised words of agent vocabulary between a country and "Minister <name>"
        ("Indian External Affairs Minister S. Jaishankar"), not a headline verb."""
        gap = [t for t in doc[start:end] if t.text not in POSSESSIVES]
        return 0 < len(gap) <= 3 and all(
            t.is_alpha and t.text[:1].isupper() and t.lower_ in self.agent_vocabulary for t in gap)

    def _of_between(self, doc: Doc, start: int, end: int, agent: Entry | None = None, native: bool = False) -> bool:
        words = [t.lower_ for t in doc[start:end]]
        if words in (["of"], ["of", "the"], ["for"]):
            return True
        return words in (["in"], ["in", "the"]) and agent is not None and native \
            and (agent.code or "").strip("~") in IN_COUNTRY_AGENTS

    def _agent_run(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int) -> tuple[int, Entry]:
        """Adjacent agent nouns ("military officials"): the modifier's agent wins unless it is GOV."""
        agents = [self.entries[items[i].entry]]  # type: ignore[index]
        used[i] = True
        last = i
        while (j := self._next(items, used, last)) is not None and kinds[j] == "agent" and items[j].start == items[last].end:
            used[j] = True
            agents.append(self.entries[items[j].entry])  # type: ignore[index]
            last = j
        chosen = next((a for a in agents if (a.code or "").strip("~") != "GOV"), agents[-1])
        return last, chosen

    # ---- builders ------------------------------------------------------------------------------
    def _person(self, item: Item, ctx: Context, start: int | None = None, kind: str = "person", why: str = "") -> Built | None:
        entry = self.entries[item.entry]  # type: ignore[index]
        res = ctx.titled.get(item.entry) or resolve_entry(entry, ctx.anchor)  # type: ignore[arg-type]
        if res is None or res.code.startswith("-"):
            return None
        ctx.saw(item.entry)  # type: ignore[arg-type]
        reason = describe(entry, res) + why
        return Built(item.start if start is None else start, item.end, res.code, kind, reason, entry, res, entry.name, item.entry)

    def _single(self, doc: Doc, item: Item, kind: str, ctx: Context) -> Built | None:
        if kind in ("discard",):
            return None
        if kind == "pronoun":
            return self._pronoun(doc, item, ctx)
        if kind == "short":
            word = doc[item.start:item.end].text
            if item.note:
                return self._office_holder(item, word, ctx)
            return self._person(item, ctx, kind="short", why=f" (short name {word!r} of the person named earlier)")
        if kind == "person":
            return self._person(item, ctx)
        entry = self.entries[item.entry]  # type: ignore[index]
        res = resolve_entry(entry, ctx.anchor)
        if res is None or res.code.startswith("-"):
            return None
        if kind == "place":
            prev = doc[item.start - 1].lower_ if item.start > 0 else ""
            if prev in LOCATIVES:  # "arrived in Amman": a place, no actor (kind "place", see docs/actors.md)
                country = country_of(res.code)
                where = f"{doc[item.start:item.end].text}: {item.form} of {entry.name}, a place after {prev!r}"
                return Built(item.start, item.end, country, "place", where, entry, None, entry.name) if country else None
            code = f"{res.code[:3]}GOV" if country_of(res.code) else res.code
            why = f"{doc[item.start:item.end].text}: {item.form} of {entry.name}, stands for its government"
            return Built(item.start, item.end, code, "capital", why, entry, None, entry.name)
        if kind == "agent":
            return self._agent_alone(doc, item.start, item.end, entry)
        if item.form in ("demonym", "adjective", "name") and entry.demonyms and self._plural_demonym(doc, item, entry) \
                and country_of(res.code) and len(res.code) == 3:
            why = f"{doc[item.start:item.end].text}: people of {entry.name} (civilians)"
            return Built(item.start, item.end, f"{res.code[:3]}CVL", "country", why, entry, None, entry.name)
        ekind = entry.kind if entry.kind in ("country", "igo", "nonstate", "person") else "agent"
        return Built(item.start, item.end, res.code, ekind, describe(entry, res), entry, res, entry.name)

    def _office_holder(self, item: Item, word: str, ctx: Context) -> Built | None:
        """A bare surname resolved as the only holder of a head office with that short form."""
        built = self._person(item, ctx, kind="short")
        if built is not None:
            when = f"on {ctx.anchor.isoformat()}" if ctx.anchor else "now (no date given)"
            built.reason = f"{word}: the only {word} in office {when}: {built.name}, {item.note}"
        return built

    @staticmethod
    def _plural_demonym(doc: Doc, item: Item, entry: Entry) -> bool:
        """"South Koreans", or a nationality used as a noun: "the French" (then nothing, a verb...)."""
        words = [t.lower_ for t in doc[item.start:item.end]]
        the = words[0] == "the" or (item.start > 0 and doc[item.start - 1].lower_ == "the")
        text = " ".join(words[1:] if words[0] == "the" else words)
        adjectives = {a.lower() for a in entry.adjectives}
        demonyms = {d.lower() for d in entry.demonyms}
        if text in demonyms and text not in adjectives and text.endswith("s"):
            return True
        after = doc[item.end] if item.end < len(doc) else None
        return (the and text in demonyms | adjectives
                and (after is None or after.is_punct or after.lower_ in NOUN_FOLLOWERS))

    def _pronoun(self, doc: Doc, item: Item, ctx: Context) -> Built | None:
        gender = PRONOUNS[doc[item.start].lower_]
        for index in ctx.recent:
            entry = self.entries[index]
            if entry.gender == gender:
                why = f" (pronoun {doc[item.start].text!r}: the last {'man' if gender == 'm' else 'woman'} named)"
                return self._person(Item(item.start, item.end, "pronoun", index), ctx, kind="pronoun", why=why)
        return None

    def _agent_code(self, country: str, agent: Entry) -> str:
        code = agent.code or ""
        if code.endswith("~"):  # an agent written before the country: NGO~ + SYR -> NGOSYR
            return code[:-1] + country
        return country + code

    def _agent_alone(self, doc: Doc, start: int, end: int, agent: Entry) -> Built | None:
        if start > 0 and doc[start].text[:1].isupper() and not doc[start - 1].is_punct:
            return None  # a capitalised word inside the sentence is a name ("Workers' Party"), not an agent
        code = (agent.code or "").strip("~")
        why = f"{doc[start:end].text}: agent {code} ({agent.name}) with no country named"
        return Built(start, end, code, "agent", why, agent, None, None)

    def _country_agent(self, doc: Doc, country_item: Item, a_start: int, a_end: int, agent: Entry, ctx: Context, span: tuple[int, int] | None = None) -> Built | None:
        entry = self.entries[country_item.entry]  # type: ignore[index]
        res = resolve_entry(entry, ctx.anchor)
        if res is None or res.code.startswith("-"):
            return None
        start, end = span or (country_item.start, a_end)
        words = doc[a_start:a_end].text.lower()
        country = country_of(res.code)
        if country and len(res.code) == 3 and (agent.code or "").startswith("GOV") \
                and self._former(doc, country_item.start, a_start):
            why = f"{doc[start:end].text}: a former office holder of {entry.name} ({country}ELI)"
            return Built(start, end, f"{country}ELI", "agent", why, entry, None, entry.name)
        if not country or len(res.code) != 3:  # an IGO or an actor with its own agent keeps its code
            why = f"{describe(entry, res)} ({words!r} is part of the mention)"
            return Built(start, end, res.code, entry.kind, why, entry, res, entry.name)
        office = TITLE_WORDS.get(words)
        if office and country and len(res.code) == 3:
            return self._title(start, end, country, office, words, entry, ctx)
        code = self._agent_code(res.code, agent)
        why = f"{doc[start:end].text}: {entry.name} ({res.code}) + {words} ({(agent.code or '').strip('~')})"
        return Built(start, end, code, "agent", why, entry, None, entry.name)

    def _title(self, start: int, end: int, country: str, office: str, words: str, entry: Entry, ctx: Context) -> Built:
        found = self.offices.holder(country, office, ctx.anchor)
        code = f"{country}GOV"
        if found is None:
            why = f"{words} of {entry.name}: government office (holder on the date not in the dictionary)"
            return Built(start, end, code, "title", why, entry, None, entry.name)
        index, role = found
        holder = self.entries[index]
        ctx.saw(index)
        res = Resolution(code, role, role.title or None, role.start, role.end)
        why = f"{words} of {entry.name} -> {describe(holder, res)}"
        return Built(start, end, code, "title", why, holder, res, holder.name, index)

    # ---- output ----------------------------------------------------------------------------------
    def mention(self, doc: Doc, sentence: Sentence, b: Built) -> ActorMention:
        span = doc[b.start:b.end]
        start = sentence.start + span.start_char
        country = country_of(b.code)
        agent = b.code[3:6] if country and len(b.code) >= 6 else (b.code[:3] if b.kind == "agent" and not country else None)
        res = b.res
        return ActorMention(
            span.text, start, start + len(span.text), sentence.index, b.code,
            country=country, agent=agent, name=b.name or (self.country_names.get(country) if country else None),
            role=res.title if res else None, kind=b.kind,
            entity_id=f"{b.entry.kind}:{b.entry.name}" if b.entry is not None and b.kind != "agent" else None,
            valid_from=res.valid_from.isoformat() if res and res.valid_from else None,
            valid_to=res.valid_to.isoformat() if res and res.valid_to else None,
            reason=b.reason, field=sentence.field,
        )
