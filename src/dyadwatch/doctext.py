"""``doc.text`` once per Doc: spaCy joins the tokens again at every access.

No spaCy import here: the readers import ``dates``, which uses this.
"""

from __future__ import annotations

from typing import Any

_KEY = "dyadwatch.text"


def doc_text(doc: Any) -> str:
    """The text of a spaCy Doc, built once and kept in ``doc.user_data``."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
