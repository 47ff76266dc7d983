"""WARC reader: HTML response records become Documents with url, date and record offset."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.model import Document, Problem
from dyadwatch.read import read_inputs

ARTICLE = """<html><head><title>Ghana and Togo pledge maritime cooperation</title></head><body>
<article><h1>Ghana and Togo pledge maritime cooperation</h1>
<p>Ghana and Togo pledged on Sunday to increase cooperation against piracy in the Gulf of Guinea, after a meeting of their navy chiefs in Lome.</p>
<p>The two navies will share radar data and coordinate patrols along the coast, the ministers said.</p>
</article></body></html>"""
EMPTY_PAGE = "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


def _record(writer: WARCWriter, url: str, body: bytes, content_type: str, date: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": date})
    writer.write_record(rec)


def build_warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
        _record(writer, "https://news.example/a", ARTICLE.encode(), "text/html; charset=utf-8",
                "2025-06-09T10:00:00Z")
        _record(writer, "https://news.example/logo.png", b"\x89PNG....", "image/png",
                "2025-06-09T10:00:01Z")
        _record(writer, "https://news.example/", EMPTY_PAGE.encode(), "text/html",
                "2025-06-09T10:00:02Z")


def test_warc_gz_records(tmp_path: Path) -> None:
    for gz in (True, False):
        f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
        build_warc(f, gzip=gz)
        items = list(read_inputs([f]))
        assert len(items) == 2  # the image record is not an article
        doc, problem = items
        assert isinstance(doc, Document) and isinstance(problem, Problem)
        assert doc.url == "https://news.example/a"
        assert doc.date == "2025-06-09"
        assert doc.format == "warc"
        assert doc.position and doc.position.startswith("offset ")
        assert int(doc.position.split()[1]) > 0  # after the warcinfo record
        assert doc.body.startswith("Ghana and Togo pledged on Sunday")
        assert doc.id and "urn:uuid" not in doc.id and "<" not in doc.id
        assert problem.kind == "no-article" and problem.position and problem.position.startswith("offset ")


def test_resource_record_with_html(tmp_path: Path) -> None:
    f = tmp_path / "res.warc.gz"
    with f.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warc_record(
            "https://news.example/b", "resource", payload=BytesIO(ARTICLE.encode()),
            warc_content_type="text/html", warc_headers_dict={"WARC-Date": "2025-06-08T00:00:00Z"}))
    [doc] = list(read_inputs([f]))
    assert isinstance(doc, Document) and doc.url == "https://news.example/b"
    assert doc.date == "2025-06-08" and doc.position == "offset 0"


def test_not_a_warc_file(tmp_path: Path) -> None:
    f = tmp_path / "fake.warc"
    f.write_text("this is not an archive\n", encoding="utf-8")
    [problem] = list(read_inputs([f]))
    assert isinstance(problem, Problem) and problem.path == str(f)


def test_truncated_or_garbage_warc_is_one_problem(tmp_path: Path) -> None:
    cut = tmp_path / "cut.warc"
    cut.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated")
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(bytes(range(7, 250)) * 10)
    for f in (cut, garbage):
        [problem] = list(read_inputs([f]))
        assert isinstance(problem, Problem) and problem.kind == "malformed" and problem.path == str(f)
        assert len(problem.reason) < 100 and "Error" not in problem.reason
