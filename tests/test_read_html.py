"""HTML reader: trafilatura main text and metadata, paragraphs kept, pages without an article."""

from __future__ import annotations

from pathlib import Path

from dyadwatch.model import Document, Problem
from dyadwatch.read import read_inputs

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Chile and Peru agree on patrols | Andes Wire</title>
<meta name="author" content="Marta Quispe">
<meta property="og:site_name" content="Andes Wire">
<meta property="article:published_time" content="2025-06-12T08:00:00Z">
<meta name="description" content="The deal sets up a committee to plan patrols in the desert.">
<meta property="article:section" content="Americas">
<link rel="canonical" href="https://andes.example/chile-peru-patrols"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Chile and Peru agree on patrols</h1>
<p>The foreign ministers of Chile and Peru agreed on Thursday to set up joint patrols along their shared border, officials in both capitals said.</p>
<h2>Next steps</h2>
<p>A technical committee will meet in Tacna next month to draw up the patrol schedule for the first year of the agreement.</p>
<p>Peru's president welcomed the deal in a short statement, calling it a model for the whole region.</p>
</article><footer>Copyright 2025 Andes Wire. All rights reserved.</footer></body></html>"""

NO_ARTICLE = """<html><head><title>Andes Wire</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><div>Login</div></body></html>"""


def read_all(path: Path) -> list[Document | Problem]:
    return list(read_inputs([path]))


def test_html_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    [doc] = read_all(f)
    assert isinstance(doc, Document)
    assert doc.title == "Chile and Peru agree on patrols"
    assert doc.authors == ["Marta Quispe"]
    assert doc.date == "2025-06-12"
    assert doc.outlet == "Andes Wire"
    assert doc.section == "Americas"
    assert doc.subtitle == "The deal sets up a committee to plan patrols in the desert."
    assert doc.url == "https://andes.example/chile-peru-patrols"
    assert doc.format == "html"
    assert doc.body.startswith("The foreign ministers of Chile and Peru")
    assert "Home" not in doc.body and "Copyright" not in doc.body
    assert len(doc.paragraphs) == 3  # trafilatura's paragraphs are kept
    assert [doc.body[s:e] for s, e in doc.headings] == ["Next steps"]


def test_html_page_without_article_is_a_problem(tmp_path: Path) -> None:
    f = tmp_path / "index.htm"
    f.write_text(NO_ARTICLE, encoding="utf-8")
    [problem] = read_all(f)
    assert isinstance(problem, Problem)
    assert problem.kind == "no-article" and problem.reason == "no article text found"
    assert problem.path == str(f)


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    f = tmp_path / "download"
    f.write_text(PAGE, encoding="utf-8")
    [doc] = read_all(f)
    assert isinstance(doc, Document) and doc.format == "html"


def test_forced_format_html(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_inputs([f], fmt="html"))
    assert isinstance(doc, Document) and doc.title == "Chile and Peru agree on patrols"


def test_no_date_is_guessed_from_a_copyright_footer(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2025-06-12T08:00:00Z">', "")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    [doc] = read_all(f)
    assert isinstance(doc, Document) and doc.date is None


def test_declared_charset_is_used(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace(
        "Peru's president welcomed the deal", "Peru's president welcomed the deal («Москва»)")
    f = tmp_path / "cyr.html"
    f.write_bytes(page.encode("cp1251"))
    [doc] = read_all(f)
    assert isinstance(doc, Document) and "«Москва»" in doc.body


def test_utf16_page_is_read(tmp_path: Path) -> None:
    f = tmp_path / "u16.html"
    f.write_bytes(PAGE.encode("utf-16"))
    [doc] = read_all(f)
    assert isinstance(doc, Document) and doc.title == "Chile and Peru agree on patrols"
