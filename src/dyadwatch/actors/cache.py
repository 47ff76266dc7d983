"""On-disk cache of the compiled actor stage, keyed by the dictionary files' sizes and times.

Compiling ~27,000 entries takes seconds; unpickling the compiled form takes a
fraction of one. The cache lives in ``$DYADWATCH_CACHE_DIR``, else
``$XDG_CACHE_HOME/dyadwatch``, else ``~/.cache/dyadwatch``; set
``DYADWATCH_CACHE_DIR=off`` to disable it. An unreadable or stale cache is rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from .. import __version__

T = TypeVar("T")
FORMAT = 1


def cache_dir() -> Path | None:
    value = os.environ.get("DYADWATCH_CACHE_DIR")
    if value == "off":
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadwatch"


def _code_stamp() -> str:
    """Sizes and times of the engine's own modules, taken when they are imported: a process
    running older code never writes its pickle under the key of newer code."""
    parts = []
    for p in sorted(Path(__file__).resolve().parent.glob("*.py")):
        st = p.stat()
        parts.append(f"{p.name}|{st.st_size}|{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


_CODE = _code_stamp()


def files_key(paths: Sequence[Path], extra: str = "") -> str:
    h = hashlib.sha256(f"{__version__}|{FORMAT}|{_CODE}|{extra}".encode())
    for p in paths:
        try:
            st = p.stat()
            h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{p}|missing\n".encode())
    return h.hexdigest()[:32]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of objects are made at once."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same key."""
    with no_gc():
        return _cached(name, key, build)


def _cached(name: str, key: str, build: Callable[[], T]) -> T:
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file, in the user's cache dir
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-" + "[0-9a-f]" * 32 + ".pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home: no cache, same result
    return value
