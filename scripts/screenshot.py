"""Screenshots of the web pages for docs/web.md (Playwright + Debian's Chromium).

    .venv/bin/python scripts/screenshot.py --db demo/demo.duckdb [--out docs/img] [--dyad CHN-KOR]

Starts the app on a free local port over the database, opens each page and
writes docs/img/web-*.png. Requests to other hosts are blocked, as in the tests.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def serve(db: str) -> tuple[str, Callable[[], None]]:
    """Start the app in a thread; return its URL and a function that stops it."""
    import uvicorn

    from dyadwatch.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.db.close()

    return f"http://127.0.0.1:{port}", stop


def shoot(base: str, out: Path, dyad: str, chromium: str) -> list[Path]:
    import httpx
    from playwright.sync_api import sync_playwright

    a, b = dyad.split("-")
    report = httpx.get(f"{base}/api/relations", params={"a": a, "b": b}).json()
    drivers = [d for cp in report.get("change_points", []) for d in cp["drivers"]]
    article = drivers[0]["first_article_id"] if drivers else \
        httpx.get(f"{base}/api/events", params={"dyad": dyad, "per_page": 1}).json()["events"][0]["article_id"]
    pages = [("web-overview", "/", False), ("web-dyad", f"/dyads/{dyad}", False),
             ("web-events", f"/events?dyad={dyad}&per_page=10", False),
             ("web-article", f"/articles/{article}", False), ("web-network", "/network", False)]
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        for name, url, full in pages:
            page.goto(base + url)
            if "/dyads/" in url:
                page.wait_for_selector("#dyad-chart[data-drawn='1'] svg.main-svg", timeout=60_000)
            path = out / f"{name}.png"
            page.screenshot(path=str(path), full_page=full)
            written.append(path)
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="event database (e.g. demo/demo.duckdb from `make demo`)")
    parser.add_argument("--out", default="docs/img", help="directory of the PNG files")
    parser.add_argument("--dyad", default="CHN-KOR", help="dyad of the dyad, events and article pages")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not Path(args.chromium).exists():
        print(f"{args.chromium} is missing: run `make chromium`", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base, stop = serve(args.db)
    try:
        for path in shoot(base, out, args.dyad, args.chromium):
            print(path)
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
