"""Segmentation: headline first, sub-headings and furniture never body sentences, exact offsets."""

from __future__ import annotations

from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.model import Document
from dyadwatch.read import read_inputs
from dyadwatch.read.text import parse_text
from dyadwatch.segment import paragraph_spans, split_sentences

NLP = spacy.blank("en")
DATA = Path(__file__).resolve().parent / "data" / "read"


def check_offsets(doc: Document, nlp: spacy.language.Language = NLP) -> list[str]:
    texts = []
    for i, (sentence, sdoc) in enumerate(split_sentences(doc, nlp)):
        source = doc.title if sentence.field == "title" else doc.body
        assert source is not None and source[sentence.start:sentence.end] == sentence.text
        assert sdoc.text == sentence.text and sentence.index == i
        texts.append(sentence.text)
    return texts


def test_headline_first_then_body_without_headings() -> None:
    [doc] = list(read_inputs([DATA / "no_outlet.txt"]))
    assert isinstance(doc, Document)
    sentences = split_sentences(doc, NLP)
    first = sentences[0][0]
    assert (first.field, first.index, first.text) == ("title", 0, doc.title)
    texts = check_offsets(doc)
    assert "Next Steps" not in " ".join(texts)
    assert texts[1].startswith("The foreign ministers of Chile and Peru agreed on Thursday")


def test_no_headline_when_disabled() -> None:
    [doc] = list(read_inputs([DATA / "title_body.txt"]))
    assert isinstance(doc, Document)
    sentences = split_sentences(doc, NLP, code_headline=False)
    assert all(s.field == "body" for s, _ in sentences) and sentences[0][0].index == 0


def test_seed_sentences(seed_path: Path) -> None:
    [doc] = list(read_inputs([seed_path]))
    assert isinstance(doc, Document)
    texts = check_offsets(doc)
    joined = "\n".join(texts)
    for heading in ("Commitment to Stability and Cooperation", "A Delicate Balancing Act"):
        assert heading not in joined
    assert "SCROLL FOR NEXT" not in joined
    assert texts[1].startswith("Chinese President Xi Jinping held a phone call")


def test_body_without_reader_layout_is_laid_out_here() -> None:
    body = ("China and Japan held talks on Monday.\n\nBackground\n\n"
            "The talks were the first in a year.\n\nSCROLL FOR NEXT")
    doc = Document(id="x", body=body)
    texts = check_offsets(doc)
    assert texts == ["China and Japan held talks on Monday.", "The talks were the first in a year."]


def test_reader_headings_are_skipped_even_if_listed_as_paragraphs() -> None:
    body = "Intro sentence here.\n\nHeading\n\nMore text follows."
    doc = Document(id="x", body=body, paragraphs=[(0, 20), (22, 29), (31, 49)], headings=[(22, 29)])
    assert paragraph_spans(doc) == [(0, 20), (31, 49)]


def test_title_offsets_ignore_surrounding_spaces() -> None:
    doc = Document(id="x", body="A sentence.", title="  Padded Title ")
    sentence, _ = split_sentences(doc, NLP)[0]
    assert (sentence.text, sentence.start, sentence.end) == ("Padded Title", 2, 14)


def test_every_layout_fixture_has_exact_offsets() -> None:
    for path in sorted(DATA.glob("*.txt")):
        doc = parse_text(path.read_text(encoding="utf-8"), str(path))
        assert isinstance(doc, Document)
        assert check_offsets(doc)


_PIECES = [
    "Kremlin.ru", "Politics", "Leaders Call for Stronger Cooperation", "By Jane Doe",
    "June 11, 2025", "Ali", "China and Japan held talks on Monday.",
    "The two sides agreed to meet again, officials said.", "Background to the Talks",
    "SCROLL FOR NEXT", "Advertisement", "Read more: Other story", "© 2025 Example Wire",
    "“We will respond,” the minister said.", "  indented line of text that wraps around here and",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["\n", "\n\n", "\n \n\n"])),
                min_size=1, max_size=14))
def test_random_layouts_keep_exact_offsets_and_drop_furniture(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + sep for piece, sep in parts)
    doc = parse_text(text, "random.txt")
    assert isinstance(doc, Document)
    sentences = [s for s, _ in split_sentences(doc, NLP)]
    for s in sentences:
        source = doc.title if s.field == "title" else doc.body
        assert source is not None and source[s.start:s.end] == s.text
    body_sentences = " ".join(s.text for s in sentences if s.field == "body")
    if any(piece.endswith(".") for piece, _ in parts):  # some prose: furniture is recognised
        for furniture in ("SCROLL FOR NEXT", "Advertisement", "Read more", "© 2025"):
            assert furniture not in body_sentences


def test_sentence_bounds_follow_the_spacy_sentencizer() -> None:
    import random

    from spacy.pipeline import Sentencizer

    from dyadwatch.nlp import sentence_bounds

    nlp, sentencizer = NLP, Sentencizer()
    rng = random.Random(0)
    pieces = [*"ab .!?\"')(;:\n\t-", "…", "。", "Mr.", "U.S.", "said.\"The", "  "]
    texts = ["He left. She stayed!  \"Why?\" he asked... Then (finally) it ended.", "no stop", " "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(500)]
    for text in texts:
        doc = sentencizer(nlp.make_doc(text))
        expected = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
        assert sentence_bounds(nlp.make_doc(text)) == expected, text
