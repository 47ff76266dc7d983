"""The event coder on hand-built dependency parses (no statistical model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.events import EventStage
from dyadwatch.model import ActorMention, Event, Sentence
from dyadwatch.options import Options

NLP = spacy.blank("en")
_TAGS = {"VERB": "VBD", "AUX": "MD", "NOUN": "NN", "PROPN": "NNP", "ADJ": "JJ", "ADP": "IN",
         "DET": "DT", "PART": "RP", "PUNCT": ".", "CCONJ": "CC", "PRON": "PRP", "SCONJ": "IN", "NUM": "CD"}  # fmt: skip


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage.from_options(Options())


def parsed(spec: str) -> Doc:
    """One token per line: ``word lemma POS dep head`` (head = token index)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))]
    return Doc(NLP.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows],
               pos=[r[2] for r in rows], tags=[_TAGS[r[2]] for r in rows],
               deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows])  # fmt: skip


def code(stage: EventStage, doc: Doc, actors: dict[str, str], start: int = 0) -> list[Event]:
    """Code ``doc`` as a body sentence starting at ``start``; ``actors``: token text -> code."""
    mentions = []
    for tok in doc:
        if tok.text in actors:
            c = actors[tok.text]
            s = start + tok.idx
            mentions.append(ActorMention(tok.text, s, s + len(tok.text), 3, c, c[:3], c[3:] or None,
                                         tok.text, kind="country"))  # fmt: skip
    return code_mentions(stage, doc, mentions, start)


def code_mentions(stage: EventStage, doc: Doc, mentions: list[ActorMention], start: int = 0) -> list[Event]:
    """Code ``doc`` as a body sentence starting at ``start`` with the given mentions."""
    return stage.code(doc, Sentence(3, doc.text, start, start + len(doc.text), "body"), mentions, "art-1")


def summary(events: list[Event]) -> set[tuple]:
    return {(e.source_code, e.target_code, e.cameo_code, e.plover_type) for e in events}


PHONE = """
Xi Xi PROPN nsubj 1
held hold VERB ROOT 1
a a DET det 4
phone phone NOUN compound 4
call call NOUN dobj 1
with with ADP prep 4
Lee Lee PROPN pobj 5
. . PUNCT punct 1
"""


def test_light_verb_and_event_noun(stage: EventStage) -> None:
    doc = parsed(PHONE)
    events = code(stage, doc, {"Xi": "CHNGOV", "Lee": "KORGOV"}, start=100)
    assert summary(events) == {("CHNGOV", "KORGOV", "041", "CONSULT")}
    ev = events[0]
    assert ev.trigger_text == "held a phone call"
    assert ev.source_span == (100, 102) and ev.target_span == (126, 129)
    assert ev.trigger_span == (103, 120)
    assert (ev.source_country, ev.target_country, ev.plover_mode) == ("CHN", "KOR", "phone")
    assert ev.goldstein == 1.0 and ev.quad_class == 1 and ev.pattern
    assert ev.evidence[0].sentence_index == 3 and ev.evidence[0].trigger_span == ev.trigger_span
    assert ev.article_id == "art-1" and ev.field == "body"


def test_praise_noun_with_possessive_target(stage: EventStage) -> None:
    doc = parsed("""
Lee Lee PROPN nsubj 1
expressed express VERB ROOT 1
admiration admiration NOUN dobj 1
for for ADP prep 1
China China PROPN poss 6
's 's PART case 4
progress progress NOUN pobj 3
. . PUNCT punct 1
""")
    assert summary(code(stage, doc, {"Lee": "KORGOV", "China": "CHN"})) == {
        ("KORGOV", "CHN", "051", "SUPPORT")
    }


def test_passive_agent_is_the_source(stage: EventStage) -> None:
    doc = parsed("""
Palestinians Palestinian PROPN nsubjpass 2
were be AUX auxpass 2
attacked attack VERB ROOT 2
by by ADP agent 2
Israeli israeli ADJ amod 5
troops troop NOUN pobj 3
. . PUNCT punct 2
""")
    events = code(stage, doc, {"Palestinians": "PSECVL", "Israeli": "ISRMIL"})
    assert {(e.source_code, e.target_code, e.plover_type) for e in events} == {
        ("ISRMIL", "PSECVL", "ASSAULT")
    }


def test_compound_subject_gives_both_directions(stage: EventStage) -> None:
    doc = parsed("""
Israel Israel PROPN nsubj 3
and and CCONJ cc 0
Lebanon Lebanon PROPN conj 0
held hold VERB ROOT 3
talks talk NOUN dobj 3
. . PUNCT punct 3
""")
    assert summary(code(stage, doc, {"Israel": "ISR", "Lebanon": "LBN"})) == {
        ("ISR", "LBN", "046", "CONSULT"), ("LBN", "ISR", "046", "CONSULT")
    }


def test_compound_target(stage: EventStage) -> None:
    doc = parsed("""
Japan Japan PROPN nsubj 1
criticized criticize VERB ROOT 1
Russia Russia PROPN dobj 1
and and CCONJ cc 2
Iran Iran PROPN conj 2
. . PUNCT punct 1
""")
    assert summary(code(stage, doc, {"Japan": "JPN", "Russia": "RUS", "Iran": "IRN"})) == {
        ("JPN", "RUS", "111", "ACCUSE"), ("JPN", "IRN", "111", "ACCUSE")
    }


NOT_MEET = """
Japan Japan PROPN nsubj 3
did do AUX aux 3
not not PART neg 3
meet meet VERB ROOT 3
China China PROPN dobj 3
. . PUNCT punct 3
"""


def test_negated_event_is_not_coded(stage: EventStage) -> None:
    assert code(stage, parsed(NOT_MEET), {"Japan": "JPN", "China": "CHN"}) == []


def test_refusal_is_a_reject_event(stage: EventStage) -> None:
    doc = parsed("""
Japan Japan PROPN nsubj 1
refused refuse VERB ROOT 1
to to PART aux 3
meet meet VERB xcomp 1
China China PROPN dobj 3
. . PUNCT punct 1
""")
    events = code(stage, doc, {"Japan": "JPN", "China": "CHN"})
    assert summary(events) == {("JPN", "CHN", "125", "REJECT")}


def test_will_not_negotiate_is_a_refusal(stage: EventStage) -> None:
    doc = parsed("""
Japan Japan PROPN nsubj 3
will will AUX aux 3
not not PART neg 3
negotiate negotiate VERB ROOT 3
with with ADP prep 3
China China PROPN pobj 4
. . PUNCT punct 3
""")
    (ev,) = code(stage, doc, {"Japan": "JPN", "China": "CHN"})
    assert (ev.source_code, ev.target_code, ev.plover_type) == ("JPN", "CHN", "REJECT")
    assert ev.cameo_code.startswith("12") and ev.negated


def test_threat_to_impose_sanctions(stage: EventStage) -> None:
    doc = parsed("""
Russia Russia PROPN nsubj 1
threatened threaten VERB ROOT 1
to to PART aux 3
impose impose VERB xcomp 1
sanctions sanction NOUN dobj 3
on on ADP prep 3
Ukraine Ukraine PROPN pobj 5
. . PUNCT punct 1
""")
    (ev,) = code(stage, doc, {"Russia": "RUS", "Ukraine": "UKR"})
    assert (ev.source_code, ev.target_code, ev.plover_type) == ("RUS", "UKR", "THREATEN")
    assert ev.cameo_code.startswith("13")


def test_agreement_to_provide_aid_is_an_intent(stage: EventStage) -> None:
    doc = parsed("""
France France PROPN nsubj 1
agreed agree VERB ROOT 1
to to PART aux 3
provide provide VERB xcomp 1
aid aid NOUN dobj 3
to to ADP prep 3
Mali Mali PROPN pobj 5
. . PUNCT punct 1
""")
    assert summary(code(stage, doc, {"France": "FRA", "Mali": "MLI"})) == {
        ("FRA", "MLI", "033", "AGREE")
    }


def test_reported_event_keeps_attribution(stage: EventStage) -> None:
    doc = parsed("""
Iran Iran PROPN nsubj 1
said say VERB ROOT 1
Syria Syria PROPN nsubj 3
attacked attack VERB ccomp 1
Turkey Turkey PROPN dobj 3
. . PUNCT punct 1
""")
    (ev,) = code(stage, doc, {"Iran": "IRN", "Syria": "SYR", "Turkey": "TUR"})
    assert (ev.source_code, ev.target_code, ev.plover_type) == ("SYR", "TUR", "ASSAULT")
    assert ev.attribution == "Iran" and ev.attribution_code == "IRN"


def test_reported_obligation_is_the_speakers_demand(stage: EventStage) -> None:
    doc = parsed("""
Russia Russia PROPN nsubj 1
said say VERB ROOT 1
Syria Syria PROPN nsubj 4
must must AUX aux 4
withdraw withdraw VERB ccomp 1
its its PRON poss 6
troops troop NOUN dobj 4
. . PUNCT punct 1
""")
    events = code(stage, doc, {"Russia": "RUS", "Syria": "SYR"})
    assert {(e.source_code, e.target_code, e.plover_type) for e in events} == {
        ("RUS", "SYR", "REQUEST")
    }


def test_pronoun_subject_of_a_report_is_the_speaker(stage: EventStage) -> None:
    doc = parsed("""
Iraq Iraq PROPN nsubj 1
said say VERB ROOT 1
it it PRON nsubj 4
would would AUX aux 4
allow allow VERB ccomp 1
inspectors inspector NOUN dobj 4
. . PUNCT punct 1
""")
    events = code(stage, doc, {"Iraq": "IRQ"})
    assert [(e.source_code, e.plover_type) for e in events] == [("IRQ", "AGREE")]


def test_modal_possibility(stage: EventStage) -> None:
    meet = parsed("""
Iran Iran PROPN nsubj 2
may may AUX aux 2
meet meet VERB ROOT 2
Israel Israel PROPN dobj 2
. . PUNCT punct 2
""")
    (ev,) = code(stage, meet, {"Iran": "IRN", "Israel": "ISR"})
    assert ev.hypothetical and ev.plover_type == "CONSULT"
    attack = parsed(PHONE.replace("held hold", "may may").replace("VERB ROOT 1", "AUX aux 1"))
    assert attack  # a malformed parse is still coded without error
    hostile = parsed("""
Iran Iran PROPN nsubj 2
may may AUX aux 2
attack attack VERB ROOT 2
Israel Israel PROPN dobj 2
. . PUNCT punct 2
""")
    (ev,) = code(stage, hostile, {"Iran": "IRN", "Israel": "ISR"})
    assert ev.plover_type == "THREATEN" and not ev.hypothetical


def test_conditional_clause_is_hypothetical(stage: EventStage) -> None:
    doc = parsed("""
Iran Iran PROPN nsubj 2
would would AUX aux 2
meet meet VERB ROOT 2
Israel Israel PROPN dobj 2
if if SCONJ mark 6
Israel Israel PROPN nsubj 6
withdrew withdraw VERB advcl 2
. . PUNCT punct 2
""")
    events = code(stage, doc, {"Iran": "IRN", "Israel": "ISR"})
    main = [e for e in events if e.source_code == "IRN"]
    assert [(e.plover_type, e.hypothetical) for e in main] == [("AGREE", False)]
    assert all(e.hypothetical for e in events if e.source_code == "ISR")


CRITICIZED = """
Japan Japan PROPN nsubj 1
criticized criticize VERB ROOT 1
the the DET det 3
plan plan NOUN dobj 1
. . PUNCT punct 1
"""


def test_no_actor_no_event(stage: EventStage) -> None:
    assert code(stage, parsed(PHONE), {}) == []
    assert code(stage, parsed(PHONE), {"Lee": "KORGOV"}) == []  # no source
    (call,) = code(stage, parsed(PHONE), {"Xi": "CHNGOV"})  # counterpart unknown
    assert call.cameo_code == "041" and call.target_code is None
    lone = parsed("Japan Japan PROPN nsubj 1\nmet meet VERB ROOT 1\n. . PUNCT punct 1")
    assert code(stage, lone, {"Japan": "JPN"}) == []  # "the cabinet met": not an interaction
    (ev,) = code(stage, parsed(CRITICIZED), {"Japan": "JPN"})
    assert ev.target_code is None and ev.plover_type == "ACCUSE"


def test_prefilter(stage: EventStage) -> None:
    doc = NLP.make_doc("Xi held a phone call with Lee.")
    m = ActorMention("Xi", 0, 2, 0, "CHNGOV", "CHN", "GOV", "Xi Jinping")
    agent_only = ActorMention("rebels", 0, 2, 0, "REB", None, "REB", None, kind="agent")
    assert stage.could_code(doc, [m])
    assert not stage.could_code(doc, [])
    assert not stage.could_code(doc, [agent_only])
    assert not stage.could_code(NLP.make_doc("Xi was in a good mood."), [m])
    assert stage.could_code(NLP.make_doc("Xi met Lee."), [m])  # irregular form


def test_headline_passive_without_be(stage: EventStage) -> None:
    doc = parsed("""
Russia Russia PROPN nsubj 1
accused accuse VERB ROOT 1
of of ADP prep 1
strikes strike NOUN pobj 2
on on ADP prep 3
Ukraine Ukraine PROPN pobj 4
""")
    doc[1].tag_ = "VBN"
    # the accuser is not named: no event, and never "Russia accuses Ukraine"
    assert code(stage, doc, {"Russia": "RUS", "Ukraine": "UKR"}) == []


def test_denial_is_not_the_denied_act(stage: EventStage) -> None:
    doc = parsed("""
Russia Russia PROPN nsubj 1
denied deny VERB ROOT 1
attacking attack VERB xcomp 1
Ukraine Ukraine PROPN dobj 2
. . PUNCT punct 1
""")
    assert [e.plover_type for e in code(stage, doc, {"Russia": "RUS", "Ukraine": "UKR"})] == []


def test_odd_input_is_coded_without_error(stage: EventStage) -> None:
    empty = Doc(NLP.vocab, words=[])
    assert code(stage, empty, {}) == []
    one = parsed("talks talk NOUN ROOT 0")
    assert code(stage, one, {"talks": "CHN"}) == []
    flat = parsed("\n".join(f"w{i} attack NOUN dep 0" for i in range(200)).replace("dep 0", "ROOT 0", 1))
    assert isinstance(code(stage, flat, {"w1": "USA", "w5": "RUS"}), list)


def test_passive_state_act_without_agent_is_the_place_country(stage: EventStage) -> None:
    doc = parsed("""
Two two NUM nummod 1
Britons Briton PROPN nsubjpass 3
were be AUX auxpass 3
arrested arrest VERB ROOT 3
in in ADP prep 3
Iran Iran PROPN pobj 4
for for ADP prep 3
spying spy VERB pcomp 6
for for ADP prep 7
Israel Israel PROPN pobj 8
. . PUNCT punct 3
""")
    events = code(stage, doc, {"Britons": "GBRCVL", "Iran": "IRN", "Israel": "ISR"})
    assert {(e.source_code, e.target_code, e.plover_type) for e in events} == {
        ("IRN", "GBRCVL", "COERCE")
    }


def test_own_country_is_no_target() -> None:
    from dyadwatch.events.roles import self_dyad

    def m(code: str) -> ActorMention:
        return ActorMention(code, 0, 1, 0, code, code[:3], code[3:] or None, code)

    assert self_dyad(m("KORGOV"), m("KOR"), "030")  # "a shift in South Korea's policy"
    assert not self_dyad(m("KORGOV"), m("KOROPP"), "111")  # government vs opposition
    assert not self_dyad(m("KORGOV"), m("JPN"), "030")
    assert not self_dyad(m("SDNGOV"), m("SDN"), "081")  # "lifted the curfew in Sudan"
    group = m("SDN")
    assert not self_dyad(m("SDNGOV"), group, "030", frozenset({id(group)}))  # a demonym group


def test_group_reference_gives_one_actor_per_referent() -> None:
    """Two mentions on one span ("the two leaders": Xi and Lee) are a compound subject."""
    from spacy.lang.en import English
    from spacy.tokens import Doc as _Doc

    from dyadwatch.events.roles import MentionIndex
    from dyadwatch.model import ActorMention as _AM
    from dyadwatch.model import Sentence as _S

    words = ["The", "two", "leaders", "agreed", "."]
    doc = _Doc(English().vocab, words=words, heads=[2, 2, 3, 3, 3],
               deps=["det", "nummod", "nsubj", "ROOT", "punct"])
    sent = _S(0, doc.text, 0, len(doc.text))
    span = (0, len("The two leaders"))
    xi = _AM("The two leaders", *span, 0, "CHNGOV", "CHN", "GOV", "Xi Jinping", kind="group")
    lee = _AM("The two leaders", *span, 0, "KORGOV", "KOR", "GOV", "Lee Jae-myung", kind="group")
    index = MentionIndex(doc, sent, [xi, lee])
    assert [m.code for m in index.actors(doc[2], subject=True)] == ["CHNGOV", "KORGOV"]


PROTEST = """
Students student NOUN nsubj 1
demonstrated demonstrate VERB ROOT 1
. . PUNCT punct 1
"""


def test_domestic_protest_without_target_is_against_the_government(stage):
    events = code(stage, parsed(PROTEST), {"Students": "NPLEDU"})
    assert {(e.source_code, e.target_code, e.plover_type) for e in events} == {("NPLEDU", "NPLGOV", "PROTEST")}
    (ev,) = events
    assert ev.target_span is None and ev.target_text is None  # implied: no words to point at
    assert ev.evidence[0].target_span is None


def test_government_protest_gets_no_implied_target(stage):
    events = code(stage, parsed(PROTEST), {"Students": "NPLGOV"})
    assert [(e.source_code, e.target_code) for e in events] == [("NPLGOV", None)]


KILLED = """
Civilians civilian NOUN nsubjpass 2
were be AUX auxpass 2
killed kill VERB ROOT 2
in in ADP prep 2
a a DET det 5
bombing bombing NOUN pobj 3
. . PUNCT punct 2
"""


def test_violence_without_named_perpetrator_has_no_source(stage):
    events = code(stage, parsed(KILLED), {"Civilians": "IRQCVL"})
    assert [(e.source_code, e.target_code, e.plover_type) for e in events] == [(None, "IRQCVL", "ASSAULT")]
    assert events[0].source_span is None and events[0].evidence[0].source_span is None


def test_passive_without_agent_outside_violence_is_no_event(stage):
    doc = parsed(KILLED.replace("killed kill", "praised praise"))
    assert code(stage, doc, {"Civilians": "IRQCVL"}) == []


GUNMEN = """
Gunmen gunman NOUN nsubj 1
killed kill VERB ROOT 1
soldiers soldier NOUN dobj 1
in in ADP prep 1
Mali Mali PROPN pobj 3
. . PUNCT punct 1
"""


def _bare(doc: Doc, word: str, sector: str) -> ActorMention:
    tok = next(t for t in doc if t.text == word)
    return ActorMention(word, tok.idx, tok.idx + len(word), 3, sector, None, sector, kind="agent")


def _code_with(stage: EventStage, doc: Doc, mentions: list[ActorMention]) -> set[tuple]:
    return {(e.source_code, e.target_code, e.cameo_code[:2]) for e in code_mentions(stage, doc, mentions)}


def test_bare_groups_in_a_one_country_sentence_are_of_that_country(stage):
    doc = parsed(GUNMEN.replace("Gunmen gunman", "Rebels rebel"))
    mali = next(t for t in doc if t.text == "Mali")
    mentions = [_bare(doc, "Rebels", "REB"), _bare(doc, "soldiers", "MIL"),
                ActorMention("Mali", mali.idx, mali.idx + 4, 3, "MLI", "MLI", None, "Mali")]
    assert _code_with(stage, doc, mentions) == {("MLIREB", "MLIMIL", "19")}


def test_gunmen_nobody_names_are_no_source(stage):
    doc = parsed(GUNMEN)
    mali = next(t for t in doc if t.text == "Mali")
    mentions = [_bare(doc, "Gunmen", "UAF"), _bare(doc, "soldiers", "MIL"),
                ActorMention("Mali", mali.idx, mali.idx + 4, 3, "MLI", "MLI", None, "Mali")]
    assert _code_with(stage, doc, mentions) == {(None, "MLIMIL", "19")}
