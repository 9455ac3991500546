"""History: the recently opened pages, as a sidebar list and as a menu (e.g. under "Ga" or the back button)."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Callable, Collection

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.userdata import UserData, UserDataError, Visit
from reader.gui.messages import describe
from reader.gui.text import plain_tip

log = logging.getLogger("reader.history")

ROLE_PAGE = Qt.ItemDataRole.UserRole + 1


def when_text(visited: float, now: float | None = None) -> str:
    """"vandaag 14:32", "gisteren 09:05" or "3-11-2026 16:00" (local time)."""
    now = time.time() if now is None else now
    then = datetime.fromtimestamp(visited)
    today = datetime.fromtimestamp(now).date()
    clock = then.strftime("%H:%M")
    if then.date() == today:
        return QCoreApplication.translate("History", "vandaag %1").replace("%1", clock)
    if (today - then.date()).days == 1:
        return QCoreApplication.translate("History", "gisteren %1").replace("%1", clock)
    return f"{then.day}-{then.month}-{then.year} {clock}"


class HistoryPanel(QWidget):
    """The sidebar list of recently opened pages, newest first; activating an entry opens it."""

    open_requested = Signal(str, str)  # page id, anchor (always "" for history)

    def __init__(
        self,
        userdata: UserData,
        page_ids: Collection[str] | Callable[[], Collection[str]] | None = None,
        *,
        limit: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._texts_ready = False  # LanguageChange can arrive before the labels exist
        self.setObjectName("historyPanel")
        self.userdata = userdata
        self._page_ids = page_ids
        self.limit = limit
        self._italic = self.font()
        self._italic.setItalic(True)

        # A model filled through setData only (no Python-made item objects), shown in a plain list view.
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setObjectName("historyList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Two-line entries (title, then when): a gap and alternating shades keep one visit apart from the next.
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.clicked.connect(self._open)
        self.list.installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("historyMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self._clear_error: UserDataError | None = None  # why the last clear failed (shown in the message label)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("historyClearButton")
        self.clear_button.clicked.connect(self.ask_clear)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)
        self._texts_ready = True
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Geschiedenis"))
        self.empty_label.setText(self.tr("Nog geen pagina’s bekeken."))
        self.clear_button.setText(self.tr("Geschiedenis wissen…"))
        if self._clear_error is not None:
            self.message_label.setText(self.tr("Niet gewist: %1").replace("%1", describe(self._clear_error)))

    def changeEvent(self, event: QEvent) -> None:
        # A live language switch: relabel, and rebuild the rows ("vandaag", "niet in deze editie" are translated).
        if event.type() == QEvent.Type.LanguageChange and self._texts_ready:
            self._retranslate()
            current = self.list.currentIndex().row()
            self.refresh()
            if 0 <= current < self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(current, 0))
        super().changeEvent(event)

    def set_page_ids(self, page_ids: Collection[str] | Callable[[], Collection[str]] | None) -> None:
        self._page_ids = page_ids
        self.refresh()

    def record_visit(self, page_id: str, title: str) -> None:
        """Remember a page the window opened, and show it on top. Never raises: history is a convenience."""
        try:
            self.userdata.record_visit(page_id, title)
        except UserDataError as err:
            log.info("history not saved: %s", err)
            return
        self.refresh()

    def refresh(self) -> None:
        ids = self._page_ids() if callable(self._page_ids) else self._page_ids
        model = self.model
        model.removeRows(0, model.rowCount())
        visits = self.userdata.recent(self.limit)
        model.setColumnCount(1)
        model.insertRows(0, len(visits))
        now = time.time()
        for row, visit in enumerate(visits):
            index = model.index(row, 0)
            text = f"{visit.title or visit.page_id}\n{when_text(visit.visited, now)}"
            if ids is not None and visit.page_id not in ids:
                text += " \u00b7 " + self.tr("niet in deze editie")
                model.setData(index, self._italic, Qt.ItemDataRole.FontRole)
            model.setData(index, text)
            model.setData(index, visit.page_id, ROLE_PAGE)
            model.setData(index, plain_tip(visit.page_id), Qt.ItemDataRole.ToolTipRole)
        self.list.setVisible(bool(visits))
        self.empty_label.setVisible(not visits)
        self.clear_button.setEnabled(bool(visits) and not self.userdata.read_only)

    def visible_pages(self) -> list[str]:
        return [str(self.model.index(r, 0).data(ROLE_PAGE)) for r in range(self.model.rowCount())]

    def page_at(self, index: QModelIndex) -> tuple[str, str] | None:
        page = index.data(ROLE_PAGE)
        return (str(page), "") if page else None

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(str(index.data(ROLE_PAGE)), "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentIndex().isValid():
                self._open(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def ask_clear(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Geschiedenis wissen"),
            self.tr("Alle bekeken pagina’s uit de geschiedenis wissen? Bladwijzers en checklists blijven."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.clear()

    def clear(self) -> bool:
        try:
            self.userdata.clear_history()
        except UserDataError as err:
            self._clear_error = err
            self.message_label.setText(self.tr("Niet gewist: %1").replace("%1", describe(err)))
            self.message_label.show()
            return False
        self._clear_error = None
        self.message_label.hide()
        self.refresh()
        return True


def fill_history_menu(
    menu: QMenu,
    userdata: UserData,
    open_page: Callable[[str], None],
    *,
    limit: int = 15,
    on_clear: Callable[[], None] | None = None,
) -> list[Visit]:
    """Fill `menu` with the recently opened pages (connect it to `menu.aboutToShow`). Returns what it listed.
    `on_clear` (e.g. HistoryPanel.ask_clear) adds a "Geschiedenis wissen…" entry."""
    menu.clear()
    visits = userdata.recent(limit)
    if not visits:
        empty = menu.addAction(QCoreApplication.translate("History", "Nog geen pagina’s bekeken"))
        empty.setEnabled(False)
    now = time.time()
    for visit in visits:
        label = (visit.title or visit.page_id).replace("&", "&&")  # a lone & would become a mnemonic
        action = menu.addAction(f"{label}\t{when_text(visit.visited, now)}")
        action.setData(visit.page_id)
        action.setToolTip(visit.page_id)
        action.triggered.connect(lambda _checked=False, p=visit.page_id: open_page(p))
    if on_clear is not None:
        menu.addSeparator()
        clear = menu.addAction(QCoreApplication.translate("History", "Geschiedenis wissen…"))
        clear.setEnabled(bool(visits) and not userdata.read_only)
        clear.triggered.connect(lambda _checked=False: on_clear())
    return visits
