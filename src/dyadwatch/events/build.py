"""Found events -> ``Event`` records: one per (source, target) pair, every field filled."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import ActorMention, Event, Evidence, Sentence
from ..ontology import cameo
from .clause import Found
from .roles import self_dyad


def country_of(m: ActorMention | None) -> str | None:
    """Country (first three letters of the code) or IGO/NGO code for scoring by country."""
    if m is None:
        return None
    if m.country:
        return m.country
    return m.code[:6] if m.code[:3] in ("IGO", "NGO", "IMG", "MNC") else m.code[:3]


MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
# words that make any act of two actors mutual ("X and Y called for stronger bilateral
# cooperation"): see ``to_events``


def _pairs(found: Found, code: str, reciprocal: bool = False) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """Source-target pairs; an actor and its own country make no pair (see ``self_dyad``).
    A violent act without a named perpetrator has no source (``Found.unknown_source``)."""
    if not found.sources:
        return [(None, t) for t in found.targets] if found.unknown_source else []
    out: list[tuple[ActorMention | None, ActorMention | None]] = []
    # "X and Y held talks": both directions, for acts done together (agreeing, meeting,
    # cooperating, fighting); "Libya and the PLO voted against the resolution" is no dyad
    mutual = len(found.sources) >= 2 and (code[:2] in MUTUAL_ROOTS or reciprocal)
    others = found.targets or (found.sources if mutual else [])
    for s in found.sources:
        mine = [(s, t) for t in others if s is not t and not self_dyad(s, t, code, found.groups)]
        out.extend(mine or [(s, None)])
    return out


def _known(code: str):  # -> (code, CameoCode | None)
    """The code, or its nearest known parent ("176" -> "17") when the ontology lacks it."""
    for k in (code, code[:3], code[:2]):
        info = cameo(k)
        if info is not None:
            return k, info
    return code, None


def _span(doc: Doc, token_ids: list[int], offset: int) -> tuple[int, int]:
    first, last = doc[min(token_ids)], doc[max(token_ids)]
    return (offset + first.idx, offset + last.idx + len(last.text))


def to_events(
    found: Found, doc: Doc, sentence: Sentence, article_id: str, keep_statements: bool = False
) -> list[Event]:
    """Event records for one Found; codes without a PLOVER event type are dropped."""
    out: list[Event] = []
    # "A:B" patterns: A source->target; B alone (":173", "X appeared in court") is the
    # target's event on the source. The secondary reverse event of "042:043" is not emitted.
    directions = [(found.code, False)] if found.code else []
    if found.reverse and not found.code:
        directions.append((found.reverse, True))
    trigger = _span(doc, found.trigger, sentence.start)
    trigger_text = sentence.text[trigger[0] - sentence.start : trigger[1] - sentence.start]
    words = {t.lower_ for t in doc}
    reciprocal = bool(words & {"bilateral", "mutual", "jointly", "together"}) or (
        "other" in words and ("each" in words or "another" in words))  # "each other", "one another"
    for code, reverse in directions:
        code, info = _known(code)
        if info is None or (info.plover_type == "STATEMENT" and not keep_statements):
            continue
        for s, t in _pairs(found, code, reciprocal):
            if reverse:
                if t is None:
                    continue
                s, t = t, s
            s_span = s.span if s is not None else None
            t_span = t.span if t is not None and t.kind != "implied" else None  # no words to point at
            ev = Evidence(sentence.index, sentence.text, trigger, s_span, t_span, sentence.field)
            out.append(Event(
                article_id=article_id, source_code=s.code if s else None, target_code=t.code if t else None,
                source_text=s.text if s else None, target_text=(t.text or None) if t else None, cameo_code=code,
                plover_type=info.plover_type, plover_mode=info.plover_mode,
                goldstein=info.goldstein, quad_class=info.quad_class,
                event_date=None, date_text=None, sentence_index=sentence.index,
                sentence=sentence.text, source_span=s_span, target_span=t_span,
                trigger_span=trigger, trigger_text=trigger_text, field=sentence.field,
                source_country=country_of(s), target_country=country_of(t),
                source_name=s.name if s else None, target_name=t.name if t else None,
                attribution=found.attribution, attribution_code=found.attribution_code,
                negated=found.negated, hypothetical=found.hypothetical,
                pattern=found.pattern, evidence=[ev],
            ))  # fmt: skip
    return out
