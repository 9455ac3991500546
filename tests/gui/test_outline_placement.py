""""Op deze pagina" beside the page on a wide window, in the sidebar's tabs otherwise (reader/gui/outlinepanel.py):
it moves live on resize, keeps its Ctrl+2, its menu entry and the reader's tab choice, and the panel's width is
remembered."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.gui.outlinepanel import MIN_PAGE, MIN_PANEL, PANEL_WIDTH, clamp_width, outline_beside

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_choice_and_the_saved_width():
    assert outline_beside(MIN_PAGE + 250, 250) and not outline_beside(MIN_PAGE + 249, 250)
    assert clamp_width("300") == 300 and clamp_width(10) == MIN_PANEL
    assert clamp_width(None) == PANEL_WIDTH and clamp_width("breed") == PANEL_WIDTH


def activate(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_the_outline_moves_beside_the_page_when_there_is_room_and_back(open_reader, qtbot, content_edition):
    window = open_reader(content_edition, "handleiding/zoeken").window  # 1200 px: no room beside the page
    place = window.outline_place
    activate(window, qtbot)
    anchors = window.outline.anchors()
    assert anchors and not place.beside and not place.panel.isVisible()
    assert window.sidebar.indexOf(window.outline) == 1
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # the reader chooses the outline's tab
    assert window.sidebar.currentWidget() is window.outline

    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: place.beside, timeout=3000)
    assert window.sidebar.indexOf(window.outline) == -1
    assert window.sidebar.currentWidget() is window.contents  # the tree that is always there
    assert place.panel.isVisible() and place.panel.isAncestorOf(window.outline) and window.outline.isVisible()
    assert window.outline.anchors() == anchors
    assert window.view.width() >= MIN_PAGE
    assert abs(place.panel.width() - place.width) <= 2
    assert place.panel.accessibleName() == "Op deze pagina"
    # Every tab left on the rail still names its own key; none needs a scroll arrow.
    bar = window.sidebar.tabBar()
    order = [widget for widget, _title in window.sidebar_tabs.tabs]
    for index in range(window.sidebar.count()):
        action = window.sidebar_tabs.actions[order.index(window.sidebar.widget(index))]
        assert window.sidebar.tabToolTip(index) == action.toolTip()
        assert bar.rect().contains(bar.tabRect(index))
    assert window.sidebar.count() == len(window.sidebar_tabs.tabs) - 1

    window.resize(1000, 700)
    qtbot.waitUntil(lambda: not place.beside, timeout=3000)
    assert window.sidebar.indexOf(window.outline) == 1 and not place.panel.isVisible()
    assert window.sidebar.currentWidget() is window.outline  # the reader's choice, back with the tab
    assert window.preferences.current.sidebar_tab == "outlineTree"


def test_ctrl_2_the_menu_tab_and_f6_reach_the_outline_beside_the_page(open_reader, qtbot, content_edition):
    window = open_reader(content_edition, "handleiding/zoeken").window
    activate(window, qtbot)
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: window.outline_place.beside, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.outline.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # the numbers of the other tabs did not shift
    assert window.sidebar.currentWidget() is window.relations
    show_outline = window.sidebar_tabs.actions[1]
    assert show_outline in window.sidebar_menu.actions()
    show_outline.trigger()
    assert window.outline.hasFocus()
    # Enter on a heading scrolls the page there, as in the tab.
    qtbot.keyClick(window.outline, Qt.Key.Key_End)
    with qtbot.waitSignal(window.outline.anchor_requested, timeout=3000):
        qtbot.keyClick(window.outline, Qt.Key.Key_Return)
    # F6 from the page goes on to the outline beside it.
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.outline.hasFocus()


def test_the_library_page_has_no_outline_beside_it(open_reader, qtbot, content_edition):
    window = open_reader(content_edition, "handleiding/zoeken").window
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: window.outline_place.beside, timeout=3000)
    window.corpora.show_library()
    qtbot.waitUntil(lambda: not window.outline_place.beside, timeout=3000)
    assert not window.outline_place.panel.isVisible()
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("handleiding/lezen")
    qtbot.waitUntil(lambda: window.outline_place.beside, timeout=3000)


def test_hiding_the_sidebar_makes_room_beside_the_page(open_reader, qtbot, content_edition):
    window = open_reader(content_edition, "handleiding/zoeken").window  # 1200 px
    assert not window.outline_place.beside
    window.toggle_sidebar_action.setChecked(False)  # F9
    qtbot.waitUntil(lambda: window.outline_place.beside, timeout=3000)
    window.toggle_sidebar_action.setChecked(True)
    qtbot.waitUntil(lambda: not window.outline_place.beside, timeout=3000)


def test_the_panel_width_the_reader_drags_is_kept(open_reader, qtbot, content_edition, tmp_path, reader_context):
    window = open_reader(content_edition, "handleiding/zoeken").window
    window.resize(1900, 1000)
    place = window.outline_place
    qtbot.waitUntil(lambda: place.beside, timeout=3000)
    handle = window.splitter.handle(window.splitter.indexOf(place.panel))
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start - QPoint(90, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start - QPoint(90, 0))
    qtbot.waitUntil(lambda: place.width >= PANEL_WIDTH + 60, timeout=3000)
    dragged = place.width
    window.close()

    from reader.gui.app import create_reader

    reader = create_reader(content_edition, tmp_path / "profile", context=reader_context)
    try:
        again = reader.window
        again.resize(1900, 1000)
        again.show()
        qtbot.waitUntil(lambda: again.outline_place.beside, timeout=5000)
        assert again.outline_place.width == dragged
        assert abs(again.outline_place.panel.width() - dragged) <= 2
    finally:
        reader.close()
