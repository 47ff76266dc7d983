"""Bad input: each gets the right Problem (or is decoded and read); the CLI prints one line each."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.cli import cli
from dyadwatch.model import Document, Problem
from dyadwatch.read import read_inputs
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
