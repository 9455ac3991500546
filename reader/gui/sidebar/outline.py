"""The **Op deze pagina** tab: the page's headings as a tree; a click scrolls to one, the current one is marked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.gui.text import plain_tip

ANCHOR_ROLE = Qt.ItemDataRole.UserRole


class OutlineTree(QTreeWidget):
    anchor_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._current: str | None = None
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Op deze pagina"))
        self.setAccessibleDescription(self.tr("De koppen van de open pagina; kies er een om ernaartoe te gaan"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_headings(self, headings: tuple[tuple[int, str, str], ...] | list[tuple[int, str, str]]) -> None:
        """Fill the tree: each heading goes under the nearest earlier heading of a higher level."""
        self.clear()
        self._items.clear()
        self._current = None
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for level, text, anchor in headings:
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1] if stack else self.invisibleRootItem()
            item = QTreeWidgetItem(parent, [text])
            item.setToolTip(0, plain_tip(text))
            item.setData(0, ANCHOR_ROLE, anchor)
            self._items.setdefault(anchor, item)
            stack.append((level, item))
        self.expandAll()

    def anchors(self) -> list[str]:
        return list(self._items)

    def current_anchor(self) -> str | None:
        return self._current

    def set_current(self, anchor: str | None) -> None:
        """Mark the heading the reader is at (bold and selected) without asking the page to scroll."""
        if anchor == self._current:
            return
        previous = self._items.get(self._current or "")
        if previous is not None:
            font = previous.font(0)
            font.setBold(False)
            previous.setFont(0, font)
        self._current = anchor
        item = self._items.get(anchor or "")
        if item is None:
            self.clearSelection()
            return
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        self.blockSignals(True)
        self.setCurrentItem(item)
        self.blockSignals(False)
        self.scrollToItem(item)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        anchor = item.data(0, ANCHOR_ROLE)
        if anchor:
            self.anchor_requested.emit(anchor)
