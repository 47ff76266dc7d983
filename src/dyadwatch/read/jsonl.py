"""JSONL articles (.jsonl, .jsonl.gz): one JSON object per line.

Required: ``id`` (string or number) and ``text``. Optional: ``title``, ``date``
(YYYY-MM-DD; an ISO date-time is cut to its date), ``url``, ``source`` (the
outlet), ``authors`` (list or string), ``subtitle``, ``section``. The body is
``text`` unchanged, so offsets match the input; sub-headings and furniture
lines in it are recorded in ``headings`` and are not coded. A bad line is one
Problem with its line number; the other lines are still read.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..model import Document, Problem, parse_iso_date
from .common import with_layout
from .detect import decode

_PEEK = 64 * 1024

_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class LineError(ValueError):
    """Why one JSONL line cannot be read."""


def _opt_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise LineError(f"field {key!r} must be a string")
    return value.strip() or None


def _date(record: dict[str, Any]) -> str | None:
    value = _opt_str(record, "date")
    if value is None:
        return None
    m = _DATETIME.match(value)
    try:
        return parse_iso_date(m.group(1) if m else value).isoformat()
    except ValueError as exc:
        raise LineError(f"field 'date': {exc}") from None


def _authors(record: dict[str, Any]) -> list[str]:
    value = record.get("authors", record.get("author"))
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return [a.strip() for a in value if a.strip()]
    raise LineError("field 'authors' must be a string or a list of strings")


def parse_record(line: str, path: str, position: str) -> Document:
    """One JSONL line -> Document; raises LineError with the reason."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"not JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise LineError("not a JSON object")
    for key in ("id", "text"):
        if key not in record or record[key] is None:
            raise LineError(f"missing required field {key!r}")
    if not isinstance(record["id"], str | int) or isinstance(record["id"], bool) or not str(record["id"]).strip():
        raise LineError("field 'id' must be a non-empty string or a number")
    if not isinstance(record["text"], str):
        raise LineError("field 'text' must be a string")
    if not record["text"].strip():
        raise LineError("field 'text' is empty")
    source = _opt_str(record, "source")
    doc = Document(
        id=str(record["id"]).strip(), body=record["text"], title=_opt_str(record, "title"),
        subtitle=_opt_str(record, "subtitle"), outlet=source, section=_opt_str(record, "section"),
        authors=_authors(record), date=_date(record), url=_opt_str(record, "url"), source=source,
        path=path, position=position, format="jsonl",
    )
    return with_layout(doc)


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile is a binary IO
    return path.open("rb")


def _lines(path: Path) -> Iterator[bytes | str]:
    """Raw lines; a UTF-16/32 file (with BOM) is decoded whole first."""
    with _open(path) as fh:
        head = fh.read(_PEEK)
    decoded = decode(head)
    if decoded.kind == "binary":
        raise _FileProblem(decoded.reason or "binary file", "binary")
    if decoded.encoding and decoded.encoding.startswith(("utf-16", "utf-32")):
        with _open(path) as fh:
            full = decode(fh.read())
        if full.text is None:
            raise _FileProblem(full.reason or "not text", full.kind or "encoding")
        yield from full.text.split("\n")
        return
    with _open(path) as fh:
        yield from fh


class _FileProblem(Exception):
    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.kind = kind


def read_jsonl_file(path: Path) -> Iterator[Document | Problem]:
    name = str(path)
    lines = 0
    try:
        for number, raw in enumerate(_lines(path), start=1):
            if not raw.strip():
                continue
            lines += 1
            position = f"line {number}"
            try:
                yield parse_record(_decode_line(raw), name, position)
            except LineError as exc:
                yield Problem(name, str(exc), position=position, kind="malformed")
    except _FileProblem as exc:
        yield Problem(name, str(exc), kind=exc.kind)
        return
    except (OSError, EOFError, zlib.error) as exc:
        reason = "cannot read file" if lines == 0 else "file is cut short"
        yield Problem(name, f"{reason}: {getattr(exc, 'strerror', None) or exc}", kind="unreadable")
        return
    if lines == 0:
        yield Problem(name, "empty file", kind="empty")


def _decode_line(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LineError("line is not UTF-8 text") from None
