"""Convert the PETRARCH-2 Phoenix dictionaries into dyadwatch's block format.

    .venv/bin/python scripts/convert_phoenix.py [PETRARCH_DIR]

Reads ``Phoenix.*.actors.txt``, ``Phoenix.agents.txt`` and ``Phoenix.discards.txt``
(default: ../shared/reference/petrarch2 beside the repository) and writes
``src/dyadwatch/actors/data/phoenix/{countries,igos,nonstate,persons,agents,discards}.txt``
with the MIT licence notice in ``NOTICE.txt``. Problems met in the sources are
printed, one line each; the converted files are the lowest dictionary layer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dyadwatch.actors.petrarch import convert_files, write_converted

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "dyadwatch" / "actors" / "data" / "phoenix"
HEADER = (
    "Converted from the PETRARCH-2 Phoenix dictionaries by scripts/convert_phoenix.py.\n"
    "Copyright (c) 2014 Open Event Data Alliance, MIT licence: see NOTICE.txt beside this file.\n"
    "Do not edit: regenerate, or override entries in a later dictionary layer."
)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "reference" / "petrarch2"
    files = sorted(src.glob("Phoenix.*.actors.txt")) + [src / "Phoenix.agents.txt", src / "Phoenix.discards.txt"]
    missing = [f for f in files if not f.exists()]
    if missing or not files:
        print(f"missing PETRARCH files in {src}: {missing}", file=sys.stderr)
        return 1
    converted = convert_files(files)
    for problem in converted.problems:
        print(f"warning: {problem.message()}", file=sys.stderr)
    for path in write_converted(converted, OUT, HEADER):
        print(f"{path.relative_to(REPO)}: {len(converted.files[path.name])} entries")
    licence = (src / "LICENSE").read_text(encoding="utf-8")
    notice = (
        "The files in this directory are converted from the Phoenix dictionaries of PETRARCH-2\n"
        "(Open Event Data Alliance), distributed under the MIT licence below.\n\n" + licence
    )
    (OUT / "NOTICE.txt").write_text(notice, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
