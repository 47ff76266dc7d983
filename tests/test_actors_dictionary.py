"""The block-format loader: entries, layering, and problems with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyadwatch.actors.dictionary import (
    format_entries,
    load_file,
    load_layers,
    parse_role,
    parse_text,
)

DATA = Path(__file__).resolve().parent / "data" / "actors"


def test_loads_entries_with_lists_and_roles() -> None:
    entries, problems = load_file(DATA / "persons.txt")
    assert problems == []
    lee = next(e for e in entries if e.name == "Lee Jae-myung")
    assert lee.kind == "person" and lee.gender == "m" and lee.short == ["Lee"]
    assert [r.code for r in lee.roles] == ["KOROPP", "KORGOV"]
    assert lee.roles[1].start == dt.date(2025, 6, 4) and lee.roles[1].end is None
    assert lee.roles[1].title == "President of South Korea"


def test_malformed_lines_are_reported_with_line_numbers_and_the_rest_loads() -> None:
    entries, problems = load_file(DATA / "malformed.txt")
    names = [e.name for e in entries]
    assert names == ["Narnia", "Archenland", "Telmar"]  # Calormen has no code (skipped)
    where = {p.position: p.reason for p in problems}
    assert "line 5" in where and "indented" in where["line 5"]
    assert "unknown key 'colour'" in where["line 6"]
    assert "role dates" in where["line 9"]
    assert "without a name" in where["line 10"]
    assert "no code" in where["line 11"]
    assert "valid" in where["line 15"]
    assert all(p.path.endswith("malformed.txt") for p in problems)


def test_later_layer_overrides_by_name_and_code(tmp_path: Path) -> None:
    user = tmp_path / "countries.txt"
    user.write_text("+ China\n  code: CHN\n  names: Cathay\n", encoding="utf-8")
    merged = load_layers([[DATA / "countries.txt"], [user]])
    china = [e for e in merged.entries if e.name == "China"]
    assert len(china) == 1 and china[0].names == ["Cathay"] and china[0].layer == 1
    assert any(e.name == "South Korea" for e in merged.entries)


def test_role_parsing_errors_are_clear() -> None:
    role = parse_role("KORGOV 2025-06-04 - President of South Korea")
    assert role.covers(dt.date(2030, 1, 1)) and not role.covers(dt.date(2025, 6, 3))
    for bad in ("KORGOV 2025", "KORGOV 2025-06-04 2024-01-01 x", "kor gov - -"):
        try:
            parse_role(bad)
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(bad)


def test_writer_round_trips() -> None:
    entries, _ = load_file(DATA / "persons.txt")
    again, problems = parse_text(format_entries(entries, "header"), "x.txt", "person")
    assert problems == []
    assert [(e.name, e.roles, e.short, e.gender) for e in again] == [
        (e.name, e.roles, e.short, e.gender) for e in entries
    ]


def test_user_files_layer_over_the_shipped_ones_and_problems_are_kept(tmp_path: Path, caplog) -> None:
    from dyadwatch.actors import ActorStage
    from dyadwatch.options import Options

    user = tmp_path / "persons.txt"
    user.write_text("+ Ana Vidal\n  gender: f\n  role: KORGOV 2026-01-05 - Foreign Minister of South Korea\noops\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        stage = ActorStage.from_options(Options(actor_dictionaries=[str(user)]))
    assert any(p.position == "line 4" and p.path == str(user) for p in stage.problems)
    assert f"{user}:line 4" in caplog.text
    assert any(e.name == "Ana Vidal" and e.layer == 2 for e in stage.dictionary.entries)
    assert any(e.layer == 0 for e in stage.dictionary.entries) and any(e.layer == 1 for e in stage.dictionary.entries)


def test_user_overlay_hides_what_it_replaces(tmp_path: Path) -> None:
    import spacy

    from dyadwatch.actors import ActorStage
    from dyadwatch.model import Sentence

    base = ActorStage(load_layers([[DATA / f for f in ("countries.txt", "persons.txt", "agents.txt")]]))
    user = tmp_path / "mine.txt"
    user.write_text("+ China\n  code: CHN\n  names: Cathay\n\n+ Xi Jinping\n  country: CHN\n  role: CHNELI 2013-03-14 - retired\n", encoding="utf-8")
    stage = base.with_user_files([str(user)])
    text = "Cathay, China, Beijing and Xi Jinping."
    found = stage.find(spacy.blank("en").make_doc(text), Sentence(0, text, 0, len(text)), stage.new_context(dt.date(2025, 1, 1)))
    assert [(m.text, m.code) for m in found] == [("Cathay", "CHN"), ("China", "CHN"), ("Xi Jinping", "CHNELI")]
    assert len([e for e in stage.dictionary.entries if e.name == "China"]) == 1
