"""Op deze pagina: the page's headings; a click scrolls; the current heading is marked while scrolling."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeWidgetItem

    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def _item(window: MainWindow, anchor: str) -> QTreeWidgetItem:
    return window.outline._items[anchor]


def test_outline_lists_the_headings_nested_by_level(open_reader, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    info = window.edition.pages["richtlijnen/samenwerking"]
    assert window.outline.anchors() == [a for _l, _t, a in info.headings]
    top = window.outline.topLevelItem(0)
    assert top.text(0) == "8. Deel, hergebruik en werk samen"
    assert top.childCount() >= 3  # the h2 sections sit under the h1
    assert _item(window, "hoe-pas-je-het-toe").parent() is top


def test_clicking_a_heading_scrolls_the_page_to_it(open_reader, run_js, qtbot, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    anchor = window.outline.anchors()[-1]
    assert run_js(window.page, "window.scrollY") == 0
    window.outline.itemClicked.emit(_item(window, anchor), 0)
    qtbot.waitUntil(lambda: run_js(window.page, "window.scrollY") > 100, timeout=5000)
    top = run_js(window.page, f"document.getElementById({anchor!r}).getBoundingClientRect().top")
    height = run_js(window.page, "window.innerHeight")
    assert 0 <= top < height  # the heading is on screen
    assert window.outline.current_anchor() == anchor


def test_scrolling_marks_the_current_heading(open_reader, run_js, qtbot, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    # The injected script reports the first heading once the channel is up.
    qtbot.waitUntil(lambda: window.outline.current_anchor() is not None, timeout=5000)
    anchors = window.outline.anchors()
    assert window.outline.current_anchor() == anchors[0]
    target = "hoe-pas-je-het-toe"
    with qtbot.waitSignal(window.heading_changed, timeout=5000, check_params_cb=lambda a: a == target):
        run_js(window.page, f"window.scrollTo(0, document.getElementById({target!r}).offsetTop + 5); 1")
    assert window.outline.current_anchor() == target
    assert window.outline.currentItem() is _item(window, target)
    assert _item(window, target).font(0).bold()
    assert not _item(window, anchors[0]).font(0).bold()
    with qtbot.waitSignal(window.heading_changed, timeout=5000, check_params_cb=lambda a: a == anchors[0]):
        run_js(window.page, "window.scrollTo(0, 0); 1")


def test_outline_follows_the_page_and_corpus_scripts_stay_off(open_reader, run_js, qtbot, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("richtlijnen/integratie")
    assert window.outline.anchors() == [a for _l, _t, a in window.edition.pages["richtlijnen/integratie"].headings]
    # Our helper lives in the ApplicationWorld only; the page's own world sees neither it nor any script result.
    from PySide6.QtWebEngineCore import QWebEngineScript

    assert run_js(window.page, "typeof window.rlReader") == "object"
    with qtbot.waitCallback(timeout=5000) as cb:
        window.page.runJavaScript("typeof window.rlReader", QWebEngineScript.ScriptWorldId.MainWorld, cb)
    assert cb.args[0] in (None, "", "undefined")  # JavaScript is off in the main world
