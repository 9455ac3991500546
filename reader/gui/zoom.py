"""The page's zoom: the View menu's steps and Ctrl+wheel, remembered in the preferences for every page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWebEngineWidgets import QWebEngineView

from reader.gui.feedback import MessageSink
from reader.gui.settings import PreferenceStore, clamp_zoom, zoom_in, zoom_out


class PageZoom:
    """Sets the view's zoom factor, saves it and says it in the message bar."""

    def __init__(self, view: QWebEngineView, preferences: PreferenceStore, status: MessageSink) -> None:
        self._view = view
        self._preferences = preferences
        self._status = status

    def set(self, factor: float) -> float:
        factor = clamp_zoom(factor)
        self._view.setZoomFactor(factor)
        self._preferences.update(zoom=factor)
        text = QCoreApplication.translate("MainWindow", "Zoom: %1%")  # the context it had in the window
        self._status.showMessage(text.replace("%1", str(round(factor * 100))), 2000)
        return factor

    def zoom_in(self) -> float:
        return self.set(zoom_in(self._preferences.current.zoom))

    def zoom_out(self) -> float:
        return self.set(zoom_out(self._preferences.current.zoom))

    def reset(self) -> float:
        return self.set(1.0)

    def step(self, direction: int) -> float:
        """Ctrl+wheel: +1 in, -1 out."""
        return self.zoom_in() if direction > 0 else self.zoom_out()

    def reapply(self) -> None:
        """After a page loaded: show the remembered zoom again when Chromium dropped it."""
        zoom = self._preferences.current.zoom
        if abs(self._view.zoomFactor() - zoom) > 1e-3:
            self._view.setZoomFactor(zoom)
