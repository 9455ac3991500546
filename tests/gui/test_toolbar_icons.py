"""The toolbar's and sidebar's icons: Material Design Icons from the bundle, drawn in each theme's text colour, with a
dimmer disabled mode; `resources/icons/toolbar.json` is exactly what its generator takes from `icons.json.xz`."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
THEMES = ("light", "dark", "contrast")


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_toolbar_icons", ROOT / "resources/icons/make_toolbar_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_toolbar_json_is_what_the_generator_takes_from_the_bundle():
    make = generator()
    committed = (ROOT / "resources/icons/toolbar.json").read_text(encoding="utf-8")
    assert committed == make.render(make.extract()), "run resources/icons/make_toolbar_icons.py"
    assert len(committed.encode()) < 8192  # start-up reads a few KB, not the 60 ms icons.json.xz


def test_every_icon_the_reader_asks_for_is_in_the_small_table():
    from reader.gui import actions, toolbar_icons

    asked = {spec.icon for spec in actions.WINDOW_ACTIONS if isinstance(spec, actions.ActionSpec) and spec.icon}
    asked |= set(toolbar_icons.ICON_NAMES)
    assert {"material-home", "material-arrow-left", "material-arrow-right"} <= asked
    table = json.loads((ROOT / "resources/icons/toolbar.json").read_text(encoding="utf-8"))["icons"]
    assert asked == set(generator().NAMES) == set(table)
    homes = [spec for spec in actions.WINDOW_ACTIONS if getattr(spec, "name", "") == "home"]
    assert homes[0].icon == "material-home"  # a house, not the style's folder


def test_a_missing_table_means_null_icons_not_a_crash(qapp, tmp_path):
    from reader.gui import toolbar_icons

    assert toolbar_icons.icon_table(tmp_path / "absent.json") == {}
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert toolbar_icons.icon_table(tmp_path / "broken.json") == {}


def ink(icon: QIcon, mode: QIcon.Mode, state: QIcon.State | None = None) -> tuple[tuple[int, int, int], int]:
    """The colour of the fully opaque pixels of a 24 px pixmap, and how many there are."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    image = icon.pixmap(QSize(24, 24), mode, state or QIcon.State.Off).toImage()
    found: dict[tuple[int, int, int], int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                found[(c.red(), c.green(), c.blue())] = found.get((c.red(), c.green(), c.blue()), 0) + 1
    assert found, "nothing drawn"
    colour = max(found, key=lambda k: found[k])
    return colour, found[colour]


@pytest.fixture
def _restore_palette(qapp: QApplication) -> Iterator[None]:
    palette = qapp.palette()
    yield
    qapp.setPalette(palette)


@pytest.mark.gui
@pytest.mark.usefixtures("_restore_palette")
def test_window_icons_follow_each_theme(open_reader, content_edition, qtbot):
    from PySide6.QtGui import QColor, QIcon, QPalette

    from reader.gui.themes import contrast_ratio

    window = open_reader(content_edition).window
    window._ensure_panels()
    qtbot.wait(20)
    drawn = {}
    for theme in THEMES:
        window.theme_actions[theme].trigger()
        qtbot.wait(20)
        palette = window.palette()
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
        background = palette.color(QPalette.ColorRole.Button)
        for name in ("back", "forward", "home", "library", "bookmarkPage"):
            icon = window.commands.actions[name].icon()
            normal, count = ink(icon, QIcon.Mode.Normal)
            assert count > 20 and QColor(*normal) == text, (theme, name, normal, text.name())
            disabled, _ = ink(icon, QIcon.Mode.Disabled)
            assert contrast_ratio(QColor(*disabled), background) < 0.8 * contrast_ratio(text, background), (
                theme, name)
        drawn[theme] = ink(window.home_action.icon(), QIcon.Mode.Normal)[0]
        # The star when the page is bookmarked: filled, in a gold that keeps 3:1 against the toolbar.
        gold, _ = ink(window.bookmark_action.icon(), QIcon.Mode.Normal, QIcon.State.On)
        assert contrast_ratio(QColor(*gold), palette.color(QPalette.ColorRole.Window)) >= 3, (theme, gold)
        # The sidebar's and message bar's buttons were re-drawn too.
        from PySide6.QtWidgets import QToolButton

        for button_name in ("newFolderButton", "messageClose"):
            button = window.findChild(QToolButton, button_name)
            assert button is not None
            assert QColor(*ink(button.icon(), QIcon.Mode.Normal)[0]) == text, (theme, button_name)
    assert drawn["light"] != drawn["dark"]  # re-tinted on each switch
