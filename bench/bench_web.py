"""Response times of the web pages and API over a large synthetic event database.

    .venv/bin/python bench/bench_web.py [--events 1000000] [--repeat 3]

Builds (with SQL, in a temporary directory) a database in the store's schema with
N distinct events, as many article reports and N/4 articles over 20 countries and
3 years, opens it read-only with the app's default 5 s query limit, and times
each endpoint (median of --repeat requests, after one warm-up) through the ASGI
test client.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from dyadwatch.store import connect

COUNTRIES = ["CHN", "KOR", "USA", "RUS", "UKR", "JPN", "PRK", "IND", "PAK", "IRN", "ISR", "TUR",
             "FRA", "DEU", "GBR", "BRA", "ZAF", "EGY", "SAU", "AUS"]

_BUILD = """
INSERT INTO articles (article_id, seq, content_hash, story_id, title, outlet, source, date, body,
                      n_sentences, n_events, run_id)
SELECT 'a' || i, i, md5('a' || i), 'a' || i, 'Title ' || i || ' talks', 'outlet' || (i % 50), 'bench',
       DATE '2023-01-01' + CAST(i % 1095 AS INT),
       'Body of article ' || i || '. The minister met his counterpart and signed an agreement.', 2, 4, 'bench'
FROM range({articles}) t(i);
INSERT INTO article_events (article_id, event_id, source_code, target_code, source_country,
    target_country, source_text, target_text, cameo_code, plover_type, goldstein, quad_class,
    event_date, sentence_index, sentence, field, source_start, source_end, target_start, target_end,
    trigger_start, trigger_end, trigger_text, negated, hypothetical)
SELECT 'a' || (i // 4), 'e' || i, c[1 + i % 20] || 'GOV', c[1 + (i // 20) % 20] || 'GOV',
       c[1 + i % 20], c[1 + (i // 20) % 20], 'the minister', 'his counterpart',
       ['036', '057', '112', '138', '163'][1 + i % 5], ['CONSULT', 'AGREE', 'ACCUSE', 'THREATEN', 'SANCTION'][1 + i % 5],
       [4.0, 8.0, -2.0, -7.0, -8.0][1 + i % 5], [1, 2, 3, 3, 4][1 + i % 5],
       DATE '2023-01-01' + CAST((i // 4) % 1095 AS INT), 1,
       'The minister met his counterpart and signed an agreement.', 'body', 0, 12, 21, 36, 37, 40, 'met',
       false, false
FROM range({events}) t(i), (SELECT {countries} AS c);
INSERT INTO events (event_id, event_date, source_code, target_code, source_country, target_country,
    cameo_code, root_code, plover_type, goldstein, quad_class, num_mentions, num_articles,
    num_sources, num_stories, first_article_id)
SELECT event_id, event_date, source_code, target_code, source_country, target_country, cameo_code,
       left(cameo_code, 2), plover_type, goldstein, quad_class, 1, 1, 1, 1, article_id
FROM article_events;
"""

URLS = [
    "/", "/events", "/events?dyad=CHN-KOR", "/events?q=agreement&page=50", "/events?actor=RUSGOV&cameo=16",
    "/articles/a12345", "/dyads/CHN-KOR", "/dyads/CHN-KOR?freq=week", "/network",
    "/api/events?dyad=CHN-KOR&since=2024-01-01&until=2024-06-30",
    "/api/relations?a=CHN&b=KOR&freq=day", "/api/network?since=2024-01-01&until=2024-12-31",
]


def build(path: Path, n_events: int) -> None:
    con = connect(path)
    con.execute(_BUILD.format(articles=max(1, n_events // 4), events=n_events,
                              countries="[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"))
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from dyadwatch.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s")
        app = create_app(path)
        print(f"\n| request ({args.events:,} events) | status | median ms |\n| --- | --- | --- |")
        with TestClient(app) as client:
            for url in URLS:
                client.get(url)
                times, status = [], 0
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    status = client.get(url).status_code
                    times.append((time.perf_counter() - t) * 1000)
                print(f"| `{url}` | {status} | {statistics.median(times):.0f} |")
        app.state.db.close()
    print(f"\ncommand: .venv/bin/python bench/bench_web.py --events {args.events} --repeat {args.repeat}")


if __name__ == "__main__":
    main()
