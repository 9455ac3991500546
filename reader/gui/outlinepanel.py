""""Op deze pagina" beside the page when the window is wide enough, as the NeRDS site shows it; in the sidebar's tabs
otherwise. The outline tree moves live as the window (or the sidebar) is resized, a moment after the resizing stops.

Only the tree moves (reparenting a tree is cheap; the web view is never moved). Its tab keeps its place in the
order, its Ctrl+<n> and its View > Zijbalk entry, which show it wherever it is (sidebar/tabs.py: detach, reattach).
The panel's width is remembered in window.ini beside the window's geometry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow
    from reader.gui.sidebar.tabs import SidebarTabs

# The page keeps at least this much beside the panel: the text column (46rem and the body's padding, page.css)
# narrows a little below 800 px, never to a cramped one.
MIN_PAGE = 760
PANEL_WIDTH = 250  # the panel's first width; the reader can drag it, and that width is kept
MIN_PANEL, MAX_PANEL = 160, 560
SETTLE_MS = 120  # after the last resize event: a drag does not move the tree back and forth
WIDTH_KEY = "outlineWidth"


def outline_beside(free: int, panel: int, min_page: int = MIN_PAGE) -> bool:
    """Whether the outline goes beside the page: `free` px lie right of the sidebar (handles taken off), the panel
    takes `panel` px of them, and the page must keep `min_page`."""
    return free - panel >= min_page


def clamp_width(value: object) -> int:
    """A saved panel width (QSettings gives text, or anything a hand-edited file holds) within bounds."""
    try:
        width = int(str(value))
    except ValueError:
        return PANEL_WIDTH
    return max(MIN_PANEL, min(MAX_PANEL, width))


class OutlinePanel(QFrame):
    """The right-hand panel: a heading and, while the window is wide, the outline tree."""

    def __init__(self, title: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title  # the tab's title, in the current language
        self.setObjectName("outlinePanel")
        self.heading = QLabel(self)
        self.heading.setObjectName("outlinePanelHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(6, 6, 6, 4)
        self.body = QVBoxLayout(self)  # the heading, then the tree while it is here
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(0)
        self.body.addWidget(self.heading)
        self._retranslate()

    def _retranslate(self) -> None:
        self.heading.setText(self._title())
        self.setAccessibleName(self._title())

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class OutlinePlacement(QObject):
    """Puts the outline beside the page or in the sidebar's tabs, by the room there is."""

    def __init__(self, window: MainWindow, splitter: QSplitter, tabs: SidebarTabs, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._sidebar = window.sidebar
        self._outline = window.outline
        self._tabs = tabs
        self._settings = settings
        self.width = clamp_width(settings.value(WIDTH_KEY, PANEL_WIDTH))
        self.panel = OutlinePanel(lambda: tabs.title(window.outline))
        splitter.addWidget(self.panel)  # right of the page
        splitter.setStretchFactor(splitter.indexOf(self.panel), 0)
        self.panel.hide()
        self.beside = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.place)
        splitter.splitterMoved.connect(self._on_splitter_moved)
        window.installEventFilter(self)
        self._sidebar.installEventFilter(self)  # shown or hidden (F9): the room changes
        window.stack.currentChanged.connect(lambda _index: self._timer.start())  # the library page has no outline
        self._placed = False

    def free_width(self) -> int:
        """The room right of the sidebar: the page's, plus the panel's while it shows."""
        handle = self._splitter.handleWidth()
        free = self._splitter.width() - handle  # the handle between page and panel
        if not self._sidebar.isHidden():
            free -= self._splitter.sizes()[0] + handle
        return free

    def place(self) -> None:
        """Beside the page or in the tabs, by the room there is now (in the tabs while the library page shows)."""
        if self._window.is_closed():
            return
        reading = self._window.stack.currentWidget() is self._window.page_frame
        beside = reading and outline_beside(self.free_width(), self.width)
        if beside != self.beside:
            self._move(beside)

    def show_beside(self) -> None:
        """The outline's Ctrl+<n> and menu entry while it is beside the page: focus it there."""
        self._outline.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        self._settings.setValue(WIDTH_KEY, self.width)

    def _move(self, beside: bool) -> None:
        had_focus = self._outline.hasFocus()
        self.beside = beside
        if beside:
            sizes = self._splitter.sizes()
            self._tabs.detach(self._outline, self.show_beside)
            self.panel.body.addWidget(self._outline)
            self._outline.show()
            self.panel.show()
            total = sum(sizes)
            sidebar = 0 if self._sidebar.isHidden() else sizes[0]
            self._splitter.setSizes([sidebar, total - sidebar - self.width, self.width])
        else:
            self.panel.hide()
            self._tabs.reattach(self._outline)  # the tab widget takes the tree back
        self._window.pane_focus.set_around_page(after=[self._outline] if beside else [])
        if had_focus:
            self._tabs.show(self._outline)

    def _on_splitter_moved(self, _pos: int, index: int) -> None:
        if self.beside and index == self._splitter.indexOf(self.panel):
            self.width = clamp_width(self.panel.width())  # the reader dragged the panel's edge
            self.save()
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            if not self._placed and watched is self._window and event.type() == QEvent.Type.Show:
                self._placed = True
                QTimer.singleShot(0, self, self.place)  # the first place at once: no jump after the window shows
            else:
                self._timer.start()
        return False


def attach_outline_panel(window: MainWindow) -> OutlinePlacement:
    """The window's right-hand panel for "Op deze pagina" (placed once the window has its size)."""
    return OutlinePlacement(window, window.splitter, window.sidebar_tabs, window.window_state.settings)
