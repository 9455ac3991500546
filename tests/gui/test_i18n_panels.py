"""A live language switch relabels the sidebar panels too: search, bookmarks, history, and the checklist's progress
line inside the page. Switched the way the window does it (View > Language), to English and back to Dutch."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from reader.gui.mainwindow import MainWindow
    from reader.gui.sidebar.bookmarks import BookmarksPanel
    from reader.gui.sidebar.history import HistoryPanel

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("back_to_dutch")]

GONE = "weg/deze-pagina-bestaat-niet"  # a page id no edition has: its bookmark and visit get "not in this edition"


def _window(open_reader: Callable[..., Reader], qtbot: QtBot, content_edition: Path, tmp_path: Path) -> MainWindow:
    window = open_reader(content_edition, "index", profile=tmp_path / "profile").window
    qtbot.waitUntil(lambda: window.history is not None, timeout=10000)  # the panels come right after the first page
    return window


def _progress(run_js: Callable[..., Any], window: MainWindow) -> str:
    state = run_js(window.page, "window.rlChecklist ? window.rlChecklist.state() : '{}'") or {}
    return state.get("progress") or ""


def _visit_text(history: HistoryPanel, page_id: str) -> str:
    return history.model.index(history.visible_pages().index(page_id), 0).data()


def _row_text(panel: BookmarksPanel, bookmark_id: int) -> str:
    return panel.index_for(bookmark_id).data(Qt.ItemDataRole.DisplayRole)


def test_panels_follow_the_language_switch_and_back(
    open_reader: Callable[..., Reader],
    qtbot: QtBot,
    run_js: Callable[..., Any],
    content_edition: Path,
    tmp_path: Path,
    english_qm: Path,
) -> None:
    window = _window(open_reader, qtbot, content_edition, tmp_path)
    field, search, bookmarks, history = window.search_field, window.search_panel, window.bookmarks, window.history

    # Something in every panel whose text is made from translated pieces.
    field.setText("lezen")
    search.search_now()
    assert search.result_count() > 0 and "resultaten" in search.status.text()
    gone = bookmarks.add_bookmark(GONE, title="Verdwenen pagina")
    kept = bookmarks.add_bookmark("over", title="Over")
    assert gone is not None and kept is not None
    assert _row_text(bookmarks, gone.id).endswith("\u00b7 niet in deze editie")
    bookmarks.delete_bookmarks([kept.id])
    assert bookmarks.message_label.text() == "Bladwijzer \u2018Over\u2019 verwijderd."
    assert bookmarks.undo_action.text() == "Ongedaan maken Verwijderen"
    history.record_visit(GONE, "Verdwenen pagina")
    assert "vandaag" in _visit_text(history, GONE) and "niet in deze editie" in _visit_text(history, GONE)
    qtbot.waitUntil(lambda: _progress(run_js, window).endswith("gedaan"), timeout=10000)
    done_dutch = _progress(run_js, window)
    assert " van " in done_dutch

    window.language_actions["en"].trigger()

    assert field.placeholderText() == "Search (Ctrl+K)" and field.accessibleName() == "Search"
    assert field.accessibleDescription().startswith("Search all pages.")
    assert search.accessibleName() == "Search results" and search.status.accessibleName() == "Number of results"
    assert search.status.text().split(" ", 1)[1].startswith(("result", "results")) and " on " in search.status.text()
    assert bookmarks.filter_edit.placeholderText() == "Filter bookmarks"
    assert bookmarks.filter_edit.accessibleName() == "Filter bookmarks"
    assert bookmarks.new_folder_button.toolTip() == "New folder"
    assert bookmarks.more_button.accessibleName() == "Export and import"
    assert bookmarks.export_action.text() == "Export bookmarks\u2026"
    assert bookmarks.import_action.text() == "Import bookmarks\u2026"
    assert bookmarks.tree.accessibleName() == "Bookmarks"
    assert bookmarks.undo_button.text() == "Undo"
    assert bookmarks.close_message_button.accessibleName() == "Close message"
    assert bookmarks.message_label.text() == "Bookmark \u2018Over\u2019 deleted."
    assert bookmarks.undo_action.text() == "Undo Delete"
    assert bookmarks.redo_action.text() == "Redo"
    assert bookmarks.undo_action in window.bookmarks_menu.actions()  # the menu shows the same, relabelled action
    assert _row_text(bookmarks, gone.id).endswith("\u00b7 not in this edition")
    assert "Saved on" in bookmarks.index_for(gone.id).data(Qt.ItemDataRole.ToolTipRole)
    assert history.clear_button.text() == "Clear history\u2026"
    assert history.empty_label.text() == "No pages viewed yet."
    assert history.list.accessibleName() == "History"
    first = _visit_text(history, GONE)
    assert "today" in first and "not in this edition" in first and "vandaag" not in first
    qtbot.waitUntil(lambda: _progress(run_js, window).endswith(" done"), timeout=5000)
    assert _progress(run_js, window) == done_dutch.replace(" van ", " of ").replace("gedaan", "done")
    # The next tick is counted by the page script; the line stays English.
    run_js(window.page, "document.querySelectorAll('li.task-list-item input')[1].click()")
    qtbot.waitUntil(lambda: _progress(run_js, window) != done_dutch.replace(" van ", " of ").replace("gedaan", "done"),
                    timeout=5000)
    ticked = _progress(run_js, window)
    assert ticked.endswith(" done") and " of " in ticked
    # Undo in the new language; the redo entry names the change in English too.
    bookmarks.undo_action.trigger()
    assert bookmarks.redo_action.text() == "Redo Delete" and bookmarks.undo_action.text() == "Undo Add bookmark"
    # Names the window and tests look widgets up by are untouched.
    assert field.objectName() == "searchField" and bookmarks.filter_edit.objectName() == "bookmarkFilter"
    assert history.clear_button.objectName() == "historyClearButton" and search.status.objectName() == "searchStatus"

    window.language_actions["nl"].trigger()

    assert field.placeholderText() == "Zoeken (Ctrl+K)" and field.accessibleName() == "Zoeken"
    assert "resultaten" in search.status.text() or "1 resultaat" in search.status.text()
    assert bookmarks.filter_edit.placeholderText() == "Filter bladwijzers"
    assert bookmarks.export_action.text() == "Bladwijzers exporteren\u2026"
    assert bookmarks.undo_button.text() == "Ongedaan maken"
    assert bookmarks.redo_action.text() == "Opnieuw Verwijderen"
    assert bookmarks.undo_action.text() == "Ongedaan maken Bladwijzer toevoegen"
    assert _row_text(bookmarks, gone.id).endswith("\u00b7 niet in deze editie")
    assert history.clear_button.text() == "Geschiedenis wissen\u2026"
    assert "vandaag" in _visit_text(history, GONE) and "niet in deze editie" in _visit_text(history, GONE)
    qtbot.waitUntil(lambda: _progress(run_js, window).endswith("gedaan"), timeout=5000)
    assert _progress(run_js, window) == ticked.replace(" of ", " van ").replace(" done", " gedaan")


class _FakeEngine:
    """A search engine whose result has a suggestion and is partial: every text of the panel shows at once."""

    def search(self, query: str, limit: int = 20) -> SimpleNamespace:
        hit = SimpleNamespace(page="over", anchor="", title="Over", section="", breadcrumb=(), snippet_html="tekst")
        return SimpleNamespace(hits=[hit], suggestion="lezen", partial=True)

    def highlight_terms(self, query: str) -> list[str]:
        return [query]


def test_search_suggestion_notice_and_empty_bookmarks_follow(
    open_reader: Callable[..., Reader], qtbot: QtBot, content_edition: Path, tmp_path: Path, english_qm: Path
) -> None:
    window = _window(open_reader, qtbot, content_edition, tmp_path)
    search, bookmarks = window.search_panel, window.bookmarks
    window.search_field.setText("leezen")
    search.set_engine(_FakeEngine())
    assert search.suggestion.text().startswith("Bedoelde je: ")
    assert search.notice.text().startswith("Geen resultaten met alle woorden")
    assert search.status.text() == "1 resultaat op 1 pagina"
    assert search.model.index(0, 0).data().startswith("Over, Inleiding.")
    current = search.view.currentIndex().row()
    assert bookmarks.empty_label.text().startswith("Nog geen bladwijzers.")
    window.language_actions["en"].trigger()
    assert bookmarks.empty_label.text().startswith("No bookmarks yet.")
    window.language_actions["nl"].trigger()
    assert bookmarks.add_bookmark("over", title="Over") is not None
    bookmarks.filter_edit.setText("zzz")
    bookmarks.refresh()
    assert bookmarks.empty_label.text() == "Geen bladwijzers gevonden met \u2018zzz\u2019."

    window.language_actions["en"].trigger()

    assert search.suggestion.text().startswith("Did you mean: ") and "lezen" in search.suggestion.text()
    assert search.suggestion.accessibleName() == "Did you mean: lezen?"
    assert search.notice.text().startswith("No results with all words")
    assert search.status.text() == "1 result on 1 page"
    assert search.model.index(0, 0).data().startswith("Over, Introduction.")
    assert "Introduction" in search.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 3)  # the painted rich text
    assert search.view.currentIndex().row() == current  # relabelled in place: the selection stays
    assert bookmarks.empty_label.text() == "No bookmarks found with \u2018zzz\u2019."
    # An idle panel (the search cleared) says its hint in the current language.
    window.search_field.clear()
    search.search_now()
    assert search.status.text() == "Type to search all pages."

    window.language_actions["nl"].trigger()

    assert search.status.text() == "Typ om te zoeken in alle pagina's."
    assert bookmarks.empty_label.text() == "Geen bladwijzers gevonden met \u2018zzz\u2019."
    # And a message shown in one language (no index) follows as well.
    search.set_engine(None)
    window.search_field.setText("lezen")
    search.search_now()
    assert search.status.text().startswith("Zoeken is niet beschikbaar")
    window.language_actions["en"].trigger()
    assert search.status.text() == "Search is not available: this edition has no search index."
