"""WARC archives (.warc, .warc.gz): every HTML response record is one page.

Each HTML ``response`` (or ``resource``) record becomes a Document through the HTML reader, with the
record's ``WARC-Target-URI`` as url, its ``WARC-Record-ID`` (without the
``<urn:uuid:...>`` wrapper) as id, and position ``offset N`` (byte offset of the
record in the file). The date is the page's own publication date when its
metadata has one, else the capture date ``WARC-Date``. Records that are not
HTML responses (requests, metadata, images, scripts) are not articles and are
passed over; an HTML page without an article is a Problem at its offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..model import Document, Problem
from .html import decode_html, parse_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_ID = re.compile(r"^<?(?:urn:uuid:)?([^>]+)>?$")


def _page_text(payload: bytes, content_type: str) -> str | None:
    return decode_html(payload, content_type).text if payload.strip() else None


def _html_payload(record) -> tuple[bytes, str] | None:  # type: ignore[no-untyped-def]
    """(payload, content type) of an HTML response record, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":  # archived without HTTP headers (some crawlers)
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    return record.content_stream().read(), content_type


def _record_document(record, payload: bytes, content_type: str, path: str,  # type: ignore[no-untyped-def]
                     offset: int) -> Document | Problem:
    """The Document of one HTML response record, or its Problem."""
    position = f"offset {offset}"
    html = _page_text(payload, content_type)
    if html is None or not html.strip():
        return Problem(path, "HTML record has no text", position=position, kind="no-article")
    url = record.rec_headers.get_header("WARC-Target-URI")
    found = parse_html(html, path, url=url, position=position)
    if isinstance(found, Document):
        record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
        m = _RECORD_ID.match(record_id.strip())
        if m:
            found.id = m.group(1)
        warc_date = record.rec_headers.get_header("WARC-Date") or ""
        found.date = found.date or (warc_date[:10] or None)
        found.format = "warc"
    return found


def _where(records) -> str | None:  # type: ignore[no-untyped-def]
    try:
        return f"offset {records.offset}" if records is not None else None
    except Exception:  # the iterator may be in any state after a failure
        return None


def read_warc_file(path: Path) -> Iterator[Document | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    pages = 0
    records = None
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                page = _html_payload(record)  # read before asking the offset, which skips the record
                if page is not None:
                    pages += 1
                    yield _record_document(record, *page, name, records.get_record_offset())
    except ArchiveLoadFailed as exc:
        del exc  # its message quotes the raw first line, unreadable for a binary file
        yield Problem(name, "not a valid WARC file (no WARC record header where one should start)",
                      position=_where(records), kind="malformed")
        return
    except OSError as exc:
        yield Problem(name, f"cannot read WARC file: {exc.strerror or exc}", kind="unreadable")
        return
    except Exception:  # warcio fails on malformed records with assorted internal errors
        yield Problem(name, "malformed or truncated WARC record; the rest of the file is skipped",
                      position=_where(records), kind="malformed")
        return
    if pages == 0:
        yield Problem(name, "no HTML response record in the WARC file", kind="no-article")
