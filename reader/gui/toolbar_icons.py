"""The toolbar's and sidebar's icons: Material Design Icons (bundled, Apache-2.0) drawn in the palette's text colour.

Qt's style icons do not follow our themes (in Fusion "Home" is a blue folder, and a disabled arrow is greyed by the
style, which in dark made it lighter than an enabled one). These are drawn from the shapes in
`resources/icons/toolbar.json` (a few KB, made from `icons.json.xz` by `make_toolbar_icons.py`, so start-up never
decompresses the whole set), once per theme, with explicit Normal, Active, Selected and Disabled pixmaps.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader import paths
from reader.gui.themes import contrast_ratio, mix

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("reader.icons")

# The window's actions name their icons in reader/gui/actions.py (ActionSpec.icon). The star has an outline (not
# bookmarked) and a filled shape (bookmarked).
STAR_OFF, STAR_ON = "material-star-outline", "material-star"
# Icons the sidebar's panels may ask for by these names (`icon("close")`).
SIDEBAR_ICONS = {
    "close": "material-close",
    "folder": "material-folder-outline",
    "newFolder": "material-folder-plus-outline",
    "search": "material-magnify",
}
# The icon of each sidebar tab on its rail (sidebar/rail.py), by the panel's object name.
TAB_ICONS = {
    "contentsTree": "material-file-tree-outline",
    "outlineTree": "material-table-of-contents",
    "relationsTree": "material-vector-link",
    "searchPanel": "material-magnify",
    "bookmarksPanel": "material-bookmark-multiple-outline",
    "historyPanel": "material-history",
}
ICON_NAMES = (STAR_ON, STAR_OFF, *SIDEBAR_ICONS.values(), *TAB_ICONS.values())  # besides the actions' icons
SIZES = (24, 48)  # the toolbar asks 24 (Fusion; menus scale it to 16); 48 serves high-DPI screens
# The filled star, per background: gold that keeps 3:1 against the toolbar (tests/gui/test_chrome_contrast.py).
STAR_GOLD_ON_LIGHT, STAR_GOLD_ON_DARK = "#8f6400", "#f5c400"

M, S = QIcon.Mode, QIcon.State
R, G = QPalette.ColorRole, QPalette.ColorGroup


def table_path() -> Path:
    return paths.icons_dir() / "toolbar.json"


@lru_cache(maxsize=2)
def icon_table(path: Path | None = None) -> dict[str, str]:
    """Icon name -> "viewBox|shape markup"; empty (icons simply missing) when the file is absent or broken."""
    source = table_path() if path is None else path
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data["icons"].items()}
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        log.warning("toolbar icons unavailable (%s): %s", source, exc)
        return {}


def svg_bytes(entry: str, colour: QColor) -> bytes:
    """A standalone SVG of a table entry filled with `colour` (the shapes are trusted: allowlisted at bundle time)."""
    viewbox, _, body = entry.partition("|")
    fill = colour.name(QColor.NameFormat.HexRgb)
    opacity = "" if colour.alpha() == 255 else f' fill-opacity="{colour.alphaF():.3f}"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" fill="{fill}"{opacity}>{body}</svg>'
    ).encode()


def _pixmap(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def _add(icon: QIcon, entry: str, colour: QColor, modes: Sequence[QIcon.Mode], state: QIcon.State) -> None:
    renderer = QSvgRenderer(QByteArray(svg_bytes(entry, colour)))
    for size in SIZES:
        pixmap = _pixmap(renderer, size)
        for mode in modes:  # modes of one colour share the pixmap
            icon.addPixmap(pixmap, mode, state)


def text_colour(palette: QPalette) -> QColor:
    return palette.color(G.Active, R.ButtonText)


def disabled_colour(palette: QPalette) -> QColor:
    """The palette's disabled text colour when it is dimmer than the enabled one; else halfway to the background
    (some platform palettes give the same colour to both)."""
    text, background = text_colour(palette), palette.color(G.Active, R.Button)
    disabled = palette.color(G.Disabled, R.ButtonText)
    if contrast_ratio(disabled, background) < contrast_ratio(text, background) * 0.75:
        return disabled
    return mix(text, background, 0.5)


def star_gold(palette: QPalette) -> QColor:
    return QColor(STAR_GOLD_ON_DARK if palette.color(R.Window).lightness() < 128 else STAR_GOLD_ON_LIGHT)


def themed_icon(name: str, palette: QPalette, on: str | None = None, on_colour: QColor | None = None) -> QIcon:
    """`name` drawn in the text colour (Normal, Active), the highlighted text colour (Selected) and a dimmer colour
    (Disabled); `on`: another shape for the checked state (in `on_colour`). A null icon when the shape is missing."""
    table = icon_table()
    entry = table.get(name)
    icon = QIcon()
    if entry is None:
        return icon
    text = text_colour(palette)
    selected = palette.color(G.Active, R.HighlightedText)
    colours: list[tuple[QColor, list[QIcon.Mode]]] = [
        (text, [M.Normal, M.Active] + ([M.Selected] if selected == text else [])),
        (disabled_colour(palette), [M.Disabled]),
    ]
    if selected != text:
        colours.append((selected, [M.Selected]))
    on_entry = table.get(on) if on is not None else None
    for colour, modes in colours:
        _add(icon, entry, colour, modes, S.Off)
        if on_entry is not None:
            enabled = [mode for mode in modes if mode != M.Disabled]
            if on_colour is not None and enabled:
                _add(icon, on_entry, on_colour, enabled, S.On)
            else:
                _add(icon, on_entry, colour, modes, S.On)
    return icon


def icon(role: str, palette: QPalette) -> QIcon:
    """A sidebar icon by its role (SIDEBAR_ICONS), for `palette`."""
    return themed_icon(SIDEBAR_ICONS[role], palette)


def star_icon(palette: QPalette) -> QIcon:
    """The bookmark star: an outline in the text colour, filled gold when the page is bookmarked (checked)."""
    return themed_icon(STAR_OFF, palette, on=STAR_ON, on_colour=star_gold(palette))


SEARCH_FIELD_SHEET = (
    "QLineEdit#searchField {{ border: 1px solid {border}; border-radius: 3px; padding: 2px 4px;"
    " background: palette(base); }}"
    " QLineEdit#searchField:focus {{ border: 2px solid palette(highlight); padding: 1px 3px; }}"
)

# Fusion draws a check box's square in a darker window colour too: invisible on black. Checked: a filled square.
SWITCH_SHEET = (
    "QCheckBox#searchAllCorpora::indicator {{ width: 12px; height: 12px; border: 1px solid {border};"
    " background: palette(base); }}"
    " QCheckBox#searchAllCorpora::indicator:checked {{ background-color: palette(highlight); padding: 2px;"
    " background-clip: content; }}"
    " QCheckBox#searchAllCorpora:focus {{ outline: 1px dotted palette(text); }}"
)


# The message bar above the page: Fusion's panel frame vanished on black (the bar's background is the window's there).
MESSAGE_BAR_SHEET = "QFrame#messageBar {{ border: 1px solid {border}; border-radius: 3px; }}"


def border_colour(palette: QPalette) -> QColor:
    """A field's border that keeps 3:1 against the window and the field (WCAG 1.4.11): Fusion derives it from the
    window colour, which gives 2.3:1 in light and no border at all on black. High contrast: the text colour."""
    text, window = palette.color(G.Active, R.Text), palette.color(G.Active, R.Window)
    return text if contrast_ratio(text, window) >= 20 else mix(text, window, 0.6)


def paint_chrome(window: QWidget, palette: QPalette) -> None:
    """The sidebar rail's icons, the search field's and the message bar's border, the breadcrumb's background (the
    page's), the close buttons of the message bars and the bookmarks panel's "new folder" (found by object name:
    their panels build them with a style icon, a text or Fusion's faint frame)."""
    from PySide6.QtWidgets import QCheckBox, QFrame, QLineEdit, QToolButton  # after the first page: not on its path

    tabs = getattr(window, "sidebar_tabs", None)
    if tabs is not None:
        tabs.paint_icons(palette)
    border = border_colour(palette).name()
    field = window.findChild(QLineEdit, "searchField")
    if field is not None:
        field.setStyleSheet(SEARCH_FIELD_SHEET.format(border=border))
        clear = field.findChild(QAction, "_q_qlineeditclearaction")  # Qt's own name for the clear button's action
        if clear is not None:
            clear.setIcon(icon("close", palette))
    switch = window.findChild(QCheckBox, "searchAllCorpora")
    if switch is not None:
        switch.setStyleSheet(SWITCH_SHEET.format(border=border))
    for tab_close in window.findChildren(QToolButton, "tabClose"):  # the reading tabs' close buttons
        tab_close.setIcon(icon("close", palette))
    close = window.findChild(QToolButton, "messageClose")
    if close is not None:
        close.setIcon(icon("close", palette))
    message_bar = window.findChild(QFrame, "messageBar")
    if message_bar is not None:
        message_bar.setStyleSheet(MESSAGE_BAR_SHEET.format(border=border))
    crumbs, page = window.findChild(QFrame, "breadcrumb"), getattr(window, "page", None)
    if crumbs is not None and page is not None and hasattr(crumbs, "set_background"):
        crumbs.set_background(page.backgroundColor())  # the theme's page colour, set just before
    new_folder = window.findChild(QToolButton, "newFolderButton")
    if new_folder is not None:
        new_folder.setIcon(icon("newFolder", palette))
    bar = window.findChild(QFrame, "bookmarksMessageBar")
    if bar is not None:
        for button in bar.findChildren(QToolButton):
            if button.objectName() != "bookmarksUndoButton":  # the other one closes the bar
                button.setIcon(icon("close", palette))


