"""The curated organisations dictionary (src/dyadwatch/actors/data/orgs.txt): dated codes of
liberation movements, armed groups, parties, unions, NGOs and IGO bodies of 1975-2010."""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations

import pytest

from dyadwatch.actors import resolve_text
from dyadwatch.actors.dictionary import CURATED_FILES, DATA_DIR, Entry, load_file, parse_date

ORGS = DATA_DIR / "orgs.txt"
CODE = re.compile(r"^(IGO|NGO|[A-Z]{3})(?:[A-Z]{3})*$")

registered = pytest.mark.skipif("orgs.txt" not in CURATED_FILES, reason="orgs.txt is not in CURATED_FILES yet")


def _period(entry: Entry) -> tuple[dt.date, dt.date]:
    start, end = (parse_date(p) for p in (entry.valid or "- -").split())
    return start or dt.date.min, end or dt.date.max


def _codes(text: str, day: tuple[int, int, int]) -> dict[str, str]:
    return {m.text: m.code for m in resolve_text(text, dt.date(*day))}


def test_file_loads_without_problems_and_has_only_organisations() -> None:
    entries, problems = load_file(ORGS)
    assert not problems
    assert len(entries) >= 150
    for e in entries:
        assert e.kind in ("nonstate", "igo"), e.name  # a role: line would make it a person
        assert e.code and CODE.match(e.code), e.name
        assert e.names, e.name
        start, end = _period(e)
        assert start <= end, e.name


def test_no_text_claimed_twice_in_one_period() -> None:
    """Periods of one organisation do not overlap, and no form clashes with the other curated files."""
    entries = [e for name in ("igos.txt", "nonstate.txt", "orgs.txt") for e in load_file(DATA_DIR / name)[0]]
    owners: dict[str, list[Entry]] = {}
    for e in entries:
        for text in {t if t.isupper() else t.casefold() for t in [e.name, *e.names, *e.adjectives]}:
            owners.setdefault(text, []).append(e)
    clashes = []
    for text, group in owners.items():
        for a, b in combinations(group, 2):
            (a0, a1), (b0, b1) = _period(a), _period(b)
            if a0 <= b1 and b0 <= a1 and a.code != b.code and "orgs.txt" in a.source + b.source:
                clashes.append((text, a.name, b.name))
    assert not clashes


@registered
def test_sandinistas_and_contras_in_1985() -> None:
    codes = _codes("The Sandinista government mobilised reserve battalions against Contra rebels.", (1985, 3, 1))
    assert codes["Sandinista government"] == "NICGOV"
    assert codes["Contra rebels"] == "NICREB"


@registered
@pytest.mark.parametrize(("day", "code"), [((1978, 6, 1), "NICREB"), ((1985, 6, 1), "NICGOV"),
                                           ((1995, 6, 1), "NICOPP"), ((2008, 6, 1), "NICGOV")])
def test_the_sandinistas_change_role(day: tuple[int, int, int], code: str) -> None:
    assert _codes("The Sandinistas denounced the plan.", day)["Sandinistas"] == code


@registered
def test_anc_banned_then_in_government() -> None:
    assert _codes("The ANC called a general strike.", (1986, 6, 16))["ANC"] == "ZAFOPP"
    assert _codes("The ANC government announced a budget.", (1996, 3, 1))["ANC government"] == "ZAFGOV"


@registered
def test_khmer_rouge_before_during_and_after_power() -> None:
    text = "Khmer Rouge guerrillas shelled the town."
    assert _codes(text, (1974, 6, 1))["Khmer Rouge guerrillas"] == "KHMREB"
    assert _codes("The Khmer Rouge regime evacuated the cities.", (1975, 5, 1))["Khmer Rouge regime"] == "KHMGOV"
    assert _codes(text, (1985, 6, 1))["Khmer Rouge guerrillas"] == "KHMREB"


@registered
def test_renamo_rebels_then_opposition_party() -> None:
    assert _codes("RENAMO rebels attacked a train.", (1988, 3, 1))["RENAMO rebels"] == "MOZREB"
    assert _codes("Renamo boycotted parliament.", (1995, 3, 1))["Renamo"] == "MOZOPP"


@registered
def test_fis_party_and_armed_groups_in_algeria() -> None:
    codes = _codes("The FIS condemned the GIA and the Islamic Salvation Army.", (1995, 1, 1))
    assert codes == {"FIS": "DZAOPP", "GIA": "DZAREB", "Islamic Salvation Army": "DZAREB"}


@registered
def test_solidarity_union_underground_and_government() -> None:
    assert _codes("Solidarity called a strike.", (1981, 3, 1))["Solidarity"] == "POLLAB"
    assert _codes("Solidarity called a strike.", (1985, 3, 1))["Solidarity"] == "POLOPP"
    assert _codes("The Solidarity-led government freed prices.", (1990, 1, 2))["Solidarity-led government"] == "POLGOV"


@registered
def test_acronyms_reused_by_different_groups_follow_the_date() -> None:
    assert _codes("SLA militiamen shelled the village.", (1990, 1, 1))["SLA militiamen"] == "LBNREB"
    assert _codes("The SLA attacked a garrison.", (2004, 1, 1))["SLA"] == "SDNREB"
    assert _codes("The AFRC seized power.", (1979, 6, 5))["AFRC"] == "GHAGOV"
    assert _codes("The AFRC seized power.", (1997, 6, 1))["AFRC"] == "SLEGOV"


@registered
def test_corrected_phoenix_codes_and_member_forms() -> None:
    assert _codes("The Abu Nidal group claimed it.", (1986, 1, 1))["Abu Nidal group"] == "PSEREB"
    assert _codes("NPFL fighters entered Monrovia.", (1990, 7, 1))["NPFL fighters"] == "LBRREB"
    assert _codes("Tamil Tiger rebels attacked.", (1995, 1, 1))["Tamil Tiger rebels"] == "LKAREB"
    assert _codes("Interahamwe militiamen attacked.", (1994, 5, 1))["Interahamwe militiamen"] == "RWAUAF"


@registered
def test_ngos_and_igo_bodies() -> None:
    codes = _codes("Save the Children and UNIFIL helped; the Paris Club agreed.", (1992, 1, 1))
    assert codes == {"Save the Children": "NGODEV", "UNIFIL": "IGOUNO", "Paris Club": "IGOBUSPCL"}
    assert _codes("Comecon met in Moscow.", (1985, 1, 1))["Comecon"] == "IGOEEUCOM"
