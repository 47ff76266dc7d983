"""--workers N and --scheduler (Dask LocalCluster of 2 workers) give the single-process database."""

from __future__ import annotations

import pytest

from dyadwatch.distributed import CoderSpec, DaskRunner, LocalRunner, PoolRunner, code_batch
from dyadwatch.model import Document
from dyadwatch.options import Options
from dyadwatch.store import connect
from dyadwatch.store.ingest import Ingestor, IngestSettings
from dyadwatch.store.stats import table_contents
from dyadwatch.store.stubcoder import synthetic_texts

SPEC = CoderSpec(Options(date="2025-02-03"), "dyadwatch.store.stubcoder:StubCoder")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    files = []
    for i, text in enumerate(synthetic_texts(40, seed=5)):
        (d / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        files.append(str(d / f"a{i:03d}.txt"))
    (d / "z_crash.txt").write_text("CHN accuses KOR. STUB-CRASH", encoding="utf-8")
    return [*files, str(d / "z_crash.txt")]


def _ingest(files, runner):
    con = connect()
    report = Ingestor(con, SPEC, IngestSettings(batch=3)).run(files, runner)
    assert report.counts.coded > 0
    return table_contents(con)


@pytest.fixture(scope="module")
def single(corpus):
    return _ingest(corpus, LocalRunner(SPEC))


def test_process_pool_equals_single_process(corpus, single):
    runner = PoolRunner(SPEC, 2)
    try:
        assert _ingest(corpus, runner) == single
    finally:
        runner.close()


def test_dask_local_cluster_equals_single_process(corpus, single):
    runner = DaskRunner(SPEC, "local", workers=2, cluster_kwargs={"processes": False})
    try:
        assert runner.workers == 2
        assert _ingest(corpus, runner) == single
    finally:
        runner.close()


def test_a_failing_document_does_not_sink_its_batch():
    docs = [Document("a", "CHN accuses KOR."), Document("b", "STUB-CRASH"), Document("c", "x")]
    results = code_batch(SPEC, docs)
    assert [type(r).__name__ for r in results] == ["CodedDocument", "str", "CodedDocument"]
    assert "coder failed" in results[1]
