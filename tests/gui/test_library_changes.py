"""'Wat is er veranderd' in the window: the generated page (served by the reader's scheme), the changes between two
small editions where every change is known, and the banner on a changed page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader

pytestmark = pytest.mark.gui


def test_the_scheme_serves_a_generated_page_from_memory_and_nothing_else(
    open_reader: Callable[..., Reader], content_edition: Path, qtbot: QtBot, run_js: Callable[..., Any]
) -> None:
    reader = open_reader(content_edition)
    window = reader.window
    handler = reader.profile.handler
    page = "<!DOCTYPE html><html><body><p id='x'>Gegenereerd \u00eb</p></body></html>"
    url = handler.serve_generated("proef.html", page)
    assert url == "rl://edition.invalid/app/generated/proef.html"
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(window.page.loadFinished, timeout=20000) as loaded:
        window.view.load(QUrl(url))
    assert loaded.args == [True]
    assert run_js(window.page, "document.getElementById('x').textContent") == "Gegenereerd \u00eb"
    with qtbot.waitSignal(window.page.loadFinished, timeout=20000) as missing:
        window.view.load(QUrl("rl://edition.invalid/app/generated/nergens.html"))
    assert missing.args == [False]
