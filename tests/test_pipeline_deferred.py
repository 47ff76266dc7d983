"""The coder defers the date-only components (NER): same entities and dates as a full parse."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch import dates
from dyadwatch.model import Document
from dyadwatch.nlp import DATE_ONLY_COMPONENTS, annotate, load_pipeline, parse
from dyadwatch.options import Options
from dyadwatch.pipeline import Coder

BODY = (
    "France condemned Germany on 12 March over the border closure. "
    "Russia accused Ukraine on March 3rd 2025 evening of shelling the town. "
    "The weather in Paris was mild, with 21 degrees on Sunday. "
    "Japan and China signed a trade agreement on 3 Mar. 2025 in Tokyo."
)


def test_needs_entities_only_with_a_digit() -> None:
    assert dates.needs_entities("on 12 March")
    assert not dates.needs_entities("on Tuesday")
    assert dates._dateparser_day("last Tuesday", dt.date(2025, 6, 11)) is None  # no digit: never parsed


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Options())


@pytest.mark.model
def test_deferred_ner_gives_the_full_parse_entities() -> None:
    nlp = load_pipeline()
    texts = [s.text for s in nlp(BODY).sents]
    docs = [nlp.make_doc(t) for t in texts]
    parse(nlp, docs, exclude=DATE_ONLY_COMPONENTS)
    assert not any(d.has_annotation("ENT_IOB") for d in docs)
    assert all(d.has_annotation("DEP") for d in docs)
    annotate(nlp, docs, DATE_ONLY_COMPONENTS)
    full = list(nlp.pipe(texts))
    for deferred, whole in zip(docs, full, strict=True):
        assert [(e.start, e.end, e.label_) for e in deferred.ents] == [
            (e.start, e.end, e.label_) for e in whole.ents
        ]
        assert [t.dep_ for t in deferred] == [t.dep_ for t in whole]


@pytest.mark.model
def test_event_dates_equal_those_of_a_full_parse(coder: Coder) -> None:
    anchor = dt.date(2025, 6, 11)
    coded = coder.code(Document(id="d", body=BODY, date=anchor.isoformat()))
    assert len(coded.events) >= 3
    by_index = {s.index: s for s in coded.sentences}
    for event in coded.events:
        sentence = by_index[event.sentence_index]
        full = coder.nlp(sentence.text)  # every component, NER included
        expected = dates.date_for_event(full, event.trigger_span[0] - sentence.start, anchor)
        assert (event.event_date, event.date_text) == expected
    assert any(e.date_text and any(c.isdigit() for c in e.date_text) for e in coded.events)
