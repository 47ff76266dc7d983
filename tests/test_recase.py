"""Title Case headlines are re-cased for the parser (dyadwatch.recase)."""

from __future__ import annotations

import spacy

from dyadwatch.recase import is_title_case, sentence_case

NLP = spacy.blank("en")


def test_title_case_is_recognised() -> None:
    assert is_title_case(NLP("Putin Meets Xi in Moscow for Talks on Ukraine"))
    assert not is_title_case(NLP("Putin met Xi in Moscow for talks on Ukraine."))
    assert not is_title_case(NLP("Xi Speaks"))  # too short to tell


def test_common_words_lower_names_kept_offsets_unchanged() -> None:
    doc = NLP("Putin Meets Xi in Moscow for Talks on Turkey and China")
    names = {0, 2, 4, 8, 10}  # Putin, Xi, Moscow, Turkey, China: dictionary names
    out = sentence_case(doc, names)
    assert out.text == "Putin meets Xi in Moscow for talks on Turkey and China"
    assert len(out.text) == len(doc.text) and [t.idx for t in out] == [t.idx for t in doc]


def test_sentence_case_text_is_left_alone() -> None:
    doc = NLP("Putin met Xi in Moscow for talks.")
    assert sentence_case(doc, set()) is doc


def test_acronyms_and_unknown_words_keep_their_case() -> None:
    out = sentence_case(NLP("EU Imposes New Sanctions on Kherson Officials"), set())
    assert out.text == "EU imposes new sanctions on Kherson officials"


def test_titles_before_names_keep_their_case() -> None:
    doc = NLP("China Welcomes Talks as Foreign Minister Wang Meets Envoys")
    out = sentence_case(doc, {0, 6})  # China, Wang
    assert out.text == "China welcomes talks as Foreign Minister Wang meets envoys"
