"""The instant results under the toolbar's search field, in the real window on a real edition (its Whoosh index),
driven by key events sent to the field: typing drops the best hits (the contents tree stays), arrows choose, Enter
opens with the hits marked, Escape closes then leaves, Alt+Enter / Shift+Enter / the last row open the full list, Tab
goes field -> correction -> results, a click outside closes, a resize moves it along."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.mainwindow import MainWindow
    from reader.gui.search_dropdown import SearchDropdown

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
MARKS_JS = "document.querySelectorAll('mark.rl-search-hit').length"

# Twelve pages about a "koppelvlak" (more than the dropdown shows), one without it.
PAGES = {
    "index.md": "---\ntitle: Start\n---\n# Start\n\nWelkom bij de proefrichtlijnen.\n",
    **{
        f"koppeling-{i:02d}.md": (
            f"---\ntitle: Koppeling {i:02d}\n---\n# Koppeling {i:02d}\n\nEen inleiding.\n\n## Afspraken {i}\n\n"
            f"Beschrijf het koppelvlak nummer {i} met de afnemers en leg de afspraken vast.\n"
        )
        for i in range(1, 13)
    },
    "opslag.md": "---\ntitle: Opslag\n---\n# Opslag\n\nHoud de kosten van opslag in de gaten.\n",
}


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from reader import paths
    from reader.core.edition import build_edition

    src = tmp_path_factory.mktemp("dropdown-corpus")
    for name, text in PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("dropdown-edition") / "edition"
    build_edition(src, out, icons_dir=paths.icons_dir())
    return out


@pytest.fixture
def window(open_reader: Callable[..., Any], qtbot: QtBot, edition: Path) -> MainWindow:
    window = open_reader(edition, "index").window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.waitUntil(lambda: window.late_panels() is not None, timeout=5000)
    window.sidebar_tabs.show(window.contents)
    window.view.setFocus()
    return window


def dropdown_of(window: MainWindow) -> SearchDropdown:
    panels = window.late_panels()
    assert panels is not None
    return panels.search_dropdown


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> SearchDropdown:
    """Ctrl+K, then the text key by key; returns the dropdown once the results are in."""
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.search_field.hasFocus()
    panel = window.search_panel
    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(lambda: not panel.search_pending, timeout=5000)
    return dropdown_of(window)


def rows(dropdown: SearchDropdown) -> list[str]:
    return [dropdown.model.index(r, 0).data() for r in range(dropdown.model.rowCount())]


def in_window(window: MainWindow, widget: Any) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_typing_drops_the_best_hits_and_keeps_the_contents_tree(qtbot: QtBot, window: MainWindow) -> None:
    announced: list[str] = []
    dropdown_of(window).announced.connect(announced.append)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(window.search_field, "koppelvlak")
    dropdown = dropdown_of(window)
    # Before the search ran (it runs on the next turn of the event loop): the running state, at once.
    assert dropdown.isVisible() and dropdown.status.text() == "Zoeken..."
    assert window.search_panel.status.text() == "Zoeken..."
    qtbot.waitUntil(lambda: dropdown.model.rowCount() > 0, timeout=10000)
    found = rows(dropdown)
    assert len(found) == 9  # the eight best of twelve, then the full list
    assert all(text.startswith("Koppeling ") and "koppelvlak" in text for text in found[:8])
    assert found[8] == "Alle 12 resultaten tonen"
    assert dropdown.status.text() == "12 resultaten op 12 pagina's"
    assert announced[-1] == "12 resultaten op 12 pagina's"  # the count, said to a screen reader
    # Nothing selected yet; the contents tree is where it was, the focus still in the field.
    assert dropdown.selected_row() == -1
    assert window.sidebar.currentWidget() is window.contents and window.contents.isVisible()
    assert window.search_field.hasFocus()
    # Under the field, inside the window, over the page.
    field = in_window(window, window.search_field)
    assert dropdown.geometry().top() >= field.bottom() and window.rect().contains(dropdown.geometry())
    assert dropdown.list.isVisible() and dropdown.list.height() > 100
    # With room in the window, every row shows without scrolling, "Alle 12 resultaten tonen" too. (The list's
    # height once came from a QListView's default size hint, and the last rows hid behind a scroll bar.)
    window.resize(window.width(), 600)  # room for the rows, not much more
    for _placing in range(3):  # placed again (as on every new result or resize): the same height each time
        dropdown._size()
        qtbot.waitUntil(lambda: dropdown.list.verticalScrollBar().maximum() == 0, timeout=2000)
        last = dropdown.list.visualRect(dropdown.model.index(8, 0))
        assert dropdown.list.viewport().rect().contains(last)
    # A list with items, named, each row readable as text.
    assert dropdown.list.accessibleName() == "Snelle zoekresultaten"
    assert dropdown.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Koppeling ")


def test_arrows_choose_and_enter_opens_the_hit_with_its_words_marked(
    qtbot: QtBot, window: MainWindow, run_js: Callable[..., Any]
) -> None:
    dropdown = type_query(qtbot, window, "koppelvlak")
    field = window.search_field
    for key, expected in ((Qt.Key.Key_Down, 0), (Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, 0), (Qt.Key.Key_Up, -1),
                          (Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 0), (Qt.Key.Key_Down, 1)):
        qtbot.keyClick(field, key)
        assert dropdown.selected_row() == expected
    assert field.hasFocus()
    assert window.search_panel.view.currentIndex().row() == 1  # the full list follows the choice
    page = window.search_panel.model.index(1, 0).data(Qt.ItemDataRole.UserRole + 1)
    with qtbot.waitSignal(window.page_loaded, timeout=10000) as loaded:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert loaded.args[0] == page
    assert not dropdown.isVisible()
    qtbot.waitUntil(lambda: run_js(window.page, MARKS_JS) > 0, timeout=5000)
    assert window.view.hasFocus() or window.view.isAncestorOf(QApplication.focusWidget())  # on to reading
    # Down at the last row stays there (no wrapping).
    dropdown = type_query(qtbot, window, "x")  # selectAll + a new query
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "koppelvlak")
    qtbot.waitUntil(lambda: dropdown.model.rowCount() == 9, timeout=5000)
    for _ in range(12):
        qtbot.keyClick(field, Qt.Key.Key_Down)
    assert dropdown.selected_row() == 8


def test_enter_with_nothing_selected_opens_the_first_hit(qtbot: QtBot, window: MainWindow) -> None:
    dropdown = type_query(qtbot, window, "kosten opslag")
    assert rows(dropdown)[0].startswith("Opslag") and dropdown.selected_row() == -1
    with qtbot.waitSignal(window.page_loaded, timeout=10000) as loaded:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert loaded.args[0] == "opslag"


def test_escape_closes_then_leaves_the_field_and_down_reopens(
    qtbot: QtBot, window: MainWindow
) -> None:
    dropdown = type_query(qtbot, window, "koppelvlak")
    field = window.search_field
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dropdown.isVisible() and field.text() == "koppelvlak" and field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down)  # back, with the first row chosen
    assert dropdown.isVisible() and dropdown.selected_row() == 0
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # the second: the search goes, the page has the focus
    assert field.text() == "" and not dropdown.isVisible()
    assert window.view.hasFocus() or window.view.isAncestorOf(QApplication.focusWidget())
    # A new query opens it again.
    type_query(qtbot, window, "opslag")
    assert dropdown.isVisible()


@pytest.mark.parametrize("how", ["alt-enter", "shift-enter", "last row"])
def test_the_full_list_is_one_key_away(qtbot: QtBot, window: MainWindow, how: str) -> None:
    dropdown = type_query(qtbot, window, "koppelvlak")
    field, panel = window.search_field, window.search_panel
    if how == "alt-enter":
        qtbot.keyClick(field, Qt.Key.Key_Return, ALT)
    elif how == "shift-enter":
        qtbot.keyClick(field, Qt.Key.Key_Enter, SHIFT)
    else:
        for _ in range(9):
            qtbot.keyClick(field, Qt.Key.Key_Down)
        assert dropdown.model.index(dropdown.selected_row(), 0).data() == "Alle 12 resultaten tonen"
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not dropdown.isVisible()
    assert window.sidebar.currentWidget() is panel and panel.view.hasFocus()
    assert panel.result_count() == 12 and panel.query() == "koppelvlak"
    # While the full list is in view, typing refines it there: no second copy over the page.
    field.setFocus()
    qtbot.keyClicks(field, " afspraken")
    qtbot.waitUntil(lambda: not panel.search_pending, timeout=5000)
    assert not dropdown.isVisible()


def test_tab_goes_to_the_correction_then_to_the_results(qtbot: QtBot, window: MainWindow) -> None:
    dropdown = type_query(qtbot, window, "koppelvlsk")
    assert dropdown.suggestion.isVisible()
    assert "Resultaten voor <b>koppelvlak</b>" in dropdown.suggestion.text()
    assert dropdown.model.rowCount() == 9
    field = window.search_field
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert dropdown.suggestion.hasFocus() and dropdown.isVisible()
    taken: list[str] = []
    dropdown.suggestion.linkActivated.connect(taken.append)
    qtbot.keyClick(dropdown.suggestion, Qt.Key.Key_Tab)
    assert dropdown.list.hasFocus() and dropdown.isVisible()
    qtbot.keyClick(dropdown.list, Qt.Key.Key_Down)
    qtbot.keyClick(dropdown.list, Qt.Key.Key_Escape)  # back to the field, still open
    assert field.hasFocus() and dropdown.isVisible()
    # The correction's link, by the keyboard: the words as typed, searched exactly, find nothing and offer the
    # correction.
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert dropdown.suggestion.hasFocus()
    qtbot.keyClick(dropdown.suggestion, Qt.Key.Key_Return)
    assert taken == ["exact:koppelvlsk"]
    assert field.text() == "koppelvlsk" and field.hasFocus()
    qtbot.waitUntil(lambda: dropdown.status.text() == "Geen resultaten", timeout=5000)
    assert dropdown.isVisible() and dropdown.model.rowCount() == 0 and not dropdown.list.isVisible()
    assert "Bedoelde je" in dropdown.suggestion.text()


def test_nothing_found_says_so(qtbot: QtBot, window: MainWindow) -> None:
    dropdown = type_query(qtbot, window, "zeppelin")
    assert dropdown.isVisible() and dropdown.status.text() == "Geen resultaten"
    assert rows(dropdown) == [] and not dropdown.suggestion.isVisible()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # nothing to open: nothing happens
    assert dropdown.isVisible() and window.current_page_id() == "index"


def test_mouse_a_row_opens_a_click_outside_closes(qtbot: QtBot, window: MainWindow) -> None:
    dropdown = type_query(qtbot, window, "kosten")
    rect = dropdown.list.visualRect(dropdown.model.index(0, 0))
    with qtbot.waitSignal(window.page_loaded, timeout=10000) as loaded:
        qtbot.mouseClick(dropdown.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert loaded.args[0] == "opslag" and not dropdown.isVisible()
    dropdown = type_query(qtbot, window, "koppelvlak")
    assert dropdown.isVisible()
    # A click inside the dropdown (on its count) leaves it open.
    handle = window.windowHandle()
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     in_window(window, dropdown.status).center())
    assert dropdown.isVisible()
    # An empty spot of the toolbar takes no focus: only the click itself can close the dropdown. (Clicked through
    # the window, as the platform delivers a click, not straight to the widget as QTest does for a QWidget.)
    toolbar = window.toolbar
    spot = QPoint(toolbar.width() - 3, toolbar.height() // 2)
    assert toolbar.childAt(spot) is None
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, toolbar.mapTo(window, spot))
    assert not dropdown.isVisible() and window.search_field.hasFocus()


def test_it_follows_the_field_when_the_window_is_resized(qtbot: QtBot, window: MainWindow) -> None:
    dropdown = type_query(qtbot, window, "koppelvlak")
    before = dropdown.geometry()
    window.resize(900, 500)
    qtbot.waitUntil(lambda: window.width() == 900, timeout=5000)
    qtbot.waitUntil(lambda: dropdown.geometry() != before, timeout=5000)
    field = in_window(window, window.search_field)
    assert dropdown.isVisible() and window.rect().contains(dropdown.geometry())
    assert dropdown.geometry().top() >= field.bottom()
    # Under the field's left edge, or as far left as keeps it inside the window.
    assert dropdown.geometry().left() == max(4, min(field.left(), window.width() - dropdown.width() - 4))
    assert dropdown.geometry().bottom() <= 500 - 4  # shorter, to fit


def test_marks_differ_from_the_selection_in_every_theme(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    from reader.gui.searchmarks import mark_colours
    from reader.gui.sidebar.search import HTML_ROLE
    from reader.gui.themes import contrast_ratio

    for theme in ("light", "dark", "contrast"):
        window.set_theme(theme)
        dropdown = type_query(qtbot, window, "koppelvlak")
        palette = dropdown.palette()
        bg, fg = mark_colours(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        assert contrast_ratio(QColor(bg), highlight) > 1.5, theme  # a hit stays visible in the selected row
        assert contrast_ratio(QColor(bg), QColor(fg)) >= 4.5, theme
        assert f"background-color:{bg}" in dropdown.model.index(0, 0).data(HTML_ROLE), theme
        assert f"background-color:{bg}" in window.search_panel.model.index(0, 0).data(HTML_ROLE), theme  # the same
        assert dropdown.backgroundRole() == QPalette.ColorRole.Base and dropdown.autoFillBackground()
        qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
        qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    window.set_theme("system")


@pytest.mark.usefixtures("back_to_dutch")
def test_the_dropdown_speaks_english_too(qtbot: QtBot, window: MainWindow, english_qm: Path) -> None:
    window.language_actions["en"].trigger()
    dropdown = type_query(qtbot, window, "koppelvlak")
    assert rows(dropdown)[-1] == "Show all 12 results"
    assert dropdown.list.accessibleName() == "Quick search results"
    window.language_actions["nl"].trigger()
    assert rows(dropdown)[-1] == "Alle 12 resultaten tonen"


def test_the_full_list_is_not_the_tab_the_next_start_opens_on(
    qtbot: QtBot, open_reader: Callable[..., Any], edition: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "profile-restart"
    window = open_reader(edition, "index", profile=profile).window
    window.sidebar_tabs.show(window.bookmarks)  # the reader's own choice: remembered
    qtbot.waitUntil(lambda: window.late_panels() is not None, timeout=5000)
    type_query(qtbot, window, "koppelvlak")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return, ALT)  # the full list
    assert window.sidebar.currentWidget() is window.search_panel
    window.close()
    again = open_reader(edition, "index", profile=profile).window
    qtbot.waitUntil(lambda: again.late_panels() is not None, timeout=5000)
    assert again.sidebar.currentWidget() is again.bookmarks
