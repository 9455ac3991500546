"""The checklist in the real window: tick an item of the bundled start page, restart with the same profile, the
tick is still there (and the progress line says so)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def _state(run_js: Callable[..., Any], window: MainWindow) -> dict:
    return run_js(window.page, "window.rlChecklist ? window.rlChecklist.state() : '{}'") or {}


def _click_box(run_js: Callable[..., Any], qtbot: QtBot, window: MainWindow, index: int) -> None:
    rect = run_js(
        window.page,
        f"(function(){{var b=document.querySelectorAll('li.task-list-item input')[{index}];"
        "b.scrollIntoView({block:'center'});var r=b.getBoundingClientRect();"
        "return JSON.stringify([r.left+r.width/2, r.top+r.height/2]);})()",
    )
    target = window.view.focusProxy() or window.view
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(rect[0]), int(rect[1])))


def test_tick_survives_a_restart_of_the_window(
    open_reader: Callable[..., Reader], run_js: Callable[..., Any], qtbot: QtBot, content_edition: Path, tmp_path: Path
) -> None:
    from reader.core.userdata import UserData

    profile = tmp_path / "profile"
    window = open_reader(content_edition, "index", profile=profile).window
    qtbot.waitUntil(lambda: all(_state(run_js, window).get("enabled") or [False]), timeout=10000)
    before = _state(run_js, window)
    assert before["total"] >= 2 and not before["checked"][1]
    _click_box(run_js, qtbot, window, 1)
    qtbot.waitUntil(lambda: _state(run_js, window)["checked"][1] is True, timeout=10000)
    qtbot.waitUntil(lambda: any(window.userdata.state("index").values()), timeout=10000)
    expected = f"{before['done'] + 1} van {before['total']} gedaan"
    assert _state(run_js, window)["progress"] == expected
    window.close()

    again = open_reader(content_edition, "index", profile=profile).window
    qtbot.waitUntil(lambda: all(_state(run_js, again).get("enabled") or [False]), timeout=10000)
    after = _state(run_js, again)
    assert after["checked"][1] is True and after["progress"] == expected
    again.close()
    with UserData.open(profile, corpus_id=again.edition.corpus_id) as store:
        report = store.report("index", fmt="markdown")
        assert report.count("- [x]") == 1


def test_nerds_phase_page_checklist_matches_the_edition(
    open_reader: Callable[..., Reader], run_js: Callable[..., Any], qtbot: QtBot, nerds_edition: Path
) -> None:
    """On real NeRDS content the page's checkboxes are exactly the edition's checklist items, and ticks are keyed by
    the edition's item texts (so they survive a new edition with the same texts)."""
    from reader.core.edition import Edition
    from reader.core.userdata import item_keys

    edition = Edition.open(nerds_edition)
    pages = sorted((p for p in edition.pages.values() if len(p.checklist) >= 3), key=lambda p: -len(p.checklist))
    assert pages, "NeRDS has pages with task lists"
    info = pages[0]
    window = open_reader(nerds_edition, info.id).window
    qtbot.waitUntil(lambda: all(_state(run_js, window).get("enabled") or [False]), timeout=15000)
    state = _state(run_js, window)
    assert state["total"] == len(info.checklist)
    assert state["progress"] == f"{state['done']} van {len(info.checklist)} gedaan"
    index = len(info.checklist) - 1
    _click_box(run_js, qtbot, window, index)
    key = item_keys(list(info.checklist))[index]
    qtbot.waitUntil(lambda: key in window.userdata.state(info.id), timeout=10000)
    assert window.userdata.state(info.id)[key] is (not state["checked"][index])
    window.close()
