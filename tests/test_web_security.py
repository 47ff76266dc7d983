"""Untrusted article text (title, body, actor text) and request input are always escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyadwatch.web import create_app
from test_web_data import XSS_ARTICLE, XSS_IMG, XSS_SCRIPT, build_file

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(build_file(tmp_path_factory.mktemp("xss") / "events.duckdb"))
    with TestClient(app) as c:
        yield c
    app.state.db.close()


def assert_inert(html: str) -> None:
    assert XSS_SCRIPT not in html and "<img" not in html and XSS_IMG not in html
    assert "<script>" not in html  # the pages have no inline script at all (CSP: script-src 'self')


@pytest.mark.parametrize("url", [
    "/", f"/articles/{XSS_ARTICLE}", "/events?q=Summit", "/events?actor=JPN", "/dyads/JPN-CHN",
    "/network",
])
def test_pages_show_payloads_as_text(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert_inert(r.text)
    if url not in ("/", "/network"):  # the article is not among the latest there
        assert ESCAPED_IMG in r.text or ESCAPED_SCRIPT in r.text


def test_article_page_escapes_title_body_and_actor(client) -> None:
    html = client.get(f"/articles/{XSS_ARTICLE}").text
    title = html.split('id="article-title">')[1].split("</h1>")[0]
    assert title == f"{ESCAPED_SCRIPT} Summit {ESCAPED_IMG}"
    body = html.split('id="article-body"')[1].split("</div>")[0]
    assert f'<mark class="ev-source" data-events="1" title="source of event 1">Japan {ESCAPED_IMG}</mark>' in body
    assert f"{ESCAPED_SCRIPT} closing words." in body
    assert f"“Japan {ESCAPED_IMG}”" in html  # the event list
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html  # shown, not linked


@pytest.mark.parametrize("url", [
    "/events?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "/events?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/events?since=%3Cscript%3Ealert(1)%3C/script%3E",
    "/dyads/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
])
def test_request_input_echoed_escaped(client, url: str) -> None:
    assert_inert(client.get(url).text)


def test_chart_json_cannot_close_its_script_element(client) -> None:
    html = client.get("/dyads/JPN-CHN").text
    data = html.split('id="chart-data">')[1].split("</script>")[0]
    assert "<" not in data  # tojson escapes < > & as \\u003c ...
