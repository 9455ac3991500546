"""The store's schema: ordered migrations, each a tuple of statements, and the one function that runs them.

Version 3 scopes every row by corpus (`corpus_id`): a user reads several corpora, and page ids collide between them.
Rows from before it carry the corpus id '' ("not claimed yet"); `claim_legacy` gives them to the first corpus opened
after the upgrade (the only corpus an older reader ever read). No code writes '' rows afterwards.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3
UNCLAIMED = ""  # the corpus id of rows made before version 3, until a corpus claims them

# Migration N takes a store at version N-1 to version N. Never edit a released migration: add a new one.
# One string per statement: executescript() would COMMIT our transaction, and splitting a script on ";" would
# break on the first literal that holds one. The texts keep their layout (SQLite stores it in sqlite_master).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY,
            page_id TEXT NOT NULL,
            anchor TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL,
            updated REAL NOT NULL,
            UNIQUE (page_id, anchor)
        )""",
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            page_id TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            visited REAL NOT NULL
        )""",
        """
        CREATE TABLE checklist (
            page_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            checked INTEGER NOT NULL,
            updated REAL NOT NULL,
            PRIMARY KEY (page_id, item_key)
        ) WITHOUT ROWID""",
    ),
    2: (
        """
        ALTER TABLE bookmarks ADD COLUMN section_hash TEXT""",
        """
        CREATE TABLE folders (
            name TEXT PRIMARY KEY,
            created REAL NOT NULL
        ) WITHOUT ROWID""",
        """
        INSERT OR IGNORE INTO folders (name, created)
            SELECT folder, MIN(created) FROM bookmarks WHERE folder <> '' GROUP BY folder""",
        """
        ALTER TABLE checklist ADD COLUMN text TEXT NOT NULL DEFAULT ''""",
        """
        CREATE INDEX history_visited ON history (visited)""",
        """
        CREATE INDEX bookmarks_folder ON bookmarks (folder)""",
    ),
    # SQLite cannot change a table's key: the three keyed tables are copied into new ones (ids kept).
    3: (
        """
        CREATE TABLE bookmarks_v3 (
            id INTEGER PRIMARY KEY,
            corpus_id TEXT NOT NULL DEFAULT '',
            page_id TEXT NOT NULL,
            anchor TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL,
            updated REAL NOT NULL,
            section_hash TEXT,
            UNIQUE (corpus_id, page_id, anchor)
        )""",
        """
        INSERT INTO bookmarks_v3 (id, corpus_id, page_id, anchor, title, note, folder, created, updated, section_hash)
            SELECT id, '', page_id, anchor, title, note, folder, created, updated, section_hash FROM bookmarks""",
        """
        DROP TABLE bookmarks""",
        """
        ALTER TABLE bookmarks_v3 RENAME TO bookmarks""",
        """
        CREATE INDEX bookmarks_folder ON bookmarks (corpus_id, folder)""",
        """
        CREATE TABLE folders_v3 (
            corpus_id TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            created REAL NOT NULL,
            PRIMARY KEY (corpus_id, name)
        ) WITHOUT ROWID""",
        """
        INSERT INTO folders_v3 (corpus_id, name, created) SELECT '', name, created FROM folders""",
        """
        DROP TABLE folders""",
        """
        ALTER TABLE folders_v3 RENAME TO folders""",
        """
        CREATE TABLE checklist_v3 (
            corpus_id TEXT NOT NULL DEFAULT '',
            page_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            checked INTEGER NOT NULL,
            updated REAL NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (corpus_id, page_id, item_key)
        ) WITHOUT ROWID""",
        """
        INSERT INTO checklist_v3 (corpus_id, page_id, item_key, checked, updated, text)
            SELECT '', page_id, item_key, checked, updated, text FROM checklist""",
        """
        DROP TABLE checklist""",
        """
        ALTER TABLE checklist_v3 RENAME TO checklist""",
        """
        ALTER TABLE history ADD COLUMN corpus_id TEXT NOT NULL DEFAULT ''""",
        """
        DROP INDEX history_visited""",
        """
        CREATE INDEX history_corpus_visited ON history (corpus_id, visited)""",
        """
        CREATE TABLE corpora (
            corpus_id TEXT PRIMARY KEY,
            edition_key TEXT NOT NULL,
            previous_key TEXT,
            opened REAL NOT NULL
        ) WITHOUT ROWID""",
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID""",
    ),
}
assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def _migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the store to `target` in one transaction. Returns the version found before. Safe against a second
    process migrating at the same time: BEGIN IMMEDIATE takes the write lock before the version is read."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for version in range(found + 1, target + 1):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        if found < target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


SCOPED_TABLES = ("bookmarks", "folders", "checklist", "history")


def legacy_pending(conn: sqlite3.Connection) -> bool:
    """Whether rows from before version 3 still wait for a corpus to claim them (each test uses an index)."""
    return any(
        conn.execute(f"SELECT 1 FROM {table} WHERE corpus_id = ? LIMIT 1", (UNCLAIMED,)).fetchone() is not None
        for table in SCOPED_TABLES
    )


def claim_legacy(conn: sqlite3.Connection, corpus_id: str, now: float) -> int:
    """Give every unclaimed row to `corpus_id`, in one transaction, and record who claimed them when (table meta).
    Returns the number of rows claimed; 0 (and nothing written) when none wait. Safe against a second process
    claiming at the same time: BEGIN IMMEDIATE takes the write lock before looking, so exactly one corpus wins."""
    if not corpus_id:
        raise ValueError("claiming needs a corpus id")
    if not legacy_pending(conn):  # the usual case, answered without taking the write lock
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        claimed = 0
        for table in SCOPED_TABLES:
            cur = conn.execute(f"UPDATE {table} SET corpus_id = ? WHERE corpus_id = ?", (corpus_id, UNCLAIMED))
            claimed += max(cur.rowcount, 0)
        if claimed:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('legacy-claimed-by', ?)", (corpus_id,))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('legacy-claimed-at', ?)", (repr(now),))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('legacy-claimed-rows', ?)", (str(claimed),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return claimed
