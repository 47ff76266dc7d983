#!/usr/bin/env python3
"""Convert the CAMEO/PLOVER reference tables into dyadwatch's package data.

Reads (from ``../shared/reference`` by default, the sibling of the repo root):
  cameo/goldstein.tsv             CAMEO event code -> Goldstein weight
  plover/CAMEO2PLOVER-2021.txt    CAMEO code -> PLOVER type, mode, context; code names as comments

Writes ``src/dyadwatch/ontology/data/cameo.tsv`` with the columns
code, name, goldstein, quad_class, plover_type, plover_mode, plover_context.

Rules (also listed in data/NOTICE.md):
  * every code listed in either source table is kept;
  * a code without a Goldstein weight takes its parent's (0213 -> 021 -> 02);
  * QuadClass from the root: 01-05 verbal cooperation (1), 06-08 material cooperation (2),
    09-13 verbal conflict (3), 14-20 material conflict (4);
  * a root (two digits) takes the PLOVER mapping of its "x0" code (08 -> 080 CONCEDE);
  * CAMEO 02x (appeal) has no line in the PLOVER table; PLOVER folds appeals into REQUEST,
    so 02ab takes the mapping of the parallel demand code 10ab (0251 -> 1051);
  * CAMEO 01x (public statements) has no PLOVER event type; it gets the pseudo-type
    STATEMENT so that every code has a type (not one of PLOVER's 16 types);
  * PLOVER 0.5 names are renamed to the current ones (DEMAND -> REQUEST, ...);
  * names come from the PLOVER table's comments; codes it lacks (roots, 01x, 02x) and a few
    typos are taken from the CAMEO 1.1b3 codebook (the NAMES table below).

Run:  python scripts/convert_ontology.py [--reference DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
OUT = REPO / "src" / "dyadwatch" / "ontology" / "data" / "cameo.tsv"
COLUMNS = ["code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context"]

RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
STATEMENT = "STATEMENT"

# CAMEO 1.1b3 codebook names for codes the PLOVER table does not name (or names with a typo).
NAMES = {
    "01": "Make public statement",
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "02": "Appeal",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation, such as policy support",
    "023": "Appeal for aid",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
    # typos or non-names in the PLOVER table's comments
    "055": "Apologize",
    "100": "Demand, not specified below",
    "1051": "Demand easing of administrative sanctions",
    "1444": "Obstruct passage to demand change in institutions, regime",
    "175": "Use tactics of violent repression",
}

_LINE = re.compile(r"^(\d{2,4})\s*:\s*([^#]*?)\s*(?:#\s*(.*))?$")


@dataclass
class PloverRow:
    plover_type: str
    mode: str
    context: str
    name: str


def read_goldstein(path: Path) -> dict[str, float]:
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {r["cameo_code"].strip(): float(r["goldstein"]) for r in rows}


def _clean(value: str) -> str:
    parts = [p.strip() for p in value.split(";")]
    return "; ".join(p for p in parts if p)


def read_plover(path: Path) -> dict[str, PloverRow]:
    """CAMEO code -> PLOVER row. A repeated code keeps its last line."""
    table: dict[str, PloverRow] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(raw.strip())
        if not m:
            continue
        code, fields, comment = m.group(1), m.group(2).split(","), m.group(3) or ""
        fields += [""] * (3 - len(fields))
        ptype = fields[0].strip().upper()
        ptype = RENAMES.get(ptype, ptype)
        name = re.split(r"\s{2,}", comment.strip())[0] if comment.strip() else ""
        if len(code) == 2 and code in table:
            continue  # a root is listed once per block (08 twice): its x0 code decides below
        table[code] = PloverRow(ptype, fields[1].strip(), _clean(fields[2]), name)
    for code in [c for c in table if len(c) == 2]:
        if code + "0" in table:
            table[code] = PloverRow(**{**vars(table[code + "0"]), "name": ""})
    return table


def quad_class(code: str) -> int:
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    raise ValueError(f"not a CAMEO event code: {code!r}")


def parent(code: str) -> str | None:
    return code[:-1] if len(code) > 2 else None


def _goldstein(code: str, weights: dict[str, float]) -> float:
    probe: str | None = code
    while probe is not None:
        if probe in weights:
            return weights[probe]
        probe = parent(probe)
    raise ValueError(f"no Goldstein weight for {code} or any parent")


def _plover(code: str, plover: dict[str, PloverRow]) -> PloverRow:
    if code in plover:
        return plover[code]
    if code.startswith("01"):
        return PloverRow(STATEMENT, "", "", "")
    if code.startswith("02"):
        demand = plover.get("10" + code[2:])
        if demand is not None:
            return demand
    up = parent(code)
    if up is None:
        raise ValueError(f"no PLOVER mapping for {code}")
    return _plover(up, plover)


def build_rows(weights: dict[str, float], plover: dict[str, PloverRow]) -> list[dict[str, str]]:
    codes = sorted(set(weights) | set(plover), key=lambda c: (c[:2], c))
    rows = []
    for code in codes:
        p = _plover(code, plover)
        name = NAMES.get(code) or (plover[code].name if code in plover else "")
        if not name:
            raise ValueError(f"no name for CAMEO code {code}")
        rows.append(
            {
                "code": code,
                "name": name,
                "goldstein": f"{_goldstein(code, weights):.1f}",
                "quad_class": str(quad_class(code)),
                "plover_type": p.plover_type,
                "plover_mode": p.mode,
                "plover_context": p.context,
            }
        )
    return rows


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    weights = read_goldstein(args.reference / "cameo" / "goldstein.tsv")
    plover = read_plover(args.reference / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = build_rows(weights, plover)
    write_rows(rows, args.out)
    print(f"wrote {len(rows)} CAMEO codes to {args.out}")


if __name__ == "__main__":
    main()
