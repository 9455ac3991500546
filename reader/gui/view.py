"""The page view and the bridge the app's own page script talks to (QWebChannel, ApplicationWorld only)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QWheelEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from reader import paths

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
OUTLINE_SCRIPT = "rl-outline"


class ReaderView(QWebEngineView):
    """The page view; the mouse's back and forward buttons ask the window to move through history (which crosses
    corpora: `history_requested`); our own context menu.

    QWebEngineView hands input to a child widget it creates itself (its focus proxy); the view watches that widget
    once a page is shown. (An application-wide event filter crashed PySide on half-constructed QObjects, and
    watching childEvent made PySide wrap the half-built page: 70-150 ms of start-up.)
    """

    context_menu_requested = Signal(object, object)  # QWebEngineContextMenuRequest, global QPoint
    zoom_requested = Signal(int)  # +1 in, -1 out (Ctrl+wheel), so that the window's steps and memory apply
    history_requested = Signal(int)  # -1 back, +1 forward (the mouse's side buttons), as the window's Back/Forward

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self._watched: QWidget | None = None

    def watch_input_widget(self) -> None:
        """Watch the widget that really receives the mouse (again, when Chromium replaced it)."""
        proxy = self.focusProxy()
        if proxy is not None and proxy is not self._watched:
            proxy.installEventFilter(self)
            self._watched = proxy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        control = Qt.KeyboardModifier.ControlModifier
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent) and event.modifiers() & control:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            return True
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            button = event.button()
            if button == Qt.MouseButton.BackButton:
                self.history_requested.emit(-1)
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.history_requested.emit(1)
                return True
        return super().eventFilter(watched, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt's name
        # Chromium's standard menu offers "view source", "save page" and the like: the window builds its own.
        self.context_menu_requested.emit(self.lastContextMenuRequest(), event.globalPos())
        event.accept()


class PageBridge(QObject):
    """The object the app's page script talks to over QWebChannel (ApplicationWorld only)."""

    heading_changed = Signal(str)

    @Slot(str)
    def report_heading(self, anchor: str) -> None:  # called from resources/js/outline.js
        self.heading_changed.emit(anchor)


_page_script_source: str | None = None


def page_script_source() -> str:
    """qwebchannel.js (from Qt's resources) + resources/js/outline.js, read once per process."""
    global _page_script_source
    if _page_script_source is None:
        from reader.gui.checklist_script import qwebchannel_source

        channel = qwebchannel_source()
        outline = (paths.js_dir() / "outline.js").read_text(encoding="utf-8")
        _page_script_source = channel + "\n" + outline
    return _page_script_source


def install_page_scripts(page: QWebEnginePage, bridge: PageBridge, channel: QWebChannel) -> None:
    """Offer `bridge` to the page as "reader" and inject the outline script into every document."""
    channel.registerObject("reader", bridge)
    page.setWebChannel(channel, WORLD)
    script = QWebEngineScript()
    script.setName(OUTLINE_SCRIPT)
    script.setWorldId(WORLD)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
    script.setRunsOnSubFrames(False)
    script.setSourceCode(page_script_source())
    page.scripts().insert(script)
