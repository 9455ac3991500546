"""The sidebar's tabs on a rail (reader/gui/sidebar/rail.py): every tab fits, with its icon and its full name
(wrapped, elided only beyond two lines), named for a screen reader, moved through with the arrow keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QTabWidget

from reader.gui.sidebar.rail import MAX_LINES, RailTabBar, SidebarTabWidget

pytestmark = pytest.mark.gui


@pytest.fixture
def window(open_reader, qtbot, content_edition):
    window = open_reader(content_edition).window
    window._ensure_panels()  # all six tabs
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.wait(20)  # the icons come a turn of the event loop after the panels
    return window


def test_six_tabs_fit_a_short_window_with_icons_and_whole_names(window, qtbot):
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.height() <= 600, timeout=3000)
    sidebar = window.sidebar
    assert isinstance(sidebar, SidebarTabWidget) and sidebar.tabPosition() == QTabWidget.TabPosition.West
    bar = sidebar.rail()
    assert bar.count() == 6
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
        assert not bar.tabIcon(index).isNull(), bar.tabText(index)
        assert "".join(bar.label_lines(index)).replace(" ", "") == bar.tabText(index).replace(" ", "")
    assert bar.label_lines(1) == ["Op deze", "pagina"]


def test_each_tab_is_named_in_full_for_a_screen_reader(window):
    bar = window.sidebar.tabBar()
    iface = QAccessible.queryAccessibleInterface(bar)
    names = [iface.child(i).text(QAccessible.Text.Name) for i in range(iface.childCount())
             if iface.child(i).role() == QAccessible.Role.PageTab]
    assert names == [window.sidebar.tabText(i) for i in range(window.sidebar.count())]
    assert "Op deze pagina" in names


def test_up_and_down_move_along_the_rail(window, qtbot):
    bar = window.sidebar.tabBar()
    window.sidebar.setCurrentIndex(0)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    assert window.sidebar.currentIndex() == 2
    qtbot.keyClick(bar, Qt.Key.Key_Up)
    assert window.sidebar.currentIndex() == 1
    qtbot.keyClick(bar, Qt.Key.Key_Up)
    qtbot.keyClick(bar, Qt.Key.Key_Up)  # at the top it stays
    assert window.sidebar.currentIndex() == 0


def test_a_long_name_wraps_to_two_lines_and_is_elided_beyond(qtbot):
    bar = RailTabBar()
    qtbot.addWidget(bar)
    bar.addTab("Een naam die veel te lang is voor twee regels op de rail")
    bar.addTab("Onafgebrokenwoordzonderspatiesdatnietpast")
    width = bar.rail_width()
    lines = bar.label_lines(0)
    assert len(lines) == MAX_LINES and lines[-1].endswith("\u2026")
    assert all(bar.fontMetrics().horizontalAdvance(line) <= width for line in lines)
    assert bar.label_lines(1)[0].endswith("\u2026")
    assert bar.tabSizeHint(0).width() == bar.tabSizeHint(1).width() == width
