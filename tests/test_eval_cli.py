"""dyadwatch eval end to end with the real pipeline, on a tiny hand-made gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli.evaluate import eval_command

pytestmark = pytest.mark.model

GOLD = [
    {"id": "g1", "date": "2025-06-11", "event": "CONSULT",
     "text": "Chinese President Xi Jinping held a phone call with South Korean President Lee Jae-myung.",
     "source": [{"actorText": "Xi Jinping", "code": "CHN", "sector": "GOV"}],
     "target": [{"actorText": "Lee Jae-myung", "code": "KOR", "sector": "GOV"}],
     "textInfo": {"markup": "(SRC: Xi Jinping) (EVT: held a phone call) with (TAR: Lee Jae-myung)."}},
    {"id": "g2", "date": "2025-06-11", "event": "DISAPPROVE",
     "text": "South Korea criticized China over the structure in the Yellow Sea.",
     "source": [{"actorText": "South Korea", "code": "KOR"}],
     "target": [{"actorText": "China", "code": "CHN"}],
     "textInfo": {"markup": "(SRC: South Korea) (EVT: criticized) (TAR: China) over the structure."}},
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return path


def test_eval_json(gold_file: Path) -> None:
    result = CliRunner().invoke(eval_command, [str(gold_file), "--format", "json", "--show-errors", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sentences"] == 2 and data["typed_sentences"] == 2
    assert set(data["triples"]) == {"country", "root", "full"}
    assert data["triples"]["country"]["gold"] == 2
    assert 0.0 <= data["type_accuracy"] <= 1.0
    assert "results" not in data and len(data["errors"]) <= 1
    for err in data["errors"]:
        assert {"id", "text", "missing", "spurious", "predicted_type"} <= set(err)


def test_eval_text(gold_file: Path) -> None:
    result = CliRunner().invoke(eval_command, [str(gold_file), "--show-errors", "5"])
    assert result.exit_code == 0, result.output
    assert "Event-type accuracy:" in result.output and "country" in result.output
    assert "ACCUSE" in result.output  # DISAPPROVE read as the current PLOVER name
