"""Run every benchmark script under bench/ in turn (``make bench``).

Each script prints its figures and the command that reproduces them; the
figures recorded in docs/ come from these scripts. Development helpers
(``dev_*.py``) are skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("*.py")):
        if script.name in {"run_all.py"} or script.name.startswith(("dev_", "_")):
            continue
        print(f"== {script.relative_to(HERE.parent)}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
