"""The **Bladwijzers** sidebar tab: folders, a filter, open, rename, note, move, delete with undo, drag and drop.

All data lives in `reader.core.userdata.UserData`; this widget only shows it and turns user actions into store
calls wrapped in undo commands. Every store call may fail (read-only profile, disk full): the message bar says so,
nothing crashes, the list shows what is really stored.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Collection, Iterable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QStandardItemModel,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.userdata import (
    STATUS_CHANGED,
    STATUS_MISSING,
    STATUS_OK,
    STATUS_SECTION_GONE,
    Bookmark,
    ReadOnlyError,
    UserData,
    UserDataError,
    bookmark_status,
    matches_filter,
)
from reader.gui.text import plain_tip

log = logging.getLogger("reader.bookmarks")

ROLE_KIND = Qt.ItemDataRole.UserRole + 1  # "folder" or "bookmark"
ROLE_ID = Qt.ItemDataRole.UserRole + 2  # bookmark id, or folder name
ROLE_STATUS = Qt.ItemDataRole.UserRole + 3  # STATUS_* of a bookmark
ROLE_SORT = Qt.ItemDataRole.UserRole + 4  # title, case folded, to insert a row in order
MIME_IDS = "application/x-richtlijnenlezer-bookmark-ids"

SectionHash = Callable[[str, str], "str | None"]
PageAnchors = Callable[[str], "Collection[str] | None"]


class _StoreCommand(QUndoCommand):
    """An undoable store change. The change is made before the command is pushed (so a failure never lands on the
    stack); the first redo() that QUndoStack.push calls is therefore skipped."""

    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None], kind: str = "") -> None:
        super().__init__(text)
        self.kind = kind  # which BookmarksPanel._command_text it shows, to relabel it after a language switch
        self._redo, self._undo = redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


class _UndoAction(QAction):
    """Undo or redo, labelled as QUndoStack's own actions are ("<prefix> <name of the change>"), but with a prefix
    that can change: createUndoAction keeps the one it was made with, which would stay in the old language."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.prefix = ""

    def show_change(self, what: str) -> None:  # connected to undoTextChanged / redoTextChanged
        self.setText(f"{self.prefix} {what}" if what else self.prefix)

    def set_prefix(self, prefix: str, what: str) -> None:
        self.prefix = prefix
        self.show_change(what)


class BookmarkModel(QStandardItemModel):
    """Folders (top level) with their bookmarks, and bookmarks without a folder. Filled only through the model's
    own API (insertRows/setData): no Python-made items, and cheap for 10,000 bookmarks. Drags carry bookmark ids."""

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_IDS]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802, ANN001
        ids = [str(i.data(ROLE_ID)) for i in indexes if i.data(ROLE_KIND) == "bookmark"]
        mime = QMimeData()
        mime.setData(MIME_IDS, QByteArray(",".join(ids).encode("ascii")))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802, ANN001
        return data.hasFormat(MIME_IDS)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802, ANN001
        return False  # the view handles drops: the store, not the model, is the truth


class BookmarkTree(QTreeView):
    """The tree view; drops move bookmarks between folders, Enter opens, Delete deletes, F2 renames."""

    dropped = Signal(list, str)  # bookmark ids, target folder ("" = no folder)
    activated_by_key = Signal(QModelIndex)
    delete_pressed = Signal()
    rename_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkTree")
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setUniformRowHeights(True)

    def folder_at(self, pos: QPoint) -> str:
        index = self.indexAt(pos)
        if not index.isValid():
            return ""
        if index.data(ROLE_KIND) == "folder":
            return str(index.data(ROLE_ID))
        parent = index.parent()
        return str(parent.data(ROLE_ID)) if parent.isValid() else ""

    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.mimeData().hasFormat(MIME_IDS):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.mimeData().hasFormat(MIME_IDS):
            super().dragMoveEvent(event)  # draws the drop indicator and autoscrolls
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001
        mime = event.mimeData()
        if not mime.hasFormat(MIME_IDS):
            event.ignore()
            return
        raw = bytes(mime.data(MIME_IDS).data()).decode("ascii", "replace")
        ids = [int(x) for x in raw.split(",") if x.strip().isdigit()]
        folder = self.folder_at(event.position().toPoint())
        # Tell Qt nothing was moved: otherwise it would remove the dragged rows itself after the drop.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if ids:
            # After the event returns: the store change rebuilds the model, which must not happen while Qt is
            # still inside its drop handling for these rows.
            QTimer.singleShot(0, self, lambda: self.dropped.emit(ids, folder))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        if key == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        if key == Qt.Key.Key_F2:
            self.rename_pressed.emit()
            return
        super().keyPressEvent(event)


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
        self.setObjectName("bookmarksPanel")
        self.userdata = userdata
        self._page_ids = page_ids
        self._section_hash = section_hash
        self._page_anchors = page_anchors
        self.undo_stack = QUndoStack(self)

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

        self.model = BookmarkModel(self)
        self.tree = BookmarkTree(self)
        self.tree.setModel(self.model)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated_by_key.connect(self._open_index)
        self.tree.delete_pressed.connect(self.delete_selected)
        self.tree.rename_pressed.connect(self._rename_current)
        self.tree.dropped.connect(self.move_bookmarks)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("bookmarksEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # The message bar: "Bladwijzer verwijderd. [Ongedaan maken]", or why nothing can be saved.
        self.message_bar = QFrame(self)
        self.message_bar.setObjectName("bookmarksMessageBar")
        self.message_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_label = QLabel(self.message_bar)
        self.message_label.setObjectName("bookmarksMessage")
        self.message_label.setWordWrap(True)
        self.undo_button = QToolButton(self.message_bar)
        self.undo_button.setObjectName("bookmarksUndoButton")
        self.undo_button.clicked.connect(self.undo)
        self.close_message_button = QToolButton(self.message_bar)
        self.close_message_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))
        self.close_message_button.clicked.connect(self.hide_message)
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(6, 3, 3, 3)
        bar.addWidget(self.message_label, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.close_message_button)
        self.message_bar.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._hide_transient_message)
        self._message_sticky = False
        self._message_text: Callable[[], str] | None = None  # makes the shown message again in a new language

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

        # Own actions rather than QUndoStack.createUndoAction (see _UndoAction), wired as Qt wires those.
        self.undo_action = _UndoAction(self)
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self.undo_action.show_change)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action = _UndoAction(self)
        self.redo_action.setEnabled(self.undo_stack.canRedo())
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.redoTextChanged.connect(self.redo_action.show_change)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self._collapsed: set[str] = set()
        self._rows: dict[tuple[str, str], QPersistentModelIndex] = {}  # (page id, anchor) -> its row
        self._folder_rows: dict[str, QPersistentModelIndex] = {}
        self._italic = self.font()
        self._italic.setItalic(True)
        self._dim = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        self._retranslate()
        self.refresh()
        if userdata.read_only_reason:
            reason = userdata.read_only_reason
            self._say(lambda: self.tr("Bladwijzers kunnen niet worden opgeslagen: %1").replace("%1", reason),
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
            kind = getattr(command, "kind", "")
            if kind:
                command.setText(self._command_text(kind))
        self._label_undo_actions()

    def _command_text(self, kind: str) -> str:
        """The name of an undoable change, as the Undo/Redo menu entries show it."""
        return {
            "add": self.tr("Bladwijzer toevoegen"),
            "rename": self.tr("Naam wijzigen"),
            "note": self.tr("Notitie bewerken"),
            "seen": self.tr("Wijziging gezien"),
            "move": self.tr("Verplaatsen naar map"),
            "delete": self.tr("Verwijderen"),
            "rename_folder": self.tr("Map hernoemen"),
            "delete_folder": self.tr("Map verwijderen"),
        }[kind]

    def _label_undo_actions(self) -> None:
        self.undo_action.set_prefix(self.tr("Ongedaan maken"), self.undo_stack.undoText())
        self.redo_action.set_prefix(self.tr("Opnieuw"), self.undo_stack.redoText())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # A live language switch: relabel, rebuild the rows (their marks are translated) and redo the message.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_dim"):
            self._retranslate()
            self.refresh()
            if self._message_text is not None:
                self.message_label.setText(self._message_text())
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
        if status == STATUS_MISSING:
            return self.tr("niet in deze editie")
        if status == STATUS_CHANGED:
            return self.tr("gewijzigd sinds je bladwijzer")
        if status == STATUS_SECTION_GONE:
            return self.tr("kop niet meer in deze editie")
        return ""

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
        by_folder: dict[str, list[Bookmark]] = {}
        for b in bookmarks:
            by_folder.setdefault(b.folder, []).append(b)
        folders = [
            name for name in self.userdata.folders()
            # While filtering, only folders with matches (or whose own name matches).
            if not text.strip() or name in by_folder or all(w in name.casefold() for w in text.casefold().split())
        ]
        loose = [b for b in bookmarks if b.folder not in folders]  # no folder (or a folder hidden by the filter)

        model = self.model
        m = model.setData  # returns bool: the model is filled without any Python-made item objects
        self._rows.clear()
        self._folder_rows.clear()
        model.removeRows(0, model.rowCount())
        model.setColumnCount(1)
        model.insertRows(0, len(folders) + len(loose))
        folder_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        texts = self._texts()
        for row, name in enumerate(folders):
            index = model.index(row, 0)
            children = by_folder.get(name, [])
            m(index, "folder", ROLE_KIND)
            self._set_folder_label(index, name, len(children))
            m(index, name, ROLE_ID)
            m(index, folder_icon, Qt.ItemDataRole.DecorationRole)
            self._folder_rows[name] = QPersistentModelIndex(index)
            if children:
                model.insertRows(0, len(children), index)
                model.insertColumns(0, 1, index) if model.columnCount(index) == 0 else None
                for child_row, b in enumerate(children):
                    self._fill(model.index(child_row, 0, index), b,
                               self.status_of(b, page_ids), texts)
        for offset, b in enumerate(loose):
            self._fill(model.index(len(folders) + offset, 0), b, self.status_of(b, page_ids),
                       texts)

        self.tree.expandAll()
        if not text.strip():
            for row, name in enumerate(folders):
                if name in self._collapsed:
                    self.tree.collapse(model.index(row, 0))
        self._collapsed.clear()

        # Put selection and focus back where they were.
        selection = self.tree.selectionModel()
        for index in self._all_indexes():
            key = (index.data(ROLE_KIND), index.data(ROLE_ID))
            if key in selected:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
            if key == current_key:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.tree.verticalScrollBar().setValue(scroll)

        self._update_empty_label(text, bool(bookmarks))

    def _set_folder_label(self, index: QModelIndex, name: str, count: int) -> None:
        self.model.setData(index, f"{name} ({count})")
        self.model.setData(index, self.tr("Map %1, %2 bladwijzers").replace("%1", name).replace("%2", str(count)),
                           Qt.ItemDataRole.AccessibleDescriptionRole)

    def _texts(self) -> dict[str, str]:
        """Translated templates, looked up once per rebuild rather than once per row."""
        return {
            "note": self.tr("Notitie: %1"),
            "saved": self.tr("Bewaard op %1"),
            STATUS_MISSING: self.status_text(STATUS_MISSING),
            STATUS_CHANGED: self.status_text(STATUS_CHANGED),
            STATUS_SECTION_GONE: self.status_text(STATUS_SECTION_GONE),
        }

    def _fill(self, index: QModelIndex, b: Bookmark, status: str, texts: dict[str, str] | None = None) -> None:
        texts = texts or self._texts()
        self._rows[b.key] = QPersistentModelIndex(index)
        note = texts.get(status, "")
        target = b.page_id + (f"#{b.anchor}" if b.anchor else "")
        lines = [b.title, target]
        if note:
            lines.append(note[:1].upper() + note[1:] + ".")
        if b.note:
            lines.append(texts["note"].replace("%1", b.note))
        t = time.localtime(b.created)  # (datetime.strftime is ten times slower, and this runs per row)
        lines.append(texts["saved"].replace(
            "%1", f"{t.tm_mday:02d}-{t.tm_mon:02d}-{t.tm_year} {t.tm_hour:02d}:{t.tm_min:02d}"))
        roles: dict[int, object] = {
            Qt.ItemDataRole.DisplayRole: f"{b.title} \u00b7 {note}" if note else b.title,
            ROLE_KIND: "bookmark",
            ROLE_ID: b.id,
            ROLE_STATUS: status,
            ROLE_SORT: b.title.casefold(),
            Qt.ItemDataRole.ToolTipRole: plain_tip("\n".join(lines)),
            Qt.ItemDataRole.AccessibleDescriptionRole: " ".join(lines[1:]),
        }
        if status != STATUS_OK:
            roles[Qt.ItemDataRole.FontRole] = self._italic
            if status == STATUS_MISSING:
                roles[Qt.ItemDataRole.ForegroundRole] = self._dim
        # One call per row.
        self.model.setItemData(index, roles)

    def _sync(self, keys: Iterable[tuple[str, str]]) -> None:
        """Bring the rows of these bookmarks (page id, anchor) in line with the store without rebuilding the
        whole tree: adding or deleting one bookmark among 10,000 stays fast."""
        text = self.filter_edit.text()
        page_ids = self._current_page_ids()
        touched: set[str] = set()
        for key in dict.fromkeys(keys):
            b = self.userdata.find_bookmark(*key)
            show = b is not None and matches_filter(b, text)
            row = self._rows.get(key)
            if row is not None and row.isValid():
                parent = row.parent()
                old_folder = str(parent.data(ROLE_ID)) if parent.isValid() else None
                if show and b is not None and old_folder == (b.folder if b.folder in self._folder_rows else None):
                    index = QModelIndex(row)
                    self.model.clearItemData(index)  # setItemData merges: drop marks that no longer apply
                    self._fill(index, b, self.status_of(b, page_ids))
                    continue
                if old_folder is not None:
                    touched.add(old_folder)
                self.model.removeRows(row.row(), 1, QModelIndex(parent))
                del self._rows[key]
            if not show or b is None:
                continue
            if b.folder and b.folder not in self._folder_rows:
                self.refresh()  # a folder the tree does not show yet: rebuild once
                return
            parent = QModelIndex(self._folder_rows[b.folder]) if b.folder else QModelIndex()
            position = self._insert_position(parent, b.title.casefold())
            self.model.insertRows(position, 1, parent)
            if parent.isValid():
                touched.add(b.folder)
                if self.model.columnCount(parent) == 0:
                    self.model.insertColumns(0, 1, parent)
            self._fill(self.model.index(position, 0, parent), b, self.status_of(b, page_ids))
        for name in touched:
            folder = self._folder_rows.get(name)
            if folder is not None and folder.isValid():
                index = QModelIndex(folder)
                self._set_folder_label(index, name, self.model.rowCount(index))
                self.tree.expand(index)
        self._update_empty_label(text, bool(self._rows))

    def _insert_position(self, parent: QModelIndex, sort_key: str) -> int:
        """Where a bookmark goes among its siblings: sorted by title (folders come first at the top level)."""
        lo = len(self._folder_rows) if not parent.isValid() else 0
        hi = self.model.rowCount(parent)
        while lo < hi:
            mid = (lo + hi) // 2
            if str(self.model.index(mid, 0, parent).data(ROLE_SORT) or "") <= sort_key:
                lo = mid + 1
            else:
                hi = mid
        return lo

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

    def _all_indexes(self) -> list[QModelIndex]:
        result = []
        for row in range(self.model.rowCount()):
            top = self.model.index(row, 0)
            result.append(top)
            result.extend(self.model.index(r, 0, top) for r in range(self.model.rowCount(top)))
        return result

    def index_for(self, bookmark_id: int) -> QModelIndex | None:
        b = self.userdata.get_bookmark(bookmark_id)
        row = self._rows.get(b.key) if b is not None else None
        return QModelIndex(row) if row is not None and row.isValid() else None

    def folder_index(self, name: str) -> QModelIndex | None:
        row = self._folder_rows.get(name)
        return QModelIndex(row) if row is not None and row.isValid() else None

    def visible_bookmark_ids(self) -> list[int]:
        return [int(i.data(ROLE_ID)) for i in self._all_indexes() if i.data(ROLE_KIND) == "bookmark"]

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
        self._message_text = None  # a text from outside stays as given
        self._show(text, undo=undo, sticky=sticky, timeout_ms=timeout_ms)

    def _say(self, make: Callable[[], str], *, undo: bool = False, sticky: bool = False,
             timeout_ms: int = 15000) -> None:
        """show_message for the panel's own messages: `make` builds the text, again after a language switch."""
        self._show(make(), undo=undo, sticky=sticky, timeout_ms=timeout_ms)
        self._message_text = make

    def _show(self, text: str, *, undo: bool, sticky: bool, timeout_ms: int) -> None:
        self.message_label.setText(text)
        self.undo_button.setVisible(undo)
        self.message_bar.show()
        self._message_sticky = sticky
        if sticky:
            self._message_timer.stop()
        else:
            self._message_timer.start(timeout_ms)

    def hide_message(self) -> None:
        self._message_timer.stop()
        self.message_bar.hide()

    def _hide_transient_message(self) -> None:
        if not self._message_sticky:
            self.message_bar.hide()

    def _report(self, err: UserDataError) -> None:
        log.warning("bookmark change failed: %s", err)
        reason = str(err)
        if isinstance(err, ReadOnlyError):
            def make() -> str:
                return self.tr("Bladwijzers kunnen niet worden opgeslagen: %1").replace("%1", reason)
        else:
            def make() -> str:
                return self.tr("Niet opgeslagen: %1").replace("%1", reason)
        self._say(make, sticky=True)
        self.save_failed.emit(make())

    def _apply(
        self,
        kind: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        keys: list[tuple[str, str]] | None = None,
    ) -> bool:
        """Make a change now and put it on the undo stack (named by `kind`, see _command_text); on failure say why
        and push nothing. With `keys` (the
        bookmarks it touches) only their rows are updated, else the tree is rebuilt."""
        try:
            do()
        except UserDataError as err:
            self._report(err)
            self._update_view(keys)
            return False
        self.undo_stack.push(_StoreCommand(self._command_text(kind), lambda: self._guarded(do, keys),
                                           lambda: self._guarded(undo, keys), kind))
        self._update_view(keys)
        self.bookmarks_changed.emit()
        return True

    def _guarded(self, fn: Callable[[], None], keys: list[tuple[str, str]] | None = None) -> None:
        try:
            fn()
        except UserDataError as err:
            self._report(err)
        self._update_view(keys)
        self.bookmarks_changed.emit()

    def _update_view(self, keys: list[tuple[str, str]] | None) -> None:
        if keys is None:
            self.refresh()
        else:
            self._sync(keys)

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()
        self.hide_message()

    # -- actions ----------------------------------------------------------------------------------------------

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
        holder: dict[str, Bookmark] = {}

        def do() -> None:
            holder["b"] = self.userdata.add_bookmark(page_id, anchor, title=title or None, folder=folder,
                                                     section_hash=section_hash)

        def undo() -> None:
            self.userdata.delete_bookmark(holder["b"].id)

        def redo() -> None:
            holder["b"] = self.userdata.restore_bookmark(holder["b"])

        try:
            do()
        except UserDataError as err:
            self._report(err)
            return None
        keys = [(holder["b"].page_id, holder["b"].anchor)]
        self.undo_stack.push(_StoreCommand(self._command_text("add"), lambda: self._guarded(redo, keys),
                                           lambda: self._guarded(undo, keys), "add"))
        self._sync(keys)
        self.select_bookmark(holder["b"].id)
        self.bookmarks_changed.emit()
        return holder["b"]

    def rename_bookmark(self, bookmark_id: int, title: str) -> bool:
        old = self.userdata.get_bookmark(bookmark_id)
        title = title.strip()
        if old is None or not title or title == old.title:
            return False
        return self._apply("rename",
                           lambda: self._by_key(old, lambda b: self.userdata.rename_bookmark(b.id, title)),
                           lambda: self._by_key(old, lambda b: self.userdata.rename_bookmark(b.id, old.title)),
                           [old.key])

    def set_note(self, bookmark_id: int, note: str) -> bool:
        old = self.userdata.get_bookmark(bookmark_id)
        if old is None or note == old.note:
            return False
        return self._apply("note",
                           lambda: self._by_key(old, lambda b: self.userdata.set_note(b.id, note)),
                           lambda: self._by_key(old, lambda b: self.userdata.set_note(b.id, old.note)),
                           [old.key])

    def accept_change(self, bookmark_id: int) -> bool:
        """The user has read the changed section: store its current hash, so the "gewijzigd" mark goes away."""
        old = self.userdata.get_bookmark(bookmark_id)
        current = self._section_hash(old.page_id, old.anchor) if old is not None and self._section_hash else None
        if old is None or not current or current == old.section_hash:
            return False
        previous = old.section_hash or ""
        return self._apply("seen",
                           lambda: self._by_key(old, lambda b: self.userdata.update_bookmark(b.id,
                                                                                             section_hash=current)),
                           lambda: self._by_key(old, lambda b: self.userdata.update_bookmark(b.id,
                                                                                             section_hash=previous)),
                           [old.key])

    def move_bookmarks(self, bookmark_ids: list[int], folder: str) -> bool:
        olds = [b for b in (self.userdata.get_bookmark(i) for i in bookmark_ids) if b is not None and
                b.folder != folder]
        if not olds:
            return False

        def do() -> None:
            for old in olds:
                self._by_key(old, lambda b: self.userdata.move_bookmark(b.id, folder))

        def undo() -> None:
            for old in olds:
                self._by_key(old, lambda b, f=old.folder: self.userdata.move_bookmark(b.id, f))

        return self._apply("move", do, undo, [b.key for b in olds])

    def delete_bookmarks(self, bookmark_ids: list[int]) -> bool:
        deleted: list[Bookmark] = [b for b in (self.userdata.get_bookmark(i) for i in bookmark_ids) if b]
        if not deleted:
            return False

        def do() -> None:
            for b in deleted:
                current = self.userdata.find_bookmark(b.page_id, b.anchor)
                if current is not None:
                    self.userdata.delete_bookmark(current.id)

        def undo() -> None:
            for b in deleted:
                self.userdata.restore_bookmark(b)

        if not self._apply("delete", do, undo, [b.key for b in deleted]):
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

    def _by_key(self, old: Bookmark, fn: Callable[[Bookmark], object]) -> None:
        """Apply `fn` to the stored bookmark with `old`'s page and anchor (its id may change across undo)."""
        current = self.userdata.find_bookmark(old.page_id, old.anchor)
        if current is None:
            raise UserDataError(self.tr("De bladwijzer bestaat niet meer."))
        fn(current)

    def add_folder(self, name: str) -> str | None:
        try:
            return self.userdata.add_folder(name)
        except UserDataError as err:
            self._report(err)
            return None
        finally:
            self.refresh()

    def rename_folder(self, old: str, new: str) -> bool:
        new = new.strip()
        if not new or new == old:
            return False
        existing = set(self.userdata.folders())
        members = [b for b in self.userdata.bookmarks(folder=old)]

        def undo() -> None:
            # A rename onto an existing folder merged the two: move exactly the old members back.
            if new not in existing:
                self.userdata.rename_folder(new, old)
            else:
                self.userdata.add_folder(old)
                for b in members:
                    self._by_key(b, lambda c: self.userdata.move_bookmark(c.id, old))

        return self._apply("rename_folder", lambda: self.userdata.rename_folder(old, new), undo)

    def delete_folder(self, name: str) -> bool:
        members = self.userdata.bookmarks(folder=name)

        def undo() -> None:
            self.userdata.add_folder(name)
            for b in members:
                self._by_key(b, lambda c: self.userdata.move_bookmark(c.id, name))

        return self._apply("delete_folder", lambda: self.userdata.delete_folder(name) and None, undo)

    # -- interaction ------------------------------------------------------------------------------------------

    def _on_clicked(self, index: QModelIndex) -> None:
        # A plain click opens (as in a browser's bookmark sidebar); Ctrl/Shift clicks only select.
        from PySide6.QtWidgets import QApplication

        if QApplication.keyboardModifiers() & (Qt.KeyboardModifier.ControlModifier
                                               | Qt.KeyboardModifier.ShiftModifier):
            return
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.data(ROLE_KIND) == "folder":
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        bookmark = self.userdata.get_bookmark(int(index.data(ROLE_ID)))
        if bookmark is not None:
            self.open_requested.emit(bookmark.page_id, bookmark.anchor)

    def _on_filter_changed(self, _text: str) -> None:
        if len(self._rows) > 1000 or self._filter_timer.isActive():
            self._filter_timer.start()
        else:
            self.refresh()

    def _focus_first_match(self) -> None:
        if self._filter_timer.isActive():
            self._filter_timer.stop()
            self.refresh()
        for index in self._all_indexes():
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
        title, ok = QInputDialog.getText(self, self.tr("Naam wijzigen"), self.tr("Naam van de bladwijzer:"),
                                         QLineEdit.EchoMode.Normal, bookmark.title)
        if ok:
            self.rename_bookmark(bookmark_id, title)

    def ask_note(self, bookmark_id: int) -> None:
        bookmark = self.userdata.get_bookmark(bookmark_id)
        if bookmark is None:
            return
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Notitie bewerken"),
                                                 self.tr("Notitie bij ‘%1’:").replace("%1", bookmark.title),
                                                 bookmark.note)
        if ok:
            self.set_note(bookmark_id, note)

    def ask_new_folder(self, move_ids: list[int] | None = None) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Nieuwe map"), self.tr("Naam van de map:"))
        if ok and name.strip():
            created = self.add_folder(name)
            if created and move_ids:
                self.move_bookmarks(move_ids, created)

    def ask_rename_folder(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, self.tr("Map hernoemen"), self.tr("Nieuwe naam van de map:"),
                                       QLineEdit.EchoMode.Normal, name)
        if ok:
            self.rename_folder(name, new)

    def context_menu_for(self, index: QModelIndex | None) -> QMenu:
        """The context menu for a row (built separately from showing it, so it can be tested)."""
        menu = QMenu(self)
        if index is None or not index.isValid():
            menu.addAction(self.tr("Nieuwe map…"), lambda: self.ask_new_folder())
            return menu
        if index.data(ROLE_KIND) == "folder":
            name = str(index.data(ROLE_ID))
            menu.addAction(self.tr("Map hernoemen…"), lambda: self.ask_rename_folder(name))
            menu.addAction(self.tr("Map verwijderen (bladwijzers blijven)"), lambda: self.delete_folder(name))
            menu.addSeparator()
            menu.addAction(self.tr("Nieuwe map…"), lambda: self.ask_new_folder())
            return menu
        bookmark_id = int(index.data(ROLE_ID))
        ids = self.selected_bookmark_ids() or [bookmark_id]
        if bookmark_id not in ids:
            ids = [bookmark_id]
        persistent = QPersistentModelIndex(index)
        menu.addAction(self.tr("Openen"), lambda: self._open_index(QModelIndex(persistent)))
        rename = menu.addAction(self.tr("Naam wijzigen…"), lambda: self.ask_rename(bookmark_id))
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        menu.addAction(self.tr("Notitie bewerken…"), lambda: self.ask_note(bookmark_id))
        if index.data(ROLE_STATUS) == STATUS_CHANGED:
            menu.addAction(self.tr("Markeren als gezien (wijziging gelezen)"), lambda: self.accept_change(bookmark_id))
        move = menu.addMenu(self.tr("Verplaatsen naar map"))
        bookmark = self.userdata.get_bookmark(bookmark_id)
        current_folder = bookmark.folder if bookmark else None
        none_action = move.addAction(self.tr("(geen map)"), lambda: self.move_bookmarks(ids, ""))
        none_action.setEnabled(current_folder != "" or len(ids) > 1)
        for name in self.userdata.folders():
            action = move.addAction(name, lambda n=name: self.move_bookmarks(ids, n))
            action.setEnabled(name != current_folder or len(ids) > 1)
        move.addSeparator()
        move.addAction(self.tr("Nieuwe map…"), lambda: self.ask_new_folder(ids))
        menu.addSeparator()
        delete = menu.addAction(self.tr("Verwijderen"), lambda: self.delete_bookmarks(ids))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        menu = self.context_menu_for(index if index.isValid() else None)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- export / import ------------------------------------------------------------------------------------

    def export_to(self, path: str, fmt: str | None = None) -> int | None:
        """Write every bookmark to `path` (json/html, else by suffix). Returns the count, None on failure."""
        from reader.core.bookmark_io import BookmarkFileError, export_file

        try:
            count = export_file(self.userdata, path, fmt)
        except (OSError, BookmarkFileError) as err:
            text = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            self._say(lambda: self.tr("Exporteren mislukt: %1").replace("%1", text), sticky=True)
            return None
        self._say(lambda: self.tr("%1 bladwijzers geëxporteerd naar %2").replace("%1", str(count))
                  .replace("%2", str(path)))
        return count

    def import_from(self, path: str) -> bool:
        """Merge the bookmarks of a JSON or Netscape HTML file (no duplicates). A bad file changes nothing."""
        from reader.core.bookmark_io import BookmarkFileError, import_file

        try:
            result, skipped = import_file(self.userdata, path)
        except BookmarkFileError as err:
            reason = str(err)
            self._say(lambda: self.tr("Importeren mislukt: %1").replace("%1", reason), sticky=True)
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
        from PySide6.QtWidgets import QFileDialog

        json_filter = self.tr("Richtlijnenlezer-bladwijzers (*.json)")
        html_filter = self.tr("Bladwijzers voor browsers (*.html)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Bladwijzers exporteren"), "bladwijzers.json",
                                                   f"{json_filter};;{html_filter}")
        if path:
            self.export_to(path, "html" if chosen == html_filter or path.lower().endswith((".html", ".htm"))
                           else "json")

    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Bladwijzers importeren"), "",
                                              self.tr("Bladwijzers (*.json *.html *.htm);;Alle bestanden (*)"))
        if path:
            self.import_from(path)

    def actions_for_menu(self) -> list[QAction]:
        """Undo/redo and export/import, for the window's Bladwijzers menu."""
        return [self.undo_action, self.redo_action, self.export_action, self.import_action]
