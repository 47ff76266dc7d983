"""Ethnic and religious groups: "Iraqi Kurds" -> IRQCVLKUR, "Ibo elders" -> NGAELIIBO.

A group phrase is a group word (``data/ethnic.txt``: Kurds, Kurdish, Moslem, Ibo, ...), or a
nationality marked as a group ("ethnic Albanians", "Croatian Serb refugees", "Kosovo
Albanians", "the Albanian population"), with the agent noun after it ("Kurdish rebels" REB, "Moslem fundamentalist
demonstrators" CVL, "Ibo traditional elders" ELI; none: the people, CVL). Its code is
``<country><agent><group>`` (``<country><agent>`` when the group is the country's own nation,
"ethnic Albanians in Albania" ALBCVL). The country, first found wins:

1. settlers or immigrants of a group with a home country live there ("Jewish settlers in the
   West Bank", "Russian Jewish immigrants": ISR);
2. a country written right before the group ("Iraqi Kurds", "Croatian Serb refugees");
3. "in/of/from <country>" right after the phrase ("Kurds in Turkey"), absorbed in the mention;
4. the group's home country (Ibo, Yoruba, Hausa: NGA; Tamils: LKA), unless "ethnic" marks a
   minority;
5. a country the sentence places things in ("ethnic Albanians demonstrated ... in Serbia");
   a nationality's "population/minority/community" stops here with its own country;
6. the only country actor of the sentence ("Egyptian police ... Moslem demonstrators": EGY);
7. the article's dateline country ("CAIRO (Reuters) - ..."), else the only country named so far
   in the article, when the sentence names no other;
otherwise the group has no country (code ``<agent><group>``, an agent the event coder skips).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .dictionary import Entry
from .matcher import Candidate
from .roles import country_of, resolve_entry

if TYPE_CHECKING:
    from .resolve import Built, Context, Item, Resolver

MINORITY = {"ethnic"}
# a nationality before these names a group that may live elsewhere ("the Albanian population of
# the province", "the Turkish community in Germany"); alone it stays the nation's own people
POPULATION = {"population", "populations", "minority", "minorities", "community", "communities"}
MIGRANTS = {"settler", "settlers", "immigrant", "immigrants", "colonist", "colonists", "migrant", "migrants"}
# the agent noun of a group's notables: elites, not a government ("Yoruba leaders", "Hausa politicians")
ELITE_WORDS = {"leader", "leaders", "leadership", "elder", "elders", "chief", "chiefs", "politician",
               "politicians", "notables", "dignitaries", "elite", "elites", "figures"}
# Phoenix agent codes naming a religion: the group gives it ("Islamic fundamentalists": MUS -> CVL + MOS)
RELIGION_AGENTS = {"MUS", "JEW", "CHR", "HIN", "BUD", "SIK", "CTH", "PRO", "MAR"}
AFTER_WORDS = (["in"], ["in", "the"], ["of"], ["of", "the"], ["from"], ["from", "the"])
PLACING = {"in", "inside", "within", "throughout"}
# words that may follow a group noun used alone ("the Hutu and the Tutsi", "Hutu, who ...")
NOUN_FOLLOWERS = {"and", "or", "who", "are", "were", "have", "had", "say", "said", "will", "would", "was", "is"}
MAX_MODIFIERS = 2
# demonyms of citizenship written after the ethnic group ("Turkish Cypriots", "Russian Israelis")
CITIZENS = {"CYP", "ISR", "USA"}
# a place after these is where someone goes or comes from, not the country of a group
ELSEWHERE = {"from", "to", "into", "toward", "towards", "via"}
# words of a reporting clause: a place in it is where the report was made
REPORTING = {"said", "says", "reported", "reports", "told", "according", "quoted", "announced", "added"}
SUPPORTING = {"backed", "supported", "sponsored", "funded", "financed", "armed", "allied", "aligned", "trained"}
# nouns that are no agent alone but name a group's people after a group word ("Moslem
# fundamentalists", "Hindu nationalists", "the Kurdish minority"): civilians of the group
PEOPLE_NOUNS = {"fundamentalist", "fundamentalists", "nationalist", "nationalists", "radicals", "hardliners",
                "faithful", "worshippers", "believers", "pilgrims", "minority", "minorities", "majority",
                "tribes", "clans"}


@dataclass
class Group:
    """A resolved group phrase, tokens [start, end)."""

    start: int
    end: int
    code: str
    country: str | None
    name: str
    reason: str

    def built(self) -> Built:
        """As the resolver's ``Built``: kind ``ethnic``, or ``agent`` (unusable) with no country."""
        from .resolve import Built

        return Built(self.start, self.end, self.code, "ethnic" if self.country else "agent", self.reason, None, None, self.name)


@dataclass
class _Phrase:
    first: int  # index of the first item (a country before the group, or the group)
    group: int  # index of the group item
    last: int  # index of the last item of the phrase (the group or its last agent noun)
    code: str  # group code
    label: str
    home: str | None
    minority: bool
    agent: str
    agent_words: str
    end: int  # end token
    own: str | None = None  # the nationality's own country, the last resort ("the Albanian population")
    prefix: str | None = None  # the country written right before the group ("Iraqi Kurds")


def split_agents(candidates: list[Candidate], entries: list[Entry]) -> list[Candidate]:
    """An agent phrase starting with a group word ("Shiite militias", "Islamic fundamentalists")
    becomes the group + the rest of the phrase with the same agent, so the group is not lost."""
    ends: dict[int, int] = {}
    for c in candidates:
        if any(entries[f.entry].kind == "ethnic" for f in c.forms):
            ends[c.start] = max(ends.get(c.start, 0), c.end)
    if not ends:
        return candidates
    spans = {(c.start, c.end) for c in candidates}
    out = []
    for c in candidates:
        end = ends.get(c.start)
        if end is not None and end < c.end and all(f.form == "word" for f in c.forms):
            if (end, c.end) not in spans:
                spans.add((end, c.end))
                out.append(Candidate(end, c.end, c.forms))
            continue
        out.append(c)
    return out


class GroupRules:
    """Finds group phrases among the selected items of a sentence and resolves their country."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver
        # token where a group coordinated with a resolved one may start -> that group's country
        self._coordinated: dict[int, str] = {}
        self._coordinated_doc: Doc | None = None

    def _coordinates(self, doc: Doc, items: list[Item], p: _Phrase) -> set[int]:
        """Items joined to the phrase by "and"/"or"/",": other groups, not the group's country."""
        out = set()
        if p.first > 0 and self._joined(doc, items[p.first - 1].end, items[p.first].start):
            out.add(p.first - 1)
        if p.last + 1 < len(items) and self._joined(doc, items[p.last].end, items[p.last + 1].start):
            out.add(p.last + 1)
        return out

    # ---- helpers over items -----------------------------------------------------------------
    def _entry(self, item: Item) -> Entry:
        return self.r.entries[item.entry]  # type: ignore[index]

    def _country(self, item: Item, ctx: Context) -> str | None:
        """The country an item names (a country, capital or person), or None."""
        if item.entry is None:
            return None
        entry = self._entry(item)
        if entry.kind in ("agent", "ethnic", "discard"):
            return None
        res = resolve_entry(entry, ctx.anchor)
        return country_of(res.code) if res is not None and not res.code.startswith("-") else None

    @staticmethod
    def _nationality(item: Item, kind: str) -> bool:
        return kind == "country" and item.form in ("adjective", "demonym")

    @staticmethod
    def _population(doc: Doc, item: Item) -> bool:
        return item.form == "adjective" and item.end < len(doc) and doc[item.end].lower_ in POPULATION

    @staticmethod
    def _marked(doc: Doc, token: int) -> bool:
        return token > 0 and doc[token - 1].lower_ in MINORITY

    # ---- the phrase -------------------------------------------------------------------------
    def _group_index(self, doc: Doc, items: list[Item], kinds: list[str], i: int, ctx: Context) -> int | None:
        """Index of the group item of a phrase starting at item ``i``, or None."""
        item = items[i]
        if kinds[i] == "ethnic":
            return i
        if kinds[i] != "country":
            return None
        if self._nationality(item, kinds[i]) and (self._marked(doc, item.start) or self._population(doc, item)):
            return i  # "ethnic Albanians", "the Albanian population"
        j = i + 1
        if j >= len(items) or item.form not in ("adjective", "name"):
            return None
        gap = [t.lower_ for t in doc[item.end:items[j].start]]
        if gap not in ([], ["ethnic"]):
            return None
        if self._supporter(doc, item):
            return None  # "pro-Syrian Shiite militiamen"
        if kinds[j] == "ethnic":
            return j  # "Iraqi Kurds"
        if self._nationality(items[j], kinds[j]) and self._country(items[j], ctx) not in (None, self._country(item, ctx)):
            return j  # "Croatian Serb refugees", "Kosovo Albanians"
        return None

    def _agent_after(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], g: int) -> tuple[int, int]:
        """(first, last) item indexes of the agent nouns after the group item; (-1, -1) if none.

        Adjacent, or after up to two lower-case modifiers unless the group word is a plural
        noun ("Moslem fundamentalist demonstrators", not "Kurds fled army ..."), or shared with
        a coordinated group or nationality ("Moslem and Croat forces")."""
        from .resolve import _modifier

        j = g + 1
        if j + 1 < len(items) and kinds[j] in ("ethnic", "country") and items[j].form != "name" \
                and self._joined(doc, items[g].end, items[j].start) \
                and kinds[j + 1] == "agent" and items[j + 1].start == items[j].end and not used[j + 1]:
            return j + 1, j + 1  # shared: the caller does not take these items
        if j >= len(items) or used[j] or kinds[j] != "agent":
            return -1, -1
        gap = list(doc[items[g].end:items[j].start])
        plural = items[g].form != "adjective" and doc[items[g].end - 1].lower_.endswith("s")
        if gap and (plural or len(gap) > MAX_MODIFIERS or not all(_modifier(t.text) for t in gap)):
            return -1, -1
        last = j
        while last + 1 < len(items) and not used[last + 1] and kinds[last + 1] == "agent" \
                and items[last + 1].start == items[last].end:
            last += 1
        return j, last

    def _agent_code(self, items: list[Item], first: int, last: int, code: str) -> str:
        agents = [self._entry(items[k]) for k in range(first, last + 1)]
        chosen = next((a for a in agents if (a.code or "").strip("~")[:3] != "GOV"), agents[-1])
        raw = (chosen.code or "").strip("~")
        parts = [raw[k:k + 3] for k in range(0, len(raw), 3)]
        return next((p for p in parts if p not in RELIGION_AGENTS and p != code), "CVL")

    def _phrase(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int, ctx: Context) -> _Phrase | None:
        g = self._group_index(doc, items, kinds, i, ctx)
        if g is None:
            return None
        item = items[g]
        prefix = self._country(items[i], ctx) if g != i else None
        if kinds[g] == "ethnic":
            entry = self._entry(item)
            code, label, home = entry.code or "", entry.name, entry.country
        else:
            code = self._country(item, ctx) or ""
            label, home = doc[item.start:item.end].text, None
            if code in CITIZENS and prefix:  # "Turkish Cypriots": Cypriots of Turkish descent
                code, prefix, label = prefix, code, doc[items[i].start:items[i].end].text
        if not code:
            return None
        minority = self._marked(doc, item.start) or self._marked(doc, items[i].start)
        own = code if kinds[g] == "country" and g == i and not minority else None
        extra = {"own": own, "prefix": prefix}
        h = g  # "Shiite Moslems", "Kashmiri Moslems": the first group word gives the group
        while h + 1 < len(items) and kinds[h + 1] == "ethnic" and items[h + 1].start == items[h].end:
            h += 1
            home = home or self._entry(items[h]).country
        item = items[h]
        first, last = self._agent_after(doc, items, kinds, used, h)
        shared = first > h + 1
        after = doc[item.end] if item.end < len(doc) else None
        if first < 0:
            if after is not None and after.lower_ in PEOPLE_NOUNS:
                return _Phrase(i, g, h, code, label, home, minority or bool(own), "CVL", after.text, item.end + 1, **extra)
            if not self._alone_ok(doc, item, kinds[h], after):
                return None
            return _Phrase(i, g, h, code, label, home, minority, "CVL", "", item.end, **extra)
        head = doc[items[first].start]
        if head.text[:1].isupper() or self._person_next(items, kinds, last):
            return None  # part of a name ("Catholic Church"), or a title before a name
        words = doc[items[first].start:items[last].end].text
        agent = self._agent_code(items, first, last, code)
        if shared:  # "Moslem and Croat forces": the noun is the other group's too
            return _Phrase(i, g, h, code, label, home, minority or bool(own), agent, words, item.end, **extra)
        if words.lower().split()[-1] in ELITE_WORDS and agent in ("GOV", "PTY", "CVL"):
            agent = "ELI"  # "Yoruba leaders"; but "Tamil separatist leaders" stay rebels
        return _Phrase(i, g, last, code, label, home, minority or bool(own), agent, words, items[last].end, **extra)

    @staticmethod
    def _joined(doc: Doc, start: int, end: int) -> bool:
        gap = [t.lower_ for t in doc[start:end]]
        return bool(gap) and set(gap) <= {"and", "or", ","}

    @staticmethod
    def _person_next(items: list[Item], kinds: list[str], last: int) -> bool:
        k = last + 1
        return k < len(items) and kinds[k] in ("person", "short") and items[k].start == items[last].end

    @staticmethod
    def _alone_ok(doc: Doc, item: Item, kind: str, after) -> bool:  # noqa: ANN001
        """A group word alone is the people when it is a noun: a plural ("Kurds"), or a name
        after "the" or before punctuation, a conjunction or an auxiliary ("the Tutsi", "Hutu and")."""
        if item.form == "adjective" and kind == "ethnic":
            return False
        if after is not None and after.is_alpha and after.text[:1].isupper():
            return False
        text = doc[item.start:item.end].text
        if kind == "country":  # a nationality marked as a group: the plural demonym only
            return item.form == "demonym" and text.lower().endswith("s")
        the = item.start > 0 and doc[item.start - 1].lower_ == "the"
        return the or text.lower().endswith("s") or after is None or after.is_punct or after.lower_ in NOUN_FOLLOWERS

    # ---- the country ------------------------------------------------------------------------
    def _after_country(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], p: _Phrase, ctx: Context) -> tuple[int, str] | None:
        k = p.last + 1
        if k >= len(items) or used[k] or kinds[k] not in ("country", "place"):
            return None
        if [t.lower_ for t in doc[p.end:items[k].start]] not in AFTER_WORDS:
            return None
        country = self._country(items[k], ctx)
        return (k, country) if country else None

    def _placed_in(self, doc: Doc, items: list[Item], kinds: list[str], skip: set[int], ctx: Context) -> str | None:
        """The first country the sentence places something in: "in Serbia", "in northern Iraq";
        not the place of a report ("a spokeswoman said in Geneva")."""
        for k, it in enumerate(items):
            if k in skip or kinds[k] not in ("country", "place") or self._supporter(doc, it) or _reported(doc, it):
                continue
            back = [t for t in doc[max(0, it.start - 3):it.start]]
            for n in range(len(back) - 1, -1, -1):
                if back[n].lower_ in PLACING:
                    if all(t.is_alpha and t.is_lower and (t.lower_ == "the" or not t.is_stop) for t in back[n + 1:]):
                        country = self._country(it, ctx)
                        if country:
                            return country
                    break
        return None

    @staticmethod
    def _supporter(doc: Doc, item: Item) -> bool:
        """"Iranian-backed", "pro-Syrian": a country supporting a group, not the group's own."""
        after = [t.lower_ for t in doc[item.end:item.end + 2]]
        before = [t.lower_ for t in doc[max(0, item.start - 2):item.start]]
        return (len(after) == 2 and after[0] == "-" and after[1] in SUPPORTING) or before in (["pro", "-"], ["anti", "-"])

    def _only_country(self, doc: Doc, items: list[Item], kinds: list[str], skip: set[int], ctx: Context) -> str | None:
        found = {c for k, it in enumerate(items) if k not in skip and kinds[k] in ("country", "place", "person")
                 and not self._supporter(doc, it) and not (it.start > 0 and doc[it.start - 1].lower_ in ELSEWHERE)
                 and not (it.start > 0 and doc[it.start - 1].lower_ in ("in", "at") and _reported(doc, it))
                 and (c := self._country(it, ctx))}
        return found.pop() if len(found) == 1 else None

    def _resolve_country(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], p: _Phrase,
                         ctx: Context) -> tuple[str | None, str, int | None]:
        """(country, why, index of an absorbed "in <country>" item)."""
        names = self.r.country_names
        tail = self._after_country(doc, items, kinds, used, p, ctx)
        if p.home and set(p.agent_words.lower().split()) & MIGRANTS:
            why = f"{p.agent_words} of a group whose home is {names.get(p.home, p.home)}"
            return p.home, why, tail[0] if tail else None
        if p.prefix:
            return p.prefix, "the country written before the group", None
        before = self._coordinated.get(items[p.first].start) if self._coordinated_doc is doc else None
        if before:  # "Bosnian Croat and Moslem forces": the first group's country
            return before, "the country of the group it is coordinated with", None
        if tail is not None:
            return tail[1], "the country after the group", tail[0]
        if p.home and not p.minority:
            return p.home, "the group's home country", None
        skip = set(range(p.first, p.last + 1)) | self._coordinates(doc, items, p)
        placed = self._placed_in(doc, items, kinds, skip, ctx)
        if placed:
            return placed, "where the sentence places it", None
        if p.own:
            return p.own, "the nationality's own country", None
        only = self._only_country(doc, items, kinds, skip, ctx)
        if only:
            return only, "the only country of the sentence", None
        if ctx.dateline:
            return ctx.dateline, "the article's dateline", None
        if len(ctx.actors) == 1 and not any(kinds[k] in ("country", "place") for k in range(len(items)) if k not in skip):
            return ctx.actors[0][:3], "the only country named in the article", None
        return None, "", None

    # ---- the public step --------------------------------------------------------------------
    def build(self, doc: Doc, items: list[Item], kinds: list[str], used: list[bool], i: int, ctx: Context) -> Group | None:
        """The group phrase starting at item ``i`` (marks its items used), or None."""
        p = self._phrase(doc, items, kinds, used, i, ctx)
        if p is None:
            return None
        country, why, absorbed = self._resolve_country(doc, items, kinds, used, p, ctx)
        if p.prefix and country == p.prefix:
            self._coordinated = {k: country for k in range(p.end + 1, min(len(doc), p.end + 3))}
            self._coordinated_doc = doc
        for k in range(p.first, p.last + 1):
            used[k] = True
        end = p.end
        if absorbed is not None:
            used[absorbed] = True
            end = items[absorbed].end
        start = items[p.first].start
        if self._marked(doc, start):  # "ethnic Albanians"
            start -= 1
        text = doc[start:end].text
        what = f"{p.agent_words} ({p.agent})" if p.agent_words else f"the people ({p.agent})"
        if country is None:
            reason = f"{text}: {p.label} ({p.code}) + {what}, no country found"
            return Group(start, end, f"{p.agent}{p.code}", None, p.label, reason)
        reason = f"{text}: {p.label} ({p.code}) in {self.r.country_names.get(country, country)} ({country}: {why}) + {what}"
        suffix = "" if p.code == country else p.code  # "ethnic Albanians in Albania": ALBCVL
        return Group(start, end, f"{country}{p.agent}{suffix}", country, p.label, reason)


def _reported(doc: Doc, item: Item) -> bool:
    """Is ``item`` in a comma-delimited clause with a reporting verb ("..., officials said in Geneva")?"""
    start = item.start
    while start > 0 and doc[start - 1].text not in (",", ";"):
        start -= 1
    end = item.end
    while end < len(doc) and doc[end].text not in (",", ";"):
        end += 1
    return any(t.lower_ in REPORTING for t in doc[start:end])
