"""Negation, modality, conditionals, attribution, and the CAMEO codes they lead to.

CAMEO codes intents, refusals, threats and demands as events of their own:
"agreed to provide aid" is 033 (intent to provide aid), "refused to lift the
curfew" is 12x, "threatened to impose sanctions" 13x, "said Sudan must return
the helicopter" a demand (10x) from the speaker to Sudan. The functions here
turn the code of the embedded action into those codes.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..doctext import doc_text

FUTURE = frozenset({"will", "would", "shall", "'ll", "wo", "going"})
POSSIBLE = frozenset({"may", "might", "could", "can", "ca"})
OBLIGATION = frozenset({"must", "should", "ought"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
NEGATORS = frozenset({"not", "n't", "never", "no"})


def root(code: str) -> int:
    return int(code[:2])


def is_positive(code: str) -> bool:
    """Cooperative roots 03-08 (intents, consultations, support, aid, concessions)."""
    return 3 <= root(code) <= 8


def is_negative(code: str) -> bool:
    return root(code) >= 12 and root(code) != 13


_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030"}
_INTENT_SUB = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
               "072": "0332", "073": "0333", "074": "0334", "083": "034", "0831": "034",
               "0841": "0353", "085": "0354", "086": "0355", "087": "0356", "0871": "0356",
               "081": "0351", "082": "0352", "042": "036", "046": "036"}  # fmt: skip
_THREAT_SUB = {"163": "1312", "161": "1313", "164": "134", "165": "135", "166": "136",
               "172": "132", "191": "1381", "192": "1382", "204": "1384", "183": "1383"}  # fmt: skip
_THREAT = {"12": "130", "14": "130", "15": "138", "16": "131", "17": "137", "18": "138",
           "19": "138", "20": "138", "10": "130", "11": "130"}  # fmt: skip
_REFUSE_SUB = {"061": "1211", "062": "1212", "063": "1213", "064": "1214", "071": "1221",
               "072": "1222", "073": "1223", "074": "1224", "083": "123", "0841": "1243",
               "085": "1244", "086": "1245", "087": "1246", "0871": "1246", "045": "126",
               "046": "125", "036": "125", "037": "127"}  # fmt: skip
_REFUSE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
_DEMAND = {"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
_DEMAND_SUB = {"061": "1011", "062": "1012", "063": "1013", "064": "1014", "071": "1031",
               "072": "1032", "073": "1033", "074": "1034", "083": "104", "0831": "1041",
               "087": "1056", "0871": "1056", "045": "108", "046": "106", "037": "107"}  # fmt: skip


def _sub(code: str, table: dict[str, str]) -> str | None:
    for k in (code, code[:3]):
        if k in table:
            return table[k]
    return None


def intent(code: str) -> str:
    """'will/agreed to/promised to X': 03x for cooperative X, 13x for hostile X."""
    if root(code) in (3, 13):
        return code
    if is_negative(code):
        return threat(code)
    return _sub(code, _INTENT_SUB) or _INTENT.get(code[:2], "030")


def threat(code: str) -> str:
    if root(code) == 13:
        return code
    return _sub(code, _THREAT_SUB) or _THREAT.get(code[:2], "130")


def refusal(code: str) -> str:
    if root(code) == 12:
        return code
    return _sub(code, _REFUSE_SUB) or _REFUSE.get(code[:2], "120")


def demand(code: str) -> str:
    if root(code) == 10:
        return code
    return _sub(code, _DEMAND_SUB) or _DEMAND.get(code[:2], "100")


def aux_words(verb: Token) -> set[str]:
    out = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    # "be going to X", "have to X", "need to X" show up as heads of xcomp X
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("go", "have", "need"):
        out.add({"go": "going", "have": "must", "need": "must"}[verb.head.lemma_])
        out.update(c.lower_ for c in verb.head.children if c.dep_ in ("aux", "neg"))
    return out


def negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)) for c in verb.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and
               any(g.lower_ == "no" for g in c.children) for c in verb.children)  # fmt: skip


def modal(verb: Token) -> str | None:
    """'future', 'possible', 'obligation' or None."""
    words = aux_words(verb)
    if words & OBLIGATION:
        return "obligation"
    if words & FUTURE:
        return "future"
    if words & POSSIBLE:
        return "possible"
    return None


def conditional(verb: Token) -> bool:
    """The verb's clause is the condition of an 'if'/'unless' sentence."""
    tok = verb
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            return True
        if tok.dep_ in ("xcomp", "conj", "aux") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


def governing_statement(verb: Token, statement_lemmas: frozenset[str]) -> Token | None:
    """The statement verb whose content clause holds ``verb`` ("X said (that) Y ...")."""
    tok = verb
    for _ in range(6):
        while tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i != tok.i:
            head = tok.head
            if head.lemma_.lower() in statement_lemmas:
                return head
            tok = head
            continue
        if tok.dep_ == "ROOT":
            for child in tok.children:  # "..., X said." with the report as the head clause
                if child.dep_ in ("parataxis", "ccomp") and child.i > verb.i and \
                        child.lemma_.lower() in statement_lemmas and \
                        not any(c.dep_ == "ccomp" for c in child.children):
                    return child
        return None
    return None


def according_to(verb: Token) -> Token | None:
    """The object of 'according to X' in the sentence, if any."""
    doc = verb.doc
    if "according" not in doc_text(doc):
        return None
    for tok in doc:
        if tok.lower_ == "according":
            for child in tok.children:
                if child.lower_ == "to":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
