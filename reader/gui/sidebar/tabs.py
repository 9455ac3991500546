"""The sidebar's tabs: each has a title that follows the language and a Ctrl+<n> command that shows it; the tab the
reader chose and whether the sidebar shows are remembered.

The strings keep the "MainWindow" context they had when the window did this itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
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
    from reader.gui.sidebar.relations import RelationsTree

    window.sidebar = sidebar = QTabWidget(window)
    sidebar.setObjectName("sidebar")
    sidebar.setDocumentMode(True)
    sidebar.setUsesScrollButtons(True)
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


class SidebarTabs:
    """Adds, shows, hides and relabels the tabs of `sidebar`; the Ctrl+<n> actions belong to `window`."""

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
        index = self._sidebar.addTab(widget, title())
        action = QAction(self._window)
        action.setObjectName(f"showTab{index + 1}")
        if index < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, w=widget: self.show(w))
        self._window.addAction(action)
        self.actions.append(action)
        if self._menu is not None:
            self._menu.addAction(action)
            self.retranslate()
        return action

    def show(self, widget: QWidget) -> None:
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
        for index, ((_widget, title), action) in enumerate(zip(self.tabs, self.actions, strict=True)):
            label_action(action, QCoreApplication.translate("MainWindow", "%1 tonen").replace("%1", title()))
            self._sidebar.setTabText(index, title())
            self._sidebar.setTabToolTip(index, action.toolTip())

    def _on_tab_changed(self, index: int) -> None:
        widget = self._sidebar.widget(index)
        if widget is not None and widget.objectName():
            self._preferences.update(sidebar_tab=widget.objectName())
