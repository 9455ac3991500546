"""Keyboard focus between the window's panes: F6 cycles through them, Tab follows the sidebar then the page, and the
page frame shows a ring while the page has the focus (Chromium draws none around the whole page)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QTabWidget, QWidget

from reader.gui.findbar import FindBar

FRAME_FOCUSED = "QFrame#pageFrame { border: 2px solid palette(highlight); }"
FRAME_UNFOCUSED = "QFrame#pageFrame { border: 2px solid transparent; }"


class PaneFocus:
    """Moves the focus between the sidebar, the page and the find bar."""

    def __init__(self, sidebar: QTabWidget, view: QWidget, findbar: FindBar, page_frame: QFrame) -> None:
        self._sidebar = sidebar
        self._view = view
        self._findbar = findbar
        self._page_frame = page_frame
        self._tabs: list[QWidget] = []
        self._before_page: list[QWidget] = []  # the breadcrumb's links
        self._after_page: list[QWidget] = []  # the outline, while it is beside the page

    def cycle(self) -> None:
        """F6: sidebar -> page -> find bar (when open) -> outline (beside the page) -> sidebar, as desktop apps
        move between panes."""
        focus = QApplication.focusWidget()
        panes: list[QWidget] = []
        tab = self._sidebar.currentWidget()
        if self._sidebar.isVisible() and tab is not None:
            panes.append(tab)
        panes.append(self._view)
        if self._findbar.isVisible():
            panes.append(self._findbar.field)
        panes.extend(w for w in self._after_page if w.isVisible())  # the outline beside the page
        current = next(
            (i for i, pane in enumerate(panes) if focus is not None and (focus is pane or pane.isAncestorOf(focus))),
            -1,
        )
        panes[(current + 1) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def mark_page_frame(self, new: QWidget | None) -> None:
        """After a focus change: ring the page frame when the page (or its input widget) has the focus."""
        inside = new is not None and (new is self._view or self._view.isAncestorOf(new))
        # The "focused" property records what the style sheet shows, so that it is set only on a change.
        if self._page_frame.property("focused") != inside:
            self._page_frame.setProperty("focused", inside)
            self._page_frame.setStyleSheet(FRAME_FOCUSED if inside else FRAME_UNFOCUSED)

    def update_tab_order(self, tabs: list[QWidget] | None = None) -> None:
        """Tab goes from the sidebar's tab bar through its pages (`tabs`, in order; the last ones when None), the
        breadcrumb's links and the page to what is right of the page."""
        if tabs is not None:
            self._tabs = list(tabs)
        beside = [w for w in self._after_page if w not in self._before_page]
        chain: list[QWidget] = [self._sidebar.tabBar(), *[t for t in self._tabs if t not in beside],
                                *self._before_page, self._view, *beside]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_around_page(self, before: list[QWidget] | None = None, after: list[QWidget] | None = None) -> None:
        """What Tab reaches right before the page (the breadcrumb) and right after it (the outline beside it)."""
        if before is not None:
            self._before_page = list(before)
        if after is not None:
            self._after_page = list(after)
        self.update_tab_order()
