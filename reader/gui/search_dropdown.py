"""Instant results under the toolbar's search field: the best hits drop from the field as the reader types, and the
contents tree stays where it was.

The dropdown searches nothing itself: it shows the first rows of the Zoeken panel's result (same engine, debounce
and results; the panel, in the sidebar, is the full list "one key away"). It is a frame parented to the window, laid
over the page, not a popup window: a Qt.Popup grabs the keyboard, and the focus must stay in the field while typing.

Keyboard, in the field: Down/Up move through the rows (no wrapping; Up from the first row goes back to "nothing
selected"), Enter opens the selected row or, with nothing selected, the first hit; Alt+Enter or Shift+Enter (and the
last row, "Alle N resultaten tonen") open the full list; Escape closes the dropdown and a second Escape leaves the
field as before (the panel clears the search and the window focuses the page); Down reopens a closed dropdown. Tab
goes from the field to the suggestion, then to the results. A click outside, another window or the focus leaving
closes it; it follows the field when the window is resized.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from reader.gui.searchmarks import plain_snippet, rich_snippet, short_snippet
from reader.gui.sidebar.search import HTML_ROLE, HtmlRowDelegate

if TYPE_CHECKING:
    from reader.gui.sidebar.search import SearchField, SearchPanel

MAX_HITS = 8  # rows of hits; the full list has the rest
SNIPPET_CHARS = 120
MIN_WIDTH = 440
ROW_ROLE = Qt.ItemDataRole.UserRole + 20  # the panel's row of a hit; -1 for "Alle N resultaten tonen"
ALL_RESULTS = -1


class _DropList(QListView):
    """The rows; when it has the focus (Tab from the field), Enter opens and Escape goes back to the field."""

    chosen = Signal(int)  # a row of the dropdown
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class _LinkLabel(QLabel):
    """The correction: Tab into it selects its link at once (a QLabel takes one Tab for itself, one for the link),
    so Enter takes the suggestion and the next Tab goes on to the results."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)


class SearchDropdown(QFrame):
    """The instant results of `panel`'s query, under `field`, inside `window`."""

    opened = Signal()  # a hit was opened: the window hands the focus to the page
    full_list_requested = Signal()  # the window shows the panel with the full list
    announced = Signal(str)  # what was said to a screen reader (the count, the selected row)

    def __init__(self, panel: SearchPanel, field: SearchField, window: QWidget) -> None:
        super().__init__(window)
        self._measured_width = -1  # the list's width when its rows were last measured
        self.setObjectName("searchDropdown")
        self._panel = panel
        self._field = field
        self._window = window
        self._dismissed = False  # Escape closed it: it stays closed until the query changes (or Down)
        self._clicks: QObject | None = None  # the window's QWindow, filtered while open
        self.setFrameShape(QFrame.Shape.Box)  # drawn in the text colour: a border in every theme
        self.setLineWidth(1)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.status = QLabel(self)
        self.status.setObjectName("searchDropdownStatus")
        self.status.setWordWrap(True)
        self.suggestion = _LinkLabel(self)
        self.suggestion.setObjectName("searchDropdownSuggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.suggestion.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.suggestion.linkActivated.connect(self._take_suggestion)
        self.suggestion.hide()
        self.notice = QLabel(self)
        self.notice.setObjectName("searchDropdownNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.model = QStandardItemModel(self)
        self.list = _DropList(self)
        self.list.setObjectName("searchDropdownList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlRowDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.setMouseTracking(True)
        self.list.chosen.connect(self.activate)
        self.list.clicked.connect(lambda index: self.activate(index.row()))
        self.list.escaped.connect(lambda: self._field.setFocus(Qt.FocusReason.OtherFocusReason))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.status)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.notice)
        layout.addWidget(self.list)
        # Tab: field -> suggestion -> results -> whatever followed the field (hidden ones are skipped).
        QWidget.setTabOrder(field, self.suggestion)
        QWidget.setTabOrder(self.suggestion, self.list)
        self._retranslate()
        self.hide()

        panel.results_changed.connect(self._on_results)
        field.installEventFilter(self)
        window.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Zoekresultaten terwijl je typt"))
        self.list.setAccessibleName(self.tr("Snelle zoekresultaten"))
        self.status.setAccessibleName(self.tr("Aantal resultaten"))

    # -- what it shows

    def typed(self, text: str) -> None:
        """The query changed (the window calls this for each change of the field)."""
        self._dismissed = False
        if not text.strip():
            self.hide()
            return
        if self._panel.search_pending:
            self.status.setText(self.tr("Zoeken..."))
            self.status.show()
            self._open()

    def _on_results(self, _count: int) -> None:
        self._fill()
        if self._panel.shown == "idle" or not self._field.text().strip():
            self.hide()
        else:
            self._open()
            self._announce(self.status.text())

    def _fill(self) -> None:
        """Rows, count, suggestion and notice from what the panel shows."""
        panel = self._panel
        self.model.clear()
        result = panel.last_result if panel.shown == "result" else None
        if result is None:
            self.status.setText(panel.status.text())  # "geen zoekindex", or that the search failed
            self.suggestion.hide()
            self.notice.hide()
            self._size()
            return
        for row, hit in enumerate(result.hits[:MAX_HITS]):
            rich, plain = self._row_texts(hit)
            self._add_row(rich, plain, row)
        if result.hits:
            n = len(result.hits)
            text = self.tr("Alle %1 resultaten tonen").replace("%1", str(n)) if n > 1 else self.tr(
                "Resultaat in de volledige lijst tonen")
            self._add_row(f"<b>{html.escape(text)}</b>", text, ALL_RESULTS)
            self.status.setText(panel.count_text(result))
        else:
            self.status.setText(self.tr("Geen resultaten"))
        suggestion = panel.suggestion_texts(result)
        if suggestion is not None:
            self.suggestion.setText(suggestion[0])
            self.suggestion.setAccessibleName(suggestion[1])
        self.suggestion.setVisible(suggestion is not None)
        if result.partial:
            self.notice.setText(panel.partial_text())
        self.notice.setVisible(bool(result.partial))
        self._size()

    def _add_row(self, rich: str, plain: str, row: int) -> None:
        item = QStandardItem()
        item.setData(rich, HTML_ROLE)
        item.setData(plain, Qt.ItemDataRole.DisplayRole)
        item.setData(plain, Qt.ItemDataRole.AccessibleTextRole)
        item.setData(row, ROW_ROLE)
        self.model.appendRow(item)

    def _row_texts(self, hit: Any) -> tuple[str, str]:
        """Page title and section, then a short snippet; a hit of another corpus names its corpus first."""
        section = hit.section or self.tr("Inleiding")
        corpus = hit.breadcrumb[0] if getattr(hit, "corpus_id", "") and hit.breadcrumb else ""
        head = f"<b>{html.escape(hit.title)}</b> \u203a <i>{html.escape(section)}</i>"
        if corpus:
            head = f"<small>{html.escape(corpus)}</small><br>{head}"
        snippet = short_snippet(hit.snippet_html, SNIPPET_CHARS)
        rich = head + (f"<br><small>{rich_snippet(snippet, self.palette())}</small>" if snippet else "")
        plain = f"{hit.title}, {section}. {plain_snippet(snippet)}"
        return rich, (f"{corpus}: {plain}" if corpus else plain)

    def _announce(self, text: str) -> None:
        if text:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, text))
            self.announced.emit(text)

    # -- showing, placing

    def _wanted(self) -> bool:
        focus = QApplication.focusWidget()
        focused = focus is not None and (focus is self._field or self.isAncestorOf(focus))
        # The full list in view shows the same results: no second copy over the page.
        return focused and not self._dismissed and bool(self._field.text().strip()) and not self._panel.isVisible()

    def _open(self) -> None:
        if not self._wanted():
            return
        if not self.isVisible():
            self.list.setCurrentIndex(self.model.index(-1, 0))  # nothing selected: Enter opens the first hit
            self.show()
            self.raise_()
        self._size()

    def _size(self) -> None:
        """Under the field, as wide as MIN_WIDTH at least, inside the window, as high as its rows."""
        if not self.isVisible():
            return
        window, field = self._window, self._field
        corner = field.mapTo(window, QPoint(0, field.height() + 2))
        width = min(max(field.width(), MIN_WIDTH), window.width() - 8)
        x = max(4, min(corner.x(), window.width() - width - 4))
        self.resize(width, self.height())
        layout = self.layout()
        if layout is not None:
            layout.activate()
        rows = sum(self.list.sizeHintForRow(r) for r in range(self.model.rowCount()))
        room = window.height() - corner.y() - 8
        # What the status, suggestion and notice lines take: the dropdown's height with an empty list (a QListView's
        # own sizeHint is a fixed default, not its rows).
        self.list.setFixedHeight(0)
        others = self.sizeHint().height()
        self.list.setFixedHeight(max(0, min(rows + 4, room - others)) if self.model.rowCount() else 0)
        self.list.setVisible(self.model.rowCount() > 0)
        self.setGeometry(x, corner.y(), width, min(room, self.sizeHint().height()))
        if self.list.viewport().width() != self._measured_width:
            # The rows were measured at the list's old width (wrapped rows grow when it narrows): measure again once
            # the new geometry is in, so the last row, "Alle N resultaten tonen", is not cut off.
            self._measured_width = self.list.viewport().width()
            QTimer.singleShot(0, self._size)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Clicks anywhere in the window, while open: its QWindow sees every press before the widget under it does
        # (an application-wide filter in Python crashed PySide on objects in destruction).
        handle = self._window.windowHandle()
        if handle is not None and self._clicks is None:
            handle.installEventFilter(self)
            self._clicks = handle

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        if self._clicks is not None:
            self._clicks.removeEventFilter(self)
            self._clicks = None

    # -- keys, focus, clicks

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._field:
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._field_key(event)
            if kind in (QEvent.Type.Resize, QEvent.Type.Move):
                self._size()
        elif watched is self._window:
            if kind == QEvent.Type.Resize:
                self._size()
            elif kind == QEvent.Type.WindowDeactivate:
                self.hide()
        elif watched is self._clicks and kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            at = event.position().toPoint()  # in the window's coordinates
            field = QRect(self._field.mapTo(self._window, QPoint(0, 0)), self._field.size())
            if not (self.geometry().contains(at) or field.contains(at)):
                self.hide()  # a click outside
        return False

    def _field_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        has_text = bool(self._field.text().strip())
        if enter and mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
            if has_text:
                self.open_full_list()
                return True
            return False
        if not self.isVisible():
            if key == Qt.Key.Key_Down and has_text and not self._panel.isVisible():
                self._dismissed = False
                self._panel.search_now()
                self._fill()
                self._open()
                self.move_selection(1)
                return self.isVisible()
            return False  # the panel's keys, as without the dropdown
        if key == Qt.Key.Key_Down:
            self.move_selection(1)
        elif key == Qt.Key.Key_Up:
            self.move_selection(-1)
        elif enter:
            self.activate(self.selected_row())
        elif key == Qt.Key.Key_Escape:
            self._dismissed = True
            self.hide()
        else:
            return False
        return True

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        if new is self._field or self.isAncestorOf(new):
            if not self.isVisible() and self._panel.shown != "idle":
                self._open()  # back in the field (Ctrl+K): the last results again
        elif self.isVisible():
            self.hide()

    # -- choosing

    def selected_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        row = max(-1, min(rows - 1, self.selected_row() + step))
        if row < 0:
            self.list.setCurrentIndex(self.model.index(-1, 0))
            self.list.clearSelection()
        else:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _current_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        hit_row = current.data(ROW_ROLE)
        if isinstance(hit_row, int) and hit_row >= 0:
            self._panel.view.setCurrentIndex(self._panel.model.index(hit_row, 0))  # the same row in the full list
        if self.isVisible():
            self._announce(str(current.data(Qt.ItemDataRole.AccessibleTextRole) or ""))

    def activate(self, row: int) -> None:
        """Open the dropdown's `row`: a hit, or the full list; -1 (nothing selected) opens the first hit."""
        self._panel.search_now()  # typed faster than the debounce: the results of the query as it stands
        if row < 0:
            row = 0
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        hit_row = index.data(ROW_ROLE)
        if hit_row == ALL_RESULTS:
            self.open_full_list()
            return
        self.hide()
        self._panel.open_row(int(hit_row))
        self.opened.emit()

    def open_full_list(self) -> None:
        """The panel with every result (same query and filters), in the sidebar."""
        self._panel.search_now()
        self._dismissed = True
        self.hide()
        self.full_list_requested.emit()

    def _take_suggestion(self, link: str) -> None:
        self._field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._panel.take_suggestion(link)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self._retranslate()
        if kind in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange) and self._panel.shown != "idle":
            selected = self.selected_row()
            self._fill()  # texts in the new language, marks in the new colours
            if selected >= 0:
                self.list.setCurrentIndex(self.model.index(selected, 0))
        super().changeEvent(event)
