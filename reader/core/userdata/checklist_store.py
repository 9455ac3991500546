"""Checklist ticks in the store, and reports made from them."""

from __future__ import annotations

from typing import Iterable, Sequence

from reader.core.links import page_url
from reader.core.userdata import checklist as _checklist
from reader.core.userdata.records import MAX_TITLE, UserDataError, _check_page_id, _clip
from reader.core.userdata.store import Store

_UPSERT = (
    "INSERT INTO checklist (corpus_id, page_id, item_key, checked, updated, text) VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (corpus_id, page_id, item_key) DO UPDATE SET checked = excluded.checked,"
    " updated = excluded.updated, text = CASE WHEN excluded.text <> '' THEN excluded.text ELSE text END"
)


class ChecklistStore(Store):
    """Checklist ticks per page of the store's corpus (a mixin of UserData)."""


    def set_item(self, page_id: str, key: str, checked: bool, text: str = "") -> None:
        """Save one checkbox. `key` comes from checklist.item_keys (text based, edition proof)."""
        corpus = self._corpus
        page_id = _check_page_id(page_id)
        if not key or len(key) > 200:
            raise UserDataError("userdata-bad-checklist-key")
        with self._write() as conn:
            conn.execute(
                _UPSERT,
                (corpus, page_id, key, 1 if checked else 0, self.clock(), _clip(text, MAX_TITLE)),
            )

    def set_items(self, page_id: str, states: Iterable[tuple[str, bool, str]]) -> None:
        """Save several checkboxes of one page in one transaction: (key, checked, text)."""
        corpus = self._corpus
        page_id = _check_page_id(page_id)
        now = self.clock()
        with self._write() as conn:
            conn.executemany(
                _UPSERT,
                [(corpus, page_id, k, 1 if c else 0, now, _clip(t, MAX_TITLE)) for k, c, t in states],
            )

    def state(self, page_id: str) -> dict[str, bool]:
        rows = self._conn.execute("SELECT item_key, checked FROM checklist WHERE corpus_id = ? AND page_id = ?",
                                  (self._corpus, page_id))
        return {str(k): bool(c) for k, c in rows}

    def saved_items(self, page_id: str) -> list[tuple[str, str, bool]]:
        """(key, text, checked) as stored, for a page no longer in the edition."""
        rows = self._conn.execute(
            "SELECT item_key, text, checked FROM checklist WHERE corpus_id = ? AND page_id = ?"
            " ORDER BY updated, item_key",
            (self._corpus, page_id),
        )
        return [(str(k), str(t), bool(c)) for k, t, c in rows]

    def checklist_pages(self) -> list[str]:
        """Pages with at least one ticked item."""
        rows = self._conn.execute("SELECT DISTINCT page_id FROM checklist WHERE corpus_id = ? AND checked"
                                  " ORDER BY page_id", (self._corpus,))
        return [str(r[0]) for r in rows]

    def clear_checklist(self, page_id: str) -> int:
        corpus = self._corpus
        with self._write() as conn:
            return int(conn.execute("DELETE FROM checklist WHERE corpus_id = ? AND page_id = ?",
                                    (corpus, page_id)).rowcount)

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
