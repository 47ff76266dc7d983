"""Dates written in file paths (``ingest --date-from-path``).

Archives are often laid out by day: ``news/2025/06/10/story.html``,
``wire-20250610.jsonl``, ``2025-06-10_seoul.txt``. The last full date in the
path is used for documents whose text and metadata carry none.
"""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-/_.\\]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_in_path(path: str | None) -> str | None:
    """The last valid YYYY-MM-DD written in ``path`` (any of - / _ . or no separator), or None."""
    if not path:
        return None
    found = None
    for m in _DATE.finditer(path):
        try:
            found = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:  # 2025-02-30
            continue
    return found
