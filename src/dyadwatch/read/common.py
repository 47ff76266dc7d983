"""Helpers shared by the readers: stable ids, body layout, reading bytes safely."""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from pathlib import Path

from ..model import Document, Problem, Span
from .detect import decode
from .layout import mark_body, split_units

log = logging.getLogger("dyadwatch.read")

# The longest article body read (characters). A longer one is Problem kind "too-long": it is
# not an article (a log, a dump, a whole book) and would exceed spaCy's own limit.
MAX_BODY_CHARS = 1_000_000
# Inputs larger than these many times MAX_BODY_CHARS (bytes) are not even decoded:
PAGE_BYTES_PER_CHAR = 5  # an HTML page (file or WARC record): markup, scripts and styles
LINE_BYTES_PER_CHAR = 8  # a JSONL line: JSON escapes a character as up to 6 bytes (\uXXXX)


def too_long(chars: int, path: str, position: str | None = None) -> Problem | None:
    """Problem "too-long" when a body of ``chars`` characters exceeds MAX_BODY_CHARS."""
    if chars <= MAX_BODY_CHARS:
        return None
    return Problem(path, f"article body of {chars:,} characters exceeds the "
                         f"{MAX_BODY_CHARS:,}-character limit", position=position, kind="too-long")


def byte_limit(per_char: int) -> int:
    return per_char * MAX_BODY_CHARS


def too_big(size: int, what: str, per_char: int, path: str, position: str | None = None) -> Problem:
    """Problem "too-long" for ``what`` (an HTML page, a JSONL line) larger than ``byte_limit(per_char)``."""
    limit = byte_limit(per_char)
    return Problem(path, f"{what} of {size:,} bytes exceeds the {limit:,}-byte limit (article bodies "
                         f"are limited to {MAX_BODY_CHARS:,} characters)", position=position, kind="too-long")


def content_id(body: str) -> str:
    """Stable id from the text: sha1 of the NFC, whitespace-collapsed body, 16 hex digits."""
    norm = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def layout_spans(body: str) -> tuple[list[Span], list[Span]]:
    """(paragraphs, headings-and-furniture) of a body kept as it is (offsets unchanged)."""
    units = split_units(body)
    mark_body(units)
    paragraphs = [(u.start, u.end) for u in units if u.kind == "paragraph"]
    skipped = [(u.start, u.end) for u in units if u.kind != "paragraph"]
    return paragraphs, skipped


def with_layout(doc: Document) -> Document:
    """Fill ``paragraphs`` and ``headings`` of a document whose body is not rebuilt."""
    doc.paragraphs, doc.headings = layout_spans(doc.body)
    return doc


def read_bytes(path: Path) -> bytes | Problem:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        return Problem(str(path), "is a directory", kind="unreadable")
    except OSError as exc:
        return Problem(str(path), f"cannot read file: {exc.strerror or exc}", kind="unreadable")


def read_text(path: Path) -> str | Problem:
    """The file's text, decoded (UTF-8, BOMs, cp1252/latin-1), or the Problem."""
    data = read_bytes(path)
    if isinstance(data, Problem):
        return data
    decoded = decode(data)
    if decoded.text is None:
        return Problem(str(path), decoded.reason or "not text", position=decoded.position,
                       kind=decoded.kind or "unreadable")
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        log.warning("%s: not UTF-8, decoded as %s", path, decoded.encoding)
    return decoded.text
