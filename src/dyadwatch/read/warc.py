"""WARC archives (.warc, .warc.gz): every HTML response record is one page.

Each HTML ``response`` (or ``resource``) record becomes a Document through the HTML reader, with the
record's ``WARC-Target-URI`` as url, its ``WARC-Record-ID`` (without the
``<urn:uuid:...>`` wrapper) as id, and position ``offset N`` (byte offset of the
record in the file). The date is the page's own publication date when its
metadata has one, else the capture date ``WARC-Date``. Records that are not
HTML responses (requests, metadata, images, scripts) are not articles and are
passed over; an HTML page without an article is a Problem at its offset.

A damaged file is read up to the damage: every complete record is read, and a
record cut short (in its header or its body, or in a gzip member that ends
early) is one Problem at its offset, never a page coded from partial text.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..model import Document, Problem
from .common import PAGE_BYTES_PER_CHAR, byte_limit, too_big
from .html import decode_html, parse_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_ID = re.compile(r"^<?(?:urn:uuid:)?([^>]+)>?$")


def _page_text(payload: bytes, content_type: str) -> str | None:
    return decode_html(payload, content_type).text if payload.strip() else None


def _html_type(record) -> str | None:  # type: ignore[no-untyped-def]
    """Content type of an HTML response (or resource) record, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":  # archived without HTTP headers (some crawlers)
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.lower().startswith(_HTML_TYPES) else None


def _content_length(record) -> int | None:  # type: ignore[no-untyped-def]
    try:
        length = int(record.rec_headers.get_header("Content-Length") or "")
    except ValueError:
        return None
    return length if length >= 0 else None


def _quietly(read):  # type: ignore[no-untyped-def]
    """Call ``read()`` with stderr captured: warcio writes its warnings there (several lines
    each); they become one Problem instead."""
    with contextlib.redirect_stderr(io.StringIO()):
        return read()


def _damage(record, records, length: int, warnings: int) -> str | None:  # type: ignore[no-untyped-def]
    """Why a record that has been read to its end is incomplete, else None."""
    if records.err_count > warnings:  # warcio: "Record not followed by newline"
        return f"WARC record not followed by a blank line (wrong Content-Length {length:,}?)"
    missing = getattr(record.raw_stream, "limit", 0)  # bytes of the block never read
    if missing > 0:
        return f"truncated WARC record (Content-Length {length:,}, got {length - missing:,} bytes)"
    decompressor = getattr(records.reader, "decompressor", None)
    if decompressor is not None and not decompressor.eof and records.next_line is None:
        return "gzip stream ends early (file cut short)"
    return None


def _read_record(record, records, name: str) -> Document | Problem | None:  # type: ignore[no-untyped-def]
    """The Document of an HTML record, a Problem for a damaged or too large one, else None."""
    position = f"offset {records.offset}"  # records.offset moves to the next record on read_to_end
    length = _content_length(record)
    if length is None:
        _quietly(records.read_to_end)
        return Problem(name, "WARC record header cut short or without a valid Content-Length",
                       position=position, kind="malformed")
    content_type = _html_type(record)
    page_limit = byte_limit(PAGE_BYTES_PER_CHAR)
    warnings = records.err_count
    read = content_type and length <= page_limit
    payload = _quietly(lambda: record.content_stream().read()) if read else b""
    _quietly(records.read_to_end)
    damage = _damage(record, records, length, warnings)
    if damage is not None:
        return Problem(name, damage, position=position, kind="malformed")
    if content_type is None:
        return None
    if length > page_limit:
        return too_big(length, "HTML record", PAGE_BYTES_PER_CHAR, name, position)
    return _record_document(record, payload, content_type, name, position)


def _record_document(record, payload: bytes, content_type: str, path: str,  # type: ignore[no-untyped-def]
                     position: str) -> Document | Problem:
    """The Document of one complete HTML response record, or its Problem."""
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


def _cut_tail(fh, offset: int, name: str) -> Problem | None:  # type: ignore[no-untyped-def]
    """Problem for bytes left after the last record warcio read (a record cut in its header)."""
    fh.seek(offset)
    rest = fh.read(256)
    if not rest.strip():
        return None
    reason = ("gzip stream ends early (file cut short)" if rest.startswith(b"\x1f\x8b")
              else "truncated WARC record (header cut short)")
    return Problem(name, reason, position=f"offset {offset}", kind="malformed")


def _cut_reason(fh, offset: int) -> tuple[str | None, bool]:  # type: ignore[no-untyped-def]
    """(why the record at ``offset`` could not be parsed, whether the file ends there)."""
    fh.seek(offset)
    if fh.read(2) == b"\x1f\x8b":
        fh.seek(offset)
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not member.eof and (chunk := fh.read(1 << 16)):
                member.decompress(chunk)
        except zlib.error:
            return "corrupt gzip data", False
        return (None, False) if member.eof else ("gzip stream ends early (file cut short)", True)
    fh.seek(offset)
    block = fh.read(1 << 16)
    if b"\r\n\r\n" not in block and b"\n\n" not in block and len(block) < 1 << 16:
        return "truncated WARC record (header cut short)", True
    return None, False


def _next_start(fh, after: int, gz: bool) -> int | None:  # type: ignore[no-untyped-def]
    """Offset of the next record after ``after``: a gzip member header in a .warc.gz, else
    a ``WARC/1.`` line after a blank line; None when there is none."""
    marker, skip = (b"\x1f\x8b\x08", 0) if gz else (b"\r\n\r\nWARC/1.", 4)
    pos, carry = after + 1, b""
    fh.seek(pos)
    while chunk := fh.read(1 << 20):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return pos - len(carry) + found + skip
        carry = data[-(len(marker) - 1):]
        pos += len(chunk)
    return None


def _load_failed(exc: Exception, offset: int) -> str:
    if "non-chunked gzip" in str(exc):
        return ("WARC file gzipped as a whole, not record by record "
                "(recompress it with `warcio recompress`)")
    # its message quotes the raw first line, unreadable for a binary file
    missing = "no WARC record header where one should start"
    return f"not a valid WARC file ({missing})" if offset == 0 else missing


def _offset(records) -> int | None:  # type: ignore[no-untyped-def]
    try:
        return int(records.offset) if records is not None else None
    except Exception:  # the iterator may be in any state after a failure
        return None


def _failure(fh, records, name: str, exc: Exception, start: int,  # type: ignore[no-untyped-def]
             gz: bool) -> tuple[Problem, int | None]:
    """The one Problem for a record warcio fails to parse, and the offset where reading
    resumes (the next record start), None when the rest of the file is skipped."""
    from warcio.exceptions import ArchiveLoadFailed

    offset = _offset(records)
    offset = start if offset is None else offset
    position = f"offset {offset}"
    if isinstance(exc, OSError) and not isinstance(exc, EOFError):
        return Problem(name, f"cannot read WARC file: {exc.strerror or exc}", position=position,
                       kind="unreadable"), None
    reason, at_end = _cut_reason(fh, offset)
    if reason is None and isinstance(exc, ArchiveLoadFailed):
        reason = _load_failed(exc, offset)
    # warcio fails on malformed records with assorted internal errors
    reason = reason or "malformed WARC record"
    resume = None if at_end else _next_start(fh, offset, gz)
    if resume is not None:
        reason += f"; reading resumes at offset {resume}"
    elif not at_end and (offset > 0 or fh.seek(0, 2) > offset + 4096):
        reason += "; the rest of the file is skipped"
    return Problem(name, reason, position=position, kind="malformed"), resume


def read_warc_file(path: Path) -> Iterator[Document | Problem]:
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Problem(name, f"cannot read WARC file: {exc.strerror or exc}", kind="unreadable")
        return
    with fh:
        yield from _read_records(fh, name)


def _read_records(fh, name: str) -> Iterator[Document | Problem]:  # type: ignore[no-untyped-def]
    """Records from ``start``; after a record warcio cannot parse, again from the next one."""
    from warcio.archiveiterator import ArchiveIterator

    gz = fh.read(2) == b"\x1f\x8b"
    found = start = 0  # found: Documents and Problems of records
    while True:
        fh.seek(start)
        records = None
        try:
            records = ArchiveIterator(fh)
            while (record := _quietly(lambda it=records: next(it, None))) is not None:
                item = _read_record(record, records, name)
                if item is not None:
                    found += 1
                    yield item
            cut = _cut_tail(fh, records.offset, name)
        except Exception as exc:  # noqa: BLE001 - every failure is one Problem, never a traceback
            problem, resume = _failure(fh, records, name, exc, start, gz)
            yield problem
            if resume is None:
                return
            found, start = found + 1, resume
            continue
        break
    if cut is not None:
        yield cut
    elif found == 0:
        yield Problem(name, "no HTML response record in the WARC file", kind="no-article")
