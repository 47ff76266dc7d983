"""The seed article, end to end (issue 2 item 6): coded as an analyst would.

``dyadwatch code ../shared/seeds/000_c3368ce41bd079eb.txt --date 2025-06-11``: the Xi-Lee
phone call as a consultation (041/040) between CHNGOV and KORGOV dated 2025-06-10, Lee's
admiration for China's progress as praise (051) from South Korea to China, the agreement
to deepen exchanges as intent to cooperate (03), no conflict event between China and
South Korea, and Yoon Suk-yeol never coded as South Korea's government.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.model import CodedDocument, Event
from dyadwatch.options import Options
from dyadwatch.pipeline import Coder
from dyadwatch.read import read_inputs

pytestmark = pytest.mark.model
SEED = Path(__file__).resolve().parents[1].parent / "shared/seeds/000_c3368ce41bd079eb.txt"


@pytest.fixture(scope="module")
def coded() -> CodedDocument:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    (doc,) = [d for d in read_inputs([str(SEED)]) if not hasattr(d, "reason")]
    return Coder(Options(date="2025-06-11")).code(doc)


def between(events: list[Event], a: str, b: str) -> list[Event]:
    return [e for e in events if {e.source_country, e.target_country} == {a, b}]


def test_phone_call_between_the_governments(coded: CodedDocument) -> None:
    calls = [
        e for e in coded.events
        if e.cameo_code in ("040", "041") and {e.source_code, e.target_code} == {"CHNGOV", "KORGOV"}
    ]  # fmt: skip
    assert calls, [(e.cameo_code, e.source_code, e.target_code) for e in coded.events]
    assert any(e.cameo_code == "041" for e in calls)
    assert all(e.plover_type == "CONSULT" for e in calls)
    call = next(e for e in calls if e.cameo_code == "041")
    assert call.event_date == "2025-06-10"
    assert "phone call" in call.trigger_text
    body = coded.document.body
    s, e = call.source_span
    assert "Xi Jinping" in body[s:e] or call.evidence[0].field == "title"


def test_admiration_is_praise_from_korea_to_china(coded: CodedDocument) -> None:
    praise = [
        e for e in coded.events
        if e.cameo_code == "051" and e.source_country == "KOR" and e.target_country == "CHN"
    ]  # fmt: skip
    assert praise and "admiration" in praise[0].trigger_text


def test_agreement_to_deepen_exchanges_is_intent_to_cooperate(coded: CodedDocument) -> None:
    intents = [e for e in between(coded.events, "CHN", "KOR") if e.cameo_code.startswith("03")]
    assert any("agreed" in e.trigger_text for e in intents)
    # "The two leaders agreed ...": both directions, each with its own referent
    assert {(e.source_country, e.target_country) for e in intents} >= {("CHN", "KOR"), ("KOR", "CHN")}


def test_no_conflict_between_china_and_korea(coded: CodedDocument) -> None:
    conflict = [e for e in between(coded.events, "CHN", "KOR") if e.quad_class in (3, 4)]
    assert conflict == [], [(e.cameo_code, e.sentence) for e in conflict]


def test_yoon_is_not_the_government(coded: CodedDocument) -> None:
    for e in coded.events:
        for code, text in ((e.source_code, e.source_text), (e.target_code, e.target_text)):
            if text and "Yoon" in text:
                assert code != "KORGOV"
