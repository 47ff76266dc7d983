"""Accuracy of the coder on the development gold data; records the figures in docs/accuracy.md.

    .venv/bin/python bench/eval_accuracy.py [GOLD ...] [--no-write]

Defaults to ../shared/eval/plover_gsr_dev.json (the sibling of the repository), the
project's second development set bench/dev2/plover_dev2.json and the held-out set
bench/heldout/plover_heldout.json, each scored on its own. Prints the
figures of ``dyadwatch eval`` and rewrites the generated sections of docs/accuracy.md
with them, the date and this command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

from dyadwatch.eval import EvalReport, evaluate, format_text

REPO = Path(__file__).resolve().parents[1]
DEV_GOLD = REPO.parent / "shared" / "eval" / "plover_gsr_dev.json"
DOC = REPO / "docs" / "accuracy.md"
HELDOUT_GOLD = REPO / "bench" / "heldout" / "plover_heldout.json"
START, END = "<!-- eval_accuracy:start -->", "<!-- eval_accuracy:end -->"
HELDOUT_MARKS = ("<!-- eval_heldout:start -->", "<!-- eval_heldout:end -->")
DEV2_GOLD = REPO / "bench" / "dev2" / "plover_dev2.json"
DEV2_MARKS = ("<!-- eval_dev2:start -->", "<!-- eval_dev2:end -->")
COMMAND = ".venv/bin/python bench/eval_accuracy.py"


def section(report: EvalReport, gold: list[Path], seconds: float,
            marks: tuple[str, str] = (START, END)) -> str:
    names = ", ".join(f"`{p.name}`" for p in gold)
    rows = [f"| triples, {level} level | {prf.precision:.3f} | {prf.recall:.3f} | {prf.f1:.3f} |"
            for level, prf in report.triples.items() if prf.gold or prf.predicted]
    lines = [
        marks[0],
        f"Measured {dt.date.today().isoformat()} on {names} ({report.sentences} sentences, "
        f"{seconds:.1f} s), with `{COMMAND}`:",
        "",
        f"- event-type accuracy: **{report.type_accuracy:.3f}** "
        f"({report.type_correct}/{report.typed_sentences} sentences)",
    ]
    if report.root_accuracy is not None:
        lines.append(f"- CAMEO-root accuracy: **{report.root_accuracy:.3f}**")
    lines += ["", "| measure | precision | recall | F1 |", "| --- | --- | --- | --- |", *rows, "",
              "Full report (per type, confusion):", "", "```", format_text(report).rstrip(), "```",
              marks[1]]
    return "\n".join(lines)


def write_doc(text: str, marks: tuple[str, str] = (START, END)) -> None:
    start, end = marks
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Accuracy\n\n{start}\n{end}\n"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(doc):
        doc = doc.rstrip() + f"\n\n{start}\n{end}\n"
    DOC.write_text(pattern.sub(lambda _m: text, doc), encoding="utf-8")


def _run(gold: list[Path], marks: tuple[str, str], write: bool) -> None:
    t0 = time.perf_counter()
    report = evaluate(gold)
    seconds = time.perf_counter() - t0
    report.files = [os.path.relpath(p, REPO) for p in gold]
    print(format_text(report), end="")
    print(f"({seconds:.1f} s)  command: {COMMAND}")
    if write:
        write_doc(section(report, gold, seconds, marks), marks)
        print(f"figures written to {DOC.relative_to(REPO)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--no-write", action="store_true", help="Print only; leave docs/ alone.")
    args = ap.parse_args()
    runs = [(args.gold, (START, END))] if args.gold else [
        ([DEV_GOLD], (START, END)), ([DEV2_GOLD], DEV2_MARKS), ([HELDOUT_GOLD], HELDOUT_MARKS)]
    missing = [p for gold, _ in runs for p in gold if not p.exists()]
    if missing:
        print(f"gold data not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    for gold, marks in runs:
        _run(gold, marks, not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
