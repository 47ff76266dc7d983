"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from ..model import Document, Problem
from .common import (
    PAGE_BYTES_PER_CHAR,
    byte_limit,
    content_id,
    layout_spans,
    read_bytes,
    too_big,
    too_long,
)
from .detect import Decoded, decode
from .layout import ends_sentence, words

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
MIN_PROSE_WORDS = 8  # a page is an article when one paragraph is a sentence this long

# metadata and URL dates only: the extensive search guesses (a footer's "© 2025" -> 2025-01-01)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its own warnings are not ours


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura  # slow import: only when an HTML page is read

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                             include_comments=False, include_tables=False,
                                             date_extraction_params=_DATE_PARAMS)
    except Exception:  # trafilatura/lxml fail in many ways on broken markup
        return None
    if result is None:
        return None
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    return data


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in value.replace(" and ", ";").split(";") if a.strip()]


def _subtitle(data: dict[str, Any], body: str) -> str | None:
    """The page's description (standfirst), unless it only repeats the start of the body."""
    description = " ".join((data.get("description") or "").split())
    if not description or " ".join(body[: len(description) + 20].split()).startswith(description[:60]):
        return None
    return description


def parse_html(html: str, path: str, url: str | None = None,
               position: str | None = None) -> Document | Problem:
    """One page -> Document (paragraphs as trafilatura gives them), or Problem "no article"
    (or "too-long" for a body over MAX_BODY_CHARS; callers check the page's size first)."""
    data = _extract(html, url)
    text = (data or {}).get("text") or ""
    title = (data or {}).get("title") or None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]  # trafilatura repeats the <h1> headline as the first line
    if data is None or not any(ends_sentence(x) and len(words(x)) >= MIN_PROSE_WORDS for x in lines):
        return Problem(path, "no article text found", position=position, kind="no-article")
    body = "\n\n".join(lines)
    problem = too_long(len(body), path, position)
    if problem is not None:
        return problem
    paragraphs, headings = layout_spans(body)
    return Document(
        id=content_id(body), body=body, title=title, subtitle=_subtitle(data, body),
        section=next(iter(data.get("categories") or []), None), outlet=data.get("sitename") or None,
        authors=_authors(data.get("author")), date=data.get("date") or None,
        url=data.get("url") or url, path=path, position=position, format="html",
        paragraphs=paragraphs, headings=headings,
    )


def decode_html(data: bytes, content_type: str = "") -> Decoded:
    """Bytes of a page: UTF-8, else the charset declared (HTTP header, then <meta>), else cp1252."""
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    for declared in (_CHARSET.search(content_type), _CHARSET.search(data[:4096].decode("ascii", "ignore"))):
        if declared:
            try:
                return Decoded(data.decode(declared.group(1)), declared.group(1).lower())
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(data)


def read_html_file(path: Path) -> Document | Problem:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes reports it
    if size > byte_limit(PAGE_BYTES_PER_CHAR):  # not even read: trafilatura would take minutes
        return too_big(size, "HTML page", PAGE_BYTES_PER_CHAR, str(path))
    data = read_bytes(path)
    if isinstance(data, Problem):
        return data
    decoded = decode(data) if not data.strip() or b"\x00" in data[:4096] else decode_html(data)
    if decoded.text is None:
        return Problem(str(path), decoded.reason or "not text", position=decoded.position,
                       kind=decoded.kind or "unreadable")
    return parse_html(decoded.text, str(path))
