"""/events and /api/events: one query builder, so every filter and every page gives the same
rows on the HTML page and in the API; totals count what the rows are (event reports)."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from dyadwatch.web import create_app
from test_web_data import Happening, article, build_db, build_file, corpus

ALL = {"per_page": 200}


def _client(path):
    app = create_app(path)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.db.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    yield from _client(build_file(tmp_path_factory.mktemp("filters") / "events.duckdb"))


@pytest.fixture(scope="module")
def reported_twice(tmp_path_factory):
    """The fixture corpus plus one USA-CHN event reported by three articles."""
    path = tmp_path_factory.mktemp("twice") / "events.duckdb"
    same = Happening("USA", "CHN", "threatened", "138", "THREATEN", -7.0, 3)
    extra = [article(f"echo-{i}", "2025-07-07", f"Echo {i}", [same]) for i in range(3)]
    build_db(path, corpus() + extra).close()
    yield from _client(path)


_ROW = re.compile(r'<tr class="event-row">(.*?)</tr>', re.S)
_LINK = re.compile(r'<a class="article-link" href="/articles/([^"]+)">')


def page_rows(client, params) -> list[tuple[str, str]]:
    """(article id, evidence sentence) of every row of the /events page."""
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    out = []
    for row in _ROW.findall(r.text):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        sentence = html.unescape(cells[-1].split(" <a class=")[0])
        out.append((html.unescape(_LINK.search(row).group(1)), sentence))
    return out


def api_rows(client, params) -> list[tuple[str, str]]:
    data = client.get("/api/events", params=params).json()
    return [(e["article_id"].replace(" ", "%20"), e["sentence"]) for e in data["events"]]


FILTERS = [
    {"actor": "KOR"}, {"actor": "rusgov"}, {"dyad": "CHN-KOR"}, {"dyad": "CHN-KOR", "directed": "true"},
    {"dyad": "KOR-CHN", "directed": "true"}, {"cameo": "16"}, {"plover": "AGREE"},
    {"since": "2025-06-01"}, {"until": "2025-02-28"}, {"since": "2025-03-01", "until": "2025-03-31"},
    {"q": "agreement"}, {"actor": "CHN", "plover": "ACCUSE", "since": "2025-02-01"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_each_filter_changes_the_page_rows_like_the_api(client, params) -> None:
    everything = page_rows(client, ALL)
    assert len(everything) == 43
    rows = page_rows(client, {**params, **ALL})
    assert 0 < len(rows) < len(everything) and set(rows) < set(everything)
    assert [(a.replace(" ", "%20"), s) for a, s in rows] == api_rows(client, {**params, **ALL})


def test_actor_pages_differ_and_cover_every_row_once(client) -> None:
    first = page_rows(client, {"actor": "KOR", "per_page": 10})
    second = page_rows(client, {"actor": "KOR", "per_page": 10, "page": 2})
    third = page_rows(client, {"actor": "KOR", "per_page": 10, "page": 3})
    assert first != page_rows(client, {"per_page": 10})  # the filter is applied on the page
    assert (len(first), len(second), len(third)) == (10, 10, 5)
    assert len(set(first + second + third)) == 25
    assert first + second + third == page_rows(client, {"actor": "KOR", **ALL})
    text = client.get("/events", params={"actor": "KOR", "per_page": 10, "page": 2}).text
    assert "25 event reports (25 distinct events), page 2 of 3" in text
    assert 'href="/events?actor=KOR&amp;per_page=10&amp;page=3"' in text


def test_directed_dyad(client) -> None:
    both = client.get("/api/events", params={"dyad": "CHN-KOR", **ALL}).json()
    ab = client.get("/api/events", params={"dyad": "CHN-KOR", "directed": "true", **ALL}).json()
    ba = client.get("/api/events", params={"dyad": "KOR-CHN", "directed": "true", **ALL}).json()
    assert both["total"] == 24 and ab["total"] + ba["total"] == 24 and ab["total"] > 0
    assert {(e["source_country"], e["target_country"]) for e in ab["events"]} == {("CHN", "KOR")}
    assert {(e["source_country"], e["target_country"]) for e in ba["events"]} == {("KOR", "CHN")}
    page = client.get("/events", params={"dyad": "CHN-KOR", "directed": "true", "per_page": 5})
    assert "CHN → KOR only" in page.text and 'name="directed" type="checkbox" value="true" checked' in page.text
    assert "directed=true" in page.text.split('id="next-page"')[1].split(">")[0]


def test_limit_and_offset_are_aliases(client) -> None:
    def get(**params):
        return client.get("/api/events", params=params).json()

    by_page = get(actor="KOR", per_page=10, page=2)
    assert get(actor="KOR", limit=10, page=2) == by_page
    assert get(actor="KOR", limit=10, offset=10) == by_page
    assert (by_page["page"], by_page["per_page"], by_page["offset"]) == (2, 10, 10)
    shifted = get(actor="KOR", limit=10, offset=5)
    everything = get(actor="KOR", **ALL)["events"]
    assert shifted["events"] == everything[5:15] and shifted["offset"] == 5
    assert len(get(limit=3)["events"]) == 3
    assert page_rows(client, {"actor": "KOR", "limit": 10, "offset": 10}) == page_rows(
        client, {"actor": "KOR", "per_page": 10, "page": 2})


@pytest.mark.parametrize("query,message", [
    ("per_page=10&limit=20", "limit: is an alias of per_page"),
    ("page=2&offset=10", "offset: give page or offset, not both"),
    ("offset=-1", "offset"),
    ("limit=500", "limit"),
    ("directed=true", "directed: needs a dyad"),
    ("dyad=CHN-KOR&directed=perhaps", "directed"),
    ("since=2025-06-01&until=2025-01-31", "since: 2025-06-01 is after until=2025-01-31"),
])
def test_bad_paging_and_ranges_are_422(client, query, message) -> None:
    for path in ("/api/events", "/events"):
        r = client.get(f"{path}?{query}")
        assert r.status_code == 422 and message in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("url", [
    "/api/relations?a=CHN&b=KOR&since=2025-06-01&until=2025-01-31",
    "/api/dyads/CHN-KOR/series?since=2025-06-01&until=2025-01-31",
    "/dyads/CHN-KOR?since=2025-06-01&until=2025-01-31",
    "/api/network?since=2025-06-01&until=2025-01-31",
    "/network?since=2025-06-01&until=2025-01-31",
])
def test_since_after_until_is_422_everywhere(client, url) -> None:
    r = client.get(url)
    assert r.status_code == 422 and "is after until=2025-01-31" in r.text


def test_total_counts_the_rows_of_every_page(reported_twice) -> None:
    c = reported_twice
    first = c.get("/api/events", params={"per_page": 7}).json()
    rows, page = [], 1
    while True:
        data = c.get("/api/events", params={"per_page": 7, "page": page}).json()
        assert data["total"] == first["total"] and data["distinct_events"] == first["distinct_events"]
        if not data["events"]:
            break
        rows += data["events"]
        page += 1
    keys = [(e["article_id"], e["event_id"], e["sentence_index"]) for e in rows]
    assert len(rows) == len(set(keys)) == first["total"] == 46  # no row twice, none skipped
    assert first["distinct_events"] == len({e["event_id"] for e in rows}) == 44
    echoes = [e for e in rows if e["article_id"].startswith("echo-")]
    assert len(echoes) == 3 and len({e["event_id"] for e in echoes}) == 1 and echoes[0]["num_articles"] == 3
    text = c.get("/events").text
    assert "46 event reports (44 distinct events), page 1 of 1" in text


def test_openapi_says_what_a_row_is(client) -> None:
    op = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]
    params = {p["name"] for p in op["parameters"]}
    assert {"actor", "dyad", "directed", "cameo", "plover", "since", "until", "q", "page", "per_page",
            "limit", "offset"} <= params
    assert "event report" in op["responses"]["200"]["description"]
    assert "both directions" in op["description"]
