"""Event dates (STUB, to be replaced): relative expressions resolved against the article date.

    date_for_event(doc, trigger_char, anchor) -> (YYYY-MM-DD | None, date_text | None)
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc


def date_for_event(doc: Doc, trigger_char: int, anchor: dt.date | None) -> tuple[str | None, str | None]:
    return (anchor.isoformat() if anchor else None, None)
