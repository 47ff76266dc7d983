"""CodedDocument -> table rows (plain tuples, in the column order of schema.py)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pyarrow as pa

from ..model import CodedDocument, Event, Span

ARTICLE_COLUMNS = (
    "article_id", "seq", "content_hash", "story_id", "duplicate_of", "title", "outlet", "source",
    "url", "date", "path", "position", "format", "body", "n_sentences", "n_events", "n_mentions",
    "skipped", "run_id",
)
EVENT_COLUMNS = (
    "article_id", "event_id", "source_code", "target_code", "source_country", "target_country",
    "source_text", "target_text", "source_name", "target_name", "cameo_code", "plover_type",
    "plover_mode", "goldstein", "quad_class", "event_date", "date_text", "sentence_index",
    "sentence", "field", "source_start", "source_end", "target_start", "target_end",
    "trigger_start", "trigger_end", "trigger_text", "attribution", "attribution_code", "negated",
    "hypothetical", "pattern", "evidence",
)

COLUMNS: dict[str, tuple[str, ...]] = {  # table -> columns of its rows, in row order
    "articles": ARTICLE_COLUMNS,
    "article_minhash": ("article_id", "signature"),
    "sentences": ("article_id", "sentence_index", "field", "start_char", "end_char"),
    "mentions": ("article_id", "sentence_index", "field", "start_char", "end_char", "text", "code",
                 "country", "agent", "name", "role", "kind", "entity_id"),
    "article_events": EVENT_COLUMNS,
    "quarantine": ("path", "position", "reason", "kind", "run_id"),
    "inputs": ("path", "position", "content_hash", "status", "article_id", "run_id"),
}
# Arrow types where inference from Python values could go wrong (all-None columns, int/float mix)
ARROW_TYPES: dict[str, pa.DataType] = {
    "goldstein": pa.float64(), "date": pa.string(), "event_date": pa.string(),
    "signature": pa.binary(), "negated": pa.bool_(), "hypothetical": pa.bool_(),
}


def event_id(event: Event) -> str:
    """Identity of a happening across the corpus: same date, source, target and CAMEO code."""
    key = "\x1f".join(
        v or "" for v in (event.event_date, event.source_code, event.target_code, event.cameo_code)
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _span(span: Span | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span is not None else (None, None)


def _date(value: str | None) -> str | None:
    """An ISO date DuckDB accepts, or None (a partial date is kept in date_text only)."""
    if value and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return value
    return None


def article_row(
    cd: CodedDocument, seq: int, chash: str, story_id: str, duplicate_of: str | None, run_id: str
) -> tuple[Any, ...]:
    d = cd.document
    return (
        d.id, seq, chash, story_id, duplicate_of, d.title, d.outlet, d.source, d.url, _date(d.date),
        d.path, d.position or "", d.format, d.body, len(cd.sentences), len(cd.events),
        len(cd.mentions), json.dumps(cd.skipped, sort_keys=True), run_id,
    )


def event_row(article_id: str, e: Event) -> tuple[Any, ...]:
    evidence = [
        {"sentence_index": v.sentence_index, "field": v.field, "trigger_span": list(v.trigger_span),
         "source_span": list(v.source_span) if v.source_span else None,
         "target_span": list(v.target_span) if v.target_span else None}
        for v in e.evidence
    ]
    return (
        article_id, event_id(e), e.source_code, e.target_code, e.source_country, e.target_country,
        e.source_text, e.target_text, e.source_name, e.target_name, e.cameo_code, e.plover_type,
        e.plover_mode, e.goldstein, e.quad_class, _date(e.event_date), e.date_text,
        e.sentence_index, e.sentence, e.field, *_span(e.source_span), *_span(e.target_span),
        *_span(e.trigger_span), e.trigger_text, e.attribution, e.attribution_code, e.negated,
        e.hypothetical, e.pattern, json.dumps(evidence),
    )


def sentence_rows(cd: CodedDocument) -> list[tuple[Any, ...]]:
    return [(cd.document.id, s.index, s.field, s.start, s.end) for s in cd.sentences]


def mention_rows(cd: CodedDocument) -> list[tuple[Any, ...]]:
    return [
        (cd.document.id, m.sentence_index, m.field, m.start, m.end, m.text, m.code, m.country,
         m.agent, m.name, m.role, m.kind, m.entity_id)
        for m in cd.mentions
    ]
