"""Validation of the shipped persons dictionary (src/dyadwatch/actors/data/persons.txt).

The file is parsed with a minimal parser of this test's own, so that the data
can be checked independently of the actor engine.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PERSONS = ROOT / "src" / "dyadwatch" / "actors" / "data" / "persons.txt"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE = re.compile(r"^(IGO|IMG)?[A-Z]{3}([A-Z]{3}){0,3}$|^IGO[A-Z]{0,12}$")
TRANSNATIONAL = ("IGO", "IMG")  # international organisations, transnational militant groups
KEYS = {"names", "short", "gender", "country", "role"}
# predecessor states whose codes a national of the successor state may hold
PREDECESSORS = {"RUS": {"SUN"}, "UKR": {"SUN"}, "BLR": {"SUN"}, "KAZ": {"SUN"}, "GEO": {"SUN"}}


@dataclass
class Role:
    code: str
    start: dt.date | None
    end: dt.date | None
    title: str
    line: int
    foreign: bool = False

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Person:
    name: str
    line: int
    attrs: dict[str, str] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)

    def role_at(self, day: str) -> list[Role]:
        when = dt.date.fromisoformat(day)
        return [r for r in self.roles if r.covers(when)]


def _date(text: str, line: int) -> dt.date | None:
    if text == "-":
        return None
    assert DATE.match(text), f"line {line}: malformed date {text!r}"
    return dt.date.fromisoformat(text)  # raises on impossible dates such as 2023-02-30


def parse(text: str) -> list[Person]:
    persons: list[Person] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        if body.startswith("+ "):
            persons.append(Person(body[2:].strip(), number))
            continue
        assert body[0].isspace() and persons, f"line {number}: attribute outside an entry: {raw!r}"
        key, sep, value = body.strip().partition(":")
        assert sep and key in KEYS, f"line {number}: unknown or malformed attribute {raw!r}"
        value = value.strip()
        person = persons[-1]
        if key == "role":
            parts = value.split(maxsplit=3)
            assert len(parts) == 4, f"line {number}: role needs code, from, to and title"
            code, start, end, title = parts
            person.roles.append(Role(code, _date(start, number), _date(end, number), title,
                                     number, "foreign post" in comment))
        else:
            assert key not in person.attrs, f"line {number}: duplicate {key}"
            person.attrs[key] = value
    return persons


@pytest.fixture(scope="module")
def persons() -> list[Person]:
    return parse(PERSONS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_name(persons: list[Person]) -> dict[str, Person]:
    return {p.name: p for p in persons}


def test_file_is_large_and_names_unique(persons: list[Person]) -> None:
    assert len(persons) >= 600
    names = [p.name for p in persons]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates


def test_name_variants_belong_to_one_person(persons: list[Person]) -> None:
    owners: dict[str, str] = {}
    for p in persons:
        for variant in p.attrs["names"].split(";"):
            key = variant.strip().casefold()
            assert owners.setdefault(key, p.name) == p.name, f"{variant!r}: {owners[key]} and {p.name}"


def test_every_person_is_complete(persons: list[Person]) -> None:
    for p in persons:
        where = f"{p.name} (line {p.line})"
        assert p.attrs.get("names"), where
        assert p.attrs.get("gender") in {"m", "f"}, where
        assert re.fullmatch(r"[A-Z]{3}", p.attrs.get("country", "")), where
        assert p.roles, where
        variants = [v.strip() for v in p.attrs["names"].split(";")]
        assert all(variants) and not any("(" in v for v in variants), where
        shorts = [s.strip() for s in p.attrs.get("short", "").split(";") if s.strip()]
        assert all(len(s) >= 2 for s in shorts), where


def test_roles_well_formed(persons: list[Person]) -> None:
    for p in persons:
        country = p.attrs["country"]
        allowed = {country} | PREDECESSORS.get(country, set())
        for r in p.roles:
            where = f"{p.name} line {r.line}"
            assert CODE.match(r.code), f"{where}: bad code {r.code}"
            assert r.code.startswith(TRANSNATIONAL) or r.code[:3] in allowed or r.foreign, \
                f"{where}: {r.code} is neither {country} nor an IGO"
            if r.start and r.end:
                assert r.start <= r.end, f"{where}: from after to"
            assert r.start is None or dt.date(1900, 1, 1) < r.start < dt.date(2027, 1, 1), where
            assert r.title, where


def test_country_codes_are_known(persons: list[Person]) -> None:
    """Country prefixes exist in the shipped countries dictionary (Phoenix/CAMEO codes)."""
    countries = PERSONS.with_name("countries.txt")
    if not countries.exists():
        pytest.skip("countries.txt not available")
    known = set(re.findall(r"^  code: ([A-Z]{3})\b", countries.read_text(encoding="utf-8"), re.M))
    known |= {"SUN", "HKG"}  # Soviet Union (historical), Hong Kong (CAMEO code, not a state)
    for p in persons:
        assert p.attrs["country"] in known, p.name
        for r in p.roles:
            assert r.code.startswith(TRANSNATIONAL) or r.code[:3] in known, f"{p.name}: {r.code}"


def test_no_contradicting_overlaps(persons: list[Person]) -> None:
    """Two roles of one person may overlap only when they do not contradict.

    A day may be shared at a hand-over; otherwise overlapping roles must carry
    the same code (e.g. two government posts held at once).
    """
    for p in persons:
        roles = sorted(p.roles, key=lambda r: r.start or dt.date.min)
        for i, a in enumerate(roles):
            for b in roles[i + 1:]:
                a_end = a.end or dt.date.max
                if b.start is None or b.start >= a_end:
                    continue  # disjoint, or sharing only the hand-over day
                assert a.code == b.code, f"{p.name}: {a.code} (line {a.line}) overlaps {b.code} (line {b.line})"


def test_former_office_holders_have_explicit_eli(persons: list[Person]) -> None:
    """After the last GOV role ends, an ELI role (or another non-GOV role) covers the next day."""
    for p in persons:
        gov = [r for r in p.roles if r.code.endswith("GOV") and not r.foreign]
        if not gov or any(r.end is None for r in gov):
            continue
        day_after = max(r.end for r in gov if r.end) + dt.timedelta(days=1)
        assert any(r.covers(day_after) for r in p.roles), f"{p.name}: nothing covers {day_after}"
        assert not any(r.code.endswith("GOV") for r in p.roles if r.covers(day_after)), p.name


def _codes(person: Person, day: str) -> set[str]:
    return {r.code for r in person.role_at(day)}


def test_key_transitions(by_name: dict[str, Person]) -> None:
    lee, yoon = by_name["Lee Jae-myung"], by_name["Yoon Suk-yeol"]
    assert _codes(lee, "2022-08-28") == {"KOROPP"}
    assert _codes(lee, "2025-06-03") == {"KOROPP"}
    assert _codes(lee, "2025-06-04") == {"KORGOV"}
    assert _codes(yoon, "2022-05-10") == _codes(yoon, "2024-12-13") == {"KORGOV"}
    assert _codes(yoon, "2024-12-14") == _codes(yoon, "2025-04-03") == {"KORELI"}
    assert _codes(yoon, "2025-04-04") == _codes(yoon, "2026-01-01") == {"KORELI"}
    trump, obama = by_name["Donald Trump"], by_name["Barack Obama"]
    assert _codes(trump, "2017-01-20") == _codes(trump, "2021-01-20") == {"USAGOV"}
    assert _codes(trump, "2021-01-21") == _codes(trump, "2025-01-19") == {"USAELI"}
    assert _codes(trump, "2025-01-20") == {"USAGOV"}
    assert _codes(obama, "2009-01-20") == _codes(obama, "2017-01-20") == {"USAGOV"}
    assert _codes(obama, "2017-01-21") == {"USAELI"}
    putin = by_name["Vladimir Putin"]
    for day in ("1999-08-16", "2000-05-07", "2008-05-08", "2012-05-07", "2025-06-01"):
        assert _codes(putin, day) == {"RUSGOV"}, day


def test_korean_acting_presidents(by_name: dict[str, Person]) -> None:
    han, choi, lee = by_name["Han Duck-soo"], by_name["Choi Sang-mok"], by_name["Lee Ju-ho"]
    assert "acting President" in han.role_at("2024-12-20")[0].title
    assert _codes(han, "2025-01-15") == {"KORELI"}
    assert "acting President" in choi.role_at("2025-01-15")[0].title
    assert "acting President" in han.role_at("2025-04-15")[0].title
    assert "acting President" in lee.role_at("2025-05-15")[0].title


def _holders(persons: list[Person], code: str, word: str, day: str) -> list[str]:
    return [p.name for p in persons for r in p.role_at(day)
            if r.code == code and r.title.startswith(word)]


@pytest.mark.parametrize(("code", "title", "day", "expected"), [
    ("CHNGOV", "President of China", "2015-01-01", "Xi Jinping"),
    ("JPNGOV", "Prime Minister of Japan", "2010-01-01", "Yukio Hatoyama"),
    ("GBRGOV", "Prime Minister of the United Kingdom", "2019-08-01", "Boris Johnson"),
    ("DEUGOV", "Chancellor of Germany", "2023-01-01", "Olaf Scholz"),
    ("RUSGOV", "Foreign Minister of Russia", "2010-01-01", "Sergei Lavrov"),
    ("USAGOV", "Secretary of State", "2014-01-01", "John Kerry"),
    ("IGOUNO", "Secretary-General of the United Nations", "2010-01-01", "Ban Ki-moon"),
    ("IGOWSTNAT", "Secretary General of NATO", "2016-01-01", "Jens Stoltenberg"),
])
def test_single_office_holder(persons: list[Person], code: str, title: str, day: str,
                              expected: str) -> None:
    assert _holders(persons, code, title, day) == [expected]


def test_heads_of_government_cover_the_period(persons: list[Person]) -> None:
    """Each G20 country has a head of government (or state) on the first of every year."""
    heads = ("President of", "Prime Minister of", "Chancellor of", "Premier of", "King of",
             "acting President of", "acting Prime Minister of", "Leader of")
    for country in ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN",
                    "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"):
        codes = {f"{country}GOV", "SUNGOV"} if country == "RUS" else {f"{country}GOV"}
        for year in range(1990, 2026):
            day = f"{year}-01-01"
            found = [p.name for p in persons for r in p.role_at(day)
                     if r.code in codes and r.title.startswith(heads)]
            assert found, f"no head of {country} on {day}"


def test_the_engine_loader_accepts_the_file() -> None:
    """When the project's dictionary loader is present, it loads the file without problems."""
    if importlib.util.find_spec("dyadwatch.actors.dictionary") is None:
        pytest.skip("dyadwatch.actors.dictionary not available")
    from dyadwatch.actors import dictionary

    if not hasattr(dictionary, "load_file"):
        pytest.skip("loader has no load_file")
    entries, problems = dictionary.load_file(PERSONS)
    assert not problems, problems[:5]
    assert len(entries) >= 600


def test_former_roles_script_is_idempotent() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import add_former_roles
    finally:
        sys.path.pop(0)
    text = PERSONS.read_text(encoding="utf-8")
    assert add_former_roles.process(text) == text
