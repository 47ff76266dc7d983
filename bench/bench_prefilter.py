"""Prefilter speed and loss: the coder with the prefilter vs spaCy over all the text.

Prints, on a corpus of news articles (examples/articles + examples/corpus when
present, else the seed article + the dev gold sentences grouped into
articles), repeated --repeat times:

- ratio = coder time (prefilter on) / time the same spaCy pipeline takes over all the text
  (``nlp.pipe`` over every title and body; target <= 0.6);
- the coder time with the prefilter off, for comparison;
- events lost: events found with the prefilter off but not with it on (target < 1%).

    .venv/bin/python bench/bench_prefilter.py [--repeat 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from dyadwatch.model import Document
from dyadwatch.options import Options
from dyadwatch.pipeline import Coder
from dyadwatch.read import read_inputs

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def corpus() -> tuple[str, list[Document]]:
    paths = [p for p in (REPO / "examples" / "articles", REPO / "examples" / "corpus") if p.exists()]
    if paths:
        docs = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]
        return "examples/articles + examples/corpus", docs
    docs = [d for d in read_inputs(sorted((SHARED / "seeds").glob("*.txt"))) if isinstance(d, Document)]
    gold = json.loads((SHARED / "eval" / "plover_gsr_dev.json").read_text(encoding="utf-8"))
    for i in range(0, len(gold), 8):
        body = "\n\n".join(r["text"] for r in gold[i : i + 8])
        docs.append(Document(id=f"gold{i}", body=body, date=gold[i].get("date")))
    return "seed + dev gold sentences (8 per article)", docs


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def event_keys(coded) -> Counter:  # type: ignore[no-untyped-def]
    return Counter((c.document.id, e.source_code, e.target_code, e.cameo_code, e.sentence_index)
                   for c in coded for e in c.events)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="copies of the corpus coded in one run")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds; the best is kept")
    args = ap.parse_args()
    name, docs = corpus()
    docs = docs * args.repeat
    on, off = Coder(Options(prefilter=True)), Coder(Options(prefilter=False))
    nlp = on.nlp
    texts = [t for d in docs for t in (d.title, d.body) if t]
    list(on.code_many(docs[:5]))  # warm-up: lazy tables, caches
    list(off.code_many(docs[:5]))
    list(nlp.pipe(texts[:5]))
    runs: dict[str, list[float]] = {"full": [], "on": [], "off": []}
    for _ in range(args.rounds):  # interleaved, best of N: the machine may be shared
        t, _ = timed(lambda: list(nlp.pipe(texts, batch_size=on.options.batch_size)))
        runs["full"].append(t)
        t, coded_on = timed(lambda: list(on.code_many(docs)))
        runs["on"].append(t)
        t, coded_off = timed(lambda: list(off.code_many(docs)))
        runs["off"].append(t)
    t_full, t_on, t_off = (min(runs[k]) for k in ("full", "on", "off"))
    k_on, k_off = event_keys(coded_on), event_keys(coded_off)
    lost = sum((k_off - k_on).values())
    n_off = sum(k_off.values())
    skipped = Counter()
    for c in coded_on:
        skipped.update(c.skipped)
    n_sent = sum(len(c.sentences) for c in coded_on)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {name}: {len(docs) // args.repeat} articles x {args.repeat} = {len(docs)} "
          f"articles, {n_sent} sentences, {chars} characters")
    print(f"best of {args.rounds} interleaved rounds; all rounds: "
          + "; ".join(f"{k} " + " ".join(f"{t:.2f}" for t in v) for k, v in runs.items()))
    print(f"spaCy pipeline over all the text (nlp.pipe): {t_full:.2f} s")
    print(f"coder, prefilter on:  {t_on:.2f} s   ratio to full parse = {t_on / t_full:.2f} (target <= 0.6)")
    print(f"coder, prefilter off: {t_off:.2f} s   ratio to full parse = {t_off / t_full:.2f}")
    print(f"sentences not parsed with the prefilter on: {dict(skipped)} of {n_sent}")
    print(f"events: {n_off} with prefilter off, {sum(k_on.values())} with it on; "
          f"lost {lost} = {100 * lost / max(n_off, 1):.2f}% (target < 1%)")
    print(f"command: .venv/bin/python bench/bench_prefilter.py --repeat {args.repeat} "
          f"--rounds {args.rounds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
