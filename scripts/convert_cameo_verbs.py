"""Convert PETRARCH-2's CAMEO.2.0.txt into dyadwatch's verb pattern file.

Usage: python scripts/convert_cameo_verbs.py [CAMEO.2.0.txt] [out/verbs.txt]

Input (PETRARCH format, see the header of CAMEO.2.0.txt):
  ``&NAME`` starts a synonym set whose members follow as ``+WORD`` lines;
  ``---  FAMILY   [code]  ---`` starts a verb family with its default code;
  ``VERB {FORMS} [code] # comment`` / ``+MULTI_WORD {FORMS} [code]`` are its verbs;
  ``- <pre> * <post> [code] # verb`` are its patterns.
Output: the format documented in docs/events.md (lower case, ``_`` -> space).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DEFAULT_IN = Path(__file__).resolve().parents[2] / "shared/reference/petrarch2/CAMEO.2.0.txt"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/dyadwatch/events/data/verbs.txt"

_FAMILY = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")

HEADER = """\
# dyadwatch verb pattern dictionary, converted from PETRARCH-2 CAMEO.2.0.txt
# by scripts/convert_cameo_verbs.py (do not edit by hand: edit verbs_curated.txt).
# Format: docs/events.md. Source: Open Event Data Alliance, MIT licence (see NOTICE).
"""


def _words(text: str) -> str:
    """PETRARCH token(s) -> lower-case words: ``+CEASE_FIRE`` -> ``cease fire``."""
    text = text.strip().lstrip("+").rstrip("_").lower()
    return " ".join(w for w in text.replace("_", " ").split() if w)


def _code(text: str) -> str | None:
    m = _CODE.search(text)
    return re.sub(r"[^0-9:-]", "", m.group(1)) if m else None


def convert_verb(line: str) -> str | None:
    body = line.split("#", 1)[0]
    code = _code(body)
    forms_m = _FORMS.search(body)
    forms = [_words(f) for f in forms_m.group(1).split()] if forms_m else []
    head = _FORMS.sub(" ", _CODE.sub(" ", body)).strip()
    if not head:
        return None
    out = "  verb: " + _words(head)
    if code:
        out += f" = {code}"
    if forms:
        out += " | " + "; ".join(f for f in forms if f)
    return out


def convert_pattern(line: str) -> str | None:
    body = line[1:].split("#", 1)[0]
    code = _code(body)
    if code is None or "*" not in body:
        return None
    pattern = _CODE.sub(" ", body)
    pattern = " ".join(pattern.replace("_", " ").lower().split())
    return f"  pattern: {pattern} = {code}"


def convert(lines: list[str]) -> list[str]:
    out = [HEADER]
    sets: dict[str, list[str]] = {}
    current_set: str | None = None
    in_verbs = False
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            current_set = None
            for name, members in sets.items():
                out.append(f"&{name}: " + "; ".join(members))
            continue
        if not line.strip() or line.lstrip().startswith(("#", "~")):  # ~: transformations
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line[1:].split()[0].rstrip("_").lower()
                sets[current_set] = []
            elif line.startswith("+") and current_set:
                word = _words(line.split("#", 1)[0])
                if word:
                    sets[current_set].append(word)
            continue
        fam = _FAMILY.match(line)
        if fam:
            out.append("")
            out.append(f"+ {fam.group(1).lower()}")
            out.append(f"  code: {fam.group(2).strip()}")
        elif line.startswith("-"):
            converted = convert_pattern(line)
            unknown = [s for s in re.findall(r"&([a-z0-9_-]+)", converted or "") if s not in sets]
            if converted and not unknown:
                out.append(converted)
            elif unknown:
                sys.stderr.write(f"dropped (unknown synonym set): {line.strip()}\n")
        else:
            converted = convert_verb(line)
            if converted:
                out.append(converted)
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_IN
    dst = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    lines = convert(src.read_text(encoding="utf-8", errors="replace").splitlines())
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_pat = sum(1 for x in lines if x.startswith("  pattern:"))
    n_verb = sum(1 for x in lines if x.startswith("  verb:"))
    sys.stderr.write(f"{dst}: {n_verb} verbs, {n_pat} patterns\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
