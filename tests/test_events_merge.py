"""One event per happening within an article."""

from __future__ import annotations

from dyadwatch.events import merge_events
from dyadwatch.model import Event, Evidence


def ev(code: str, sentence: int, src: str = "CHNGOV", tgt: str | None = "KORGOV",
       date: str | None = "2025-06-10", article: str = "a", field: str = "body") -> Event:  # fmt: skip
    trigger = (sentence * 100, sentence * 100 + 5)
    return Event(
        article_id=article, source_code=src, target_code=tgt, source_text=src, target_text=tgt,
        cameo_code=code, plover_type="CONSULT", plover_mode=None, goldstein=1.0, quad_class=1,
        event_date=date, date_text=None, sentence_index=sentence, sentence=f"s{sentence}",
        source_span=(0, 1), target_span=(2, 3), trigger_span=trigger, field=field,
        evidence=[Evidence(sentence, f"s{sentence}", trigger, (0, 1), (2, 3), field)],
    )  # fmt: skip


def test_repeats_merge_keeping_the_most_specific_code_and_all_evidence() -> None:
    merged = merge_events([ev("040", 0, field="title"), ev("041", 2), ev("04", 5, date=None)])
    assert len(merged) == 1
    (m,) = merged
    assert m.cameo_code == "041"
    assert [(e.field, e.sentence_index) for e in m.evidence] == [("title", 0), ("body", 2), ("body", 5)]


def test_different_happenings_stay_apart() -> None:
    events = [
        ev("041", 1),
        ev("041", 2, src="KORGOV", tgt="CHNGOV"),  # other direction
        ev("051", 3),  # other family
        ev("041", 4, date="2025-07-01"),  # another day
        ev("041", 5, article="b"),  # another article
    ]
    assert len(merge_events(events)) == 5


def test_unknown_date_takes_the_known_one() -> None:
    (m,) = merge_events([ev("041", 1, date=None), ev("041", 2)])
    assert m.event_date == "2025-06-10"


def test_undated_headline_takes_the_body_date() -> None:
    """"Poland expels Russian diplomats" (article date) = "... expelled ... on Sunday"."""
    title = ev("166", 0, src="POL", tgt="RUSGOV", date="2025-06-10", field="title")
    body = ev("166", 1, src="POL", tgt="RUSGOV", date="2025-06-08")
    body.date_text = "on Sunday"
    (m,) = merge_events([title, body])
    assert (m.event_date, m.date_text) == ("2025-06-08", "on Sunday")
    assert [(e.field, e.sentence_index) for e in m.evidence] == [("title", 0), ("body", 1)]


def test_dated_headline_and_undated_body_repeats_stay_apart_on_other_days() -> None:
    title = ev("166", 0, src="POL", tgt="RUSGOV", date="2025-06-10", field="title")
    title.date_text = "today"
    body = ev("166", 1, src="POL", tgt="RUSGOV", date="2025-06-08")
    body.date_text = "on Sunday"
    assert len(merge_events([title, body])) == 2


def test_bare_country_merges_with_its_actor_and_the_specific_code_is_kept() -> None:
    """ "South Korea and Japan agree ..." (KOR, JPN) and "Seoul and Tokyo agreed ..." (KORGOV, JPNGOV)."""
    a = ev("036", 0, src="KOR", tgt="JPN", field="title")
    b = ev("036", 2, src="KORGOV", tgt="JPNGOV")
    for e in (a, b):
        e.source_country, e.target_country = e.source_code[:3], e.target_code[:3]
    (m,) = merge_events([a, b])
    assert (m.source_code, m.target_code) == ("KORGOV", "JPNGOV")
    c = ev("036", 3, src="KORGOV", tgt="JPNGOV")
    d = ev("036", 4, src="KOROPP", tgt="JPNGOV")  # two distinct Korean actors stay apart
    for e in (c, d):
        e.source_country, e.target_country = e.source_code[:3], e.target_code[:3]
    assert len(merge_events([c, d])) == 2


def test_merged_actor_fields_all_come_from_one_report() -> None:
    """ "Lee expressed admiration for China (CHN) ... and reaffirmed his commitment" (CHNGOV):
    code, text, span and name of the merged event's target are one report's, never a mix."""
    a = ev("051", 1, src="KORGOV", tgt="CHN")
    b = ev("051", 2, src="KORGOV", tgt="CHNGOV")
    b.target_text, b.target_span, b.target_name = "Xi", (40, 42), "Xi Jinping"
    for e in (a, b):
        e.source_country, e.target_country = "KOR", "CHN"
    (m,) = merge_events([a, b])
    assert (m.target_code, m.target_text, m.target_span, m.target_name) == ("CHNGOV", "Xi", (40, 42), "Xi Jinping")
    assert (m.sentence_index, m.trigger_span) == (2, b.trigger_span)
    c = ev("051", 1, src="KOR", tgt="CHNGOV")  # each more specific on one side: keep the first as it is
    d = ev("051", 2, src="KORGOV", tgt="CHN")
    for e in (c, d):
        e.source_country, e.target_country = "KOR", "CHN"
    (m,) = merge_events([c, d])
    assert (m.source_code, m.target_code, m.source_text, m.target_text) == ("KOR", "CHNGOV", "KOR", "CHNGOV")
    assert len(m.evidence) == 2


def test_headline_replaced_by_the_specific_body_report_takes_its_date() -> None:
    title = ev("036", 0, src="KOR", tgt="JPN", field="title", date="2025-06-11")
    body = ev("036", 2, src="KORGOV", tgt="JPNGOV", date="2025-06-08")
    body.date_text = "on Sunday"
    for e in (title, body):
        e.source_country, e.target_country = "KOR", "JPN"
    (m,) = merge_events([title, body])
    assert (m.field, m.event_date, m.date_text) == ("body", "2025-06-08", "on Sunday")
