"""The demo corpus (examples/corpus) keeps the shape `make demo` and the web pages rely on."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
FIELDS = {"id", "title", "date", "source", "url", "text"}


@pytest.fixture(scope="module")
def articles() -> list[dict[str, str]]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            record = json.loads(line)
            record["_where"] = f"{path.name}:{n}"
            out.append(record)
    return out


def test_size_fields_and_ids(articles: list[dict[str, str]]) -> None:
    assert len(articles) >= 64
    for a in articles:
        assert set(a) - {"_where"} == FIELDS, a["_where"]
        assert all(isinstance(a[k], str) and a[k].strip() for k in FIELDS), a["_where"]
        assert a["url"].startswith("https://") and ".example/" in a["url"]
    assert len({a["id"] for a in articles}) == len(articles)


def test_six_months_one_file_each(articles: list[dict[str, str]]) -> None:
    months = {dt.date.fromisoformat(a["date"]).strftime("%Y-%m") for a in articles}
    assert months == {f"2025-0{m}" for m in range(1, 7)}
    for a in articles:
        assert a["_where"].startswith(a["date"][:7]), a["_where"]


def _mentions(text: str, *names: str) -> bool:
    return any(re.search(rf"\b{n}\b", text) for n in names)


def test_china_south_korea_dyad_every_month(articles: list[dict[str, str]]) -> None:
    per_month: dict[str, int] = {}
    for a in articles:
        text = a["title"] + " " + a["text"]
        if _mentions(text, "China", "Chinese", "Beijing") and _mentions(text, "South Korea", "Seoul"):
            per_month[a["date"][:7]] = per_month.get(a["date"][:7], 0) + 1
    assert len(per_month) == 6 and sum(per_month.values()) >= 20


def test_lee_is_president_only_from_june_4(articles: list[dict[str, str]]) -> None:
    for a in articles:
        if "President Lee Jae-myung" in a["text"]:
            assert a["date"] >= "2025-06-04", a["_where"]


def test_near_duplicate_wire_copies(articles: list[dict[str, str]]) -> None:
    def shingles(a: dict[str, str]) -> set[tuple[str, ...]]:  # as the store's de-duplication
        words = re.findall(r"\w+", f"{a['title']}\n{a['text']}".lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    sets = [(a, shingles(a)) for a in articles]
    pairs = []
    for i, (a, sa) in enumerate(sets):
        for b, sb in sets[i + 1 :]:
            if len(sa & sb) / len(sa | sb) >= 0.75:
                pairs.append((a["id"], b["id"]))
                assert a["source"] != b["source"] and a["date"] == b["date"]
    assert 4 <= len(pairs) <= 6
