"""Themes: the page's computed background follows the chosen theme; the choice persists; system follows the desktop."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.gui

BACKGROUND_JS = (
    "JSON.stringify([getComputedStyle(document.documentElement).backgroundColor,"
    " document.documentElement.dataset.theme || ''])"
)


@pytest.fixture(autouse=True)
def _restore_palette(qapp: QApplication) -> Iterator[None]:
    palette = qapp.palette()
    yield
    qapp.setPalette(palette)


def test_theme_switch_changes_the_page_background(open_reader, run_js, qtbot, content_edition):
    reader = open_reader(content_edition)
    window = reader.window
    light_bg, theme = run_js(window.page, BACKGROUND_JS)
    assert theme in ("light", "dark")
    window.theme_actions["light"].trigger()
    qtbot.waitUntil(lambda: run_js(window.page, BACKGROUND_JS)[1] == "light", timeout=5000)
    light_bg = run_js(window.page, BACKGROUND_JS)[0]
    assert light_bg == "rgb(255, 255, 255)"
    window.theme_actions["dark"].trigger()
    qtbot.waitUntil(lambda: run_js(window.page, BACKGROUND_JS)[1] == "dark", timeout=5000)
    dark_bg = run_js(window.page, BACKGROUND_JS)[0]
    assert dark_bg != light_bg
    assert dark_bg == "rgb(20, 24, 29)"
    window.theme_actions["contrast"].trigger()
    qtbot.waitUntil(lambda: run_js(window.page, BACKGROUND_JS)[1] == "contrast", timeout=5000)
    assert run_js(window.page, BACKGROUND_JS)[0] == "rgb(0, 0, 0)"
    # Widgets follow too: the high-contrast palette is black on white-text.
    from PySide6.QtGui import QPalette

    assert qapp_window_colour(window) == "#000000"
    assert window.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"


def qapp_window_colour(window: QWidget) -> str:
    from PySide6.QtGui import QPalette

    return window.palette().color(QPalette.ColorRole.Window).name()


def test_the_theme_applies_to_every_new_page_and_persists(open_reader, run_js, qtbot, content_edition, tmp_path):
    profile = tmp_path / "p"
    reader = open_reader(content_edition, profile=profile)
    window = reader.window
    window.set_theme("dark")
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("handleiding/zoeken")
    assert run_js(window.page, BACKGROUND_JS) == ["rgb(20, 24, 29)", "dark"]
    assert json.loads((profile / "settings.json").read_text())["theme"] == "dark"
    window.close()
    again = open_reader(content_edition, profile=profile).window
    assert again.theme_actions["dark"].isChecked()
    assert run_js(again.page, BACKGROUND_JS) == ["rgb(20, 24, 29)", "dark"]


def test_system_theme_follows_the_desktop_colour_scheme(open_reader, run_js, qtbot, qapp, content_edition, monkeypatch):
    # The offscreen platform has no colour scheme of its own: stand in for the desktop switching to dark.
    from PySide6.QtCore import Qt

    from reader.gui import themes

    reader = open_reader(content_edition)
    window = reader.window
    window.set_theme("system")
    hints = qapp.styleHints()
    monkeypatch.setattr(themes, "system_theme", lambda: themes.DARK)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: run_js(window.page, BACKGROUND_JS)[1] == "dark", timeout=5000)
    # A theme chosen by the user is not overridden by the desktop.
    window.set_theme("light")
    qtbot.waitUntil(lambda: run_js(window.page, BACKGROUND_JS)[1] == "light", timeout=5000)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    # The page runs scripts in the order they were sent: a theme change the signal caused would run before this probe.
    assert run_js(window.page, BACKGROUND_JS)[1] == "light"
    monkeypatch.setattr(themes, "system_theme", lambda: themes.LIGHT)
    window.set_theme("system")
    qtbot.waitUntil(lambda: run_js(window.page, BACKGROUND_JS)[1] == "light", timeout=5000)


@pytest.mark.parametrize("theme", ["dark", "contrast"])
def test_a_reader_started_in_a_theme_draws_its_chrome_in_it(open_reader, qtbot, content_edition, tmp_path, theme):
    """The theme's palette is set before the first widget exists (and no widget is restyled at start-up): the message
    bar and the page frame, which carry style sheets, are drawn in the saved theme, not in the light one."""
    from PySide6.QtGui import QColor, QPalette

    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "settings.json").write_text(json.dumps({"theme": theme}), encoding="utf-8")
    window = open_reader(content_edition, profile=profile).window
    window.feedback.show_message("Bladwijzer opgeslagen")
    qtbot.waitUntil(window.feedback.isVisible, timeout=3000)
    background = window.palette().color(QPalette.ColorRole.Window)
    assert background.lightness() < 60  # dark and contrast are dark windows
    image = window.feedback.grab().toImage()
    middle = QColor(image.pixel(image.width() // 2, image.height() // 2))
    assert middle.lightness() < 128, middle.name()
    # The page frame (its focus ring is a style sheet) holds the page, which paints itself: its own palette.
    assert window.page_frame.palette().color(QPalette.ColorRole.Window).lightness() < 60
