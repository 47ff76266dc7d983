"""Event stage: CAMEO/PLOVER events from a parsed sentence and its actor mentions.

Interface used by the pipeline:
    EventStage.from_options(options) -> EventStage
    stage.could_code(doc, mentions) -> bool       # token-only Doc: prefilter, must not miss events
    stage.code(doc, sentence, mentions, article_id) -> list[Event]   # parsed Doc; dates left None
    merge_events(events) -> list[Event]            # one event per happening within an article

Modules: ``patterns`` (dictionary files -> Lexicon), ``match`` (patterns vs the
dependency parse), ``roles`` (source and target), ``modality`` (negation, modals,
attribution and the intent/refusal/threat/demand codes), ``clause`` (one
sentence), ``build`` (Event records), ``merge`` (one event per happening).
See docs/events.md.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..model import ActorMention, Event, Sentence
from ..options import Options
from .build import to_events
from .clause import Classes, Found, SentenceCoder
from .implied import add_implied_targets, deployment_at_home, unilateral_exercise
from .merge import merge_events
from .patterns import Lexicon, load_lexicon
from .roles import MentionIndex, usable

__all__ = ["EventStage", "merge_events"]
log = logging.getLogger(__name__)

# never the word that carries an event (their objects and complements do)
_AUXILIARIES = frozenset(
    "be is are am was were been being have has had having do does did will would shall "
    "should can could may might must".split()
)


def _lone_meeting(found: Found) -> bool:
    """A bare meeting (040) needs a counterpart: "the cabinet met" is not an interaction."""
    return found.code == "040" and not found.targets and len(found.sources) < 2


class EventStage:
    def __init__(self, lexicon: Lexicon, options: Options | None = None) -> None:
        self.options = options or Options()
        self.lexicon = lexicon
        self.classes = Classes(lexicon)
        self.vocabulary = frozenset(lexicon.forms) - _AUXILIARIES

    @classmethod
    def from_options(cls, options: Options) -> EventStage:
        return cls(load_lexicon(tuple(options.verb_dictionaries)), options)

    @property
    def problems(self) -> list[str]:
        """Malformed lines of user verb dictionaries (``file:line: reason``), skipped."""
        return list(self.lexicon.problems)

    def could_code(self, doc: Doc, mentions: list[ActorMention]) -> bool:
        """Cheap test on a token-only Doc: an actor and a word of the verb/noun vocabulary."""
        # a place alone ("talks in Geneva") makes no event; with a bare group it can ("protesters
        # rallied in Sofia")
        actors = [m for m in mentions if usable(m) and m.kind != "place"]
        if not actors and not (any(m.kind == "place" for m in mentions) and any(not usable(m) for m in mentions)):
            return False
        vocab = self.vocabulary
        return any(t.lower_ in vocab for t in doc)

    def find(self, doc: Doc, sentence: Sentence, mentions: list[ActorMention]) -> list[Found]:
        index = MentionIndex(doc, sentence, mentions)
        if not index:
            return []
        coder = SentenceCoder(self.lexicon, self.classes, doc, index)
        found = [f for head in coder.clause_heads() if (f := coder.code_clause(head)) is not None]
        for f in found:
            if f.sources:  # an event noun already coded with its clause is not coded again
                coder.used_nouns.update(f.trigger)
        found.extend(coder.nominal_events())
        for f in found:
            f.groups = coder.groups
            add_implied_targets(f)
            unilateral_exercise(f, doc)
            deployment_at_home(f, doc)
        return [f for f in found if (f.sources or (f.unknown_source and f.targets)) and not _lone_meeting(f)]

    def code(
        self, doc: Doc, sentence: Sentence, mentions: list[ActorMention], article_id: str
    ) -> list[Event]:
        events: list[Event] = []
        try:
            found = self.find(doc, sentence, mentions)
        except (ValueError, IndexError, KeyError, RecursionError) as exc:  # a parse we cannot read
            log.warning("%s: sentence %d not coded (%s: %s)", article_id, sentence.index,
                        type(exc).__name__, exc)  # fmt: skip
            return []
        for f in found:
            events.extend(to_events(f, doc, sentence, article_id))
        return events
