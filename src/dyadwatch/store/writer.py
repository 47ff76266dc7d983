"""The single database writer: classifies inputs, then writes them a batch per transaction.

Every input gets one row in ``inputs`` keyed by (path, position, content hash):
``coded`` (a new article), ``duplicate`` (same content as a stored article, not
re-coded) or ``quarantined``. An input whose key is already there is skipped,
which makes ingest idempotent, and since a batch is one transaction, a run
killed at any moment resumes where the last committed batch ended.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import CodedDocument, Document, Problem
from . import rows
from .dedup import StoryIndex, content_hash, minhash, signature

InputKey = tuple[str, str, str]


@dataclass
class IngestCounts:
    coded: int = 0
    duplicate: int = 0
    quarantined: int = 0
    skipped: int = 0  # already in the database (idempotent re-run)
    events: int = 0  # article_events rows written

    def add(self, other: IngestCounts) -> None:
        for name in ("coded", "duplicate", "quarantined", "skipped", "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class Item:
    """One input on its way to the database, in input order."""

    path: str
    position: str
    status: str  # code | duplicate | quarantined | skip
    content_hash: str = ""
    article_id: str | None = None
    document: Document | None = None
    coded: CodedDocument | None = None
    problem: Problem | None = None

    def fail(self, reason: str, kind: str) -> None:
        """Coding this input failed: it goes to the quarantine."""
        self.status = "quarantined"
        self.problem = Problem(self.path, reason, self.position or None, kind)


def _abs(path: str | None) -> str:
    """Input paths are stored absolute: the same file named two ways is one input."""
    return os.path.abspath(path) if path else ""


def _item(x: Document | Problem) -> Item:
    if isinstance(x, Problem):
        x.path = _abs(x.path)
        return Item(x.path, x.position or "", "quarantined", problem=x)
    x.path = _abs(x.path) or None
    return Item(x.path or "", x.position or "", "code", content_hash(x.title, x.body), x.id,
                document=x)


@dataclass
class Writer:
    """Decides what becomes of each input and writes batches.

    What is already in the database is looked up batch by batch (nothing grows with
    the size of the database but the bounded story index); what this run has seen
    is kept in memory.
    """

    run_id: str
    keys: set[InputKey] = field(default_factory=set)  # input keys known (this run, or looked up)
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> article id (stored or coming)
    stored: set[str] = field(default_factory=set)  # article ids known to be in the database
    claimed: set[str] = field(default_factory=set)  # article ids stored or on their way
    failed: dict[str, Problem] = field(default_factory=dict)  # content hash -> why coding failed
    stories: StoryIndex = field(default_factory=StoryIndex)
    next_seq: int = 0

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, run_id: str) -> Writer:
        w = cls(run_id)
        w.stories = StoryIndex.load(con)
        w.next_seq = con.execute("SELECT coalesce(max(seq) + 1, 0) FROM articles").fetchall()[0][0]
        return w

    def classify(self, con: duckdb.DuckDBPyConnection,
                 inputs: list[Document | Problem]) -> list[Item]:
        """Decide, before any coding and in input order, what becomes of each input."""
        items = [_item(x) for x in inputs]
        self._lookup(con, items)
        for item in items:
            self._decide(item)
        return items

    def _lookup(self, con: duckdb.DuckDBPyConnection, items: list[Item]) -> None:
        """Learn which of these keys, texts and article ids the database already holds."""
        batch = pa.table({
            "path": [i.path for i in items], "position": [i.position for i in items],
            "content_hash": [i.content_hash for i in items],
            "article_id": pa.array([i.article_id for i in items], type=pa.string()),
        })
        con.register("_dyadwatch_batch", batch)
        try:
            self.keys.update(tuple(r) for r in con.execute(  # type: ignore[misc]
                "SELECT i.path, coalesce(i.position, ''), coalesce(i.content_hash, '') "
                "FROM inputs i JOIN _dyadwatch_batch b ON i.path = b.path "
                "AND coalesce(i.position, '') = b.position "
                "AND coalesce(i.content_hash, '') = b.content_hash").fetchall())
            for chash, article_id in con.execute(
                    "SELECT content_hash, article_id FROM articles WHERE content_hash IN "
                    "(SELECT content_hash FROM _dyadwatch_batch)").fetchall():
                self.hashes[chash] = article_id
                self.stored.add(article_id)
            for (article_id,) in con.execute(
                    "SELECT article_id FROM articles WHERE article_id IN "
                    "(SELECT article_id FROM _dyadwatch_batch)").fetchall():
                self.stored.add(article_id)
                self.claimed.add(article_id)
        finally:
            con.unregister("_dyadwatch_batch")

    def _decide(self, item: Item) -> None:
        key = (item.path, item.position, item.content_hash)
        if key in self.keys:
            item.status = "skip"
            return
        self.keys.add(key)
        if item.status != "code":
            return
        doc_id = item.article_id or ""
        if item.content_hash in self.hashes:
            item.status, item.article_id, item.document = "duplicate", self.hashes[item.content_hash], None
        elif doc_id in self.claimed:
            item.fail(f"article id {doc_id} already used by a different text", "conflict")
        else:
            self.hashes[item.content_hash] = doc_id
            self.claimed.add(doc_id)

    def write(self, con: duckdb.DuckDBPyConnection, items: list[Item],
              before_commit: Callable[[], None] | None = None) -> IngestCounts:
        """Write a batch of classified (and coded) items in one transaction."""
        counts = IngestCounts()
        con.execute("BEGIN TRANSACTION")
        try:
            touched = self._write_items(con, items, counts)
            refresh_events(con, touched)
            if before_commit is not None:
                before_commit()
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot write to the database: {exc}") from None
        except BaseException:  # Ctrl-C mid-batch: nothing of this batch is kept
            con.execute("ROLLBACK")
            raise
        return counts

    def _write_items(self, con: duckdb.DuckDBPyConnection, items: list[Item],
                     counts: IngestCounts) -> set[str]:
        out: dict[str, list[tuple[Any, ...]]] = {table: [] for table in rows.COLUMNS}
        for item in items:
            if item.status == "skip":
                counts.skipped += 1
                continue
            if item.status == "duplicate" and item.article_id not in self.stored:
                # the same text failed earlier: same outcome as if it were coded again
                first = self.failed.get(item.content_hash)
                item.fail(first.reason if first else "duplicate of an input that was not stored",
                          first.kind if first else "error")
            if item.status == "code" and item.coded is not None:
                self._article_rows(item.coded, item.content_hash, out)
                counts.coded += 1
                counts.events += len(item.coded.events)
            elif item.status == "duplicate":
                counts.duplicate += 1
            else:
                self._problem_rows(item, out)
                counts.quarantined += 1
            out["inputs"].append((item.path, item.position, item.content_hash,
                                  _status(item.status),
                                  item.article_id if item.status != "quarantined" else None,
                                  self.run_id))
        for table, values in out.items():
            _insert(con, table, values)
        return {r[1] for r in out["article_events"]}

    def _problem_rows(self, item: Item, out: dict[str, list[tuple[Any, ...]]]) -> None:
        if item.status == "code":  # nothing came back for it
            item.fail("the coder returned no result", "error")
        p = item.problem
        assert p is not None
        if item.content_hash:
            self.failed.setdefault(item.content_hash, p)
        out["quarantine"].append((item.path, item.position, p.reason, p.kind, self.run_id))

    def _article_rows(self, cd: CodedDocument, chash: str,
                      out: dict[str, list[tuple[Any, ...]]]) -> None:
        d = cd.document
        m = minhash(d.title, d.body)
        story_id, duplicate_of = self.stories.assign(d.id, self.next_seq, m)
        out["articles"].append(
            rows.article_row(cd, self.next_seq, chash, story_id, duplicate_of, self.run_id))
        self.next_seq += 1
        self.stored.add(d.id)
        out["article_minhash"].append((d.id, signature(m)))
        out["sentences"].extend(rows.sentence_rows(cd))
        out["mentions"].extend(rows.mention_rows(cd))
        out["article_events"].extend(rows.event_row(d.id, e) for e in cd.events)


def _status(status: str) -> str:
    return "coded" if status == "code" else status


def _insert(con: duckdb.DuckDBPyConnection, table: str, values: list[tuple[Any, ...]]) -> None:
    """Bulk insert through Arrow: one statement per table and batch (row inserts are slow)."""
    if not values:
        return
    columns = rows.COLUMNS[table]
    data = pa.table({c: pa.array([v[i] for v in values], type=rows.ARROW_TYPES.get(c))
                     for i, c in enumerate(columns)})
    con.register("_dyadwatch_rows", data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM _dyadwatch_rows")
    finally:
        con.unregister("_dyadwatch_rows")


EVENT_TABLE_COLUMNS = (
    "event_id", "event_date", "source_code", "target_code", "source_country", "target_country",
    "source_name", "target_name", "cameo_code", "root_code", "plover_type", "plover_mode",
    "goldstein", "quad_class", "num_mentions", "num_articles", "num_sources", "num_stories",
    "first_article_id", "source_text", "target_text", "sentence", "url", "outlet", "story_id",
    "article_date",
)
# "first" = the earliest report: first article in arrival order, then first sentence in it
_FIRST = "[a.seq, ae.sentence_index, ae.trigger_start]"
_AGGREGATE = f"""
INSERT INTO events ({", ".join(EVENT_TABLE_COLUMNS)})
SELECT ae.event_id,
       any_value(ae.event_date), any_value(ae.source_code), any_value(ae.target_code),
       arg_min(ae.source_country, {_FIRST}), arg_min(ae.target_country, {_FIRST}),
       arg_min(ae.source_name, {_FIRST}), arg_min(ae.target_name, {_FIRST}),
       any_value(ae.cameo_code), left(any_value(ae.cameo_code), 2),
       arg_min(ae.plover_type, {_FIRST}), arg_min(ae.plover_mode, {_FIRST}),
       arg_min(ae.goldstein, {_FIRST}), arg_min(ae.quad_class, {_FIRST}),
       count(*), count(DISTINCT ae.article_id),
       count(DISTINCT coalesce(a.outlet, a.source, nullif(regexp_extract(a.url, '://([^/]+)', 1), ''), '?')),
       count(DISTINCT a.story_id), arg_min(ae.article_id, {_FIRST}),
       arg_min(ae.source_text, {_FIRST}), arg_min(ae.target_text, {_FIRST}),
       arg_min(ae.sentence, {_FIRST}), arg_min(a.url, {_FIRST}),
       arg_min(coalesce(a.outlet, a.source), {_FIRST}), arg_min(a.story_id, {_FIRST}),
       arg_min(a.date, {_FIRST})
FROM article_events ae
JOIN (SELECT * FROM articles WHERE article_id IN ({{articles}})) a USING (article_id)
WHERE ae.event_id IN ({{events}})
GROUP BY ae.event_id
"""


_MONTHS = """
INSERT INTO dyad_months
SELECT coalesce(source_country, ''), coalesce(target_country, ''),
       date_trunc('month', event_date)::DATE, {s} * count(*), {s} * sum(num_articles),
       {s} * sum(round(goldstein * 10)::BIGINT), {s} * count(*) FILTER (quad_class = 1),
       {s} * count(*) FILTER (quad_class = 2), {s} * count(*) FILTER (quad_class = 3),
       {s} * count(*) FILTER (quad_class = 4)
FROM events WHERE {where} event_date IS NOT NULL
GROUP BY ALL
ON CONFLICT (source_country, target_country, month) DO UPDATE SET
    events = events + excluded.events, articles = articles + excluded.articles,
    goldstein_x10 = goldstein_x10 + excluded.goldstein_x10, quad1 = quad1 + excluded.quad1,
    quad2 = quad2 + excluded.quad2, quad3 = quad3 + excluded.quad3, quad4 = quad4 + excluded.quad4
"""


def refresh_events(con: duckdb.DuckDBPyConnection, event_ids: set[str]) -> None:
    """Recompute the corpus-level rows of these events (and the monthly dyad summary)."""
    if not event_ids:
        return
    # literal IN lists, not a parameter: DuckDB then looks them up in the key indexes
    # instead of scanning article_events and articles (1.8 s -> see docs/store.md)
    events = _sql_list(event_ids)
    reports = con.execute(
        f"SELECT DISTINCT article_id FROM article_events WHERE event_id IN ({events})").fetchall()
    articles = _sql_list({r[0] for r in reports})
    these = f"event_id IN ({events}) AND"
    con.execute(_MONTHS.format(s=-1, where=these))  # take the old rows out of the summary
    con.execute(f"DELETE FROM events WHERE event_id IN ({events})")
    con.execute(_AGGREGATE.format(events=events, articles=articles))
    con.execute(_MONTHS.format(s=1, where=these))
    con.execute("DELETE FROM dyad_months WHERE events = 0")


def _sql_list(values: set[str]) -> str:
    """SQL string literals, quotes doubled: 'a', 'b''s'."""
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


def rebuild_dyad_months(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the monthly dyad summary from ``events`` (after writing events directly)."""
    con.execute("DELETE FROM dyad_months")
    con.execute(_MONTHS.format(s=1, where=""))
