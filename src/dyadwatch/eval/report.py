"""Plain-text rendering of an EvalReport (the CLI prints it; the library only builds strings)."""

from __future__ import annotations

from .score import PRF, EvalReport, SentenceResult


def _prf_line(name: str, prf: PRF) -> str:
    return (f"  {name:<12} P {prf.precision:6.3f}  R {prf.recall:6.3f}  F1 {prf.f1:6.3f}"
            f"   ({prf.matched_predicted}/{prf.predicted} predicted, {prf.matched_gold}/{prf.gold} gold)")


def _confusion(report: EvalReport) -> list[str]:
    cols = sorted({p for row in report.confusion.values() for p in row})
    if not cols:
        return []
    lines = ["Confusion of event types (rows: gold, columns: predicted primary event, first 5 letters)",
             " " * 12 + "".join(f"{c[:5]:>6}" for c in cols)]
    for gold, row in report.confusion.items():
        lines.append(f"{gold[:11]:<12}" + "".join(f"{row.get(c, 0) or '.':>6}" for c in cols))
    return lines


def _error(r: SentenceResult) -> list[str]:
    lines = [f"- {r.id}: gold {'/'.join(r.gold_types) or 'none'}, predicted {r.predicted_type}",
             f"    {r.text}"]
    lines += [f"    missing  {t}" for t in r.missing]
    lines += [f"    spurious {t}" for t in r.spurious]
    return lines


def format_text(report: EvalReport, show_errors: int = 0) -> str:
    """The report as text: figures, per-type table, confusion, then up to N wrong sentences."""
    lines = [f"Gold: {', '.join(report.files)}  ({report.sentences} sentences)",
             f"Event-type accuracy: {report.type_accuracy:.3f} "
             f"({report.type_correct}/{report.typed_sentences} sentences)"]
    if report.root_accuracy is not None:
        lines.append(f"CAMEO-root accuracy: {report.root_accuracy:.3f} "
                     f"({report.root_correct}/{report.rooted_sentences} sentences)")
    lines.append("Triples (source, target, event):")
    for level, prf in report.triples.items():
        if prf.gold or prf.predicted:
            lines.append(_prf_line(level, prf))
    lines.append("Per event type (country-level triples):")
    lines += [_prf_line(t, prf) for t, prf in sorted(report.per_type.items())]
    lines += _confusion(report)
    wrong = report.errors()
    if show_errors and wrong:
        lines.append(f"Sentences with errors ({len(wrong)}; first {min(show_errors, len(wrong))}):")
        for r in wrong[:show_errors]:
            lines += _error(r)
    return "\n".join(lines) + "\n"
