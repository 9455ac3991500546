"""Keyboard only, as a user without a mouse: read (contents, the page, scrolling), search, bookmark (and open the
bookmark again), switch tabs, cite the section and export the page as PDF, with QTest key clicks and nothing else
as input. The assertions read the window's state; every step is driven by keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _focus_inside(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def test_read_search_bookmark_cite_and_export_with_the_keyboard_only(
    open_reader, run_js, qtbot, qapp, nerds_edition, tmp_path
):
    window = open_reader(nerds_edition, "index").window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.waitUntil(lambda: window.late_panels() is not None, timeout=5000)

    # Reading: Ctrl+1 to the contents, down one entry, Enter opens it; Alt+P to the page, Page Down scrolls it.
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert _focus_inside(window.contents)
    below = window.contents.itemBelow(window.contents.currentItem())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.current_page_id() == below.data(0, Qt.ItemDataRole.UserRole)
    qtbot.keyClick(window, Qt.Key.Key_P, ALT)
    assert _focus_inside(window.view)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: run_js(window.page, "window.scrollY") > 0, timeout=5000)

    # Searching: Ctrl+K, type, Enter opens the best hit.
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.search_field.hasFocus()
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10000, check_params_cb=lambda n: n > 0):
        qtbot.keyClicks(window.search_field, "hergebruik")
    with qtbot.waitSignal(window.page_loaded, timeout=10000) as blocker:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    found = blocker.args[0]
    assert found in window.edition.pages

    # Bookmarking: Ctrl+D marks the page (and says so), Ctrl+D again unmarks it, a third time marks it for good.
    qtbot.keyClick(window, Qt.Key.Key_P, ALT)
    for marked in (True, False, True):
        qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
        assert (window.userdata.find_bookmark(found, "") is not None) is marked
        assert window.bookmark_action.isChecked() is marked
    assert window.feedback.currentMessage().startswith("Bladwijzer bewaard")
    # Elsewhere (Alt+Home), then back through the bookmarks tab: its shortcut, down to the entry, Enter.
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_Home, ALT)
    assert window.current_page_id() != found
    bookmarks = window.late_panels().bookmarks
    index = window.sidebar.indexOf(bookmarks)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{index + 1}"), CTRL)
    assert _focus_inside(bookmarks)
    for _ in range(8):  # Tab from the filter field (and the panel's buttons) into the list
        if _focus_inside(bookmarks.tree):
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _focus_inside(bookmarks.tree)
    assert bookmarks.tree.model().rowCount() == 1
    if not bookmarks.tree.currentIndex().isValid():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.current_page_id() == found

    # Switching tabs: Ctrl+T opens the home page in a new tab (the tab bar appears), Ctrl+Tab goes round to the
    # bookmarked page, Ctrl+Shift+Tab back to the new tab, Ctrl+W closes it and the page read before is back.
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    assert window.current_page_id() == window.edition.home_page and window.tabs.bar.isVisible()
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_Tab, CTRL)
    assert window.current_page_id() == found
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert window.current_page_id() == window.edition.home_page
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_W, CTRL)
    assert window.current_page_id() == found and not window.tabs.bar.isVisible()

    # Citing: the context-menu key on the page opens the reader's menu (Escape closes it), and so does Shift+F10 on
    # keyboards without that key; "Citeer deze sectie" is reached by arrows.
    qtbot.keyClick(window, Qt.Key.Key_P, ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5000)
    qapp.clipboard().clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
    menu = QApplication.activePopupWidget()
    names = [a.objectName() for a in menu.actions() if not a.isSeparator() and a.isEnabled()]
    for _ in range(names.index("citeSection") + 1):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction().objectName() == "citeSection"
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(qapp.clipboard().text()), timeout=5000)
    assert window.edition.title in qapp.clipboard().text()

    # Exporting: Ctrl+Shift+E, type the file name into the dialog, Enter.
    out = tmp_path / "toetsenbord.pdf"

    def type_name() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, type_name)
            return
        field = QApplication.focusWidget()
        QTest.keyClick(field, Qt.Key.Key_A, CTRL)
        QTest.keyClicks(field, str(out))
        QTest.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(100, type_name)
    with qtbot.waitSignal(window.pdf_exported, timeout=30000) as exported:
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)
    assert exported.args == [str(out), True]
    assert out.read_bytes().startswith(b"%PDF-")
