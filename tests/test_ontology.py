"""The CAMEO/PLOVER table shipped with the package."""

from __future__ import annotations

import pytest

from dyadwatch import ontology
from dyadwatch.ontology import CameoCode, cameo

OLD_NAMES = {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}


def test_every_code_is_complete() -> None:
    codes = ontology.all_codes()
    assert len(codes) > 300
    for c in codes:
        assert c.name and c.plover_type, c
        assert -10.0 <= c.goldstein <= 10.0
        assert c.quad_class in (1, 2, 3, 4)
        assert c.plover_type in ontology.PLOVER_TYPES or c.plover_type == ontology.STATEMENT
        assert c.plover_type not in OLD_NAMES


def test_roots_and_four_digit_codes_present() -> None:
    roots = {c.code for c in ontology.all_codes() if len(c.code) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for code in ("0211", "0874", "1124", "1385", "2042", "1213", "1214"):
        assert cameo(code) is not None, code


def test_seed_article_codes() -> None:
    call = cameo("041")
    assert call == CameoCode("041", "Discuss by telephone", 1.0, 1, "CONSULT", "phone", None)
    assert cameo("051").plover_type == "SUPPORT"
    assert cameo("03").plover_type == "AGREE"


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("057", 1), ("061", 2), ("0874", 2), ("09", 3), ("1385", 3), ("14", 4), ("2042", 4)],
)
def test_quad_class_by_root(code: str, quad: int) -> None:
    assert ontology.quad_class(code) == quad
    assert cameo(code).quad_class == quad


def test_current_plover_names() -> None:
    assert ontology.plover("090") == ("ACCUSE", "investigate")
    assert ontology.plover("111")[0] == "ACCUSE"
    assert ontology.plover("106")[0] == "REQUEST"
    assert ontology.plover("190")[0] == "ASSAULT"
    assert ontology.plover("163") == ("COERCE", "restrict")
    assert ontology.current_plover("investigate") == ("ACCUSE", "investigate")
    assert ontology.current_plover("DEMAND") == ("REQUEST", None)
    assert ontology.current_plover("AGREE") == ("AGREE", None)


def test_fallbacks_documented() -> None:
    assert cameo("1213").goldstein == cameo("121").goldstein  # parent's weight
    assert cameo("0251").plover_type == "REQUEST"  # appeals follow demands
    assert cameo("08").plover_type == "CONCEDE"  # root follows its x0 code
    assert cameo("010").plover_type == ontology.STATEMENT


def test_unknown_codes() -> None:
    assert cameo("999") is None
    assert cameo(None) is None
    assert ontology.plover("903") is None
    assert ontology.root("0411") == "04"
    assert ontology.root("x") is None
    assert ontology.root("903") is None
    assert ontology.quad_class("903") is None
    assert ontology.quad_class("") is None


def test_loaded_once() -> None:
    assert ontology.all_codes()[0] is ontology.all_codes()[0]
