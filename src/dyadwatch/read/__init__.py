"""Readers: inputs -> Document, or Problem for what cannot be read.

    read_inputs(paths, fmt=None) -> Iterator[Document | Problem]

Paths may be files, directories (walked recursively, in sorted order, keeping
files with a known extension, skipping hidden ones and README/LICENSE/NOTICE
files) or glob patterns. The
format comes from ``fmt`` (text, html, jsonl, warc) or from the extension, and
for an unknown extension from the first bytes. Nothing here raises on bad
input: every problem is yielded as a Problem with path, position and reason.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document, Problem
from .html import read_html_file
from .jsonl import read_jsonl_file
from .pathdate import date_in_path
from .text import parse_text, read_text_file
from .warc import read_warc_file

__all__ = ["FORMATS", "format_of", "parse_text", "read_inputs"]

FORMATS = ("text", "html", "jsonl", "warc")
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".warc": "warc", ".warc.gz": "warc",
}
_GLOB_CHARS = set("*?[")
_NOT_ARTICLES = ("readme", "license", "licence", "notice", "changelog")  # skipped in directories


def _walked(root: Path, path: Path) -> bool:
    """Whether a file found under a directory is read: known extension, not hidden, not a README."""
    rel = path.relative_to(root).parts
    return (path.is_file() and _extension(path) in _EXTENSIONS
            and not any(part.startswith(".") for part in rel)
            and not path.name.lower().startswith(_NOT_ARTICLES))


def _extension(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[-1] == ".gz":
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def _sniff(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return "text"  # the text reader reports the error
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in stripped:
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "text"


def format_of(path: Path) -> str:
    """The input format of a file, from its extension or else its first bytes."""
    return _EXTENSIONS.get(_extension(path)) or _sniff(path)


def _expand(item: str | Path) -> Iterator[Path | Problem]:
    path = Path(item)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if _walked(path, p))
        if not found:
            yield Problem(str(path), "no readable files in directory", kind="empty")
        yield from found
    elif path.exists():
        yield path
    elif _GLOB_CHARS & set(str(item)):
        matches = sorted(glob.glob(str(item), recursive=True))
        if not matches:
            yield Problem(str(item), "no file matches this pattern", kind="unreadable")
        for m in matches:
            yield from _expand(m)
    else:
        yield Problem(str(path), "no such file or directory", kind="unreadable")


def _read_file(path: Path, fmt: str) -> Iterator[Document | Problem]:
    try:
        if path.stat().st_size == 0:
            yield Problem(str(path), "empty file", kind="empty")
            return
    except OSError as exc:
        yield Problem(str(path), f"cannot read file: {exc.strerror or exc}", kind="unreadable")
        return
    if fmt == "jsonl":
        yield from read_jsonl_file(path)
    elif fmt == "warc":
        yield from read_warc_file(path)
    elif fmt == "html":
        yield read_html_file(path)
    else:
        yield read_text_file(path)


def read_inputs(paths: Iterable[str | Path], fmt: str | None = None,
                date_from_path: bool = False) -> Iterator[Document | Problem]:
    """Read every input, in order: one Document per article, one Problem per failure.

    With ``date_from_path``, a document without a date of its own takes the last
    YYYY-MM-DD written in its file path (``2025/06/10/story.html``).
    """
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r}; choose one of {', '.join(FORMATS)}")
    for item in paths:
        for path in _expand(item):
            if isinstance(path, Problem):
                yield path
                continue
            for result in _read_file(path, fmt or format_of(path)):
                if date_from_path and isinstance(result, Document) and not result.date:
                    result.date = date_in_path(str(path))
                yield result
