"""The event database schema, as numbered migrations applied on open.

Each migration runs once, in its own transaction, and is recorded in
``schema_migrations(version, name, applied_at)``. Never edit a released
migration: add a new one. Column names documented in docs/store.md are a
contract with analysis/ and web/: add columns, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


_V1 = """
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status TEXT,              -- running | finished | interrupted
    command TEXT,             -- the arguments, as JSON
    n_coded INT, n_duplicate INT, n_quarantined INT, n_skipped INT, n_events INT
);
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    seq BIGINT,               -- order in which articles entered the database
    content_hash TEXT,
    story_id TEXT,            -- article_id of the first article of its near-duplicate story
    duplicate_of TEXT,        -- the earlier near-duplicate this article matched (NULL: first of story)
    title TEXT, outlet TEXT, source TEXT, url TEXT, date DATE,
    path TEXT, position TEXT, format TEXT, body TEXT,
    n_sentences INT, n_events INT, n_mentions INT,
    skipped TEXT,             -- JSON: reason -> number of sentences not parsed
    run_id TEXT
);
CREATE TABLE sentences (
    article_id TEXT, sentence_index INT, field TEXT, start_char INT, end_char INT
);
CREATE TABLE mentions (
    article_id TEXT, sentence_index INT, field TEXT, start_char INT, end_char INT,
    text TEXT, code TEXT, country TEXT, agent TEXT, name TEXT, role TEXT, kind TEXT,
    entity_id TEXT
);
CREATE TABLE article_events (
    article_id TEXT, event_id TEXT,
    source_code TEXT, target_code TEXT, source_country TEXT, target_country TEXT,
    source_text TEXT, target_text TEXT, source_name TEXT, target_name TEXT,
    cameo_code TEXT, plover_type TEXT, plover_mode TEXT, goldstein DOUBLE, quad_class INT,
    event_date DATE, date_text TEXT, sentence_index INT, sentence TEXT, field TEXT,
    source_start INT, source_end INT, target_start INT, target_end INT,
    trigger_start INT, trigger_end INT, trigger_text TEXT,
    attribution TEXT, attribution_code TEXT, negated BOOLEAN, hypothetical BOOLEAN,
    pattern TEXT,
    evidence TEXT             -- JSON list of every place in the article reporting the event
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    event_date DATE, source_code TEXT, target_code TEXT,
    source_country TEXT, target_country TEXT, source_name TEXT, target_name TEXT,
    cameo_code TEXT, root_code TEXT, plover_type TEXT, plover_mode TEXT,
    goldstein DOUBLE, quad_class INT,
    num_mentions INT, num_articles INT, num_sources INT, num_stories INT,
    first_article_id TEXT
);
CREATE TABLE quarantine (
    path TEXT, position TEXT, reason TEXT, kind TEXT, run_id TEXT
);
CREATE TABLE inputs (
    path TEXT, position TEXT, content_hash TEXT,
    status TEXT,              -- coded | duplicate | quarantined
    article_id TEXT, run_id TEXT
);
CREATE TABLE article_minhash (article_id TEXT PRIMARY KEY, signature BLOB);
CREATE INDEX article_events_event ON article_events(event_id);
CREATE INDEX articles_hash ON articles(content_hash);
"""

# Monthly dyad summary kept up to date with `events` (writer.refresh_events), so that a
# dyad time series reads a few hundred rows instead of scanning every event; and the first
# report of each event on its row, so that export reads `events` alone.
_V2 = """
ALTER TABLE events ADD COLUMN source_text TEXT;
ALTER TABLE events ADD COLUMN target_text TEXT;
ALTER TABLE events ADD COLUMN sentence TEXT;
ALTER TABLE events ADD COLUMN url TEXT;
ALTER TABLE events ADD COLUMN outlet TEXT;
ALTER TABLE events ADD COLUMN story_id TEXT;
ALTER TABLE events ADD COLUMN article_date DATE;
UPDATE events SET source_text = f.source_text, target_text = f.target_text,
       sentence = f.sentence, url = f.url, outlet = f.outlet, story_id = f.story_id,
       article_date = f.date
FROM (
    SELECT ae.event_id, ae.source_text, ae.target_text, ae.sentence, a.url,
           coalesce(a.outlet, a.source) AS outlet, a.story_id, a.date
    FROM article_events ae JOIN articles a USING (article_id)
    JOIN events e ON e.event_id = ae.event_id AND e.first_article_id = ae.article_id
    QUALIFY row_number() OVER (PARTITION BY ae.event_id
                               ORDER BY ae.sentence_index, ae.trigger_start) = 1
) f
WHERE events.event_id = f.event_id;
CREATE TABLE dyad_months (
    source_country TEXT NOT NULL,   -- '' when the event has none
    target_country TEXT NOT NULL,
    month DATE NOT NULL,
    events BIGINT, articles BIGINT,
    goldstein_x10 BIGINT,           -- sum of round(goldstein * 10): exact, whatever the batches
    quad1 BIGINT, quad2 BIGINT, quad3 BIGINT, quad4 BIGINT,
    PRIMARY KEY (source_country, target_country, month)
);
INSERT INTO dyad_months
SELECT coalesce(source_country, ''), coalesce(target_country, ''),
       date_trunc('month', event_date)::DATE, count(*), sum(num_articles),
       sum(round(goldstein * 10)::BIGINT), count(*) FILTER (quad_class = 1),
       count(*) FILTER (quad_class = 2), count(*) FILTER (quad_class = 3),
       count(*) FILTER (quad_class = 4)
FROM events WHERE event_date IS NOT NULL GROUP BY ALL;
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _V1),
    Migration(2, "monthly dyad summary", _V2),
]

SCHEMA_VERSION = MIGRATIONS[-1].version


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP)"
    )
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations not yet applied, each in a transaction; return their versions."""
    done = applied_versions(con)
    newer = [m for m in MIGRATIONS if m.version not in done]
    if done and max(done) > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {max(done)} is newer than this dyadwatch "
            f"({SCHEMA_VERSION}); upgrade dyadwatch"
        )
    for m in newer:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(m.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)", [m.version, m.name]
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {m.version} ({m.name}) failed: {exc}") from None
    return [m.version for m in newer]
