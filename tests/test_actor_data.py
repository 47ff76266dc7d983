"""Validation of the curated actor data files (countries, IGOs, non-state groups).

The files are parsed with a minimal block-format parser of this test's own (docs/dictionaries.md),
so that the data is checked independently of the actor engine.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "dyadwatch" / "actors" / "data"
PHOENIX = REPO.parent / "shared" / "reference" / "petrarch2"

STRING_KEYS = ("names", "adjectives", "demonyms", "capital", "seats")
KNOWN_KEYS = {"code", "iso", "valid", "country", *STRING_KEYS}
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
DAY_MIN, DAY_MAX = date.min, date.max

# The 193 UN member states, by ISO 3166-1 alpha-3.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()
OBSERVERS_AND_OTHERS = ["VAT", "PSE", "TWN", "XKX"]  # Holy See, Palestine, Taiwan, Kosovo


@dataclass
class Entry:
    name: str
    line: int
    attrs: dict[str, list[str]] = field(default_factory=dict)

    def one(self, key: str) -> str:
        return self.attrs.get(key, [""])[0]

    def period(self) -> tuple[date, date]:
        value = self.one("valid")
        if not value:
            return DAY_MIN, DAY_MAX
        start, end = value.split()
        return (
            DAY_MIN if start == "-" else date.fromisoformat(start),
            DAY_MAX if end == "-" else date.fromisoformat(end),
        )


def parse(path: Path) -> list[Entry]:
    """Parse a block-format dictionary; raise AssertionError with file:line on a malformed line."""
    entries: list[Entry] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+ "):
            entries.append(Entry(line[2:].strip(), number))
            continue
        assert line[0].isspace() and ":" in line and entries, f"{path.name}:{number}: {raw!r}"
        key, value = (part.strip() for part in line.split(":", 1))
        entry = entries[-1]
        assert key in KNOWN_KEYS, f"{path.name}:{number}: unknown key {key!r}"
        assert key not in entry.attrs, f"{path.name}:{number}: repeated key {key!r}"
        items = [item.strip() for item in value.split(";")] if key != "valid" else [value]
        assert all(items), f"{path.name}:{number}: empty list item"
        entry.attrs[key] = items
    return entries


def _load(name: str) -> list[Entry]:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    return parse(path)


@pytest.fixture(scope="module")
def countries() -> list[Entry]:
    return _load("countries.txt")


@pytest.fixture(scope="module")
def all_entries() -> list[Entry]:
    entries: list[Entry] = []
    for name in ("countries.txt", "igos.txt", "nonstate.txt"):
        if (DATA / name).exists():
            entries.extend(parse(DATA / name))
    return entries


def test_codes_and_dates_well_formed(all_entries: list[Entry]) -> None:
    for entry in all_entries:
        code = entry.one("code")
        assert CODE_RE.match(code), f"{entry.name}: bad code {code!r}"
        assert entry.attrs.get("names"), f"{entry.name}: no names"
        start, end = entry.period()
        assert start <= end, f"{entry.name}: valid period reversed"
        if "country" in entry.attrs:
            assert re.fullmatch(r"[A-Z]{3}", entry.one("country")), entry.name


def test_country_entries_have_three_letter_code_and_iso(countries: list[Entry]) -> None:
    states = [e for e in countries if "iso" in e.attrs]
    assert len(states) >= 197
    for entry in states:
        assert re.fullmatch(r"[A-Z]{3}", entry.one("code")), entry.name
        iso2, iso3 = entry.attrs["iso"]
        assert re.fullmatch(r"[A-Z]{2}", iso2) and re.fullmatch(r"[A-Z]{3}", iso3), entry.name


def test_every_un_member_and_observer_present(countries: list[Entry]) -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    iso3 = {e.attrs["iso"][1]: e for e in countries if "iso" in e.attrs}
    missing = [code for code in UN_MEMBERS + OBSERVERS_AND_OTHERS if code not in iso3]
    assert not missing
    current = [code for code in UN_MEMBERS if iso3[code].period()[1] != DAY_MAX]
    assert not current, f"UN members with an end date: {current}"


def test_no_string_shared_by_overlapping_entries(all_entries: list[Entry]) -> None:
    seen: dict[str, list[Entry]] = {}
    for entry in all_entries:
        strings = {s for key in STRING_KEYS for s in entry.attrs.get(key, [])}
        for key in {text if text.isupper() else text.casefold() for text in strings}:
            seen.setdefault(key, []).append(entry)
    clashes = []
    for text, owners in seen.items():
        for i, a in enumerate(owners):
            for b in owners[i + 1 :]:
                (a0, a1), (b0, b1) = a.period(), b.period()
                if a0 <= b1 and b0 <= a1:
                    clashes.append((text, a.name, b.name))
    assert not clashes


def test_key_examples(countries: list[Entry]) -> None:
    by_name = {e.name: e for e in countries}
    assert "Filipino" in by_name["Philippines"].attrs["adjectives"]
    assert "Emirati" in by_name["United Arab Emirates"].attrs["adjectives"]
    assert {"the Kremlin", "Kremlin"} <= set(by_name["Russia"].attrs["seats"])
    assert "Downing Street" in by_name["United Kingdom"].attrs["seats"]
    assert "Zhongnanhai" in by_name["China"].attrs["seats"]
    assert by_name["South Sudan"].period()[0] == date(2011, 7, 9)
    assert by_name["Pentagon"].one("code") == "USAMIL"
    assert {"Burma", "Myanmar"} <= set(by_name["Myanmar"].attrs["names"])
    assert {"DPRK", "North Korea"} <= set(by_name["North Korea"].attrs["names"])


def _phoenix_codes(filename: str) -> set[str]:
    path = PHOENIX / filename
    if not path.exists():
        pytest.skip("../shared/reference/petrarch2 is not beside the repository")
    return set(re.findall(r"\[~?([A-Z]{3,})", path.read_text(encoding="utf-8", errors="replace")))


def test_country_codes_are_phoenix_codes(countries: list[Entry]) -> None:
    known = {code[:3] for code in _phoenix_codes("Phoenix.Countries.actors.txt")}
    codes = {e.one("code") for e in countries if "iso" in e.attrs}
    assert codes - known <= {"VAT"}  # the Holy See is absent from Phoenix


def _mentions() -> list[dict]:
    path = REPO / "tests" / "data" / "actor_mentions.jsonl"
    if not path.exists():
        pytest.skip("actor_mentions.jsonl not written yet")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_mention_set_shape() -> None:
    records = _mentions()
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert len(records) >= 90
    assert sum(len(r["mentions"]) for r in records) >= 260
    for record in records:
        date.fromisoformat(record["date"])
        text = record["text"]
        for mention in record["mentions"]:
            assert set(mention) == {"text", "occurrence", "code"}, record["id"]
            assert CODE_RE.match(mention["code"]), (record["id"], mention)
            word = re.compile(r"(?<!\w)" + re.escape(mention["text"]) + r"(?!\w)")
            starts = [m.start() for m in word.finditer(text)]
            plain = [i for i in range(len(text)) if text.startswith(mention["text"], i)]
            n = mention["occurrence"]
            assert len(starts) >= n, (record["id"], mention)
            assert plain[n - 1] == starts[n - 1], (record["id"], mention)


def test_engine_loader_reads_files_without_problems() -> None:
    dictionary = pytest.importorskip("dyadwatch.actors.dictionary")
    for name in ("countries.txt", "igos.txt", "nonstate.txt"):
        path = DATA / name
        if path.exists():
            entries, problems = dictionary.load_file(path)
            assert entries and not problems, [str(p) for p in problems]


def test_apostrophe_names_have_typographic_variant(all_entries: list[Entry]) -> None:
    # News text often uses ’ (U+2019): "People’s Republic of China", "Côte d’Ivoire"
    for entry in all_entries:
        strings = {s for key in STRING_KEYS for s in entry.attrs.get(key, [])}
        missing = [s for s in strings if "'" in s and s.replace("'", "\u2019") not in strings]
        assert not missing, (entry.name, missing)
