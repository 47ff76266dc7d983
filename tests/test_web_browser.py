"""The pages in a real browser: Playwright driving Debian's Chromium against a live server.

Every request that leaves 127.0.0.1 is blocked and recorded (the pages must work
offline), every JavaScript dialog is recorded (none may fire: the fixture has
script-injection payloads), console errors (CSP violations included) fail the
test. On failure a screenshot is kept in test-artifacts/.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web_data import XSS_ARTICLE, build_file

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make chromium`"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    from dyadwatch.web import create_app

    app = create_app(build_file(tmp_path_factory.mktemp("browser") / "events.duckdb"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.db.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with the off-host requests, dialogs and console errors it caused."""

    def __init__(self, page, base_url: str) -> None:
        self.page, self.base = page, base_url
        self.offsite: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("dialog", self._dialog)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:
        if route.request.url.startswith(self.base):
            route.continue_()
        else:
            self.offsite.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self) -> None:
        assert self.dialogs == [], f"a dialog fired: {self.dialogs}"
        assert self.offsite == [], f"requests left the server: {self.offsite}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx  # shared by the tests of this module: plotly.js is fetched once
    ctx.close()


@pytest.fixture
def page(context, base_url) -> Iterator[Watched]:
    watched = Watched(context.new_page(), base_url)
    yield watched
    watched.page.close()


@contextlib.contextmanager
def shot_on_failure(w: Watched, name: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        ARTIFACTS.mkdir(exist_ok=True)
        with contextlib.suppress(Exception):
            w.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        raise


def test_overview_to_dyad_chart(page: Watched) -> None:
    p = page.page
    with shot_on_failure(page, "overview_to_dyad"):
        p.goto(page.base + "/")
        p.click("a.dyad-link[href='/dyads/CHN-KOR']")
        p.wait_for_url("**/dyads/CHN-KOR")
        p.wait_for_selector("#dyad-chart[data-drawn='1'] svg.main-svg", timeout=20_000)
        assert p.locator("#dyad-chart .bars path, #dyad-chart .scatterlayer path").count() > 0
        assert "2025-05-01" in p.inner_text("#change-points")
        page.check()


def test_filter_events_then_open_article(page: Watched) -> None:
    p = page.page
    with shot_on_failure(page, "filter_and_article"):
        p.goto(page.base + "/events")
        p.fill("input[name=dyad]", "RUS-UKR")
        p.fill("input[name=plover]", "sanction")
        p.click("#event-filter button[type=submit]")
        p.wait_for_url("**/events?**dyad=RUS-UKR**")
        assert p.inner_text("#event-count").startswith("8 event reports")
        rows = p.locator("tr.event-row")
        assert rows.count() == 8
        assert all("SANCTION" in t for t in rows.all_inner_texts())
        rows.first.locator("a.article-link").click()
        p.wait_for_url("**/articles/ru-**")
        marks = p.locator("#article-body mark")
        assert marks.count() == 6  # two events: source, target, trigger each
        assert p.locator("#article-body mark.ev-trigger").first.inner_text() == "imposed sanctions on"
        assert p.locator("#article-body mark.ev-source").first.inner_text() == "Russia"
        page.check()


def test_actor_filter_and_its_pages(page: Watched) -> None:
    p = page.page
    with shot_on_failure(page, "actor_filter"):
        p.goto(page.base + "/events?per_page=10")
        unfiltered = p.locator("tr.event-row").all_inner_texts()
        p.fill("input[name=actor]", "kor")
        p.click("#event-filter button[type=submit]")
        p.wait_for_url("**/events?**actor=kor**")
        assert p.inner_text("#event-count").startswith("25 event reports (25 distinct events), page 1 of 3")
        first = p.locator("tr.event-row").all_inner_texts()
        assert len(first) == 10 and first != unfiltered
        assert all("KOR" in t for t in first)
        p.click("#next-page")
        p.wait_for_url("**page=2**")
        assert "page 2 of 3" in p.inner_text("#event-count")
        second = p.locator("tr.event-row").all_inner_texts()
        assert len(second) == 10 and all("KOR" in t for t in second) and not set(second) & set(first)
        assert p.input_value("input[name=actor]") == "KOR"
        page.check()


def test_injected_article_runs_nothing(page: Watched) -> None:
    p = page.page
    with shot_on_failure(page, "xss"):
        for url in (f"/articles/{XSS_ARTICLE}", "/events?q=Summit", "/events?actor=JPN",
                    "/events?q=%3Cscript%3Ealert(1)%3C/script%3E"):
            p.goto(page.base + url)
            p.wait_for_load_state("load")
            assert p.locator("img").count() == 0
        p.goto(page.base + f"/articles/{XSS_ARTICLE}")
        assert "<script>alert(1)</script>" in p.inner_text("#article-title")
        assert 'onerror=alert(1)>' in p.inner_text("#article-body mark.ev-source")
        p.wait_for_timeout(300)
        page.check()


def test_network_and_docs(page: Watched) -> None:
    p = page.page
    with shot_on_failure(page, "network"):
        p.goto(page.base + "/network?since=2025-01-01&until=2025-12-31")
        assert p.locator("svg#network line.edge").count() == 5
        p.goto(page.base + "/docs")
        assert "/api/relations" in p.inner_text("main")
        page.check()
