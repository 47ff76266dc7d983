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
from .common import LINE_BYTES_PER_CHAR, byte_limit, too_big, too_long, with_layout
from .detect import decode

_PEEK = 64 * 1024
_CHUNK = 1 << 20

_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class LineError(ValueError):
    """Why one JSONL line cannot be read (``kind`` is the Problem kind)."""

    def __init__(self, reason: str, kind: str = "malformed") -> None:
        super().__init__(reason)
        self.kind = kind


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
    huge = too_long(len(record["text"]), path, position)
    if huge is not None:
        raise LineError(huge.reason, kind=huge.kind)
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


def _head(path: Path) -> bytes:
    """The first bytes of the (decompressed) file, as many as a cut gzip file gives."""
    parts: list[bytes] = []
    size = 0
    with _open(path) as fh:
        try:
            while size < _PEEK and (chunk := fh.read(4096)):
                parts.append(chunk)
                size += len(chunk)
        except EOFError:
            pass  # a gzip stream cut short: the line reader reports where
    return b"".join(parts)


def _rest_of_line(fh: IO[bytes]) -> int:
    """Skip the rest of a line, in chunks; its length in bytes (without the newline)."""
    n = 0
    while chunk := fh.readline(_CHUNK):
        n += len(chunk)
        if chunk.endswith(b"\n"):
            return n - 1
    return n


def _lines(path: Path) -> Iterator[bytes | str | int]:
    """Raw lines; for a line longer than the limit, its length in bytes (the line is
    skipped, never held whole); a UTF-16/32 file (with BOM) is decoded whole first."""
    decoded = decode(_head(path))
    if decoded.kind == "binary":
        raise _FileProblem(decoded.reason or "binary file", "binary")
    if decoded.encoding and decoded.encoding.startswith(("utf-16", "utf-32")):
        with _open(path) as fh:
            full = decode(fh.read())
        if full.text is None:
            raise _FileProblem(full.reason or "not text", full.kind or "encoding")
        yield from full.text.split("\n")
        return
    limit = byte_limit(LINE_BYTES_PER_CHAR)
    with _open(path) as fh:
        while raw := fh.readline(limit + 1):
            if len(raw) > limit and not raw.endswith(b"\n"):
                yield len(raw) + _rest_of_line(fh)
            else:
                yield raw


class _FileProblem(Exception):
    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.kind = kind


def read_jsonl_file(path: Path) -> Iterator[Document | Problem]:
    name = str(path)
    lines = number = 0
    try:
        for number, raw in enumerate(_lines(path), start=1):
            position = f"line {number}"
            if isinstance(raw, int):
                lines += 1
                yield too_big(raw, "line", LINE_BYTES_PER_CHAR, name, position)
                continue
            if not raw.strip():
                continue
            lines += 1
            try:
                yield parse_record(_decode_line(raw), name, position)
            except LineError as exc:
                yield Problem(name, str(exc), position=position, kind=exc.kind)
    except _FileProblem as exc:
        yield Problem(name, str(exc), kind=exc.kind)
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(name, _read_error(exc, lines), position=f"line {number + 1}", kind="unreadable")
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


def _read_error(exc: Exception, lines: int) -> str:
    """One line for a file that fails part way (a cut or corrupt gzip stream, an I/O error)."""
    after = "; the lines before were read" if lines else ""
    if isinstance(exc, EOFError):
        return f"gzip stream ends early (file cut short){after}"
    if isinstance(exc, gzip.BadGzipFile):
        return "not a gzip file" if not lines else f"corrupt gzip data{after}"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data ({exc}){after}"
    return f"cannot read file: {getattr(exc, 'strerror', None) or exc}"
