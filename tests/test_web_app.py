"""The web app through its HTTP interface: pages, filters, API, errors, read-only database."""

from __future__ import annotations

import re
from dataclasses import fields

import duckdb
import pytest
from fastapi.testclient import TestClient

from dyadwatch.model import Event
from dyadwatch.output import COLUMNS
from dyadwatch.web import create_app
from dyadwatch.web.db import Database, QueryTimeout
from test_web_data import ODD_ID, build_file


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_file(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db_path):
    app = create_app(db_path)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.db.close()


def test_overview_lists_top_dyads(client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert 'href="/dyads/CHN-KOR"' in r.text and 'href="/dyads/RUS-UKR"' in r.text
    assert "Content-Security-Policy" in r.headers and "script-src 'self'" in r.headers["Content-Security-Policy"]


def test_events_filters_and_pagination(client) -> None:
    r = client.get("/api/events", params={"dyad": "KOR-CHN", "per_page": 10})
    data = r.json()
    assert data["total"] == 24 and len(data["events"]) == 10
    assert {(e["source_country"], e["target_country"]) for e in data["events"]} <= {("CHN", "KOR"), ("KOR", "CHN")}
    page3 = client.get("/api/events", params={"dyad": "KOR-CHN", "per_page": 10, "page": 3}).json()
    assert len(page3["events"]) == 4
    dates = [e["event_date"] for e in data["events"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params,total", [
    ({"plover": "agree"}, 5), ({"cameo": "16"}, 12), ({"actor": "RUS"}, 16), ({"actor": "UKRGOV"}, 16),
    ({"since": "2025-08-01"}, 5), ({"until": "2025-01-31"}, 5), ({"q": "agreement"}, 5),
    ({"q": "100%_"}, 0), ({"q": "Summit"}, 1), ({"actor": "", "q": "", "since": ""}, 43),
])
def test_event_filters(client, params, total) -> None:
    assert client.get("/api/events", params=params).json()["total"] == total


def test_event_records_carry_the_code_output_fields(client) -> None:
    [event] = client.get("/api/events", params={"q": "Summit"}).json()["events"]
    assert set(COLUMNS) <= set(event)
    assert {f.name for f in fields(Event)} <= set(event)
    assert event["article_id"] == "xss-article"
    assert isinstance(event["trigger_span"], list) and len(event["trigger_span"]) == 2
    assert event["event_id"] and event["num_articles"] == 1


def test_events_page_keeps_filters_in_pager(client) -> None:
    r = client.get("/events", params={"dyad": "CHN-KOR", "per_page": 5, "page": 2})
    assert r.status_code == 200
    assert "24 event reports (24 distinct events), page 2 of 5" in r.text
    assert 'href="/events?dyad=CHN-KOR&amp;per_page=5&amp;page=3"' in r.text
    assert 'href="/events?dyad=CHN-KOR&amp;per_page=5&amp;page=1"' in r.text
    assert r.text.count('class="event-row"') == 5


def test_article_page_highlights_evidence(client) -> None:
    r = client.get("/articles/ck-5-2")
    assert r.status_code == 200
    body = r.text.split('id="article-body"')[1].split("</div>")[0]
    assert re.search(r'<mark class="ev-source"[^>]*>China</mark> <mark class="ev-trigger"[^>]*>signed an agreement with</mark> <mark class="ev-target"[^>]*>South Korea</mark>', body)
    assert 'href="/dyads/CHN-KOR"' in r.text


def test_api_article(client) -> None:
    data = client.get("/api/articles/ck-5-2").json()
    assert data["article_id"] == "ck-5-2" and data["body"].startswith("Reference")
    [e] = data["events"]
    s, t = e["source_span"]
    assert data["body"][s:t] == e["source_text"] == "China"


def test_dyad_page_has_chart_data_and_change_point(client) -> None:
    r = client.get("/dyads/kor-chn")
    assert r.status_code == 200
    assert 'id="dyad-chart"' in r.text and 'src="/static/plotly.min.js"' in r.text
    assert '<script type="application/json" id="chart-data">{' in r.text
    cps = r.text.split('id="change-points"')[1]
    assert "2025-05-01" in cps and "AGREE" in cps


def test_relations_api_matches_both_routes(client) -> None:
    a = client.get("/api/relations", params={"a": "CHN", "b": "KOR", "freq": "month"}).json()
    b = client.get("/api/dyads/CHN-KOR/series").json()
    assert a == b
    assert [p["n_events"] for p in a["series"]] == [3] * 8
    assert a["change_points"][0]["date"] == "2025-05-01"
    assert a["change_points"][0]["drivers"][0]["plover_type"] == "AGREE"


def test_network(client) -> None:
    data = client.get("/api/network", params={"since": "2025-01-01", "until": "2025-12-31"}).json()
    edges = {(e["a"], e["b"]): e for e in data["edges"]}
    assert edges[("CHN", "KOR")]["n"] == 24 and edges[("RUS", "UKR")]["n"] == 16
    assert edges[("RUS", "UKR")]["colour"].startswith("#") and edges[("RUS", "UKR")]["goldstein"] < 0
    page = client.get("/network").text
    assert "<svg" in page and page.count('class="edge"') == len(edges)
    only_march = client.get("/api/network", params={"since": "2025-03-01", "until": "2025-03-31"}).json()
    assert ("CHN", "USA") in {(e["a"], e["b"]) for e in only_march["edges"]}


def test_openapi_and_offline_docs(client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/articles/{article_id}", "/api/relations", "/api/network",
                 "/api/dyads/{pair}/series"):
        assert path in schema["paths"]
    docs = client.get("/docs").text
    assert "/api/relations" in docs and 'href="/openapi.json"' in docs
    assert not re.search(r"""(src|href)=["']https?://""", docs)
    assert client.get("/redoc").status_code == 404


def test_plotly_is_served_locally(client) -> None:
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"] and len(r.content) > 1_000_000
    assert client.get("/static/chart.js").status_code == 200


@pytest.mark.parametrize("url,status,message", [
    ("/articles/nope", 404, "no article"),
    ("/api/articles/nope", 404, "no article"),
    ("/dyads/CHN-XYZ", 404, "no event has XYZ"),
    ("/api/relations?a=CHN&b=XYZ", 404, "no event has XYZ"),
    ("/dyads/CHNKOR", 422, "CHN-KOR"),
    ("/dyads/CHN-KOR?freq=year", 422, "day, week or month"),
    ("/events?since=2025-02-30", 422, "not a valid date"),
    ("/events?since=yesterday", 422, "expected a date"),
    ("/api/events?page=0", 422, "page"),
    ("/api/events?per_page=100000", 422, "per_page"),
    ("/api/events?dyad=CHN", 422, "dyad"),
    ("/api/events?cameo=abc", 422, "cameo"),
    ("/api/relations?a=CHN", 422, "b"),
    ("/api/network?limit=-1", 422, "limit"),
    ("/nowhere", 404, "Not Found"),
])
def test_errors_are_clean(client, url, status, message) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert message in r.text and "Traceback" not in r.text
    if url.startswith("/api/"):
        assert message in r.json()["detail"]
    else:
        assert 'id="error-message"' in r.text


def test_query_timeout_is_a_503(db_path, monkeypatch) -> None:
    app = create_app(db_path, query_timeout=0.2)
    heavy = "SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 99"
    monkeypatch.setattr("dyadwatch.web.queries.overview", lambda db: db.rows(heavy))
    with TestClient(app) as c:
        r = c.get("/")
        assert r.status_code == 503 and "longer than 0.2 s" in r.text
        assert c.get("/api/events").status_code == 200  # the server still answers
    app.state.db.close()


def test_database_is_read_only(db_path) -> None:
    db = Database(db_path)
    try:
        with pytest.raises(duckdb.Error, match="read-only"):
            db.rows("DELETE FROM events")
        db.timeout = 0.2
        with pytest.raises(QueryTimeout):
            db.run(lambda cur: cur.execute(
                "SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 99").fetchall())
        assert db.one("SELECT count(*) AS n FROM events")["n"] == 43  # still usable
    finally:
        db.close()


def test_internal_errors_are_one_line(db_path, monkeypatch) -> None:
    app = create_app(db_path)

    def boom(db):
        raise RuntimeError("secret detail")

    monkeypatch.setattr("dyadwatch.web.queries.overview", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/")
    assert r.status_code == 500 and "internal error" in r.text
    assert "secret detail" not in r.text and "Traceback" not in r.text
    app.state.db.close()


def test_network_colours() -> None:
    from dyadwatch.web.network import tone_colour

    assert tone_colour(-5) == tone_colour(-9) == "#b2182b"
    assert tone_colour(0) == "#aaaaaa"
    assert tone_colour(7) == "#1b7837"


def test_relations_weighting_and_metric(client) -> None:
    plain = client.get("/api/relations", params={"a": "CHN", "b": "KOR"}).json()
    weighted = client.get("/api/relations", params={"a": "CHN", "b": "KOR", "weight_articles": "true",
                                                    "metric": "balance"}).json()
    assert weighted["series"] == plain["series"]  # every fixture event has one article
    assert weighted["metric"] == "balance" and weighted["change_points"][0]["metric"] == "balance"
    assert client.get("/api/relations", params={"a": "CHN", "b": "KOR", "weight_articles": "maybe"}).status_code == 422


def test_any_article_id_can_be_opened(client) -> None:
    from urllib.parse import quote

    r = client.get(f"/articles/{quote(ODD_ID)}")
    assert r.status_code == 200 and "odd id" in r.text
    assert client.get(f"/api/articles/{quote(ODD_ID)}").json()["article_id"] == ODD_ID
