"""`dyadwatch eval GOLD` with the actor rules of the ethnic-group session switched off.

    .venv/bin/python bench/dev_eval_without_group_rules.py ../shared/eval/plover_gsr_dev.json

Used to measure those rules on the same tree as everything else (docs/actors.md, "Ethnic and
religious groups, datelines, discards"): drops the curated ``ethnic.txt`` and ``discards.txt``
and turns the group (actors/ethnic.py), dateline (actors/dateline.py), IGO-title rules and
the Phoenix city names kept by curated countries into no-ops. The new agent words of
``agents.txt`` and the non-country agent codes (REL, PPL, ...) stay. No actor cache is used.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> None:
    os.environ["DYADWATCH_CACHE_DIR"] = "off"
    import dyadwatch.actors.dictionary as dictionary
    import dyadwatch.actors.resolve as resolve
    from dyadwatch.cli import main as cli

    dictionary.CURATED_FILES = dictionary.SHIPPED_FILES
    dictionary._inherit_places = lambda merged, places: None
    resolve.split_agents = lambda candidates, entries: candidates
    resolve.strip_dateline = lambda doc, field, candidates, entries, ctx: candidates
    resolve.fill_from_dateline = lambda doc, built, ctx: built
    resolve.GroupRules.build = lambda self, *args: None
    resolve.Resolver._for_igo = lambda self, doc, item, person, ctx: person
    sys.argv = ["dyadwatch", "eval", *argv]
    cli()


if __name__ == "__main__":
    main(sys.argv[1:])
