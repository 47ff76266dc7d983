"""Store scale: query time on 10 million generated events, and peak memory of ingest processes.

1. Generates N events rows (default 10,000,000) directly in a DuckDB file with
   the real schema (``store.connect``), then times, after reopening the file,
   the monthly dyad time series (``store.queries.dyad_series``, CHN->KOR, read from
   the ``dyad_months`` summary; also timed as a plain scan of ``events``) and a
   dyad- and date-filtered events query (the ``export`` query for CHN-KOR over
   one year). Target: < 1 s each.
2. Runs ``dyadwatch ingest --workers 2`` with the real pipeline on a corpus
   made of the example articles (each copy made unique) and samples the
   resident memory of the parent (reader + writer) and of each worker process
   with psutil. Target: <= 1.5 GB per worker.

    .venv/bin/python bench/bench_store_scale.py [--events 10000000] [--articles 300]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

from dyadwatch.model import Document
from dyadwatch.options import Options
from dyadwatch.read import read_inputs
from dyadwatch.store import connect
from dyadwatch.store.export import export_query
from dyadwatch.store.maintenance import optimize
from dyadwatch.store.queries import ExportFilter, dyad_series
from dyadwatch.store.stubcoder import StubCoder, synthetic_texts
from dyadwatch.store.writer import EVENT_TABLE_COLUMNS, Writer, rebuild_dyad_months

REPO = Path(__file__).resolve().parents[1]
COUNTRIES = ("CHN", "KOR", "USA", "JPN", "PRK", "RUS", "UKR", "FRA", "DEU", "GBR", "IND", "PAK",
             "ISR", "IRN", "TUR", "SYR", "IRQ", "SAU", "EGY", "BRA", "MEX", "CAN", "AUS", "IDN",
             "VNM", "PHL", "TWN", "AFG", "NGA", "ZAF", "ETH", "KEN", "SDN", "VEN", "COL", "ARG",
             "POL", "ITA", "ESP", "GRC", "SRB", "BLR", "GEO", "ARM", "AZE", "KAZ", "MMR", "THA",
             "BGD", "LKA", "IGOUNO", "IGOEU", "IGONATO", "QAT", "YEM", "LBY", "MLI", "SOM", "CUB",
             "NZL")
CODES = ("010", "020", "036", "040", "042", "051", "057", "061", "070", "084", "111", "112",
         "120", "130", "138", "141", "163", "173", "190", "193")


def generate(path: Path, n: int, chunk: int = 1_000_000) -> float:
    con = connect(path)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    codes = "[" + ", ".join(f"'{c}'" for c in CODES) + "]"
    start = time.perf_counter()
    con.execute("SELECT setseed(0.42)")
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        # skewed: the first countries of the list are much more frequent, as in the news
        con.execute(f"""
            INSERT INTO events ({", ".join(EVENT_TABLE_COLUMNS)})
            SELECT 'g' || i, DATE '2015-01-01' + CAST(floor(random() * 3652) AS INT),
                   s, t, left(s, 3), left(t, 3), NULL, NULL, c, left(c, 2),
                   'ACCUSE', NULL, round(random() * 20 - 10, 1), 1 + CAST(floor(random() * 4) AS INT),
                   1 + CAST(floor(random() * 5) AS INT), 1 + CAST(floor(random() * 3) AS INT),
                   1 + CAST(floor(random() * 2) AS INT), 1, 'art' || (i // 2),
                   s, t, 'A sentence reporting event number ' || i, 'https://news.example/' || (i // 2),
                   'Outlet ' || (i % 500), 'art' || (i // 2), DATE '2015-01-01' + CAST(i % 3652 AS INT)
            FROM (SELECT i,
                         {countries}[1 + CAST(floor(pow(random(), 2) * {len(COUNTRIES)}) AS INT)] AS s,
                         {countries}[1 + CAST(floor(pow(random(), 2) * {len(COUNTRIES)}) AS INT)] AS t,
                         {codes}[1 + CAST(floor(random() * {len(CODES)}) AS INT)] AS c
                  FROM range({lo}, {hi}) r(i))
        """)
        # one evidence row per event; two events per article
        con.execute(f"""
            INSERT INTO article_events (article_id, event_id, source_code, target_code,
                source_country, target_country, source_text, target_text, cameo_code, event_date,
                sentence, trigger_start, trigger_end)
            SELECT first_article_id, event_id, source_code, target_code, source_country,
                   target_country, source_code, target_code, cameo_code, event_date,
                   'A sentence reporting the event ' || event_id, 0, 10
            FROM events WHERE event_id IN (SELECT 'g' || i FROM range({lo}, {hi}) r(i))
        """)
        con.execute(f"""
            INSERT INTO articles (article_id, seq, story_id, outlet, url, date)
            SELECT 'art' || i, i, 'art' || i, 'Outlet ' || (i % 500),
                   'https://news.example/' || i, DATE '2015-01-01' + CAST(i % 3652 AS INT)
            FROM range({lo // 2}, {(hi + 1) // 2}) r(i)
        """)
    rebuild_dyad_months(con)  # the writer keeps it in step; here events were written directly
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - start


def time_query(fn, runs: int = 5) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """(first run, median of the next runs) in seconds, and the number of rows."""
    t0 = time.perf_counter()
    rows = fn()
    first = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return first, statistics.median(times), len(rows)


def queries(path: Path) -> None:
    con = connect(path, read_only=True)
    total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    pairs = con.execute("SELECT count(*) FROM events WHERE source_country = 'CHN' "
                        "AND target_country = 'KOR'").fetchall()[0][0]
    print(f"database: {total} events, {pairs} CHN->KOR, {path.stat().st_size / 1e9:.2f} GB on disk")
    first, med, n = time_query(lambda: dyad_series(con, "CHN", "KOR", "month"))
    print(f"monthly dyad time series CHN->KOR: {n} months, first {first:.3f} s, median {med:.3f} s "
          "(target < 1 s)")
    first, med, n = time_query(lambda: dyad_series(con, "CHN", "KOR", "month", both_directions=True))
    print(f"monthly dyad time series CHN<->KOR: {n} months, first {first:.3f} s, median {med:.3f} s")
    scan = ("SELECT date_trunc('month', event_date) AS m, count(*), sum(num_articles), "
            "avg(goldstein) FROM events WHERE source_country = 'CHN' AND target_country = 'KOR' "
            "GROUP BY m ORDER BY m")
    first, med, n = time_query(lambda: con.execute(scan).fetchall())
    print(f"same series by a scan of events (no summary table): {n} months, first {first:.3f} s, "
          f"median {med:.3f} s")
    sql, params = export_query("gdelt", ExportFilter.build(since="2020-01-01", until="2020-12-31",
                                                          dyad="CHN-KOR"))
    first, med, n = time_query(lambda: con.execute(sql, params).fetchall())
    print(f"events CHN->KOR in 2020 (export query, all columns): {n} rows, first {first:.3f} s, "
          f"median {med:.3f} s (target < 1 s)")
    con.close()


def batch_write(path: Path, batch: int = 64) -> None:
    """Time one ingest batch (stub-coded articles) written into the big database."""
    con = connect(path)
    coder = StubCoder(Options(date="2020-06-01"))
    texts = synthetic_texts(batch, seed=9)
    docs = [coder.code(Document(f"new{i}", t + f" Batch article {i}.", path="bench", position=str(i)))
            for i, t in enumerate(texts) if t]
    start = time.perf_counter()
    load = Writer.load(con, "bench")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    items = load.classify(con, [cd.document for cd in docs])
    for item, cd in zip(items, docs, strict=True):
        item.coded = cd
    load.write(con, items)
    print(f"one batch of {len(docs)} articles written into it: {time.perf_counter() - start:.2f} s "
          f"(loading the writer state: {loaded:.1f} s)")
    con.close()


def corpus(directory: Path, n: int) -> Path:
    docs = [d for d in read_inputs([str(REPO / "examples" / "articles"), str(REPO / "examples" / "corpus")])
            if isinstance(d, Document)]
    out = directory / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = docs[i % len(docs)]
            text = f"Dispatch {i} of the benchmark corpus.\n\n{d.body}"
            fh.write(json.dumps({"id": f"bench-{i}", "title": d.title, "date": d.date or "2025-06-11",
                                 "source": d.source or d.outlet, "url": d.url, "text": text}) + "\n")
    return out


def peak_memory(directory: Path, n: int, workers: int) -> None:
    data = corpus(directory, n)
    db = directory / "rss.duckdb"
    cmd = [str(Path(sys.executable).parent / "dyadwatch"), "ingest", str(data), "--db", str(db),
           "--workers", str(workers), "--date", "2025-06-11"]
    start = time.perf_counter()
    log = (directory / "ingest.log").open("w+", encoding="utf-8")  # a pipe could fill up and block
    proc = psutil.Popen(cmd, stderr=log, text=True)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        try:
            for p in [proc, *proc.children(recursive=True)]:
                peaks[p.pid] = max(peaks.get(p.pid, 0), p.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    log.seek(0)
    tail = log.read().strip().splitlines()[-1:]
    log.close()
    parent = peaks.pop(proc.pid, 0)
    workers_rss = sorted(peaks.values(), reverse=True)[:workers]
    print(f"ingest --workers {workers} of {n} articles: {elapsed:.1f} s; {' '.join(tail)}")
    print(f"peak RSS: parent (read + write) {parent / 1e6:.0f} MB; workers "
          + ", ".join(f"{r / 1e6:.0f} MB" for r in workers_rss) + " (target <= 1500 MB per worker)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--articles", type=int, default=300, help="articles for the memory run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-queries", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_queries:
            path = Path(tmp) / "scale.duckdb"
            print(f"generated {args.events} events in {generate(path, args.events):.1f} s")
            queries(path)
            start = time.perf_counter()
            optimize(connect(path))
            print(f"events rewritten in dyad order (ingest --optimize): {time.perf_counter() - start:.1f} s")
            queries(path)
            batch_write(path)
        if not args.skip_memory:
            peak_memory(Path(tmp), args.articles, args.workers)
    skips = "".join(f" --{k.replace('_', '-')}" for k in ("skip_memory", "skip_queries") if getattr(args, k))
    print(f"command: .venv/bin/python bench/bench_store_scale.py --events {args.events} "
          f"--articles {args.articles} --workers {args.workers}{skips}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
