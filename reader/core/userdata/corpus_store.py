"""What the profile knows across corpora: counts per corpus, the edition last opened of each, forgetting a corpus.

These methods name the corpus they are about and work whichever corpus the store is on (or none): the library page
lists every corpus from one store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from reader.core.userdata.records import MAX_TITLE, CorpusCounts, UserDataError, _check_corpus_id
from reader.core.userdata.schema import SCOPED_TABLES, UNCLAIMED
from reader.core.userdata.store import Store


def edition_key(manifest: Mapping[str, Any]) -> str:
    """The opaque key the window marks an edition opened with: its content hash and build time (two builds of the
    same sources are one edition to the reader only when both agree). Callers may pass any other key instead."""
    return f"{manifest.get('content_hash', '')}@{manifest.get('built_at', '')}"


@dataclass(frozen=True)
class ForgetResult:
    """What `forget_corpus` removed."""

    bookmarks: int = 0
    folders: int = 0
    visits: int = 0
    checklist_items: int = 0


@dataclass(frozen=True)
class LegacyClaim:
    """Who got the rows made before the store knew corpora, and when (None from `legacy_claim` if nobody did)."""

    corpus_id: str
    claimed_at: float
    rows: int


class CorpusStore(Store):
    """Profile-wide questions about corpora (a mixin of UserData)."""

    def corpus_counts(self) -> dict[str, CorpusCounts]:
        """Bookmarks and ticked checklist items per corpus id, in one query. Corpora without either are absent (use
        `.get(corpus_id, CorpusCounts())`); rows no corpus claimed yet are not counted."""
        rows = self._conn.execute(
            "SELECT corpus_id, sum(b), sum(c) FROM ("
            " SELECT corpus_id, count(*) AS b, 0 AS c FROM bookmarks WHERE corpus_id <> ? GROUP BY corpus_id"
            " UNION ALL"
            " SELECT corpus_id, 0, count(*) FROM checklist WHERE checked AND corpus_id <> ? GROUP BY corpus_id"
            ") GROUP BY corpus_id",
            (UNCLAIMED, UNCLAIMED),
        )
        return {str(c): CorpusCounts(bookmarks=int(b), checked_items=int(k)) for c, b, k in rows}

    def mark_edition_opened(self, corpus_id: str, edition_key: str) -> str | None:
        """Remember that `edition_key` of `corpus_id` is the one being read. Returns the edition read before it (the
        one to diff against; None the first time); when the key is the one already marked, nothing is written and
        the edition read before that one is returned, so a restart keeps answering the same."""
        corpus_id = _check_corpus_id(corpus_id)
        if not edition_key or len(edition_key) > MAX_TITLE:
            raise UserDataError("userdata-bad-edition-key")
        row = self._conn.execute(
            "SELECT edition_key, previous_key FROM corpora WHERE corpus_id = ?", (corpus_id,)
        ).fetchone()
        if row is not None and row[0] == edition_key:
            return None if row[1] is None else str(row[1])  # the usual start: no write, no fsync
        with self._write() as conn:
            # Read again under the write lock: another process may have marked an edition meanwhile.
            row = conn.execute("SELECT edition_key, previous_key FROM corpora WHERE corpus_id = ?",
                               (corpus_id,)).fetchone()
            if row is not None and row[0] == edition_key:
                return None if row[1] is None else str(row[1])
            previous = None if row is None else str(row[0])
            conn.execute(
                "INSERT INTO corpora (corpus_id, edition_key, previous_key, opened) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (corpus_id) DO UPDATE SET previous_key = edition_key,"
                " edition_key = excluded.edition_key, opened = excluded.opened",
                (corpus_id, edition_key, None, self.clock()),
            )
        return previous

    def last_opened_edition(self, corpus_id: str) -> str | None:
        """The key of the edition of `corpus_id` last marked opened; None if none was."""
        row = self._conn.execute("SELECT edition_key FROM corpora WHERE corpus_id = ?", (corpus_id,)).fetchone()
        return None if row is None else str(row[0])

    def previous_edition(self, corpus_id: str) -> str | None:
        """The key of the edition of `corpus_id` read before the last opened one (what "changed since" compares
        against); None if only one was ever opened."""
        row = self._conn.execute("SELECT previous_key FROM corpora WHERE corpus_id = ?", (corpus_id,)).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def known_corpora(self) -> list[str]:
        """Every corpus id the profile holds anything of (rows or an opened edition), sorted."""
        parts = " UNION ".join(f"SELECT DISTINCT corpus_id FROM {table}" for table in SCOPED_TABLES)
        rows = self._conn.execute(f"SELECT corpus_id FROM ({parts} UNION SELECT corpus_id FROM corpora)"
                                  " WHERE corpus_id <> ? ORDER BY corpus_id", (UNCLAIMED,))
        return [str(r[0]) for r in rows]

    def forget_corpus(self, corpus_id: str) -> ForgetResult:
        """Remove everything of `corpus_id` (bookmarks, folders, history, checklist ticks, last opened edition) in one
        transaction. Only on the user's explicit request: removing a corpus from the library keeps its data."""
        corpus_id = _check_corpus_id(corpus_id)
        with self._write() as conn:
            counts = {
                table: int(conn.execute(f"DELETE FROM {table} WHERE corpus_id = ?", (corpus_id,)).rowcount)
                for table in SCOPED_TABLES
            }
            conn.execute("DELETE FROM corpora WHERE corpus_id = ?", (corpus_id,))
        return ForgetResult(bookmarks=counts["bookmarks"], folders=counts["folders"], visits=counts["history"],
                            checklist_items=counts["checklist"])

    def legacy_claim(self) -> LegacyClaim | None:
        """Which corpus claimed the rows from before corpora (see schema.claim_legacy), or None."""
        meta = dict(self._conn.execute("SELECT key, value FROM meta WHERE key LIKE 'legacy-claimed-%'").fetchall())
        if "legacy-claimed-by" not in meta:
            return None
        return LegacyClaim(str(meta["legacy-claimed-by"]), float(meta.get("legacy-claimed-at", 0)),
                           int(meta.get("legacy-claimed-rows", 0)))
