"""The panels the window builds right after its first page is shown (search, bookmarks, history): the first page
never waits for them. Moved out of mainwindow.py, which calls `build_late_panels` once."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from reader.gui.searchindex import LazySearchIndex

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow
    from reader.gui.search_dropdown import SearchDropdown
    from reader.gui.sidebar.bookmarks import BookmarksPanel
    from reader.gui.sidebar.history import HistoryPanel
    from reader.gui.sidebar.search import SearchField, SearchPanel


@dataclass(frozen=True)
class LatePanels:
    """The panels built right after the first page is shown."""

    search_field: SearchField
    search_panel: SearchPanel
    bookmarks: BookmarksPanel
    history: HistoryPanel
    search_dropdown: SearchDropdown


def build_late_panels(window: MainWindow) -> LatePanels:
    """Build the search field and panel, bookmarks and history of `window`, and put them in its sidebar."""
    from reader.gui import searching
    from reader.gui.search_dropdown import SearchDropdown
    from reader.gui.sidebar.bookmarks import BookmarksPanel
    from reader.gui.sidebar.history import HistoryPanel
    from reader.gui.sidebar.search import SearchField, SearchPanel

    window.appearance.paint_icons()
    edition = window.edition
    window.search_field = search_field = SearchField(window)
    window.search_engine = LazySearchIndex(edition.index_dir) if edition.index_dir.is_dir() else None
    window.search_panel = search_panel = SearchPanel(window.search_engine, search_field, window.sidebar)
    search_panel.open_requested.connect(window.open_search_result)
    search_panel.cleared.connect(lambda: window.highlighter.clear())
    search_panel.escape_pressed.connect(lambda: window.view.setFocus(Qt.FocusReason.OtherFocusReason))
    search_field.textChanged.connect(window.on_search_typed)
    window.toolbar.addWidget(search_field)
    toolbar_layout = window.toolbar.layout()
    if toolbar_layout is not None:
        toolbar_layout.activate()  # lay the field out now, so that Ctrl+K can focus it at once
    search_field.install_shortcuts(window)
    from reader.gui.library.scope import SearchScope

    window.search_scope = SearchScope(window, search_panel, window.toolbar)  # "Alle richtlijnen", beside the field
    # The instant results under the field; the panel in the sidebar is the full list (searching.py). Made once the
    # field is in the toolbar: its Tab order (field -> suggestion -> results -> the scope switch) starts there.
    dropdown = SearchDropdown(search_panel, search_field, window)
    dropdown.opened.connect(window.focus_page)
    dropdown.full_list_requested.connect(lambda: searching.show_full_list(window))
    window.sidebar_tabs.add(search_panel, lambda: QCoreApplication.translate("MainWindow", "Zoeken"))

    def page_ids() -> Collection[str]:  # asked each time: the window may switch corpus
        return window.edition.pages.keys()

    window.bookmarks = bookmarks = BookmarksPanel(
        window.userdata, page_ids, window.sections.section_hash, window.sidebar
    )
    bookmarks.open_requested.connect(lambda page, anchor: window.open_page(page, anchor or None))
    bookmarks.bookmarks_changed.connect(window.sections.update_star)
    window.sidebar_tabs.add(bookmarks, lambda: QCoreApplication.translate("MainWindow", "Bladwijzers"))
    window.bookmarks_menu.addActions(bookmarks.actions_for_menu())
    window.history = history = HistoryPanel(window.userdata, page_ids, parent=window.sidebar)
    history.open_requested.connect(lambda page, anchor: window.open_page(page, anchor or None))
    from reader.gui.sidebar import newtab

    def open_tab(page: str, anchor: str) -> None:
        window.tabs.open_page(page, anchor or None)

    # Watched only now, with the panels made after the first page: the first reach for a list's viewport makes
    # PySide wrap it, ~5 ms each, which the first page need not wait for.
    newtab.watch(window.contents, window.contents.page_at, open_tab)
    newtab.watch(window.relations, window.relations.page_at, open_tab)
    newtab.watch(bookmarks.tree, bookmarks.page_at, open_tab, ctrl_click=False)  # Ctrl+click selects there
    newtab.watch(history.list, history.page_at, open_tab)
    window.sidebar_tabs.add(history, lambda: QCoreApplication.translate("MainWindow", "Geschiedenis"))
    return LatePanels(search_field, search_panel, bookmarks, history, dropdown)


def fill_recent_menu(window: MainWindow, panels: LatePanels) -> None:
    from reader.gui.sidebar.history import fill_history_menu

    fill_history_menu(window.recent_menu, window.userdata, window.open_page, on_clear=panels.history.ask_clear)
