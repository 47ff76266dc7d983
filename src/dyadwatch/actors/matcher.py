"""Compile dictionary entries into one Aho-Corasick automaton over lower-cased token text.

Patterns and sentences are both tokenized by spaCy's English tokenizer, folded
(lower case, no accents, plain apostrophes, hyphens skipped) and joined with
single spaces, so a match always starts and ends on token boundaries. Case rules: a one-token all-caps pattern (``UN``, ``US``, ``U.S.``)
matches only the same capitals (or, from four letters, the title-cased word:
``NATO``/``Nato``); a pattern written with capitals (a proper name) needs a
capital in the matched text; an all-lower-case pattern (agent words) matches
in any case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .dictionary import Entry
from .fuzzy import FuzzyIndex, Hit, record

# entry attribute -> form name, in priority order when one text has several forms
FORM_FIELDS = (
    ("names", "name"),
    ("iso", "name"),
    ("capital", "capital"),
    ("seats", "seat"),
    ("adjectives", "adjective"),
    ("demonyms", "demonym"),
    ("words", "word"),
    ("short", "short"),
)


@dataclass(frozen=True)
class Form:
    """One way an entry is written: which entry, which attribute, which case rule."""

    entry: int
    form: str  # name | capital | seat | adjective | demonym | word | short | discard
    case: str  # exact | proper | any
    text: str  # the pattern's tokens joined by single spaces, as written in the dictionary


@dataclass
class Candidate:
    """A dictionary text found in a sentence: tokens [start, end) and the forms it can be."""

    start: int
    end: int
    forms: list[Form]
    fuzzy: str = ""  # "Mitterand ~ Mitterrand": found after correcting a misspelt token


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """spaCy's rule-based English (tokenizer only): no model, loads in a second."""
    return spacy.blank("en")


def english_tokenizer() -> Tokenizer:
    return blank_english().tokenizer


HYPHENS = {"-", "‐", "‑", "–"}
_SIMPLE = re.compile(r"^[^\W_]+(?: [^\W_]+)*$")


def tokenize(text: str) -> list[str]:
    """Token texts of a dictionary pattern, as spaCy's English tokenizer splits them."""
    text = " ".join(text.split())
    if _SIMPLE.match(text):  # letters/digits and single spaces only: spaCy splits on the spaces
        return text.split(" ")
    return [t.text for t in english_tokenizer()(text) if not t.is_space]


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def fold(token: str) -> str:
    """Matching form of a token: lower case, accents removed, typographic apostrophes made plain."""
    if token.isascii():
        return token.lower()
    plain = unicodedata.normalize("NFKD", token.translate(_QUOTES))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def case_rule(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    if text.islower() or not any(c.isalpha() for c in text):
        return "any"
    if len(tokens) == 1 and text.isupper() and sum(c.isalpha() for c in text) >= 2:
        return "exact"
    return "proper" if any(c.isupper() for c in text) else "any"


def case_ok(form: Form, words: Sequence[str]) -> bool:
    """Does the matched text (its token texts) satisfy the form's case rule?"""
    if form.case == "any":
        return True
    text = " ".join(words)
    if form.case == "exact":
        return text == form.text or (len(form.text) >= 4 and text == form.text.title())
    return any(c.isupper() for c in text)


def entry_forms(entry: Entry) -> list[tuple[str, str]]:
    """(form, text) pairs of an entry: every written form it can be found by."""
    out = []
    if entry.kind == "discard":
        return [("discard", entry.name)]
    if entry.kind != "agent":
        out.append(("name", entry.name))
    for attr, form in FORM_FIELDS:
        if attr == "iso":
            continue  # ISO codes are identifiers in the file, not text to find
        out.extend((form, text) for text in getattr(entry, attr))
    return out


class Matcher:
    """All dictionary forms in one automaton; ``find`` lists every candidate span of a Doc."""

    def __init__(self, entries: Sequence[Entry], offset: int = 0, fuzzy: bool = True) -> None:
        table: dict[str, list[Form]] = {}
        canonical: set[str] = set()  # keys of entries' canonical names
        for index, entry in enumerate(entries, offset):
            for form, text in entry_forms(entry):
                tokens = [t for t in tokenize(text) if t not in HYPHENS]
                if not tokens:
                    continue
                key = " " + " ".join(fold(t) for t in tokens) + " "
                case = "any" if form == "discard" else case_rule(tokens)
                table.setdefault(key, []).append(Form(index, form, case, " ".join(tokens)))
                if form == "name" and text == entry.name:
                    canonical.add(key)
        self.automaton = ahocorasick.Automaton()
        for key, forms in table.items():
            self.automaton.add_word(key, (len(key) - 2, tuple(dict.fromkeys(forms))))
        if table:
            self.automaton.make_automaton()
        self.size = len(table)
        self.fuzzy = FuzzyIndex(table.items(), canonical) if fuzzy and table else None

    def find(self, doc: Doc) -> list[Candidate]:
        """Every dictionary form in ``doc`` (hyphens are skipped: "Jae-myung" = "Jae myung")."""
        return record(doc, self.candidates(doc))

    def candidates(self, doc: Doc) -> list[Candidate]:
        """``find`` without noting the corrected spellings on the Doc."""
        if not self.size or not len(doc):
            return []
        kept = [t.i for t in doc if t.text not in HYPHENS]
        texts = [doc[i].text if not doc[i].is_space else "\x00" for i in kept]
        folded = [fold(t) for t in texts]
        hits = self._scan(texts, folded)
        if self.fuzzy is not None:
            hits += self.fuzzy.rescan(texts, folded, hits, self._scan)
        return [Candidate(kept[s], kept[e - 1] + 1, forms, note) for s, e, forms, note in hits]

    def _scan(self, texts: list[str], folded: list[str]) -> list[Hit]:
        """Dictionary forms in the token list: (start, end, forms, "") with token positions."""
        starts: dict[int, int] = {}
        pos = 1
        for k, text in enumerate(folded):
            starts[pos] = k
            pos += len(text) + 1
        starts[pos] = len(folded)
        key = " " + " ".join(folded) + " "
        out = []
        for end_char, (length, forms) in self.automaton.iter(key):
            end = starts.get(end_char + 1)
            start = starts.get(end_char - length)
            if end is None or start is None or start >= end:
                continue
            ok = [f for f in forms if case_ok(f, texts[start:end])]
            if ok:
                out.append((start, end, ok, ""))
        return out


class OverlayMatcher:
    """A compiled (cached) matcher with a small one over it: user dictionaries compile alone.

    Entries of the base that the overlay replaces are ``hidden``; candidates of the two
    matchers with the same span merge their forms.
    """

    def __init__(self, base: Matcher, top: Matcher, hidden: frozenset[int]) -> None:
        self.base, self.top, self.hidden = base, top, hidden
        self.size = base.size + top.size

    def find(self, doc: Doc) -> list[Candidate]:
        spans: dict[tuple[int, int], list[Form]] = {}
        notes: dict[tuple[int, int], str] = {}
        found = [*self.base.candidates(doc), *self.top.candidates(doc)]
        exact = {i for c in found if not c.fuzzy for i in range(c.start, c.end)}
        for cand in found:
            forms = [f for f in cand.forms if f.entry not in self.hidden]
            if cand.fuzzy and exact.intersection(range(cand.start, cand.end)):
                continue  # a correction by one matcher of what the other matches as written
            if forms:
                spans.setdefault((cand.start, cand.end), []).extend(forms)
                notes[(cand.start, cand.end)] = notes.get((cand.start, cand.end)) or cand.fuzzy
        return record(doc, [Candidate(s, e, forms, notes[(s, e)]) for (s, e), forms in spans.items()])
