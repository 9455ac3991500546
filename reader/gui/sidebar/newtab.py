"""Middle-click and Ctrl+click on a row of a sidebar list open its page in a new tab, in the background, as on a link
in a browser; the row's own click (open it here) does not happen then. In the bookmarks, where Ctrl+click selects
several rows, only the middle button does."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView

PageAt = Callable[[QModelIndex], "tuple[str, str] | None"]  # the row's page and anchor, None for a folder or group
OpenTab = Callable[[str, str], None]

_MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)


def is_new_tab_click(event: QMouseEvent, ctrl_click: bool = True) -> bool:
    button = event.button()
    control = ctrl_click and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and control)


class NewTabClicks(QObject):
    """Watches `view`'s viewport (not the application: a filter there crashed PySide on half-built objects)."""

    def __init__(self, view: QAbstractItemView, page_at: PageAt, open_tab: OpenTab, ctrl_click: bool) -> None:
        super().__init__(view)
        self._view = view
        self._ctrl_click = ctrl_click
        self._page_at = page_at
        self._open_tab = open_tab
        viewport = view.viewport()
        if viewport is not None:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() not in _MOUSE or not isinstance(event, QMouseEvent):
            return False
        if not is_new_tab_click(event, self._ctrl_click):
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            index = self._view.indexAt(event.position().toPoint())
            target = self._page_at(index) if index.isValid() else None
            if target is not None:
                self._open_tab(*target)
        return True  # press and release both: no selection, no "open here"


def watch(view: QAbstractItemView, page_at: PageAt, open_tab: OpenTab, *, ctrl_click: bool = True) -> NewTabClicks:
    """`ctrl_click`: False where Ctrl+click already means something (adding a row to the selection)."""
    return NewTabClicks(view, page_at, open_tab, ctrl_click)
