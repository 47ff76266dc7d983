"""Importers: PETRARCH/TABARI dictionaries (meaning kept) and Wikidata exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy

from dyadwatch.actors import ActorStage
from dyadwatch.actors.dictionary import load_file, load_layers
from dyadwatch.actors.petrarch import convert_files, display_name, parse_code_block, write_converted
from dyadwatch.actors.wikidata import import_wikidata
from dyadwatch.cli import cli
from dyadwatch.model import Sentence

DATA = Path(__file__).resolve().parent / "data" / "actors"
PETRARCH = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch2"

TABARI = """\
<!-- a comment -->
CHINA_  [CHN]
+CHINESE_
+PEKING
XI_JINPING
+PRESIDENT_XI_JINPING
\t[CHNGOV >20121115]
SAM_GAMGEE [HOB]
\t[HOBGOV 20121109-20130119] # comment
\t[HOBELI >20130119]
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
BAD_ONE [XYZ 2004017]
"""
AGENTS = """\
!MINST! = MINISTER, MINISTRY
FOREIGN_!MINST! [~GOV]
TROOPS {} [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
MSF {} [NGO~]
"""


def test_code_blocks_and_names() -> None:
    assert parse_code_block("CHNGOV >20121115")[1].start == dt.date(2012, 11, 15)
    role = parse_code_block("KORGOV 070501-080731")[1]
    assert (role.start, role.end) == (dt.date(2007, 5, 1), dt.date(2008, 7, 31))
    assert parse_code_block("HOB <950601")[1].end == dt.date(1995, 5, 31)
    assert parse_code_block("CHN") == ("CHN", None)
    assert display_name("XI_JINPING_") == "Xi Jinping" and display_name("UN_") == "UN"
    assert display_name("PEOPLE'S_REPUBLIC_OF_CHINA") == "People's Republic of China"


def _stage_from(tmp_path: Path) -> ActorStage:
    (tmp_path / "a.actors.txt").write_text(TABARI, encoding="utf-8")
    (tmp_path / "a.agents.txt").write_text(AGENTS, encoding="utf-8")
    converted = convert_files([tmp_path / "a.actors.txt", tmp_path / "a.agents.txt"])
    assert [p.position for p in converted.problems] == ["line 15", "line 15"]  # bad date, then no code
    files = write_converted(converted, tmp_path / "out", "test")
    return ActorStage(load_layers([files]))


def _codes(stage: ActorStage, text: str, day: str) -> list[tuple[str, str]]:
    ctx = stage.new_context(dt.date.fromisoformat(day))
    doc = spacy.blank("en").make_doc(text)
    return [(m.text, m.code) for m in stage.find(doc, Sentence(0, text, 0, len(text)), ctx)]


def test_petrarch_actor_and_agent_files_keep_their_meaning(tmp_path: Path) -> None:
    stage = _stage_from(tmp_path)
    assert _codes(stage, "Smeagol met Sam Gamgee in 1990.", "1990-01-01") == [("Smeagol", "HOB"), ("Sam Gamgee", "HOB")]
    assert _codes(stage, "Gollum met Sam Gamgee.", "1996-01-01") == [("Gollum", "HOBGOV"), ("Sam Gamgee", "HOB")]
    assert _codes(stage, "Sam Gamgee spoke.", "2013-01-01") == [("Sam Gamgee", "HOBGOV")]
    assert _codes(stage, "Sam Gamgee spoke.", "2014-01-01") == [("Sam Gamgee", "HOBELI")]
    assert _codes(stage, "President Xi Jinping and Chinese troops.", "2014-01-01") == [
        ("President Xi Jinping", "CHNGOV"), ("Chinese troops", "CHNMIL")]
    assert _codes(stage, "The Chinese foreign ministries and Peking attorneys general.", "2014-01-01") == [
        ("Chinese foreign ministries", "CHNGOV"), ("Peking attorneys general", "CHNJUD")]
    assert _codes(stage, "Chinese MSF said.", "2014-01-01") == [("Chinese MSF", "NGOCHN")]


@pytest.mark.skipif(not PETRARCH.exists(), reason="../shared/reference/petrarch2 is not beside the repository")
def test_petr_validate_dictionaries_load_unchanged_in_meaning(tmp_path: Path) -> None:
    files = [PETRARCH / n for n in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt")]
    converted = convert_files(files)
    stage = ActorStage(load_layers([write_converted(converted, tmp_path, "validate")]))
    # dated codes (the validation suite's own date restrictions)
    assert _codes(stage, "Sam Gamgee spoke.", "2007-01-01") == [("Sam Gamgee", "HOBCIV")]
    assert _codes(stage, "Sam Gamgee spoke.", "2010-01-10") == [("Sam Gamgee", "ORCHOB")]
    assert _codes(stage, "Sam Gamgee spoke.", "2011-01-10") == [("Sam Gamgee", "HOBMIL")]
    assert _codes(stage, "Stinker spoke.", "1999-09-01") == [("Stinker", "HOBREB")]
    assert _codes(stage, "Hamfast Gamgee spoke.", "2013-01-01") == [("Hamfast Gamgee", "HOBGOV")]
    assert _codes(stage, "Hamfast Gamgee spoke.", "2014-01-01") == [("Hamfast Gamgee", "HOB")]  # the default code
    assert _codes(stage, "Zimbabwe spoke.", "1979-01-01") == [("Zimbabwe", "RHO")]
    assert _codes(stage, "Zimbabwe spoke.", "1999-01-01") == [("Zimbabwe", "ZBW")]
    # synonyms, multi-word names, agents with their plurals
    assert _codes(stage, "Pyongyang and the Hermit Kingdom.", "2000-01-01") == [("Pyongyang", "PRK"), ("the Hermit Kingdom", "PRK")]
    assert _codes(stage, "Norwegian troops met Danish prosecutors.", "2000-01-01") == [
        ("Norwegian troops", "NORMIL"), ("Danish prosecutors", "DNKJUD")]
    assert _codes(stage, "Danish ministries of silly walks.", "2000-01-01") == [("Danish ministries of silly walks", "DNKGOV")]


def test_cli_import_petrarch(tmp_path: Path, runner) -> None:
    src = tmp_path / "x.actors.txt"
    src.write_text(TABARI, encoding="utf-8")
    result = runner.invoke(cli, ["dict", "import-petrarch", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    entries, problems = load_file(tmp_path / "out" / "persons.txt")
    assert problems == [] and {e.name for e in entries} == {"Xi Jinping", "Sam Gamgee", "Gollum"}


def test_wikidata_export_becomes_a_persons_dictionary() -> None:
    countries, _ = load_file(DATA / "countries.txt")
    result = import_wikidata(DATA / "wikidata_sample.json", countries)
    assert [p.position for p in result.problems] == ["row 3", "row 4", "row 7"]
    assert "unknown country 'Atlantis'" in result.problems[0].reason
    assert "unknown country 'http://www.wikidata.org/entity/Q999999'" in result.problems[2].reason
    ana, dara, eli = result.entries
    assert ana.name == "Ana Vidal" and ana.gender == "f" and ana.short == ["Vidal"]
    assert ana.names == ["Ana Vidal", "Ana M. Vidal", "A. Vidal"]  # the label is one of the names
    # a country given as an entity URI maps through its label, or through an ISO field
    assert (dara.names, [r.text() for r in dara.roles]) == (
        ["Dara Quill"], ["KORGOV 2026-03-01 - Prime Minister of South Korea"])
    assert [r.code for r in eli.roles] == ["CHNGOV"]
    assert [r.text() for r in ana.roles] == [
        "KOROPP 2023-02-01 2025-12-31 leader of the opposition",
        "KORGOV 2026-01-05 - Minister of Foreign Affairs of South Korea",
    ]


def test_cli_import_wikidata_then_resolve_with_it(tmp_path: Path, runner) -> None:
    out = tmp_path / "persons.txt"
    result = runner.invoke(cli, ["dict", "import-wikidata", str(DATA / "wikidata_sample.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "row 3" in result.output  # problems are reported, one line each
    result = runner.invoke(cli, ["actors", "Ana Vidal met the UN chief.", "--date", "2026-02-01", "--actors", str(out)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    records = records if isinstance(records, list) else [records]
    ana = next(r for r in records if r["name"] == "Ana Vidal")
    assert ana["code"] == "KORGOV" and ana["valid_from"] == "2026-01-05" and (ana["start"], ana["end"]) == (0, 9)


def test_cli_actors_bad_date_is_one_clear_error(runner) -> None:
    result = runner.invoke(cli, ["actors", "China", "--date", "11/06/2025"])
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.output and "Traceback" not in result.output


def test_a_binary_file_is_reported_and_the_others_convert(tmp_path: Path) -> None:
    good = tmp_path / "a.actors.txt"
    good.write_text(TABARI, encoding="utf-8")
    bad = tmp_path / "b.actors.txt"
    bad.write_bytes(b"\x00\x01\xff" * 100)
    converted = convert_files([bad, good])
    assert any(p.path == str(bad) and "binary" in p.reason for p in converted.problems)
    assert "persons.txt" in converted.files


def test_non_actor_petrarch_files_are_refused_by_content(tmp_path: Path, runner) -> None:
    issues = tmp_path / "my.issues.txt"
    issues.write_text('<ISSUE CATEGORY="EDUCATION" TYPE="ALL">\nn:preschool [EARLY_EDUCATION]\npre+n:school [EARLY_EDUCATION]\n', encoding="utf-8")
    verbs = tmp_path / "verbs.actors.txt"  # the name says actors, the content says verbs
    verbs.write_text("&AUXVERB1_\n+WAS\n+WERE\n---  ACCUSE   [112]  ---\n- * OF CORRUPTION [1121]\n", encoding="utf-8")
    prose = tmp_path / "notes.txt"
    prose.write_text("These are my notes about the project.\nThey are not a dictionary, as you can see.\n", encoding="utf-8")
    good = tmp_path / "a.actors.txt"
    good.write_text(TABARI, encoding="utf-8")
    converted = convert_files([issues, verbs, prose, good])
    assert converted.skipped == [issues, verbs, prose]
    reasons = {Path(p.path).name: p.reason for p in converted.problems if p.position is None}
    assert reasons["my.issues.txt"] == "an issue-coding file, not an actor, agent or discard dictionary: skipped"
    assert reasons["verbs.actors.txt"].startswith("a verb (event pattern) dictionary")
    assert reasons["notes.txt"].startswith("not a PETRARCH dictionary")
    assert "persons.txt" in converted.files  # the good file still converts
    result = runner.invoke(cli, ["dict", "import-petrarch", str(issues), str(good), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"{issues}: an issue-coding file, not an actor, agent or discard dictionary: skipped" in result.output
    assert (tmp_path / "out" / "persons.txt").exists()


def test_discard_list_without_a_name_hint_is_a_discard_file(tmp_path: Path) -> None:
    f = tmp_path / "stoplist.txt"
    f.write_text("MONTHS LATER\n+World Golf Championships   # sports\n1914\n", encoding="utf-8")
    converted = convert_files([f])
    assert converted.skipped == [] and len(converted.files["discards.txt"]) == 3


@pytest.mark.skipif(not PETRARCH.exists(), reason="../shared/reference/petrarch2 is not beside the repository")
def test_shared_petrarch_files_are_classified() -> None:
    from dyadwatch.actors.filekind import classify
    from dyadwatch.actors.petrarch import _read_lines

    kinds = {p.name: classify(_read_lines(p)) for p in sorted(PETRARCH.glob("*.txt"))}
    assert kinds["Phoenix.IssueCoding.txt"] == "issues" and kinds["CAMEO.2.0.txt"] == "verbs"
    assert kinds["PETR.Validate.verbs.txt"] == "verbs"
    assert {kinds[n] for n in kinds if n.endswith("actors.txt")} == {"actors"}
    assert {kinds[n] for n in kinds if n.endswith("agents.txt")} == {"agents"}
    assert {kinds[n] for n in kinds if n.endswith("discards.txt")} == {"discards"}
