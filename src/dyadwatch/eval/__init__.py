"""Evaluation against gold data: PLOVER gold JSON and PETRARCH validation XML.

``evaluate(paths)`` codes every gold sentence with the current pipeline and returns an
``EvalReport`` (event-type accuracy, CAMEO-root accuracy, triple precision/recall/F1 at
country, root and full level, per-type figures, confusion of types, per-sentence diffs).
``score(gold, predictions)`` does the comparison alone, for any predictions.
"""

from __future__ import annotations

from .gold import GoldEvent, GoldSentence, read_gold, read_petrarch_xml, read_plover_json
from .report import format_text
from .run import evaluate, predict
from .score import PRF, EvalReport, Predicted, SentenceResult, score

__all__ = [
    "PRF",
    "EvalReport",
    "GoldEvent",
    "GoldSentence",
    "Predicted",
    "SentenceResult",
    "evaluate",
    "format_text",
    "predict",
    "read_gold",
    "read_petrarch_xml",
    "read_plover_json",
    "score",
]
