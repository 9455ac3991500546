"""Issue 15, smaller things: a checklist item's text ticks it, history entries stand apart, the shortcut overview is
grouped by menu and sorted, and the edition's details name the reader's version."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt

from reader import __version__

pytestmark = pytest.mark.gui


def _checked(run_js, window) -> list[bool]:
    return (run_js(window.page, "window.rlChecklist ? window.rlChecklist.state() : '{}'") or {}).get("checked", [])


def _text_point(run_js, window, index: int) -> QPoint:
    """The middle of the first words of item `index`'s own text (outside the box's label)."""
    rect = run_js(
        window.page,
        f"(function(){{var li=document.querySelectorAll('li.task-list-item')[{index}];"
        "li.scrollIntoView({block:'center'});"
        "var w=document.createTreeWalker(li, NodeFilter.SHOW_TEXT, {acceptNode: function(n){"
        " return n.nodeValue.trim() && !n.parentElement.closest('label, a, code, kbd') ?"
        " NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;}});"
        "var t=w.nextNode(); var s=t.nodeValue.search(/\\S/); var r=document.createRange();"
        "r.setStart(t, s); r.setEnd(t, s + 3); var b=r.getBoundingClientRect();"
        "return JSON.stringify([b.left+b.width/2, b.top+b.height/2]);})()",
    )
    zoom = window.view.zoomFactor()
    return QPoint(int(rect[0] * zoom), int(rect[1] * zoom))


def test_clicking_a_checklist_item_text_ticks_it(open_reader, run_js, qtbot, content_edition):
    window = open_reader(content_edition, "index").window
    qtbot.waitUntil(lambda: len(_checked(run_js, window)) >= 5, timeout=10000)
    qtbot.waitUntil(lambda: all(run_js(window.page, "window.rlChecklist.state()")["enabled"]), timeout=10000)
    before = _checked(run_js, window)
    assert not before[4]
    target = window.view.focusProxy() or window.view
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=_text_point(run_js, window, 4))
    qtbot.waitUntil(lambda: _checked(run_js, window)[4] is True, timeout=10000)
    qtbot.waitUntil(lambda: any(window.userdata.state("index").values()), timeout=10000)  # saved, as a box click
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=_text_point(run_js, window, 4))
    qtbot.waitUntil(lambda: _checked(run_js, window)[4] is False, timeout=10000)
    assert _checked(run_js, window)[:4] == before[:4]  # only that item


def test_history_entries_stand_apart(open_reader, qtbot, content_edition):
    window = open_reader(content_edition, "index").window
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        window.open_page("handleiding/zoeken")
    history = window._ensure_panels().history
    qtbot.waitUntil(lambda: history.model.rowCount() >= 2, timeout=10000)
    window.sidebar_tabs.show(history)
    first = history.list.visualRect(history.model.index(0, 0))
    second = history.list.visualRect(history.model.index(1, 0))
    assert second.top() - first.bottom() > 3  # a visible gap, not one block of text
    assert history.list.alternatingRowColors()


def test_shortcut_overview_is_grouped_by_menu_and_sorted(open_reader, content_edition):
    window = open_reader(content_edition).window
    table = window.shortcuts_text()
    groups = re.findall(r"<th[^>]*>([^<]*)</th>", table)
    assert groups[:2] == ["Bestand", "Bewerken"] and groups[-1] == "Overig"
    assert len(groups) == len(set(groups))
    for section in re.split(r"<tr><th[^>]*>[^<]*</th></tr>", table)[1:]:
        names = re.findall(r"<tr><td>([^<]*)</td>", section)
        assert names == sorted(names, key=str.casefold)
    edit = table.split(">Bewerken<")[1].split("<th")[0]
    assert "Zoeken op pagina" in edit and "Ctrl+F" in edit
    assert "Zoeken in alle pagina" in table.split(">Overig<")[1]


def test_about_names_the_reader_version(open_reader, content_edition):
    window = open_reader(content_edition).window
    assert f"Versie van de lezer: {__version__}" in window.about_text()
