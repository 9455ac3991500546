"""Keyboard only: shortcuts reach every sidebar tab, Tab moves through the window, F6 cycles panes, focus is visible."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def _focus_inside(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


@pytest.fixture
def window(open_reader: Callable[..., Reader], qtbot: QtBot, nerds_edition: Path) -> MainWindow:
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def test_a_shortcut_reaches_every_sidebar_tab_and_focuses_it(window, qtbot):
    count = window.sidebar.count()
    assert count >= 5  # contents, outline, relations, bookmarks, history (search joins when it exists)
    for index in range(count):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.sidebar.currentIndex() == index
        assert _focus_inside(window.sidebar.widget(index)), (index, QApplication.focusWidget())
        assert window.sidebar.tabToolTip(index).endswith(f"(Ctrl+{index + 1})")


def test_shortcut_shows_a_hidden_sidebar(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.sidebar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.isVisible()
    assert window.sidebar.currentWidget() is window.relations


def test_tab_key_walks_from_the_tab_bar_into_the_tab_and_on_to_the_page(window, qtbot):
    bar = window.sidebar.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    assert bar.hasFocus()
    # Arrow keys on the focused tab bar switch tabs: every tab is reachable without a mouse or shortcut.
    start = window.sidebar.currentIndex()
    seen = {start}
    for _ in range(window.sidebar.count()):
        qtbot.keyClick(bar, Qt.Key.Key_Right)
        seen.add(window.sidebar.currentIndex())
    assert seen == set(range(window.sidebar.count()))
    window.sidebar.setCurrentWidget(window.outline)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _focus_inside(window.outline)
    # Enter on an outline entry scrolls the page: the outline works from the keyboard.
    qtbot.keyClick(window.outline, Qt.Key.Key_End)
    with qtbot.waitSignal(window.outline.anchor_requested, timeout=3000):
        qtbot.keyClick(window.outline, Qt.Key.Key_Return)
    # Tab goes on until the page has the focus, which the page frame shows.
    for _ in range(12):
        if _focus_inside(window.view):
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _focus_inside(window.view)
    assert window.page_frame.property("focused") is True
    assert "palette(highlight)" in window.page_frame.styleSheet()


def test_f6_cycles_between_sidebar_page_and_find_bar(window, qtbot):
    window.contents.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert _focus_inside(window.view)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.findbar.field.hasFocus()
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.findbar.field.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert _focus_inside(window.sidebar.currentWidget())


def test_keyboard_navigation_through_contents_opens_a_page(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    tree = window.contents
    assert _focus_inside(tree)
    current = tree.currentItem()
    below = tree.itemBelow(current)
    assert below is not None
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.current_page_id() == below.data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_id() == "richtlijnen/samenwerking"
