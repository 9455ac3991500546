"""The library page: every installed corpus with its edition, size and the user's bookmarks and open checklist items
in it, a "Nieuwe editie" badge, the older editions kept; open and remove (with confirmation).

A Qt widget in the window's stack, over the page: a tree (arrow keys, Enter opens, Delete removes) and buttons
that Tab reaches. What the rows say comes from rows.py (pure); this module only shows it and asks.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.edition import Edition, EditionError
from reader.core.library import InstalledEdition, LibraryError, remove
from reader.core.userdata import UserDataError
from reader.gui.library.remove import RemoveDialog
from reader.gui.library.rows import CorpusRow, EditionRow, corpus_rows, format_size

if TYPE_CHECKING:
    from reader.gui.library.switcher import CorpusSwitcher
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.library")

CORPUS_ROLE = Qt.ItemDataRole.UserRole
EDITION_ROLE = Qt.ItemDataRole.UserRole + 1  # the old edition's key; None on a corpus row
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE, ORGANISATION, DATE, PAGES, SIZE, BOOKMARKS, OPEN_ITEMS = range(7)


class LibraryTree(QTreeWidget):
    """Enter opens (itemActivated), Delete asks to remove."""

    def __init__(self, page: LibraryPage) -> None:
        super().__init__(page)
        self._page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() == Qt.Key.Key_Delete:
            self._page.ask_remove()
            return
        if event.key() == Qt.Key.Key_Escape:
            self._page.leave()
            return
        super().keyPressEvent(event)


class LibraryPage(QWidget):
    def __init__(self, window: MainWindow, switcher: CorpusSwitcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPage")
        self._window = window
        self._switcher = switcher
        self._rows: list[CorpusRow] = []
        self._checklist_totals: dict[Path, int] = {}
        self._sizes: dict[Path, int] = {}  # an installed edition's folder never changes; walked once
        self.remove_dialog: RemoveDialog | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("libraryHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("librarySummary")
        self.summary.setWordWrap(True)
        self.tree = LibraryTree(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setColumnCount(7)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda _item, _col: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("libraryOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("libraryRemove")
        self.remove_button.clicked.connect(self.ask_remove)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.open_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)  # others add their own buttons (the add dialog) with `add_button`
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.buttons)
        self.setTabOrder(self.tree, self.open_button)
        self.setTabOrder(self.open_button, self.remove_button)
        self._retranslate()

    def add_button(self, button: QPushButton) -> None:
        """A button of another feature (e.g. "Richtlijnen toevoegen...") in the row, before the stretch."""
        self.buttons.insertWidget(self.buttons.count() - 1, button)

    # -- texts
    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Bibliotheek"))
        self.setAccessibleName(self.tr("Bibliotheek"))
        self.tree.setAccessibleName(self.tr("Ge\u00efnstalleerde richtlijnen"))
        self.tree.setHeaderLabels([
            self.tr("Richtlijnen"), self.tr("Organisatie"), self.tr("Editie"), self.tr("Pagina's"),
            self.tr("Grootte"), self.tr("Bladwijzers"), self.tr("Open punten"),
        ])
        self.open_button.setText(self.tr("&Openen"))
        self.remove_button.setText(self.tr("&Verwijderen\u2026"))
        if self._rows:
            self._fill(self._rows)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tree"):
            self._retranslate()
        super().changeEvent(event)

    # -- content
    def refresh(self) -> None:
        """List the library again (after install or remove; the add dialog calls this too)."""
        userdata = self._window.userdata
        shelves = self._switcher.get_library().corpora()
        try:
            counts = userdata.corpus_counts()
        except UserDataError as err:
            log.info("no counts per corpus: %s", err.code)
            counts = {}
        self._rows = corpus_rows(shelves, counts, userdata.last_opened_edition, self._checklist_total, self._size)
        self._fill(self._rows)
        if self._window.search_scope is not None:
            self._window.search_scope.library_changed()

    def rows(self) -> list[CorpusRow]:
        return list(self._rows)

    def _checklist_total(self, edition: InstalledEdition) -> int:
        total = self._checklist_totals.get(edition.path)
        if total is None:
            opened = self._window.edition if edition.path == self._window.edition.root else None
            try:
                opened = opened or Edition.open(edition.path)
                total = sum(len(info.checklist) for info in opened.pages.values())
            except EditionError as exc:
                log.warning("checklists of %s not counted: %s", edition.path, exc.code)
                total = 0
            self._checklist_totals[edition.path] = total
        return total

    def _size(self, edition: InstalledEdition) -> int:
        if edition.path not in self._sizes:
            self._sizes[edition.path] = edition.size_bytes()
        return self._sizes[edition.path]

    def _fill(self, rows: list[CorpusRow]) -> None:
        current = self.selected()
        self.tree.clear()
        reading = self._window.edition.corpus_id
        for row in rows:
            item = QTreeWidgetItem(self.tree)
            title = row.title
            if row.new_edition:
                title = self.tr("%1 \u2014 Nieuwe editie").replace("%1", row.title)
            if row.corpus_id == reading:
                title = self.tr("%1 (geopend)").replace("%1", title)
            self._set_edition_columns(item, title, row.current)
            item.setText(ORGANISATION, row.organisation)
            item.setText(BOOKMARKS, str(row.bookmarks))
            item.setText(OPEN_ITEMS, str(row.open_items))
            item.setData(0, CORPUS_ROLE, row.corpus_id)
            item.setData(0, EDITION_ROLE, None)
            item.setData(0, PATH_ROLE, str(row.current.path))
            if row.new_edition:
                font = item.font(TITLE)
                font.setBold(True)
                item.setFont(TITLE, font)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, self._spoken(row, title))
            for old in row.older:
                child = QTreeWidgetItem(item)
                self._set_edition_columns(child, self._older_title(old), old)
                child.setData(0, CORPUS_ROLE, row.corpus_id)
                child.setData(0, EDITION_ROLE, old.key)
                child.setData(0, PATH_ROLE, str(old.path))
            item.setExpanded(bool(row.older))
        count = len(rows)
        self.summary.setText(self.tr("Ge\u00efnstalleerde richtlijnen: %1. Kies er een en druk op Enter om te lezen.")
                             .replace("%1", str(count)))
        self._select(current)
        self._update_buttons()

    def _older_title(self, edition: EditionRow) -> str:
        """Says where an older edition lives: two editions of one day differ only there."""
        where = {
            "bundled": self.tr("Oudere editie (meegeleverd)"),
            "user": self.tr("Oudere editie (eigen)"),
            "machine": self.tr("Oudere editie (deze computer)"),
        }
        return where.get(edition.folder, self.tr("Oudere editie"))

    def _set_edition_columns(self, item: QTreeWidgetItem, title: str, edition: EditionRow) -> None:
        item.setText(TITLE, title)
        item.setText(DATE, edition.edition_date)
        item.setText(PAGES, str(edition.page_count))
        item.setText(SIZE, format_size(edition.size_bytes))
        for column in (PAGES, SIZE, BOOKMARKS, OPEN_ITEMS):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _spoken(self, row: CorpusRow, title: str) -> str:
        text = self.tr("%1, %2, editie %3, %4 pagina's, %5, %6 bladwijzers, %7 open checklistpunten")
        for n, value in enumerate((title, row.organisation, row.current.edition_date, str(row.current.page_count),
                                   format_size(row.current.size_bytes), str(row.bookmarks), str(row.open_items)), 1):
            text = text.replace(f"%{n}", value)
        return text

    # -- selection
    def selected(self) -> tuple[str, str | None] | None:
        """(corpus id, old edition key or None) of the selected row."""
        item = self.tree.currentItem()
        if item is None:
            return None
        return str(item.data(0, CORPUS_ROLE)), item.data(0, EDITION_ROLE)

    def select(self, corpus_id: str, edition_key: str | None = None) -> bool:
        return self._select((corpus_id, edition_key))

    def _items(self) -> list[QTreeWidgetItem]:
        """Every row, each corpus followed by its old editions."""
        found = []
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None:
                found.append(item)
                found.extend(child for k in range(item.childCount()) if (child := item.child(k)) is not None)
        return found

    def _select(self, wanted: tuple[str, str | None] | None) -> bool:
        """Select `wanted` (corpus id, old edition key or None); None: the corpus being read. Else the first row."""
        wanted = wanted or (self._window.edition.corpus_id, None)
        items = self._items()
        for item in items:
            if (item.data(0, CORPUS_ROLE), item.data(0, EDITION_ROLE)) == wanted:
                self.tree.setCurrentItem(item)
                return True
        if items:
            self.tree.setCurrentItem(items[0])
        return False

    def focus_list(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row(self, corpus_id: str) -> CorpusRow | None:
        return next((row for row in self._rows if row.corpus_id == corpus_id), None)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        row = self._row(chosen[0]) if chosen else None
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.remove_button.setEnabled(False)
            return
        key = chosen[1] if chosen else None
        edition = next((e for e in row.older if e.key == key), None) if key else None
        removable = edition.removable if edition is not None else row.removable
        self.remove_button.setEnabled(removable)
        self.remove_button.setToolTip(
            "" if removable else self.tr("De meegeleverde editie hoort bij de lezer en kan niet worden verwijderd.")
        )

    # -- commands
    def leave(self) -> None:
        """Escape: back to the page read before (when there is one)."""
        if not self._window.page.url().isEmpty():
            self._switcher.show_reading()
            self._window.focus_page()

    def open_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        if item.data(0, EDITION_ROLE):
            self._switcher.switch_to(Path(str(item.data(0, PATH_ROLE))))  # an old edition, read as it was
        else:
            self._switcher.open_corpus(str(item.data(0, CORPUS_ROLE)))

    def ask_remove(self) -> RemoveDialog | None:
        """Ask first (window-modal, the event loop runs on); removal follows the dialog's `accepted`."""
        chosen = self.selected()
        row = self._row(chosen[0]) if chosen else None
        if chosen is None or row is None or not self.remove_button.isEnabled():
            return None
        corpus_id, key = chosen
        old = next((e for e in row.older if e.key == key), None) if key else None
        dialog = RemoveDialog(self, row.title, old.edition_date if old else None, row.bookmarks)
        dialog.accepted.connect(lambda: self.remove(corpus_id, key, forget=dialog.forget))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.remove_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: RemoveDialog) -> None:
        if self.remove_dialog is dialog:
            self.remove_dialog = None
        dialog.deleteLater()

    def remove(self, corpus_id: str, edition_key: str | None = None, *, forget: bool = False) -> bool:
        """Remove a corpus (or one old edition of it); its user data only with `forget`. The window moves to
        another edition when the one it reads went."""
        window = self._window
        library = self._switcher.get_library()
        row = self._row(corpus_id)
        title = row.title if row is not None else corpus_id
        try:
            remove(library, corpus_id, edition_key)
        except LibraryError as exc:
            from reader.messages import describe

            window.feedback.show_message(describe(exc), 8000, error=True)
            self.refresh()
            return False
        if forget and edition_key is None:
            try:
                window.userdata.forget_corpus(corpus_id)
            except UserDataError as err:
                log.warning("user data of %s not forgotten: %s", corpus_id, err.code)
        self._checklist_totals.clear()
        self._sizes.clear()
        if edition_key is None:
            self._switcher.trail.drop_corpus(corpus_id)
        if not window.edition.root.is_dir():
            self._move_off_removed(corpus_id)
        self.refresh()
        window.feedback.show_message(self.tr("\u2018%1\u2019 is uit de bibliotheek verwijderd.").replace("%1", title))
        return True

    def _move_off_removed(self, corpus_id: str) -> None:
        """The edition the window read is gone: the corpus's newest left, else the first corpus of the library."""
        shelves = self._switcher.get_library().corpora()
        shelf = next((s for s in shelves if s.corpus_id == corpus_id), None) or (shelves[0] if shelves else None)
        if shelf is not None:
            self._switcher.switch_to(shelf.current.path, replace=True)
            self._switcher.show_library()  # stay here: the user was working on the library
