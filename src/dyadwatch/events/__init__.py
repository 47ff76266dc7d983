"""Event stage (STUB, to be replaced).

Interface used by the pipeline:
    EventStage.from_options(options) -> EventStage
    stage.could_code(doc, mentions) -> bool       # token-only Doc: prefilter, must not miss events
    stage.code(doc, sentence, mentions, article_id) -> list[Event]   # parsed Doc; dates left None
    merge_events(events) -> list[Event]            # one event per happening within an article
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import ActorMention, Event, Sentence
from ..options import Options


class EventStage:
    def __init__(self, options: Options) -> None:
        self.options = options

    @classmethod
    def from_options(cls, options: Options) -> EventStage:
        return cls(options)

    def could_code(self, doc: Doc, mentions: list[ActorMention]) -> bool:
        return bool(mentions)

    def code(
        self, doc: Doc, sentence: Sentence, mentions: list[ActorMention], article_id: str
    ) -> list[Event]:
        return []


def merge_events(events: list[Event]) -> list[Event]:
    return events
