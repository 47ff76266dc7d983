"""Where documents get coded: in this process, in N local processes, or on a Dask cluster.

Every runner has the same shape: ``submit(documents) -> Job`` and
``job.result() -> list[CodedDocument | str]`` (a string is the reason a
document could not be coded). Each worker process builds its coder once and
keeps it (one spaCy pipeline per process). The database writer is always the
calling process: workers only code.
"""

from __future__ import annotations

import importlib
import multiprocessing
import signal
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import DyadwatchError
from .model import CodedDocument, Document
from .options import Options

Result = CodedDocument | str


@dataclass(frozen=True)
class CoderSpec:
    """How a worker builds its coder: the options, and a factory "module:attr" (None: Coder)."""

    options: Options
    factory: str | None = None

    def build(self) -> Any:
        if self.factory is None:
            from .pipeline import Coder

            return Coder(self.options)
        module, _, attr = self.factory.partition(":")
        try:
            cls = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise DyadwatchError(f"cannot load coder {self.factory!r}: {exc}") from None
        return cls(self.options)


_CODERS: dict[str, Any] = {}  # repr(spec) -> coder (Options is not hashable)
_LOCK = threading.Lock()  # threads of one Dask worker share its coder, one at a time


def code_batch(spec: CoderSpec, documents: list[Document]) -> list[Result]:
    """Code documents with this process's coder; a failing document yields its reason."""
    with _LOCK:
        key = repr(spec)
        coder = _CODERS.get(key)
        if coder is None:
            coder = _CODERS[key] = spec.build()
        try:
            return list(coder.code_many(documents))
        except Exception:  # noqa: BLE001 - isolate the failing document(s) below
            return [_code_one(coder, d) for d in documents]


def _code_one(coder: Any, document: Document) -> Result:
    try:
        return coder.code(document)  # type: ignore[no-any-return]
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a run
        return f"coder failed: {type(exc).__name__}: {exc}"


class Job(Protocol):
    def result(self) -> list[Result]: ...


@dataclass
class _Done:
    value: list[Result]

    def result(self) -> list[Result]:
        return self.value


class LocalRunner:
    """Code in this process."""

    workers = 1

    def __init__(self, spec: CoderSpec) -> None:
        self.spec = spec

    def submit(self, documents: list[Document]) -> Job:
        return _Done(code_batch(self.spec, documents))

    def close(self) -> None:
        pass


class _AsyncJob:
    def __init__(self, async_result: Any) -> None:
        self.async_result = async_result

    def result(self) -> list[Result]:
        return self.async_result.get()  # type: ignore[no-any-return]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops between batches and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class PoolRunner:
    """Code in N worker processes (spawned: each loads its own pipeline once)."""

    def __init__(self, spec: CoderSpec, workers: int) -> None:
        self.spec, self.workers = spec, workers
        self.pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_ignore_sigint)

    def submit(self, documents: list[Document]) -> Job:
        return _AsyncJob(self.pool.apply_async(code_batch, (self.spec, documents)))

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class DaskRunner:
    """Code on a Dask distributed cluster: an address (tcp://host:port) or "local"."""

    def __init__(self, spec: CoderSpec, address: str, workers: int = 2,
                 cluster_kwargs: dict[str, Any] | None = None) -> None:
        from distributed import Client, LocalCluster

        self.spec, self.cluster = spec, None
        try:
            if address == "local":
                kwargs = {"n_workers": workers, "threads_per_worker": 1, "dashboard_address": None}
                kwargs.update(cluster_kwargs or {})
                self.cluster = LocalCluster(**kwargs)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise DyadwatchError(f"cannot reach the Dask scheduler {address}: {exc}") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def submit(self, documents: list[Document]) -> Job:
        return self.client.submit(code_batch, self.spec, documents, pure=False)  # type: ignore[no-any-return]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


Runner = LocalRunner | PoolRunner | DaskRunner


def make_runner(spec: CoderSpec, workers: int = 1, scheduler: str | None = None) -> Runner:
    if scheduler:
        return DaskRunner(spec, scheduler, workers=max(workers, 1))
    if workers > 1:
        return PoolRunner(spec, workers)
    return LocalRunner(spec)

