"""The arriving tab's web history, handed to the view only when it is needed.

Qt restores a streamed history by building a new web contents: about 15 ms before anything happens and a slower
first load (60 ms against 30 for a NeRDS page), so a tab switch that restored its history every time would miss
its 30 ms. The arriving tab's page is therefore loaded as any page (its scroll position set after the load), and
its history waits here as bytes. It goes to the view when the reader steps outside what the view holds since
the arrival: Back before the arrival page, Forward past it, or a new page (the history is restored first and the
new page is loaded on top of it, so Back from there still walks the tab's own pages). Leaving the tab without any of
that keeps the bytes as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl

from reader.core import navigation
from reader.gui.library.switcher import restore_history
from reader.gui.tabs.model import history_position

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


class DeferredHistory:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._state = b""
        self._position: tuple[int, int] = (1, 0)
        self._armed = False  # the arrival page is loaded: the view holds it, and only it

    def defer(self, state: bytes) -> bool:
        """Keep `state` for the tab arriving now; False (nothing kept) when its head cannot be read."""
        position = history_position(state) if state else None
        self.clear()
        if position is None:
            return False
        self._state, self._position = state, position
        return True

    def arm(self) -> None:
        """The arrival page has loaded (the view's history was cut to it)."""
        self._armed = bool(self._state)

    def clear(self) -> None:
        self._state, self._position, self._armed = b"", (1, 0), False

    def _waiting(self) -> bool:
        return self._armed and bool(self._state)

    # -- what the switcher asks (library/switcher.py)
    def can_back(self) -> bool:
        return self._waiting() and self._position[1] > 0

    def can_forward(self) -> bool:
        count, index = self._position
        return self._waiting() and index < count - 1 and self._window.page.history().count() == 1

    def go(self, step: int) -> None:
        """Back (-1) or forward (+1) into the tab's history: restored, then stepped (one load: the step supersedes
        the restore's own load of its current entry)."""
        state = self._state
        self.clear()
        restore_history(self._window, state)
        if step < 0:
            self._window.view.back()
        else:
            self._window.view.forward()

    def take(self, in_view: bytes) -> bytes:
        """The tab's history as it stands when it is left (`in_view`: the view's own); nothing waits any more."""
        state = self.peek(in_view)
        self.clear()
        return state

    def peek(self, in_view: bytes) -> bytes:
        if self._state and (not self._armed or self._window.page.history().count() == 1):
            return self._state  # nothing happened in the view since the arrival that the bytes do not hold
        return in_view

    # -- what the page asks (page.py): a new page while the history waits
    def before_navigation(self, url: QUrl, kind: str) -> bool:
        """True when the navigation to `url` is taken over: the history is restored first and the page loaded on
        top of it (from the event loop: not inside Chromium's navigation callback)."""
        if not self._waiting() or kind not in (navigation.LINK_CLICKED, navigation.TYPED):
            return False
        if url.toString().partition("#")[0] == self._window.page.url().toString().partition("#")[0]:
            return False  # the same page: a scroll, no new history entry of a document
        state = self._state
        self.clear()

        def load() -> None:
            restore_history(self._window, state)
            self._window.view.load(url)

        QTimer.singleShot(0, load)
        return True
