"""Issue 15: screenshots of a real reader window at 800x600, 1366x768 and 1920x1080, in light, dark and contrast.

One window (real QtWebEngine, offscreen) is resized and re-themed for all nine combinations, a nested page loaded, and
`window.grab()` written to pytest's tmp_path (and to the folder named by RL_SCREENSHOTS, for looking at them). Each
grab is checked: it has the window's size; the window (frame included) fits the simulated screen; the page area was
drawn (not one colour) on the theme's background (by mean luminance, and the commonest colour is the theme's page
background); toolbar, search field, message bar, status bar and the breadcrumb lie inside the image; every sidebar
tab lies wholly inside its tab bar (no scroll arrows at any of these sizes); "Op deze pagina" is beside the page
when there is room for it (at 1920 px) and in the sidebar's tabs when there is not (at 800 px).
"""

from __future__ import annotations

import os
from array import array
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolButton, QWidget

from reader.gui.outlinepanel import MIN_PAGE, SETTLE_MS, outline_beside
from reader.gui.themes import PAGE_BACKGROUND

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QApplication

    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui

SCREENS = ((800, 600), (1366, 768), (1920, 1080))
PAGE = "richtlijnen/samenwerking"  # nested: Welkom > Richtlijnen > the page, so the breadcrumb shows
THEMES = ("light", "dark", "contrast")


@pytest.fixture(autouse=True)
def _restore_palette(qapp: QApplication) -> Iterator[None]:
    """Switching themes sets the application's palette: the session's other tests get theirs back."""
    palette = qapp.palette()
    yield
    qapp.setPalette(palette)


def rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def pixel_counts(image: QImage, rect: QRect) -> Counter[int]:
    """Pixel counts (0xAARRGGBB) of `rect` in `image`."""
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    assert part.bytesPerLine() == 4 * part.width()
    return Counter(array("I", bytes(part.constBits())))


def luminance(argb: int) -> float:
    r, g, b = (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def mean_luminance(counts: Counter[int]) -> float:
    return sum(luminance(c) * n for c, n in counts.items()) / sum(counts.values())


def page_drawn(window: MainWindow, theme: str) -> bool:
    """The view shows the themed page with text on it (the engine paints tens of ms after the change; dark and
    contrast are both dark, so the colour itself is compared)."""
    image = window.view.grab().toImage()
    counts = pixel_counts(image, image.rect())
    background = counts.most_common(1)[0][0]
    return len(counts) > 1 and f"#{background & 0xFFFFFF:06x}" == PAGE_BACKGROUND[theme]


def check_shot(window: MainWindow, image: QImage, screen: QRect, theme: str) -> list[str]:
    """What is wrong with one screenshot (empty: nothing)."""
    problems: list[str] = []
    bounds = image.rect()
    if image.size() != window.size():
        problems.append(f"image {image.size()} is not the window's size {window.size()}")
    if not screen.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry()} does not fit the screen {screen}")

    view = rect_in(window.view, window)
    if not bounds.contains(view) or view.width() < 300 or view.height() < 300:
        problems.append(f"page area {view} is not (wholly) in the image {bounds}")
    else:
        counts = pixel_counts(image, view)
        background, share = counts.most_common(1)[0]
        if len(counts) < 2:
            problems.append("page area is one colour: nothing drawn")
        elif share > 0.995 * sum(counts.values()):
            problems.append(f"page area is almost blank: {len(counts)} colours, background {share} px")
        mean = mean_luminance(counts)
        if (theme == "light") != (mean > 0.5):
            problems.append(f"page area's mean luminance {mean:.2f} does not fit the {theme} theme")
        if f"#{background & 0xFFFFFF:06x}" != PAGE_BACKGROUND[theme]:
            problems.append(f"page background #{background & 0xFFFFFF:06x} is not the {theme} theme's "
                            f"{PAGE_BACKGROUND[theme]}")

    parts = {
        "toolbar": window.toolbar,
        "search field": window.search_field,
        "message bar": window.feedback,
        "status bar": window.statusBar(),
        "sidebar tab bar": window.sidebar.tabBar(),
        "breadcrumb": window.breadcrumb.bar,
    }
    if window.outline_place.beside:
        parts["outline beside the page"] = window.outline
    for name, widget in parts.items():
        if widget is None or not widget.isVisible():
            problems.append(f"{name} is not shown")
        elif not bounds.contains(rect_in(widget, window)):
            problems.append(f"{name} {rect_in(widget, window)} lies outside the image {bounds}")

    bar = window.sidebar.tabBar()
    cut = [bar.tabText(i) for i in range(bar.count()) if not bar.rect().contains(bar.tabRect(i))]
    if cut:
        problems.append(f"tabs {cut} do not fit the tab bar {bar.rect()}")
    arrows = [b.toolTip() or b.objectName() for b in bar.findChildren(QToolButton) if b.isVisible()]
    if arrows:
        problems.append(f"the tab bar shows scroll buttons {arrows}")

    place = window.outline_place
    expected = {800: False, 1920: True}.get(screen.width(), outline_beside(place.free_width(), place.width))
    if place.beside != expected:
        problems.append(f"outline beside the page: {place.beside}, expected {expected} (free {place.free_width()})")
    in_tabs = window.sidebar.indexOf(window.outline) >= 0
    if in_tabs == place.beside or place.panel.isVisible() != place.beside:
        problems.append(f"outline in the tabs: {in_tabs}, panel shown: {place.panel.isVisible()}")
    if place.beside and rect_in(window.view, window).width() < MIN_PAGE:
        problems.append(f"the page is {rect_in(window.view, window).width()} px beside the outline")
    return problems


def test_screenshots_at_laptop_and_desktop_size_in_every_theme(open_reader, content_edition, qtbot, tmp_path):
    window = open_reader(content_edition, PAGE).window
    window._ensure_panels()  # the search field, bookmarks and history tabs, as right after the first page
    folders = [tmp_path / "shots"]
    if os.environ.get("RL_SCREENSHOTS"):
        folders.append(Path(os.environ["RL_SCREENSHOTS"]))
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)

    problems: dict[str, list[str]] = {}
    for width, height in SCREENS:
        screen = QRect(0, 0, width, height)  # the simulated screen's available area
        window.showNormal()
        frame = window.frameGeometry().size() - window.size()  # the offscreen platform draws a 2 px frame
        window.resize(width - frame.width(), height - frame.height())
        window.move(0, 0)
        try:
            qtbot.waitUntil(lambda screen=screen: window.frameGeometry() == screen, timeout=3000)
        except qtbot.TimeoutError:
            pass  # a minimum size larger than the screen: check_shot says so
        qtbot.wait(SETTLE_MS + 100)  # the outline moves a moment after the last resize
        for theme in THEMES:
            assert window.set_theme(theme) == theme
            window.feedback.show_message(f"Schermafdruk {width}x{height}, {theme}", 0)  # stays until closed
            try:
                qtbot.waitUntil(lambda theme=theme: page_drawn(window, theme), timeout=5000)
            except qtbot.TimeoutError:
                pass  # the checks below say what is wrong
            qtbot.wait(100)  # the chrome's icons are repainted a turn of the event loop later
            image = window.grab().toImage()
            name = f"reader-{width}x{height}-{theme}.png"
            for folder in folders:
                assert image.save(str(folder / name))
            found = check_shot(window, image, screen, theme)
            if found:
                problems[name] = found
    window.feedback.close_button.click()
    assert not problems, problems
