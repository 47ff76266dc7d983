"""Exact and near-duplicate articles.

Exact duplicates: same SHA-256 of the normalised title + body (case, spacing
and punctuation ignored). Near duplicates (the same wire story republished by
many outlets): MinHash LSH (datasketch) over word 5-shingles; an article whose
estimated Jaccard similarity with an earlier one reaches the threshold joins
that article's story. Story ids are the article id of the first article of the
story, and the choice among several matching stories is the earliest one, so
the grouping depends only on the order of the inputs, never on batch
boundaries or on how many processes coded them. The index remembers the
latest WINDOW articles (by arrival), so memory stays bounded on a database
that grows day after day; a story republished after that is a new story.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from dataclasses import dataclass, field

import duckdb
import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.7
SHINGLE = 5
WINDOW = 150_000  # articles the story index remembers (the latest, by arrival): ~3.5 KB each
SCHEME = "affine32"
SEED = 1
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(title: str | None, body: str) -> str:
    """Lower-cased words of title and body, single-spaced: what identity is computed on."""
    return " ".join(_WORD.findall(f"{title or ''}\n{body}".lower()))


def content_hash(title: str | None, body: str) -> str:
    return hashlib.sha256(normalise(title, body).encode("utf-8")).hexdigest()


def minhash(title: str | None, body: str) -> LeanMinHash:
    """MinHash of the word shingles of title + body."""
    words = normalise(title, body).split()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=SCHEME)
    if len(words) < SHINGLE:
        shingles = [" ".join(words)]
    else:
        shingles = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    m.update_batch([s.encode("utf-8") for s in shingles])
    return LeanMinHash(m)


def signature(m: LeanMinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_signature(blob: bytes) -> LeanMinHash:
    values = np.frombuffer(blob, dtype=np.uint64)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


@dataclass
class StoryIndex:
    """LSH over the articles already stored: assigns each new article its story."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM))
    story: dict[str, str] = field(default_factory=dict)  # article_id -> story_id
    seq: dict[str, int] = field(default_factory=dict)  # article_id -> order of arrival
    signatures: dict[str, LeanMinHash] = field(default_factory=dict)
    order: deque[str] = field(default_factory=deque)  # article ids by arrival, oldest first
    window: int = WINDOW

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, window: int = WINDOW) -> StoryIndex:
        """The index over the latest ``window`` articles of the database."""
        index = cls(window=window)
        rows = con.execute(
            "SELECT * FROM (SELECT a.article_id, a.story_id, a.seq, m.signature FROM articles a "
            "JOIN article_minhash m USING (article_id) ORDER BY a.seq DESC LIMIT ?) ORDER BY seq",
            [window],
        ).fetchall()
        for article_id, story_id, seq, blob in rows:
            index._add(article_id, story_id, seq, from_signature(blob))
        return index

    def _add(self, article_id: str, story_id: str, seq: int, m: LeanMinHash) -> None:
        self.lsh.insert(article_id, m)
        self.story[article_id] = story_id
        self.seq[article_id] = seq
        self.signatures[article_id] = m
        self.order.append(article_id)
        while len(self.order) > self.window:  # forget the oldest: same rule on load and on add
            old = self.order.popleft()
            self.lsh.remove(old)
            del self.story[old], self.seq[old], self.signatures[old]

    def assign(self, article_id: str, seq: int, m: LeanMinHash) -> tuple[str, str | None]:
        """Add an article; return (story_id, the earlier article it near-duplicates or None)."""
        matches = [
            a for a in self.lsh.query(m)
            if a != article_id and self.signatures[a].jaccard(m) >= THRESHOLD
        ]
        if matches:
            first = min(matches, key=lambda a: self.seq[a])
            story_id, duplicate_of = self.story[first], first
        else:
            story_id, duplicate_of = article_id, None
        self._add(article_id, story_id, seq, m)
        return story_id, duplicate_of
