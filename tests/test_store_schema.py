"""Store: schema, migrations, connect()."""

from __future__ import annotations

import pytest

from dyadwatch.errors import StoreError
from dyadwatch.store import connect
from dyadwatch.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

CONTRACT = {
    "articles": {"article_id", "content_hash", "story_id", "duplicate_of", "title", "outlet",
                 "source", "url", "date", "path", "position", "format", "body", "n_sentences",
                 "n_events", "run_id"},
    "article_events": {"article_id", "event_id", "source_code", "target_code", "source_country",
                       "target_country", "source_text", "target_text", "cameo_code",
                       "plover_type", "plover_mode", "goldstein", "quad_class", "event_date",
                       "date_text", "sentence_index", "sentence", "field", "source_start",
                       "source_end", "target_start", "target_end", "trigger_start",
                       "trigger_end", "trigger_text", "attribution", "negated", "hypothetical"},
    "events": {"event_id", "event_date", "source_code", "target_code", "source_country",
               "target_country", "cameo_code", "root_code", "plover_type", "plover_mode",
               "goldstein", "quad_class", "num_mentions", "num_articles", "num_sources",
               "first_article_id"},
    "quarantine": {"path", "position", "reason", "kind", "run_id"},
    "inputs": {"path", "position", "content_hash", "status", "article_id", "run_id"},
    "runs": {"run_id", "started_at", "finished_at"},
    "schema_migrations": {"version", "name", "applied_at"},
}


def _columns(con, table):
    return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def test_connect_applies_migrations_with_the_contract_columns():
    con = connect()
    for table, columns in CONTRACT.items():
        assert columns <= _columns(con, table), table
    rows = con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


def test_migrations_run_once(tmp_path):
    db = tmp_path / "x.duckdb"
    connect(db).close()
    con = connect(db)
    assert migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_read_only_does_not_migrate_and_needs_an_existing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "missing.duckdb", read_only=True)
    connect(tmp_path / "x.duckdb").close()
    con = connect(tmp_path / "x.duckdb", read_only=True)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path):
    con = connect(tmp_path / "x.duckdb")
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now()::TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        connect(tmp_path / "x.duckdb")


def test_unopenable_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a duckdb file at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        connect(bad)


def test_migration_2_fills_the_new_columns_of_a_version_1_database(tmp_path):
    import duckdb

    from dyadwatch.model import Document
    from dyadwatch.options import Options
    from dyadwatch.store import add_coded
    from dyadwatch.store.stubcoder import StubCoder

    full = connect()
    docs = [StubCoder(Options()).code(Document(f"a{i}", text, date="2025-03-0" + str(i + 1),
                                               outlet="AP", url=f"https://ap.org/{i}"))
            for i, text in enumerate(["CHN accuses KOR.", "Then USA meets JPN. CHN accuses KOR."])]
    add_coded(full, docs, "r1")
    old = duckdb.connect(str(tmp_path / "v1.duckdb"))
    old.execute(MIGRATIONS[0].sql)
    old.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, "
                "applied_at TIMESTAMP)")
    old.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', now()::TIMESTAMP)")
    v1_event_columns = [r[0] for r in old.execute("DESCRIBE events").fetchall()]
    for table in ("articles", "article_events"):
        old.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(_columns(old, table)))})",
                        full.execute(f"SELECT * FROM {table}").fetchall())
    old.executemany(f"INSERT INTO events VALUES ({', '.join('?' * len(v1_event_columns))})",
                    full.execute(f"SELECT {', '.join(v1_event_columns)} FROM events").fetchall())
    old.close()
    con = connect(tmp_path / "v1.duckdb")
    query = "SELECT * FROM events ORDER BY event_id"
    assert con.execute(query).fetchall() == full.execute(query).fetchall()
    query = "SELECT * FROM dyad_months ORDER BY ALL"
    assert con.execute(query).fetchall() == full.execute(query).fetchall()
