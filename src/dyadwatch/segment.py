"""Document -> sentences. Sub-headings are not body sentences; the title is a headline."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .model import Document, Sentence, Span
from .nlp import split_into_sentences

_BLANK_LINES = re.compile(r"\n\s*\n")


def paragraph_spans(document: Document) -> list[Span]:
    """Body paragraphs, from the reader when it gave them, else split on blank lines."""
    if document.paragraphs:
        return list(document.paragraphs)
    spans: list[Span] = []
    pos = 0
    for m in _BLANK_LINES.finditer(document.body):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(document.body)))
    return [(s, e) for s, e in spans if document.body[s:e].strip()]


def split_sentences(
    document: Document, nlp: Language, code_headline: bool = True
) -> list[tuple[Sentence, Doc]]:
    """Sentences of the document with their token-only Docs, in reading order.

    Offsets are into ``document.title`` for the headline and ``document.body`` otherwise.
    """
    out: list[tuple[Sentence, Doc]] = []
    if code_headline and document.title and document.title.strip():
        title = document.title
        doc = nlp.make_doc(title)
        out.append((Sentence(0, title, 0, len(title), "title"), doc))
    headings = set(document.headings)
    for start, end in paragraph_spans(document):
        if (start, end) in headings:
            continue
        text = document.body[start:end]
        for sdoc in split_into_sentences(nlp, text):
            s = start + sdoc.user_data["char_offset"]
            sent = Sentence(len(out), sdoc.text, s, s + len(sdoc.text), "body")
            out.append((sent, sdoc))
    return out
