"""The sidebar's tabs: each has a title that follows the language and a Ctrl+<n> command that shows it; the tab the
reader chose and whether the sidebar shows are remembered.

The strings keep the "MainWindow" context they had when the window did this itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget, QWidget

from reader.gui import contextmenu
from reader.gui.actions import label_action
from reader.gui.settings import PreferenceStore

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


def build_sidebar(window: MainWindow) -> None:
    """The window's sidebar with the trees every edition has: contents, "Op deze pagina" and relations. (Search,
    bookmarks and history join after the first page: latepanels.py.)"""
    from reader.gui.sidebar.contents import ContentsTree
    from reader.gui.sidebar.outline import OutlineTree
    from reader.gui.sidebar.rail import SidebarTabWidget
    from reader.gui.sidebar.relations import RelationsTree

    window.sidebar = sidebar = SidebarTabWidget(window)  # its tabs on a rail at the left
    sidebar.setObjectName("sidebar")
    window.contents = ContentsTree(window.edition.nav, sidebar)
    window.contents.open_requested.connect(window.open_page)
    window.contents.external_requested.connect(lambda url: window.confirm_external_link(QUrl(url)))
    window.outline = OutlineTree(sidebar)
    window.outline.anchor_requested.connect(window.scroll_to_anchor)
    window.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    window.outline.customContextMenuRequested.connect(lambda pos: contextmenu.show_outline_menu(window, pos))
    window.relations = RelationsTree(window.edition, sidebar)
    window.relations.open_requested.connect(window.open_page)
    window.sidebar_tabs = tabs = SidebarTabs(window, sidebar, window.preferences, window.view)
    tabs.add(window.contents, lambda: QCoreApplication.translate("MainWindow", "Inhoud"))
    tabs.add(window.outline, lambda: QCoreApplication.translate("MainWindow", "Op deze pagina"))
    tabs.add(window.relations, lambda: QCoreApplication.translate("MainWindow", "Relaties"))


TRANSIENT_TABS = frozenset({"searchPanel"})  # shown for a while, never the tab the next start opens on

class SidebarTabs:
    """Adds, shows, hides and relabels the tabs of `sidebar`; the Ctrl+<n> actions belong to `window`.

    A tab can live elsewhere for a while (`detach`: "Op deze pagina" beside the page on a wide window): it keeps
    its place in the order, its Ctrl+<n> and its menu entry, which then show it where it is."""

    def __init__(self, window: QWidget, sidebar: QTabWidget, preferences: PreferenceStore, view: QWidget) -> None:
        self._window = window
        self._sidebar = sidebar
        self._preferences = preferences
        self._view = view  # takes the focus when the sidebar hides
        self.tabs: list[tuple[QWidget, Callable[[], str]]] = []  # widget, its title in the current language
        self.actions: list[QAction] = []  # "Show <tab>", one per tab, in tab order
        # Known once the window's menus exist (`attach`); tabs added before are put in the menu then.
        self._menu: QMenu | None = None
        self._toggle: QAction | None = None
        self._elsewhere: dict[QWidget, Callable[[], None]] = {}  # detached tab -> shows it where it is
        self._moving = False  # a tab is detached or put back: the reader chose no tab

    def attach(self, menu: QMenu, toggle: QAction) -> None:
        """The View > Sidebar menu and the Show sidebar action exist: list the tabs, remember the chosen tab."""
        self._menu = menu
        self._toggle = toggle
        menu.addActions(self.actions)
        # Only now: adding the first tabs selected them, which is no choice of the reader's.
        self._sidebar.currentChanged.connect(self._on_tab_changed)

    def add(self, widget: QWidget, title: Callable[[], str]) -> QAction:
        """Add a tab (title is a callable so that it follows the language); returns its Ctrl+<n> action."""
        self.tabs.append((widget, title))
        self._sidebar.addTab(widget, title())  # its icon comes with the theme's (toolbar_icons.paint_chrome)
        number = len(self.tabs)  # its place in the order, which a detached tab keeps
        action = QAction(self._window)
        action.setObjectName(f"showTab{number}")
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _checked=False, w=widget: self.show(w))
        self._window.addAction(action)
        self.actions.append(action)
        if self._menu is not None:
            self._menu.addAction(action)
            self.retranslate()
        return action

    def show(self, widget: QWidget) -> None:
        elsewhere = self._elsewhere.get(widget)
        if elsewhere is not None:
            elsewhere()
            return
        if not self._sidebar.isVisible() and self._toggle is not None:
            self._toggle.setChecked(True)
        self._sidebar.setCurrentWidget(widget)
        target = widget.focusProxy() or widget
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_visible(self, visible: bool) -> None:
        self._sidebar.setVisible(visible)
        self._preferences.update(sidebar_visible=visible)
        if not visible and self._sidebar.isAncestorOf(QApplication.focusWidget() or self._window):
            self._view.setFocus()

    def select_remembered(self) -> None:
        wanted = self._preferences.current.sidebar_tab
        for index in range(self._sidebar.count()):
            widget = self._sidebar.widget(index)
            if widget is not None and widget.objectName() == wanted:
                self._sidebar.setCurrentIndex(index)

    def retranslate(self) -> None:
        for (widget, title), action in zip(self.tabs, self.actions, strict=True):
            label_action(action, QCoreApplication.translate("MainWindow", "%1 tonen").replace("%1", title()))
            index = self._sidebar.indexOf(widget)
            if index >= 0:
                self._sidebar.setTabText(index, title())
                self._sidebar.setTabToolTip(index, action.toolTip())

    def title(self, widget: QWidget) -> str:
        return next((title() for w, title in self.tabs if w is widget), "")

    def detach(self, widget: QWidget, show_elsewhere: Callable[[], None]) -> None:
        """Take `widget`'s tab out of the sidebar (the caller gives it a new parent); its action calls
        `show_elsewhere` meanwhile."""
        index = self._sidebar.indexOf(widget)
        self._elsewhere[widget] = show_elsewhere
        if index < 0:
            return
        self._moving = True
        try:
            if self._sidebar.currentIndex() == index and self._sidebar.count() > 1:
                self._sidebar.setCurrentIndex(0 if index else 1)  # the contents, the tab that is always there
            self._sidebar.removeTab(index)
        finally:
            self._moving = False

    def reattach(self, widget: QWidget) -> None:
        """Put a detached tab back in its place in the order (selected when it was the reader's choice)."""
        if self._elsewhere.pop(widget, None) is None or self._sidebar.indexOf(widget) >= 0:
            return
        order = [w for w, _title in self.tabs]
        before = order[: order.index(widget)]
        index = sum(1 for w in before if self._sidebar.indexOf(w) >= 0)
        self._moving = True
        try:
            self._sidebar.insertTab(index, widget, self.title(widget))
            self._set_icon(index, widget, QApplication.palette())
        finally:
            self._moving = False
        self.retranslate()
        self.select_remembered()

    def is_detached(self, widget: QWidget) -> bool:
        return widget in self._elsewhere

    def paint_icons(self, palette: QPalette) -> None:
        """The rail's icons in the colours of `palette` (again on each theme switch)."""
        for index in range(self._sidebar.count()):
            widget = self._sidebar.widget(index)
            if widget is not None:
                self._set_icon(index, widget, palette)

    def _set_icon(self, index: int, widget: QWidget, palette: QPalette) -> None:
        from reader.gui.toolbar_icons import TAB_ICONS, themed_icon

        name = TAB_ICONS.get(widget.objectName())
        if name is not None:
            self._sidebar.setTabIcon(index, themed_icon(name, palette))

    def _on_tab_changed(self, index: int) -> None:
        widget = self._sidebar.widget(index)
        # The full result list is not a place to come back to: it holds the last query, and the next start has none.
        transient = widget is not None and widget.objectName() in TRANSIENT_TABS
        if widget is not None and widget.objectName() and not self._moving and not transient:
            self._preferences.update(sidebar_tab=widget.objectName())
