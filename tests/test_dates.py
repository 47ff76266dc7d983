"""Event dates: expressions found, resolved against the anchor, the governing one chosen."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from dyadwatch.dates import date_for_event, resolve, scan

ANCHOR = dt.date(2025, 6, 11)  # a Wednesday
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize(("text", "expected"), [
    ("on Tuesday", "2025-06-10"),
    ("Tuesday", "2025-06-10"),
    ("on Wednesday", "2025-06-11"),  # the anchor's own weekday: the anchor day
    ("last Wednesday", "2025-06-04"),
    ("on Thursday", "2025-06-05"),
    ("next Monday", "2025-06-16"),
    ("yesterday", "2025-06-10"),
    ("last night", "2025-06-10"),
    ("today", "2025-06-11"),
    ("tomorrow", "2025-06-12"),
    ("three days ago", "2025-06-08"),
    ("on June 10", "2025-06-10"),
    ("June 10, 2025", "2025-06-10"),
    ("10 June", "2025-06-10"),
    ("on 2 March 2024", "2024-03-02"),
    ("2024-12-31", "2024-12-31"),
    ("Tuesday, June 10, 2025", "2025-06-10"),
    ("on June 20", "2024-06-20"),  # no year, after the anchor: the most recent such day
    ("the 10th of June", "2025-06-10"),
])
def test_resolve_days(text: str, expected: str) -> None:
    assert resolve(text, ANCHOR) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("text", [
    "last week", "earlier this month", "later this year", "in recent weeks", "over the weekend",
    "less than a week after Lee's election victory", "in May", "in 2024", "the day after the vote",
    "two weeks ago",
])
def test_vague_spans_have_no_date(text: str) -> None:
    found = scan(text, ANCHOR)
    assert found and found[0].kind == "vague" and found[0].date is None
    assert resolve(text, ANCHOR) is None


def test_without_anchor_only_full_dates_resolve() -> None:
    assert resolve("on Tuesday", None) is None
    assert resolve("on June 10", None) is None
    assert resolve("June 10, 2025", None) == dt.date(2025, 6, 10)


def test_months_and_weekdays_must_be_capitalised() -> None:
    assert scan("officials may meet to march on", ANCHOR) == []
    assert scan("the sun rose", ANCHOR) == []


def test_relative_to_event_keeps_its_text() -> None:
    [c] = scan("The call comes less than a week after Lee's election victory, which marked a shift.",
               ANCHOR)
    assert c.text == "less than a week after Lee's election victory"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1)),
       st.sampled_from(WEEKDAYS), st.sampled_from(["on ", "", "last "]))
def test_weekday_is_within_seven_days_before_anchor(anchor: dt.date, day: str, mod: str) -> None:
    found = resolve(f"{mod}{day}", anchor)
    assert found is not None
    assert 0 <= (anchor - found).days <= 7
    assert found.strftime("%A") == day
    if mod == "last ":
        assert (anchor - found).days >= 1
    else:
        assert (anchor - found).days <= 6


NLP = spacy.blank("en")


def test_no_expression_gives_the_anchor() -> None:
    doc = NLP("China and South Korea agreed to deepen exchanges.")
    assert date_for_event(doc, doc.text.index("agreed"), ANCHOR) == ("2025-06-11", None)
    assert date_for_event(doc, 0, None) == (None, None)


def test_unparsed_doc_takes_the_nearest_expression() -> None:
    doc = NLP("On Monday officials said that Xi called Lee on Tuesday.")
    assert date_for_event(doc, doc.text.index("called"), ANCHOR) == ("2025-06-10", "on Tuesday")
    assert date_for_event(doc, doc.text.index("said"), ANCHOR) == ("2025-06-09", "On Monday")


def test_unresolvable_keeps_text() -> None:
    doc = NLP("Seoul protested last week against the drills.")
    assert date_for_event(doc, doc.text.index("protested"), ANCHOR) == (None, "last week")


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [{"plans": "plan"}.get(w, w.lower()) for w in words]
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_parse_prefers_the_expression_of_the_trigger_clause() -> None:
    # "Lee , elected in 2020 , praised China on Monday ."
    words = ["Lee", ",", "elected", "in", "2020", ",", "praised", "China", "on", "Monday", "."]
    heads = [6, 0, 0, 2, 3, 0, 6, 6, 6, 8, 6]
    deps = ["nsubj", "punct", "acl", "prep", "pobj", "punct", "ROOT", "dobj", "prep", "pobj", "punct"]
    pos = ["PROPN", "PUNCT", "VERB", "ADP", "NUM", "PUNCT", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    assert date_for_event(doc, doc.text.index("praised"), ANCHOR) == ("2025-06-09", "on Monday")
    assert date_for_event(doc, doc.text.index("elected"), ANCHOR) == (None, "in 2020")


def test_parse_ignores_expressions_of_other_clauses() -> None:
    # "Lee , elected last week , praised China ."
    words = ["Lee", ",", "elected", "last", "week", ",", "praised", "China", "."]
    heads = [6, 0, 0, 4, 2, 0, 6, 6, 6]
    deps = ["nsubj", "punct", "acl", "amod", "npadvmod", "punct", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "VERB", "ADJ", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    assert date_for_event(doc, doc.text.index("praised"), ANCHOR) == ("2025-06-11", None)


def test_clause_without_a_verb_root_terminates() -> None:
    # A nominal root ("Talks with Seoul on Tuesday .") once looped forever looking for a verb.
    words = ["Talks", "with", "Seoul", "on", "Tuesday", "."]
    heads = [0, 0, 1, 0, 3, 0]
    deps = ["ROOT", "prep", "pobj", "prep", "pobj", "punct"]
    pos = ["NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    assert date_for_event(doc, doc.text.index("Talks"), ANCHOR) == ("2025-06-10", "on Tuesday")


@pytest.mark.model
def test_seed_first_sentence_with_the_model() -> None:
    from dyadwatch.nlp import load_pipeline

    nlp = load_pipeline()
    text = ("Chinese President Xi Jinping held a phone call with South Korea’s newly elected "
            "President Lee Jae-myung on Tuesday, emphasizing the importance of reinforcing "
            "bilateral relations and fostering regional stability.")
    doc = nlp(text)
    assert date_for_event(doc, text.index("held"), ANCHOR) == ("2025-06-10", "on Tuesday")
    assert date_for_event(doc, text.index("call"), ANCHOR) == ("2025-06-10", "on Tuesday")


def test_future_tense_resolves_forward() -> None:
    # "Xi will visit Seoul on Friday ."
    words = ["Xi", "will", "visit", "Seoul", "on", "Friday", "."]
    doc = _parsed(words, [2, 2, 2, 2, 2, 4, 2], ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "punct"],
                  ["PROPN", "AUX", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"])
    assert date_for_event(doc, doc.text.index("visit"), ANCHOR) == ("2025-06-13", "on Friday")
    # "Xi plans to visit Seoul on June 20 ."
    words = ["Xi", "plans", "to", "visit", "Seoul", "on", "June", "20", "."]
    doc = _parsed(words, [1, 1, 3, 1, 3, 3, 5, 6, 1],
                  ["nsubj", "ROOT", "aux", "xcomp", "dobj", "prep", "pobj", "nummod", "punct"],
                  ["PROPN", "VERB", "PART", "VERB", "PROPN", "ADP", "PROPN", "NUM", "PUNCT"])
    assert date_for_event(doc, doc.text.index("visit"), ANCHOR) == ("2025-06-20", "on June 20")
    assert resolve("on Friday", ANCHOR, future=True) == dt.date(2025, 6, 13)
    assert resolve("on June 1", ANCHOR, future=True) == dt.date(2026, 6, 1)
