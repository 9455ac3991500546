"""Reading tabs in the real window: a link opened in a new tab by Ctrl+click and middle-click on the page, the tab
commands by action and by real keys, back/forward per tab, the scroll position after a switch, tabs after a
restart (only the active one loaded), and a tab in another corpus.

A small corpus of our own: long pages (so that scrolling means something) that link to each other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.core.edition import build_edition

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui

PAGES = ("p1", "p2", "p3")


@pytest.fixture(scope="module")
def tabs_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("tabs")
    src = base / "src"
    (src / "docs").mkdir(parents=True)
    (src / "mkdocs.yml").write_text("site_name: Tabproef\nextra:\n  richtlijnenlezer:\n    corpus_id: tabproef\n",
                                    encoding="utf-8")
    (src / "docs" / "index.md").write_text(
        "# Begin\n\n" + "".join(f"- [Naar {p}]({p}.md)\n" for p in PAGES), encoding="utf-8"
    )
    for n, page in enumerate(PAGES):
        links = " ".join(f"[naar {other}]({other}.md)" for other in PAGES if other != page)
        body = "\n\n".join(f"## Deel {k}\n\n" + f"Regel {k} van pagina {n}. " * 40 for k in range(1, 15))
        (src / "docs" / f"{page}.md").write_text(f"# Pagina {page}\n\nLinks: {links}\n\n{body}\n", encoding="utf-8")
    build_edition(src, base / "edition")
    return base / "edition"


def wait_page(qtbot: QtBot, window: MainWindow, action: Callable[[], object], page_id: str) -> None:
    with qtbot.waitSignal(window.page_loaded, timeout=20000, check_params_cb=lambda p, ok: p == page_id and ok):
        action()


def link_point(run_js: Callable[..., Any], window: MainWindow, href: str) -> QPoint:
    """The middle of the first link to `href`, in the view's coordinates (scrolled into view first)."""
    rect = run_js(
        window.page,
        "(() => { const e = document.querySelector('a[href$=\"/page/%s\"]'); e.scrollIntoView({block: 'center'});"
        " const r = e.getBoundingClientRect(); return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]);"
        " })()" % href,
    )
    zoom = window.view.zoomFactor()
    return QPoint(int(rect[0] * zoom), int(rect[1] * zoom))


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A real key event at the page (where the reader's focus is)."""
    window.view.setFocus()
    target = window.view.focusProxy() or window.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=3000)
    QTest.keyClick(target, key, modifiers)


def test_ctrl_click_and_middle_click_open_a_background_tab(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot, run_js: Callable[..., Any]
) -> None:
    window = open_reader(tabs_edition, "p1").window
    assert window.tabs.count() == 1 and not window.tabs.bar.isVisible()  # one tab: no bar, the page has the room
    target = window.view.focusProxy() or window.view
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     link_point(run_js, window, "p2"))
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=5000)
    assert window.current_page_id() == "p1" and window.tabs.tabs.active == 0  # in the background
    assert window.tabs.titles() == ["Pagina p1", "Pagina p2"]
    assert window.tabs.bar.isVisible() and window.tabs.bar.tabToolTip(1) == "Pagina p2"
    assert window.feedback.isVisible() and "nieuw tabblad" in window.feedback.label.text()

    QTest.mouseClick(target, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier,
                     link_point(run_js, window, "p3"))
    qtbot.waitUntil(lambda: window.tabs.count() == 3, timeout=5000)
    assert window.tabs.titles() == ["Pagina p1", "Pagina p3", "Pagina p2"]  # right after the active tab
    assert window.current_page_id() == "p1"

    wait_page(qtbot, window, lambda: window.tabs.activate(2), "p2")  # a tab never shown: its page, fresh history
    assert not window.back_action.isEnabled()
    # A middle-click on a tab closes it.
    bar = window.tabs.bar
    QTest.mouseClick(bar, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(1).center())
    assert window.tabs.titles() == ["Pagina p1", "Pagina p2"]


def test_tab_commands_by_action_and_by_key(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot
) -> None:
    window = open_reader(tabs_edition, "p1").window
    actions = window.commands.actions
    wait_page(qtbot, window, actions["newTab"].trigger, "index")  # Ctrl+T: the home page, in front
    assert window.tabs.count() == 2 and window.tabs.tabs.active == 1
    wait_page(qtbot, window, actions["nextTab"].trigger, "p1")  # round the end
    wait_page(qtbot, window, actions["previousTab"].trigger, "index")

    # The same by real keys at the page.
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier),
              "index")
    assert window.tabs.count() == 3 and window.tabs.tabs.active == 2
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier), "p1")
    assert window.tabs.tabs.active == 0
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_Backtab, both), "index")
    assert window.tabs.tabs.active == 2
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
              "p1")
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier),
              "index")
    window.tabs.activate(1)
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
              "index")
    assert window.tabs.count() == 2 and window.tabs.tabs.active == 1  # the tab to its right takes its place
    wait_page(qtbot, window, lambda: press(qtbot, window, Qt.Key.Key_T, both), "index")  # reopened where it stood
    assert window.tabs.count() == 3 and window.tabs.tabs.active == 1

    wait_page(qtbot, window, lambda: window.tabs.activate(2), "index")
    wait_page(qtbot, window, actions["closeTab"].trigger, "index")  # the rightmost tab went: its left neighbour
    assert window.tabs.tabs.active == 1
    wait_page(qtbot, window, actions["closeTab"].trigger, "p1")
    # Ctrl+W on the last tab keeps the window: home page, and the message bar says so.
    wait_page(qtbot, window, actions["closeTab"].trigger, "index")
    assert window.isVisible() and window.tabs.count() == 1 and not window.tabs.bar.isVisible()
    assert window.feedback.isVisible() and "laatste tabblad" in window.feedback.label.text()
    assert not window.back_action.isEnabled()
    # Nothing else took these keys.
    keys = {}
    for action in window.actions():
        for key in action.shortcuts():
            assert key.toString() not in keys, f"{key.toString()}: {action.objectName()} and {keys[key.toString()]}"
            keys[key.toString()] = action.objectName()


def test_each_tab_keeps_its_own_back_and_forward_and_scroll(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot, run_js: Callable[..., Any],
    click_element: Callable[..., None],
) -> None:
    window = open_reader(tabs_edition, "p1").window
    wait_page(qtbot, window, lambda: window.open_page("p2"), "p2")  # tab A: p1 -> p2
    run_js(window.page, "window.scrollTo(0, 900)")
    qtbot.waitUntil(lambda: window.page.scrollPosition().y() > 800, timeout=5000)
    wait_page(qtbot, window, lambda: window.tabs.open_page("p3", None, background=False), "p3")  # tab B: p3
    assert not window.back_action.isEnabled()  # B has no history of A's pages
    wait_page(qtbot, window, lambda: window.tabs.activate(0), "p2")
    qtbot.waitUntil(lambda: window.page.scrollPosition().y() > 800, timeout=5000)  # where A was read
    assert window.back_action.isEnabled()
    wait_page(qtbot, window, window.back_action.trigger, "p1")  # back in A: p1
    assert window.forward_action.isEnabled()
    wait_page(qtbot, window, lambda: window.tabs.activate(1), "p3")
    assert not window.back_action.isEnabled() and not window.forward_action.isEnabled()  # B unaffected
    wait_page(qtbot, window, lambda: window.tabs.activate(0), "p1")
    wait_page(qtbot, window, window.forward_action.trigger, "p2")  # A's forward list survived the switches
    # A new page right after arriving in a tab goes on top of the tab's own history.
    wait_page(qtbot, window, lambda: window.tabs.activate(1), "p3")
    wait_page(qtbot, window, lambda: window.tabs.activate(0), "p2")
    wait_page(qtbot, window, lambda: click_element(window.view, 'a[href$="/page/p3"]'), "p3")
    wait_page(qtbot, window, window.back_action.trigger, "p2")
    wait_page(qtbot, window, window.back_action.trigger, "p1")
    assert not window.back_action.isEnabled() and window.forward_action.isEnabled()


def test_tabs_come_back_after_a_restart_with_only_the_active_one_loaded(
    reader_context: Any, tabs_edition: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    from reader.gui.app import create_reader

    profile = tmp_path / "profile"
    first = create_reader(tabs_edition, profile, context=reader_context, start_page="p1")
    try:
        window = first.window
        window.show()
        qtbot.waitUntil(lambda: window.current_page_id() == "p1" and window.late_panels() is not None, timeout=20000)
        wait_page(qtbot, window, lambda: window.open_page("p2"), "p2")
        window.tabs.open_page("p3", None)
        window.tabs.open_page("index", None)
        assert window.tabs.titles() == ["Pagina p2", "Begin", "Pagina p3"]
    finally:
        first.close()

    loads: list[str] = []
    second = create_reader(tabs_edition, profile, context=reader_context, start_page="")
    window = second.window
    window.page_loaded.connect(lambda page_id, ok: loads.append(page_id))
    window.show()
    try:
        qtbot.waitUntil(lambda: loads == ["p2"], timeout=20000)
        assert window.tabs.titles() == ["Pagina p2", "Begin", "Pagina p3"] and window.tabs.tabs.active == 0
        assert window.tabs.bar.isVisible()
        assert window.back_action.isEnabled()  # its history came back with it
        qtbot.wait(300)
        assert loads == ["p2"]  # the other tabs wait as state
        wait_page(qtbot, window, window.back_action.trigger, "p1")
        wait_page(qtbot, window, lambda: window.tabs.activate(2), "p3")
    finally:
        second.close()


def test_a_tab_in_another_corpus(
    open_reader: Callable[..., Reader], qtbot: QtBot, tmp_path: Path, run_js: Callable[..., Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from tests.gui.test_library_window import body_text, build_all, library_in, path_of

    editions = build_all(tmp_path_factory.mktemp("tabs-corpora"))
    library = library_in(tmp_path, editions)
    window = open_reader(path_of(library, "alfa"), "pagina-1").window
    window.corpora.library = library
    wait_page(qtbot, window, lambda: window.tabs.new_tab(), "index")
    wait_page(qtbot, window, lambda: window.corpora.open_corpus("beta"), "index")  # this tab now reads beta
    assert "betawoord" in body_text(run_js, window)
    wait_page(qtbot, window, lambda: window.tabs.activate(0), "pagina-1")
    assert window.edition.corpus_id == "alfa" and "alfanieuw" in body_text(run_js, window)
    assert not window.back_action.isEnabled()  # tab A never read beta
    wait_page(qtbot, window, lambda: window.tabs.activate(1), "index")
    assert window.edition.corpus_id == "beta" and "betawoord" in body_text(run_js, window)
    assert window.back_action.isEnabled()  # back to alfa's home, across corpora, in this tab
    wait_page(qtbot, window, window.back_action.trigger, "index")
    assert window.edition.corpus_id == "alfa"


def test_bad_or_stale_saved_tabs_are_dropped_and_the_last_page_read_opens(
    reader_context: Any, tabs_edition: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    import json

    from reader.gui.app import create_reader

    profile = tmp_path / "profile"
    profile.mkdir()
    gone = {"corpus": "tabproef", "root": str(tmp_path / "gone"), "page": "p2", "anchor": "", "history": ""}
    (profile / "settings.json").write_text(json.dumps({
        "version": 1, "last_page": "p3",
        "tabs": {"version": 1, "active": 0, "tabs": [
            {"title": "weg", "visits": [gone]},
            {"title": "kapot", "visits": [{**gone, "root": str(tabs_edition), "history": "%%%"}]},
        ]},
    }), encoding="utf-8")
    reader = create_reader(tabs_edition, profile, context=reader_context, start_page="")
    window = reader.window
    window.show()
    try:
        qtbot.waitUntil(lambda: window.current_page_id() == "p3" and window.late_panels() is not None, timeout=20000)
        assert window.tabs.count() == 1 and not window.tabs.bar.isVisible()
    finally:
        reader.close()
    assert "tabs" not in json.loads((profile / "settings.json").read_text(encoding="utf-8"))  # one tab: not kept


def test_open_in_new_tab_from_the_context_menu_of_a_link(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot, run_js: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_reader(tabs_edition, "p1").window
    menus: list[Any] = []
    monkeypatch.setattr(window, "_show_context_menu",
                        lambda request, pos: menus.append(window.build_context_menu(request)))
    # A real right-click on the link: Chromium reports what is under the cursor.
    QTest.mouseClick(window.view.focusProxy() or window.view, Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, link_point(run_js, window, "p3"))
    qtbot.waitUntil(lambda: bool(menus), timeout=5000)
    action = next(a for a in menus[-1].actions() if a.objectName() == "openLinkInNewTab")
    assert action.text() == "Openen in nieuw tabblad"
    action.trigger()
    assert window.tabs.titles() == ["Pagina p1", "Pagina p3"] and window.current_page_id() == "p1"
    # The message bar's button goes there.
    wait_page(qtbot, window, window.feedback.action_button.click, "p3")
    assert window.tabs.tabs.active == 1


def test_switching_tabs_records_no_visit_in_the_history(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot
) -> None:
    window = open_reader(tabs_edition, "p1").window
    wait_page(qtbot, window, lambda: window.tabs.open_page("p2", None, background=False), "p2")
    qtbot.waitUntil(lambda: [v.page_id for v in window.userdata.recent()][:2] == ["p2", "p1"], timeout=5000)
    for index, page in ((0, "p1"), (1, "p2"), (0, "p1")):
        wait_page(qtbot, window, lambda i=index: window.tabs.activate(i), page)
    qtbot.wait(50)  # the visit would be written on the next turn of the event loop
    assert window.userdata.history_count() == 2  # p1 and p2, each read once; switching tabs is no reading
    wait_page(qtbot, window, lambda: window.open_page("p3"), "p3")  # a page followed in a tab is a visit
    qtbot.waitUntil(lambda: window.userdata.history_count() == 3, timeout=5000)


def test_middle_and_ctrl_click_in_the_sidebar_open_a_background_tab(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot
) -> None:
    window = open_reader(tabs_edition, "p1").window
    qtbot.waitUntil(lambda: window.late_panels() is not None, timeout=5000)
    contents = window.contents
    window.sidebar_tabs.show(contents)
    item = contents._items["p2"]
    contents.scrollToItem(item)
    point = contents.visualItemRect(item).center()
    QTest.mouseClick(contents.viewport(), Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, point)
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=3000)
    assert window.tabs.titles()[1] == "Pagina p2" and window.current_page_id() == "p1"  # in the background
    assert contents.currentItem() is not item  # the click chose no row here
    # Ctrl+click on a page in the history: another background tab, the page shown stays.
    history = window.late_panels().history
    window.sidebar_tabs.show(history)
    qtbot.waitUntil(lambda: history.list.model().rowCount() > 0, timeout=5000)
    row = history.list.visualRect(history.list.model().index(0, 0)).center()
    QTest.mouseClick(history.list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, row)
    qtbot.waitUntil(lambda: window.tabs.count() == 3, timeout=3000)
    assert window.current_page_id() == "p1"
    # In the bookmarks Ctrl+click adds a row to the selection, as it did: only the middle button opens a tab.
    bookmarks = window.late_panels().bookmarks
    window.sections.toggle_bookmark()  # p1
    window.sidebar_tabs.show(bookmarks)
    qtbot.waitUntil(lambda: len(bookmarks.visible_bookmark_ids()) == 1, timeout=5000)
    mark = bookmarks.tree.visualRect(bookmarks.index_for(bookmarks.visible_bookmark_ids()[0])).center()
    before = bookmarks.selected_bookmark_ids()
    QTest.mouseClick(bookmarks.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, mark)
    assert window.tabs.count() == 3 and bookmarks.selected_bookmark_ids() != before  # toggled in the selection
    QTest.mouseClick(bookmarks.tree.viewport(), Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, mark)
    qtbot.waitUntil(lambda: window.tabs.count() == 4, timeout=3000)
    # A plain click still opens here.
    wait_page(qtbot, window, lambda: QTest.mouseClick(
        contents.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point), "p2")
    assert window.tabs.count() == 4


def test_a_tabs_close_button_closes_that_tab_and_is_drawn_in_the_theme(
    open_reader: Callable[..., Reader], tabs_edition: Path, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QTabBar, QToolButton

    window = open_reader(tabs_edition, "p1").window
    window.tabs.open_page("p2", None)
    window.tabs.open_page("p3", None)
    bar = window.tabs.bar
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    bar.moveTab(2, 1)  # the buttons follow their tab when tabs move
    buttons = [bar.tabButton(i, QTabBar.ButtonPosition.RightSide) for i in range(bar.count())]
    assert all(isinstance(b, QToolButton) and b.objectName() == "tabClose" for b in buttons)
    title = bar.tabToolTip(1)
    assert title in buttons[1].accessibleName()  # "Tabblad ... sluiten", the tab named
    image = buttons[0].icon().pixmap(12, 12).toImage()
    text = window.palette().color(QPalette.ColorRole.WindowText)
    drawn = [image.pixelColor(x, y) for x in range(12) for y in range(12) if image.pixelColor(x, y).alpha() > 200]
    assert drawn and all(abs(c.lightness() - text.lightness()) < 60 for c in drawn)  # the text colour, not red
    QTest.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=3000)
    assert title not in window.tabs.titles()
