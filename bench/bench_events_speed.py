"""Cost of everything after the spaCy parse, relative to the parse itself.

    .venv/bin/python bench/bench_events_speed.py [--repeat 3]

Reads the example articles (examples/articles + examples/corpus), runs the coder's
pre-parse steps (segmentation, actors, prefilter), then times separately
(a) the parse of the candidate sentences (``nlp.parse``, batched as in the pipeline) and
(b) everything after it: event coding, dates, merging and the hypothetical filter
(``Coder._finish``), and within (b) the event stage alone. Prints the times and the
ratio b/a (target: < 0.20) for the first pass (which fills the date parser's caches)
and for the steady state (mean of --repeat further passes over the same articles).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

from dyadwatch.model import Document
from dyadwatch.nlp import parse
from dyadwatch.options import Options
from dyadwatch.pipeline import Coder
from dyadwatch.read import read_inputs

REPO = Path(__file__).resolve().parents[1]


def documents() -> list[Document]:
    paths = [str(p) for p in (REPO / "examples/articles", REPO / "examples/corpus") if p.exists()]
    return [d for d in read_inputs(paths) if isinstance(d, Document)]


class _Timed:
    """Wraps a callable and accumulates the time spent in it."""

    def __init__(self, fn):  # type: ignore[no-untyped-def]
        self.fn, self.seconds = fn, 0.0

    def __call__(self, *args, **kw):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return self.fn(*args, **kw)
        finally:
            self.seconds += time.perf_counter() - t


def run(coder: Coder, docs: list[Document]) -> dict[str, float]:
    pending = [coder._prepare(d) for d in docs]
    parsed = [doc for p in pending for _, doc, _ in p.candidates]
    t0 = time.perf_counter()
    parse(coder.nlp, parsed, coder.options.batch_size)
    t1 = time.perf_counter()
    timed = _Timed(coder.events.code)
    coder.events.code = timed  # type: ignore[method-assign]
    try:  # the parse above ran every component (NER too), so no deferred NER pass here
        coded = [coder._finish(p, coder._code_events(p)) for p in pending]
    finally:
        del coder.events.code
    t2 = time.perf_counter()
    return {
        "parse_s": t1 - t0,
        "after_parse_s": t2 - t1,
        "events_s": timed.seconds,
        "sentences": sum(len(p.sentences) for p in pending),
        "parsed": len(parsed),
        "events": sum(len(c.events) for c in coded),
    }


def _summary(label: str, runs: list[dict[str, float]]) -> dict[str, object]:
    n = len(runs)
    tot = {k: sum(r[k] for r in runs) / n for k in runs[0]}
    return {
        "pass": label,
        "parsed_sentences": int(tot["parsed"]),
        "events": int(tot["events"]),
        "parse_s": round(tot["parse_s"], 3),
        "after_parse_s": round(tot["after_parse_s"], 3),
        "event_stage_s": round(tot["events_s"], 3),
        "ratio": round(tot["after_parse_s"] / tot["parse_s"], 3),
        "event_stage_ratio": round(tot["events_s"] / tot["parse_s"], 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    coder = Coder(Options())
    docs = documents()
    cold = run(coder, copy.deepcopy(docs))  # first pass: lazy tables, date-parser caches
    warm = [run(coder, copy.deepcopy(docs)) for _ in range(a.repeat)]
    print(json.dumps({"documents": len(docs), "sentences": int(cold["sentences"]), "target": "ratio < 0.20"}))
    print(json.dumps(_summary("first", [cold])))
    res = _summary("steady", warm)
    print(json.dumps(res))
    return 0 if float(res["ratio"]) < 0.2 else 1  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
