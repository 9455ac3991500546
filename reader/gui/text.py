"""Corpus strings in Qt widgets are always shown as text, never as Qt rich text.

Qt guesses whether a tooltip or label is rich text (`Qt::mightBeRichText`); a nav title such as `<b>x</b>` or
`<img src=/some/file>` from a corpus would then be rendered. Every tooltip built from corpus (or user) text goes
through `plain_tip`.
"""

from __future__ import annotations

from PySide6.QtGui import Qt as _GuiQt


def plain_tip(text: str) -> str:
    """`text` as a tooltip that shows exactly these characters (line breaks kept)."""
    return _GuiQt.convertFromPlainText(text, _GuiQt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""
