"""The message bar above the bookmark tree: "Bladwijzer verwijderd. [Ongedaan maken]", or why nothing can be saved.

A transient message hides itself after a while; a sticky one stays until closed. The panel labels the buttons (in
its own translation context) and connects the undo button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget


class MessageBar(QFrame):
    """One message at a time, with an optional undo button and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksMessageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setObjectName("bookmarksMessage")
        self.label.setWordWrap(True)
        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("bookmarksUndoButton")
        self.close_button = QToolButton(self)
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))
        self.close_button.clicked.connect(self.hide_message)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(6, 3, 3, 3)
        bar.addWidget(self.label, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.close_button)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._hide_transient)
        self._sticky = False
        self._make_text: Callable[[], str] | None = None  # makes the shown message again in a new language

    def show_message(self, text: str, *, undo: bool = False, sticky: bool = False, timeout_ms: int = 15000) -> None:
        """Show a text as given: it stays as it is after a language switch."""
        self._make_text = None
        self._show(text, undo=undo, sticky=sticky, timeout_ms=timeout_ms)

    def say(self, make: Callable[[], str], *, undo: bool = False, sticky: bool = False,
            timeout_ms: int = 15000) -> None:
        """Show the text `make` builds, and build it again after a language switch (see retranslate)."""
        self._show(make(), undo=undo, sticky=sticky, timeout_ms=timeout_ms)
        self._make_text = make

    def retranslate(self) -> None:
        if self._make_text is not None:
            self.label.setText(self._make_text())

    def _show(self, text: str, *, undo: bool, sticky: bool, timeout_ms: int) -> None:
        self.label.setText(text)
        self.undo_button.setVisible(undo)
        self.show()
        self._sticky = sticky
        if sticky:
            self._timer.stop()
        else:
            self._timer.start(timeout_ms)

    def hide_message(self) -> None:
        self._timer.stop()
        self.hide()

    def _hide_transient(self) -> None:
        if not self._sticky:
            self.hide()
