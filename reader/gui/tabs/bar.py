"""The tab bar above the page: one tab per reading tab, shown only when two or more are open (a 768 px screen has no
height to spare), closable, movable, a middle-click on a tab closes it; the text is the page heading, elided, with
the whole heading as tooltip and accessible name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QTabBar, QToolButton, QWidget

from reader.gui import toolbar_icons

MAX_TAB_WIDTH = 220  # px: a long heading is elided, so that several tabs fit beside each other


class ReadingTabBar(QTabBar):
    close_requested = Signal(int)  # close button or middle-click
    language_changed = Signal()  # relabel: the texts come from the controller

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingTabs")
        # Our own close buttons: the theme's close icon (Qt's own is red on the current tab, like an error), drawn
        # again on a theme change with the other chrome (toolbar_icons.paint_chrome finds them by name).
        self.setTabsClosable(False)
        self.setMovable(True)
        self.setExpanding(False)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.setDocumentMode(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.hide()

    def set_titles(self, titles: list[str], current: int, close_label: str, *, relabel: bool = False) -> None:
        """Make the bar show `titles` with `current` selected, without announcing a change of tab. Only what
        changed is set (a tab switch must not lay the bar out again); `relabel`: every text (another language)."""
        blocked = self.blockSignals(True)
        try:
            while self.count() > len(titles):
                self.removeTab(self.count() - 1)
            while self.count() < len(titles):
                self.setTabButton(self.addTab(""), QTabBar.ButtonPosition.RightSide, self._close_button())
            for index, title in enumerate(titles):
                if relabel or self.tabToolTip(index) != title:
                    self.set_title(index, title, close_label)
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(blocked)
        self.setVisible(len(titles) >= 2)

    def set_title(self, index: int, title: str, close_label: str) -> None:
        """The tooltip keeps the whole title (and tells `set_titles` what the tab shows)."""
        self.setTabText(index, title.replace("&", "&&"))  # an ampersand in a heading is text, not a mnemonic
        self.setTabToolTip(index, title)
        self.setAccessibleTabName(index, title)
        button = self.tabButton(index, QTabBar.ButtonPosition.RightSide) or self.tabButton(
            index, QTabBar.ButtonPosition.LeftSide
        )
        if isinstance(button, QAbstractButton):
            text = close_label.replace("%1", title)
            button.setAccessibleName(text)
            button.setToolTip(text)

    def _close_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("tabClose")
        button.setAutoRaise(True)
        button.setIconSize(QSize(12, 12))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+W closes from the keyboard; Tab stays on the tabs
        button.setIcon(toolbar_icons.icon("close", self.palette()))
        button.clicked.connect(lambda _checked=False, b=button: self._close_clicked(b))
        return button

    def _close_clicked(self, button: QToolButton) -> None:
        for index in range(self.count()):  # tabs move: find where the button is now
            if self.tabButton(index, QTabBar.ButtonPosition.RightSide) is button:
                self.close_requested.emit(index)
                return

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed.emit()
        super().changeEvent(event)

    def tabSizeHint(self, index: int) -> QSize:  # Qt's name
        hint = super().tabSizeHint(index)
        return QSize(min(hint.width(), MAX_TAB_WIDTH), hint.height())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt's name
        if event.button() == Qt.MouseButton.MiddleButton:
            index = self.tabAt(event.position().toPoint())
            if index >= 0:
                self.close_requested.emit(index)
                event.accept()
                return
        super().mouseReleaseEvent(event)
