"""Run the coder over gold sentences and score it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import Document
from ..options import Options
from ..pipeline import Coder
from .gold import GoldSentence, read_gold
from .score import EvalReport, Predicted, score


def gold_document(sentence: GoldSentence) -> Document:
    """One gold sentence as a one-sentence article: no headline, the gold date as anchor."""
    return Document(id=sentence.id, body=sentence.text, date=sentence.date, path=sentence.path,
                    format="gold")


def predict(gold: Iterable[GoldSentence], coder: Coder) -> dict[str, list[Predicted]]:
    """Sentence id -> the events the coder finds in it."""
    docs = [gold_document(s) for s in gold]
    out: dict[str, list[Predicted]] = {}
    for coded in coder.code_many(docs):
        out[coded.document.id] = [Predicted.from_event(e) for e in coded.events]
    return out


def eval_options(base: Options | None = None) -> Options:
    """The coder settings used for scoring: prefilter on, no headline, no hypotheticals."""
    return (base or Options()).replace(code_headline=False, prefilter=True)


def evaluate(paths: Sequence[str | Path], options: Options | None = None,
             coder: Coder | None = None) -> EvalReport:
    """Read the gold files, code their sentences with the current pipeline, score the result."""
    gold: list[GoldSentence] = []
    for path in paths:
        gold.extend(read_gold(path))
    coder = coder or Coder(eval_options(options))
    return score(gold, predict(gold, coder), files=[str(p) for p in paths])
