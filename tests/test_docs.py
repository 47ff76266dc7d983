"""Docs that can't drift: docs/cli.md is generated from --help and must be current."""

from __future__ import annotations

from pathlib import Path

from dyadwatch import clidoc

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_every_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [c for c in clidoc.commands() if f"## `{' '.join(['dyadwatch', c]).strip()}`" not in text]
    assert not missing, f"undocumented commands (run `make docs`): {missing}"


def test_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == clidoc.render(), "docs/cli.md is stale: run `make docs`"


def test_readme_opens_with_the_two_commands() -> None:
    head = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")[:1500]
    assert "make demo" in head and "make test" in head


def test_reference_does_not_depend_on_earlier_invocations() -> None:
    from click.testing import CliRunner

    from dyadwatch.cli import cli

    before = clidoc.render()
    CliRunner().invoke(cli, ["--help"])
    CliRunner().invoke(cli, ["code", "--help"])
    assert clidoc.render() == before
    assert "-h, --help" in before
