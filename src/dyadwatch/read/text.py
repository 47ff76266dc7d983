"""Plain-text articles: header (outlet, section, title, subtitle, byline), body, furniture."""

from __future__ import annotations

from pathlib import Path

from ..model import Document, Problem, Span
from . import common  # common.MAX_BODY_CHARS read at call time (tests lower it)
from .common import content_id, read_text, too_long
from .detect import count_chars
from .header import Header, header_end, parse_header
from .layout import Unit, is_furniture, mark_body, split_units


def parse_text(text: str, path: str | None = None) -> Document | Problem:
    """Parse the text of one article; the body is rebuilt without page furniture."""
    name = path or "-"
    huge = too_long(len(text), name)  # a huge text is never laid out
    if huge is not None:
        return huge
    units = split_units(text)
    if not units:
        return Problem(path or "-", "empty file", kind="empty")
    end = header_end(units)
    header = parse_header(units[:end]) if end else Header()
    body_units = units[end:]
    mark_body(body_units)
    kept = [u for u in body_units if u.kind != "furniture"]
    if not kept:  # nothing but short lines: no layout to trust, the text is the body
        header = Header()
        kept = [u for u in units if not is_furniture(u.text)] or units
        for u in kept:
            u.kind = "paragraph"
    body, paragraphs, headings = _assemble(kept)
    return too_long(len(body), name) or Document(
        id=content_id(body), body=body, title=header.title, subtitle=header.subtitle,
        outlet=header.outlet, section=header.section, authors=header.authors, date=header.date,
        path=path, position=None, format="text", paragraphs=paragraphs, headings=headings,
    )


def _assemble(units: list[Unit]) -> tuple[str, list[Span], list[Span]]:
    parts: list[str] = []
    paragraphs: list[Span] = []
    headings: list[Span] = []
    pos = 0
    for u in units:
        span = (pos, pos + len(u.text))
        (headings if u.kind == "heading" else paragraphs).append(span)
        parts.append(u.text)
        pos = span[1] + 2
    return "\n\n".join(parts), paragraphs, headings


def _measure(path: Path) -> Problem | None:
    """Problem "too-long" (or why the file is not text) for a file larger than the limit,
    counted without reading it whole; None when it can be read."""
    try:
        if path.stat().st_size <= common.MAX_BODY_CHARS:  # never more characters than bytes
            return None
        with path.open("rb") as fh:
            chars = count_chars(fh)
    except OSError:
        return None  # read_text reports it
    if isinstance(chars, int):
        return too_long(chars, str(path))
    return Problem(str(path), chars.reason or "not text", kind=chars.kind or "unreadable")


def read_text_file(path: Path) -> Document | Problem:
    problem = _measure(path)
    if problem is not None:
        return problem
    text = read_text(path)
    if isinstance(text, Problem):
        return text
    return parse_text(text, str(path))
