"""In-page highlighting of search terms: runs resources/js/highlight.js in the ApplicationWorld.

The window calls `highlight_terms(page, terms)` once the page opened from a search result has loaded (the terms
come with `SearchPanel.open_requested`), and `clear_highlights(page)` when the user clears the search.
`Highlighter` remembers the terms of the last opened result and re-applies them when that page (re)loads.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from reader import paths

log = logging.getLogger("reader.gui.highlight")
WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld


@lru_cache(maxsize=1)
def highlight_script() -> str:
    return (paths.js_dir() / "highlight.js").read_text(encoding="utf-8")


def _run(page: QWebEnginePage, call: str, callback: Callable[[int], None] | None) -> None:
    def done(result: object) -> None:
        if callback is not None:
            try:
                callback(int(result) if isinstance(result, (int, float)) else 0)
            except Exception:  # exceptions in runJavaScript callbacks are swallowed by Qt; log them instead
                log.exception("highlight callback failed")

    page.runJavaScript(highlight_script() + "\n" + call, WORLD, done)


def highlight_terms(page: QWebEnginePage, terms: list[str], callback: Callable[[int], None] | None = None) -> None:
    """Mark `terms` (folded stems/prefixes from SearchIndex.highlight_terms) in the page; callback gets the count."""
    clean = [str(t) for t in terms if isinstance(t, str) and t.strip()][:64]
    _run(page, f"rlHighlight.mark({json.dumps(clean)});", callback)


def clear_highlights(page: QWebEnginePage, callback: Callable[[int], None] | None = None) -> None:
    _run(page, "rlHighlight.clear();", callback)


class Highlighter(QObject):
    """Keeps the marks of the last search on its page: `show(page_id, terms)` before opening a result, then call
    `page_loaded(page_id)` from the window's page_loaded signal. `clear()` removes them."""

    def __init__(self, page: QWebEnginePage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page = page
        self._page_id: str | None = None
        self._terms: list[str] = []

    @property
    def terms(self) -> list[str]:
        return list(self._terms)

    def show(self, page_id: str, terms: list[str]) -> None:
        self._page_id, self._terms = page_id, list(terms)

    def page_loaded(self, page_id: str, ok: bool = True) -> None:
        if ok and self._terms and page_id == self._page_id:
            highlight_terms(self._page, self._terms)

    def apply_now(self) -> None:
        if self._terms:
            highlight_terms(self._page, self._terms)

    def clear(self) -> None:
        self._page_id, self._terms = None, []
        clear_highlights(self._page)
