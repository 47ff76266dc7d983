"""Match verb and noun patterns against a dependency parse.

A verb token matches a family when its lemma (plus particles for multi-word
verbs) is listed. The family's patterns are then tried against the parse: words
after ``*`` must occur, in order, in the verb's complement region (its subtree
without subjects, clausal complements, coordinated clauses and punctuation),
``(prep ...)`` must be a preposition in that region with its words inside its own
phrase, and words before ``*`` must occur in the subject or among the verb's
auxiliaries. The heaviest matching pattern wins (ties: the first listed).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .patterns import Elem, Lexicon, NounEntry, Pattern, split_code

# children whose subtrees are not part of the verb's own complement
_OUTSIDE = frozenset(
    "nsubj nsubjpass csubj csubjpass expl punct cc ccomp advcl conj parataxis relcl "
    "mark appos meta dep".split()
)
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative", "advmod", "dobj", "acomp"})


@dataclass
class Match:
    code: str  # raw code, "042:043" / "---"
    pattern: str  # "family: pattern" or "family: verb"
    trigger: list[int]  # token indices making up the trigger
    weight: int
    target_hint: int | None = None  # token filling a "+" slot
    nominal: bool = False

    @property
    def forward(self) -> str | None:
        return split_code(self.code)[0]

    @property
    def reverse(self) -> str | None:
        return split_code(self.code)[1]


def word_ok(tok: Token, word: str) -> bool:
    return word == tok.lower_ or word == tok.lemma_.lower() or word == tok.norm_


# clausal and adverbial material inside a complement is not part of the verb's pattern
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "punct", "appos", "conj", "cc"})
_ADVERBIAL_PREPS = frozenset(
    "because due after before during despite following since until amid as while "
    "than like including".split()
)
_PARTICLES = frozenset("off up out down away back".split())
_SUBJ_PHRASE = frozenset({"compound", "amod", "nmod", "det", "poss", "nummod", "quantmod", "case"})


def _complement(tok: Token, out: list[Token]) -> None:
    out.append(tok)
    for child in tok.children:
        if child.dep_ in _CLAUSAL or (child.dep_ == "prep" and child.lower_ in _ADVERBIAL_PREPS):
            continue
        _complement(child, out)


def verb_region(verb: Token) -> list[Token]:
    """Tokens after the verb in its complement (objects, particles, PPs, xcomp chains)."""
    out: list[Token] = []
    for child in verb.children:
        if child.i < verb.i or child.dep_ in _OUTSIDE:
            continue
        if child.dep_ == "prep" and child.lower_ in _ADVERBIAL_PREPS:
            continue
        _complement(child, out)
    return sorted(out, key=lambda t: t.i)


def _noun_phrase(tok: Token, out: list[Token]) -> None:
    out.append(tok)
    for child in tok.children:
        if child.dep_ in _SUBJ_PHRASE:
            _noun_phrase(child, out)
        elif child.dep_ == "prep" and child.lower_ == "of":  # "thousands of students"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _noun_phrase(pobj, out)


def subject_region(verb: Token) -> list[Token]:
    """The subject's noun phrase (without its PPs and clauses) and the verb's auxiliaries."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in _SUBJ:
            _noun_phrase(child, out)
        elif child.i < verb.i and child.dep_ in ("aux", "auxpass", "neg", "advmod"):
            out.append(child)
    return sorted(out, key=lambda t: t.i)


def _phrase_at(doc: Doc, i: int, phrase: tuple[str, ...], allowed: set[int]) -> bool:
    if i + len(phrase) > len(doc):
        return False
    return all((i + k) in allowed and word_ok(doc[i + k], w) for k, w in enumerate(phrase))


def _match_seq(
    elems: tuple[Elem, ...], region: list[Token], hits: list[int], hint: list[int]
) -> bool:
    """Match ``elems`` in order within ``region``; record matched tokens in ``hits``."""
    if not region:
        return all(e.kind == "slot" for e in elems)
    doc = region[0].doc
    allowed = {t.i for t in region}
    pos = -1
    for n, elem in enumerate(elems):
        if elem.kind == "slot":
            continue
        last = n == len(elems) - 1
        found = False
        for tok in region:
            if tok.i <= pos:
                continue
            if elem.kind == "word":
                if tok.dep_ != "prt" and (tok.lower_ in _PARTICLES or (last and tok.dep_ == "prep")):
                    continue  # "fire off", "demand on": particles, not "off the coast", "on Friday"
                phrase = next((p for p in elem.phrases if _phrase_at(doc, tok.i, p, allowed)), None)
                if phrase is not None:
                    hits.extend(range(tok.i, tok.i + len(phrase)))
                    pos = tok.i + len(phrase) - 1
                    found = True
            elif tok.lower_ in {p[0] for p in elem.phrases}:
                inner = [t for t in tok.subtree if t.i > tok.i]
                sub: list[int] = []
                if _match_seq(elem.inner, inner, sub, hint):
                    hits.append(tok.i)
                    hits.extend(sub)
                    if any(e.kind == "slot" and e.slot == "+" for e in elem.inner):
                        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                        if obj is not None:
                            hint.append(obj.i)
                    pos = max([tok.i, *sub])
                    found = True
            if found:
                break
        if not found:
            return False
    return True


def _bare_particle(pattern: Pattern) -> bool:
    """A pattern starting with a preposition alone ("* (on)", "* (on +)"): a phrasal verb."""
    first = pattern.post[0] if pattern.post else None
    return first is not None and first.kind == "pp" and all(e.kind == "slot" for e in first.inner)


def try_pattern(pattern: Pattern, verb: Token, post: list[Token], pre: list[Token]) -> Match | None:
    hits: list[int] = [verb.i]
    hint: list[int] = []
    if pattern.pre and not _match_seq(pattern.pre, pre, hits, hint):
        return None
    if not _match_seq(pattern.post, post, hits, hint):
        return None
    if _bare_particle(pattern) and not _next_to(verb, verb.doc[min(h for h in hits if h > verb.i)]):
        return None  # "* (on)" is "called on X", not "called X on Tuesday"
    return Match(
        pattern.code,
        f"{pattern.family}: {pattern.text}",
        sorted(set(hits)),
        len(set(hits)),  # the verb and the words actually matched
        hint[0] if hint else None,
    )


def _next_to(verb: Token, tok: Token) -> bool:
    """Only adverbs between ``verb`` and ``tok``: "called on X", "called publicly for"."""
    return all(t.dep_ in ("advmod", "neg", "prt") for t in verb.doc[verb.i + 1 : tok.i])


def _particles_ok(verb: Token, particles: tuple[str, ...]) -> list[int] | None:
    """Particle tokens of a multi-word verb; a preposition must follow the verb closely
    ("called on Iran to" is "call on"; "called Biden on Tuesday" is not)."""
    found = []
    for p in particles:
        tok = next(
            (c for c in verb.children if c.dep_ in _PARTICLE_DEPS and c.lower_ == p and c.i > verb.i
             and (c.dep_ != "prep" or _next_to(verb, c))),
            None,
        )
        if tok is None:
            return None
        found.append(tok.i)
    return found


def _words(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out.update((t.lower_, t.lemma_.lower(), t.norm_))
    return out


def match_verb(lex: Lexicon, verb: Token) -> Match | None:
    """The best pattern match for ``verb``, or None when the lemma is not in the dictionary."""
    lemma = verb.lemma_.lower()
    entries = lex.verbs.get(lemma) or lex.verbs.get(verb.lower_)
    if not entries and verb.lower_ in lex.verb_forms:
        lemma = lex.verb_forms[verb.lower_]
        entries = lex.verbs.get(lemma)
    if not entries and lemma.endswith(("ise", "yse")):  # British spelling: "recognised", "mobilised"
        lemma = lemma[:-3] + lemma[-3:].replace("s", "z")
        entries = lex.verbs.get(lemma)
    if not entries:
        return None
    post, pre = verb_region(verb), subject_region(verb)
    post_words = _words(post)
    pre_words = _words(pre)
    best: Match | None = None
    best_explicit = False  # a code given on the verb line beats a family default
    tried: set[str] = set()
    for entry in entries:
        particles = _particles_ok(verb, entry.particles)
        if particles is None:
            continue
        fam = lex.families[entry.family]
        base_code = entry.code or fam.code
        cand = Match(
            base_code,
            f"{fam.name}: {' '.join((lemma, *entry.particles))}",
            sorted([verb.i, *particles]),
            1 + len(particles),
        )
        explicit = entry.code is not None
        if best is None or cand.weight > best.weight or (
            cand.weight == best.weight and explicit and not best_explicit
        ):
            best, best_explicit = cand, explicit
        if fam.name in tried:
            continue
        tried.add(fam.name)
        for pattern in fam.candidates(post_words | pre_words):
            if pattern.weight + 1 <= (best.weight if best else 0):
                continue
            if not pattern.possible(pre_words, post_words):
                continue
            m = try_pattern(pattern, verb, post, pre)
            if m is not None and (best is None or m.weight > best.weight):
                best = m
    return best


def match_noun(lex: Lexicon, noun: Token) -> tuple[NounEntry, list[int]] | None:
    """A nominal trigger ending at ``noun`` ("phone call", "sanctions"), with its tokens."""
    entries = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
    if not entries:
        return None
    doc = noun.doc
    best: tuple[NounEntry, list[int]] | None = None
    for entry in entries:
        n = len(entry.words)
        start = noun.i - n + 1
        if start < 0:
            continue
        toks = [doc[start + k] for k in range(n)]
        ok = all(word_ok(t, w) for t, w in zip(toks[:-1], entry.words[:-1], strict=True))
        ok = ok and (word_ok(noun, entry.words[-1]))
        if ok and (best is None or n > len(best[0].words)):
            best = (entry, [t.i for t in toks])
    return _with_preposition(lex, noun) or best


def _with_preposition(lex: Lexicon, noun: Token):  # -> (NounEntry, tokens) | None
    """A noun entry ending in the preposition right after the noun: "call for" (an appeal,
    not a phone call), "calls for restraint"."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is None or nxt.dep_ != "prep" or nxt.head.i != noun.i:
        return None
    for entry in lex.nouns.get(nxt.lower_, ()):
        if len(entry.words) == 2 and word_ok(noun, entry.words[0]):
            return entry, [noun.i, nxt.i]
    return None
