"""Code one parsed sentence: clause by clause, verb chains, nominal events.

A clause head is a verb (or a predicative adjective) that is not the complement
of another verb. Its xcomp chain ("agreed to provide", "is willing to withdraw",
"threatened to ban") is read as one event: the deepest coded element gives the
action, the verbs above it turn it into an intent, refusal, threat or demand.
Light verbs with an event noun as object ("held talks", "imposed a curfew",
"expressed admiration") take the noun's code unless the verb's own pattern is
more specific.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..model import ActorMention
from . import modality as md
from .match import Match, match_noun, match_verb
from .patterns import Lexicon, inflections
from .roles import SUBJ, MentionIndex, agent_token, is_anti, object_tokens, self_dyad, subject_token

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "relcl", "pcomp", "parataxis"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# arrests, trials, investigations, expulsions: acts of a state on its territory
_STATE_ACTS = frozenset({"09", "17"})
_PERSONAL = frozenset({"he", "she", "it", "they", "we"})
_OBJ_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})
# sectors of a state that acts on its own population, and of the groups it acts on
_STATE = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
_DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "EDU", "LAB", "REB", "REL", "MED", "BUS", "AGR", "REF", "HLH",
                               "GOV", "COP", "JUD", "LEG", "ELI", "PTY"})
_NON_STATE = _DOMESTIC_SECTORS - {"GOV", "COP", "JUD", "LEG"}
_MEASURES = frozenset({"day", "week", "month", "year", "hour", "round", "series", "wave", "spate", "string",
                       "number", "couple", "set", "spell", "period", "session"})
_VIOLENCE = frozenset({18, 19, 20})  # CAMEO roots of assault, fighting, mass violence


def _under(verb: Token) -> bool:
    """ "put / placed under investigation, arrest": a state act done to the subject."""
    return any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)


@dataclass
class Found:
    """An event before it becomes ``Event`` records (one per actor pair)."""

    code: str
    trigger: list[int]
    pattern: str
    sources: list[ActorMention]
    targets: list[ActorMention]
    negated: bool = False
    hypothetical: bool = False
    attribution: str | None = None
    attribution_code: str | None = None
    reverse: str | None = None
    notes: list[str] = field(default_factory=list)
    groups: frozenset[int] = frozenset()  # see roles.self_dyad
    unknown_source: bool = False  # a passive act of violence without a named perpetrator


class Classes:
    """Word classes the rules use, read from the dictionaries' synonym sets."""

    def __init__(self, lex: Lexicon) -> None:
        self.light = frozenset(lex.word_set("light_verbs"))
        self.intent = frozenset(lex.word_set("intent_verbs"))
        self.intent_adj = frozenset(lex.word_set("intent_adjectives"))
        self.refuse = frozenset(lex.word_set("refusal_verbs"))
        self.denial = frozenset(lex.word_set("denial_verbs"))
        self.threat = frozenset(lex.word_set("threat_verbs"))
        self.naming = frozenset(lex.word_set("naming_verbs"))
        self.enabling = frozenset(lex.word_set("enabling_verbs"))
        self.statement = frozenset(lex.word_set("statement_verbs"))
        self.stative = frozenset(lex.word_set("stative_passives"))
        self.sending = frozenset(lex.word_set("sending_verbs"))
        self.silent = frozenset(lex.word_set("silent_verbs"))
        self.reporting = frozenset(lex.word_set("reporting_verbs"))
        self.light_forms = frozenset(f for w in self.light for f in inflections(w))

    def is_light(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.light or tok.lower_ in self.light_forms


class SentenceCoder:
    def __init__(self, lex: Lexicon, classes: Classes, doc: Doc, index: MentionIndex) -> None:
        self.lex, self.cls, self.doc, self.idx = lex, classes, doc, index
        self._own: dict[int, Match | None] = {}
        self.groups = index.groups()
        self.used_nouns: set[int] = set()
        self.coded: dict[int, Found] = {}  # clause head -> its event, main clauses first

    # --- what a single token means on its own ---
    def own(self, tok: Token) -> Match | None:
        if tok.i not in self._own:
            self._own[tok.i] = self._own_match(tok)
        return self._own[tok.i]

    def _own_match(self, tok: Token) -> Match | None:
        verb = match_verb(self.lex, tok) if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.dep_ == "ROOT" else None
        if verb is not None and verb.weight < 2 and self._naming(tok):
            verb = None
        noun = self._object_noun(tok)
        if noun is None:
            return verb
        entry, toks = noun
        code_v = verb.forward if verb else None
        lemma = tok.lemma_.lower()
        if lemma in self.cls.reporting:
            return verb  # "the agency reported the attack": the reporter did not attack
        if lemma in self.cls.denial or (lemma in self.cls.refuse and md.root(entry.code) == 11):
            # "denied / rejected the accusation": a denial or rejection, not the accusation
            return verb
        # the noun refines the verb's family ("attacked ... in an air strike": 190 -> 195), but does
        # not replace a specific code by its family's default ("seized control ... in an invasion": 192)
        refine = code_v is not None and entry.code.startswith(code_v[:2]) and (
            len(entry.code) > len(code_v) or code_v.endswith("0") or entry.code == code_v)
        phrasal = verb is not None and any(self.doc[i].dep_ == "prt" for i in verb.trigger)  # "called off"
        weak = (self.cls.is_light(tok) and not phrasal) or (
            verb is not None and (code_v is None or code_v.startswith("01")))
        if verb is not None and code_v is not None and verb.weight >= max(2, 2 + len(entry.words)):
            return verb  # the verb's own pattern is more specific than the event noun
        if verb is not None and code_v is not None and verb.weight >= 2 and set(toks) <= set(verb.trigger):
            return verb  # a pattern of this verb with this very noun ("staged protests": 141)
        if weak or refine:
            return Match(entry.code, f"{entry.family}: {lemma} ~ {' '.join(entry.words)}",
                         [tok.i, *toks], 1 + len(entry.words), None, nominal=True)  # fmt: skip
        return verb

    def _measured_noun(self, noun: Token):  # -> (NounEntry, tokens) | None
        """ "began three weeks of joint exercises", "a new round of talks": the event noun
        behind a measure of time or number."""
        if noun.lemma_.lower() not in _MEASURES:
            return None
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (found := match_noun(self.lex, pobj)):
                        return found
        return None

    def _naming(self, tok: Token) -> bool:
        """ "calling it a provocation": a naming verb with an object predicate names, not acts."""
        if tok.lemma_.lower() not in self.cls.naming:
            return False
        deps = {c.dep_ for c in tok.children if c.i > tok.i}
        # "what she called a provocation", "which Japan calls Takeshima": the object is a wh-word
        wh_object = any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < tok.i for c in tok.children)
        return ("dobj" in deps or wh_object) and "oprd" in deps or (wh_object and "dobj" in deps)

    def _object_noun(self, tok: Token):  # -> (NounEntry, tokens) | None
        for child in tok.children:
            if child.dep_ in _OBJ_DEPS and child.i > tok.i:
                found = match_noun(self.lex, child) or self._measured_noun(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "under"):  # "engaged in cleansing"
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (found := match_noun(self.lex, pobj)):
                        return found
        return None

    # --- clauses ---
    def clause_heads(self) -> list[Token]:
        """Clause heads, main clause first."""
        heads = []
        for tok in self.doc:
            if tok.pos_ not in ("VERB", "AUX", "ADJ") and tok.dep_ != "ROOT":
                continue
            if tok.dep_ not in _CLAUSE_DEPS and not (tok.dep_ == "acl" and tok.tag_ == "VBG"):
                continue
            if tok.pos_ == "AUX" and tok.dep_ != "ROOT" and not any(c.dep_ == "acomp" for c in tok.children):
                continue
            if tok.lemma_.lower() in self.cls.silent or any(a.lemma_.lower() in self.cls.silent for a in tok.ancestors):
                continue  # "..., citing domestic opposition": a reason, not an event
            if self._content(tok):
                continue  # the content of "demanded that ...", "reiterated its demand that ..."
            if any(self.reported_act(c) for c in tok.children):
                continue  # "Y did Z, X protested": X's protest is the event
            if self._purpose(tok) and not self._protest_purpose(tok):
                continue  # "staged demonstrations to demand reforms": the purpose did not happen
            heads.append(tok)
        heads.sort(key=lambda t: (sum(1 for _ in t.ancestors), t.i))
        return heads

    def _protest_purpose(self, tok: Token) -> bool:
        """ "Farmers drove tractors into Brussels to protest against EU policy": when the main verb
        is no event, a protest purpose names what the act was."""
        own, main = self.own(tok), self.own(tok.head)
        return own is not None and (own.forward or "")[:2] == "14" and (main is None or not main.forward
                                                                        or not main.forward[:2].isdigit())

    def _content(self, tok: Token) -> bool:
        """The content clause of a non-statement verb, or a verb coordinated with one
        ("refused to allow planes to land and evacuate ...": no landing, no evacuation)."""
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.i < first.head.i:  # "X flew into Baghdad ..., the agency reported, his third trip": reported speech
            return False
        return first.dep_ == "ccomp" and not self.reported_act(first) and (
            first.head.lemma_.lower() not in self.cls.statement or self._event_object(first.head)
        ) and subject_token(first.head)[0] is not None

    def _purpose(self, tok: Token) -> bool:
        """An infinitival purpose clause without a subject of its own ("..., to protest X");
        its targets still serve the main verb ("opened fire to disperse demonstrators")."""
        kids = list(tok.children)
        return (tok.dep_ == "advcl" and tok.tag_ == "VB" and tok.lemma_.lower() not in self.cls.enabling
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
                and not any(c.dep_ in SUBJ for c in kids))  # fmt: skip

    def _event_object(self, verb: Token) -> bool:
        return any(c.dep_ == "dobj" and match_noun(self.lex, c) for c in verb.children)

    def reported_act(self, tok: Token) -> bool:
        """``tok`` is an act verb after its clause's content: "..., a rights group protested"."""
        if tok.dep_ not in ("ccomp", "parataxis") or tok.i < tok.head.i:
            return False
        if tok.lemma_.lower() in self.cls.statement or any(c.dep_ == "ccomp" for c in tok.children):
            return False
        if tok.head.lemma_.lower() in self.cls.statement:
            return False
        first = min(t.i for t in tok.subtree)
        if first == 0 or self.doc[first - 1].text not in (",", ";", "--", "—"):
            return False  # the act closes the sentence: "..., a rights group protested"
        own = self.own(tok)
        return own is not None and own.forward is not None and not own.forward.startswith("01")

    def chain(self, head: Token) -> list[Token]:
        out = [head]
        cur = head
        for _ in range(5):
            nxt = next((c for c in reversed(list(cur.children)) if c.dep_ == "xcomp"), None)
            if nxt is not None and self._own_subject(cur, nxt):
                break  # "allowed X to participate", "urged X to support": X's action
            if nxt is None:
                nxt = next(
                    (c for c in cur.children if c.dep_ == "acomp"
                     and (c.lemma_.lower() in self.cls.intent_adj or any(g.dep_ == "xcomp" for g in c.children))),
                    None,
                )  # fmt: skip
            if nxt is None:
                break
            out.append(nxt)
            cur = nxt
        return out

    @staticmethod
    def _governors(head: Token) -> list[Token]:
        """For "promised to democratize X and establish Y": the verbs above "establish"."""
        out: list[Token] = []
        if head.dep_ != "conj":
            return out
        tok = head.head
        while tok.dep_ == "xcomp" and tok.head.i != tok.i:
            tok = tok.head
            out.insert(0, tok)
        return out

    @staticmethod
    def _own_subject(verb: Token, xcomp: Token) -> bool:
        if any(c.dep_ in SUBJ for c in xcomp.children):
            return True
        return any(c.dep_ in ("dobj", "dative") and c.i < xcomp.i for c in verb.children)

    def _mission(self, head: Token) -> Token | None:
        """ "sent a team to Bosnia to investigate ...": the mission is the act (CAMEO codes the
        investigation, mediation or attack, not the dispatch)."""
        if head.lemma_.lower() not in self.cls.sending:
            return None
        for c in head.children:
            if self._purpose(c) or (c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                own = self.own(c)
                if own is not None and own.forward and own.forward[:2].isdigit() and md.root(own.forward) > 1:
                    return c
        return None

    def code_clause(self, head: Token) -> Found | None:
        chain = self.chain(head)
        first = self.own(head)
        mission = self._mission(head)
        if mission is not None and first is not None and first.forward and first.weight >= 2:
            own = self.own(mission)
            if own is not None and own.forward and own.forward[:2] == first.forward[:2]:
                mission = None  # "sent troops to help defend": the specific dispatch pattern (074)
        if mission is not None and mission not in chain:
            chain, first = [head, mission], None
        if first is not None and first.weight >= 2 and first.forward and not first.nominal \
                and head.lemma_.lower() not in self.cls.statement:
            core_i, match = 0, first
            wrappers = self._governors(head)  # "refused to allow planes to land and evacuate"
        else:
            found_i = next((i for i in range(len(chain) - 1, -1, -1)
                            if (m := self.own(chain[i])) is not None and (m.forward or m.reverse)), None)  # fmt: skip
            own = self.own(chain[found_i]) if found_i is not None else None
            if found_i is None or own is None:
                return None
            core_i, match = found_i, own
            wrappers = self._governors(head) + chain[:core_i]
        code = match.forward
        for elem in reversed(wrappers):
            code = self._wrap(elem, code) if code else code
        notes: list[str] = []
        found = Found(code or "", list(match.trigger), match.pattern, [], [], reverse=match.reverse)
        if code and not self._modality(self._governors(head) + chain[: core_i + 1], found, notes):
            return None
        found.trigger = sorted({*found.trigger, *(t.i for t in chain[: core_i + 1])})
        if not self._roles(head, chain[: core_i + 1], match, found):
            return None
        self._inherit_victims(head, found)
        self.coded[head.i] = found
        return found

    def _inherit_victims(self, head: Token, found: Found) -> None:
        """ "opened fire on demonstrators, killing dozens": the participle's violence falls on the
        main clause's target."""
        if found.targets or head.dep_ != "advcl" or head.tag_ != "VBG":
            return
        main = self.coded.get(head.head.i)
        if main is not None and md.root(main.code or "00") in _VIOLENCE and md.root(found.code or "00") in _VIOLENCE:
            found.targets = list(main.targets)

    def _wrap(self, elem: Token, code: str) -> str:
        lemma = elem.lemma_.lower()
        if lemma in self.cls.denial:
            return "016"  # "denied targeting civilians": a denial, not the attack
        if lemma in self.cls.refuse:
            return md.refusal(code)
        if lemma in self.cls.threat:
            return md.threat(code)
        if lemma in self.cls.intent or lemma in self.cls.intent_adj:
            return md.intent(code)
        own = self.own(elem)
        if own is not None and own.forward and md.root(own.forward) == 10:
            return md.demand(code)
        return code

    def _modality(self, chain: list[Token], found: Found, notes: list[str]) -> bool:
        """Apply negation, modals and conditionals; False drops the event."""
        code = found.code
        neg = any(md.negated(t) for t in chain)
        mod = next((m for t in chain if (m := md.modal(t))), None)
        head = chain[0]
        unless = any(c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children)
                     for t in chain for c in t.children)  # fmt: skip
        if neg:
            found.negated = True
            if md.root(code) == 12 or not md.is_positive(code):
                return False  # "did not refuse", "will not attack": no event
            if mod == "future" or head.lemma_.lower() in self.cls.intent:
                found.code = md.refusal(code)  # "will not negotiate": a refusal
                return True
            return False  # "did not meet": not an event
        if unless and mod in ("future", "possible"):
            found.code = md.threat(code)
        elif mod == "future" and md.root(code) not in (10, 12, 13) and md.root(code) >= 4:
            found.code = md.intent(code)
        elif mod == "possible":
            if md.is_negative(code) or md.root(code) == 16:
                found.code = md.threat(code)
            else:
                found.hypothetical = True
        if md.conditional(head) and md.root(found.code) != 13:
            found.hypothetical = True
        return True

    # --- actors ---
    def _subject_actors(self, subj: Token | None, head: Token) -> list[ActorMention]:
        if subj is None:
            return []
        if subj.lower_ in _RELATIVE and head.dep_ == "relcl":
            return self.idx.actors(head.head)
        # a place is no actor: "police in Karachi" is not Pakistan acting (see ``_domestic``)
        found = [m for m in self.idx.actors(subj, subject=True) if m.kind != "place"]
        bare = subj.i in self.idx.bare_agents
        if found or (subj.lower_ not in _PERSONAL and not bare):
            return found
        # "Iraq said it would ...": a pronoun subject takes the actor of the governing clause;
        # "Israel said its forces had killed ...": the governing actor's forces
        gov = head
        for _ in range(4):
            if gov.dep_ in ("ccomp", "advcl", "conj", "xcomp") and gov.head.i != gov.i:
                gov = gov.head
                gsubj, _p = subject_token(gov)
                if gsubj is not None and gsubj.i != subj.i:
                    got = self.idx.actors(gsubj)
                    if got and bare:
                        return [a for g in got if (a := self.idx.own_agent(subj, g)) is not None]
                    if got:
                        return got
            else:
                break
        return []

    def _roles(self, head: Token, chain: list[Token], match: Match, found: Found) -> bool:
        passive_target = False  # the passive subject is the target, found or not
        subj, passive = subject_token(head)
        # "expected to be joined by X": the passive is on the embedded verb
        passive = passive or any(c.dep_ == "auxpass" for c in chain[-1].children)
        sources = self._subject_actors(subj, head) if subj is not None else self._left_subject(head)
        targets: list[ActorMention] = []
        if passive:
            agent = next((a for t in chain if (a := agent_token(t)) is not None), None)
            stative = head.lemma_.lower() in self.cls.stative or (
                match.nominal and self.cls.is_light(head) and not _under(head))  # "was put under arrest": passive
            # "armed forces were put on alert", "troops were deployed": the forces' own posture
            posture = agent is None and md.root(found.code or "00") == 15
            if (agent is not None or not stative) and not posture:  # "is opposed to", "were engaged in"
                targets, sources = sources, (self.idx.actors(agent) if agent is not None else [])
                if agent is None and (found.code or "")[:2] in _STATE_ACTS:
                    places = chain + [self.doc[i] for i in match.trigger if all(i != t.i for t in chain)]
                    sources = self._place_country(places)  # "was arrested in Lebanon"
                passive_target = True
                # "civilians were killed in a bombing", "... by a roadside bomb": violence whose
                # perpetrator the sentence does not name is still an event on its victims
                found.unknown_source = not sources and md.root(found.code or "00") in _VIOLENCE
        if not targets and self.reported_act(head):  # "Y did Z, a rights group protested"
            hsubj, _p = subject_token(head.head)
            targets = self._subject_actors(hsubj, head.head) if hsubj is not None else []
        exclude = {id(m) for m in sources} | self._own_possessives(subj, sources)
        if match.target_hint is not None:
            targets = targets or self.idx.actors(self.doc[match.target_hint], exclude)
        if not targets and not passive_target:
            core = chain[-1]
            starts: list[Token] = []
            talks = (found.code or "00")[:2] in ("03", "04", "05")  # "talks about X": X is the topic
            if match.nominal:
                noun = self.doc[match.trigger[-1]]
                starts.extend(object_tokens(noun, deep=False, topic_preps=not talks))
                for c in noun.children:  # "its demand that Israel ease ..."
                    if c.dep_ in ("acl", "ccomp"):
                        starts.extend(g for g in c.children if g.dep_ in SUBJ)
            trigger = set(match.trigger) if match.nominal else set()
            verb_objects = [o for t in reversed(chain) for o in object_tokens(t, deep=t is core,
                                                                          topic_preps=not (talks and t.pos_ == "NOUN"))
                            if o.i not in trigger]  # the event noun itself is not a target  # fmt: skip
            if match.nominal and self.doc[match.trigger[-1]].dep_ == "pobj":
                starts[:0] = [o for o in verb_objects if o.dep_ in ("dobj", "dative")]  # "killed X in an air strike"
            starts.extend(verb_objects)
            for t in chain:  # "opened fire to disperse demonstrators", "rallied, calling for ..."
                for c in t.children:
                    if c.dep_ == "advcl" and (c.tag_ == "VBG" or any(
                            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                        starts.extend(object_tokens(c, deep=False))
            if found.code.startswith("13"):  # "threatened to strike unless Israel rescinded ..."
                for t in chain:
                    for c in t.children:
                        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in md.CONDITIONAL_MARKS
                                                     for g in c.children):  # fmt: skip
                            starts.extend(g for g in c.children if g.dep_ in SUBJ)
            starts.extend(self._complement_heads(core))  # last resort: any actor in the complement
            countries = {x.country for x in sources if x.country} if len(sources) >= 2 else set()
            if len(sources) >= 2 and (found.code or "")[:2] in ("03", "04", "05", "06"):
                # "X and Y met on the sidelines of a NATO summit", "signed an accord in a ceremony attended by ..."
                starts = [t for t in starts if t.dep_ == "dobj" or (t.head.dep_ == "prep" and t.head.lower_ == "with")]
            place: list[ActorMention] = []
            for s in starts:
                cand = [m for m in self.idx.actors(s, exclude) if m.country not in countries
                        and not any(self_dyad(x, m, found.code, self.groups) for x in sources)]  # fmt: skip
                if cand and all(m.kind == "place" for m in cand):
                    place = place or cand  # "protested in Belgrade against the government": the place last
                elif cand:
                    targets = cand
                    break
            if not targets and len(sources) == 1:  # "Turkish police dispersed students": Turkish students
                violent = md.root(found.code or "00") in _VIOLENCE  # "rebels ambushed an army convoy"
                targets = self._domestic(sources[0], starts, _STATE | ({"REB", "OPP"} if violent else set()),
                                         _DOMESTIC_SECTORS | ({"MIL"} if violent else set()))
            targets = targets or place
            if any(t.lower_ == "unilateral" for i in found.trigger for t in self.doc[i].children):
                targets = []  # "declared a unilateral ceasefire to mark the withdrawal of X": no counterpart
        if not sources and subj is not None and not passive and targets:  # "opposition parties called on President Moi"
            armed = {"MIL", "COP"} if md.root(found.code or "00") in _VIOLENCE else set()  # "soldiers killed rebels in Chad"
            sources = [a for t in targets[:1] for a in self._domestic(t, [subj], _DOMESTIC_SECTORS, _NON_STATE | armed)]
        only_places = all(t.kind in ("country", "place") and t.code == t.country for t in targets)
        if not sources and subj is not None and not passive:
            # bare groups of a sentence that names one country: "Rebels shot down a military helicopter
            # in Mali" (MLIREB -> MLIMIL), "demonstrators rallied outside parliament in Sofia" (BGRCVL)
            src, tgt = self._civil_war(subj, chain[-1])
            violent = md.root(found.code or "00") in _VIOLENCE
            if src:
                sources = src
                targets = tgt if (tgt and only_places) else [t for t in targets if not any(
                    self_dyad(x, t, found.code, self.groups) for x in src)]  # fmt: skip
            elif violent and tgt and only_places and self._unknown_armed(subj):  # "gunmen killed 12 soldiers in Burkina Faso"
                targets = tgt
                found.unknown_source = True
        found.sources, found.targets = sources, targets
        return self._attribution(head, found)

    def _domestic(self, anchor: ActorMention, starts: list[Token], anchor_sectors: frozenset[str],
                  sectors: frozenset[str] = _DOMESTIC_SECTORS) -> list[ActorMention]:
        """A bare group ("students", "opposition parties") acting on or acted on by the state
        ``anchor`` (of a sector in ``anchor_sectors``): the group of its country (``_group_of``)."""
        if not anchor.country or (anchor.agent or anchor.code[3:6]) not in anchor_sectors:
            return []
        return self._group_of(anchor.country, starts, sectors)

    def _group_of(self, country: str, starts: list[Token], sectors: frozenset[str]) -> list[ActorMention]:
        """The first bare group of a sector in ``sectors`` in the phrases of ``starts``, as a group of
        ``country`` when the sentence names no other country."""
        if any(m.country and m.country != country for m in self.idx.by_token.values()):
            return []  # another country is named: whose group it is stays open
        for start in starts:
            for tok in (start, *start.subtree):
                agent = self.idx.bare_agents.get(tok.i)
                if agent is not None and (agent.agent or agent.code) in sectors:
                    sec = agent.agent or agent.code
                    return [replace(agent, code=f"{country}{sec}", country=country,
                                    reason=f"{agent.text}: {sec} of {country}, the only country named")]
        return []

    def _civil_war(self, subj: Token, verb: Token) -> tuple[list[ActorMention], list[ActorMention]]:
        """Bare groups (subject, objects) in a sentence naming one country only, by name or as a
        place: both are of that country ("Rebels shot down a military helicopter in Mali")."""
        countries = {m.country for m in self.idx.by_token.values() if m.country}
        if len(countries) != 1:
            return [], []
        (country,) = countries
        objects = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
        sectors = _DOMESTIC_SECTORS | {"MIL"}
        return self._group_of(country, [subj], sectors), self._group_of(country, objects, sectors)

    def _unknown_armed(self, subj: Token) -> bool:
        """ "Gunmen", "unidentified attackers": armed men nobody names."""
        agent = self.idx.bare_agents.get(subj.i)
        return agent is not None and (agent.agent or agent.code) == "UAF"

    def _left_subject(self, head: Token) -> list[ActorMention]:
        """A main verb the parser left without a subject ("With the signing of X, the Sudanese
        government and SPLM/A have agreed to ...": the subject hung on "signing"): the actors
        written right before the verb, back to the last comma."""
        if head.dep_ != "ROOT" or head.tag_ in ("VBG", "VBN") and not any(c.dep_ == "aux" for c in head.children):
            return []
        out: list[ActorMention] = []
        i = head.i - 1
        while i >= 0 and self.doc[i].text not in (",", ";", ":", "(", ")") and self.doc[i].dep_ != "mark":
            m = self.idx.at(self.doc[i])
            if m is not None and m.kind != "place" and all(m is not o for o in out):
                out.insert(0, m)
            i -= 1
        return out

    def _own_possessives(self, subj: Token | None, sources: list[ActorMention]) -> set[int]:
        """Possessive pronouns ("reaffirmed his commitment") when the subject is a person: they
        refer back to the subject, so they are not a target (whatever the actor stage resolved)."""
        person = any(m.kind in ("person", "short", "pronoun") for m in sources) or (
            subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she")))
        if not person:
            return set()
        return {id(m) for i, m in self.idx.by_token.items() if self.doc[i].tag_ == "PRP$"}

    def _place_country(self, chain: list[Token]) -> list[ActorMention]:
        """The country of "in X" on a passive state act without agent: its authorities acted."""
        for t in chain:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    for pobj in c.children:
                        m = self.idx.at(pobj) if pobj.dep_ == "pobj" else None
                        if m is not None and m.kind in ("country", "place") and m.code == m.country:
                            return [m]
        return []

    @staticmethod
    def _complement_heads(verb: Token) -> list[Token]:
        """The verb's complement phrases (objects, PPs, xcomp), for a breadth-first search."""
        return [c for c in verb.children if c.i > verb.i and c.dep_ in
                ("dobj", "prep", "xcomp", "dative", "attr", "oprd", "advmod", "acomp", "ccomp")]  # fmt: skip

    def _attribution(self, head: Token, found: Found) -> bool:
        """Attribution of reported events; False when the event cannot be attributed right."""
        st = md.governing_statement(head, self.cls.statement)
        speaker: list[ActorMention] = []
        if st is not None:
            ssubj, _p = subject_token(st)
            if ssubj is not None:
                speaker = self.idx.actors(ssubj)
                found.attribution = " ".join(t.text for t in ssubj.subtree)
                found.attribution_code = speaker[0].code if speaker else None
            if md.modal(head) == "obligation" and found.code:
                # "Russia said Sudan must return the helicopter": a demand by the speaker
                if not speaker:
                    return False
                if found.sources and all(s.code != speaker[0].code for s in found.sources):
                    found.targets, found.sources = found.sources, speaker
                    found.code = md.demand(found.code)
        acc = md.according_to(head)
        if acc is not None and found.attribution is None:
            found.attribution = " ".join(t.text for t in acc.subtree)
            got = self.idx.actors(acc)
            found.attribution_code = got[0].code if got else None
        return True

    # --- nominal events outside clauses: "talks between X and Y", "China's sanctions on Japan" ---
    def nominal_events(self) -> list[Found]:
        out = []
        for tok in self.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.used_nouns:
                continue
            clause = self.coded.get(tok.head.i) if tok.dep_ in SUBJ else None
            if clause is not None and clause.sources:
                continue  # "Israeli strikes kill 20 in Gaza": the clause is the event
            hit = match_noun(self.lex, tok)
            if hit is None:
                continue
            entry, toks = hit
            sources: list[ActorMention] = []
            targets: list[ActorMention] = []
            for child in tok.children:
                if child.dep_ == "amod" and child.i < toks[0] and is_anti(child):  # "anti-China rallies"
                    targets = targets or self.idx.actors(child)
                elif child.dep_ == "amod" and child.i < toks[0]:  # "Palestinian riots"
                    sources = sources or self.idx.actors(child)
                if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
                    root = child if child.dep_ == "poss" else next((c for c in child.children if c.dep_ == "pobj"), None)
                    if root is not None:
                        sources = sources or self.idx.actors(root, subject=True)  # not "by telephone with X"
                elif child.dep_ == "prep" and child.lower_ in ("with", "to", "against", "on", "between", "among"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        targets = targets or self.idx.actors(pobj)
            if sources and tok.dep_ == "conj" and self.idx.at(tok.head) is not None:
                # headline "X and Y Call for ...": the verb parsed as a noun, coordinated with X
                first = self.idx.actors(tok.head)
                sources = first + [m for m in sources if all(m is not f for f in first)]
            if not sources and len(targets) >= 2:  # "talks between X and Y": both ways
                sources, targets = targets, []
            if sources:
                targets = [t for t in targets if all(t is not s for s in sources)]
                pattern = f"{entry.family}: ~ {' '.join(entry.words)}"
                out.append(Found(entry.code, toks, pattern, sources, targets))
        return out
