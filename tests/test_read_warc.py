"""WARC reader: HTML response records become Documents with url, date and record offset."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.cli import cli
from dyadwatch.model import Document, Problem
from dyadwatch.read import common, read_inputs

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


# --- damaged files: complete records are read, a cut one is one Problem, never partial text ---

def _page(i: int) -> bytes:
    return ARTICLE.replace("on Sunday", f"on day {i}").replace(
        "</article>", f"<p>The ministers of both countries met for the {i}th time this year "
                      "and agreed on joint patrols.</p>" * 20 + "</article>").encode()


def build_pages(path: Path, gzip: bool, n: int = 3) -> list[int]:
    """n HTML response records; returns the byte offset where each record starts."""
    offsets = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i in range(n):
            offsets.append(fh.tell())
            _record(writer, f"https://news.example/{i}", _page(i), "text/html", "2025-06-09T10:00:00Z")
    return offsets


def _cut(tmp_path: Path, good: Path, keep: int) -> Path:
    cut = tmp_path / ("cut" + "".join(good.suffixes))
    cut.write_bytes(good.read_bytes()[:keep])
    return cut


def _split(items: list) -> tuple[list[Document], list[Problem]]:  # type: ignore[type-arg]
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)])


def test_truncated_warc_gz_qa_repro(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    offsets = build_pages(good, gzip=True)
    full = list(read_inputs([good]))
    cut = _cut(tmp_path, good, good.stat().st_size - 60)
    docs, problems = _split(list(read_inputs([cut])))
    assert [d.body for d in docs] == [d.body for d in full[:2]]  # type: ignore[union-attr]
    [problem] = problems
    assert problem.position == f"offset {offsets[2]}" and problem.kind == "malformed"
    assert problem.reason.startswith(("truncated WARC record (Content-Length ", "gzip stream ends early"))


def test_truncated_record_reason_and_gzip_end(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    offsets = build_pages(good, gzip=False)
    size = good.stat().st_size
    [problem] = _split(list(read_inputs([_cut(tmp_path, good, size - 1000)])))[1]
    m = re.fullmatch(r"truncated WARC record \(Content-Length ([\d,]+), got ([\d,]+) bytes\)", problem.reason)
    assert m and int(m[1].replace(",", "")) - int(m[2].replace(",", "")) == 1000 - 4  # 4: the CRLFs after it
    assert problem.position == f"offset {offsets[2]}"
    gz = tmp_path / "good.warc.gz"
    offsets = build_pages(gz, gzip=True)
    docs, [problem] = _split(list(read_inputs([_cut(tmp_path, gz, gz.stat().st_size - 4)])))
    assert len(docs) == 2 and problem.reason == "gzip stream ends early (file cut short)"
    assert problem.position == f"offset {offsets[2]}"


@pytest.mark.parametrize("gz", [True, False])
def test_every_cut_keeps_complete_records_and_reports_the_cut_one(tmp_path: Path, gz: bool) -> None:
    good = tmp_path / ("good.warc.gz" if gz else "good.warc")
    offsets = build_pages(good, gzip=gz)
    bodies = [d.body for d in read_inputs([good])]  # type: ignore[union-attr]
    size = good.stat().st_size
    cuts = sorted({*range(1, size, max(1, size // 45)), *(o + k for o in offsets[1:] for k in (1, 5, 30))})
    for keep in cuts:
        docs, problems = _split(list(read_inputs([_cut(tmp_path, good, keep)])))
        complete = sum(1 for o in offsets[1:] if o <= keep)  # records that end before the cut
        assert [d.body for d in docs] == bodies[:complete], keep  # never partial text
        if keep in offsets:
            assert not problems, keep
            continue
        assert len(problems) == 1, (keep, problems)  # never silence
        problem = problems[0]
        assert problem.position == f"offset {offsets[complete]}", (keep, problem)
        assert problem.kind == "malformed" and "Error" not in problem.reason, (keep, problem)


def test_html_record_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "MAX_BODY_CHARS", 400)  # an HTML record over 5 x 400 bytes
    f = tmp_path / "big.warc"
    with f.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        _record(writer, "https://news.example/big", _page(1) * 3, "text/html", "2025-06-09T10:00:00Z")
        _record(writer, "https://news.example/a", ARTICLE.encode(), "text/html", "2025-06-09T10:00:00Z")
    problem, doc = list(read_inputs([f]))
    assert isinstance(problem, Problem) and problem.kind == "too-long" and problem.position == "offset 0"
    assert re.fullmatch(r"HTML record of [\d,]+ bytes exceeds the 2,000-byte limit "
                        r"\(article bodies are limited to 400 characters\)", problem.reason)
    assert isinstance(doc, Document) and doc.url == "https://news.example/a"


def test_cli_reports_the_cut_record(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    build_pages(good, gzip=True)
    cut = _cut(tmp_path, good, good.stat().st_size - 60)
    result = CliRunner().invoke(cli, ["read", str(cut), "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{cut}:offset ") and "Traceback" not in result.output


@pytest.mark.parametrize("gz", [True, False])
def test_corrupt_record_in_the_middle_reading_resumes_at_the_next(tmp_path: Path, gz: bool) -> None:
    good = tmp_path / ("good.warc.gz" if gz else "good.warc")
    offsets = build_pages(good, gzip=gz)
    bodies = [d.body for d in read_inputs([good])]  # type: ignore[union-attr]
    data = bytearray(good.read_bytes())
    at = offsets[1] + (40 if gz else 2)  # the deflate data of record 2, or its "WARC/1.0" line
    data[at:at + 8] = b"\xff" * 8
    bad = tmp_path / ("bad" + "".join(good.suffixes))
    bad.write_bytes(bytes(data))
    docs, [problem] = _split(list(read_inputs([bad])))
    assert [d.body for d in docs] == [bodies[0], bodies[2]]
    assert problem.position == f"offset {offsets[1]}" and problem.kind == "malformed"
    assert problem.reason.endswith(f"; reading resumes at offset {offsets[2]}")
