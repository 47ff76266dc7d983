"""Document -> sentences. Sub-headings and page furniture are not body sentences; the title is a headline.

    split_sentences(document, nlp, code_headline) -> list[(Sentence, token-only Doc)]

Body paragraphs come from the reader (``document.paragraphs``) when it gave
them; otherwise the body is laid out here with the same rules as the readers
(``read.layout``: blank lines, short unpunctuated headings, furniture lines).
Any paragraph overlapping a span in ``document.headings`` is skipped. Every
Sentence's (start, end) indexes ``document.body`` (``document.title`` for the
headline, field "title"), and its text is exactly that slice.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .model import Document, Sentence, Span
from .nlp import split_into_sentences
from .read.common import layout_spans


def paragraph_spans(document: Document) -> list[Span]:
    """Body paragraphs to code: the reader's, else laid out here; never a heading."""
    spans = list(document.paragraphs) if document.paragraphs else layout_spans(document.body)[0]
    headings = document.headings
    return [
        (s, e) for s, e in spans
        if document.body[s:e].strip() and not any(hs < e and s < he for hs, he in headings)
    ]


def _headline(title: str, nlp: Language) -> tuple[Sentence, Doc] | None:
    text = title.strip()
    if not text:
        return None
    start = title.index(text)
    return Sentence(0, text, start, start + len(text), "title"), nlp.make_doc(text)


def split_sentences(
    document: Document, nlp: Language, code_headline: bool = True
) -> list[tuple[Sentence, Doc]]:
    """Sentences of the document with their token-only Docs, in reading order.

    Offsets are into ``document.title`` for the headline and ``document.body`` otherwise.
    """
    out: list[tuple[Sentence, Doc]] = []
    if code_headline and document.title:
        headline = _headline(document.title, nlp)
        if headline is not None:
            out.append(headline)
    for start, end in paragraph_spans(document):
        for sdoc in split_into_sentences(nlp, document.body[start:end]):
            s = start + sdoc.user_data["char_offset"]
            text = sdoc.text  # computed from the tokens at each access: keep it (see doctext.py)
            sdoc.user_data["dyadwatch.text"] = text
            out.append((Sentence(len(out), text, s, s + len(text), "body"), sdoc))
    return out
