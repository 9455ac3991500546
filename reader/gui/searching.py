"""What the window does with a search: shows the results as the reader types (in the dropdown under the field,
reader/gui/search_dropdown.py; the contents tree stays), the full list in the sidebar's Zoeken tab on request, opens
a result with its hits marked, and opens the index once the reader is about to search (Whoosh costs memory only for
those who search)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.window")


def show_results(window: MainWindow, text: str) -> None:
    """Typing in the search field drops the results from it; the focus stays in the field, the sidebar as it was."""
    panels = window.late_panels()
    if panels is not None:
        panels.search_dropdown.typed(text)


def show_full_list(window: MainWindow) -> None:
    """Every result of the query (the dropdown's last row, Alt+Enter): the Zoeken tab, its list focused."""
    panel = window.search_panel
    if panel is None:
        return
    window.sidebar_tabs.show(panel)
    panel.view.setFocus(Qt.FocusReason.OtherFocusReason)


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
