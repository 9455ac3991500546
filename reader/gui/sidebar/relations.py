"""The **Relaties** tab: related guidelines (front matter), the pages this page links to, and its backlinks.

Each group is labelled; a related guideline shows its title and summary; a relation to a page that is not in this
edition stays visible, marked as not available, so the reader knows it exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.edition import Edition
from reader.gui.text import plain_tip

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

PAGE_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # "available", "missing", "empty"

RELATED, LINKS, BACKLINKS = "related", "links", "backlinks"
SUMMARY_CHARS = 160


def _short(text: str, limit: int = SUMMARY_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class RelationsTree(QTreeWidget):
    open_requested = Signal(str)  # page id

    def __init__(self, edition: Edition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edition = edition
        self.setObjectName("relationsTree")
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setRootIsDecorated(False)
        self._delegate_set = False  # made when first shown (`showEvent`): a hidden tab paints nothing
        self._page_id: str | None = None
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)
        self._retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        if not self._delegate_set:
            # Imported here: its Qt style classes cost PySide ~6 ms of enum types, which the start need not pay
            # while the Relaties tab is not the one shown.
            from reader.gui.sidebar.summary_delegate import TitleAndSummary

            self.setItemDelegate(TitleAndSummary(self))
            self._delegate_set = True
        super().showEvent(event)

    # -- texts ------------------------------------------------------------------------------------------------
    def _labels(self) -> dict[str, str]:
        return {
            RELATED: self.tr("Gerelateerde richtlijnen"),
            LINKS: self.tr("Deze pagina verwijst naar"),
            BACKLINKS: self.tr("Pagina's die hiernaar verwijzen"),
        }

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Relaties"))
        self.setAccessibleDescription(self.tr("Gerelateerde richtlijnen, links en verwijzingen van de open pagina"))
        if self._page_id is not None:
            self.show_page(self._page_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- content ----------------------------------------------------------------------------------------------
    def show_page(self, page_id: str | None) -> None:
        self.clear()
        self._page_id = page_id
        info = self.edition.pages.get(page_id or "")
        if info is None:
            return
        labels = self._labels()
        related = [(ref, target) for ref, target in info.relations]
        related_ids = {t for _, t in related if t}
        # Links to the related guidelines are listed once, under those; say so rather than "none".
        links_only_related = bool(info.links) and all(p in related_ids for p in info.links)
        groups: list[tuple[str, list[tuple[str, str | None]]]] = [
            (RELATED, related),
            (LINKS, [(p, p) for p in info.links if p not in related_ids]),
            (BACKLINKS, [(p, p) for p in info.backlinks]),
        ]
        bold = QFont(self.font())
        bold.setBold(True)
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for key, entries in groups:
            group = QTreeWidgetItem(self, [f"{labels[key]} ({len(entries)})"])
            group.setData(0, GROUP_ROLE, key)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            if not entries:
                text = self.tr("Alleen naar de gerelateerde richtlijnen hierboven") if (
                    key == LINKS and links_only_related) else self.tr("Geen")
                empty = QTreeWidgetItem(group, [text])
                empty.setData(0, STATE_ROLE, "empty")
                empty.setForeground(0, muted)
            for ref, target in entries:
                self._add_entry(group, ref, target, muted, with_summary=(key == RELATED))
            group.setExpanded(True)

    def _add_entry(
        self, group: QTreeWidgetItem, ref: str, target: str | None, muted: QColor, *, with_summary: bool
    ) -> None:
        page = self.edition.pages.get(target or "")
        if page is None:
            item = QTreeWidgetItem(group, [self.tr("%1 (niet beschikbaar in deze editie)").replace("%1", ref)])
            item.setData(0, STATE_ROLE, "missing")
            item.setForeground(0, muted)
            font = QFont(item.font(0))
            font.setItalic(True)
            item.setFont(0, font)
            item.setToolTip(0, self.tr("Deze richtlijn staat niet in deze editie van het corpus."))
            return
        text = page.title
        if with_summary and page.summary:
            text += "\n" + _short(page.summary)
        item = QTreeWidgetItem(group, [text])
        item.setData(0, PAGE_ROLE, page.id)
        item.setData(0, STATE_ROLE, "available")
        tip = page.title + ("\n\n" + page.summary if page.summary else "")
        item.setToolTip(0, plain_tip(tip))
        item.setStatusTip(0, page.id)

    # -- queries used by the window and the tests --------------------------------------------------------------
    def group(self, key: str) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, GROUP_ROLE) == key:
                return item
        return None

    def entries(self, key: str) -> list[tuple[str | None, str, str]]:
        """(page id or None, text, state) of each entry in a group."""
        group = self.group(key)
        if group is None:
            return []
        out = []
        for i in range(group.childCount()):
            child = group.child(i)
            if child is not None and child.data(0, STATE_ROLE) != "empty":
                out.append((child.data(0, PAGE_ROLE), child.text(0), child.data(0, STATE_ROLE)))
        return out

    def page_at(self, index: QModelIndex) -> tuple[str, str] | None:
        page = index.data(PAGE_ROLE)
        return (str(page), "") if page else None

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page = item.data(0, PAGE_ROLE)
        if page:
            self.open_requested.emit(page)
