"""Typo-tolerant actor names: "Francois Mitterand", "Laurent Gbago", "Ethopia", "Khatmandu".

A capitalised token that no dictionary match covers, that is no dictionary token and
no known English word (``data/fuzzy/english_words.txt``), is corrected when it is one
edit (insertion, deletion, substitution or swap of two neighbours) away from exactly
one proper-name token of the dictionary: a token written with a capital (not all
capitals) of a name, capital, seat, adjective, demonym or short form, of at least
``MIN_NAME`` letters, or ``MIN_SHORT`` when the word has a letter too many ("Quatar").
Agent words and acronyms are not names. A word of ``MIN_TWO``+ letters with no name one
edit away may be two edits from one that shares a one-letter deletion with it
("Khatmandu"/"Kathmandu" both give "Katmandu"). The sentence is then matched again
with the corrected token, so a corrected surname still completes its full name and
the title rules still apply ("President Francois Mitterand" -> the French president).

Guards: the corrected token must be part of a proper-name match; a match made of
the corrected token alone needs ``MIN_ALONE`` letters (a full name may have a shorter
one: "Laurent Gbago") and must be an entry's canonical name, a capital, seat,
adjective, demonym or short form (not one of the many district and city names of a
country); one corrected token per match; a word one edit from two names is left
alone ("Austrlia": Australia or Austria); the first letter must be right and a letter
added at the end makes another name, not a typo ("Tehrani", "Baghdadi"). Lookups try every one-edit variant
of the word (a few hundred set probes), only for the rare capitalised unknown words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from spacy.tokens import Doc

from ..model import ActorMention, Sentence

MIN_NAME = 6  # dictionary name tokens indexed
MIN_SHORT = 5  # ... and shorter ones, reached only by dropping a letter of a longer word ("Quatar")
MIN_SEEN = 5  # shortest token looked at (a letter dropped from a 6-letter name: "Gbago")
MIN_ALONE = 6  # shortest corrected token that is a whole match by itself ("Ethopia")
MIN_TWO = 9  # tokens and names of this length may be two edits apart ("Khatmandu")
NOTES = "dyadwatch.fuzzy"  # Doc.user_data key: {(start_char, end_char) of a match: "Mitterand ~ Mitterrand"}
WORDS_FILE = Path(__file__).resolve().parent / "data" / "fuzzy" / "english_words.txt"
ALONE = {"capital", "seat", "adjective", "demonym", "short"}  # forms a corrected word may be alone
MEMO = 20_000  # words whose correction is remembered
SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")

Hit = tuple[int, int, list[Any], str]  # token range [start, end) in the scanned list, forms, note


class Found(Protocol):
    """What ``record`` reads of a matcher.Candidate."""

    start: int
    end: int
    fuzzy: str


C = TypeVar("C", bound=Found)
Scan = Callable[[list[str], list[str]], list[Hit]]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The shipped list of known English words (lower case, 5+ letters)."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def is_english(word: str) -> bool:
    """Is ``word`` (lower case) a known English word or a regular inflection of one?"""
    words = english_words()
    return word in words or any(word.endswith(s) and word[: -len(s)] in words for s in SUFFIXES)


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def edits(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in LETTERS)
    out.update(a + c + b for a, b in splits for c in LETTERS)
    out.discard(word)
    return out


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def typo(word: str, name: str) -> bool:
    """Could ``word`` be ``name`` mistyped rather than another word made from it? The first
    letter is kept ("Kostov" is not Rostov, "Sankara" not Ankara) and no letter is added
    at the end ("Baghdadi", "Tehrani", "Londono" are names of their own)."""
    return word[0] == name[0] and not (len(word) == len(name) + 1 and word.startswith(name))


def is_name_token(written: str) -> bool:
    """A capitalised alphabetic token, not an acronym."""
    return written.isalpha() and written[:1].isupper() and not written.isupper()


class FuzzyIndex:
    """Proper-name tokens of a dictionary, findable from a token one edit away."""

    def __init__(self, patterns: Iterable[tuple[str, Sequence[Any]]], canonical: set[str]) -> None:
        """``patterns``: (folded pattern " a b ", forms with ``.form``, ``.case``, ``.text``);
        ``canonical``: the patterns that are an entry's canonical name."""
        self.canonical = {key.strip() for key in canonical if " " not in key.strip()}
        self.known: set[str] = set()
        self.names: dict[str, str] = {}  # folded name token -> as written
        for key, forms in patterns:
            folded = key.split()
            self.known.update(folded)
            for f in forms:
                written = f.text.split(" ")
                if f.case != "proper" or f.form in ("word", "discard") or len(written) != len(folded):
                    continue
                for low, w in zip(folded, written, strict=True):
                    if len(low) >= MIN_SHORT and low.isalpha() and is_name_token(w):
                        self.names.setdefault(low, w)
        self._long: dict[str, list[str]] | None = None  # built on first use, not pickled
        self._memo: dict[str, str | None] = {}  # word -> match(word), not pickled

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_long": None, "_memo": {}}

    def long_index(self) -> dict[str, list[str]]:
        """Names of ``MIN_TWO``+ letters by themselves and by each one-letter deletion."""
        if self._long is None:
            self._long = {}
            for name in self.names:
                if len(name) >= MIN_TWO:
                    for key in (name, *deletions(name)):
                        self._long.setdefault(key, []).append(name)
        return self._long

    def match(self, word: str) -> str | None:
        """The one name token (folded) one edit away from ``word`` (folded), if exactly one;
        for long words with none, the one two edits away that shares a one-letter deletion
        with it ("khatmandu" and "kathmandu" both give "katmandu")."""
        close = [e for e in edits(word) if e in self.names and (len(e) >= MIN_NAME or len(e) < len(word))]
        if close or len(word) < MIN_TWO:
            return close[0] if len(close) == 1 and typo(word, close[0]) else None
        index = self.long_index()
        found = {n for key in (word, *deletions(word)) for n in index.get(key, ())}
        far = [n for n in found if distance(word, n) == 2]
        return far[0] if len(far) == 1 and typo(word, far[0]) else None

    def eligible(self, text: str, low: str) -> bool:
        """A capitalised word that is no dictionary token and no English word."""
        return (len(low) >= MIN_SEEN and is_name_token(text) and low.isalpha()
                and low not in self.known and not is_english(low))

    def corrections(self, texts: Sequence[str], folded: Sequence[str], covered: set[int]) -> dict[int, str]:
        """Position -> corrected name token (folded) for the tokens worth correcting."""
        out = {}
        for k, (text, low) in enumerate(zip(texts, folded, strict=True)):
            if k not in covered and text[:1].isupper() and self.eligible(text, low):
                name = self._memo.get(low, "")
                if name == "":
                    if len(self._memo) >= MEMO:
                        self._memo.clear()
                    name = self._memo[low] = self.match(low)
                if name is not None:
                    out[k] = name
        return out

    def rescan(self, texts: list[str], folded: list[str], hits: list[Hit], scan: Scan) -> list[Hit]:
        """Matches that the corrected tokens make (only those including one), with a note."""
        covered = {k for start, end, _, _ in hits for k in range(start, end)}
        fixes = self.corrections(texts, folded, covered)
        if not fixes:
            return []
        new_texts, new_folded = list(texts), list(folded)
        for k, name in fixes.items():
            new_texts[k], new_folded[k] = self.names[name], name
        out = []
        for start, end, forms, _ in scan(new_texts, new_folded):
            fixed = [k for k in range(start, end) if k in fixes]
            if len(fixed) != 1 or (end - start == 1 and len(folded[start]) < MIN_ALONE):
                continue
            forms = [f for f in forms if f.case == "proper"]
            if end - start == 1:  # the corrected word alone: not any of the many names of places
                forms = [f for f in forms if f.form in ALONE or (f.form == "name" and new_folded[start] in self.canonical)]
            if forms:
                k = fixed[0]
                out.append((start, end, forms, f"{texts[k]} ~ {self.names[fixes[k]]}"))
        return out


def record(doc: Doc, candidates: list[C]) -> list[C]:
    """Note the spans of candidates found by correcting a token on the Doc, for ``mark``."""
    for c in candidates:
        if c.fuzzy:
            span = doc[c.start:c.end]
            doc.user_data.setdefault(NOTES, {})[(span.start_char, span.end_char)] = c.fuzzy
    return candidates


def mark(doc: Doc, sentence: Sentence, mentions: list[ActorMention]) -> list[ActorMention]:
    """Prefix the reason of mentions that include a corrected token: "fuzzy: Ethopia ~ Ethiopia; ..."."""
    notes = doc.user_data.get(NOTES)
    if not notes:
        return mentions
    for m in mentions:
        lo, hi = m.start - sentence.start, m.end - sentence.start
        found = list(dict.fromkeys(note for (s, e), note in notes.items() if lo <= s and e <= hi))
        if found:
            m.reason = f"fuzzy: {'; '.join(found)}; {m.reason}"
    return mentions
