"""Writing the search index: each entry's row (what a search shows, and the stems it is found by),
and the writer that stores rows in an SQLite FTS5 file beside the data's cache (search.py reads it).

The first read of a folder prepares the fiches' rows on every core (scan.py's workers) and hands
them to an `IndexWriter` as they come; `build` writes a whole index at once.
"""

import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from iae_cli.french import stemmed, words
from iae_cli.search import FORMAT, Entry, SearchIndex

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entries(rowid INTEGER PRIMARY KEY, kind TEXT, id TEXT, title TEXT, passages TEXT);
CREATE TABLE vocabulary(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2');
"""


class IndexRow(NamedTuple):
    """One entry as the index stores it: what a search shows (kind, id, title, passages as JSON),
    the stems it is found by, and its distinct words (for suggestions). Prepared apart from the
    index itself, so that the first read of a folder prepares the fiches' rows on every core."""

    kind: str
    id: str
    title: str
    passages: str
    title_stems: str
    body_stems: str
    words: str  # distinct words, space-separated (one string, not hundreds, per entry held in memory)


_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def index_row(entry: Entry) -> IndexRow:
    body = words("\n".join([text for _section, text in entry.passages]))
    title = stemmed(words(f"{entry.title} {entry.id.replace('-', ' ')}"))
    distinct = " ".join(dict.fromkeys(body))
    return IndexRow(entry.kind, entry.id, entry.title, _DUMPS(entry.passages), title, stemmed(body), distinct)


class IndexWriter:
    """An index being written, row by row: the first read of a folder hands it each fiche's row as
    the scan's workers deliver it (no row is held afterwards), then the other entries, then
    `finish` stores it. A file index is written beside its place and renamed into place at the end,
    so that its pages stay out of the process's memory and no half-written index is ever read."""

    BATCH = 500

    def __init__(self, connection: sqlite3.Connection, signature: str, place: tuple[Path, Path] | None = None) -> None:
        self.connection = connection
        self._place = place  # (the temporary file written, the index's own file)
        self._pending: list[tuple[int, IndexRow]] = []
        self._count = 0
        self._vocabulary: set[str] = set()
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('signature', ?)", (f"{FORMAT}:{signature}",))

    @classmethod
    def create(cls, path: Path, signature: str) -> "IndexWriter | None":
        """A writer of the index file at `path`; None when its folder cannot be written."""
        import tempfile

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".iae-", suffix=".tmp")
            os.close(handle)
        except OSError:
            return None
        try:
            return cls(sqlite3.connect(temporary), signature, (Path(temporary), path))
        except sqlite3.Error:
            Path(temporary).unlink(missing_ok=True)
            return None

    def add(self, row: IndexRow) -> None:
        self._count += 1
        self._pending.append((self._count, row))
        if len(self._pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        batch, self._pending = self._pending, []
        for _rowid, row in batch:
            self._vocabulary.update(row.words.split())
        self.connection.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?)", [(n, r.kind, r.id, r.title, r.passages) for n, r in batch]
        )
        self.connection.executemany(
            "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", [(n, r.title_stems, r.body_stems) for n, r in batch]
        )

    def finish(self, rows: Iterable[IndexRow] = ()) -> SearchIndex:
        """Add the last rows, store the index and open it for searching (in memory: this connection)."""
        for row in rows:
            self.add(row)
        self._flush()
        kept = sorted(w for w in self._vocabulary if len(w) > 2 and not w.isdigit())
        self.connection.executemany("INSERT INTO vocabulary VALUES (?)", ((w,) for w in kept))
        self.connection.commit()
        if self._place is None:
            return SearchIndex(self.connection)
        temporary, path = self._place
        self.connection.close()
        os.replace(temporary, path)
        return SearchIndex(sqlite3.connect(f"file:{path}?mode=ro", uri=True))

    def abandon(self) -> None:
        """Drop an index that will not be stored (the data had problems, or the cache was not written)."""
        self.connection.close()
        if self._place is not None:
            self._place[0].unlink(missing_ok=True)


def build(rows: Iterable[IndexRow], path: Path | None = None, signature: str = "") -> SearchIndex:
    """Index the rows (`index_row` of each entry): in a file at `path` when it can be written,
    else in memory."""
    writer = IndexWriter.create(path, signature) if path is not None else None
    if writer is None:
        writer = IndexWriter(sqlite3.connect(":memory:"), signature)
    return writer.finish(rows)
