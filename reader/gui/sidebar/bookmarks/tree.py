"""The tree view of the Bladwijzers tab: drag and drop between folders, and its keys (Enter, Delete, F2).

The view changes nothing itself: it says what the user asked for in signals, and the panel makes the store change.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from reader.gui.sidebar.bookmarks.model import MIME_IDS, ROLE_ID, ROLE_KIND


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
        """The folder a drop at `pos` goes into: the folder row itself, or the folder of a bookmark row."""
        index = self.indexAt(pos)
        if not index.isValid():
            return ""
        if index.data(ROLE_KIND) == "folder":
            return str(index.data(ROLE_ID))
        parent = index.parent()
        return str(parent.data(ROLE_ID)) if parent.isValid() else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_IDS):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_IDS):
            super().dragMoveEvent(event)  # draws the drop indicator and autoscrolls
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
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
