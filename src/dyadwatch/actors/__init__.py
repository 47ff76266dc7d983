"""Actor stage (STUB, to be replaced): finds actor mentions in a sentence Doc.

Interface used by the pipeline:
    ActorStage.from_options(options) -> ActorStage
    stage.new_context(anchor: date | None) -> per-document resolution state
    stage.find(doc, sentence, ctx) -> list[ActorMention]  (offsets in the sentence's field)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc

from ..model import ActorMention, Sentence
from ..options import Options

_TINY = {"china": ("CHN", "China"), "south korea": ("KOR", "South Korea")}


class ActorStage:
    def __init__(self, options: Options) -> None:
        self.options = options

    @classmethod
    def from_options(cls, options: Options) -> ActorStage:
        return cls(options)

    def new_context(self, anchor: dt.date | None) -> dict[str, Any]:
        return {"anchor": anchor}

    def find(self, doc: Doc, sentence: Sentence, ctx: Any) -> list[ActorMention]:
        out = []
        low = doc.text.lower()
        for key, (code, name) in _TINY.items():
            i = low.find(key)
            if i >= 0:
                s = sentence.start + i
                out.append(
                    ActorMention(doc.text[i : i + len(key)], s, s + len(key), sentence.index,
                                 code, code, None, name, field=sentence.field, reason="stub")
                )
        return out
