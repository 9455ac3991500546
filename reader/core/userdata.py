"""The user's own data: bookmarks, history and checklist ticks, in one SQLite file in the profile directory.

What a user saves is the one thing the reader must never lose, so:
- every write is one transaction (`BEGIN IMMEDIATE` ... `COMMIT`), in WAL mode with `synchronous=FULL`: a
  committed write survives a killed process and a power cut, and a crash never leaves a half-written store;
- the schema has a version (`PRAGMA user_version`) and ordered migrations, run inside a transaction;
- a file that is not a readable SQLite database is moved aside as `<name>.corrupt-<timestamp>` (never deleted)
  and a fresh store starts; `UserData.recovered_from` says where the old file went;
- a profile that cannot be written is opened read-only (or, with no store yet, as an empty in-memory store);
  `UserData.read_only_reason` says why, and every write raises `ReadOnlyError` with that reason;
- two processes on one profile are safe: SQLite's locking with a busy timeout serialises their writes.

Data refers to pages by page id and anchor (never by file path), so it survives new editions of a corpus.
No Qt here: the GUI and the CLI both use this module.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator, Sequence

from reader.core import checklist as _checklist
from reader.core.links import page_url

log = logging.getLogger("reader.userdata")

DB_NAME = "userdata.sqlite3"
SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"

# Limits that keep hostile or accidental input (imports, the CLI) from bloating the store.
MAX_TITLE = 1000
MAX_NOTE = 20000
MAX_FOLDER = 200
MAX_PAGE_ID = 1000
MAX_ANCHOR = 500
MAX_HISTORY = 200_000  # older visits are dropped (checked every PRUNE_EVERY new visits)
PRUNE_EVERY = 500

# Bookmark status against the open edition.
STATUS_OK = "ok"
STATUS_MISSING = "missing"  # "niet in deze editie"
STATUS_CHANGED = "changed"  # "gewijzigd sinds je bladwijzer"
STATUS_SECTION_GONE = "section-gone"  # the page is there, the bookmarked heading is not


class UserDataError(Exception):
    """A user data operation failed; the message is fit to show to the user."""


class ReadOnlyError(UserDataError):
    """The store cannot be written (read-only profile, newer schema ...). `str(err)` says why."""


@dataclass(frozen=True)
class Bookmark:
    id: int
    page_id: str
    anchor: str  # "" for the page itself
    title: str  # the title when the bookmark was made (or as renamed by the user)
    note: str
    folder: str  # "" for no folder
    created: float  # unix time
    updated: float
    section_hash: str | None = None  # hash of the section text when made; None if unknown

    @property
    def url(self) -> str:
        return page_url(self.page_id, self.anchor or None)

    @property
    def key(self) -> tuple[str, str]:
        return (self.page_id, self.anchor)


@dataclass(frozen=True)
class Visit:
    page_id: str
    title: str
    visited: float  # unix time of the (latest) visit


def bookmark_status(
    bookmark: Bookmark,
    page_ids: Collection[str] | None,
    section_hash: Callable[[str, str], str | None] | None = None,
    anchors: Callable[[str], Collection[str] | None] | None = None,
) -> str:
    """STATUS_MISSING if the page is not in the open edition; STATUS_SECTION_GONE if `anchors(page_id)` (the page's
    heading anchors) no longer has the bookmarked one; STATUS_CHANGED if the section's hash differs from the one
    stored with the bookmark; else STATUS_OK. Unknown hashes (either side None) count as unchanged."""
    if page_ids is not None and bookmark.page_id not in page_ids:
        return STATUS_MISSING
    if anchors is not None and bookmark.anchor:
        known = anchors(bookmark.page_id)
        if known is not None and bookmark.anchor not in known:
            return STATUS_SECTION_GONE
    if section_hash is not None and bookmark.section_hash:
        current = section_hash(bookmark.page_id, bookmark.anchor)
        if current is not None and current != bookmark.section_hash:
            return STATUS_CHANGED
    return STATUS_OK


def matches_filter(bookmark: Bookmark, text: str) -> bool:
    """Every word of `text` occurs (case-insensitively) in the title, note, folder, page id or anchor."""
    words = text.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        (bookmark.title, bookmark.note, bookmark.folder, bookmark.page_id, bookmark.anchor)
    ).casefold()
    return all(w in haystack for w in words)


# --- schema ---------------------------------------------------------------------------------------------------

# Migration N takes a store at version N-1 to version N. Never edit a released migration: add a new one.
MIGRATIONS: dict[int, str] = {
    1: """
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
        );
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            page_id TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            visited REAL NOT NULL
        );
        CREATE TABLE checklist (
            page_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            checked INTEGER NOT NULL,
            updated REAL NOT NULL,
            PRIMARY KEY (page_id, item_key)
        ) WITHOUT ROWID;
    """,
    2: """
        ALTER TABLE bookmarks ADD COLUMN section_hash TEXT;
        CREATE TABLE folders (
            name TEXT PRIMARY KEY,
            created REAL NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO folders (name, created)
            SELECT folder, MIN(created) FROM bookmarks WHERE folder <> '' GROUP BY folder;
        ALTER TABLE checklist ADD COLUMN text TEXT NOT NULL DEFAULT '';
        CREATE INDEX history_visited ON history (visited);
        CREATE INDEX bookmarks_folder ON bookmarks (folder);
    """,
}
assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def _migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the store to `target` in one transaction. Returns the version found before. Safe against a second
    process migrating at the same time: BEGIN IMMEDIATE takes the write lock before the version is read."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        for version in range(found + 1, target + 1):
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
        if found < target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> Iterator[str]:
    # executescript() would COMMIT our transaction; split on ';' instead (no ';' inside our literals).
    for part in script.split(";"):
        if part.strip():
            yield part


# --- helpers --------------------------------------------------------------------------------------------------

_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_READONLY_CODES = {8}  # SQLITE_READONLY
_CANTOPEN_CODES = {14}


def _errcode(err: sqlite3.Error) -> int:
    return int(getattr(err, "sqlite_errorcode", 0) or 0) & 0xFF


def _is_corrupt(err: sqlite3.Error) -> bool:
    if _errcode(err) in _CORRUPT_CODES:
        return True
    text = str(err).lower()
    return "not a database" in text or "malformed" in text


def _probe_writable(directory: Path) -> str | None:
    """None if we can create files in `directory` (creating it if needed), else the reason. Tried for real:
    permission bits lie (root, ACLs, read-only mounts)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".write-test-", dir=directory)
        os.close(fd)
        os.unlink(name)
    except OSError as err:
        return f"De profielmap {directory} kan niet worden beschreven ({err.strerror or err})."
    return None


def _valid_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (e.g. "\ud800" from a JSON file) cannot be stored
        return False
    return True


def _clip(text: str | None, limit: int) -> str:
    text = "" if text is None else str(text)
    if not _valid_utf8(text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    # Control characters other than newline/tab have no business in titles and notes.
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)
    return text[:limit]


def _title(title: str | None, page_id: str) -> str:
    """A bookmark always has a title: the page id stands in for a missing or blank one."""
    clipped = _clip(title, MAX_TITLE)
    return clipped if clipped.strip() else page_id[:MAX_TITLE]


def _clean_folder(folder: str | None) -> str:
    return " ".join(_clip(folder, MAX_FOLDER).split())


def _check_page_id(page_id: str) -> str:
    page_id = str(page_id).strip()
    if not page_id or len(page_id) > MAX_PAGE_ID or any(ord(ch) < 32 for ch in page_id) or not _valid_utf8(page_id):
        raise UserDataError(f"Ongeldige pagina-id: {page_id[:80]!r}")
    return page_id


def _check_anchor(anchor: str | None) -> str:
    anchor = "" if anchor is None else str(anchor).strip().lstrip("#")
    if len(anchor) > MAX_ANCHOR or any(ord(ch) < 32 for ch in anchor) or not _valid_utf8(anchor):
        raise UserDataError(f"Ongeldig anker: {anchor[:80]!r}")
    return anchor


def _move_aside(path: Path, stamp: str) -> Path:
    """Rename the store (and its -wal/-shm companions) to `<name>.corrupt-<stamp>`; returns the new path."""
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target


_BOOKMARK_COLUMNS = "id, page_id, anchor, title, note, folder, created, updated, section_hash"


def _bookmark(row: Sequence[object]) -> Bookmark:
    return Bookmark(
        id=int(row[0]),  # type: ignore[call-overload]
        page_id=str(row[1]),
        anchor=str(row[2]),
        title=str(row[3]),
        note=str(row[4]),
        folder=str(row[5]),
        created=float(row[6]),  # type: ignore[arg-type]
        updated=float(row[7]),  # type: ignore[arg-type]
        section_hash=None if row[8] is None else str(row[8]),
    )


@dataclass(frozen=True)
class ImportRecord:
    """One bookmark to import (from JSON or Netscape HTML), already validated by reader.core.bookmark_io."""

    page_id: str
    anchor: str = ""
    title: str = ""
    note: str = ""
    folder: str = ""
    created: float | None = None
    updated: float | None = None
    section_hash: str | None = None


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int  # already in the store (same page id and anchor): left as they were
    folders_added: int = 0


# --- the store ------------------------------------------------------------------------------------------------


class UserData:
    """Bookmarks, history and checklists of one profile. Not thread-safe: use it from one thread."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        read_only_reason: str | None = None,
        recovered_from: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._conn = conn
        self.path = path  # None for an in-memory store
        self.read_only_reason = read_only_reason
        self.recovered_from = recovered_from  # where a corrupt store was moved to, to tell the user
        self.clock = clock

    # -- opening --

    @classmethod
    def open(cls, profile_dir: str | os.PathLike[str], *, clock: Callable[[], float] = time.time) -> "UserData":
        """Open (creating if needed) the store of a profile. Never fails for a damaged, locked or unwritable store:
        the reader must start. Check `read_only_reason` (why nothing can be saved) and `recovered_from` (where a
        damaged store was moved to) and tell the user."""
        profile = Path(profile_dir)
        path = profile / DB_NAME
        reason = _probe_writable(profile)
        if reason is None and path.exists() and not os.access(path, os.W_OK):
            reason = f"Het bestand {path} is alleen-lezen."
        if reason is not None:
            return cls._open_read_only(path, reason, clock)

        recovered: Path | None = None
        for attempt in range(2):
            try:
                cls._check_header(path)
                conn = cls._connect(path)
                try:
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if version > SCHEMA_VERSION:
                        conn.close()
                        return cls._open_read_only(
                            path,
                            "De gebruikersgegevens zijn gemaakt door een nieuwere versie van de lezer; "
                            "deze versie wijzigt ze niet.",
                            clock,
                        )
                    conn.execute("PRAGMA journal_mode = WAL")
                    if version < SCHEMA_VERSION:
                        _migrate(conn)
                    cls._verify(conn)
                except BaseException:
                    conn.close()
                    raise
                return cls(conn, path, recovered_from=recovered, clock=clock)
            except sqlite3.DatabaseError as err:
                if _is_corrupt(err) and not attempt:
                    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
                    try:
                        recovered = _move_aside(path, stamp)
                    except OSError as move_err:
                        return cls._open_read_only(
                            path, f"De gebruikersgegevens in {path} zijn beschadigd en kunnen niet opzij worden "
                            f"gezet ({move_err.strerror or move_err}).", clock)
                    log.warning("corrupt user data store %s moved aside to %s (%s)", path, recovered, err)
                    continue
                # Busy for longer than the timeout, an I/O error ...: the reader must still start. Read what can
                # be read, save nothing, and say why.
                reason = (
                    "De gebruikersgegevens zijn bezet door een ander programma; er wordt nu niets opgeslagen."
                    if _errcode(err) in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
                    else f"De gebruikersgegevens in {path} kunnen niet worden geopend om te schrijven ({err})."
                )
                log.warning("user data store %s not writable: %s", path, err)
                return cls._open_read_only(path, reason, clock, recovered)
            except OSError as err:
                return cls._open_read_only(
                    path, f"De gebruikersgegevens in {path} kunnen niet worden gelezen ({err.strerror or err}).",
                    clock, recovered)
        raise AssertionError("unreachable")

    @staticmethod
    def _check_header(path: Path) -> None:
        """A non-empty file without the SQLite magic is not ours to open (SQLite might even 'repair' it)."""
        try:
            with open(path, "rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except FileNotFoundError:
            return
        if head and head != SQLITE_MAGIC:
            raise sqlite3.DatabaseError("file is not a database (bad header)")

    @staticmethod
    def _connect(path: Path | str, *, uri: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri, check_same_thread=True
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not uri:
            # FULL: in WAL mode NORMAL may lose the last commits on power loss; we promise they are kept.
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @staticmethod
    def _verify(conn: sqlite3.Connection) -> None:
        """Touch every table so damage shows now (and is recovered) rather than on the first save."""
        for table in ("bookmarks", "history", "checklist", "folders"):
            conn.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
        row = conn.execute("PRAGMA quick_check(1)").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({row[0] if row else 'no result'})")

    @classmethod
    def _open_read_only(
        cls, path: Path, reason: str, clock: Callable[[], float], recovered: Path | None = None
    ) -> "UserData":
        """Read what is there without writing anything; with no readable store, an empty in-memory one."""
        log.warning("user data opened read-only: %s", reason)
        if path.exists():
            base = path.resolve().as_uri()
            # mode=ro needs the -shm file to exist or be creatable; immutable=1 reads a store that no one writes.
            for query in ("?mode=ro", "?immutable=1"):
                conn: sqlite3.Connection | None = None
                try:
                    conn = cls._connect(base + query, uri=True)
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if version < SCHEMA_VERSION:
                        # An old store we may not migrate: copy it into memory and migrate the copy.
                        memory = sqlite3.connect(":memory:", isolation_level=None)
                        conn.backup(memory)
                        conn.close()
                        conn = memory
                        _migrate(conn)
                    conn.execute("SELECT count(*) FROM bookmarks").fetchone()
                    return cls(conn, path, read_only_reason=reason, recovered_from=recovered, clock=clock)
                except sqlite3.Error as err:
                    log.info("read-only open of %s with %s failed: %s", path, query, err)
                    if conn is not None:
                        conn.close()
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(conn)
        return cls(conn, None, read_only_reason=reason, recovered_from=recovered, clock=clock)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "UserData":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    # -- transactions --

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; on any error nothing of it is kept and a UserDataError explains why."""
        if self.read_only_reason is not None:
            raise ReadOnlyError(self.read_only_reason)
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise self._error(err) from err
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as err:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if isinstance(err, sqlite3.Error):
                raise self._error(err) from err
            if isinstance(err, UnicodeError):  # text SQLite cannot take; nothing of the transaction was kept
                raise UserDataError(f"De wijziging is niet opgeslagen: ongeldige tekens ({err}).") from err
            raise

    def _error(self, err: sqlite3.Error) -> UserDataError:
        code = _errcode(err)
        if code in _READONLY_CODES:
            return ReadOnlyError(f"De gebruikersgegevens kunnen niet worden opgeslagen: {err}")
        if code == 13:  # SQLITE_FULL
            return UserDataError("De schijf is vol; de wijziging is niet opgeslagen.")
        if code == 5:  # SQLITE_BUSY
            return UserDataError("De gebruikersgegevens zijn bezet door een ander programma; probeer het opnieuw.")
        return UserDataError(f"De wijziging is niet opgeslagen: {err}")

    # -- bookmarks --

    def add_bookmark(
        self,
        page_id: str,
        anchor: str | None = "",
        *,
        title: str | None = None,
        note: str | None = None,
        folder: str | None = None,
        section_hash: str | None = None,
    ) -> Bookmark:
        """Bookmark a page (anchor "") or a section. If it is already bookmarked, the given fields update it."""
        page_id = _check_page_id(page_id)
        anchor = _check_anchor(anchor)
        now = self.clock()
        with self._write() as conn:
            row = conn.execute(
                f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE page_id = ? AND anchor = ?", (page_id, anchor)
            ).fetchone()
            if row is None:
                folder_name = _clean_folder(folder)
                cur = conn.execute(
                    "INSERT INTO bookmarks (page_id, anchor, title, note, folder, created, updated, section_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (page_id, anchor, _title(title, page_id),
                     _clip(note, MAX_NOTE), folder_name, now, now, section_hash),
                )
                self._ensure_folder(conn, folder_name, now)
                bid = int(cur.lastrowid or 0)
            else:
                bid = int(row[0])
                self._update(conn, bid, title=title, note=note, folder=folder, section_hash=section_hash, now=now)
            return self._get(conn, bid)

    def _update(
        self,
        conn: sqlite3.Connection,
        bookmark_id: int,
        *,
        title: str | None,
        note: str | None,
        folder: str | None,
        section_hash: str | None,
        now: float,
    ) -> None:
        sets: list[str] = []
        values: list[object] = []
        if title is not None and _clip(title, MAX_TITLE).strip():  # a bookmark always keeps a title
            sets.append("title = ?")
            values.append(_clip(title, MAX_TITLE))
        if note is not None:
            sets.append("note = ?")
            values.append(_clip(note, MAX_NOTE))
        if folder is not None:
            folder = _clean_folder(folder)
            sets.append("folder = ?")
            values.append(folder)
            self._ensure_folder(conn, folder, now)
        if section_hash is not None:
            sets.append("section_hash = ?")
            values.append(section_hash)
        if not sets:
            return
        sets.append("updated = ?")
        values.append(now)
        cur = conn.execute(f"UPDATE bookmarks SET {', '.join(sets)} WHERE id = ?", (*values, bookmark_id))
        if cur.rowcount == 0:
            raise UserDataError(f"Bladwijzer {bookmark_id} bestaat niet (meer).")

    @staticmethod
    def _ensure_folder(conn: sqlite3.Connection, folder: str, now: float) -> None:
        if folder:
            conn.execute("INSERT OR IGNORE INTO folders (name, created) VALUES (?, ?)", (folder, now))

    def _get(self, conn: sqlite3.Connection, bookmark_id: int) -> Bookmark:
        row = conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
        if row is None:
            raise UserDataError(f"Bladwijzer {bookmark_id} bestaat niet (meer).")
        return _bookmark(row)

    def update_bookmark(
        self,
        bookmark_id: int,
        *,
        title: str | None = None,
        note: str | None = None,
        folder: str | None = None,
        section_hash: str | None = None,
    ) -> Bookmark:
        with self._write() as conn:
            self._update(conn, bookmark_id, title=title, note=note, folder=folder, section_hash=section_hash,
                         now=self.clock())
            return self._get(conn, bookmark_id)

    def rename_bookmark(self, bookmark_id: int, title: str) -> Bookmark:
        return self.update_bookmark(bookmark_id, title=title)

    def set_note(self, bookmark_id: int, note: str) -> Bookmark:
        return self.update_bookmark(bookmark_id, note=note)

    def move_bookmark(self, bookmark_id: int, folder: str) -> Bookmark:
        return self.update_bookmark(bookmark_id, folder=folder)

    def delete_bookmark(self, bookmark_id: int) -> Bookmark:
        """Delete and return the bookmark, so the caller can offer undo with `restore_bookmark`."""
        with self._write() as conn:
            bookmark = self._get(conn, bookmark_id)
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            return bookmark

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Undo a delete: put the bookmark back exactly as it was (same id when still free). If the same page and
        anchor were bookmarked again meanwhile, that newer bookmark is kept and returned."""
        with self._write() as conn:
            existing = conn.execute(
                "SELECT id FROM bookmarks WHERE page_id = ? AND anchor = ?", (bookmark.page_id, bookmark.anchor)
            ).fetchone()
            if existing is not None:
                return self._get(conn, int(existing[0]))
            taken = conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (bookmark.id,)).fetchone()
            cur = conn.execute(
                "INSERT INTO bookmarks (id, page_id, anchor, title, note, folder, created, updated, section_hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (None if taken else bookmark.id, bookmark.page_id, bookmark.anchor, bookmark.title, bookmark.note,
                 bookmark.folder, bookmark.created, bookmark.updated, bookmark.section_hash),
            )
            self._ensure_folder(conn, bookmark.folder, bookmark.created)
            return self._get(conn, int(cur.lastrowid or 0))

    def get_bookmark(self, bookmark_id: int) -> Bookmark | None:
        row = self._conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
        return None if row is None else _bookmark(row)

    def find_bookmark(self, page_id: str, anchor: str | None = "") -> Bookmark | None:
        row = self._conn.execute(
            f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE page_id = ? AND anchor = ?",
            (page_id, (anchor or "").lstrip("#")),
        ).fetchone()
        return None if row is None else _bookmark(row)

    def bookmarks(self, folder: str | None = None, filter_text: str = "") -> list[Bookmark]:
        """Bookmarks (of one folder if given; "" = no folder), ordered by folder then title."""
        sql = f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks"
        args: tuple[object, ...] = ()
        if folder is not None:
            sql += " WHERE folder = ?"
            args = (folder,)
        sql += " ORDER BY folder COLLATE NOCASE, title COLLATE NOCASE, id"
        result = [_bookmark(row) for row in self._conn.execute(sql, args)]
        return [b for b in result if matches_filter(b, filter_text)] if filter_text.strip() else result

    def bookmark_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0])

    def folders(self) -> list[str]:
        """Every folder: the ones made explicitly (possibly empty) and the ones bookmarks are in."""
        rows = self._conn.execute(
            "SELECT name FROM folders UNION SELECT DISTINCT folder FROM bookmarks WHERE folder <> ''"
        ).fetchall()
        return sorted((str(r[0]) for r in rows), key=lambda s: (s.casefold(), s))

    def add_folder(self, name: str) -> str:
        name = _clean_folder(name)
        if not name:
            raise UserDataError("Een map heeft een naam nodig.")
        with self._write() as conn:
            self._ensure_folder(conn, name, self.clock())
        return name

    def rename_folder(self, old: str, new: str) -> str:
        """Rename a folder; renaming onto an existing folder merges the two."""
        new = _clean_folder(new)
        if not new:
            raise UserDataError("Een map heeft een naam nodig.")
        now = self.clock()
        with self._write() as conn:
            conn.execute("UPDATE bookmarks SET folder = ?, updated = ? WHERE folder = ?", (new, now, old))
            conn.execute("DELETE FROM folders WHERE name = ?", (old,))
            self._ensure_folder(conn, new, now)
        return new

    def delete_folder(self, name: str) -> list[Bookmark]:
        """Remove a folder; its bookmarks move out of it (to no folder), never deleted. Returns them."""
        now = self.clock()
        with self._write() as conn:
            moved = [
                _bookmark(r)
                for r in conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE folder = ?", (name,))
            ]
            conn.execute("UPDATE bookmarks SET folder = '', updated = ? WHERE folder = ?", (now, name))
            conn.execute("DELETE FROM folders WHERE name = ?", (name,))
        return moved

    def import_bookmarks(self, records: Iterable[ImportRecord], folders: Iterable[str] = ()) -> ImportResult:
        """Merge bookmarks in one transaction: a page id + anchor already in the store is left alone."""
        records = list(records)
        now = self.clock()
        added = duplicates = folders_added = 0
        with self._write() as conn:
            before = {str(r[0]) for r in conn.execute("SELECT name FROM folders")}
            for name in folders:
                name = _clean_folder(name)
                if name:
                    self._ensure_folder(conn, name, now)
            for rec in records:
                page_id = _check_page_id(rec.page_id)
                anchor = _check_anchor(rec.anchor)
                folder = _clean_folder(rec.folder)
                cur = conn.execute(
                    "INSERT OR IGNORE INTO bookmarks"
                    " (page_id, anchor, title, note, folder, created, updated, section_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (page_id, anchor, _title(rec.title, page_id),
                     _clip(rec.note, MAX_NOTE), folder,
                     rec.created if rec.created is not None else now,
                     rec.updated if rec.updated is not None else (rec.created if rec.created is not None else now),
                     rec.section_hash),
                )
                if cur.rowcount:
                    added += 1
                    self._ensure_folder(conn, folder, now)
                else:
                    duplicates += 1
            after = {str(r[0]) for r in conn.execute("SELECT name FROM folders")}
            folders_added = len(after - before)
        return ImportResult(added=added, duplicates=duplicates, folders_added=folders_added)

    # -- history --

    def record_visit(self, page_id: str, title: str = "") -> None:
        """Remember that a page was opened now. Reloading the page just opened updates that entry."""
        page_id = _check_page_id(page_id)
        now = self.clock()
        with self._write() as conn:
            last = conn.execute("SELECT id, page_id FROM history ORDER BY visited DESC, id DESC LIMIT 1").fetchone()
            if last is not None and last[1] == page_id:
                conn.execute("UPDATE history SET visited = ?, title = ? WHERE id = ?",
                             (now, _clip(title, MAX_TITLE), last[0]))
            else:
                cur = conn.execute("INSERT INTO history (page_id, title, visited) VALUES (?, ?, ?)",
                                   (page_id, _clip(title, MAX_TITLE), now))
                if (cur.lastrowid or 0) % PRUNE_EVERY == 0:
                    # History is a convenience, not an archive: keep it from growing without bound.
                    conn.execute(
                        "DELETE FROM history WHERE id IN (SELECT id FROM history"
                        " ORDER BY visited DESC, id DESC LIMIT -1 OFFSET ?)",
                        (MAX_HISTORY,),
                    )

    def recent(self, n: int = 20) -> list[Visit]:
        """The `n` most recently opened pages, each once, newest first (with its latest visit)."""
        result: list[Visit] = []
        seen: set[str] = set()
        # Walk the visited index newest first and stop as soon as we have n distinct pages.
        cursor = self._conn.execute("SELECT page_id, title, visited FROM history ORDER BY visited DESC, id DESC")
        while len(result) < n:
            rows = cursor.fetchmany(256)
            if not rows:
                break
            for page_id, title, visited in rows:
                if page_id in seen:
                    continue
                seen.add(page_id)
                result.append(Visit(str(page_id), str(title), float(visited)))
                if len(result) >= n:
                    break
        cursor.close()
        return result

    def history(self, limit: int = 1000) -> list[Visit]:
        """Every visit, newest first (a page may appear more than once)."""
        rows = self._conn.execute(
            "SELECT page_id, title, visited FROM history ORDER BY visited DESC, id DESC LIMIT ?", (limit,)
        )
        return [Visit(str(p), str(t), float(v)) for p, t, v in rows]

    def history_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM history").fetchone()[0])

    def clear_history(self) -> int:
        with self._write() as conn:
            return int(conn.execute("DELETE FROM history").rowcount)

    # -- checklists --

    def set_item(self, page_id: str, key: str, checked: bool, text: str = "") -> None:
        """Save one checkbox. `key` comes from reader.core.checklist.item_keys (text based, edition proof)."""
        page_id = _check_page_id(page_id)
        if not key or len(key) > 200:
            raise UserDataError("Ongeldige sleutel voor een checklistitem.")
        with self._write() as conn:
            conn.execute(
                "INSERT INTO checklist (page_id, item_key, checked, updated, text) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (page_id, item_key) DO UPDATE SET checked = excluded.checked,"
                " updated = excluded.updated, text = CASE WHEN excluded.text <> '' THEN excluded.text ELSE text END",
                (page_id, key, 1 if checked else 0, self.clock(), _clip(text, MAX_TITLE)),
            )

    def set_items(self, page_id: str, states: Iterable[tuple[str, bool, str]]) -> None:
        """Save several checkboxes of one page in one transaction: (key, checked, text)."""
        page_id = _check_page_id(page_id)
        now = self.clock()
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO checklist (page_id, item_key, checked, updated, text) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (page_id, item_key) DO UPDATE SET checked = excluded.checked,"
                " updated = excluded.updated, text = CASE WHEN excluded.text <> '' THEN excluded.text ELSE text END",
                [(page_id, k, 1 if c else 0, now, _clip(t, MAX_TITLE)) for k, c, t in states],
            )

    def state(self, page_id: str) -> dict[str, bool]:
        rows = self._conn.execute("SELECT item_key, checked FROM checklist WHERE page_id = ?", (page_id,))
        return {str(k): bool(c) for k, c in rows}

    def saved_items(self, page_id: str) -> list[tuple[str, str, bool]]:
        """(key, text, checked) as stored, for a page no longer in the edition."""
        rows = self._conn.execute(
            "SELECT item_key, text, checked FROM checklist WHERE page_id = ? ORDER BY updated, item_key", (page_id,)
        )
        return [(str(k), str(t), bool(c)) for k, t, c in rows]

    def checklist_pages(self) -> list[str]:
        """Pages with at least one ticked item."""
        rows = self._conn.execute("SELECT DISTINCT page_id FROM checklist WHERE checked ORDER BY page_id")
        return [str(r[0]) for r in rows]

    def clear_checklist(self, page_id: str) -> int:
        with self._write() as conn:
            return int(conn.execute("DELETE FROM checklist WHERE page_id = ?", (page_id,)).rowcount)

    def checklist_items(self, page_id: str, texts: Sequence[str]) -> list[_checklist.ChecklistItem]:
        """The page's items (texts from the edition, in page order) with their saved ticks."""
        return _checklist.items_with_state(texts, self.state(page_id))

    def report(
        self, page_id: str, texts: Sequence[str] | None = None, *, title: str = "", fmt: str = "markdown"
    ) -> str:
        """A checklist report of one page as Markdown or CSV. With `texts` (the items as the open edition has
        them) every item is listed; without, the items saved in the store."""
        if texts is None:
            items = [_checklist.ChecklistItem(k, t or k, c) for k, t, c in self.saved_items(page_id)]
        else:
            items = self.checklist_items(page_id, texts)
        if fmt == "markdown":
            return _checklist.report_markdown(title or page_id, page_id, items, url=page_url(page_id))
        if fmt == "csv":
            return _checklist.report_csv(title or page_id, page_id, items)
        raise ValueError(f"unknown report format {fmt!r} (markdown or csv)")
