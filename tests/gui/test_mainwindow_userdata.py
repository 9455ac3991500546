"""Bookmarks, history and checklists wired into the window; the app's two page scripts share one channel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.userdata import UserData

pytestmark = pytest.mark.gui


def test_ctrl_d_bookmarks_the_page_and_the_star_follows(open_reader, qtbot, content_edition, tmp_path):
    profile = tmp_path / "p"
    window = open_reader(content_edition, "handleiding/zoeken", profile=profile).window
    assert not window.bookmark_action.isChecked()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmark_action.isChecked()
    stored = window.userdata.find_bookmark("handleiding/zoeken", "")
    assert stored is not None and stored.title == window.edition.pages["handleiding/zoeken"].title
    assert stored.id in window.bookmarks.visible_bookmark_ids()
    # Another page: no star; back on the bookmarked one: star again.
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("over")
    assert not window.bookmark_action.isChecked()
    # Opening the bookmark from the panel navigates.
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.bookmarks.open_requested.emit("handleiding/zoeken", "")
    assert window.current_page_id() == "handleiding/zoeken"
    assert window.bookmark_action.isChecked()
    # The star again removes it (undoable in the panel).
    window.bookmark_action.trigger()
    assert window.userdata.find_bookmark("handleiding/zoeken", "") is None
    assert not window.bookmark_action.isChecked()


def test_section_bookmark_from_the_outline_heading(open_reader, qtbot, nerds_edition):
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    window.bookmark_section("hoe-pas-je-het-toe")
    stored = window.userdata.find_bookmark("richtlijnen/samenwerking", "hoe-pas-je-het-toe")
    assert stored is not None
    assert stored.title == "8. Deel, hergebruik en werk samen \u2014 Hoe pas je het toe?"
    assert stored.section_hash == window.edition.pages["richtlijnen/samenwerking"].section_hashes["hoe-pas-je-het-toe"]
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("index")
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.bookmarks.open_requested.emit("richtlijnen/samenwerking", "hoe-pas-je-het-toe")
    assert window.current_page_id() == "richtlijnen/samenwerking"


def test_history_records_every_page_opened(open_reader, qtbot, content_edition, tmp_path):
    profile = tmp_path / "p"
    window = open_reader(content_edition, profile=profile).window
    for page in ("handleiding/zoeken", "over"):
        with qtbot.waitSignal(window.page_loaded, timeout=10000):
            window.open_page(page)
    qtbot.waitUntil(lambda: window.history.visible_pages()[:3] == ["over", "handleiding/zoeken", "index"], timeout=3000)
    window.recent_menu.aboutToShow.emit()
    assert [a.data() for a in window.recent_menu.actions() if a.data()][:3] == ["over", "handleiding/zoeken", "index"]
    window.close()
    with UserData.open(profile, corpus_id=window.edition.corpus_id) as store:
        assert [v.page_id for v in store.recent(3)] == ["over", "handleiding/zoeken", "index"]


def test_checklist_and_scroll_spy_work_side_by_side(open_reader, run_js, qtbot, content_edition):
    window = open_reader(content_edition, "index").window
    # The checklist script made the page's task list clickable...
    qtbot.waitUntil(
        lambda: all(
            (run_js(window.page, "window.rlChecklist ? window.rlChecklist.state() : '{}'") or {}).get("enabled")
            or [False]
        ),
        timeout=10000,
    )
    # ...and the outline script still reports headings over the same channel.
    qtbot.waitUntil(lambda: window.outline.current_anchor() is not None, timeout=5000)
    last = window.outline.anchors()[-1]
    with qtbot.waitSignal(window.heading_changed, timeout=5000, check_params_cb=lambda a: a == last):
        run_js(window.page, "window.scrollTo(0, document.body.scrollHeight); 1")
