"""Visited pages in the store, pruned to a bounded length."""

from __future__ import annotations

from reader.core.userdata.records import MAX_TITLE, Visit, _check_page_id, _clip
from reader.core.userdata.store import Store

MAX_HISTORY = 200_000  # older visits are dropped (checked every PRUNE_EVERY new visits)
PRUNE_EVERY = 500


class HistoryStore(Store):
    """Visited pages of the store's corpus (a mixin of UserData)."""


    def record_visit(self, page_id: str, title: str = "") -> None:
        """Remember that a page was opened now. Reloading the page just opened updates that entry."""
        corpus = self._corpus
        page_id = _check_page_id(page_id)
        now = self.clock()
        with self._write() as conn:
            last = conn.execute("SELECT id, page_id FROM history WHERE corpus_id = ? ORDER BY visited DESC, id DESC"
                                " LIMIT 1", (corpus,)).fetchone()
            if last is not None and last[1] == page_id:
                conn.execute("UPDATE history SET visited = ?, title = ? WHERE id = ?",
                             (now, _clip(title, MAX_TITLE), last[0]))
            else:
                cur = conn.execute("INSERT INTO history (corpus_id, page_id, title, visited) VALUES (?, ?, ?, ?)",
                                   (corpus, page_id, _clip(title, MAX_TITLE), now))
                if (cur.lastrowid or 0) % PRUNE_EVERY == 0:
                    # History is a convenience, not an archive: keep it from growing without bound (per corpus:
                    # reading one corpus a lot never empties another's history).
                    conn.execute(
                        "DELETE FROM history WHERE id IN (SELECT id FROM history WHERE corpus_id = ?"
                        " ORDER BY visited DESC, id DESC LIMIT -1 OFFSET ?)",
                        (corpus, MAX_HISTORY),
                    )

    def recent(self, n: int = 20) -> list[Visit]:
        """The `n` most recently opened pages, each once, newest first (with its latest visit)."""
        result: list[Visit] = []
        seen: set[str] = set()
        # Walk the visited index newest first and stop as soon as we have n distinct pages.
        cursor = self._conn.execute("SELECT page_id, title, visited FROM history WHERE corpus_id = ?"
                                    " ORDER BY visited DESC, id DESC", (self._corpus,))
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
            "SELECT page_id, title, visited FROM history WHERE corpus_id = ? ORDER BY visited DESC, id DESC LIMIT ?",
            (self._corpus, limit),
        )
        return [Visit(str(p), str(t), float(v)) for p, t, v in rows]

    def history_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM history WHERE corpus_id = ?",
                                      (self._corpus,)).fetchone()[0])

    def clear_history(self) -> int:
        corpus = self._corpus
        with self._write() as conn:
            return int(conn.execute("DELETE FROM history WHERE corpus_id = ?", (corpus,)).rowcount)
