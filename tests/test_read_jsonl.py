"""JSONL reader: required and optional fields, own ids, one Problem per bad line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dyadwatch.model import Document, Problem
from dyadwatch.read import read_inputs

GOOD = {"id": "a-1", "text": "Chile and Peru agreed on joint patrols on Thursday.",
        "title": "Chile and Peru agree", "date": "2025-06-12", "url": "https://x.example/1",
        "source": "Andes Wire"}


def lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_fields_and_own_id(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(lines(GOOD, {"id": 7, "text": "Kenya sent an envoy to Ethiopia."}), encoding="utf-8")
    a, b = list(read_inputs([f]))
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.id, a.title, a.date, a.url, a.source, a.outlet) == (
        "a-1", "Chile and Peru agree", "2025-06-12", "https://x.example/1", "Andes Wire", "Andes Wire")
    assert a.body == GOOD["text"] and a.position == "line 1" and a.format == "jsonl"
    assert b.id == "7" and b.title is None and b.date is None and b.position == "line 2"


def test_bad_lines_are_problems_and_others_still_read(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(lines(
        GOOD,
        "{not json",
        {"id": "no-text"},
        {"text": "no id here."},
        {"id": "d", "text": "Bad date.", "date": "12/06/2025"},
        "[1, 2]",
        {"id": "e", "text": "   "},
        {"id": "z", "text": "Last good line."},
    ), encoding="utf-8")
    items = list(read_inputs([f]))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.id for d in docs] == ["a-1", "z"]
    assert [p.position for p in problems] == ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7"]
    assert all(p.kind == "malformed" and p.path == str(f) for p in problems)
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("not JSON")
    assert reasons[1] == "missing required field 'text'"
    assert reasons[2] == "missing required field 'id'"
    assert "YYYY-MM-DD" in reasons[3]
    assert reasons[4] == "not a JSON object"
    assert reasons[5] == "field 'text' is empty"


def test_gzip_and_blank_lines(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(lines(GOOD) + "\n\n" + lines({"id": "b", "text": "More text."}))
    items = list(read_inputs([f]))
    assert [i.id for i in items if isinstance(i, Document)] == ["a-1", "b"]
    assert items[1].position == "line 4"  # type: ignore[union-attr]


def test_corrupt_gzip_is_one_problem(tmp_path: Path) -> None:
    f = tmp_path / "broken.jsonl.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    [problem] = list(read_inputs([f]))
    assert isinstance(problem, Problem) and problem.kind == "unreadable"


def test_headings_and_furniture_in_text_are_not_paragraphs(tmp_path: Path) -> None:
    text = ("Chile and Peru agreed on joint patrols on Thursday.\n\nNext Steps\n\n"
            "A committee will meet next month.\n\nAdvertisement\n\nThe deal was welcomed.")
    f = tmp_path / "a.jsonl"
    f.write_text(lines({"id": "h", "text": text}), encoding="utf-8")
    [doc] = list(read_inputs([f]))
    assert isinstance(doc, Document)
    assert doc.body == text  # body kept as given: offsets match the input
    assert sorted(doc.body[s:e] for s, e in doc.headings) == ["Advertisement", "Next Steps"]
    assert len(doc.paragraphs) == 3
