"""Verb/noun pattern dictionaries: the file format, layering and error reporting."""

from __future__ import annotations

import pytest

from dyadwatch.errors import DictionaryError
from dyadwatch.events.patterns import Lexicon, inflections, load_lexicon, read_into, split_code

SAMPLE = """\
&food: food; grain; emergency rations
+ aid
  code: 070
  verb: donate
  verb: hand over = 070 | handed over
  noun: food aid = 073
  pattern: * &food (to +) = 073
  pattern: &food * = 074   # subject side
"""


def test_format_parsed() -> None:
    lex = Lexicon()
    read_into(lex, SAMPLE, "sample.txt", strict=True)
    assert lex.sets["food"] == (("food",), ("grain",), ("emergency", "rations"))
    fam = lex.families["aid"]
    assert fam.code == "070"
    assert [v.particles for v in lex.verbs["hand"]] == [("over",)]
    assert lex.nouns["aid"][0].words == ("food", "aid") and lex.nouns["aid"][0].code == "073"
    first = fam.patterns[0]
    assert first.code == "073" and first.post[0].kind == "word" and first.post[1].kind == "pp"
    assert first.post[1].inner[0].slot == "+"
    assert "handed" in lex.forms and "donated" in lex.forms


def test_bad_lines_reported_with_file_and_line() -> None:
    lex = Lexicon()
    bad = "+ x\n  code: 040\n  pattern: * talks\n  verb: meet = 9x9\n  colour: red\n"
    read_into(lex, bad, "user.txt")
    assert any(p.startswith("user.txt:3:") for p in lex.problems)
    assert any(p.startswith("user.txt:4:") for p in lex.problems)
    assert any(p.startswith("user.txt:5:") and "unknown key" in p for p in lex.problems)
    with pytest.raises(DictionaryError, match="user.txt:3"):
        read_into(Lexicon(), bad, "user.txt", strict=True)


def test_later_files_take_precedence(tmp_path) -> None:
    user = tmp_path / "mine.txt"
    user.write_text("+ agree\n  code: 031\n  pattern: * (on need) = 036\n", "utf-8")
    lex = load_lexicon([str(user)])
    assert lex.families["agree"].code == "031"
    assert lex.families["agree"].patterns[0].where == f"{user}:3"


def test_unreadable_user_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        load_lexicon([str(tmp_path / "missing.txt")])


def test_shipped_dictionaries_load_cleanly() -> None:
    lex = load_lexicon()
    assert not lex.problems
    assert sum(len(f.patterns) for f in lex.families.values()) > 4000
    assert "phone" in {w for e in lex.nouns["call"] for w in e.words}
    assert {"light_verbs", "statement_verbs", "intent_verbs"} <= set(lex.sets)


def test_codes_and_inflections() -> None:
    assert split_code("042:043") == ("042", "043")
    assert split_code(":173") == (None, "173")
    assert split_code("---") == (None, None)
    assert {"stopped", "stopping", "carries", "carried"} <= inflections("stop") | inflections("carry")
