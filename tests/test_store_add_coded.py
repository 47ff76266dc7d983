"""Store: add_coded() with hand-made coded documents (no NLP model)."""

from __future__ import annotations

from dyadwatch.model import Document
from dyadwatch.options import Options
from dyadwatch.store import add_coded, connect
from dyadwatch.store.stats import stats
from dyadwatch.store.stubcoder import StubCoder

WIRE = (
    "CHN accuses KOR of violating its airspace near the disputed islands on Monday morning. "
    "The foreign ministry spokesman told reporters in Beijing that the incursion was a serious "
    "provocation and demanded an explanation from Seoul within days, while officials in Seoul "
    "said the aircraft had stayed in international airspace throughout the whole exercise."
)


def coded(doc_id: str, body: str, outlet: str | None = None, n: int = 1, date: str = "2025-05-05"):
    doc = Document(id=doc_id, body=body, outlet=outlet, path="feed.jsonl", position=f"line {n}",
                   date=date)
    return StubCoder(Options()).code(doc)


def test_articles_evidence_and_aggregated_events():
    con = connect()
    docs = [
        coded("a1", WIRE, "Xinhua", 1),
        coded("a2", WIRE + " An update followed.", "Yonhap", 2),  # near duplicate: same story
        coded("a3", "USA meets JPN in Tokyo. Later CHN accuses KOR again.", "AP", 3),
    ]
    counts = add_coded(con, docs, "r1")
    assert (counts.coded, counts.duplicate, counts.quarantined, counts.events) == (3, 0, 0, 4)
    stories = dict(con.execute("SELECT article_id, story_id FROM articles").fetchall())
    assert stories == {"a1": "a1", "a2": "a1", "a3": "a3"}
    ev = con.execute(
        "SELECT num_mentions, num_articles, num_sources, num_stories, first_article_id, root_code "
        "FROM events WHERE source_country = 'CHN' AND target_country = 'KOR'"
    ).fetchall()
    assert ev == [(3, 3, 3, 2, "a1", "11")]
    row = con.execute(
        "SELECT sentence, trigger_text, trigger_start, trigger_end, source_start, target_end "
        "FROM article_events WHERE article_id = 'a1'"
    ).fetchone()
    sentence, trigger, t0, t1, s0, e1 = row
    assert trigger == "accuses" and WIRE[t0:t1] == "accuses" and WIRE[s0:e1] == "CHN accuses KOR"
    assert sentence.startswith("CHN accuses KOR")
    assert con.execute("SELECT n_sentences FROM articles WHERE article_id = 'a3'").fetchone() == (2,)


def test_exact_duplicate_is_an_input_not_an_article_and_rerun_adds_nothing():
    con = connect()
    first = [coded("a1", WIRE, "Xinhua", 1)]
    add_coded(con, first, "r1")
    again = coded("a1", "  chn ACCUSES kor of violating its airspace" + WIRE[41:], "Other", 7)
    counts = add_coded(con, [again], "r2")
    assert (counts.coded, counts.duplicate) == (0, 1)
    assert add_coded(con, first + [again], "r3").skipped == 2
    s = stats(con)
    assert (s["inputs"], s["articles"], s["duplicates"], s["events"]) == (2, 1, 1, 1)
    assert s["inputs"] == s["articles"] + s["duplicates"] + s["quarantined"]
    assert con.execute("SELECT num_mentions FROM events").fetchall() == [(1,)]


def test_same_id_different_text_is_quarantined_as_conflict():
    con = connect()
    add_coded(con, [coded("a1", WIRE, n=1)], "r1")
    counts = add_coded(con, [coded("a1", "USA meets JPN.", n=2)], "r1")
    assert counts.quarantined == 1
    assert con.execute("SELECT kind FROM quarantine").fetchall() == [("conflict",)]


def test_events_are_split_by_date_and_code():
    con = connect()
    add_coded(con, [coded("a1", "CHN accuses KOR.", n=1, date="2025-01-01"),
                    coded("a2", "Later CHN accuses KOR again.", n=2, date="2025-01-02"),
                    coded("a3", "CHN threatens KOR.", n=3, date="2025-01-02")], "r1")
    assert con.execute("SELECT count(*), sum(num_mentions) FROM events").fetchone() == (3, 3)


def test_monthly_dyad_summary_follows_the_events():
    from dyadwatch.store.queries import dyad_series
    from dyadwatch.store.writer import rebuild_dyad_months

    con = connect()
    texts = ["CHN accuses KOR.", "Again CHN accuses KOR.", "CHN threatens KOR. KOR accuses CHN.",
             "Later, CHN helps KOR.", "CHN accuses KOR, said KOR."]
    for i, text in enumerate(texts):  # one call each: events already stored gain articles
        add_coded(con, [coded(f"a{i}", text, f"outlet{i}", i, date=f"2025-0{1 + i % 2}-10")], "r")
    incremental = dyad_series(con, "CHN", "KOR", both_directions=True)
    direct = con.execute("""
        SELECT date_trunc('month', event_date)::DATE, count(*), sum(num_articles), avg(goldstein),
               count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
               count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4)
        FROM events GROUP BY 1 ORDER BY 1""").fetchall()
    assert [r[:3] + r[4:] for r in incremental] == [r[:3] + r[4:] for r in direct]
    assert [round(r[3], 6) for r in incremental] == [round(r[3], 6) for r in direct]
    assert con.execute("SELECT count(*), max(num_articles) FROM events").fetchone() == (5, 2)
    assert sum(r[2] for r in incremental) == 6
    before = con.execute("SELECT * FROM dyad_months ORDER BY ALL").fetchall()
    rebuild_dyad_months(con)
    assert con.execute("SELECT * FROM dyad_months ORDER BY ALL").fetchall() == before


def test_story_index_window_forgets_the_oldest_articles_the_same_way_on_load():
    from dyadwatch.store.dedup import StoryIndex, minhash

    con = connect()
    add_coded(con, [coded("a1", WIRE, n=1), coded("a2", "USA meets JPN in Tokyo today.", n=2)], "r")
    index = StoryIndex.load(con, window=1)
    assert list(index.order) == ["a2"]
    assert index.assign("a3", 2, minhash(None, WIRE + " More.")) == ("a3", None)  # a1 forgotten
    assert list(index.order) == ["a3"]
    full = StoryIndex.load(con)
    assert full.assign("a3", 2, minhash(None, WIRE + " More.")) == ("a1", "a1")


def test_ids_with_quotes_are_safe_in_event_refresh():
    con = connect()
    add_coded(con, [coded("o'neil's", "CHN accuses KOR.", n=1)], "r")
    add_coded(con, [coded("x'); DROP TABLE events; --", "Again: CHN accuses KOR.", n=2)], "r")
    assert con.execute("SELECT num_articles, first_article_id FROM events").fetchall() == [
        (2, "o'neil's")]
