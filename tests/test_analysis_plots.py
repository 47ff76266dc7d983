"""Charts: PNG (matplotlib) and HTML (plotly, JavaScript inlined, nothing from a CDN)."""

from __future__ import annotations

import re

import pytest

from dyadwatch.analysis import dyad_report
from dyadwatch.analysis.plots import figure_spec, html_fragment, plotly_js, write_plot
from dyadwatch.errors import InputError
from test_web_data import build_db


@pytest.fixture(scope="module")
def report():
    con = build_db()
    try:
        yield dyad_report(con, "CHN", "KOR", "month")
    finally:
        con.close()


def test_png(tmp_path, report) -> None:
    out = write_plot(tmp_path / "chk.png", report["series"], report["change_points"], "CHN-KOR")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_standalone_html_inlines_plotly(tmp_path, report) -> None:
    out = write_plot(tmp_path / "chk.html", report["series"], report["change_points"], "CHN-KOR")
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html), "the page must not load scripts from anywhere"
    assert plotly_js()[:200] in html


def test_fragment_and_spec(report) -> None:
    frag = html_fragment(report["series"], report["change_points"], "CHN-KOR", div_id="c1")
    assert 'id="c1"' in frag and "<script src" not in frag
    spec = figure_spec(report["series"], report["change_points"], "CHN-KOR")
    names = [t.get("name") for t in spec["data"]]
    assert "Goldstein mean" in names and "Material conflict" in names
    assert any(s.get("type") == "line" for s in spec["layout"].get("shapes", []))  # change point


def test_unknown_extension(tmp_path, report) -> None:
    with pytest.raises(InputError, match="png or .html"):
        write_plot(tmp_path / "x.svg", report["series"], [], "t")
