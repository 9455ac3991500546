"""The **Inhoud** tab: the corpus navigation as a tree; the current page is selected and its branch expanded."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.model import NavItem
from reader.gui.text import plain_tip

PAGE_ROLE = Qt.ItemDataRole.UserRole
URL_ROLE = Qt.ItemDataRole.UserRole + 1
UNLISTED = "unlisted"  # NavItem.role of the section the importer adds for pages outside the site's navigation


class ContentsTree(QTreeWidget):
    open_requested = Signal(str)  # page id
    external_requested = Signal(str)  # url of an external nav entry

    def __init__(self, nav: tuple[NavItem, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setObjectName("contentsTree")
        self.setAccessibleName(self.tr("Inhoud"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._unlisted: list[QTreeWidgetItem] = []  # their title is ours, in the interface language
        self._fill(self.invisibleRootItem(), nav)
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)

    def set_nav(self, nav: tuple[NavItem, ...]) -> None:
        """Another edition (the window switched corpus): its navigation replaces this one."""
        self.clear()
        self._items.clear()
        self._unlisted.clear()
        self._fill(self.invisibleRootItem(), nav)

    def _fill(self, parent: QTreeWidgetItem, items: tuple[NavItem, ...]) -> None:
        for nav in items:
            title = self._unlisted_title() if nav.role == UNLISTED else nav.title
            item = QTreeWidgetItem(parent, [title])
            item.setToolTip(0, plain_tip(title))
            if nav.role == UNLISTED:
                self._unlisted.append(item)
            if nav.page is not None:
                item.setData(0, PAGE_ROLE, nav.page)
                self._items.setdefault(nav.page, item)
            if nav.url:
                item.setData(0, URL_ROLE, nav.url)
                item.setToolTip(0, plain_tip(nav.url))
            self._fill(item, nav.children)

    def _unlisted_title(self) -> str:
        return self.tr("Overige pagina's")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for item in self._unlisted:
                item.setText(0, self._unlisted_title())
                item.setToolTip(0, plain_tip(self._unlisted_title()))
        super().changeEvent(event)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page = item.data(0, PAGE_ROLE)
        if page is not None:
            self.open_requested.emit(page)
        elif item.data(0, URL_ROLE):
            self.external_requested.emit(item.data(0, URL_ROLE))
        else:
            item.setExpanded(not item.isExpanded())

    def page_at(self, index: QModelIndex) -> tuple[str, str] | None:
        page = index.data(PAGE_ROLE)
        return (str(page), "") if page else None

    def select_page(self, page_id: str) -> None:
        item = self._items.get(page_id)
        if item is None:
            self.clearSelection()
            return
        item.setExpanded(True)  # a section's own index page shows its children
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.blockSignals(True)
        self.setCurrentItem(item)
        self.blockSignals(False)
        self.scrollToItem(item)
