"""Evidence highlighting: escaped text, <mark> over spans, overlaps and bad offsets handled."""

from __future__ import annotations

from dyadwatch.web.highlight import Mark, highlight, marks_for


def test_marks_are_placed_on_the_spans() -> None:
    text = "China praised Korea."
    html = str(highlight(text, [Mark(0, 5, "source", 1), Mark(6, 13, "trigger", 1),
                                Mark(14, 19, "target", 1)]))
    assert html.startswith('<mark class="ev-source" data-events="1" title="source of event 1">China</mark> ')
    assert '<mark class="ev-trigger"' in html and ">praised</mark>" in html
    assert html.endswith(">Korea</mark>.")


def test_text_is_escaped_inside_and_outside_marks() -> None:
    text = '<b>x</b> "><img src=x onerror=alert(1)> & more'
    html = str(highlight(text, [Mark(9, 39, "source", 1)]))
    assert "<b>" not in html and "<img" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</mark>" in html
    assert html.endswith(" &amp; more")


def test_overlapping_spans_are_split_and_merged() -> None:
    text = "Seoul and Beijing met"
    # event 1: source "Seoul and Beijing"; event 2: target "Beijing"
    html = str(highlight(text, [Mark(0, 17, "source", 1), Mark(10, 17, "target", 2)]))
    assert '>Seoul and </mark><mark class="ev-source ev-target" data-events="1 2"' in html
    assert 'title="source of event 1, 2; target of event 1, 2">Beijing</mark> met' in html


def test_invalid_offsets_are_ignored() -> None:
    text = "short"
    assert str(highlight(text, [Mark(3, 99, "source", 1), Mark(4, 2, "target", 1),
                                Mark(-1, 2, "trigger", 1)])) == "short"
    assert str(highlight(None, [Mark(0, 1, "source", 1)])) == ""


def test_marks_for_uses_field_and_every_evidence_place() -> None:
    events = [{"field": "body", "source_span": [0, 5], "target_span": None, "trigger_span": [6, 9],
               "evidence": [{"field": "title", "trigger_span": [1, 3], "source_span": None,
                             "target_span": None},
                            {"field": "body", "trigger_span": [20, 25], "source_span": [10, 15],
                             "target_span": ["a", 2]}]}]
    body = marks_for(events, "body")
    assert [(m.start, m.end, m.kind) for m in body] == [
        (0, 5, "source"), (6, 9, "trigger"), (10, 15, "source"), (20, 25, "trigger")]
    assert [(m.start, m.kind) for m in marks_for(events, "title")] == [(1, "trigger")]
