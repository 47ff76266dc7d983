"""Score predicted events against gold sentences: type accuracy, triples P/R/F1, confusion.

Rules (the same for every gold file):

* **Primary event** of a sentence: the predicted event whose trigger comes first in the
  sentence; events of the pseudo-type STATEMENT count only when nothing else was predicted
  (PLOVER has no statement type). A sentence with no predicted event has type ``NONE``.
* **Event-type accuracy**: the primary event's PLOVER type is one of the gold types of the
  sentence. Sentences without a gold type (``noevents``) are left out of the accuracy.
* **CAMEO-root accuracy** (gold with CAMEO codes only): the same with the two-digit root.
* **Triples** (source, target, event) are compared as sets per sentence. ``country`` level:
  actor codes cut to their first three letters (country or IGO/NGO: gold ``IGO`` matches
  any ``IGO...`` code; a state and its continuator are one country, ``CONTINUATOR``) and
  the PLOVER type; ``root``: the same actors with the CAMEO root;
  ``full``: whole actor codes and the CAMEO code (XML gold) or PLOVER type (JSON gold).
  A gold triple marked either-direction also matches its reverse. Precision counts
  predicted triples that match a gold triple; recall counts gold triples matched.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from .. import ontology
from ..model import Event
from .gold import GoldEvent, GoldSentence

NONE = "NONE"
LEVELS = ("country", "root", "full")
GENERIC_ACTORS = ("IGO", "NGO", "IMG", "MNC")  # gold codes that stand for any code they begin
Triple = tuple[str | None, str | None, str | None]


@dataclass(frozen=True)
class Predicted:
    """The parts of a coded event the scorer compares."""

    source: str | None
    target: str | None
    plover_type: str
    cameo: str | None = None
    trigger_start: int = 0

    @classmethod
    def from_event(cls, event: Event) -> Predicted:
        return cls(event.source_code or None, event.target_code or None, event.plover_type,
                   event.cameo_code, event.trigger_span[0])

    def label(self) -> str:
        return f"{self.source or '-'} -> {self.target or '-'} {self.plover_type} ({self.cameo or '-'})"


@dataclass
class PRF:
    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class SentenceResult:
    id: str
    text: str
    gold_types: list[str]
    predicted_type: str
    type_correct: bool | None  # None: the sentence has no gold type
    root_correct: bool | None  # None: no CAMEO gold
    gold: list[str]
    predicted: list[str]
    missing: list[str]  # gold triples (country level) not found
    spurious: list[str]  # predicted triples (country level) not in the gold


@dataclass
class EvalReport:
    files: list[str]
    sentences: int
    typed_sentences: int  # sentences with a gold type (the accuracy's denominator)
    type_correct: int
    rooted_sentences: int
    root_correct: int
    triples: dict[str, PRF]
    per_type: dict[str, PRF]
    confusion: dict[str, dict[str, int]]  # gold type -> predicted primary type -> count
    results: list[SentenceResult] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.typed_sentences if self.typed_sentences else 0.0

    @property
    def root_accuracy(self) -> float | None:
        return self.root_correct / self.rooted_sentences if self.rooted_sentences else None

    def errors(self) -> list[SentenceResult]:
        """Sentences with a wrong type, a missing or a spurious triple."""
        return [r for r in self.results if r.type_correct is False or r.missing or r.spurious]

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "sentences": self.sentences,
            "type_accuracy": round(self.type_accuracy, 4), "typed_sentences": self.typed_sentences,
            "type_correct": self.type_correct,
            "root_accuracy": None if self.root_accuracy is None else round(self.root_accuracy, 4),
            "rooted_sentences": self.rooted_sentences, "root_correct": self.root_correct,
            "triples": {k: v.to_dict() for k, v in self.triples.items()},
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "confusion": self.confusion, "results": [asdict(r) for r in self.results],
        }


# --- actor and event keys ----------------------------------------------------------------


# Country level compares countries, not regimes: a state and its continuator or its later name
# are one country (the Correlates of War convention; gold files code the Soviet Union as RUS,
# Yugoslavia as SRB, as the coder's dated dictionaries do not). Full codes stay as they are.
CONTINUATOR = {"SUN": "RUS", "USR": "RUS", "YUG": "SRB", "SCG": "SRB", "ZAR": "COD", "BUR": "MMR"}


def actor_key(code: str | None, level: str) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return code if level == "full" else CONTINUATOR.get(code[:3], code[:3])


def _actor_match(gold: str | None, pred: str | None, level: str) -> bool:
    g, p = actor_key(gold, level), actor_key(pred, level)
    if g is None or p is None:
        return g == p
    return g == p or (level == "full" and g in GENERIC_ACTORS and p.startswith(g))


def gold_event_key(e: GoldEvent, level: str) -> str | None:
    if level == "root":
        return ontology.root(e.cameo)
    if level == "full" and e.cameo:
        return e.cameo
    return e.plover_type


def pred_event_key(p: Predicted, level: str, gold_has_cameo: bool) -> str | None:
    if level == "root":
        return ontology.root(p.cameo)
    if level == "full" and gold_has_cameo:
        return p.cameo
    return p.plover_type


def _matches(g: GoldEvent, p: Predicted, level: str, gold_has_cameo: bool) -> bool:
    gk = gold_event_key(g, level)
    if gk is None or gk != pred_event_key(p, level, gold_has_cameo):
        return False
    if _actor_match(g.source, p.source, level) and _actor_match(g.target, p.target, level):
        return True
    return g.either_direction and _actor_match(g.source, p.target, level) and _actor_match(
        g.target, p.source, level
    )


def _dedup_gold(events: Iterable[GoldEvent], level: str) -> list[GoldEvent]:
    seen: dict[tuple[Any, ...], GoldEvent] = {}
    for e in events:
        key = (actor_key(e.source, level), actor_key(e.target, level), gold_event_key(e, level))
        rev = (key[1], key[0], key[2])
        if key in seen or (e.either_direction and rev in seen):
            continue
        seen[key] = e
    return list(seen.values())


def _dedup_pred(preds: Iterable[Predicted], level: str, has_cameo: bool) -> list[Predicted]:
    seen: dict[Triple, Predicted] = {}
    for p in preds:
        key = (actor_key(p.source, level), actor_key(p.target, level),
               pred_event_key(p, level, has_cameo))
        seen.setdefault(key, p)
    return list(seen.values())


@dataclass
class _Matched:
    gold: list[tuple[GoldEvent, bool]]  # deduplicated gold triples, each with "was found"
    predicted: list[tuple[Predicted, bool]]  # deduplicated predictions, each with "is in gold"

    def counts(self) -> PRF:
        return PRF(sum(ok for _, ok in self.predicted), len(self.predicted),
                   sum(ok for _, ok in self.gold), len(self.gold))


def match(gold: GoldSentence, preds: list[Predicted], level: str) -> _Matched:
    """Match one sentence's predicted triples with its gold triples at one level."""
    has_cameo = any(e.cameo for e in gold.events)
    if level == "root" and not has_cameo:
        return _Matched([], [])
    g = _dedup_gold(gold.events, level)
    p = _dedup_pred(preds, level, has_cameo)
    return _Matched(
        gold=[(ge, any(_matches(ge, pe, level, has_cameo) for pe in p)) for ge in g],
        predicted=[(pe, any(_matches(ge, pe, level, has_cameo) for ge in g)) for pe in p],
    )


def _label(e: GoldEvent) -> str:
    arrow = "<->" if e.either_direction else "->"
    return f"{e.source or '-'} {arrow} {e.target or '-'} {e.plover_type or '?'} ({e.cameo or '-'})"


# --- per sentence and overall ------------------------------------------------------------


def primary(preds: list[Predicted]) -> Predicted | None:
    """The sentence's primary predicted event (first trigger; statements only as a last resort)."""
    ordered = sorted(preds, key=lambda p: p.trigger_start)
    for p in ordered:
        if p.plover_type != ontology.STATEMENT:
            return p
    return ordered[0] if ordered else None


def _per_type(m: _Matched) -> dict[str, PRF]:
    """Country-level triples counted under the event type they carry."""
    out: dict[str, PRF] = defaultdict(PRF)
    for ge, found in m.gold:
        out[ge.plover_type or "?"].add(PRF(0, 0, int(found), 1))
    for pe, ok in m.predicted:
        out[pe.plover_type].add(PRF(int(ok), 1, 0, 0))
    return out


def score_sentence(gold: GoldSentence, preds: list[Predicted], m: _Matched) -> SentenceResult:
    first = primary(preds)
    ptype = first.plover_type if first else NONE
    types, roots = gold.types, gold.roots
    return SentenceResult(
        id=gold.id, text=gold.text, gold_types=sorted(types), predicted_type=ptype,
        type_correct=(ptype in types) if types else None,
        root_correct=(first is not None and ontology.root(first.cameo) in roots) if roots else None,
        gold=[_label(e) for e in gold.events],
        predicted=[x.label() for x in sorted(preds, key=lambda x: x.trigger_start)],
        missing=[_label(ge) for ge, found in m.gold if not found],
        spurious=[pe.label() for pe, ok in m.predicted if not ok],
    )


def score(
    gold: list[GoldSentence], predictions: Mapping[str, list[Predicted]], files: list[str] | None = None
) -> EvalReport:
    """Compare predictions (sentence id -> predicted events) with the gold sentences."""
    triples = {level: PRF() for level in LEVELS}
    per_type: dict[str, PRF] = defaultdict(PRF)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    results = []
    for sent in gold:
        preds = list(predictions.get(sent.id, []))
        matched = {level: match(sent, preds, level) for level in LEVELS}
        result = score_sentence(sent, preds, matched["country"])
        results.append(result)
        for level in LEVELS:
            triples[level].add(matched[level].counts())
        for t, prf in _per_type(matched["country"]).items():
            per_type[t].add(prf)
        if result.gold_types:
            gold_type = result.predicted_type if result.type_correct else result.gold_types[0]
            confusion[gold_type][result.predicted_type] += 1
    typed = [r for r in results if r.type_correct is not None]
    rooted = [r for r in results if r.root_correct is not None]
    return EvalReport(
        files=files or sorted({s.path for s in gold if s.path}), sentences=len(gold),
        typed_sentences=len(typed), type_correct=sum(bool(r.type_correct) for r in typed),
        rooted_sentences=len(rooted), root_correct=sum(bool(r.root_correct) for r in rooted),
        triples=triples, per_type=dict(per_type),
        confusion={g: dict(c) for g, c in sorted(confusion.items())}, results=results,
    )
