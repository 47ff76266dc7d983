from __future__ import annotations

import csv
import io
import json

from dyadwatch.model import Event
from dyadwatch.output import COLUMNS, csv_text, jsonl


def _event() -> Event:
    return Event(
        article_id="a1", source_code="KORGOV", target_code="CHNGOV", source_text="Lee",
        target_text="Xi", cameo_code="041", plover_type="CONSULT", plover_mode="phone",
        goldstein=1.0, quad_class=1, event_date="2025-06-10", date_text="on Tuesday",
        sentence_index=2, sentence="Lee spoke with Xi by phone on Tuesday, said \"x\".",
        source_span=(0, 3), target_span=(15, 17), trigger_span=(4, 9), trigger_text="spoke",
    )


def test_jsonl_round_trip_keeps_required_keys() -> None:
    rec = json.loads(jsonl([_event()]))
    for key in ("article_id", "source_code", "target_code", "source_text", "target_text",
                "cameo_code", "plover_type", "goldstein", "quad_class", "event_date", "date_text",
                "sentence_index", "sentence", "source_span", "target_span", "trigger_span"):
        assert key in rec
    assert rec["trigger_span"] == [4, 9]


def test_csv_has_header_and_quotes_sentence() -> None:
    rows = list(csv.reader(io.StringIO(csv_text([_event()]))))
    assert rows[0] == COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["sentence"].endswith('"x".') and row["trigger_span"] == "4-9"
