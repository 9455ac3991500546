"""Find in page: Ctrl+F opens the bar, the match count is real, next/previous move, Escape closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from PySide6.QtWebEngineCore import QWebEnginePage

pytestmark = pytest.mark.gui


def _count_in_page(run_js: Callable[..., Any], page: QWebEnginePage, word: str) -> int:
    # Independent count of case-insensitive occurrences in the rendered text.
    return int(run_js(page, f"(document.body.innerText.toLowerCase().split({word.lower()!r}).length - 1)"))


def test_ctrl_f_finds_and_counts_matches(open_reader, run_js, qtbot, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    bar = window.findbar
    assert not bar.isVisible()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    assert bar.field.hasFocus()
    expected = _count_in_page(run_js, window.page, "hergebruik")
    assert expected >= 3
    qtbot.keyClicks(bar.field, "hergebruik")
    qtbot.waitUntil(lambda: bar.matches == expected, timeout=5000)
    assert bar.active == 1
    assert bar.count_label.text() == f"1 van {expected}"
    # Enter and the next button move forward, Shift+Enter back.
    with qtbot.waitSignal(window.page.findTextFinished, timeout=5000):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.active == 2
    with qtbot.waitSignal(window.page.findTextFinished, timeout=5000):
        bar.next_button.click()
    assert bar.active == 3
    with qtbot.waitSignal(window.page.findTextFinished, timeout=5000):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.active == 2
    with qtbot.waitSignal(window.page.findTextFinished, timeout=5000):
        bar.previous_button.click()
    assert bar.active == 1
    # Escape closes the bar and clears the selection.
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert bar.matches == 0


def test_a_word_that_is_not_there(open_reader, qtbot, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    window.find_action.trigger()
    window.findbar.field.setText("xyzzyquux")
    qtbot.waitUntil(lambda: window.findbar.count_label.text() == "Niet gevonden", timeout=5000)
    assert window.findbar.matches == 0


def test_ctrl_f_takes_the_selected_word(open_reader, run_js, qtbot, nerds_edition):
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    run_js(
        window.page,
        "(function(){var h=document.getElementById('waarom-is-het-belangrijk'); var r=document.createRange();"
        "r.selectNodeContents(h); var s=window.getSelection(); s.removeAllRanges(); s.addRange(r); return 1;})()",
    )
    qtbot.waitUntil(lambda: window.page.selectedText().strip() == "Waarom is het belangrijk?", timeout=5000)
    window.find_action.trigger()
    assert window.findbar.field.text() == "Waarom is het belangrijk?"
    qtbot.waitUntil(lambda: window.findbar.matches >= 1, timeout=5000)
