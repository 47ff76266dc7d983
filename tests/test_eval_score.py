"""Scoring rules, checked with hand-made predictions (no model)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dyadwatch.cli import evaluate as eval_cli
from dyadwatch.eval import GoldEvent, GoldSentence, Predicted, format_text, score


def _gold(id_: str, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(id_, f"text of {id_}", "2000-01-01", list(events))


def test_perfect_prediction() -> None:
    gold = [_gold("a", GoldEvent("USA", "CHN", "ACCUSE"))]
    report = score(gold, {"a": [Predicted("USAGOV", "CHNGOV", "ACCUSE", "111")]})
    assert report.type_accuracy == 1.0
    country = report.triples["country"]
    assert (country.precision, country.recall, country.f1) == (1.0, 1.0, 1.0)
    assert report.triples["full"].f1 == 0.0  # USAGOV is not USA at full level
    assert report.confusion == {"ACCUSE": {"ACCUSE": 1}}


def test_no_prediction_counts_wrong() -> None:
    report = score([_gold("a", GoldEvent("USA", "CHN", "ACCUSE"))], {})
    assert report.type_accuracy == 0.0 and report.typed_sentences == 1
    assert report.results[0].predicted_type == "NONE"
    assert report.confusion == {"ACCUSE": {"NONE": 1}}
    assert report.triples["country"].recall == 0.0


def test_igo_and_either_direction() -> None:
    gold = [_gold("a", GoldEvent("IGO", "ROU", "AID")),
            _gold("b", GoldEvent("JOR", "GBR", "AGREE", either_direction=True))]
    preds = {"a": [Predicted("IGOEUREEC", "ROUGOV", "AID", "070")],
             "b": [Predicted("GBR", "JOR", "AGREE", "030", 0), Predicted("JOR", "GBR", "AGREE", "030", 5)]}
    report = score(gold, preds)
    c = report.triples["country"]
    assert (c.matched_predicted, c.predicted, c.matched_gold, c.gold) == (3, 3, 2, 2)
    assert report.triples["full"].matched_predicted == 3 - 1  # ROUGOV vs ROU; IGO prefix matches


def test_direction_matters_without_src_tar() -> None:
    report = score([_gold("a", GoldEvent("RUS", "UKR", "ASSAULT"))],
                   {"a": [Predicted("UKR", "RUS", "ASSAULT")]})
    assert report.type_accuracy == 1.0  # the type is right ...
    assert report.triples["country"].f1 == 0.0  # ... the triple is not
    assert report.results[0].missing == ["RUS -> UKR ASSAULT (-)"]
    assert report.results[0].spurious == ["UKR -> RUS ASSAULT (-)"]


def test_compound_gold_partial_recall() -> None:
    gold = [_gold("a", GoldEvent("IGO", "ROU", "AGREE"), GoldEvent("IGO", "POL", "AGREE"))]
    report = score(gold, {"a": [Predicted("IGO", "ROU", "AGREE"), Predicted("IGO", "HUN", "AGREE")]})
    c = report.triples["country"]
    assert c.precision == 0.5 and c.recall == 0.5 and c.f1 == pytest.approx(0.5)


def test_primary_event_is_first_trigger_statements_last() -> None:
    gold = [_gold("a", GoldEvent("ISR", "PSE", "THREATEN"))]
    preds = {"a": [Predicted("ISR", "PSE", "THREATEN", "138", 30),
                   Predicted("ISR", None, "STATEMENT", "010", 2),
                   Predicted("ISR", "PSE", "ASSAULT", "190", 50)]}
    report = score(gold, preds)
    assert report.results[0].predicted_type == "THREATEN" and report.type_accuracy == 1.0
    assert report.triples["country"].precision == pytest.approx(1 / 3)


def test_cameo_root_and_full_levels_for_xml_gold() -> None:
    gold = [_gold("a", GoldEvent("ARN", "GON", "COOPERATE", "064")),
            _gold("b", GoldEvent("ARN", "GON", "CONSULT", "041"))]
    preds = {"a": [Predicted("ARN", "GON", "COOPERATE", "061")],
             "b": [Predicted("ARNGOV", "GON", "CONSULT", "042")]}
    report = score(gold, preds)
    assert report.root_accuracy == 1.0 and report.rooted_sentences == 2
    assert report.triples["root"].f1 == 1.0
    assert report.triples["full"].f1 == 0.0  # 061 != 064; ARNGOV != ARN


def test_no_event_gold_sentence() -> None:
    report = score([_gold("a")], {"a": [Predicted("USA", "CHN", "CONSULT")]})
    assert report.typed_sentences == 0 and report.type_accuracy == 0.0
    assert report.triples["country"].predicted == 1 and report.triples["country"].precision == 0.0


def test_per_type_and_text_report() -> None:
    gold = [_gold("a", GoldEvent("USA", "CHN", "ACCUSE")), _gold("b", GoldEvent("KOR", "CHN", "CONSULT"))]
    report = score(gold, {"a": [Predicted("USA", "CHN", "ACCUSE")], "b": [Predicted("KOR", "CHN", "SUPPORT")]})
    assert report.per_type["ACCUSE"].f1 == 1.0
    assert report.per_type["CONSULT"].recall == 0.0 and report.per_type["SUPPORT"].precision == 0.0
    text = format_text(report, show_errors=5)
    assert "Event-type accuracy: 0.500 (1/2 sentences)" in text
    assert "- b: gold CONSULT, predicted SUPPORT" in text and "- a:" not in text
    data = report.to_dict()
    assert data["triples"]["country"]["f1"] == 0.5 and data["confusion"]["CONSULT"] == {"SUPPORT": 1}


def test_cli_bad_gold_is_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    result = CliRunner().invoke(eval_cli.eval_command, [str(bad)])
    assert result.exit_code == 1
    assert "bad.json: not valid JSON" in result.output and "Traceback" not in result.output


def test_continuator_states_are_one_country_at_country_level() -> None:
    gold = [_gold("a", GoldEvent("USAGOV", "RUSGOV", "CONSULT"))]
    report = score(gold, {"a": [Predicted("USAGOV", "SUNGOV", "CONSULT", "041")]})
    assert report.triples["country"].f1 == 1.0  # the Soviet Union and Russia: one country
    assert report.triples["full"].f1 == 0.0  # ... but not one actor code
