"""Fixture event databases for the analysis, CLI and web tests (helper module: no tests here).

Articles and events are hand-made ``CodedDocument``s stored with the store's own
``connect``/``add_coded`` (so these tests depend neither on ingest nor on the spaCy model).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dyadwatch.model import CodedDocument, Document, Event, Evidence
from dyadwatch.store import add_coded, connect

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_ARTICLE = "xss-article"
ODD_ID = "wire/2025 #1?x=ü"  # ids come from the input (JSONL ``id``): any text

_NAMES = {"CHN": "China", "KOR": "South Korea", "USA": "the United States", "RUS": "Russia",
          "UKR": "Ukraine", "JPN": "Japan"}


@dataclass
class Happening:
    source: str
    target: str
    trigger: str
    cameo: str
    plover: str
    goldstein: float
    quad: int
    source_text: str | None = None


def _event(article_id: str, body: str, sentence: str, offset: int, h: Happening, day: str,
           index: int) -> Event:
    src_text = h.source_text or _NAMES[h.source]
    tgt_text = _NAMES[h.target]
    s0 = offset + sentence.index(src_text)
    t0 = offset + sentence.index(tgt_text, sentence.index(src_text) + len(src_text))
    g0 = offset + sentence.index(h.trigger)
    spans = ((s0, s0 + len(src_text)), (t0, t0 + len(tgt_text)), (g0, g0 + len(h.trigger)))
    assert body[spans[0][0]:spans[0][1]] == src_text
    return Event(
        article_id=article_id, source_code=h.source + "GOV", target_code=h.target + "GOV",
        source_text=src_text, target_text=tgt_text, cameo_code=h.cameo, plover_type=h.plover,
        plover_mode=None, goldstein=h.goldstein, quad_class=h.quad, event_date=day,
        date_text=None, sentence_index=index, sentence=sentence, source_span=spans[0],
        target_span=spans[1], trigger_span=spans[2], trigger_text=h.trigger,
        source_country=h.source, target_country=h.target,
        evidence=[Evidence(index, sentence, spans[2], spans[0], spans[1])],
    )


def article(article_id: str, day: str, title: str, happenings: list[Happening]) -> CodedDocument:
    # words unique to the article, so the store's near-duplicate detection keeps them apart
    nonce = " ".join(hashlib.sha256(f"{article_id}{i}".encode()).hexdigest()[:7] for i in range(12))
    sentences, events, body = [], [], f"Reference {nonce}."
    for i, h in enumerate(happenings):
        src = h.source_text or _NAMES[h.source]
        sentence = f"On that day {src} {h.trigger} {_NAMES[h.target]} in a statement."
        offset = len(body) + (1 if body else 0)
        body = f"{body} {sentence}" if body else sentence
        sentences.append((sentence, offset, i, h))
    for sentence, offset, i, h in sentences:
        events.append(_event(article_id, body, sentence, offset, h, day, i))
    doc = Document(id=article_id, body=body, title=title, outlet="Fixture News", date=day,
                   source="fixture", path=f"fixture/{article_id}.txt", format="text")
    return CodedDocument(document=doc, sentences=[], mentions=[], events=events)


_COOP = [("praised", "051", "CONSULT", 3.4, 1), ("signed an agreement with", "057", "AGREE", 8.0, 2),
         ("promised aid to", "030", "COOPERATE", 5.2, 1)]
_CONF = [("accused", "112", "ACCUSE", -2.0, 3), ("threatened", "138", "THREATEN", -7.0, 3),
         ("imposed sanctions on", "163", "SANCTION", -8.0, 4)]


def corpus() -> list[CodedDocument]:
    """CHN-KOR: conflict Jan-Apr 2025, cooperation May-Aug 2025 (a clear break in May).

    Plus RUS-UKR conflict, a few USA-CHN and JPN-KOR events, and one article whose
    title, body and actor text carry script-injection payloads.
    """
    docs = []
    for m in range(1, 9):
        kinds = _CONF if m <= 4 else _COOP
        for k in range(3):
            trig, cameo, plover, g, q = kinds[(m + k) % 3]
            src, tgt = ("CHN", "KOR") if k % 2 == 0 else ("KOR", "CHN")
            day = f"2025-{m:02d}-{5 + 7 * k:02d}"
            docs.append(article(f"ck-{m}-{k}", day, f"{_NAMES[src]} and {_NAMES[tgt]}, month {m}",
                                [Happening(src, tgt, trig, cameo, plover, g, q)]))
        docs.append(article(f"ru-{m}", f"2025-{m:02d}-10", f"War report {m}",
                            [Happening("RUS", "UKR", "imposed sanctions on", "163", "SANCTION", -8.0, 4),
                             Happening("UKR", "RUS", "accused", "112", "ACCUSE", -2.0, 3)]))
    docs.append(article("us-1", "2025-03-03", "Washington and Beijing talk",
                        [Happening("USA", "CHN", "praised", "051", "CONSULT", 3.4, 1)]))
    docs.append(article("jk-1", "2025-06-20", "Tokyo and Seoul",
                        [Happening("JPN", "KOR", "signed an agreement with", "057", "AGREE", 8.0, 2)]))
    xss = article(XSS_ARTICLE, "2025-06-02", f"{XSS_SCRIPT} Summit {XSS_IMG}",
                  [Happening("JPN", "CHN", "praised", "051", "CONSULT", 3.4, 1,
                             source_text=f"Japan {XSS_IMG}")])
    xss.document.body = xss.document.body + f" {XSS_SCRIPT} closing words."
    xss.document.url = "javascript:alert(1)"
    docs.append(xss)
    odd = article(ODD_ID, "2025-02-02", "An article without events, with an odd id", [])
    odd.document.body += " Nothing happened between countries."
    docs.append(odd)
    return docs


def build_db(path: Path | str | None = None, docs: list[CodedDocument] | None = None) -> duckdb.DuckDBPyConnection:
    """A database holding ``docs`` (default: ``corpus()``) stored by the store's own
    ``add_coded``; the caller closes it."""
    con = connect(path)
    add_coded(con, corpus() if docs is None else docs, run_id="fixture")
    return con


def build_file(path: Path) -> Path:
    build_db(path).close()
    return path
