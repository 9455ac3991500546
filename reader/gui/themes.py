"""Themes: light and dark (following the system unless chosen), and high contrast, for widgets and page alike.

The page stylesheet reads `<html data-theme="light|dark|contrast">`; an injected ApplicationWorld script sets it
on every page before the first paint, so a dark reader never flashes white.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

log = logging.getLogger("reader.themes")

SYSTEM, LIGHT, DARK, CONTRAST = "system", "light", "dark", "contrast"
SCRIPT_NAME = "rl-theme"
# The page background of each theme (must match resources/css/page.css); painted before the page is.
PAGE_BACKGROUND = {LIGHT: "#ffffff", DARK: "#14181d", CONTRAST: "#000000"}


def system_theme() -> str:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def resolve(choice: str) -> str:
    """The theme actually shown for a user's choice ("system" follows the desktop)."""
    if choice in (LIGHT, DARK, CONTRAST):
        return choice
    return system_theme()


def theme_script_source(theme: str) -> str:
    # At DocumentCreation <html> may not exist yet: wait for it with a MutationObserver, then set the attribute.
    value = json.dumps(theme)
    return f"""(function () {{
  var theme = {value};
  function apply() {{
    var root = document.documentElement;
    if (!root) return false;
    if (root.dataset.theme !== theme) root.dataset.theme = theme;
    return true;
  }}
  if (!apply()) {{
    var observer = new MutationObserver(function () {{ if (apply()) observer.disconnect(); }});
    observer.observe(document, {{childList: true, subtree: true}});
  }}
}})();"""


def install_theme_script(page: QWebEnginePage, theme: str) -> None:
    """(Re)place the script that marks every future document with `theme`, and mark the current one now."""
    scripts = page.scripts()
    source = theme_script_source(theme)
    installed = scripts.find(SCRIPT_NAME)
    if len(installed) == 1 and installed[0].sourceCode() == source:
        return  # the window restoring the theme of a first page that has it already
    for old in installed:
        scripts.remove(old)
    script = QWebEngineScript()
    script.setName(SCRIPT_NAME)
    script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setRunsOnSubFrames(False)
    script.setSourceCode(source)
    scripts.insert(script)
    page.setBackgroundColor(QColor(PAGE_BACKGROUND.get(theme, "#ffffff")))
    if not page.url().isEmpty():  # a page with nothing loaded yet gets its theme from the script (~6 ms saved)
        page.runJavaScript(source, QWebEngineScript.ScriptWorldId.ApplicationWorld)


def palette_for(theme: str, system_palette: QPalette) -> QPalette:
    """The widget palette of a theme; light and dark keep the platform's own palette when it already matches."""
    return _placeholder_readable(_theme_palette(theme, system_palette))


def _theme_palette(theme: str, system_palette: QPalette) -> QPalette:
    if theme == CONTRAST:
        return _palette(
            window="#000000", text="#ffffff", base="#000000", alt="#1a1a1a", button="#000000",
            highlight="#ffff00", highlighted_text="#000000", link="#00ffff", disabled="#9a9a9a", mid="#ffffff",
        )
    is_dark = system_palette.color(QPalette.ColorRole.Window).lightness() < 128
    if theme == DARK and not is_dark:
        return _palette(
            window="#2b2d31", text="#e8e8e8", base="#1e1f22", alt="#2b2d31", button="#35373c",
            highlight="#3d7fd9", highlighted_text="#ffffff", link="#8ab4f8", disabled="#7d7d7d", mid="#45474c",
        )
    if theme == LIGHT and is_dark:
        return _palette(
            window="#efefef", text="#1a1a1a", base="#ffffff", alt="#f5f5f5", button="#efefef",
            highlight="#3072c4", highlighted_text="#ffffff", link="#0b57d0", disabled="#8c8c8c", mid="#b8b8b8",
        )
    return QPalette(system_palette)


# Short names: the palette below reads as a table.
R, G = QPalette.ColorRole, QPalette.ColorGroup


def _palette(**c: str) -> QPalette:
    p = QPalette()
    roles = {
        R.Window: c["window"], R.WindowText: c["text"], R.Base: c["base"], R.AlternateBase: c["alt"],
        R.ToolTipBase: c["base"], R.ToolTipText: c["text"], R.PlaceholderText: c["disabled"], R.Text: c["text"],
        R.Button: c["button"], R.ButtonText: c["text"], R.BrightText: c["highlight"], R.Highlight: c["highlight"],
        R.HighlightedText: c["highlighted_text"], R.Link: c["link"], R.LinkVisited: c["link"], R.Mid: c["mid"],
        R.Light: c["mid"], R.Midlight: c["mid"], R.Dark: c["mid"], R.Shadow: c["mid"],
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(G.Disabled, role, QColor(c["disabled"]))
    return p


def _placeholder_readable(p: QPalette) -> QPalette:
    """Placeholder text ("Zoeken (Ctrl+K)") is text: at least 4.5:1 against the field (WCAG 1.4.3). Fusion draws it
    at half the text colour (3.9:1 on white); move it towards the text colour until it reads. The aim is 5.5:1, as
    thin antialiased strokes never reach the full colour (tests/gui/test_chrome_contrast.py measures the pixels)."""
    base, text = p.color(G.Active, R.Base), p.color(G.Active, R.Text)
    colour = p.color(G.Active, R.PlaceholderText)
    if colour.alpha() < 255:
        colour = mix(QColor(colour.red(), colour.green(), colour.blue()), base, colour.alphaF())
    weight = 0.0
    while contrast_ratio(mix(text, colour, weight), base) < 5.5 and weight < 1.0:
        weight = min(1.0, weight + 0.05)
    for group in (G.Active, G.Inactive):
        p.setColor(group, R.PlaceholderText, mix(text, colour, weight))
    return p


def mix(a: QColor, b: QColor, weight: float) -> QColor:
    """`weight` of `a` and the rest of `b` (opaque)."""
    return QColor(
        round(a.red() * weight + b.red() * (1 - weight)), round(a.green() * weight + b.green() * (1 - weight)),
        round(a.blue() * weight + b.blue() * (1 - weight)),
    )


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
