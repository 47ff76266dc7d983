"""Quality gate: the coder's accuracy on the development gold data must not drop.

Runs the real pipeline over ../shared/eval/plover_gsr_dev.json (skipped where the shared
data is not beside the repository) and compares with tests/quality_floors.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.eval import EvalReport, evaluate

pytestmark = [pytest.mark.model, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FLOORS = json.loads((HERE / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> EvalReport:
    gold = SHARED / FLOORS["gold"]
    if not gold.exists():
        pytest.skip(f"{gold} is not available (../shared beside the repository)")
    return evaluate([gold])


def test_every_sentence_scored(report: EvalReport) -> None:
    assert report.sentences > 0 and report.typed_sentences == report.sentences


def test_event_type_accuracy_floor(report: EvalReport) -> None:
    assert report.type_accuracy >= FLOORS["type_accuracy"], (
        f"event-type accuracy {report.type_accuracy:.3f} < floor {FLOORS['type_accuracy']}"
    )


def test_triple_f1_floor(report: EvalReport) -> None:
    f1 = report.triples["country"].f1
    assert f1 >= FLOORS["triple_f1_country"], f"country-level triple F1 {f1:.3f} < floor"


# bench/heldout/: written by people who did not tune the coder (bench/heldout/*.README.md);
# bench/dev2/: the project's second development set (CAMEO-manual style), tuned on
@pytest.mark.parametrize("name", ["heldout", "dev2"])
def test_repository_set_floors(name: str) -> None:
    floors = FLOORS[name]
    report = evaluate([HERE.parent / floors["gold"]])
    f1 = report.triples["country"].f1
    assert report.type_accuracy >= floors["type_accuracy"], report.type_accuracy
    assert f1 >= floors["triple_f1_country"], f1
