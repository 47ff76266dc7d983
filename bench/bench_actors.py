"""Actor engine figures: resolution accuracy on the mention test set, load and matching time.

    .venv/bin/python bench/bench_actors.py [--misses] [--set tests/data/actor_mentions.jsonl]

(1) accuracy: each gold mention (located by its nth occurrence in the text) is
correct when a resolved mention overlapping it has the gold code; also counts
wrong codes and misses. (2) dictionary load time (compile from the files, and
from the on-disk cache), and the time to match+resolve the sentences of the set
against the time to parse the same sentences with the spaCy model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SET = REPO / "tests" / "data" / "actor_mentions.jsonl"


@dataclass
class Score:
    total: int = 0
    correct: int = 0
    wrong: int = 0
    missed: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def gold_span(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(mention, pos + 1)
        if pos < 0:
            return None
    return (pos, pos + len(mention))


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_item(item: dict, mentions: list) -> tuple[Score, list[str]]:
    """Score one text's gold mentions against the resolved mentions; lines describing errors."""
    score, errors = Score(), []
    for gold in item["mentions"]:
        score.total += 1
        span = gold_span(item["text"], gold["text"], gold["occurrence"])
        if span is None:
            score.missed += 1
            errors.append(f"{item['id']}: gold {gold['text']!r} #{gold['occurrence']} not in the text")
            continue
        found = [m for m in mentions if m.start < span[1] and span[0] < m.end]
        if any(m.code == gold["code"] for m in found):
            score.correct += 1
        elif found:
            score.wrong += 1
            got = ", ".join(f"{m.text!r}={m.code} ({m.reason})" for m in found)
            errors.append(f"{item['id']} {item['date']}: {gold['text']!r} want {gold['code']}, got {got}")
        else:
            score.missed += 1
            errors.append(f"{item['id']} {item['date']}: {gold['text']!r} want {gold['code']}, missed")
    return score, errors


def accuracy(items: list[dict]) -> tuple[Score, list[str], int]:
    from dyadwatch.actors import resolve_text

    total, errors, extra = Score(), [], 0
    for item in items:
        mentions = resolve_text(item["text"], dt.date.fromisoformat(item["date"]))
        s, e = score_item(item, mentions)
        for k in ("total", "correct", "wrong", "missed"):
            setattr(total, k, getattr(total, k) + getattr(s, k))
        errors.extend(e)
        spans = [gold_span(item["text"], g["text"], g["occurrence"]) for g in item["mentions"]]
        extra += sum(1 for m in mentions if m.kind != "agent" and not any(
            sp and m.start < sp[1] and sp[0] < m.end for sp in spans))
    return total, errors, extra


def load_times() -> dict[str, float]:
    """Seconds (wall and CPU) to build the stage from the files, and to load it from the cache."""
    from dyadwatch.actors import ActorStage, _shipped_stage
    from dyadwatch.actors.cache import no_gc
    from dyadwatch.actors.dictionary import load_dictionary
    from dyadwatch.actors.matcher import blank_english

    blank_english()  # spaCy's tokenizer loads once per process anyway (the pipeline has it)
    w0, c0 = time.perf_counter(), time.process_time()
    with no_gc():  # as _shipped_stage builds it
        stage = ActorStage(load_dictionary())
    w1, c1 = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DYADWATCH_CACHE_DIR"] = tmp
        _shipped_stage.cache_clear()
        _shipped_stage(True)  # writes the cache
        _shipped_stage.cache_clear()
        w2, c2 = time.perf_counter(), time.process_time()
        _shipped_stage(True)
        w3, c3 = time.perf_counter(), time.process_time()
        del os.environ["DYADWATCH_CACHE_DIR"]
    return {"entries": len(stage.dictionary.entries), "patterns": stage.resolver.matcher.size,
            "compile_s": w1 - w0, "compile_cpu": c1 - c0, "cached_s": w3 - w2, "cached_cpu": c3 - c2}


def match_vs_parse(items: list[dict], repeat: int = 5) -> dict[str, float]:
    from dyadwatch.actors import load_stage
    from dyadwatch.model import Sentence
    from dyadwatch.nlp import load_pipeline, split_into_sentences

    nlp = load_pipeline()
    stage = load_stage()
    docs = [d for item in items for d in split_into_sentences(nlp, item["text"])]
    t0 = time.perf_counter()
    for _ in range(repeat):
        ctx = stage.new_context(dt.date(2025, 6, 11))
        for i, doc in enumerate(docs):
            stage.find(doc, Sentence(i, doc.text, 0, len(doc.text)), ctx)
    t1 = time.perf_counter()
    texts = [d.text for d in docs]
    t2 = time.perf_counter()
    for _ in range(repeat):
        list(nlp.pipe(texts, batch_size=64))
    t3 = time.perf_counter()
    return {"sentences": len(docs), "match_ms_per_sentence": (t1 - t0) / repeat / len(docs) * 1000,
            "parse_ms_per_sentence": (t3 - t2) / repeat / len(docs) * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--misses", action="store_true", help="print every wrong or missed mention")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args(argv)
    print("command: .venv/bin/python bench/bench_actors.py" + (f" --set {args.set}" if args.set != DEFAULT_SET else ""))
    if not args.set.exists():
        print(f"no mention set at {args.set}", file=sys.stderr)
        return 1
    items = load_set(args.set)
    score, errors, extra = accuracy(items)
    print(f"mention set: {len(items)} texts, {score.total} gold mentions")
    print(f"accuracy: {score.accuracy:.3f} ({score.correct}/{score.total}); wrong code {score.wrong}, missed {score.missed}")
    print(f"extra mentions (not agent-only, overlapping no gold mention): {extra}")
    if args.misses:
        print("\n".join(errors))
    if not args.no_timing:
        lt = load_times()
        print(f"dictionaries: {lt['entries']} entries, {lt['patterns']} patterns; compile {lt['compile_s']:.2f} s (CPU {lt['compile_cpu']:.2f} s), load from cache {lt['cached_s']:.2f} s (CPU {lt['cached_cpu']:.2f} s)")
        mp = match_vs_parse(items)
        print(f"{mp['sentences']} sentences: match+resolve {mp['match_ms_per_sentence']:.3f} ms/sentence, parse (spaCy model) {mp['parse_ms_per_sentence']:.3f} ms/sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
