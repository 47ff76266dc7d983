"""Event records for people and programs: table, JSON Lines, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from .model import Event

# Columns of the flat event record, in output order (``code --format csv`` header).
COLUMNS = [
    "article_id", "event_date", "date_text", "source_code", "source_text", "target_code",
    "target_text", "cameo_code", "plover_type", "plover_mode", "goldstein", "quad_class",
    "sentence_index", "source_span", "target_span", "trigger_span", "trigger_text", "field",
    "attribution", "negated", "hypothetical", "sentence",
]


def jsonl(events: Iterable[Event]) -> str:
    return "".join(json.dumps(e.to_record(), ensure_ascii=False) + "\n" for e in events)


def _flat(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "-".join(str(v) for v in value)
    return value


def csv_text(events: Iterable[Event], header: bool = True) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    for e in events:
        rec = e.to_record()
        writer.writerow([_flat(rec.get(c)) for c in COLUMNS])
    return buf.getvalue()
