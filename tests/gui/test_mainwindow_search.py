"""Search wired into the window: Ctrl+K to the toolbar field, results dropping from it, Enter opens with marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def test_search_from_the_keyboard_opens_the_result_with_highlights(open_reader, run_js, qtbot, nerds_edition):
    window = open_reader(nerds_edition, "index").window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.view.setFocus()
    sidebar_tab = window.sidebar.currentWidget()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10000, check_params_cb=lambda n: n > 0):
        qtbot.keyClicks(window.search_field, "hergebruik")
    # Typing dropped the results from the field; the sidebar kept its tab and the field its focus.
    assert window.late_panels().search_dropdown.isVisible()
    assert window.sidebar.currentWidget() is sidebar_tab and sidebar_tab is not window.search_panel
    assert window.search_field.hasFocus()
    with qtbot.waitSignal(window.page_loaded, timeout=10000) as blocker:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    opened = blocker.args[0]
    assert opened in window.edition.pages and opened != "index"
    qtbot.waitUntil(lambda: run_js(window.page, "document.querySelectorAll('mark').length") > 0, timeout=5000)
    marked = run_js(
        window.page,
        "JSON.stringify(Array.from(document.querySelectorAll('mark')).map(m => m.textContent.toLowerCase()))",
    )
    assert any("hergebruik" in m for m in marked)
    # Escape clears the search and the marks; a second Escape returns to the page.
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: run_js(window.page, "document.querySelectorAll('mark').length") == 0, timeout=5000)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.view.hasFocus() or window.view.isAncestorOf(QApplication.focusWidget())


def test_ctrl_l_also_focuses_search_and_the_index_opens_lazily(open_reader, qtbot, nerds_edition):
    window = open_reader(nerds_edition, "index").window
    assert window.search_engine is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.contents.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    # Opened as soon as the field has the focus (start-up never waits for Whoosh; only searchers pay its memory).
    qtbot.waitUntil(lambda: window.search_engine._index is not None, timeout=5000)


def test_an_edition_without_index_says_so(open_reader, qtbot, content_edition, tmp_path):
    import shutil

    edition = tmp_path / "edition"
    shutil.copytree(content_edition, edition)
    shutil.rmtree(edition / "index")
    window = open_reader(edition).window
    assert window.search_engine is None
    window.search_field.setText("lezen")
    window.search_panel.search_now()
    assert "geen zoekindex" in window.search_panel.status.text()
