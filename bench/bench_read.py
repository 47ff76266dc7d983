"""Reader, segmentation and date-resolution speed.

    .venv/bin/python bench/bench_read.py [--n 400]

Builds inputs in a temporary directory from the layout fixtures in
tests/data/read/ (text files, one JSONL file, HTML pages, one WARC of the same
pages), then times read_inputs over each format, split_sentences (blank
English tokenizer, no model) over the documents read, and date_for_event over
token-only sentences. One process, one core; figures are documents (or calls)
per second, best of 3 runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import spacy
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.dates import date_for_event
from dyadwatch.model import Document
from dyadwatch.read import read_inputs
from dyadwatch.segment import split_sentences

REPO = Path(__file__).resolve().parents[1]
FIXTURES = sorted((REPO / "tests" / "data" / "read").glob("*.txt"))


def _html(doc: Document) -> str:
    paragraphs = "".join(f"<p>{doc.body[s:e]}</p>" for s, e in doc.paragraphs)
    return (f"<html><head><title>{doc.title or 'Story'}</title>"
            '<meta property="article:published_time" content="2025-06-11"></head><body>'
            f"<nav><a href='/'>Home</a></nav><article><h1>{doc.title or 'Story'}</h1>"
            f"{paragraphs}</article><footer>Copyright</footer></body></html>")


def build(root: Path, n: int) -> dict[str, list[Path]]:
    docs = [d for d in read_inputs(FIXTURES) if isinstance(d, Document)]
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    (root / "text").mkdir()
    for i in range(n):
        (root / "text" / f"{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    with (root / "a.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = docs[i % len(docs)]
            fh.write(json.dumps({"id": str(i), "text": d.body, "title": d.title, "date": "2025-06-11"}) + "\n")
    (root / "html").mkdir()
    for i in range(n):
        (root / "html" / f"{i:05d}.html").write_text(_html(docs[i % len(docs)]), encoding="utf-8")
    with (root / "a.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            payload = BytesIO(_html(docs[i % len(docs)]).encode())
            writer.write_record(writer.create_warc_record(
                f"https://x.example/{i}", "response", payload=payload, http_headers=http))
    return {"text": [root / "text"], "jsonl": [root / "a.jsonl"], "html": [root / "html"],
            "warc": [root / "a.warc.gz"]}


def best_rate(count: int, run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return count / min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="documents per format")
    args = parser.parse_args()
    print(f"command: .venv/bin/python bench/bench_read.py --n {args.n}")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build(Path(tmp), args.n)
        for fmt, paths in inputs.items():
            items = list(read_inputs(paths))
            ok = sum(isinstance(i, Document) for i in items)
            rate = best_rate(len(items), lambda p=paths: list(read_inputs(p)))
            print(f"read {fmt:5s}: {ok}/{len(items)} documents, {rate:8.0f} docs/s")
        docs = [d for d in read_inputs(inputs["jsonl"]) if isinstance(d, Document)]
    nlp = spacy.blank("en")
    sentences = [doc for d in docs for _, doc in split_sentences(d, nlp)]
    rate = best_rate(len(docs), lambda: [split_sentences(d, nlp) for d in docs])
    print(f"segment    : {len(sentences)} sentences from {len(docs)} documents, {rate:8.0f} docs/s")
    anchor = dt.date(2025, 6, 11)
    rate = best_rate(len(sentences), lambda: [date_for_event(s, len(s.text) // 2, anchor) for s in sentences])
    print(f"dates      : {rate:8.0f} date_for_event calls/s (token-only sentences)")


if __name__ == "__main__":
    main()
