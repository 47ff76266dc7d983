"""Ingest with the real pipeline on a few small articles (loads the spaCy model)."""

from __future__ import annotations

import pytest

from dyadwatch.distributed import CoderSpec
from dyadwatch.options import Options
from dyadwatch.store import connect
from dyadwatch.store.ingest import Ingestor
from dyadwatch.store.stats import stats

pytestmark = pytest.mark.model

ARTICLES = {
    "a.txt": "China accused South Korea of violating its airspace on Monday. "
             "The Chinese foreign ministry said the flights were a provocation.",
    "b.txt": "Japanese Prime Minister met South Korean President in Seoul on Tuesday "
             "to discuss trade and security.",
    "c.txt": "China accused South Korea of violating its airspace on Monday. "
             "The Chinese foreign ministry said the flights were a provocation.",
}


def test_real_pipeline_ingest_stores_events_with_evidence(tmp_path):
    files = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    con = connect()
    report = Ingestor(con, CoderSpec(Options(date="2025-06-11"))).run(files)
    assert (report.counts.coded, report.counts.duplicate) == (2, 1)
    s = stats(con)
    assert s["inputs"] == 3 and s["events"] >= 1
    rows = con.execute(
        "SELECT a.body, a.title, ae.field, ae.trigger_start, ae.trigger_end, ae.trigger_text, "
        "ae.source_country FROM article_events ae JOIN articles a USING (article_id)"
    ).fetchall()
    for body, title, field, t0, t1, trigger, _ in rows:
        text = title if field == "title" else body
        assert text[t0:t1] == trigger
    assert ("CHN", "KOR") in set(con.execute(
        "SELECT source_country, target_country FROM events").fetchall())
