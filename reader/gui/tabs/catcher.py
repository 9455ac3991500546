"""A link opened in a new tab (Ctrl+click, middle-click): Chromium asks the page for a new page and then navigates
that one to the link. The window has one view, so the new page is a short-lived catcher: it takes the first address,
hands it on, refuses it (nothing loads, no renderer starts for it) and goes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

LIFETIME_MS = 5000  # a window.open() without an address never navigates: the catcher goes anyway


class LinkCatcher(QWebEnginePage):
    caught = Signal(QUrl)

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self._done = False
        QTimer.singleShot(LIFETIME_MS, self, self.deleteLater)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if not self._done:
            self._done = True
            self.caught.emit(QUrl(url))
            self.deleteLater()
        return False
