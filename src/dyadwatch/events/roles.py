"""Source and target of an event from the dependency parse.

Mentions come with character spans in the sentence's field; ``sentence.start``
maps Doc characters to field characters. Tokens are mapped to mentions by span
overlap. An actor for a syntactic position is the mention covering its head
token, else the nearest mention inside its phrase (breadth first, not crossing
into relative clauses). Coordinated heads ("Jordan and Britain") give compound
actors: one event per actor pair.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import ActorMention, Sentence

SUBJ = ("nsubj", "nsubjpass", "csubj")
# verbs whose object text speaks for the subject: "issued a declaration demanding ..."
ISSUING = frozenset({"issue", "adopt", "release", "publish", "sign", "send", "deliver", "make", "pass",
                     "approve", "circulate", "draft", "present", "submit", "table", "unveil", "put"})
_NO_ENTER = frozenset({"relcl", "advcl", "ccomp", "punct", "cc", "parataxis", "appos"})
_NOT_SUBJECT_PREPS = frozenset({"between", "with", "among", "against", "toward", "towards", "over"})
# prepositions whose object is a target, in order of preference
TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "upon", "at",
                "over", "for", "from", "of", "in", "between", "among", "about")  # fmt: skip
NOUN_TARGET_PREPS = ("to", "against", "on", "of", "with", "toward", "towards", "into", "upon", "at",
                     "over", "for", "from", "in", "between", "among", "about")  # fmt: skip


def usable(m: ActorMention) -> bool:
    """An actor an event can hold: an agent word with no country ("rebels") is not one."""
    return not (m.kind == "agent" and not m.country)


# families whose domestic acts fall on the country's own population: easing or imposing
# curfews and emergencies, protests, force postures, repression and violence "in Sudan"
DOMESTIC = frozenset({"08", "14", "15", "17", "18", "19", "20"})


def self_dyad(
    source: ActorMention, target: ActorMention, code: str = "", groups: frozenset[int] = frozenset()
) -> bool:
    """A target that is the source's own country ("Lee ... a shift in South Korea's
    policy": KORGOV, KOR; "agreed to resign without returning to Kyrgyzstan").

    Two distinct actors of one country (government and opposition, police and students)
    are a dyad; an actor and the bare country it belongs to are not, except for the
    ``DOMESTIC`` families ("lifted the curfew imposed in Sudan": the Sudanese people). A
    demonym naming a group ("a meeting of Palestinian factions", ``groups``) is not the country.
    """
    if source.code == target.code:
        return True
    # a person of the source's country with no known role ("General Michel Aoun") is not the country
    return (bool(source.country) and target.kind != "person" and target.code == target.country == source.country
            and code[:2] not in DOMESTIC and id(target) not in groups)  # fmt: skip


def is_anti(tok: Token) -> bool:
    """ "anti-China rallies": the country is what the phrase is against, not a group of it."""
    if tok.lower_.startswith("anti-"):
        return True
    i = tok.i
    return i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].lower_ == "anti"


class MentionIndex:
    """Token index -> mention, for one sentence Doc."""

    def __init__(self, doc: Doc, sentence: Sentence, mentions: list[ActorMention]) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {}
        # group references ("the two leaders") give one mention per referent on one span
        self.siblings: dict[int, list[ActorMention]] = {}
        # agent words with no country ("its forces"): not actors alone, but see ``own_agent``
        self.bare_agents: dict[int, ActorMention] = {}
        for m in mentions:
            if m.field == sentence.field and m.sentence_index == sentence.index and not usable(m):
                for tok in doc.char_span(m.start - sentence.start, m.end - sentence.start,
                                         alignment_mode="expand") or ():  # fmt: skip
                    self.bare_agents.setdefault(tok.i, m)
        spans = [
            (m.start - sentence.start, m.end - sentence.start, m)
            for m in mentions
            if m.field == sentence.field and m.sentence_index == sentence.index and usable(m)
        ]
        if not spans:
            return
        by_span: dict[tuple[int, int], list[ActorMention]] = {}
        for s, e, m in spans:
            by_span.setdefault((s, e), []).append(m)
        for group in by_span.values():
            for m in group:
                self.siblings[id(m)] = [o for o in group if o is not m]
        for tok in doc:
            a, b = tok.idx, tok.idx + len(tok)
            for s, e, m in spans:
                if a < e and b > s:
                    self.by_token.setdefault(tok.i, m)
                    break

    def __bool__(self) -> bool:
        return bool(self.by_token)

    def groups(self) -> frozenset[int]:
        """Ids of mentions used as a demonym adjective: "Palestinian factions", "Croatian extremists"."""
        return frozenset(id(m) for i, m in self.by_token.items()
                         if self.doc[i].dep_ == "amod" and m.code == m.country
                         and not is_anti(self.doc[i]))  # fmt: skip

    def own_agent(self, head: Token, owner: ActorMention) -> ActorMention | None:
        """ "its forces", "their troops": the agent of the actor the possessive refers to."""
        agent = self.bare_agents.get(head.i)
        if agent is None or not owner.country or not any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):  # fmt: skip
            return None
        sector = agent.agent or agent.code
        return replace(agent, code=f"{owner.country}{sector}", country=owner.country,
                       reason=f"{agent.text}: {sector} of {owner.code} (possessive)")

    def at(self, tok: Token) -> ActorMention | None:
        return self.by_token.get(tok.i)

    def head_of(self, mention: ActorMention) -> Token | None:
        toks = [self.doc[i] for i, m in self.by_token.items() if m is mention]
        for t in toks:
            if t.head.i == t.i or self.by_token.get(t.head.i) is not mention:
                return t
        return toks[0] if toks else None

    def find_in(
        self, root: Token, exclude: set[int] | None = None, subject: bool = False
    ) -> ActorMention | None:
        """Nearest mention in ``root``'s phrase (breadth first; coordinated phrases last).

        For a subject, phrases like "relations between X and Y" or "ties with X" do not
        make X the actor.
        """
        ex = exclude or set()
        found = self._bfs(root, ex, False, subject) or self._bfs(root, ex, True, subject)
        if found is None:  # "The International Labor Office (ILO)": the apposition names it
            for appos in (c for c in root.children if c.dep_ == "appos"):
                found = found or self._bfs(appos, ex, False, subject)
        return found

    def _bfs(self, root: Token, exclude: set[int], conj: bool, subject: bool) -> ActorMention | None:
        queue = deque([root])
        blocked = (
            {c.i for c in root.children if c.dep_ == "prep" and c.lower_ in _NOT_SUBJECT_PREPS}
            if subject
            else set()
        )
        while queue:
            tok = queue.popleft()
            m = self.by_token.get(tok.i)
            if m is not None and id(m) not in exclude:
                return m
            for child in tok.children:
                if child.dep_ in _NO_ENTER or (child.dep_ == "conj" and not conj):
                    continue
                if child.dep_ == "acl" and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in child.children):
                    continue  # "a reminder that it must ...": a clause of its own, not a modifier
                if child.i in blocked:
                    continue
                queue.append(child)
        return None

    def actors(
        self, root: Token, exclude: set[int] | None = None, subject: bool = False
    ) -> list[ActorMention]:
        """The actor of ``root`` and of its coordinated heads (compound actors)."""
        out: list[ActorMention] = []

        def add(m: ActorMention | None) -> None:
            for one in ([m, *self.siblings.get(id(m), [])] if m is not None else []):
                if all(one is not o for o in out):
                    out.append(one)

        for head in (root, *root.conjuncts):
            m = self.find_in(head, exclude, subject)
            add(m)
            mh = self.head_of(m) if m is not None else None
            if mh is not None and mh.i != head.i:
                for c in mh.conjuncts:
                    add(self.find_in(c, exclude, subject))
            if m is not None:
                for c in self._inner_conjuncts(m):  # "the foreign ministers of Greece and Turkey"
                    add(self._shared_agent(m, self.find_in(c, exclude, subject)))
        return out

    def _inner_conjuncts(self, m: ActorMention) -> list[Token]:
        """Conjuncts outside a mention of words inside it."""
        inside = {i for i, o in self.by_token.items() if o is m}
        return [c for i in sorted(inside) for c in self.doc[i].children
                if c.dep_ == "conj" and c.i not in inside]  # fmt: skip

    @staticmethod
    def _shared_agent(m: ActorMention, other: ActorMention | None) -> ActorMention | None:
        """ "ministers of Greece and Turkey": the agent of the first applies to the bare country
        coordinated with it."""
        if other is None or not m.agent or not m.country or other.code != other.country or not other.country:
            return other
        return replace(other, code=f"{other.country}{m.agent}", agent=m.agent,
                       reason=f"{other.reason}; {m.agent} shared with {m.text!r}")


def subject_token(verb: Token) -> tuple[Token | None, bool]:
    """(subject head, passive?) of ``verb``, inherited through xcomp/conj/advcl chains."""
    tok: Token | None = verb
    for _ in range(6):
        if tok is None:
            break
        for child in tok.children:
            if child.dep_ in SUBJ:
                return child, child.dep_ == "nsubjpass" or _reduced_passive(tok)
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in ISSUING:
            tok = tok.head.head  # "X issued a declaration demanding ...": X demands (not "X blocked a statement condemning")
            continue
        if tok.dep_ == "acl":  # "the decision of X to ...": no subject of its own
            return None, False
        break
    return None, False


def _reduced_passive(verb: Token) -> bool:
    """Headline passives without "be": "Russia accused of new strikes", "Envoy expelled"."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and verb.doc[-1].text not in (".", "!", "?")  # a headline has no full stop; "Serbs protested." is active
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    )


def agent_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def object_tokens(head: Token, deep: bool = True, topic_preps: bool = True) -> list[Token]:
    """Candidate target heads in preference order: dobj, dative, PPs, then clausal subjects.

    ``topic_preps=False`` leaves out "on/about/over" (the topic of talks, not their target).
    For an event noun, "of" names what the act is done to ("the blockade of Serbia", "the
    removal of the president") and comes before "with" ("... with Albania's help").
    """
    kids = list(head.children)
    out = [c for c in kids if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd")]
    preps = [c for c in kids if c.dep_ in ("prep", "dative") and c.i > head.i
             and (topic_preps or c.lower_ not in ("on", "about", "over"))]  # fmt: skip
    order = NOUN_TARGET_PREPS if head.pos_ in ("NOUN", "PROPN") else TARGET_PREPS
    preps.sort(key=lambda p: order.index(p.lower_) if p.lower_ in order else 99)
    for p in preps:
        out.extend(c for c in p.children if c.dep_ in ("pobj", "pcomp"))
    if deep:
        for c in kids:
            if c.dep_ in ("xcomp", "ccomp"):  # "demanded that the US cancel ...": the US first
                out.extend(g for g in c.children if g.dep_ in SUBJ)
                out.extend(object_tokens(c, deep=False))
    return out
