"""The coder: Document -> CodedDocument, stage after stage.

read -> segment -> actors (match, then in-document resolution) -> prefilter ->
parse -> events -> dates -> merge within the article. Each stage lives in its
own module behind a small interface; this module only wires them together.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import dates
from .actors import ActorStage
from .doctext import doc_text
from .events import EventStage, merge_events
from .model import ActorMention, CodedDocument, Document, Event, Sentence, parse_iso_date
from .nlp import DATE_ONLY_COMPONENTS, annotate, load_pipeline, parse
from .options import Options
from .prefilter import skip_reason
from .recase import is_title_case, sentence_case
from .segment import split_sentences


@dataclass
class _Pending:
    document: Document
    anchor: dt.date | None
    sentences: list[Sentence]
    mentions: list[ActorMention]
    candidates: list[tuple[Sentence, Doc, list[ActorMention]]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


class Coder:
    """Codes documents into events. Load once, call many times."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp = load_pipeline(self.options.model)
        self.actors = ActorStage.from_options(self.options)
        self.events = EventStage.from_options(self.options)

    def anchor_date(self, document: Document) -> dt.date | None:
        for value in (document.date, self.options.date):
            if value:
                try:
                    return parse_iso_date(value)
                except ValueError:
                    continue
        return None

    def _prepare(self, document: Document) -> _Pending:
        anchor = self.anchor_date(document)
        pending = _Pending(document, anchor, [], [])
        ctx = self.actors.new_context(anchor)
        for sentence, doc in split_sentences(document, self.nlp, self.options.code_headline):
            pending.sentences.append(sentence)
            reason = skip_reason(doc, self.options.max_sentence_tokens)
            if reason:
                pending.skipped[reason] += 1
                continue
            if is_title_case(doc):  # "Putin Meets Xi": a headline
                doc = sentence_case(doc, self.actors.name_tokens(doc))
            mentions = self.actors.find(doc, sentence, ctx)
            pending.mentions.extend(mentions)
            if self.options.prefilter and not self.events.could_code(doc, mentions):
                pending.skipped["prefilter"] += 1
                continue
            pending.candidates.append((sentence, doc, mentions))
        return pending

    def _code_events(self, pending: _Pending) -> list[tuple[Event, Doc, int]]:
        """Events of the parsed candidates, with their Doc and the trigger's offset in it."""
        out = []
        for sentence, doc, mentions in pending.candidates:
            for event in self.events.code(doc, sentence, mentions, pending.document.id):
                out.append((event, doc, event.trigger_span[0] - sentence.start))
        return out

    def _finish(self, pending: _Pending, coded: list[tuple[Event, Doc, int]]) -> CodedDocument:
        events = []
        for event, doc, local in coded:
            event.event_date, event.date_text = dates.date_for_event(doc, local, pending.anchor)
            events.append(event)
        events = merge_events(events)
        if not self.options.include_hypothetical:
            events = [e for e in events if not e.hypothetical]
        return CodedDocument(
            pending.document, pending.sentences, pending.mentions, events, dict(pending.skipped)
        )

    def code(self, document: Document) -> CodedDocument:
        return next(self.code_many([document]))

    def code_many(self, documents: Iterable[Document], chunk: int = 32) -> Iterator[CodedDocument]:
        """Code documents lazily, parsing the candidate sentences of ``chunk`` documents at once."""
        batch: list[_Pending] = []
        for document in documents:
            batch.append(self._prepare(document))
            if len(batch) >= chunk:
                yield from self._flush(batch)
                batch = []
        if batch:
            yield from self._flush(batch)

    def _flush(self, batch: list[_Pending]) -> Iterator[CodedDocument]:
        docs = [doc for p in batch for _, doc, _ in p.candidates]
        # in place: candidates now hold parsed Docs, without the date-only components (NER)
        parse(self.nlp, docs, self.options.batch_size, exclude=DATE_ONLY_COMPONENTS)
        coded = [self._code_events(p) for p in batch]
        dated = {id(doc): doc for c in coded for _, doc, _ in c if dates.needs_entities(doc_text(doc))}
        annotate(self.nlp, list(dated.values()), DATE_ONLY_COMPONENTS, self.options.batch_size)
        for p, c in zip(batch, coded, strict=True):
            yield self._finish(p, c)
