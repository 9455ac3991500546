"""Search in the window: `SearchField` (toolbar) and `SearchPanel` (sidebar tab **Zoeken**).

The panel searches as the user types (debounced), shows the result count, grouped results (page title once, then
its sections, each with a snippet), a clickable "Bedoelde je: ..." suggestion and a notice for partial matches.
Keyboard: in the field, Down/Up move through the results, Enter opens the selected (or first) result, Escape clears
the search and asks the window (`escape_pressed`) to put focus back on the text; in the list Enter opens, Escape
returns to the field. In the window the dropdown under the field (reader/gui/search_dropdown.py) shows the first
rows of this panel's result and takes those keys while it is open; the panel, in the sidebar, is the full list.
Opening a result emits `open_requested(page id, anchor, terms to highlight in the page)`, or, for a hit that names
its corpus (`hit.corpus_id`, from the library-wide engine of reader/gui/library/scope.py),
`corpus_result_requested(corpus id, page id, anchor, terms)`.

The engine comes in as an object with `search(query, limit)` and `highlight_terms(query)` (a
`reader.core.search.SearchIndex`), or None when the edition has no usable index.
"""

from __future__ import annotations

import html
import logging
import time
from collections import deque
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.searchfilters import SearchFilterRow
from reader.gui.searchmarks import plain_snippet, rich_snippet
from reader.gui.text import plain_tip

log = logging.getLogger("reader.gui.search")

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
FIRST_OF_PAGE_ROLE = Qt.ItemDataRole.UserRole + 4
CORPUS_ROLE = Qt.ItemDataRole.UserRole + 5  # the corpus of a hit from a search across the library; "" otherwise

DEBOUNCE_MS = 180
# While searches take at most this long, a key searches on the next turn of the event loop instead of after the
# debounce (keys typed during a search are coalesced into the next one, so a key echoes within this time): results
# come within 50 ms of the key at 10,000 pages (tests/benchmarks/bench_typing.py). A slower engine gets the
# debounce, so typing never lags.
FAST_SEARCH_MS = 100.0
RESULT_LIMIT = 40


EXACT_LINK = "exact:"  # a link in the correction notice: search these words as typed


class SearchEngine(Protocol):
    def search(self, query: str, limit: int = 20, *, correct: bool = True) -> Any: ...

    def highlight_terms(self, query: str) -> list[str]: ...


class SearchField(QLineEdit):
    """The toolbar search field. Arrow keys, Enter and Escape are reported as signals for the panel."""

    navigate = Signal(int)  # +1 down, -1 up
    accepted = Signal()  # Enter
    escaped = Signal()  # Escape

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setClearButtonEnabled(True)
        self._retranslate()
        self.setMinimumWidth(220)
        self._shortcuts: list[QShortcut] = []

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Zoeken (Ctrl+K)"))
        self.setAccessibleName(self.tr("Zoeken"))
        self.setAccessibleDescription(
            self.tr('Zoek in alle pagina\'s. Gebruik "aanhalingstekens" voor een zin, -woord om uit te sluiten, '
                    "OF-zoeken met OR, titel: en sectie: om te beperken, en de filters onder het veld "
                    "(zoals rol:waarde).")
        )

    def changeEvent(self, event: QEvent) -> None:
        # A live language switch relabels the field.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def install_shortcuts(self, window: QWidget) -> None:
        """Ctrl+K and Ctrl+L focus the field from anywhere in `window`."""
        for seq in ("Ctrl+K", "Ctrl+L"):
            sc = QShortcut(QKeySequence(seq), window)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self.focus_search)
            self._shortcuts.append(sc)

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Up:
            self.navigate.emit(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)


class HtmlRowDelegate(QStyledItemDelegate):
    """Paints a result row from its HTML_ROLE (rich text), at the width of the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, str], QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(4)
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        width = option.rect.width() if option.rect.width() > 0 else 300
        doc.setTextWidth(max(120, width))
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = option.widget
        if view is not None and hasattr(view, "viewport"):
            option = QStyleOptionViewItem(option)
            option.rect.setWidth(view.viewport().width())
        # The view asks for each row's size about 1.5 times per layout: measured once per text, width and font
        # (QTextDocument.idealWidth, not needed for rows as wide as the view, was half the cost of a key press).
        key = (str(index.data(HTML_ROLE) or ""), option.rect.width(), option.font.key())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 400:
                self._sizes.clear()
            doc = self._document(option, index)
            size = self._sizes[key] = QSize(int(doc.textWidth()), int(doc.size().height()) + 2)
        return size


class _ResultList(QListView):
    escaped = Signal()
    chosen = Signal(QModelIndex)  # Enter on a row, or a click (not `activated`: some styles emit it on a click too)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # rows wrap to the new width
        self.scheduleDelayedItemsLayout()


class SearchPanel(QWidget):
    """Sidebar tab with the results of the toolbar field's query."""

    open_requested = Signal(str, str, list)  # page id, anchor ("" = top), terms to highlight
    corpus_result_requested = Signal(str, str, str, list)  # corpus id, page id, anchor, terms (across the library)
    escape_pressed = Signal()  # Escape in an empty field: the window puts focus back on the page
    results_changed = Signal(int)  # number of results shown (for tests and the tab title)
    cleared = Signal()  # the search was cleared: the window removes the marks from the page

    def __init__(self, engine: SearchEngine | None, field: SearchField | None = None,
                 parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS, adaptive: bool = True) -> None:
        super().__init__(parent)
        self._texts_ready = False  # LanguageChange can arrive before the labels exist
        self.setObjectName("searchPanel")
        self._engine = engine
        self._field: SearchField | None = None
        self._last_query: str | None = None
        self._exact_query: str | None = None  # searched without typo correction (the user asked for it as typed)
        self._last_result: Any = None
        self._pending = False  # see search_pending
        # What the panel shows ("idle", "unavailable", "error" or "result"), so a language switch can redo its texts.
        self._shown = "idle"

        self._debounce_ms = debounce_ms
        self._adaptive = adaptive  # False: always the debounce (the benchmark's baseline)
        self._recent_ms: deque[float] = deque(maxlen=3)  # how long the last searches took
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.search_now)

        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.suggestion.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.suggestion.linkActivated.connect(self.take_suggestion)
        self.suggestion.hide()
        self.notice = QLabel(self)
        self.notice.setObjectName("searchPartialNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.filter_row = SearchFilterRow(self)  # front matter filters with counts (engines that have them)
        self.filter_row.toggled.connect(self._toggle_filter)

        self.model = QStandardItemModel(self)
        self.view = _ResultList(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlRowDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.chosen.connect(self._open_index)
        self.view.clicked.connect(self._open_index)
        self.view.escaped.connect(self._back_to_field)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_row)
        layout.addWidget(self.status)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        self._texts_ready = True
        self._retranslate()
        self._show_idle()
        if field is not None:
            self.attach(field)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Zoekresultaten"))
        self.status.setAccessibleName(self.tr("Aantal resultaten"))
        self.view.setAccessibleName(self.tr("Zoekresultaten"))

    def changeEvent(self, event: QEvent) -> None:
        # A live language switch: relabel the panel and redo the texts of what it shows (results stay as they are).
        if event.type() == QEvent.Type.LanguageChange and self._texts_ready:
            self._retranslate()
            self._show_texts()
            if self._shown == "result" and self._last_result is not None:
                self._relabel_rows(self._last_result)
        elif event.type() == QEvent.Type.PaletteChange and self._shown == "result" and self._last_result is not None:
            self._relabel_rows(self._last_result)  # the marks take the new theme's colour
        super().changeEvent(event)

    def _show_texts(self) -> None:
        """The status (and suggestion) of what the panel shows, in the current language."""
        if self._shown == "result" and self._last_result is not None:
            self._result_texts(self._last_result)
        elif self._shown in ("unavailable", "error"):
            self.status.setText(self._message_text(self._shown))
        else:
            self.status.setText(self._idle_text())

    # -- wiring

    def attach(self, field: SearchField) -> None:
        self._field = field
        field.textChanged.connect(self._text_changed)
        field.navigate.connect(self.move_selection)
        field.accepted.connect(self.open_current)
        field.escaped.connect(self._field_escape)

    @property
    def field(self) -> SearchField | None:
        return self._field

    def set_engine(self, engine: SearchEngine | None) -> None:
        self._engine = engine
        self._last_query = None
        self.search_now()

    # -- searching

    def _text_changed(self, text: str) -> None:
        # the fastest of the last three: one slow search (the first, which reads the vocabulary) changes nothing
        fast = self._adaptive and min(self._recent_ms, default=0.0) <= FAST_SEARCH_MS
        self._timer.start(0 if fast else self._debounce_ms)
        self._pending = text != self._last_query
        if self._pending and text.strip():
            self.status.setText(self.tr("Zoeken..."))  # until the results come: the search is on its way

    @property
    def search_pending(self) -> bool:
        """The query changed and its results are not shown yet (they come after the debounce)."""
        return self._pending

    @property
    def shown(self) -> str:
        """What the panel shows: "idle", "unavailable", "error" or "result"."""
        return self._shown

    @property
    def last_result(self) -> Any:
        """The result shown (when `shown` is "result")."""
        return self._last_result

    def query(self) -> str:
        return self._field.text() if self._field is not None else ""

    def search_now(self) -> None:
        self._timer.stop()
        query = self.query()
        if query == self._last_query:
            if self._pending:  # typed and taken back before the search ran: what is shown is current again
                self._pending = False
                self._show_texts()
                self.results_changed.emit(self.result_count())
            return
        self._pending = False
        self._last_query = query
        if not query.strip():
            self._show_idle()
            self.cleared.emit()
            return
        if self._engine is None:
            self._show_message("unavailable")
            return
        started = time.perf_counter()
        extra = {"facets": True} if getattr(self._engine, "filter_row", False) else {}
        try:
            if query == self._exact_query:
                result = self._engine.search(query, RESULT_LIMIT, correct=False, **extra)
            else:
                result = self._engine.search(query, RESULT_LIMIT, **extra)
            self._recent_ms.append((time.perf_counter() - started) * 1000)
        except Exception:  # the engine never raises by contract; a broken index must not take the window down
            log.exception("search failed")
            self._show_message("error")
            return
        self._last_result = result
        self._show_result(result)

    def _idle_text(self) -> str:
        return self.tr("Typ om te zoeken in alle pagina's.")

    def _message_text(self, kind: str) -> str:
        if kind == "unavailable":
            return self.tr("Zoeken is niet beschikbaar: deze editie heeft geen zoekindex.")
        return self.tr("Er ging iets mis bij het zoeken.")

    def _show_idle(self) -> None:
        self._shown = "idle"
        loaded = getattr(self._engine, "loaded_filters", None)
        self.filter_row.show_filters(loaded() if loaded is not None else None, None)  # counts over the corpus
        self.model.clear()
        self.status.setText(self._idle_text())
        self.suggestion.hide()
        self.notice.hide()
        self.results_changed.emit(0)

    def _show_message(self, kind: str) -> None:
        """Show one of the fixed messages ("unavailable" or "error") instead of results."""
        self._shown = kind
        self.filter_row.show_filters(None, None)
        self.model.clear()
        self.status.setText(self._message_text(kind))
        self.suggestion.hide()
        self.notice.hide()
        self.results_changed.emit(0)

    def _row_texts(self, hit: Any, first: bool) -> tuple[str, str]:
        """The rich text painted for a result row and its plain text (for screen readers)."""
        section = hit.section or self.tr("Inleiding")
        parts = []
        if first:
            crumbs = " › ".join(hit.breadcrumb)
            parts.append(f"<b>{html.escape(hit.title)}</b>")
            if crumbs:
                parts.append(f'<br><small>{html.escape(crumbs)}</small>')
            parts.append("<br>")
        parts.append(f"<i>{html.escape(section)}</i>")
        snippet = rich_snippet(hit.snippet_html, self.palette())
        if snippet:
            parts.append(f"<br>{snippet}")
        return "".join(parts), f"{hit.title}, {section}. {plain_snippet(hit.snippet_html)}"

    def _relabel_rows(self, result: Any) -> None:
        """Redo the rows' texts in place ("Inleiding" is translated); selection and scroll position stay."""
        for row, hit in enumerate(result.hits[: self.model.rowCount()]):
            index = self.model.index(row, 0)
            rich, plain = self._row_texts(hit, bool(index.data(FIRST_OF_PAGE_ROLE)))
            self.model.setData(index, rich, HTML_ROLE)
            self.model.setData(index, plain, Qt.ItemDataRole.DisplayRole)
            self.model.setData(index, plain, Qt.ItemDataRole.AccessibleTextRole)

    def _show_result(self, result: Any) -> None:
        self._shown = "result"
        self.model.clear()
        last_page: tuple[str, str] | None = None
        for hit in result.hits:
            corpus = str(getattr(hit, "corpus_id", ""))
            first = (corpus, hit.page) != last_page
            last_page = (corpus, hit.page)
            rich, plain = self._row_texts(hit, first)
            item = QStandardItem()
            item.setData(rich, HTML_ROLE)
            item.setData(hit.page, PAGE_ROLE)
            item.setData(hit.anchor, ANCHOR_ROLE)
            item.setData(first, FIRST_OF_PAGE_ROLE)
            item.setData(corpus, CORPUS_ROLE)
            item.setData(plain, Qt.ItemDataRole.DisplayRole)  # what a screen reader reads
            item.setData(plain, Qt.ItemDataRole.AccessibleTextRole)
            item.setToolTip(plain_tip(hit.title + (" › " + hit.section if hit.section else "")))
            self.model.appendRow(item)
        self._result_texts(result)
        self.filter_row.show_filters(getattr(result, "facets", None), getattr(result, "filters", None))
        if result.hits:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.results_changed.emit(len(result.hits))

    def count_text(self, result: Any) -> str:
        """ "12 resultaten op 5 pagina's", or that nothing was found, in the current language."""
        n = len(result.hits)
        if not n:
            return self.tr("Niets gevonden.")
        pages = len({h.page for h in result.hits})
        return (self.tr("1 resultaat") if n == 1 else self.tr("%1 resultaten").replace("%1", str(n))) + " " + (
            self.tr("op 1 pagina") if pages == 1 else self.tr("op %1 pagina's").replace("%1", str(pages)))

    def suggestion_texts(self, result: Any) -> tuple[str, str] | None:
        """The correction or "Bedoelde je" of `result` as (rich text with its link, plain text), or None."""
        corrected = getattr(result, "corrected_query", None)
        if corrected:
            # "Resultaten voor toegankelijkheid; zoek in plaats daarvan naar toegankelykheid" (a link)
            text = self.tr("Resultaten voor %1; zoek in plaats daarvan naar %2")
            link = html.escape(EXACT_LINK + result.query, quote=True)
            return (text.replace("%1", f"<b>{html.escape(corrected)}</b>").replace(
                "%2", f'<a href="{link}">{html.escape(result.query)}</a>'),
                text.replace("%1", corrected).replace("%2", result.query))
        if result.suggestion:
            link = html.escape(result.suggestion, quote=True)
            text = self.tr("Bedoelde je: %1?")
            return (text.replace("%1", f'<a href="{link}">{html.escape(result.suggestion)}</a>'),
                    text.replace("%1", result.suggestion))
        return None

    def partial_text(self) -> str:
        return self.tr("Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten.")

    def _result_texts(self, result: Any) -> None:
        """Count, "Bedoelde je" suggestion and partial-match notice for `result`, in the current language."""
        self.status.setText(self.count_text(result))
        suggestion = self.suggestion_texts(result)
        if suggestion is not None:
            self.suggestion.setText(suggestion[0])
            self.suggestion.setAccessibleName(suggestion[1])
        self.suggestion.setVisible(suggestion is not None)
        if result.partial:
            self.notice.setText(self.partial_text())
        self.notice.setVisible(bool(result.partial))

    def _toggle_filter(self, key: str, value: str) -> None:
        """A value chosen in the filter row: the query gets (or loses) `key:value`, and is searched at once."""
        if self._engine is None or self._field is None:
            return
        self._field.setText(self._engine.toggle_filter(self._field.text(), key, value))  # type: ignore[attr-defined]
        self.search_now()

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown == "idle":  # the index may have opened since: show its filters
            self._show_idle()
        super().showEvent(event)

    def take_suggestion(self, text: str) -> None:
        """Search for a suggestion's link: a corrected word, or (exact:) the words as typed."""
        self._exact_query = None
        if text.startswith(EXACT_LINK):  # the words as typed, without the correction
            text = self._exact_query = text[len(EXACT_LINK):]
            self._last_query = None
        if self._field is not None:
            self._field.setText(text)
            self._field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_now()

    # -- keyboard and opening

    def move_selection(self, step: int) -> None:
        self.search_now()  # the user may be faster than the debounce
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        row = min(rows - 1, max(0, current + step))
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def open_current(self) -> None:
        self.search_now()
        index = self.view.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)

    def open_row(self, row: int) -> None:
        """Open the result in `row` (what the dropdown under the field opens: its rows are the first ones here)."""
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
            self._open_index(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex) -> None:
        page = index.data(PAGE_ROLE)
        if not page:
            return
        anchor = index.data(ANCHOR_ROLE) or ""
        terms: list[str] = []
        if self._engine is not None:
            try:
                terms = list(self._engine.highlight_terms(self._last_query or ""))
            except Exception:
                log.exception("highlight_terms failed")
        corpus = index.data(CORPUS_ROLE)
        if corpus:
            self.corpus_result_requested.emit(str(corpus), str(page), str(anchor), terms)
        else:
            self.open_requested.emit(str(page), str(anchor), terms)

    def _field_escape(self) -> None:
        """Escape closes the search: the query and results go, and the window returns focus to the text."""
        if self._field is not None and self._field.text():
            self._field.clear()
            self.search_now()
        self.escape_pressed.emit()

    def _back_to_field(self) -> None:
        if self._field is not None:
            self._field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.escape_pressed.emit()

    def result_count(self) -> int:
        return self.model.rowCount()
