"""Sentences not worth parsing: too long, tables and lists, not English."""

from __future__ import annotations

from spacy.tokens import Doc

_EN_FUNCTION_WORDS = frozenset(
    "the a an of to in and is was for on that with by as at from has have said will it its are "
    "were be been he she they his her their this which who after".split()
)


def skip_reason(doc: Doc, max_tokens: int) -> str | None:
    """Why a sentence should be skipped without parsing, or None to keep it."""
    n = len(doc)
    if n > max_tokens:
        return "too-long"
    words = [t for t in doc if t.is_alpha]
    if n >= 8 and len(words) < 0.4 * n:
        return "table-or-list"  # mostly numbers, symbols and punctuation
    if len(words) >= 8:
        function = sum(1 for t in words if t.lower_ in _EN_FUNCTION_WORDS)
        if function == 0 or function < 0.05 * len(words):
            return "not-english"
    return None
