"""The command line end to end: thin commands, clean errors, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dyadwatch import __version__
from dyadwatch.cli import cli


def test_help_lists_the_commands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("read", "code"):
        assert name in result.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_bad_date_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("China and South Korea held talks.\n", encoding="utf-8")
    result = runner.invoke(cli, ["code", str(f), "--date", "11/06/2025"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def test_read_prints_required_keys(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("China and South Korea held talks on trade on Monday in Seoul.\n",
                 encoding="utf-8")
    result = runner.invoke(cli, ["read", str(f), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    doc = data[0] if isinstance(data, list) else data
    for key in ("id", "outlet", "section", "title", "subtitle", "authors", "date", "url", "body"):
        assert key in doc
    assert isinstance(doc["authors"], list)


def test_missing_file_is_one_line_and_nonzero(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["read", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_table_snippet_brackets_the_trigger_and_stays_short() -> None:
    from dyadwatch.cli.code import _snippet
    from dyadwatch.model import Event

    sentence = ("After a long meeting in the capital on a rainy afternoon, the minister "
                "[praised] his counterpart for the progress made on trade and security.")
    e = Event("a", "KORGOV", "CHNGOV", "x", "y", "051", "SUPPORT", None, 3.4, 1, None, None, 0,
              sentence.replace("[praised]", "praised"), None, None, (0, 7), "praised")
    snip = _snippet(e)
    assert "[praised] his" in snip and len(snip) <= 62
