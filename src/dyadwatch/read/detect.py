"""Bytes -> text: BOMs, UTF-8, the Windows/Latin-1 fallback, and binary detection.

``decode(data)`` never raises. It returns the text and the encoding used, or
``None`` and the reason why the bytes are not text (with the Problem kind).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import IO

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
)
# control characters that do not occur in text (tab, newlines and form feed do)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 64 * 1024


@dataclass
class Decoded:
    text: str | None
    encoding: str | None = None
    reason: str | None = None  # why text is None
    kind: str | None = None  # Problem kind when text is None
    position: str | None = None  # "byte N" where the bytes stop being text, when known

    @property
    def ok(self) -> bool:
        return self.text is not None


def _looks_like_text(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return True
    bad = len(_CONTROL.findall(sample))
    return bad <= max(1, len(sample) // 200)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes in every other position."""
    sample = data[: _SAMPLE - (_SAMPLE % 2)]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.6 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.6 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def _binary(reason: str, position: str | None = None) -> Decoded:
    return Decoded(None, reason=reason, kind="binary", position=position)


def decode(data: bytes) -> Decoded:
    """Decode bytes that should hold text; say why when they do not."""
    if not data.strip():
        return Decoded(None, reason="empty file", kind="empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, "bytes are not valid " + encoding.upper())
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return _binary(f"binary file ({name}), not text")
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _utf16_without_bom(data)
        if utf16:
            return _strict(data, utf16, "binary file (NUL bytes), not text")
        return _binary("binary file (NUL bytes), not text", f"byte {data.index(0)}")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _single_byte(data)
    if not _looks_like_text(text):
        return _binary("binary file (control characters), not text")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def _strict(data: bytes, encoding: str, reason: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return Decoded(None, reason=reason, kind="encoding")
    if not text.strip():
        return Decoded(None, reason="empty file", kind="empty")
    if not _looks_like_text(text):
        return _binary("binary file (control characters), not text")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def _single_byte(data: bytes) -> tuple[str, str]:
    """Windows-1252 where every byte is defined in it, else ISO-8859-1 (never fails)."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_CHUNK = 1 << 20


def count_chars(fh: IO[bytes]) -> int | Decoded:
    """Characters of the text in ``fh`` (CRLF counted once), decoded chunk by chunk as
    ``decode`` would, without holding the whole text: for files too large to read.
    A ``Decoded`` with the reason when the bytes are not text."""
    head = fh.read(_SAMPLE)
    encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    if encoding is None:
        sample = decode(head)
        if sample.kind == "binary":
            return sample
        utf16 = sample.encoding if sample.encoding and sample.encoding.startswith("utf-16") else None
        encoding = utf16 or "utf-8"
    fh.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    chars, blank = 0, True
    try:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            text = decoder.decode(chunk)
            chars += len(text) - text.count("\r\n")
            blank = blank and not text.strip()
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            return Decoded(None, reason=f"bytes are not valid {encoding.upper()}", kind="encoding")
        return fh.seek(0, 2)  # Windows-1252 / Latin-1: one character a byte
    if blank:
        return Decoded(None, reason="empty file", kind="empty")
    return chars
