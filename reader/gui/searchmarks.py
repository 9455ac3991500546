"""How the hits of a search are marked in the result lists (the Zoeken panel and the dropdown under the field).

One colour for hits, the page's own (`--rl-mark` in resources/css/page.css), never the palette's Highlight: marks in
the selection's colour vanished in the selected row. In contrast the page marks in yellow, which is the selection
there too, so the lists take the dark mark (white on brown, 9:1). The mark is bold as well, so a hit still shows in
a row whatever its colours.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QPalette

LIGHT_MARK = ("#fff1b8", "#1b1b1b")  # page.css, light
DARK_MARK = ("#5c4a00", "#e9edf1")  # page.css, dark (and the lists in contrast)

_MARK_TAGS = re.compile(r"(</?mark>)")


def mark_colours(palette: QPalette) -> tuple[str, str]:
    """(background, text) of a marked hit on `palette`'s base colour."""
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    return DARK_MARK if base.lightness() < 128 else LIGHT_MARK


def rich_snippet(snippet_html: str, palette: QPalette) -> str:
    """Qt's rich text knows no <mark>: the (already escaped) snippet gets a styled span instead."""
    bg, fg = mark_colours(palette)
    return snippet_html.replace(
        "<mark>", f'<span style="background-color:{bg};color:{fg};font-weight:600;">'
    ).replace("</mark>", "</span>")


def plain_snippet(snippet_html: str) -> str:
    return html.unescape(_MARK_TAGS.sub("", snippet_html))


def short_snippet(snippet_html: str, limit: int) -> str:
    """The snippet cut to about `limit` visible characters (at a word, with an ellipsis), its marks kept whole."""
    out: list[str] = []
    left = limit
    marked = False
    for part in _MARK_TAGS.split(snippet_html):
        if part in ("<mark>", "</mark>"):
            marked = part == "<mark>"
            out.append(part)
            continue
        text = html.unescape(part)
        if len(text) <= left:
            out.append(html.escape(text, quote=False))
            left -= len(text)
            continue
        cut = text[:left]
        if not marked and " " in cut:
            cut = cut[: cut.rindex(" ")]
        out.append(html.escape(cut.rstrip(), quote=False) + ("</mark>" if marked else "") + "\u2026")
        return "".join(out)
    return "".join(out)
