"""Gold readers: PLOVER gold JSON and PETRARCH validation XML into GoldSentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.eval import GoldEvent, read_gold

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _record(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "R1", "date": "2000-01-01", "event": "AGREE",
                               "text": "Jordan and Britain have agreed to hold exercises."}
    base.update(kw)
    return base


def _write_json(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_src_tar_gives_either_direction_pair(tmp_path: Path) -> None:
    rec = _record(
        source=[{"actorText": "Jordan", "code": "JOR"}, {"actorText": "Britain", "code": "GBR"}],
        target="",
        textInfo={"markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed)"},
    )
    [sent] = read_gold(_write_json(tmp_path, [rec]))
    assert sent.date == "2000-01-01" and sent.types == {"AGREE"}
    assert [(e.source, e.target, e.either_direction) for e in sent.events] == [("JOR", "GBR", True)]


def test_compound_target_expands_and_old_names_map(tmp_path: Path) -> None:
    rec = _record(
        event="DEMAND",
        source=[{"actorText": "EC", "code": "IGO"}],
        target=[{"actorText": "Romania", "code": "ROU", "sector": "GOV"}, {"actorText": "Japan", "code": "JAP"}],
        textInfo={"markup": "(SRC: EC) (EVT: asked) (TAR: Romania) and (TAR: Japan)"},
    )
    [sent] = read_gold(_write_json(tmp_path, [rec]))
    assert sent.events == [
        GoldEvent("IGO", "ROUGOV", "REQUEST", source_text="EC", target_text="Romania"),
        GoldEvent("IGO", "JPN", "REQUEST", source_text="EC", target_text="Japan"),
    ]


@pytest.mark.parametrize(("old", "new"), [("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT")])
def test_plover_05_names(tmp_path: Path, old: str, new: str) -> None:
    rec = _record(event=old, source=None, target=[{"actorText": "Iraqi civilians", "code": "IRQ"}],
                  textInfo="(TAR: Iraqi civilians) were (EVT: killed)")
    [sent] = read_gold(_write_json(tmp_path, [rec]))
    assert sent.events == [GoldEvent(None, "IRQ", new, target_text="Iraqi civilians")]


XML = b"""<Validation><Sentences>
<Sentence date="19950103" id="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARNGOV" targetcode="---" eventcode="1123"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="1717"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="903"></EventCoding>
<Text>
Arnor will share intelligence
with Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950101" id="T-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>"""


def test_petrarch_xml(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_bytes(XML)
    first, second = read_gold(path)
    assert first.id == "T-1" and first.date == "1995-01-03"
    assert first.text == "Arnor will share intelligence with Gondor."
    assert first.events == [GoldEvent("ARN", "GON", "COOPERATE", "064"),
                            GoldEvent("ARNGOV", None, "ACCUSE", "1123"),
                            GoldEvent("GON", "ARN", "COERCE", "1717"),  # not in CAMEO: 171's type
                            GoldEvent("GON", "ARN", None, "903")]  # no such root
    assert first.roots == {"06", "11", "17"}
    assert second.events == [] and second.types == set()


@pytest.mark.parametrize(("name", "content"), [("bad.json", b"[{"), ("bad.xml", b"<a><b></a>"),
                                               ("notext.json", b'[{"id": "x"}]'), ("x.csv", b"a,b")])
def test_bad_gold_is_one_clear_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=name):
        read_gold(path)


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_gold(tmp_path / "absent.json")


def test_dev_gold_reads() -> None:
    path = SHARED / "eval" / "plover_gsr_dev.json"
    if not path.exists():
        pytest.skip("../shared/eval is not beside the repository")
    gold = read_gold(path)
    assert len(gold) == 164
    assert all(s.types and s.events for s in gold)
    old = {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    assert not any(s.types & old for s in gold)
