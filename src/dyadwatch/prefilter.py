"""Sentences not worth parsing: too long, tables and lists, not English."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

_EN_FUNCTION_WORDS = frozenset(
    "the a an of to in and is was for on that with by as at from has have said will it its are "
    "were be been he she they his her their this which who after".split()
)
_FUNCTION_IDS = frozenset(get_string_id(w) for w in _EN_FUNCTION_WORDS)


def skip_reason(doc: Doc, max_tokens: int) -> str | None:
    """Why a sentence should be skipped without parsing, or None to keep it."""
    n = len(doc)
    if n > max_tokens:
        return "too-long"
    if n == 0:
        return None
    cols = doc.to_array([IS_ALPHA, LOWER])  # one pass in C: iterating Tokens costs more than the test
    words = [int(low) for alpha, low in cols if alpha]
    if n >= 8 and len(words) < 0.4 * n:
        return "table-or-list"  # mostly numbers, symbols and punctuation
    if len(words) >= 8:
        function = sum(1 for low in words if low in _FUNCTION_IDS)
        if function == 0 or function < 0.05 * len(words):
            return "not-english"
    return None
