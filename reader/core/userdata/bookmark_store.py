"""Bookmarks and bookmark folders in the store."""

from __future__ import annotations

import sqlite3
from typing import Iterable

from reader.core.userdata.records import (
    _BOOKMARK_COLUMNS,
    MAX_NOTE,
    MAX_TITLE,
    Bookmark,
    ImportRecord,
    ImportResult,
    UserDataError,
    _bookmark,
    _check_anchor,
    _check_page_id,
    _clean_folder,
    _clip,
    _title,
    matches_filter,
)
from reader.core.userdata.store import Store


class BookmarkStore(Store):
    """Bookmarks and their folders of the store's corpus (a mixin of UserData). Every query names the corpus."""


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
        corpus = self._corpus
        page_id = _check_page_id(page_id)
        anchor = _check_anchor(anchor)
        now = self.clock()
        with self._write() as conn:
            row = conn.execute(
                f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE corpus_id = ? AND page_id = ? AND anchor = ?",
                (corpus, page_id, anchor),
            ).fetchone()
            if row is None:
                folder_name = _clean_folder(folder)
                cur = conn.execute(
                    "INSERT INTO bookmarks"
                    " (corpus_id, page_id, anchor, title, note, folder, created, updated, section_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (corpus, page_id, anchor, _title(title, page_id),
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
        cur = conn.execute(f"UPDATE bookmarks SET {', '.join(sets)} WHERE id = ? AND corpus_id = ?",
                           (*values, bookmark_id, self._corpus))
        if cur.rowcount == 0:
            raise UserDataError("userdata-no-bookmark", id=bookmark_id)

    def _ensure_folder(self, conn: sqlite3.Connection, folder: str, now: float) -> None:
        if folder:
            conn.execute("INSERT OR IGNORE INTO folders (corpus_id, name, created) VALUES (?, ?, ?)",
                         (self._corpus, folder, now))

    def _get(self, conn: sqlite3.Connection, bookmark_id: int) -> Bookmark:
        row = conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ? AND corpus_id = ?",
                           (bookmark_id, self._corpus)).fetchone()
        if row is None:
            raise UserDataError("userdata-no-bookmark", id=bookmark_id)
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
            conn.execute("DELETE FROM bookmarks WHERE id = ? AND corpus_id = ?", (bookmark_id, self._corpus))
            return bookmark

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Undo a delete: put the bookmark back exactly as it was (same id when still free). If the same page and
        anchor were bookmarked again meanwhile, that newer bookmark is kept and returned. A bookmark of another
        corpus (read before the store switched corpus) is refused: undo never writes into the wrong corpus."""
        corpus = self._corpus
        if bookmark.corpus_id and bookmark.corpus_id != corpus:
            raise UserDataError("userdata-other-corpus", corpus=bookmark.corpus_id)
        with self._write() as conn:
            existing = conn.execute(
                "SELECT id FROM bookmarks WHERE corpus_id = ? AND page_id = ? AND anchor = ?",
                (corpus, bookmark.page_id, bookmark.anchor),
            ).fetchone()
            if existing is not None:
                return self._get(conn, int(existing[0]))
            taken = conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (bookmark.id,)).fetchone()
            cur = conn.execute(
                "INSERT INTO bookmarks"
                " (id, corpus_id, page_id, anchor, title, note, folder, created, updated, section_hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (None if taken else bookmark.id, corpus, bookmark.page_id, bookmark.anchor, bookmark.title,
                 bookmark.note, bookmark.folder, bookmark.created, bookmark.updated, bookmark.section_hash),
            )
            self._ensure_folder(conn, bookmark.folder, bookmark.created)
            return self._get(conn, int(cur.lastrowid or 0))

    def get_bookmark(self, bookmark_id: int) -> Bookmark | None:
        row = self._conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ? AND corpus_id = ?",
                                 (bookmark_id, self._corpus)).fetchone()
        return None if row is None else _bookmark(row)

    def find_bookmark(self, page_id: str, anchor: str | None = "") -> Bookmark | None:
        row = self._conn.execute(
            f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE corpus_id = ? AND page_id = ? AND anchor = ?",
            (self._corpus, page_id, (anchor or "").lstrip("#")),
        ).fetchone()
        return None if row is None else _bookmark(row)

    def bookmarks(self, folder: str | None = None, filter_text: str = "") -> list[Bookmark]:
        """Bookmarks (of one folder if given; "" = no folder), ordered by folder then title."""
        sql = f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE corpus_id = ?"
        args: tuple[object, ...] = (self._corpus,)
        if folder is not None:
            sql += " AND folder = ?"
            args = (*args, folder)
        sql += " ORDER BY folder COLLATE NOCASE, title COLLATE NOCASE, id"
        result = [_bookmark(row) for row in self._conn.execute(sql, args)]
        return [b for b in result if matches_filter(b, filter_text)] if filter_text.strip() else result

    def bookmark_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM bookmarks WHERE corpus_id = ?",
                                      (self._corpus,)).fetchone()[0])

    def folders(self) -> list[str]:
        """Every folder: the ones made explicitly (possibly empty) and the ones bookmarks are in."""
        corpus = self._corpus
        rows = self._conn.execute(
            "SELECT name FROM folders WHERE corpus_id = ?"
            " UNION SELECT DISTINCT folder FROM bookmarks WHERE corpus_id = ? AND folder <> ''",
            (corpus, corpus),
        ).fetchall()
        return sorted((str(r[0]) for r in rows), key=lambda s: (s.casefold(), s))

    def add_folder(self, name: str) -> str:
        name = _clean_folder(name)
        if not name:
            raise UserDataError("userdata-folder-needs-name")
        with self._write() as conn:
            self._ensure_folder(conn, name, self.clock())
        return name

    def rename_folder(self, old: str, new: str) -> str:
        """Rename a folder; renaming onto an existing folder merges the two."""
        new = _clean_folder(new)
        if not new:
            raise UserDataError("userdata-folder-needs-name")
        corpus = self._corpus
        now = self.clock()
        with self._write() as conn:
            conn.execute("UPDATE bookmarks SET folder = ?, updated = ? WHERE corpus_id = ? AND folder = ?",
                         (new, now, corpus, old))
            conn.execute("DELETE FROM folders WHERE corpus_id = ? AND name = ?", (corpus, old))
            self._ensure_folder(conn, new, now)
        return new

    def delete_folder(self, name: str) -> list[Bookmark]:
        """Remove a folder; its bookmarks move out of it (to no folder), never deleted. Returns them."""
        corpus = self._corpus
        now = self.clock()
        with self._write() as conn:
            moved = [
                _bookmark(r)
                for r in conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE corpus_id = ? AND folder = ?",
                                      (corpus, name))
            ]
            conn.execute("UPDATE bookmarks SET folder = '', updated = ? WHERE corpus_id = ? AND folder = ?",
                         (now, corpus, name))
            conn.execute("DELETE FROM folders WHERE corpus_id = ? AND name = ?", (corpus, name))
        return moved

    def import_bookmarks(self, records: Iterable[ImportRecord], folders: Iterable[str] = ()) -> ImportResult:
        """Merge bookmarks in one transaction: a page id + anchor already in the store is left alone."""
        corpus = self._corpus
        records = list(records)
        now = self.clock()
        added = duplicates = folders_added = 0
        with self._write() as conn:
            before = {str(r[0]) for r in conn.execute("SELECT name FROM folders WHERE corpus_id = ?", (corpus,))}
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
                    " (corpus_id, page_id, anchor, title, note, folder, created, updated, section_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (corpus, page_id, anchor, _title(rec.title, page_id),
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
            after = {str(r[0]) for r in conn.execute("SELECT name FROM folders WHERE corpus_id = ?", (corpus,))}
            folders_added = len(after - before)
        return ImportResult(added=added, duplicates=duplicates, folders_added=folders_added)
