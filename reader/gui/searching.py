"""What the window does with a search: shows the results as the reader types, opens a result with its hits marked,
and opens the index once the reader is about to search (Whoosh costs memory only for those who search)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.window")


def show_results(window: MainWindow, text: str) -> None:
    """Typing in the search field brings the results into view; the focus stays in the field."""
    panel = window.search_panel
    if panel is not None and text.strip() and window.sidebar.currentWidget() is not panel:
        if not window.sidebar.isVisible():
            window.toggle_sidebar_action.setChecked(True)
        window.sidebar.setCurrentWidget(panel)


def open_result(window: MainWindow, page_id: str, anchor: str, terms: list[str]) -> None:
    """Open a hit: its page at its section, with the search terms marked (at once when it is the page shown)."""
    window.highlighter.show(page_id, list(terms))
    if page_id == window.current_page_id():
        if anchor:
            window.scroll_to_anchor(anchor)
        window.highlighter.apply_now()
        return
    window.open_page(page_id, anchor or None)


def warm_index(window: MainWindow) -> None:
    if window.search_engine is None or window.is_closed():
        return
    try:
        window.search_engine.open()
    except Exception:  # any failure: the panel reports a broken index when the user searches
        log.warning("the search index of %s cannot be opened", window.edition.root, exc_info=True)
