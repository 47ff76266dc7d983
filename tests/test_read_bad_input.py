"""Bad input: each gets the right Problem (or is decoded and read); the CLI prints one line each."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.cli import cli
from dyadwatch.model import Document, Problem
from dyadwatch.read import common, read_inputs
from dyadwatch.read import text as text_reader
from dyadwatch.read.detect import decode

ARTICLE = ("Le Président Reçoit l'Émissaire\n\n"
           "Le président français a reçu l'émissaire du Sénégal à l'Élysée, où ils ont évoqué "
           "la coopération régionale et la sécurité au Sahel.\n")


def only(path: Path) -> Document | Problem:
    items = list(read_inputs([path]))
    assert len(items) == 1, items
    return items[0]


def test_empty_file(tmp_path: Path) -> None:
    for name, content in (("empty.txt", b""), ("blank.txt", b" \n\n \t\n"), ("e.jsonl", b""),
                          ("e.html", b""), ("e.warc", b"")):
        f = tmp_path / name
        f.write_bytes(content)
        p = only(f)
        assert isinstance(p, Problem) and p.kind == "empty" and p.reason == "empty file", (name, p)


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(bytes(range(256)) * 8)
    p = only(f)
    assert isinstance(p, Problem) and p.kind == "binary" and "binary" in p.reason
    assert p.position == "byte 0"
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    p = only(pdf)
    assert isinstance(p, Problem) and p.kind == "binary" and "PDF" in p.reason


def test_binary_jsonl_is_one_problem(tmp_path: Path) -> None:
    f = tmp_path / "data.jsonl"
    f.write_bytes(b"\x00\x01\x02\n" * 50)
    p = only(f)
    assert isinstance(p, Problem) and p.kind == "binary"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str,
                                     caplog: pytest.LogCaptureFixture) -> None:
    f = tmp_path / f"article-{encoding}.txt"
    f.write_bytes(ARTICLE.encode(encoding))
    with caplog.at_level(logging.WARNING, logger="dyadwatch.read"):
        doc = only(f)
    assert isinstance(doc, Document)
    assert doc.title == "Le Président Reçoit l'Émissaire"
    assert "l'Élysée" in doc.body and "sécurité" in doc.body
    if encoding.startswith("utf-8"):
        assert not caplog.records
    else:
        assert len(caplog.records) == 1 and str(f) in caplog.records[0].getMessage()


def test_utf16_without_bom_is_decoded() -> None:
    decoded = decode(ARTICLE.encode("utf-16-le"))
    assert decoded.text is not None and decoded.text.startswith("Le Président")


def test_missing_path_and_unmatched_glob(tmp_path: Path) -> None:
    p = only(tmp_path / "nope.txt")
    assert isinstance(p, Problem) and p.kind == "unreadable" and "no such file" in p.reason
    p = only(Path(str(tmp_path / "*.nothing")))
    assert isinstance(p, Problem) and "no file matches" in p.reason


def test_directories_are_walked_sorted_and_recursively(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("China and Japan held talks on Monday.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("India and Nepal signed a deal on Friday.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden file with text.\n", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "README.txt").write_text("About this corpus.\n", encoding="utf-8")
    docs = list(read_inputs([tmp_path]))
    assert [Path(d.path or "").name for d in docs] == ["a.txt", "z.txt"]
    globbed = list(read_inputs([str(tmp_path / "**" / "?.txt")]))  # a glob names files: no skipping
    assert [Path(d.path or "").name for d in globbed] == ["a.txt", "z.txt"]


def test_cli_prints_one_line_per_problem_and_reads_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("China and Japan held talks on Monday.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00" * 10 + bytes(range(200)))
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "Peru and Chile met."}\n{oops\n{"id": "3"}\n', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["read", str(good), str(empty), str(binary), str(page), str(bad),
                                 "--format", "jsonl"])
    assert result.exit_code == 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5, errors
    assert f"{empty}: empty file" in errors
    assert f"{binary}:byte 0: binary file (NUL bytes), not text" in errors
    assert f"{page}: no article text found" in errors
    assert any(e.startswith(f"{bad}:line 2: not JSON") for e in errors)
    assert f"{bad}:line 3: missing required field 'text'" in errors
    assert "Traceback" not in result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()][1:] == ["1"]


def test_cli_fails_only_when_nothing_was_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["read", str(empty), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 2
    assert "Traceback" not in result.output


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600) | st.text(max_size=600).map(lambda t: t.encode("utf-8")),
       ext=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".jsonl.gz", ".warc.gz", ""]))
def test_any_bytes_give_documents_or_problems_never_an_exception(
        tmp_path: Path, data: bytes, ext: str) -> None:
    f = tmp_path / f"input{ext}"
    f.write_bytes(data)
    items = list(read_inputs([f]))
    assert items and all(isinstance(i, Document | Problem) for i in items)
    for item in items:
        if isinstance(item, Problem):
            assert item.path == str(f) and item.reason and "\n" not in item.message()
        else:
            assert item.body.strip() and all(0 <= s < e <= len(item.body) for s, e in item.paragraphs)


# --- cut gzip streams and inputs too long to be an article ---

PROSE = "Peru and Chile met on Monday to discuss trade and fishing rights off the coast. "


def _jsonl_gz(path: Path, n: int) -> bytes:
    lines = "".join(json.dumps({"id": str(i), "text": f"{PROSE}Round {i}."}) + "\n" for i in range(n))
    path.write_bytes(gzip.compress(lines.encode("utf-8")))
    return path.read_bytes()


@pytest.mark.parametrize("n", [20, 3000])  # inside the first 64 KB, and far beyond it
def test_cut_jsonl_gz_reads_the_lines_before_then_one_problem(tmp_path: Path, n: int) -> None:
    data = _jsonl_gz(tmp_path / "full.jsonl.gz", n)
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_inputs([f]))
    docs = [i for i in items if isinstance(i, Document)]
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert items[-1] is problem and 0 < len(docs) < n
    assert [d.id for d in docs] == [str(i) for i in range(len(docs))]
    assert all(d.body == f"{PROSE}Round {d.id}." for d in docs)  # no partial line
    assert problem.reason.startswith("gzip stream ends early") and problem.kind == "unreadable"
    assert problem.position == f"line {len(docs) + 1}"


def _limit(monkeypatch: pytest.MonkeyPatch, chars: int) -> None:
    monkeypatch.setattr(common, "MAX_BODY_CHARS", chars)


def test_huge_single_line_text_is_too_long_without_being_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _limit(monkeypatch, 100_000)
    f = tmp_path / "dump.txt"
    f.write_text((PROSE * 20_000)[:1_499_999], encoding="utf-8")  # one line, 1.5 MB

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("a huge file must not be read whole nor laid out")

    monkeypatch.setattr(text_reader, "read_text", fail)
    monkeypatch.setattr(text_reader, "split_units", fail)
    p = only(f)
    assert isinstance(p, Problem) and p.kind == "too-long" and p.path == str(f)
    assert p.reason == "article body of 1,499,999 characters exceeds the 100,000-character limit"


def test_text_near_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _limit(monkeypatch, 1_960)
    body = "\n\n".join(PROSE.strip() for _ in range(24))  # 1,942 characters
    ok = tmp_path / "ok.txt"
    ok.write_text(body + "\n", encoding="utf-8")
    doc = only(ok)
    assert isinstance(doc, Document) and len(doc.body) == len(body)
    crlf = tmp_path / "crlf.txt"  # 1,990 bytes, but 1,943 characters once CRLF is one newline
    crlf.write_bytes((body.replace("\n", "\r\n") + "\r\n").encode())
    assert isinstance(only(crlf), Document)
    lines = tmp_path / "lines.txt"  # 1,959 characters, but each line a paragraph: the body is longer
    lines.write_text("\n".join([PROSE.strip()] * 25)[:1_959], encoding="utf-8")
    p = only(lines)
    assert isinstance(p, Problem) and p.kind == "too-long" and "1,960-character limit" in p.reason
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes((PROSE * 30).encode("utf-16"))  # 2,400 characters (and a BOM) in 4,802 bytes
    p = only(utf16)
    assert isinstance(p, Problem) and p.reason.startswith("article body of 2,400 characters")


def test_huge_jsonl_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _limit(monkeypatch, 100_000)  # a line is at most 800,000 bytes
    f = tmp_path / "big.jsonl"
    rows = [{"id": "a", "text": PROSE}, {"id": "huge", "text": "x" * 1_500_000},
            {"id": "long", "text": PROSE * 2_000}, {"id": "b", "text": PROSE}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    a, huge, long, b = list(read_inputs([f]))
    assert isinstance(a, Document) and isinstance(b, Document) and b.position == "line 4"
    assert isinstance(huge, Problem) and huge.kind == "too-long" and huge.position == "line 2"
    assert huge.reason == ("line of 1,500,026 bytes exceeds the 800,000-byte limit "
                           "(article bodies are limited to 100,000 characters)")
    assert isinstance(long, Problem) and long.kind == "too-long" and long.position == "line 3"
    assert long.reason == "article body of 160,000 characters exceeds the 100,000-character limit"


def test_huge_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _limit(monkeypatch, 2_000)  # a page is at most 10,000 bytes
    paragraphs = "".join(f"<p>{PROSE}Round {i}.</p>\n" for i in range(30))
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    p = only(page)
    assert isinstance(p, Problem) and p.kind == "too-long" and p.reason.startswith("article body of 2,")
    big = tmp_path / "big.html"
    big.write_text(f"<html><body><article>{paragraphs * 5}</article></body></html>", encoding="utf-8")
    p = only(big)
    assert isinstance(p, Problem) and p.kind == "too-long"
    assert p.reason.startswith("HTML page of ") and "10,000-byte limit" in p.reason


@pytest.mark.slow
def test_real_50_mb_single_line_files(tmp_path: Path) -> None:
    line = (PROSE * 630_000)[:49_999_999]
    text = tmp_path / "dump.txt"
    text.write_text(line, encoding="utf-8")
    p = only(text)
    assert isinstance(p, Problem) and p.kind == "too-long"
    assert p.reason == "article body of 49,999,999 characters exceeds the 1,000,000-character limit"
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_text(json.dumps({"id": "x", "text": line}) + "\n" + json.dumps({"id": "y", "text": PROSE}),
                     encoding="utf-8")
    p, doc = list(read_inputs([jsonl]))
    assert isinstance(p, Problem) and p.kind == "too-long" and p.position == "line 1"
    assert isinstance(doc, Document) and doc.id == "y"
