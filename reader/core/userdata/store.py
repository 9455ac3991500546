"""Opening the SQLite store of a profile (recovering or falling back to read-only), choosing the corpus it works on
(claiming rows from before corpora on the way) and its write transactions."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, Self

from reader.core.userdata.records import ReadOnlyError, UserDataError, _check_corpus_id
from reader.core.userdata.schema import SCHEMA_VERSION, _migrate, claim_legacy, legacy_pending

log = logging.getLogger("reader.userdata")

DB_NAME = "userdata.sqlite3"
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"

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


def _probe_writable(directory: Path) -> ReadOnlyError | None:
    """None if we can create files in `directory` (creating it if needed), else the reason. Tried for real:
    permission bits lie (root, ACLs, read-only mounts)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".write-test-", dir=directory)
        os.close(fd)
        os.unlink(name)
    except OSError as err:
        return ReadOnlyError("userdata-profile-unwritable", path=str(directory), detail=str(err.strerror or err))
    return None



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



def _memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The database of `conn` copied into memory (conn is closed): changes to it never reach the file."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(memory)
    except BaseException:
        memory.close()
        raise
    conn.close()
    return memory


def _is_memory(conn: sqlite3.Connection) -> bool:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row is None or not row[2]


# --- the store ------------------------------------------------------------------------------------------------


class Store:
    """The connection and its transactions; UserData adds bookmarks, history and checklists on top (mixins).

    A store works on one corpus at a time (`corpus_id`, chosen at `open` and changed with `use_corpus`): every
    bookmark, folder, visit and checklist tick it reads or writes belongs to that corpus, so another corpus's rows
    cannot be reached by accident (not even by a bookmark id). Opened with `corpus_id=None` only the profile-wide
    methods work (counts per corpus, last opened editions, forgetting a corpus); the others raise userdata-no-corpus.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        read_only_error: ReadOnlyError | None = None,
        recovered_from: Path | None = None,
        clock: Callable[[], float] = time.time,
        corpus_id: str | None = None,
        claimed: int = 0,
    ) -> None:
        self._conn = conn
        self.path = path  # None for an in-memory store
        self.read_only_error = read_only_error  # why nothing can be saved; None when the store is writable
        self.recovered_from = recovered_from  # where a corrupt store was moved to, to tell the user
        self.clock = clock
        self.corpus_id = corpus_id  # the corpus every per-corpus method works on; None: none chosen
        # Rows from before corpora that this store gave to its corpus (0 nearly always; the window may tell the user).
        self.claimed = claimed

    # -- opening --

    @classmethod
    def open(
        cls, profile_dir: str | os.PathLike[str], *, corpus_id: str | None, clock: Callable[[], float] = time.time
    ) -> Self:
        """Open (creating if needed) the store of a profile, working on `corpus_id` (the open edition's
        `Edition.corpus_id`; None for profile-wide use only). Rows from before corpora existed are claimed by the
        first corpus opened (see schema.claim_legacy). Never fails for a damaged, locked or unwritable store: the
        reader must start. Check `read_only_error` (why nothing can be saved) and `recovered_from` (where a damaged
        store was moved to) and tell the user. Raises UserDataError only for a corpus id that is not one."""
        if corpus_id is not None:
            corpus_id = _check_corpus_id(corpus_id)
        profile = Path(profile_dir)
        path = profile / DB_NAME
        reason = _probe_writable(profile)
        if reason is None and path.exists() and not os.access(path, os.W_OK):
            reason = ReadOnlyError("userdata-file-read-only", path=str(path))
        if reason is not None:
            return cls._open_read_only(path, reason, clock, corpus_id=corpus_id)

        recovered: Path | None = None
        for attempt in range(2):
            try:
                cls._check_header(path)
                conn = cls._connect(path)
                try:
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if version > SCHEMA_VERSION:
                        conn.close()
                        return cls._open_read_only(path, ReadOnlyError("userdata-newer-schema"), clock,
                                                   corpus_id=corpus_id)
                    conn.execute("PRAGMA journal_mode = WAL")
                    if version < SCHEMA_VERSION:
                        _migrate(conn)
                    cls._verify(conn)
                    claimed = claim_legacy(conn, corpus_id, clock()) if corpus_id is not None else 0
                except BaseException:
                    conn.close()
                    raise
                if claimed:
                    log.info("%d rows from before corpora claimed by corpus %s", claimed, corpus_id)
                return cls(conn, path, recovered_from=recovered, clock=clock, corpus_id=corpus_id, claimed=claimed)
            except sqlite3.DatabaseError as err:
                if _is_corrupt(err) and not attempt:
                    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
                    try:
                        recovered = _move_aside(path, stamp)
                    except OSError as move_err:
                        return cls._open_read_only(
                            path, ReadOnlyError("userdata-corrupt-stuck", path=str(path),
                                                detail=str(move_err.strerror or move_err)), clock,
                            corpus_id=corpus_id)
                    log.warning("corrupt user data store %s moved aside to %s (%s)", path, recovered, err)
                    continue
                # Busy for longer than the timeout, an I/O error ...: the reader must still start. Read what can
                # be read, save nothing, and say why.
                reason = (
                    ReadOnlyError("userdata-busy-read-only")
                    if _errcode(err) in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
                    else ReadOnlyError("userdata-cannot-open", path=str(path), detail=str(err))
                )
                log.warning("user data store %s not writable: %s", path, err)
                return cls._open_read_only(path, reason, clock, recovered, corpus_id=corpus_id)
            except OSError as err:
                return cls._open_read_only(
                    path, ReadOnlyError("userdata-unreadable", path=str(path), detail=str(err.strerror or err)),
                    clock, recovered, corpus_id=corpus_id)
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
        for table in ("bookmarks", "history", "checklist", "folders", "corpora", "meta"):
            conn.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
        row = conn.execute("PRAGMA quick_check(1)").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({row[0] if row else 'no result'})")

    @classmethod
    def _open_read_only(
        cls, path: Path, reason: ReadOnlyError, clock: Callable[[], float], recovered: Path | None = None,
        *, corpus_id: str | None = None,
    ) -> Self:
        """Read what is there without writing anything; with no readable store, an empty in-memory one. An old
        store, or one whose rows from before corpora wait for the corpus asked for, is read from an in-memory
        copy that is migrated and claimed there: the user sees their data, the file stays as it was."""
        log.warning("user data opened read-only: %s", reason)
        if path.exists():
            base = path.resolve().as_uri()
            # mode=ro needs the -shm file to exist or be creatable; immutable=1 reads a store that no one writes.
            for query in ("?mode=ro", "?immutable=1"):
                conn: sqlite3.Connection | None = None
                try:
                    conn = cls._connect(base + query, uri=True)
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if version < SCHEMA_VERSION or (
                        version == SCHEMA_VERSION and corpus_id is not None and legacy_pending(conn)
                    ):
                        # A store we may not migrate or claim: copy it into memory and do it to the copy.
                        conn = _memory_copy(conn)
                        _migrate(conn)
                        if corpus_id is not None:
                            claim_legacy(conn, corpus_id, clock())
                    conn.execute("SELECT count(*) FROM bookmarks").fetchone()
                    return cls(conn, path, read_only_error=reason, recovered_from=recovered, clock=clock,
                               corpus_id=corpus_id)
                except sqlite3.Error as err:
                    log.info("read-only open of %s with %s failed: %s", path, query, err)
                    if conn is not None:
                        conn.close()
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(conn)
        return cls(conn, None, read_only_error=reason, recovered_from=recovered, clock=clock, corpus_id=corpus_id)

    def use_corpus(self, corpus_id: str) -> int:
        """Work on another corpus from now on (the window switching corpus keeps its one store). Claims the rows
        from before corpora if none did yet; returns how many it claimed. Objects read before (a Bookmark, its id)
        keep pointing at the old corpus: by id nothing of it is found any more, restoring one refuses."""
        corpus_id = _check_corpus_id(corpus_id)
        claimed = 0
        try:
            if legacy_pending(self._conn):
                if self.read_only_error is not None and not _is_memory(self._conn):
                    # A read-only store claims in a copy: what the user sees, not what the file holds.
                    self._conn = _memory_copy(self._conn)
                claimed = claim_legacy(self._conn, corpus_id, self.clock())
        except sqlite3.Error as err:
            raise self._error(err) from err
        self.corpus_id = corpus_id
        self.claimed = claimed
        return claimed

    @property
    def _corpus(self) -> str:
        """The corpus every per-corpus query is scoped by; refuses when none was chosen."""
        if self.corpus_id is None:
            raise UserDataError("userdata-no-corpus")
        return self.corpus_id

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return self.read_only_error is not None

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    # -- transactions --

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; on any error nothing of it is kept and a UserDataError explains why."""
        if self.read_only_error is not None:
            raise ReadOnlyError(self.read_only_error.code, **self.read_only_error.params)
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
                raise UserDataError("userdata-bad-text", detail=str(err)) from err
            raise

    def _error(self, err: sqlite3.Error) -> UserDataError:
        code = _errcode(err)
        if code in _READONLY_CODES:
            return ReadOnlyError("userdata-read-only", detail=str(err))
        if code == 13:  # SQLITE_FULL
            return UserDataError("userdata-disk-full")
        if code == 5:  # SQLITE_BUSY
            return UserDataError("userdata-busy")
        return UserDataError("userdata-not-saved", detail=str(err))
