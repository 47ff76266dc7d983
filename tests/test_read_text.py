"""Plain-text reader: header parts, sub-headings, page furniture, plain articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.model import Document
from dyadwatch.read import read_inputs
from dyadwatch.read.text import parse_text

DATA = Path(__file__).resolve().parent / "data" / "read"


def read_one(path: Path) -> Document:
    items = list(read_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def headings(doc: Document) -> list[str]:
    return [doc.body[s:e] for s, e in doc.headings]


def test_seed_article_parts(seed_path: Path) -> None:
    doc = read_one(seed_path)
    assert doc.outlet == "Kremlin.ru"
    assert doc.section == "Politics"
    assert doc.title == "Xi Jinping and Lee Jae-myung Call for Stronger Bilateral Cooperation"
    assert doc.subtitle == ("China, South Korea Seek Closer Ties as President Lee Signals "
                            "Shift in Foreign Policy")
    assert doc.authors == ["Ali"]
    assert "SCROLL FOR NEXT" not in doc.body
    assert doc.body.startswith("Chinese President Xi Jinping held a phone call")
    assert doc.body.rstrip().endswith("China and the United States.")
    assert headings(doc) == ["Commitment to Stability and Cooperation",
                             "Shifting Dynamics in South Korean Politics",
                             "A Delicate Balancing Act"]


def test_seed_article_cli(runner: CliRunner, seed_path: Path) -> None:
    result = runner.invoke(cli, ["read", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["outlet"], data["section"], data["authors"]) == ("Kremlin.ru", "Politics", ["Ali"])
    assert "SCROLL FOR NEXT" not in data["body"]


def test_no_outlet_two_authors_heading_and_furniture() -> None:
    doc = read_one(DATA / "no_outlet.txt")
    assert doc.outlet is None and doc.section is None
    assert doc.title == "Ministers From Chile and Peru Agree on Joint Border Patrols"
    assert doc.subtitle is None
    assert doc.authors == ["Marta Quispe", "Daniel Ortega Ruiz"]
    assert headings(doc) == ["Next Steps"]
    for furniture in ("Advertisement", "Read more", "Share", "©", "All rights reserved"):
        assert furniture not in doc.body
    assert doc.body.rstrip().endswith("statement on social media.")


def test_byline_with_date_outlet_section_subtitle() -> None:
    doc = read_one(DATA / "byline_date.txt")
    assert (doc.outlet, doc.section) == ("Baltic Courier", "World")
    assert doc.title == "Poland and Lithuania Hold Air Defence Drills Near Border"
    assert doc.subtitle and doc.subtitle.startswith("The exercise is the largest")
    assert doc.authors == ["Tomas Kowalczyk"]
    assert doc.date == "2025-06-11"
    assert "Related" not in doc.body and "newsletter" not in doc.body


def test_title_and_body_only() -> None:
    doc = read_one(DATA / "title_body.txt")
    assert doc.title == "Kenya Sends Envoy to Ethiopia After Dam Dispute"
    assert doc.outlet is None and doc.subtitle is None and doc.authors == []
    assert doc.body.startswith("Kenya sent a special envoy")
    assert len(doc.paragraphs) == 2


def test_plain_article_has_no_title() -> None:
    path = DATA / "plain.txt"
    doc = read_one(path)
    assert doc.title is None and doc.outlet is None and doc.authors == []
    assert doc.body == path.read_text(encoding="utf-8").strip()


def test_standfirst_with_period_before_byline_is_subtitle() -> None:
    doc = read_one(DATA / "standfirst.txt")
    assert doc.title == "Vietnam Protests Chinese Survey Ship Near Its Coast"
    assert doc.subtitle == "Hanoi says the vessel entered its exclusive economic zone without permission."
    assert doc.authors == ["Nguyen Thi Lan"]
    assert doc.body.startswith("Vietnam's foreign ministry protested")


def test_hard_wrapped_paragraphs_are_unwrapped_and_date_line_read() -> None:
    doc = read_one(DATA / "wrapped.txt")
    assert doc.title == "Ghana and Togo Pledge Cooperation on Maritime Security"
    assert doc.date == "2025-06-09"
    first = doc.body[slice(*doc.paragraphs[0])]
    assert "\n" not in first and "piracy in the Gulf of Guinea" in first
    assert len(doc.paragraphs) == 2


def test_single_paragraph_text_is_all_body() -> None:
    doc = parse_text("China and South Korea held talks on trade on Monday in Seoul.\n")
    assert isinstance(doc, Document)
    assert doc.title is None and doc.body == "China and South Korea held talks on trade on Monday in Seoul."


def test_lines_without_blank_lines_are_paragraphs() -> None:
    text = ("Iran and Oman Sign Shipping Accord\n"
            "Iran and Oman signed an accord on shipping in the Strait of Hormuz on Sunday.\n"
            "The accord covers search and rescue operations.\n")
    doc = parse_text(text)
    assert isinstance(doc, Document)
    assert doc.title == "Iran and Oman Sign Shipping Accord"
    assert len(doc.paragraphs) == 2


def test_by_contrast_is_not_a_byline() -> None:
    text = ("Talks Stall in Geneva\n\n"
            "By contrast with last year, the delegations of Serbia and Kosovo did not meet.\n\n"
            "Mediators said they would try again in the autumn.\n")
    doc = parse_text(text)
    assert isinstance(doc, Document)
    assert doc.authors == []
    assert doc.body.startswith("By contrast")


def test_ids_are_stable_content_hashes() -> None:
    a = parse_text("Title Of A Story\n\nSome body text that ends with a period.\n")
    b = parse_text("Title Of A Story\n\nSome   body text that ends with a period.\n\n\n")
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id and len(a.id) == 16


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_spans_index_the_body(path: Path) -> None:
    doc = read_one(path)
    for s, e in doc.paragraphs + doc.headings:
        assert 0 <= s < e <= len(doc.body)
        assert doc.body[s:e] == doc.body[s:e].strip()


def test_agency_in_byline_published_label_and_question_title() -> None:
    doc = read_one(DATA / "agency_byline.txt")
    assert doc.outlet == "The Korea Herald"
    assert doc.title == "Seoul Seeks Talks With Tokyo Over Export Curbs?"
    assert doc.authors == ["JANE DOE"]  # "Associated Press" is an agency, not an author
    assert doc.date == "2025-06-11"
    assert doc.body.startswith("SEOUL, June 11 (AP)")
    assert "Photo:" not in doc.body and "TOPICS" not in doc.body


def test_section_label_and_updated_date_line() -> None:
    doc = read_one(DATA / "section_dateline.txt")
    assert (doc.outlet, doc.section) == (None, "World")
    assert doc.title == "Nato Allies Pledge More Air Defence for Ukraine"
    assert doc.date == "2025-06-11"
    assert "More on this story" not in doc.body and "latest" not in doc.body


def test_furniture_between_header_lines_and_single_newline_paragraphs() -> None:
    doc = read_one(DATA / "furniture_in_header.txt")
    assert (doc.outlet, doc.section, doc.title) == ("Kremlin.ru", "Politics", "Xi and Lee Hold Call")
    assert doc.authors == ["Ali"] and doc.subtitle is None
    assert len(doc.paragraphs) == 3  # lines that each end a sentence are paragraphs, not wrapping
    assert "min read" not in doc.body and "Share" not in doc.body


@pytest.mark.parametrize(("byline", "authors"), [
    ("By Kim Tong-hyung in Seoul", ["Kim Tong-hyung"]),
    ("By Jane Doe, Staff Reporter", ["Jane Doe"]),
    ("By Jane Doe and John Smith, Seoul Bureau", ["Jane Doe", "John Smith"]),
    ("Written by Ana de la Cruz | 11 June 2025 09:10 GMT", ["Ana de la Cruz"]),
])
def test_byline_variants(byline: str, authors: list[str]) -> None:
    doc = parse_text(f"Leaders Meet in Hanoi\n\n{byline}\n\n"
                     "The leaders of Vietnam and Laos met in Hanoi on Monday to discuss trade.\n")
    assert isinstance(doc, Document)
    assert doc.authors == authors and doc.title == "Leaders Meet in Hanoi"
