"""Typo-tolerant actor names (src/dyadwatch/actors/fuzzy.py) with the shipped dictionary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from dyadwatch.actors import load_stage, resolve_text
from dyadwatch.actors.dictionary import Entry
from dyadwatch.actors.fuzzy import distance, edits, is_english
from dyadwatch.actors.matcher import Matcher


def codes(text: str, day: dt.date | None = None) -> dict[str, tuple[str, str]]:
    return {m.text: (m.code, m.reason) for m in resolve_text(text, day)}


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")


def test_distance_counts_swaps_as_one_edit() -> None:
    assert distance("mitterand", "mitterrand") == 1
    assert distance("ethopia", "ethiopia") == 1
    assert distance("austira", "austria") == 1  # a swap of neighbours
    assert distance("khatmandu", "kathmandu") == 2
    assert "ethiopia" in edits("ethopia") and "ethopia" not in edits("ethopia")


def test_shipped_word_list_knows_common_words_and_inflections() -> None:
    assert is_english("president") and is_english("hangover") and is_english("dubbin")
    assert is_english("warnings")
    assert not is_english("mitterand") and not is_english("ethopia")


@pytest.mark.parametrize(("text", "day", "span", "code", "note"), [
    ("President Francois Mitterand gave a warm welcome on Thursday to South African leader F.W. de Klerk.",
     dt.date(1991, 4, 4), "President Francois Mitterand", "FRAGOV", "Mitterand ~ Mitterrand"),
    ("Rwandan rebels demanded the removal of President Juvenal Habyariman.",
     dt.date(1992, 6, 1), "President Juvenal Habyariman", "RWAGOV", "Habyariman ~ Habyarimana"),
    ("Rebels dismissed an appeal from President Laurent Gbago.",
     dt.date(2002, 11, 1), "President Laurent Gbago", "CIVGOV", "Gbago ~ Gbagbo"),
    ("Ethopia has agreed to re-open its borders.", None, "Ethopia", "ETH", "Ethopia ~ Ethiopia"),
    ("A strike shut down Khatmandu.", None, "Khatmandu", "NPLGOV", "Khatmandu ~ Kathmandu"),
    ("Eduard Shevardnaze met the envoy.", dt.date(1993, 1, 1), "Eduard Shevardnaze", "GEOGOV",
     "Shevardnaze ~ Shevardnadze"),
])
def test_misspelt_names_resolve_and_say_so(text, day, span, code, note) -> None:
    found = codes(text, day)
    assert found[span][0] == code
    assert found[span][1].startswith(f"fuzzy: {note}; ")


def test_names_spelt_right_are_not_marked() -> None:
    found = codes("Ethiopia and Nepal signed.")
    assert found["Ethiopia"][0] == "ETH" and not found["Ethiopia"][1].startswith("fuzzy")


def test_tokens_left_alone() -> None:
    # one edit from both Australia and Austria: ambiguous
    assert "Austrlia" not in codes("Austrlia signed a deal.")
    # acronyms and lower-case words are never corrected
    assert codes("ETHOPIA signed.") == {} and codes("the ethopia deal") == {}
    # a 5-letter correction needs the rest of a full name ("Laurent Gbago")
    assert codes("Gbago said no.") == {}
    # one corrected token per match: "Laurant Gbago" is two edits from Laurent Gbagbo
    assert all(c != "CIVGOV" for c, _ in codes("President Laurant Gbago spoke.", dt.date(2003, 1, 1)).values())


def test_first_letter_and_added_endings_are_not_typos(blank) -> None:
    matcher = Matcher([Entry("Turkey", code="TUR", capital=["Ankara"]), Entry("Iran", code="IRN", capital=["Tehran"])])
    assert matcher.find(blank("Sankara and Tehrani spoke.")) == []
    assert [c.fuzzy for c in matcher.find(blank("Ankarra spoke."))] == ["Ankarra ~ Ankara"]


def test_a_corrected_word_alone_is_no_district_name(blank) -> None:
    matcher = Matcher([Entry("Iraq", code="IRQ", names=["Iraq", "Samarra"])])
    assert matcher.find(blank("Samarrra fell.")) == []


def test_known_english_words_are_not_names(blank) -> None:
    matcher = Matcher([Entry("Ireland", code="IRL", capital=["Dublin"]), Entry("Ethiopia", code="ETH")])
    assert matcher.find(blank("Dubbin was applied.")) == []  # an English word one edit from Dublin
    found = matcher.find(blank("Dublni and Ethopia talked."))
    assert {c.fuzzy for c in found} == {"Dublni ~ Dublin", "Ethopia ~ Ethiopia"}


def test_words_matched_as_written_win_over_corrections(blank) -> None:
    matcher = Matcher([Entry("Ethiopia", code="ETH"), Entry("Ethopia Group", kind="nonstate", code="XET")])
    found = matcher.find(blank("Ethopia Group met."))
    assert [(c.start, c.end, c.fuzzy) for c in found] == [(0, 2, "")]


def test_a_user_dictionary_spelling_is_not_corrected(tmp_path: Path) -> None:
    user = tmp_path / "mine.txt"
    user.write_text("+ Ethopia Front\n  code: ETHREB\n  names: Ethopia\n", encoding="utf-8")
    found = {m.text: (m.code, m.reason) for m in resolve_text("Ethopia said no.", None, [str(user)])}
    assert found["Ethopia"][0] == "ETHREB" and "fuzzy" not in found["Ethopia"][1]
    found = {m.text: (m.code, m.reason) for m in resolve_text("Ethiopa said no.", None, [str(user)])}
    assert found["Ethiopa"][0] == "ETH" and found["Ethiopa"][1].startswith("fuzzy: Ethiopa ~ Ethiopia;")
    assert load_stage().resolver.matcher.fuzzy is not None


@pytest.mark.model
def test_a_misspelt_source_codes_the_event() -> None:
    from dyadwatch.model import Document
    from dyadwatch.options import Options
    from dyadwatch.pipeline import Coder

    doc = Document("d1", "President Francois Mitterand gave a warm welcome on Thursday to South African "
                   "leader F.W. de Klerk who is attempting to break his country's international isolation.",
                   date="1991-04-04")
    events = Coder(Options()).code(doc).events
    assert any(e.source_code == "FRAGOV" for e in events)
