"""Readers (STUB, to be replaced): inputs -> Document, or Problem for what cannot be read.

    read_inputs(paths, fmt=None) -> Iterator[Document | Problem]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Document, Problem


def read_inputs(paths: Iterable[str | Path], fmt: str | None = None) -> Iterator[Document | Problem]:
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield Problem(str(path), str(exc))
            continue
        if not text.strip():
            yield Problem(str(path), "empty file", kind="empty")
            continue
        yield Document(id=hashlib.sha1(text.encode()).hexdigest()[:16], body=text, path=str(path))
