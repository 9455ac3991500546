"""The store's schema: ordered migrations, each a tuple of statements, and the one function that runs them."""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2

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
