"""The Bladwijzers sidebar panel: composes the filter, the message bar, the tree and its model, and the undoable
store changes, and turns what the user does into those changes.

Every store call may fail (read-only profile, disk full): the message bar says so, nothing crashes, the list shows
what is really stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.userdata import (
    Bookmark,
    ReadOnlyError,
    UserData,
    UserDataError,
    bookmark_status,
    matches_filter,
)
from reader.gui import toolbar_icons
from reader.gui.messages import describe
from reader.gui.sidebar.bookmarks import dialogs
from reader.gui.sidebar.bookmarks.edits import BookmarkEdits, SectionHash
from reader.gui.sidebar.bookmarks.menu import build_context_menu
from reader.gui.sidebar.bookmarks.message_bar import MessageBar
from reader.gui.sidebar.bookmarks.model import (
    ROLE_ID,
    ROLE_KIND,
    BookmarkModel,
    Key,
    plain_index,
    shown_tree,
    status_text,
)
from reader.gui.sidebar.bookmarks.tree import BookmarkTree
from reader.gui.sidebar.bookmarks.undo import StoreCommand, undo_actions

log = logging.getLogger("reader.bookmarks")

PageAnchors = Callable[[str], "Collection[str] | None"]


class BookmarksPanel(QWidget):
    """The Bladwijzers tab. `page_ids` is the set of page ids in the open edition (or a callable giving it);
    `section_hash(page_id, anchor)` the current hash of a section (None if unknown); optional
    `page_anchors(page_id)` the heading anchors of a page (to mark bookmarks whose heading is gone)."""

    open_requested = Signal(str, str)  # page id, anchor ("" for the page itself)
    bookmarks_changed = Signal()  # anything stored changed (e.g. to update the toolbar star)
    save_failed = Signal(str)  # why a change was not saved (read-only profile, disk full ...), for the status bar

    def __init__(
        self,
        userdata: UserData,
        page_ids: Collection[str] | Callable[[], Collection[str]] | None = None,
        section_hash: SectionHash | None = None,
        parent: QWidget | None = None,
        *,
        page_anchors: PageAnchors | None = None,
    ) -> None:
        super().__init__(parent)
        # Set at the end of __init__: a language switch before then finds half a panel, and changeEvent skips it.
        self._dim: QBrush | None = None
        self.setObjectName("bookmarksPanel")
        self.userdata = userdata
        self._page_ids = page_ids
        self._section_hash = section_hash
        self._page_anchors = page_anchors
        self.undo_stack = QUndoStack(self)
        self.edits = BookmarkEdits(userdata, self.undo_stack, report=self._report, update_view=self._update_view,
                                   changed=self.bookmarks_changed.emit)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("bookmarkFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        # With thousands of bookmarks, rebuild once the typing pauses rather than on every key.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter_edit.returnPressed.connect(self._focus_first_match)

        self.new_folder_button = QToolButton(self)
        self.new_folder_button.setObjectName("newFolderButton")
        self.new_folder_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.new_folder_button.clicked.connect(lambda: self.ask_new_folder())

        # Export and import (JSON: complete; HTML: what browsers read), behind one "more" button.
        self.export_action = QAction(self)
        self.export_action.triggered.connect(lambda: self.ask_export())
        self.import_action = QAction(self)
        self.import_action.triggered.connect(lambda: self.ask_import())
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("bookmarksMoreButton")
        self.more_button.setText("\u22ef")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(self.more_button)
        more_menu.addAction(self.export_action)
        more_menu.addAction(self.import_action)
        self.more_button.setMenu(more_menu)

        # How a bookmark whose target changed (italic) or is gone (italic and dimmed) looks.
        italic = self.font()
        italic.setItalic(True)
        dim = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        self.model = BookmarkModel(italic, dim, self)
        self.tree = BookmarkTree(self)
        self.tree.setModel(self.model)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated_by_key.connect(self.open_index)
        self.tree.delete_pressed.connect(self.delete_selected)
        self.tree.rename_pressed.connect(self._rename_current)
        self.tree.dropped.connect(self.move_bookmarks)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("bookmarksEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.message_bar = MessageBar(self)
        # The bar's parts, under the names they had before it became a widget of its own.
        self.message_label = self.message_bar.label
        self.undo_button = self.message_bar.undo_button
        self.undo_button.clicked.connect(self.undo)
        self.close_message_button = self.message_bar.close_button

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.new_folder_button)
        top.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)

        # Own actions rather than QUndoStack.createUndoAction (see UndoAction), wired as Qt wires those.
        self.undo_action, self.redo_action = undo_actions(self.undo_stack, self)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self._collapsed: set[str] = set()  # folders the user closed, kept closed across a rebuild
        self._dim = dim
        self._retranslate()
        self.refresh()
        if userdata.read_only_error is not None:
            error = userdata.read_only_error
            self._say(lambda: self.tr("Bladwijzers kunnen niet worden opgeslagen: %1").replace("%1", describe(error)),
                      sticky=True)
        elif userdata.recovered_from is not None:
            recovered = str(userdata.recovered_from)
            self._say(lambda: self.tr("Je gebruikersgegevens waren beschadigd. Het oude bestand is bewaard als %1; "
                                      "de lezer is met een nieuwe lijst begonnen.").replace("%1", recovered),
                      sticky=True)

    # -- language ---------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        """Every fixed text of the panel; called when built and again after a language switch."""
        self.filter_edit.setPlaceholderText(self.tr("Filter bladwijzers"))
        self.filter_edit.setAccessibleName(self.tr("Filter bladwijzers"))
        self.new_folder_button.setToolTip(self.tr("Nieuwe map"))
        self.new_folder_button.setAccessibleName(self.tr("Nieuwe map"))
        self.export_action.setText(self.tr("Bladwijzers exporteren…"))
        self.import_action.setText(self.tr("Bladwijzers importeren…"))
        self.more_button.setToolTip(self.tr("Exporteren en importeren"))
        self.more_button.setAccessibleName(self.tr("Exporteren en importeren"))
        self.tree.setAccessibleName(self.tr("Bladwijzers"))
        self.undo_button.setText(self.tr("Ongedaan maken"))
        self.close_message_button.setToolTip(self.tr("Melding sluiten"))
        self.close_message_button.setAccessibleName(self.tr("Melding sluiten"))
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, StoreCommand):
                command.retranslate()
        self._label_undo_actions()

    def _label_undo_actions(self) -> None:
        self.undo_action.set_prefix(self.tr("Ongedaan maken"), self.undo_stack.undoText())
        self.redo_action.set_prefix(self.tr("Opnieuw"), self.undo_stack.redoText())

    def changeEvent(self, event: QEvent) -> None:
        # A live language switch: relabel, rebuild the rows (their marks are translated) and redo the message.
        if event.type() == QEvent.Type.LanguageChange and self._dim is not None:
            self._retranslate()
            self.refresh()
            self.message_bar.retranslate()
        super().changeEvent(event)

    # -- edition ----------------------------------------------------------------------------------------------

    def set_edition(
        self,
        page_ids: Collection[str] | Callable[[], Collection[str]] | None,
        section_hash: SectionHash | None,
        page_anchors: PageAnchors | None = None,
    ) -> None:
        """A different edition was opened: recompute the marks."""
        self._page_ids = page_ids
        self._section_hash = section_hash
        self._page_anchors = page_anchors
        self.refresh()

    def _current_page_ids(self) -> Collection[str] | None:
        ids = self._page_ids
        return ids() if callable(ids) else ids

    def status_of(self, bookmark: Bookmark, page_ids: Collection[str] | None = None) -> str:
        ids = self._current_page_ids() if page_ids is None else page_ids
        return bookmark_status(bookmark, ids, self._section_hash, self._page_anchors)

    def status_text(self, status: str) -> str:
        return status_text(status)

    # -- showing ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the model from the store, keeping selection, current row, expansion and scroll position."""
        self._filter_timer.stop()
        selected = {(i.data(ROLE_KIND), i.data(ROLE_ID)) for i in self.tree.selectionModel().selectedRows()}
        current = self.tree.currentIndex()
        current_key = (current.data(ROLE_KIND), current.data(ROLE_ID)) if current.isValid() else None
        scroll = self.tree.verticalScrollBar().value()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(ROLE_KIND) == "folder" and not self.tree.isExpanded(index):
                self._collapsed.add(str(index.data(ROLE_ID)))

        text = self.filter_edit.text()
        bookmarks = [b for b in self.userdata.bookmarks() if matches_filter(b, text)]
        page_ids = self._current_page_ids()
        folders, by_folder, loose = shown_tree(self.userdata.folders(), bookmarks, text)
        self.model.fill_tree(folders, by_folder, loose, lambda b: self.status_of(b, page_ids),
                             toolbar_icons.icon("folder", self.palette()))

        self.tree.expandAll()
        if not text.strip():
            for row, name in enumerate(folders):
                if name in self._collapsed:
                    self.tree.collapse(self.model.index(row, 0))
        self._collapsed.clear()

        # Put selection and focus back where they were.
        selection = self.tree.selectionModel()
        for index in self.model.all_indexes():
            key = (index.data(ROLE_KIND), index.data(ROLE_ID))
            if key in selected:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
            if key == current_key:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.tree.verticalScrollBar().setValue(scroll)

        self._update_empty_label(text, bool(bookmarks))

    def _sync(self, keys: Iterable[Key]) -> None:
        """Bring the rows of these bookmarks (page id, anchor) in line with the store without rebuilding the
        whole tree: adding or deleting one bookmark among 10,000 stays fast."""
        text = self.filter_edit.text()
        page_ids = self._current_page_ids()
        model = self.model
        touched: set[str] = set()
        for key in dict.fromkeys(keys):
            b = self.userdata.find_bookmark(*key)
            show = b is not None and matches_filter(b, text)
            row = model.rows.get(key)
            if row is not None and row.isValid():
                parent = row.parent()
                old_folder = str(parent.data(ROLE_ID)) if parent.isValid() else None
                if show and b is not None and old_folder == (b.folder if b.folder in model.folder_rows else None):
                    index = plain_index(row)
                    model.clearItemData(index)  # setItemData merges: drop marks that no longer apply
                    model.fill(index, b, self.status_of(b, page_ids))
                    continue
                if old_folder is not None:
                    touched.add(old_folder)
                model.removeRows(row.row(), 1, QModelIndex(parent))
                del model.rows[key]
            if not show or b is None:
                continue
            if b.folder and b.folder not in model.folder_rows:
                self.refresh()  # a folder the tree does not show yet: rebuild once
                return
            parent = plain_index(model.folder_rows[b.folder]) if b.folder else QModelIndex()
            position = model.insert_position(parent, b.title.casefold())
            model.insertRows(position, 1, parent)
            if parent.isValid():
                touched.add(b.folder)
                if model.columnCount(parent) == 0:
                    model.insertColumns(0, 1, parent)
            model.fill(model.index(position, 0, parent), b, self.status_of(b, page_ids))
        for name in touched:
            folder = model.folder_index(name)
            if folder is not None:
                model.set_folder_label(folder, name, model.rowCount(folder))
                self.tree.expand(folder)
        self._update_empty_label(text, bool(model.rows))

    def _update_empty_label(self, text: str, any_shown: bool) -> None:
        if any_shown:
            self.empty_label.setVisible(False)
            return
        if self.userdata.bookmark_count() == 0:
            self.empty_label.setText(self.tr("Nog geen bladwijzers. Gebruik Ctrl+D of de ster om deze pagina of "
                                             "een kop te bewaren."))
        else:
            self.empty_label.setText(self.tr("Geen bladwijzers gevonden met ‘%1’.").replace("%1", text.strip()))
        self.empty_label.setVisible(True)

    def index_for(self, bookmark_id: int) -> QModelIndex | None:
        b = self.userdata.get_bookmark(bookmark_id)
        return self.model.bookmark_index(b.key) if b is not None else None

    def folder_index(self, name: str) -> QModelIndex | None:
        return self.model.folder_index(name)

    def visible_bookmark_ids(self) -> list[int]:
        return [int(i.data(ROLE_ID)) for i in self.model.all_indexes() if i.data(ROLE_KIND) == "bookmark"]

    def selected_bookmark_ids(self) -> list[int]:
        return [int(i.data(ROLE_ID)) for i in self.tree.selectionModel().selectedRows()
                if i.data(ROLE_KIND) == "bookmark"]

    def select_bookmark(self, bookmark_id: int) -> None:
        index = self.index_for(bookmark_id)
        if index is not None:
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if self.tree.isVisible():  # a hidden view would lay out every row just to scroll
                self.tree.scrollTo(index)

    # -- messages ---------------------------------------------------------------------------------------------

    def show_message(self, text: str, *, undo: bool = False, sticky: bool = False, timeout_ms: int = 15000) -> None:
        self.message_bar.show_message(text, undo=undo, sticky=sticky, timeout_ms=timeout_ms)

    def _say(self, make: Callable[[], str], *, undo: bool = False, sticky: bool = False) -> None:
        """show_message for the panel's own messages: `make` builds the text, again after a language switch."""
        self.message_bar.say(make, undo=undo, sticky=sticky)

    def hide_message(self) -> None:
        self.message_bar.hide_message()

    def _report(self, err: UserDataError) -> None:
        log.warning("bookmark change failed: %s", err)
        if isinstance(err, ReadOnlyError):
            def make() -> str:
                return self.tr("Bladwijzers kunnen niet worden opgeslagen: %1").replace("%1", describe(err))
        else:
            def make() -> str:
                return self.tr("Niet opgeslagen: %1").replace("%1", describe(err))
        self._say(make, sticky=True)
        self.save_failed.emit(make())

    def _update_view(self, keys: list[Key] | None) -> None:
        if keys is None:
            self.refresh()
        else:
            self._sync(keys)

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()
        self.hide_message()

    # -- actions (undoable: see BookmarkEdits) ----------------------------------------------------------------

    def add_bookmark(
        self,
        page_id: str,
        anchor: str = "",
        title: str = "",
        *,
        section_hash: str | None = None,
        folder: str | None = None,
    ) -> Bookmark | None:
        """Bookmark a page or section (for Ctrl+D / the star / a heading's menu). Returns None if it could not be
        saved (the message bar says why). Undo removes it again."""
        existing = self.userdata.find_bookmark(page_id, anchor)
        if existing is not None:
            self.select_bookmark(existing.id)
            return existing
        added = self.edits.add_bookmark(page_id, anchor, title, section_hash=section_hash, folder=folder)
        if added is not None:
            self._sync([added.key])
            self.select_bookmark(added.id)
            self.bookmarks_changed.emit()
        return added

    def rename_bookmark(self, bookmark_id: int, title: str) -> bool:
        return self.edits.rename_bookmark(bookmark_id, title)

    def set_note(self, bookmark_id: int, note: str) -> bool:
        return self.edits.set_note(bookmark_id, note)

    def accept_change(self, bookmark_id: int) -> bool:
        """The user has read the changed section: store its current hash, so the "gewijzigd" mark goes away."""
        return self.edits.accept_change(bookmark_id, self._section_hash)

    def move_bookmarks(self, bookmark_ids: list[int], folder: str) -> bool:
        return self.edits.move_bookmarks(bookmark_ids, folder)

    def delete_bookmarks(self, bookmark_ids: list[int]) -> bool:
        deleted = self.edits.delete_bookmarks(bookmark_ids)
        if not deleted:
            return False
        if len(deleted) == 1:
            title = deleted[0].title
            self._say(lambda: self.tr("Bladwijzer ‘%1’ verwijderd.").replace("%1", title), undo=True)
        else:
            count = len(deleted)
            self._say(lambda: self.tr("%1 bladwijzers verwijderd.").replace("%1", str(count)), undo=True)
        return True

    def delete_selected(self) -> None:
        ids = self.selected_bookmark_ids()
        if ids:
            self.delete_bookmarks(ids)

    def add_folder(self, name: str) -> str | None:
        return self.edits.add_folder(name)

    def rename_folder(self, old: str, new: str) -> bool:
        return self.edits.rename_folder(old, new)

    def delete_folder(self, name: str) -> bool:
        return self.edits.delete_folder(name)

    # -- interaction ------------------------------------------------------------------------------------------

    def _on_clicked(self, index: QModelIndex) -> None:
        # A plain click opens (as in a browser's bookmark sidebar); Ctrl/Shift clicks only select.
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if not QApplication.keyboardModifiers() & modifiers:
            self.open_index(index)

    def page_at(self, index: QModelIndex) -> tuple[str, str] | None:
        """The bookmark's page and anchor at `index`; None for a folder."""
        bookmark = None
        if index.isValid() and index.data(ROLE_KIND) != "folder":
            bookmark = self.userdata.get_bookmark(int(index.data(ROLE_ID)))
        return (bookmark.page_id, bookmark.anchor) if bookmark is not None else None

    def open_index(self, index: QModelIndex) -> None:
        """Open the bookmark at `index`; a folder row opens or closes instead."""
        if index.isValid() and index.data(ROLE_KIND) == "folder":
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        elif (target := self.page_at(index)) is not None:
            self.open_requested.emit(*target)

    def _on_filter_changed(self, _text: str) -> None:
        if len(self.model.rows) > 1000 or self._filter_timer.isActive():
            self._filter_timer.start()
        else:
            self.refresh()

    def _focus_first_match(self) -> None:
        if self._filter_timer.isActive():
            self._filter_timer.stop()
            self.refresh()
        for index in self.model.all_indexes():
            if index.data(ROLE_KIND) == "bookmark":
                self.tree.setFocus()
                self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                return

    def _rename_current(self) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        if index.data(ROLE_KIND) == "folder":
            self.ask_rename_folder(str(index.data(ROLE_ID)))
        else:
            self.ask_rename(int(index.data(ROLE_ID)))

    # Dialogs: thin wrappers, so tests call the methods above directly.
    def ask_rename(self, bookmark_id: int) -> None:
        bookmark = self.userdata.get_bookmark(bookmark_id)
        if bookmark is None:
            return
        title = dialogs.ask_bookmark_title(self, bookmark.title)
        if title is not None:
            self.rename_bookmark(bookmark_id, title)

    def ask_note(self, bookmark_id: int) -> None:
        bookmark = self.userdata.get_bookmark(bookmark_id)
        if bookmark is None:
            return
        note = dialogs.ask_note(self, bookmark.title, bookmark.note)
        if note is not None:
            self.set_note(bookmark_id, note)

    def ask_new_folder(self, move_ids: list[int] | None = None) -> None:
        name = dialogs.ask_new_folder_name(self)
        if name is not None and name.strip():
            created = self.add_folder(name)
            if created and move_ids:
                self.move_bookmarks(move_ids, created)

    def ask_rename_folder(self, name: str) -> None:
        new = dialogs.ask_folder_rename(self, name)
        if new is not None:
            self.rename_folder(name, new)

    def context_menu_for(self, index: QModelIndex | None) -> QMenu:
        """The context menu for a row (built separately from showing it, so it can be tested)."""
        return build_context_menu(self, index)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        menu = self.context_menu_for(index if index.isValid() else None)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- export / import ------------------------------------------------------------------------------------
    def export_to(self, path: str, fmt: str | None = None) -> int | None:
        """Write every bookmark to `path` (json/html, else by suffix). Returns the count, None on failure."""
        from reader.core.userdata import BookmarkFileError, export_file

        try:
            count = export_file(self.userdata, path, fmt)
        except (OSError, BookmarkFileError) as err:
            failure = err

            def make_failure() -> str:
                if isinstance(failure, BookmarkFileError):
                    return self.tr("Exporteren mislukt: %1").replace("%1", describe(failure))
                return self.tr("Exporteren mislukt: %1").replace("%1", failure.strerror or str(failure))
            self._say(make_failure, sticky=True)
            return None
        self._say(lambda: self.tr("%1 bladwijzers geëxporteerd naar %2").replace("%1", str(count))
                  .replace("%2", str(path)))
        return count

    def import_from(self, path: str, force: bool = False) -> bool:
        """Merge the bookmarks of a JSON or Netscape HTML file (no duplicates). A bad file changes nothing."""
        from reader.core.userdata import BookmarkFileError, import_file

        try:
            result, skipped = import_file(self.userdata, path, force=force)  # force: another corpus's file
        except BookmarkFileError as err:
            error = err
            self._say(lambda: self.tr("Importeren mislukt: %1").replace("%1", describe(error)), sticky=True)
            return False
        except UserDataError as err:
            self._report(err)
            return False
        self.refresh()
        self.bookmarks_changed.emit()
        added, duplicates = result.added, result.duplicates

        def make() -> str:
            text = self.tr("%1 bladwijzers geïmporteerd, %2 waren er al.").replace("%1", str(added)).replace(
                "%2", str(duplicates))
            if skipped:
                text += " " + self.tr("%1 links die geen pagina van de lezer zijn, zijn overgeslagen.").replace(
                    "%1", str(skipped))
            return text

        self._say(make)
        return True

    def ask_export(self) -> None:
        answer = dialogs.ask_export_path(self, f"bladwijzers-{self.userdata.corpus_id}.json")  # one file per corpus
        if answer is not None:
            self.export_to(*answer)

    def ask_import(self) -> None:
        answer = dialogs.ask_import_path(self, self.userdata.corpus_id)
        if answer:
            self.import_from(*answer)

    def actions_for_menu(self) -> list[QAction]:
        """Undo/redo and export/import, for the window's Bladwijzers menu."""
        return [self.undo_action, self.redo_action, self.export_action, self.import_action]
