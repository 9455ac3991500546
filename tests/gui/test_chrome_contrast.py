"""Chrome contrast read from rendered pixels: the toolbar's icons, the search field (text and border), the sidebar's
tabs and the message bar, in light, dark and contrast, grabbed offscreen and measured against WCAG 2.1 AA
(4.5:1 for text, 3:1 for icons and component boundaries); disabled icons are dimmer than enabled ones.

Set RL_CHROME_SHOTS=/some/folder to keep the grabs for looking at them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.gui

THEMES = ("light", "dark", "contrast")
TEXT, NON_TEXT = 4.5, 3.0


@pytest.fixture(autouse=True)
def _restore_palette(qapp: QApplication) -> Iterator[None]:
    palette = qapp.palette()
    yield
    qapp.setPalette(palette)


def grab(widget: QWidget, name: str) -> QImage:
    image = widget.grab().toImage()
    folder = os.environ.get("RL_CHROME_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(folder) / f"{name}.png"))
    return image


def colours(image: QImage, left: int = 0, top: int = 0, width: int | None = None,
            height: int | None = None) -> dict[tuple[int, int, int], int]:
    """Pixel counts of an image region (device pixels; the offscreen platform draws at ratio 1)."""
    counts: dict[tuple[int, int, int], int] = {}
    right = image.width() if width is None else min(image.width(), left + width)
    bottom = image.height() if height is None else min(image.height(), top + height)
    for y in range(max(0, top), bottom):
        for x in range(max(0, left), right):
            c = image.pixelColor(x, y)
            key = (c.red(), c.green(), c.blue())
            counts[key] = counts.get(key, 0) + 1
    return counts


def qcolour(rgb: tuple[int, int, int]) -> QColor:
    from PySide6.QtGui import QColor

    return QColor(*rgb)


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    from reader.gui.themes import contrast_ratio

    return contrast_ratio(qcolour(a), qcolour(b))


def ink_contrast(counts: dict[tuple[int, int, int], int], min_pixels: int = 4) -> tuple[float, tuple[int, int, int]]:
    """(contrast of the drawn ink against the background, background): the background is the commonest colour; the
    ink is the strongest colour that at least `min_pixels` pixels have (antialiased edges alone do not count)."""
    background = max(counts, key=lambda c: counts[c])
    ranked = sorted(counts, key=lambda c: ratio(c, background), reverse=True)
    seen = 0
    for colour in ranked:
        seen += counts[colour]
        if seen >= min_pixels:
            return ratio(colour, background), background
    return 1.0, background


def region(image: QImage, widget: QWidget, root: QWidget, inset: int = 0) -> dict[tuple[int, int, int], int]:
    from PySide6.QtCore import QPoint

    top_left = widget.mapTo(root, QPoint(0, 0))
    return colours(image, top_left.x() + inset, top_left.y() + inset, widget.width() - 2 * inset,
                   widget.height() - 2 * inset)


def set_theme(window, qtbot, theme: str) -> None:
    window.theme_actions[theme].trigger()
    qtbot.wait(50)


@pytest.fixture
def window(open_reader, content_edition, qtbot):
    reader = open_reader(content_edition)
    win = reader.window
    win._ensure_panels()  # the search field and the late tabs
    qtbot.wait(50)
    return win


def toolbar_buttons(window) -> dict[str, QWidget]:
    return {name: window.toolbar.widgetForAction(window.commands.actions[name])
            for name in ("back", "forward", "home", "library", "bookmarkPage")}


@pytest.mark.parametrize("theme", THEMES)
def test_toolbar_icons_stand_out_and_disabled_ones_are_dimmer(window, qtbot, theme):
    set_theme(window, qtbot, theme)
    assert not window.back_action.isEnabled() and not window.forward_action.isEnabled()  # a fresh window
    image = grab(window.toolbar, f"toolbar-{theme}")
    measured = {name: ink_contrast(region(image, button, window.toolbar, inset=3))[0]
                for name, button in toolbar_buttons(window).items()}
    for name in ("home", "library", "bookmarkPage"):
        assert measured[name] >= NON_TEXT, (theme, name, measured)
    for disabled in ("back", "forward"):
        assert measured[disabled] < measured["home"] * 0.8, (theme, measured)  # visibly dimmer
        assert measured[disabled] > 1.3, (theme, measured)  # but still drawn


@pytest.mark.parametrize("theme", THEMES)
def test_enabled_back_is_as_strong_as_home(window, qtbot, theme):
    """An arrow that becomes enabled is drawn like the other enabled icons (in dark it was darker than disabled)."""
    set_theme(window, qtbot, theme)
    window.back_action.setEnabled(True)
    try:
        image = grab(window.toolbar, f"toolbar-back-enabled-{theme}")
        buttons = toolbar_buttons(window)
        back = ink_contrast(region(image, buttons["back"], window.toolbar, inset=3))[0]
        home = ink_contrast(region(image, buttons["home"], window.toolbar, inset=3))[0]
        forward = ink_contrast(region(image, buttons["forward"], window.toolbar, inset=3))[0]
    finally:
        window.back_action.setEnabled(False)
    assert back >= NON_TEXT and back > forward, (theme, back, forward)
    assert abs(back - home) / home < 0.15, (theme, back, home)


@pytest.mark.parametrize("theme", THEMES)
def test_search_field_text_and_border(window, qtbot, theme):
    set_theme(window, qtbot, theme)
    field = window.search_field
    field.setText("WWWWWW")  # a wide, solid glyph: enough fully inked pixels
    qtbot.wait(20)
    try:
        image = grab(window.toolbar, f"search-{theme}")
        from PySide6.QtCore import QPoint

        top_left = field.mapTo(window.toolbar, QPoint(0, 0))
        inner = colours(image, top_left.x() + 4, top_left.y() + 4, field.width() - 8, field.height() - 8)
        text_contrast, field_background = ink_contrast(inner, min_pixels=10)
        # The border: the strongest colour on the field's outer 2 px ring, against what is around the field.
        outside = colours(image, top_left.x() - 4, top_left.y(), 3, field.height())
        toolbar_background = max(outside, key=lambda c: outside[c])
        ring: dict[tuple[int, int, int], int] = {}
        for left, top, width, height in (
            (top_left.x(), top_left.y() + 4, 2, field.height() - 8),  # left edge
            (top_left.x() + 4, top_left.y(), field.width() - 8, 2),  # top edge
        ):
            for colour, count in colours(image, left, top, width, height).items():
                ring[colour] = ring.get(colour, 0) + count
        border = max(ring, key=lambda c: min(ratio(c, toolbar_background), ratio(c, field_background)) * (
            ring[c] >= 4))
        border_contrast = max(ratio(border, toolbar_background), ratio(border, field_background))
    finally:
        field.clear()
    assert text_contrast >= TEXT, (theme, text_contrast)
    assert border_contrast >= NON_TEXT, (theme, border, toolbar_background, field_background)


@pytest.mark.parametrize("theme", THEMES)
def test_sidebar_tab_labels(window, qtbot, theme):
    set_theme(window, qtbot, theme)
    bar = window.sidebar.tabBar()
    image = grab(bar, f"tabs-{theme}")
    measured = 0
    for index in range(bar.count()):
        rect = bar.tabRect(index).intersected(bar.rect())
        if rect.width() < 40:  # scrolled out of sight (the tab bar's scroll buttons)
            continue
        counts = colours(image, rect.x() + 3, rect.y() + 3, rect.width() - 6, rect.height() - 6)
        contrast, _background = ink_contrast(counts, min_pixels=6)
        assert contrast >= TEXT, (theme, bar.tabText(index), contrast)
        measured += 1
    assert measured >= 3  # the selected tab and unselected ones


@pytest.mark.parametrize("theme", THEMES)
def test_message_bar_text_and_close_icon(window, qtbot, theme):
    set_theme(window, qtbot, theme)
    window.feedback.showMessage("WWWW MMMM", 5000)
    qtbot.waitUntil(window.feedback.isVisible, timeout=2000)
    qtbot.wait(20)
    image = grab(window.feedback, f"message-{theme}")
    text = ink_contrast(region(image, window.feedback.label, window.feedback), min_pixels=10)[0]
    close = ink_contrast(region(image, window.feedback.close_button, window.feedback, inset=3))[0]
    window.feedback.clearMessage()
    assert text >= TEXT, (theme, text)
    assert close >= NON_TEXT, (theme, close)


@pytest.mark.parametrize("theme", THEMES)
def test_message_bar_border_stands_out_from_the_window(window, qtbot, theme):
    """The bar's edge is a component boundary (3:1 against the window's background around it); in contrast its
    background is the window's black, so without a border the bar had no edge at all."""
    from PySide6.QtCore import QPoint

    set_theme(window, qtbot, theme)
    bar = window.feedback
    bar.showMessage("WWWW", 5000)
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    qtbot.wait(20)
    root = window.page_frame
    image = grab(root, f"message-border-{theme}")
    window.feedback.clearMessage()
    top_left = bar.mapTo(root, QPoint(0, 0))
    left, top, width, height = top_left.x(), top_left.y(), bar.width(), bar.height()
    # Around the bar: the window's background, in the page frame's 2 px margin left of it (below it is the page,
    # which the engine repaints in the new theme a moment later).
    beside = colours(image, left - 2, top + 4, 2, height - 8)
    around = max(beside, key=lambda c: beside[c])
    window_colour = window.palette().color(window.backgroundRole())
    assert around == (window_colour.red(), window_colour.green(), window_colour.blue()), (theme, around)
    # The edge: the colour of the bar's outermost pixel rows and columns (away from the rounded corners).
    edge: dict[tuple[int, int, int], int] = {}
    for x, y, w, h in ((left + 6, top, width - 12, 1), (left + 6, top + height - 1, width - 12, 1),
                       (left, top + 4, 1, height - 8)):
        for colour, count in colours(image, x, y, w, h).items():
            edge[colour] = edge.get(colour, 0) + count
    border = max(edge, key=lambda c: edge[c])
    assert edge[border] >= 0.8 * sum(edge.values()), (theme, edge)  # one line, not text or icons
    assert ratio(border, around) >= NON_TEXT, (theme, border, around)


@pytest.mark.parametrize("theme", THEMES)
def test_breadcrumb_links_and_page_title_read_on_the_page_background(window, qtbot, theme):
    from reader.gui.themes import PAGE_BACKGROUND

    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("richtlijnen/samenwerking")  # nested: Welkom > Richtlijnen > the page
    set_theme(window, qtbot, theme)
    qtbot.wait(50)  # the chrome is repainted a turn of the event loop after the theme
    bar = window.breadcrumb.bar
    assert bar.isVisible() and bar.links()
    image = grab(bar, f"breadcrumb-{theme}")
    background = colours(image)
    assert "#%02x%02x%02x" % max(background, key=lambda c: background[c]) == PAGE_BACKGROUND[theme]
    for part in bar.parts:
        contrast = ink_contrast(region(image, part, bar, inset=2), min_pixels=6)[0]
        assert contrast >= TEXT, (theme, part.accessibleName(), contrast)


@pytest.mark.parametrize("theme", THEMES)
def test_search_placeholder_and_scope_switch(window, qtbot, theme):
    """The placeholder is text too (4.5:1); the "all guidelines" check box's square is a component (3:1)."""
    set_theme(window, qtbot, theme)
    field = window.search_field
    assert field.text() == "" and field.placeholderText()
    image = grab(window.toolbar, f"placeholder-{theme}")
    placeholder = ink_contrast(region(image, field, window.toolbar, inset=4), min_pixels=10)[0]
    assert placeholder >= TEXT, (theme, placeholder)
    from PySide6.QtWidgets import QCheckBox

    switch = window.findChild(QCheckBox, "searchAllCorpora")
    assert switch is not None
    switch.blockSignals(True)  # only its look is measured: no search over all corpora
    try:
        for checked in (False, True):
            switch.setChecked(checked)
            image = grab(switch, f"switch-{theme}-{int(checked)}")
            square = colours(image, 0, 0, image.height(), image.height())  # the indicator sits at the left
            assert ink_contrast(square, min_pixels=8)[0] >= NON_TEXT, (theme, checked)
    finally:
        switch.setChecked(False)
        switch.blockSignals(False)
