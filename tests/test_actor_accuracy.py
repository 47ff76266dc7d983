"""Resolution accuracy on the held-out mention test set (tests/data/actor_mentions.jsonl).

The figure is computed by bench/bench_actors.py (recorded in docs/actors.md); this
test keeps it from falling below the floor of issue 3.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SET = REPO / "tests" / "data" / "actor_mentions.jsonl"
FLOOR = 0.97  # reached: 1.000 on 881 mentions (docs/actors.md); issue 3 asks for 0.95


def _bench():
    spec = importlib.util.spec_from_file_location("bench_actors", REPO / "bench" / "bench_actors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_actors"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.skipif(not SET.exists(), reason="no mention test set")
def test_mention_set_accuracy_is_at_least_the_floor() -> None:
    bench = _bench()
    items = bench.load_set(SET)
    score, errors, _ = bench.accuracy(items)
    assert score.total >= 200
    assert score.accuracy >= FLOOR, "\n".join(errors)


HELDOUT = REPO / "bench" / "heldout" / "actor_mentions_heldout.jsonl"
HELDOUT_FLOOR = 0.97  # measured 0.992 (723/729) the first time it was run, untuned


def test_heldout_mention_set_accuracy_is_at_least_the_floor() -> None:
    bench = _bench()
    score, errors, _ = bench.accuracy(bench.load_set(HELDOUT))
    assert score.total >= 200
    assert score.accuracy >= HELDOUT_FLOOR, "\n".join(errors)
