"""Plain typed objects that flow between the pipeline stages.

Data flows one way: Document -> Sentence -> ActorMention -> Event -> store.
Every stage takes and returns these objects, so each stage can be tested and
replaced alone. Character spans are ``(start, end)`` offsets into the text of
the field the sentence came from (``"body"`` or ``"title"``) of the Document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any, Literal

Span = tuple[int, int]
Field = Literal["title", "body"]


@dataclass
class Document:
    """One article as read from its input, before any NLP."""

    id: str
    body: str
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    section: str | None = None
    authors: list[str] = dc_field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD publication date, when known
    url: str | None = None
    source: str | None = None  # outlet/source name given by the input (JSONL ``source``)
    path: str | None = None  # file the document came from
    position: str | None = None  # where in the file: "line 12", "record 3", ...
    format: str | None = None  # "text", "html", "jsonl", "warc"
    # (start, end) body offsets of paragraphs and of sub-headings; headings are not body sentences
    paragraphs: list[Span] = dc_field(default_factory=list)
    headings: list[Span] = dc_field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Problem:
    """An input (or part of one) that could not be coded: quarantined with its reason."""

    path: str
    reason: str
    position: str | None = None  # "line 3", "record 7", "byte 1024" ...
    kind: str = "unreadable"  # unreadable | empty | binary | encoding | malformed | no-article | too-long | skipped

    def message(self) -> str:
        where = f"{self.path}:{self.position}" if self.position else self.path
        return f"{where}: {self.reason}"


@dataclass
class Sentence:
    index: int  # 0-based; the headline (if coded) is sentence 0 with field "title"
    text: str
    start: int
    end: int
    field: Field = "body"


@dataclass
class ActorMention:
    """A span of text resolved to a CAMEO actor code."""

    text: str
    start: int
    end: int
    sentence_index: int
    code: str  # full CAMEO actor code, e.g. "KORGOV", "USA", "IGOUNO"
    country: str | None = None  # 3-letter country code, or None for IGOs / non-state actors
    agent: str | None = None  # primary agent/sector code: GOV, MIL, LEG, OPP, MED ...
    name: str | None = None  # canonical name: "Lee Jae-myung", "South Korea"
    role: str | None = None  # "President of South Korea", "opposition leader" ...
    kind: str = "country"  # country | igo | ngo | nonstate | person | agent
    entity_id: str | None = None  # stable id of the entity (person/org) for coreference
    valid_from: str | None = None
    valid_to: str | None = None
    reason: str = ""  # why it resolved this way (dictionary entry, role by date, coreference ...)
    field: Field = "body"

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Evidence:
    """One place in the article that reports an event."""

    sentence_index: int
    sentence: str
    trigger_span: Span
    source_span: Span | None
    target_span: Span | None
    field: Field = "body"


@dataclass
class Event:
    article_id: str
    source_code: str | None  # None: an unknown perpetrator ("were killed in a bombing")
    target_code: str | None
    source_text: str | None
    target_text: str | None
    cameo_code: str
    plover_type: str
    plover_mode: str | None
    goldstein: float
    quad_class: int
    event_date: str | None
    date_text: str | None
    sentence_index: int
    sentence: str
    source_span: Span | None
    target_span: Span | None
    trigger_span: Span
    trigger_text: str = ""
    field: Field = "body"
    source_country: str | None = None
    target_country: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    attribution: str | None = None  # "China's state-run media", "Xi said" ...
    attribution_code: str | None = None
    negated: bool = False
    hypothetical: bool = False
    pattern: str | None = None  # which verb pattern produced it
    evidence: list[Evidence] = dc_field(default_factory=list)  # all places reporting it (>= 1)

    def key(self) -> tuple[str | None, str | None, str, str | None]:
        """Identity of the happening within an article (for merging repeats)."""
        return (self.source_code, self.target_code, self.cameo_code, self.event_date)

    def to_record(self) -> dict[str, Any]:
        """Flat record, the shape of ``dyadwatch code --format jsonl`` and of the web API."""
        rec = asdict(self)
        for k in ("source_span", "target_span", "trigger_span"):
            v = rec[k]
            rec[k] = list(v) if v is not None else None
        for ev in rec["evidence"]:
            for k in ("trigger_span", "source_span", "target_span"):
                v = ev[k]
                ev[k] = list(v) if v is not None else None
        return rec


@dataclass
class CodedDocument:
    """Everything the pipeline found in one Document."""

    document: Document
    sentences: list[Sentence]
    mentions: list[ActorMention]
    events: list[Event]
    skipped: dict[str, int] = dc_field(default_factory=dict)  # reason -> count of sentences skipped


def parse_iso_date(value: str) -> dt.date:
    """Parse YYYY-MM-DD strictly; raise ValueError with a clear message otherwise."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"not a date in YYYY-MM-DD form: {value!r}") from None
