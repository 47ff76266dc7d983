"""Actor stage: finds and resolves the actors of a sentence (countries, IGOs, persons, agents).

Interface used by the pipeline:
    ActorStage.from_options(options) -> ActorStage
    stage.new_context(anchor: date | None) -> per-document resolution state
    stage.find(doc, sentence, ctx) -> list[ActorMention]  (offsets in the sentence's field)

The dictionaries (block format, docs/dictionaries.md) load in layers: the
shipped Phoenix conversion, the curated shipped files, then the user's files.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..model import ActorMention, Problem, Sentence
from ..options import Options
from .cache import cached, files_key
from .dictionary import Dictionary, load_dictionary, overlay, shipped_layers
from .fuzzy import mark
from .matcher import Matcher, OverlayMatcher
from .resolve import Context, Resolver
from .roles import OfficeIndex

__all__ = ["ActorStage", "Context", "load_stage", "resolve_text"]
log = logging.getLogger(__name__)


class ActorStage:
    """Compiled dictionaries + resolution rules. Build once per process (``from_options`` caches)."""

    def __init__(self, dictionary: Dictionary, resolver: Resolver | None = None) -> None:
        self.dictionary = dictionary
        self.problems: list[Problem] = list(dictionary.problems)
        entries = dictionary.entries
        self.resolver = resolver or Resolver(entries, Matcher(entries), OfficeIndex(entries))

    def with_user_files(self, files: Sequence[str | Path]) -> ActorStage:
        """This stage with user dictionaries layered on top (only the user files are compiled)."""
        base = self.resolver.entries
        top, hidden, problems = overlay(base, [Path(f) for f in files], layer=self._top_layer() + 1)
        missing = [Problem(str(f), "dictionary file not found", None, "unreadable") for f in files if not Path(f).exists()]
        entries = [*base, *top]
        matcher = OverlayMatcher(self.resolver.matcher, Matcher(top, offset=len(base)), hidden)  # type: ignore[arg-type]
        resolver = Resolver(entries, matcher, OfficeIndex(entries, hidden))  # type: ignore[arg-type]
        kept = [e for i, e in enumerate(entries) if i not in hidden]
        dictionary = Dictionary(kept, [*self.problems, *problems, *missing], [*self.dictionary.files, *map(Path, files)])
        return ActorStage(dictionary, resolver)

    def _top_layer(self) -> int:
        return max((e.layer for e in self.resolver.entries), default=0)

    @classmethod
    def from_options(cls, options: Options) -> ActorStage:
        return load_stage(tuple(options.actor_dictionaries))

    def new_context(self, anchor: dt.date | None) -> Context:
        return Context(anchor)

    def name_tokens(self, doc: Doc) -> set[int]:
        """Indices of tokens inside dictionary names written with capitals (not agent words)."""
        return {i for c in self.resolver.matcher.find(doc) if any(f.case != "any" for f in c.forms)
                for i in range(c.start, c.end)}  # fmt: skip

    def find(self, doc: Doc, sentence: Sentence, ctx: Context) -> list[ActorMention]:
        return mark(doc, sentence, self.resolver.find(doc, sentence, ctx))


def _stamp(paths: Sequence[str]) -> tuple[tuple[str, float], ...]:
    out = []
    for p in paths:
        try:
            out.append((p, Path(p).stat().st_mtime))
        except OSError:
            out.append((p, -1.0))
    return tuple(out)


def load_stage(user_files: Sequence[str] = (), include_phoenix: bool = True) -> ActorStage:
    """The stage for these user dictionaries, cached while the files are unchanged."""
    return _cached_stage(_stamp(user_files), include_phoenix)


@lru_cache(maxsize=4)
def _cached_stage(stamped: tuple[tuple[str, float], ...], include_phoenix: bool) -> ActorStage:
    users = [p for p, _ in stamped]
    stage = _shipped_stage(include_phoenix)
    if users:
        stage = stage.with_user_files(users)
    for problem in stage.problems:
        log.warning("%s", problem.message())
    return stage


@lru_cache(maxsize=2)
def _shipped_stage(include_phoenix: bool) -> ActorStage:
    """The shipped dictionaries, compiled once and cached on disk while the files are unchanged."""
    layers = shipped_layers() if include_phoenix else shipped_layers()[1:]
    key = files_key([p for layer in layers for p in layer], f"phoenix={include_phoenix}")
    return cached("actors", key, lambda: ActorStage(load_dictionary((), include_phoenix)))


def resolve_text(text: str, day: dt.date | None, user_files: Sequence[str] = ()) -> list[ActorMention]:
    """Actors of ``text`` (split into sentences by rules) as resolved on ``day``; offsets into ``text``."""
    from ..nlp import split_into_sentences
    from .matcher import blank_english

    stage = load_stage(user_files)
    nlp = blank_english()
    ctx = stage.new_context(day)
    mentions: list[ActorMention] = []
    for index, doc in enumerate(split_into_sentences(nlp, text)):
        start = doc.user_data["char_offset"]
        sentence = Sentence(index, doc.text, start, start + len(doc.text))
        mentions.extend(stage.find(doc, sentence, ctx))
    return mentions
