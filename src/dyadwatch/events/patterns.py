"""Verb and noun pattern dictionaries: parsing the files into a Lexicon.

File format (documented in docs/events.md)::

    &set name: word; two words; ...          # synonym set, used as &name in patterns
    + family                                  # a verb family (PETRARCH "verb block")
      code: 040                               # default code of the family (--- = none)
      verb: meet | met; meeting               # lemma [= code] [| irregular forms]
      verb: meet with = 040                   # verb + particle/preposition
      noun: phone call = 041                  # nominal trigger ("held a phone call")
      pattern: * (with leaders) = 036:036     # words before * are on the subject side

Pattern elements: ``word``, ``&set``, ``{multi word}``, ``(prep words...)`` a
prepositional phrase, ``$`` source, ``+`` target, ``^`` skip. Codes ``A:B``:
``A`` source->target, ``B`` the reverse event; ``---`` means "no event".
Families with the same name in later files extend (and override the code of)
earlier ones; their patterns are tried first.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import DictionaryError

log = logging.getLogger(__name__)

_CODE_RE = re.compile(r"^(---|\d{2,4})?(?::(---|\d{2,4})?)?$")
_TOKEN_RE = re.compile(r"\{[^}]*\}|\([^()]*\)|\S+")
SHIPPED = ("verbs.txt", "verbs_curated.txt")


@dataclass(frozen=True)
class Elem:
    """One pattern element: alternatives of word sequences, a PP, or an actor slot."""

    kind: str  # "word" | "pp" | "slot"
    phrases: tuple[tuple[str, ...], ...] = ()  # word: alternatives; pp: the prepositions
    inner: tuple[Elem, ...] = ()  # pp: elements inside the phrase
    slot: str = ""  # "$", "+", "^"

    @property
    def weight(self) -> int:
        if self.kind == "slot":
            return 0
        if self.kind == "pp":
            return 1 + sum(e.weight for e in self.inner)
        return max(len(p) for p in self.phrases)


def _needs(elems: tuple[Elem, ...]) -> tuple[frozenset[str], ...]:
    """For each word or preposition of the elements (recursively): its possible first words."""
    out: list[frozenset[str]] = []
    for e in elems:
        if e.kind != "slot":
            out.append(frozenset(p[0] for p in e.phrases))
        if e.kind == "pp":
            out.extend(_needs(e.inner))
    return tuple(out)


@dataclass
class Pattern:
    family: str
    code: str
    pre: tuple[Elem, ...]
    post: tuple[Elem, ...]
    text: str
    where: str
    weight: int = 0  # number of words matched, computed
    pre_needs: tuple[frozenset[str], ...] = ()
    post_needs: tuple[frozenset[str], ...] = ()

    def __post_init__(self) -> None:
        self.weight = sum(e.weight for e in self.pre) + sum(e.weight for e in self.post)
        self.pre_needs, self.post_needs = _needs(self.pre), _needs(self.post)

    def possible(self, pre_words: set[str], post_words: set[str]) -> bool:
        """Quick test: every word the pattern needs occurs somewhere in the regions."""
        return all(n & post_words for n in self.post_needs) and all(
            n & pre_words for n in self.pre_needs
        )


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    particles: tuple[str, ...]
    code: str | None
    family: str


@dataclass(frozen=True)
class NounEntry:
    words: tuple[str, ...]
    code: str
    family: str


@dataclass
class Family:
    name: str
    code: str = "---"
    patterns: list[Pattern] = field(default_factory=list)
    _index: dict[str, list[int]] | None = field(default=None, repr=False)
    _always: list[int] = field(default_factory=list, repr=False)

    def candidates(self, words: set[str]) -> list[Pattern]:
        """Patterns (in file order) whose first needed word occurs among ``words``."""
        if self._index is None:
            self._build_index()
        assert self._index is not None
        found = set(self._always)
        for w in words:
            found.update(self._index.get(w, ()))
        return [self.patterns[i] for i in sorted(found)]

    def _build_index(self) -> None:
        index: dict[str, list[int]] = {}
        self._always = []
        for i, p in enumerate(self.patterns):
            needs = p.post_needs[:1] or p.pre_needs[:1]
            if not needs:
                self._always.append(i)
            for w in needs[0] if needs else ():
                index.setdefault(w, []).append(i)
        self._index = index


@dataclass
class Lexicon:
    sets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)  # head lemma -> entries
    nouns: dict[str, list[NounEntry]] = field(default_factory=dict)  # last word -> entries
    forms: set[str] = field(default_factory=set)  # surface forms for the prefilter
    # irregular forms written on verb lines -> lemma, for words the tagger lemmatizes wrongly
    # ("staged" -> "stag")
    verb_forms: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def word_set(self, name: str) -> tuple[str, ...]:
        """Single words of a synonym set (multi-word members are skipped)."""
        return tuple(p[0] for p in self.sets.get(name, ()) if len(p) == 1)


def split_code(code: str) -> tuple[str | None, str | None]:
    """``"042:043"`` -> ``("042", "043")``; ``"---"`` -> ``(None, None)``; ``":173"`` -> ``(None, "173")``."""
    fwd, _, rev = code.partition(":")
    return (fwd if fwd and fwd != "---" else None, rev if rev and rev != "---" else None)


def _parse_elems(tokens: list[str], lex: Lexicon, where: str) -> tuple[Elem, ...]:
    out = []
    for tok in tokens:
        if tok in ("$", "+", "^", "%"):
            out.append(Elem("slot", slot=tok))
        elif tok.startswith("("):
            inner = _TOKEN_RE.findall(tok[1:-1])
            if not inner:
                raise ValueError("empty prepositional phrase")
            preps = tuple((p,) for p in inner[0].split("/"))
            out.append(Elem("pp", phrases=preps, inner=_parse_elems(inner[1:], lex, where)))
        elif tok.startswith("{"):
            words = tok[1:-1].split()
            alts: list[tuple[str, ...]] = [()]
            for w in words:
                choices = lex.sets.get(w[1:], ()) if w.startswith("&") else ((w,),)
                alts = [a + c for a in alts for c in choices][:64]
            if alts and alts != [()]:
                out.append(Elem("word", phrases=tuple(alts)))
        elif tok.startswith("&"):
            members = lex.sets.get(tok[1:])
            if not members:
                raise ValueError(f"unknown synonym set {tok}")
            out.append(Elem("word", phrases=members))
        else:
            out.append(Elem("word", phrases=((tok,),)))
    return tuple(out)


def _parse_pattern(value: str, family: str, lex: Lexicon, where: str) -> Pattern:
    text, sep, code = value.rpartition("=")
    code = code.strip()
    if not sep or not _CODE_RE.match(code):
        raise ValueError(f"pattern needs '= CODE' at the end: {value!r}")
    pre_s, star, post_s = text.partition("*")
    if not star:
        raise ValueError(f"pattern has no '*' for the verb: {value!r}")
    pre = _parse_elems(_TOKEN_RE.findall(pre_s), lex, where)
    post = _parse_elems(_TOKEN_RE.findall(post_s), lex, where)
    return Pattern(family, code, pre, post, text.strip(), where)


def _parse_entry(value: str) -> tuple[list[str], str | None, list[str]]:
    """``"meet with = 040 | met with"`` -> (words, code, forms)."""
    value, _, forms = value.partition("|")
    words_s, sep, code = value.partition("=")
    code_v = code.strip() if sep else None
    if code_v is not None and not _CODE_RE.match(code_v):
        raise ValueError(f"bad code {code_v!r}")
    words = words_s.lower().split()
    if not words:
        raise ValueError("empty entry")
    return words, code_v, [f.strip().lower() for f in forms.split(";") if f.strip()]


def _add_forms(lex: Lexicon, words: list[str], forms: list[str]) -> None:
    lex.forms.update(inflections(words[0]))
    for f in forms:
        lex.forms.add(f.split()[0])


def inflections(lemma: str) -> set[str]:
    """Regular English verb/noun forms (over-generates; used only by the prefilter)."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        out.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return out


def _apply_line(line: str, lex: Lexicon, fam: Family | None, where: str) -> Family | None:
    if line.startswith("&"):
        name, sep, members = line[1:].partition(":")
        if not sep:
            raise ValueError("synonym set needs '&name: a; b'")
        lex.sets[name.strip().lower()] = tuple(
            tuple(m.lower().split()) for m in members.split(";") if m.strip()
        )
        return None
    if line.startswith("+"):
        name = line[1:].strip().lower()
        if not name:
            raise ValueError("family without a name")
        return lex.families.setdefault(name, Family(name))
    key, sep, value = line.strip().partition(":")
    if not sep:
        raise ValueError(f"expected 'key: value', got {line.strip()!r}")
    if fam is None:
        raise ValueError(f"'{key}:' outside a family (start one with '+ name')")
    value = value.strip()
    if key == "code":
        if not _CODE_RE.match(value):
            raise ValueError(f"bad code {value!r}")
        fam.code = value
    elif key == "verb":
        words, code, forms = _parse_entry(value)
        entry = VerbEntry(words[0], tuple(words[1:]), code, fam.name)
        lex.verbs.setdefault(words[0], []).insert(0, entry)
        _add_forms(lex, words, forms)
        for f in forms:
            lex.verb_forms.setdefault(f.split()[0], words[0])
    elif key == "noun":
        words, code, forms = _parse_entry(value)
        nentry = NounEntry(tuple(words), code or fam.code, fam.name)
        lex.nouns.setdefault(words[-1], []).insert(0, nentry)
        lex.forms.update(inflections(words[-1]))
    elif key == "pattern":
        fam.patterns.append(_parse_pattern(value, fam.name, lex, where))
    else:
        lex.problems.append(f"{where}: unknown key {key!r} (ignored)")
    return fam


def read_into(lex: Lexicon, text: str, name: str, strict: bool = False) -> None:
    """Parse one dictionary text into ``lex``; bad lines are reported as ``file:line: reason``."""
    fam: Family | None = None
    new_patterns: dict[str, list[Pattern]] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            is_pattern = line.strip().startswith("pattern:")
            fam = _apply_line(line, lex, fam, where)
            if fam is not None and is_pattern:
                new_patterns.setdefault(fam.name, []).append(fam.patterns.pop())
        except ValueError as exc:
            msg = f"{where}: {exc}"
            if strict:
                raise DictionaryError(msg) from None
            lex.problems.append(msg)
    for fname, pats in new_patterns.items():  # later files' patterns are tried first
        family = lex.families[fname]
        family.patterns[:0] = pats
        family._index = None


def load_lexicon(extra: list[str] | tuple[str, ...] = ()) -> Lexicon:
    """The shipped dictionaries, then the user's files (later ones take precedence)."""
    lex = Lexicon()
    data = resources.files(__package__).joinpath("data")
    for fname in SHIPPED:
        read_into(lex, data.joinpath(fname).read_text("utf-8"), fname, strict=True)
    for path in extra:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"{path}: cannot read verb dictionary ({exc})") from None
        read_into(lex, text, str(path))
    for msg in lex.problems:
        log.warning("%s", msg)
    return lex
