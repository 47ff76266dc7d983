"""Pipeline time / spaCy time over all the text, on a generated news-like corpus.

Generates --articles articles (seeded, deterministic) of --sentences sentences
each. In every article, a share --political (default 0.3) of the sentences are
political event sentences built from templates (a country, a leader or a
government acts on another: meets, condemns, accuses, sanctions, signs a deal,
threatens, visits, ...); the rest are the non-political sentences news carries,
in equal shares: sports results, weather, markets, culture, quotes, background
(some of them name countries, as real news does: "France beat Germany 2-1").

Prints, best of --rounds interleaved rounds:

- time of the full Coder, prefilter on (read -> ... -> merge);
- time of the same spaCy pipeline over all the text (``nlp.pipe`` over each
  article's title and full body);
- their ratio (issue 5 target: <= 0.6);
- events found with the prefilter on vs off, and the loss (target < 1%).

    .venv/bin/python bench/bench_pipeline_ratio.py [--articles 200] [--sentences 12] [--political 0.3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

from dyadwatch.model import Document
from dyadwatch.options import Options
from dyadwatch.pipeline import Coder

COUNTRIES = [
    ("France", "French"), ("Germany", "German"), ("China", "Chinese"), ("Russia", "Russian"),
    ("Japan", "Japanese"), ("India", "Indian"), ("Brazil", "Brazilian"), ("Iran", "Iranian"),
    ("Israel", "Israeli"), ("Turkey", "Turkish"), ("Egypt", "Egyptian"), ("Mexico", "Mexican"),
    ("Canada", "Canadian"), ("Poland", "Polish"), ("Ukraine", "Ukrainian"), ("Pakistan", "Pakistani"),
    ("Nigeria", "Nigerian"), ("Kenya", "Kenyan"), ("Indonesia", "Indonesian"), ("Vietnam", "Vietnamese"),
    ("Spain", "Spanish"), ("Italy", "Italian"), ("Sweden", "Swedish"), ("Greece", "Greek"),
    ("Argentina", "Argentine"), ("Chile", "Chilean"), ("Colombia", "Colombian"), ("Ethiopia", "Ethiopian"),
    ("Saudi Arabia", "Saudi"), ("South Korea", "South Korean"), ("North Korea", "North Korean"),
    ("Australia", "Australian"), ("the United States", "American"), ("Britain", "British"),
]
LEADERS = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Chancellor"]
SURNAMES = ["Adeyemi", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
            "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
            "Quintero", "Rossi", "Sato", "Tanaka", "Usman", "Varga", "Wagner", "Yilmaz", "Zhou"]
POLITICAL = [
    "{a} {verb_meet} {b} in {city} on {weekday} to discuss trade and security.",
    "{a} condemned {b} over its treatment of opposition activists, officials said {when}.",
    "{a} accused {b} of violating the ceasefire along their shared border.",
    "{a} imposed new sanctions on {b} after talks collapsed {when}.",
    "{a} and {b} signed an agreement on energy cooperation {when}.",
    "{a} threatened {b} with retaliation if the troops were not withdrawn.",
    "{leader} visited {b} {when}, the first such trip in a decade.",
    "{a} praised {b} for its help in the rescue operation.",
    "{a} called on {b} to release the detained journalists.",
    "{leader} met {b_leader} on the sidelines of the summit {when}.",
    "{a} expelled two {b_adj} diplomats, accusing them of espionage.",
    "{a} rejected {b}'s proposal for a new round of negotiations.",
    "{a} offered humanitarian aid to {b} after the earthquake.",
    "Troops from {a} attacked positions held by {b} forces near the border {when}.",
]
OTHER = {
    "sports": [
        "{team} beat {team2} {s1}-{s2} in {weekday}'s league match.",
        "The {adj} striker scored twice in the second half as the home side won {s1}-{s2}.",
        "{ca} beat {cb} {s1}-{s2} in the World Cup qualifier on {weekday}.",
        "The marathon was won in two hours and {s1}{s2} minutes, a course record.",
    ],
    "weather": [
        "Temperatures are expected to reach {temp} degrees in {city} by the weekend.",
        "Heavy rain caused flooding in several districts of {city} on {weekday}.",
        "Forecasters said the storm would weaken as it moved north.",
    ],
    "markets": [
        "Shares in {company} rose {pct} percent after the company reported higher profits.",
        "The {adj} currency fell to its lowest level against the dollar in {n} months.",
        "Oil prices edged up {pct} percent in early trading.",
        "The central bank left its main interest rate unchanged at {pct} percent.",
    ],
    "culture": [
        "The festival in {city} drew more than {n}0,000 visitors this year.",
        "The film, shot in {cb}, opens in cinemas next month.",
        "The museum's new wing houses {n}00 paintings from the nineteenth century.",
    ],
    "quotes": [
        "\"We are very happy with the result,\" the coach told reporters.",
        "\"This is a difficult moment for everyone,\" a local shopkeeper said.",
        "\"Nobody expected the numbers to be this good,\" an analyst at {company} said.",
    ],
    "background": [
        "The two countries have had tense relations since the 1990s.",
        "{ca} has a population of about {n}0 million people.",
        "The region is known for its vineyards and its mountain villages.",
        "The dispute dates back to a border treaty signed after the war.",
    ],
}
CITIES = ["Geneva", "Vienna", "Nairobi", "Jakarta", "Lima", "Oslo", "Doha", "Hanoi", "Lisbon", "Cairo"]
TEAMS = ["Rovers", "United", "City", "Athletic", "Wanderers", "Rangers", "Albion", "Dynamo"]
COMPANIES = ["Northwind Holdings", "Bluepeak Energy", "Orion Motors", "Atlas Foods"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WHEN = ["on Monday", "on Tuesday", "yesterday", "last week", "on June 3", "earlier this month"]
MEET = ["met", "met with", "held talks with", "hosted"]


def _actor(rng: random.Random, country: tuple[str, str]) -> str:
    name, adj = country
    return rng.choice([name, f"the {adj} government", f"{adj} {rng.choice(LEADERS).lower()} "
                                                      f"{rng.choice(SURNAMES)}"])


def _fill(rng: random.Random, template: str) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    sentence = template.format(
        a=_actor(rng, a), b=_actor(rng, b) if "{b}'s" not in template else b[0], b_adj=b[1],
        leader=f"{a[1]} {rng.choice(LEADERS).lower()} {rng.choice(SURNAMES)}",
        b_leader=f"the {b[1]} {rng.choice(LEADERS).lower()}", adj=a[1],
        verb_meet=rng.choice(MEET), city=rng.choice(CITIES), weekday=rng.choice(WEEKDAYS),
        when=rng.choice(WHEN), team=rng.choice(TEAMS), team2=rng.choice(TEAMS),
        s1=rng.randint(0, 4), s2=rng.randint(0, 4), temp=rng.randint(20, 41),
        pct=f"{rng.randint(0, 9)}.{rng.randint(1, 9)}", n=rng.randint(2, 9),
        company=rng.choice(COMPANIES), ca=a[0], cb=b[0],
    )
    return sentence[0].upper() + sentence[1:]


def generate(n_articles: int, n_sentences: int, political: float, seed: int) -> list[Document]:
    """Deterministic news-like articles: ``political`` of the sentences are event sentences."""
    rng = random.Random(seed)
    kinds = sorted(OTHER)
    docs = []
    for i in range(n_articles):
        n_pol = round(n_sentences * political)
        picks = [rng.choice(POLITICAL) for _ in range(n_pol)]
        picks += [rng.choice(OTHER[kinds[j % len(kinds)]]) for j in range(i, i + n_sentences - n_pol)]
        rng.shuffle(picks)
        sentences = [_fill(rng, t) for t in picks]
        paragraphs = ["  ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
        docs.append(Document(id=f"gen{i:05d}", title=_fill(rng, rng.choice(POLITICAL)).rstrip("."),
                             body="\n\n".join(paragraphs), date="2025-06-11"))
    return docs


def event_keys(coded) -> Counter:  # type: ignore[no-untyped-def]
    return Counter((c.document.id, e.source_code, e.target_code, e.cameo_code, e.sentence_index)
                   for c in coded for e in c.events)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--sentences", type=int, default=12, help="body sentences per article")
    ap.add_argument("--political", type=float, default=0.3, help="share of political sentences")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (best is kept)")
    args = ap.parse_args()
    docs = generate(args.articles, args.sentences, args.political, args.seed)
    on, off = Coder(Options(prefilter=True)), Coder(Options(prefilter=False))
    nlp = on.nlp
    texts = [t for d in docs for t in (d.title, d.body) if t]
    list(on.code_many(docs[:5]))  # warm-up: lazy tables, caches, dateparser import
    list(nlp.pipe(texts[:5]))
    t_full, t_on = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=on.options.batch_size))
        t_full.append(time.perf_counter() - start)
        start = time.perf_counter()
        coded_on = list(on.code_many(docs))
        t_on.append(time.perf_counter() - start)
    coded_off = list(off.code_many(docs))
    k_on, k_off = event_keys(coded_on), event_keys(coded_off)
    lost, n_off = sum((k_off - k_on).values()), sum(k_off.values())
    skipped: Counter[str] = Counter()
    for c in coded_on:
        skipped.update(c.skipped)
    n_sent = sum(len(c.sentences) for c in coded_on)
    print(f"corpus: {len(docs)} generated articles (seed {args.seed}), {n_sent} sentences, "
          f"{sum(len(t) for t in texts)} characters, {args.political:.0%} political body sentences")
    print(f"rounds (s): full {' '.join(f'{t:.2f}' for t in t_full)}; coder {' '.join(f'{t:.2f}' for t in t_on)}")
    print(f"spaCy pipeline over all the text (nlp.pipe): {min(t_full):.2f} s")
    print(f"coder, prefilter on: {min(t_on):.2f} s")
    paired = sorted(on_ / full for on_, full in zip(t_on, t_full, strict=True))
    print(f"ratio = {min(t_on) / min(t_full):.2f} (target <= 0.6); per round (same-round pairs, "
          f"robust to load from other processes): {' '.join(f'{r:.2f}' for r in paired)}")
    print(f"sentences not parsed with the prefilter on: {dict(skipped)} of {n_sent}")
    print(f"events: {n_off} with prefilter off, {sum(k_on.values())} with it on; "
          f"lost {lost} = {100 * lost / max(n_off, 1):.2f}% (target < 1%)")
    print("command: .venv/bin/python bench/bench_pipeline_ratio.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
