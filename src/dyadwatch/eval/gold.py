"""Gold-standard sentences: PLOVER gold JSON and PETRARCH validation XML, one common shape.

Both formats become ``GoldSentence(id, text, date, events)`` with one ``GoldEvent`` per
(source actor, target actor) pair: compound actors are expanded, and actors marked
``SRC/TAR`` in the PLOVER markup give events that hold in either direction.
"""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import ontology
from ..errors import InputError

# Codes of the PLOVER gold records that differ from the CAMEO/ISO country codes the coder emits
# (see ../shared/eval/README.md): JAP is Japan, ITL Italy.
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}
_EMPTY_ACTOR = {"", "---", "NONE"}


@dataclass(frozen=True)
class GoldEvent:
    source: str | None  # CAMEO actor code, e.g. "USA", "SDNREB", "IGO"; None when absent
    target: str | None
    plover_type: str | None  # current PLOVER name; None when the gold CAMEO code is unknown
    cameo: str | None = None  # CAMEO event code (PETRARCH XML gold only)
    either_direction: bool = False  # SRC/TAR: holds from source to target or back
    source_text: str | None = None
    target_text: str | None = None


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str | None  # YYYY-MM-DD
    events: list[GoldEvent] = field(default_factory=list)
    path: str = ""
    category: str | None = None  # PLOVER type of the record, or the XML record's category

    @property
    def types(self) -> set[str]:
        return {e.plover_type for e in self.events if e.plover_type}

    @property
    def roots(self) -> set[str]:
        return {r for e in self.events if (r := ontology.root(e.cameo))}


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Read a gold file: ``.json`` (PLOVER gold records) or ``.xml`` (PETRARCH validation)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read gold file: {exc.strerror or exc}") from None
    head = raw.lstrip()[:1]
    if p.suffix.lower() == ".xml" or head == b"<":
        return read_petrarch_xml(raw, str(p))
    if p.suffix.lower() == ".json" or head in (b"[", b"{"):
        return read_plover_json(raw, str(p))
    raise InputError(f"{p}: not a gold file (expected PLOVER .json or PETRARCH .xml)")


# --- PLOVER gold JSON -------------------------------------------------------------------

_MARK = re.compile(r"\((SRC/TAR|SRC|TAR)\s*:")


def _actor_code(actor: dict[str, Any], with_sector: bool) -> str | None:
    code = str(actor.get("code") or "").strip().upper()
    code = GOLD_CODE_FIXES.get(code, code)
    if code in _EMPTY_ACTOR:
        return None
    sector = str(actor.get("sector") or "").strip().upper()
    return code + sector if with_sector and sector else code


def _actors(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict)]
    if isinstance(value, dict):
        return [value]
    return []


def _markup(record: dict[str, Any]) -> str:
    info = record.get("textInfo")
    if isinstance(info, dict):
        return str(info.get("markup") or "")
    return str(info or "")


def plover_events(record: dict[str, Any]) -> list[GoldEvent]:
    """Expand one PLOVER gold record into one GoldEvent per actor pair."""
    ptype, _mode = ontology.current_plover(str(record.get("event") or ""))
    sources, targets = _actors(record.get("source")), _actors(record.get("target"))
    mutual = "SRC/TAR" in _MARK.findall(_markup(record)) and not targets
    if mutual and len(sources) > 1:
        pairs = list(itertools.combinations(sources, 2))
    else:
        pairs = list(itertools.product(sources or [{}], targets or [{}]))
    return [
        GoldEvent(
            source=_actor_code(s, True), target=_actor_code(t, True), plover_type=ptype or None,
            either_direction=mutual, source_text=s.get("actorText"), target_text=t.get("actorText"),
        )
        for s, t in pairs
    ]


def read_plover_json(raw: bytes, path: str = "") -> list[GoldSentence]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON: {exc}") from None
    records = data if isinstance(data, list) else data.get("records", []) if isinstance(data, dict) else []
    out = []
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict) or not str(rec.get("text") or "").strip():
            raise InputError(f"{path}: record {n}: not a gold record (no text)")
        out.append(
            GoldSentence(
                id=str(rec.get("id") or f"record-{n}"), text=" ".join(str(rec["text"]).split()),
                date=_iso(rec.get("date")), events=plover_events(rec), path=path,
                category=ontology.current_plover(str(rec.get("event") or ""))[0] or None,
            )
        )
    return out


# --- PETRARCH validation XML ------------------------------------------------------------


def _iso(value: Any) -> str | None:
    text = str(value or "").strip()
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return None


def _xml_code(value: str | None) -> str | None:
    code = (value or "").strip().upper()
    return None if code in _EMPTY_ACTOR else code


def xml_events(sentence: ET.Element) -> list[GoldEvent]:
    """The EventCoding records of one Sentence; a code CAMEO lacks takes its parent's type."""
    out = []
    for coding in [*sentence.iter("EventCoding"), *sentence.iter("EventCoded")]:
        code = (coding.get("eventcode") or "").strip()
        if not code:
            continue  # noevents="True"
        mapped = next((m for n in (4, 3, 2) if (m := ontology.plover(code[:n]))), None)
        out.append(
            GoldEvent(
                source=_xml_code(coding.get("sourcecode")), target=_xml_code(coding.get("targetcode")),
                plover_type=mapped[0] if mapped else None, cameo=code,
            )
        )
    return out


def read_petrarch_xml(raw: bytes, path: str = "") -> list[GoldSentence]:
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise InputError(f"{path}: not valid XML: {exc}") from None
    out = []
    for n, sent in enumerate(root.iter("Sentence"), 1):
        text_el = sent.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        if not text:
            raise InputError(f"{path}: Sentence {n}: no <Text>")
        out.append(
            GoldSentence(
                id=sent.get("id") or f"sentence-{n}", text=text, date=_iso(sent.get("date")),
                events=xml_events(sent), path=path, category=sent.get("category"),
            )
        )
    return out
