"""Development check of the event coder on the PLOVER gold sentences.

    .venv/bin/python bench/dev_events.py [GOLD.json] [--oracle] [--errors] [--cases FILE.jsonl]

Runs the actor stage and the event stage over every gold sentence and prints the
PLOVER event-type accuracy (the first event of the sentence, and any event) and
the (source country, target country, type) precision/recall/F1. ``--oracle``
takes the actors from the gold markup instead of the actor stage, to measure the
event coder alone. ``--cases`` reads this project's own cases file
(tests/data/events_cases.jsonl) instead. Codes are compared at country level
(JAP -> JPN, ITL -> ITA, IGO/NGO codes by their first three letters).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dyadwatch.actors import ActorStage
from dyadwatch.events import EventStage
from dyadwatch.model import ActorMention, Sentence
from dyadwatch.nlp import load_pipeline, parse
from dyadwatch.ontology import current_plover
from dyadwatch.options import Options

GOLD = Path(__file__).resolve().parents[2] / "shared/eval/plover_gsr_dev.json"
_ALIASES = {"JAP": "JPN", "ITL": "ITA"}


def norm(code: str | None) -> str | None:
    if not code:
        return None
    c = code.strip().upper()[:3]
    return _ALIASES.get(c, c)


def _actors(field) -> list[dict]:
    return [a for a in field if isinstance(a, dict)] if isinstance(field, list) else []


def gold_record(rec: dict) -> dict:
    src, tgt = _actors(rec.get("source")), _actors(rec.get("target"))
    etype = current_plover(rec["event"])[0] if rec.get("event") else None
    return {"id": rec["id"], "text": rec["text"], "type": etype, "src": src, "tgt": tgt}


def gold_tuples(g: dict) -> list[set[tuple]]:
    """Each gold tuple as the set of predicted tuples that would match it."""
    s = [norm(a.get("code")) for a in g["src"]]
    t = [norm(a.get("code")) for a in g["tgt"]]
    if not t and len(s) >= 2:  # SRC/TAR: between the actors, either direction
        out = []
        for i in range(len(s)):
            for j in range(i + 1, len(s)):
                out.append({(s[i], s[j], g["type"]), (s[j], s[i], g["type"])})
        return out
    return [{(a, b, g["type"])} for a in s or [None] for b in t or [None]]


def oracle_mentions(g: dict, sentence: Sentence) -> list[ActorMention]:
    out = []
    for a in g["src"] + g["tgt"] + g.get("other", []):  # "other": actors in no gold event
        text = a.get("actorText") or ""
        i = sentence.text.find(text) if text else -1
        if i < 0:
            i = sentence.text.lower().find(text.lower()) if text else -1
        if i < 0 or any(m.start == i for m in out):
            continue
        code = (a.get("code") or "") + (a.get("sector") or "").replace("***", "")
        country = None if code[:3] in ("IGO", "NGO", "IMG") else code[:3]
        out.append(ActorMention(text, i, i + len(text), 0, code, country, None, text))
    return out


def run(records: list[dict], oracle: bool, show_errors: bool) -> dict:
    opts = Options()
    nlp = load_pipeline(opts.model)
    actors, events = ActorStage.from_options(opts), EventStage.from_options(opts)
    first_ok = any_ok = tp_g = n_g = tp_p = n_p = 0
    lost = 0
    t_parse = t_code = 0.0
    for g in records:
        sentence = Sentence(0, g["text"], 0, len(g["text"]), "body")
        doc = nlp.make_doc(g["text"])
        mentions = oracle_mentions(g, sentence) if oracle else actors.find(doc, sentence, actors.new_context(None))
        maybe = events.could_code(doc, mentions)
        t0 = time.perf_counter()
        parse(nlp, [doc])
        t1 = time.perf_counter()
        evs = events.code(doc, sentence, mentions, g["id"])
        t_code += time.perf_counter() - t1
        t_parse += t1 - t0
        if evs and not maybe:
            lost += 1
        types = [e.plover_type for e in evs]
        pred = {(norm(e.source_country or e.source_code), norm(e.target_country or e.target_code),
                 e.plover_type) for e in evs}  # fmt: skip
        gold = gold_tuples(g)
        hit_g = sum(1 for alts in gold if alts & pred)
        hit_p = sum(1 for p in pred if any(p in alts for alts in gold))
        tp_g, n_g, tp_p, n_p = tp_g + hit_g, n_g + len(gold), tp_p + hit_p, n_p + len(pred)
        types = types or ["NONE"]
        first_ok += types[0] == g["type"]
        any_ok += g["type"] in types
        wrong = types[0] != g["type"]
        if show_errors and (wrong or (show_errors == "all" and hit_g < len(gold))):
            print(f"--- {g['id']}  gold {g['type']} {sorted(map(str, gold))}")
            print(f"    {g['text']}")
            print(f"    mentions: {[(m.text, m.code) for m in mentions]}")
            for e in evs:
                print(f"    -> {e.cameo_code} {e.plover_type} {e.source_code}->{e.target_code} "
                      f"[{e.trigger_text}] {e.pattern} neg={e.negated} hyp={e.hypothetical}")
    n = len(records)
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": n, "type_acc_first": first_ok / n, "type_acc_any": any_ok / n,
            "precision": p, "recall": r, "f1": f1, "prefilter_lost": lost,
            "code_to_parse": t_code / t_parse if t_parse else 0.0}  # fmt: skip


def load_cases(path: Path) -> list[dict]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            out.append({"id": c["id"], "text": c["text"], "type": c["plover"] or "NONE",
                        "src": [{"actorText": a[0], "code": a[1]} for a in c["source"]],
                        "tgt": [{"actorText": a[0], "code": a[1]} for a in c.get("target", [])],
                        "other": [{"actorText": a[0], "code": a[1]} for a in c.get("other", [])]})  # fmt: skip
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(GOLD))
    ap.add_argument("--oracle", action="store_true", help="actors from the gold markup")
    ap.add_argument("--errors", nargs="?", const="type", choices=("type", "all"),
                    help="print the sentences with the wrong type (or 'all': also wrong actors)")
    ap.add_argument("--cases", help="a tests/data/events_cases.jsonl file instead of the gold")
    a = ap.parse_args()
    if a.cases:
        records = load_cases(Path(a.cases))
    else:
        records = [gold_record(r) for r in json.loads(Path(a.gold).read_text("utf-8"))]
    res = run(records, a.oracle, a.errors)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
