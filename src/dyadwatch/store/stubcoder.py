"""A rule-only stand-in for ``pipeline.Coder``: no spaCy, instant, deterministic.

It codes sentences of the form ``XXX <verb> YYY`` where XXX and YYY are
3-letter upper-case codes (``CHN accuses KOR of ...``). The store tests and the
store benchmarks select it with the hidden ``ingest --coder
dyadwatch.store.stubcoder:StubCoder`` option, to exercise ingest, dedup and
the distributed runners without loading the NLP model. A body containing
``STUB-CRASH`` raises, to exercise coder failures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import CodedDocument, Document, Event, Evidence, Sentence
from ..options import Options

_SENT = re.compile(r"[^.!?\s][^.!?\n]*[.!?]?")
_EVENT = re.compile(r"\b([A-Z]{3}) (praises|meets|accuses|threatens|attacks|helps) ([A-Z]{3})\b")
_CODES = {  # verb -> (CAMEO, PLOVER type, Goldstein, QuadClass)
    "praises": ("051", "STATEMENT", 3.4, 1), "meets": ("040", "CONSULT", 1.0, 1),
    "accuses": ("112", "ACCUSE", -2.0, 3), "threatens": ("130", "THREATEN", -4.4, 3),
    "attacks": ("190", "ASSAULT", -10.0, 4), "helps": ("070", "AID", 7.0, 2),
}


class StubCoder:
    """Same interface as ``pipeline.Coder``: ``code(document)``, ``code_many(documents)``."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    def code(self, document: Document) -> CodedDocument:
        if "STUB-CRASH" in document.body:
            raise RuntimeError("stub coder crash requested by the input")
        date = document.date or self.options.date
        sentences, events = [], []
        for i, m in enumerate(_SENT.finditer(document.body)):
            sentence = Sentence(i, m.group(), m.start(), m.end())
            sentences.append(sentence)
            for e in _EVENT.finditer(m.group()):
                events.append(_event(document.id, sentence, e, date))
        return CodedDocument(document, sentences, [], events)

    def code_many(self, documents: Iterable[Document], chunk: int = 32) -> Iterator[CodedDocument]:
        for document in documents:
            yield self.code(document)


def _event(article_id: str, sentence: Sentence, m: re.Match[str], date: str | None) -> Event:
    cameo, plover, goldstein, quad = _CODES[m.group(2)]
    off = sentence.start
    src, trig, tgt = ((m.start(g) + off, m.end(g) + off) for g in (1, 2, 3))
    return Event(
        article_id, m.group(1), m.group(3), m.group(1), m.group(3), cameo, plover, None,
        goldstein, quad, date, None, sentence.index, sentence.text, src, tgt, trig,
        trigger_text=m.group(2), source_country=m.group(1), target_country=m.group(3),
        evidence=[Evidence(sentence.index, sentence.text, trig, src, tgt)],
    )


_COUNTRIES = ("CHN", "KOR", "USA", "JPN", "PRK", "RUS", "UKR", "FRA", "DEU", "IND")
_FILLER = (
    "Officials declined to comment further on the matter",
    "The statement was published on the ministry website late in the evening",
    "Analysts said the move reflected growing tension in the region",
    "Markets showed little reaction to the news during the trading session",
    "Diplomats from several countries were expected to meet again next week",
)


def synthetic_texts(n: int, seed: int = 0) -> list[str]:
    """``n`` article texts the stub coder codes: some exact and some near duplicates.

    Every 5th text repeats an earlier one word for word, every 7th is an earlier
    one with a sentence added (a near duplicate); "" (an empty input) every 11th.
    """
    import random

    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        if i and i % 11 == 0:
            texts.append("")
        elif i and i % 5 == 0:
            texts.append(texts[rng.randrange(i)] or "USA meets JPN.")
        elif i and i % 7 == 0:
            texts.append((texts[rng.randrange(i)] or "USA meets JPN.") + " An update followed.")
        else:
            a, b = rng.sample(_COUNTRIES, 2)
            verb = rng.choice(sorted(_CODES))
            filler = ". ".join(rng.sample(_FILLER, 3))
            texts.append(f"{a} {verb} {b} over story {i}. {filler}. Report number {i} ends here.")
    return texts
