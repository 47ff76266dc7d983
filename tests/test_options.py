from __future__ import annotations

from dataclasses import fields

from dyadwatch.options import Options


def test_every_setting_has_help() -> None:
    helps = Options.help()
    assert set(helps) == {f.name for f in fields(Options)}
    assert all(len(h) > 10 for h in helps.values())


def test_replace_keeps_other_settings() -> None:
    o = Options(date="2025-06-11").replace(prefilter=False)
    assert o.date == "2025-06-11" and o.prefilter is False
    assert Options().actor_dictionaries is not Options().actor_dictionaries
