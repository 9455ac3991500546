"""The Qt item model of the Bladwijzers tab: what a folder row and a bookmark row hold, and what a drag carries.

The panel decides which bookmarks are shown; this model only turns them into rows. Words in the rows are translated
in the context "BookmarksPanel", where they lived before the split, so the existing translations still apply.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QIcon, QStandardItemModel

from reader.core.userdata import (
    STATUS_CHANGED,
    STATUS_MISSING,
    STATUS_OK,
    STATUS_SECTION_GONE,
    Bookmark,
)
from reader.gui.text import plain_tip

ROLE_KIND = Qt.ItemDataRole.UserRole + 1  # "folder" or "bookmark"
ROLE_ID = Qt.ItemDataRole.UserRole + 2  # bookmark id, or folder name
ROLE_STATUS = Qt.ItemDataRole.UserRole + 3  # STATUS_* of a bookmark
ROLE_SORT = Qt.ItemDataRole.UserRole + 4  # title, case folded, to insert a row in order
MIME_IDS = "application/x-richtlijnenlezer-bookmark-ids"

Key = tuple[str, str]  # (page id, anchor): what identifies a bookmark across undo (its id may change)


def plain_index(index: QPersistentModelIndex) -> QModelIndex:
    """The plain index of the same row (invalid if the row is gone); PySide6's stubs lack QModelIndex(persistent)."""
    return index.sibling(index.row(), index.column())


def shown_tree(folders: list[str], bookmarks: list[Bookmark],
               text: str) -> tuple[list[str], dict[str, list[Bookmark]], list[Bookmark]]:
    """Which folders to show for the filter `text`, the shown `bookmarks` by folder, and the bookmarks shown at the
    top level: no folder, or a folder hidden by the filter."""
    by_folder: dict[str, list[Bookmark]] = {}
    for b in bookmarks:
        by_folder.setdefault(b.folder, []).append(b)
    shown = [
        name for name in folders
        # While filtering, only folders with matches (or whose own name matches).
        if not text.strip() or name in by_folder or all(w in name.casefold() for w in text.casefold().split())
    ]
    loose = [b for b in bookmarks if b.folder not in shown]
    return shown, by_folder, loose


def status_text(status: str) -> str:
    """The mark shown after a bookmark whose target is not as it was ("" when all is well)."""
    if status == STATUS_MISSING:
        return QCoreApplication.translate("BookmarksPanel", "niet in deze editie")
    if status == STATUS_CHANGED:
        return QCoreApplication.translate("BookmarksPanel", "gewijzigd sinds je bladwijzer")
    if status == STATUS_SECTION_GONE:
        return QCoreApplication.translate("BookmarksPanel", "kop niet meer in deze editie")
    return ""


def row_texts() -> dict[str, str]:
    """Translated templates, looked up once per rebuild rather than once per row."""
    return {
        "note": QCoreApplication.translate("BookmarksPanel", "Notitie: %1"),
        "saved": QCoreApplication.translate("BookmarksPanel", "Bewaard op %1"),
        STATUS_MISSING: status_text(STATUS_MISSING),
        STATUS_CHANGED: status_text(STATUS_CHANGED),
        STATUS_SECTION_GONE: status_text(STATUS_SECTION_GONE),
    }


class BookmarkModel(QStandardItemModel):
    """Folders (top level) with their bookmarks, and bookmarks without a folder. Filled only through the model's
    own API (insertRows/setData): no Python-made items, and cheap for 10,000 bookmarks. Drags carry bookmark ids.

    The model keeps a persistent index per shown bookmark and folder, so one row can be found and updated without
    walking the tree. `italic` and `dim` are how a bookmark whose target changed or is gone looks."""

    def __init__(self, italic: QFont, dim: QBrush, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.italic = italic
        self.dim = dim
        self.rows: dict[Key, QPersistentModelIndex] = {}  # (page id, anchor) -> its row
        self.folder_rows: dict[str, QPersistentModelIndex] = {}

    # -- drag and drop: the view handles drops, because the store, not the model, is the truth

    def mimeTypes(self) -> list[str]:
        return [MIME_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [str(i.data(ROLE_ID)) for i in indexes if i.data(ROLE_KIND) == "bookmark"]
        mime = QMimeData()
        mime.setData(MIME_IDS, QByteArray(",".join(ids).encode("ascii")))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(MIME_IDS)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        return False

    # -- rows

    def fill_tree(self, folders: list[str], by_folder: dict[str, list[Bookmark]], loose: list[Bookmark],
                  status_of: Callable[[Bookmark], str], folder_icon: QIcon) -> None:
        """Replace every row: the folders in order, each with its bookmarks, then the bookmarks without a folder."""
        m = self.setData  # returns bool: the model is filled without any Python-made item objects
        self.rows.clear()
        self.folder_rows.clear()
        self.removeRows(0, self.rowCount())
        self.setColumnCount(1)
        self.insertRows(0, len(folders) + len(loose))
        texts = row_texts()
        for row, name in enumerate(folders):
            index = self.index(row, 0)
            children = by_folder.get(name, [])
            m(index, "folder", ROLE_KIND)
            self.set_folder_label(index, name, len(children))
            m(index, name, ROLE_ID)
            m(index, folder_icon, Qt.ItemDataRole.DecorationRole)
            self.folder_rows[name] = QPersistentModelIndex(index)
            if children:
                self.insertRows(0, len(children), index)
                if self.columnCount(index) == 0:
                    self.insertColumns(0, 1, index)
                for child_row, b in enumerate(children):
                    self.fill(self.index(child_row, 0, index), b, status_of(b), texts)
        for offset, b in enumerate(loose):
            self.fill(self.index(len(folders) + offset, 0), b, status_of(b), texts)

    def set_folder_label(self, index: QModelIndex, name: str, count: int) -> None:
        self.setData(index, f"{name} ({count})")
        self.setData(index, QCoreApplication.translate("BookmarksPanel", "Map %1, %2 bladwijzers")
                     .replace("%1", name).replace("%2", str(count)),
                     Qt.ItemDataRole.AccessibleDescriptionRole)

    def fill(self, index: QModelIndex, b: Bookmark, status: str, texts: dict[str, str] | None = None) -> None:
        """Show bookmark `b` in the row at `index`; `texts` from row_texts(), to look them up once per rebuild."""
        texts = texts or row_texts()
        self.rows[b.key] = QPersistentModelIndex(index)
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
            roles[Qt.ItemDataRole.FontRole] = self.italic
            if status == STATUS_MISSING:
                roles[Qt.ItemDataRole.ForegroundRole] = self.dim
        # One call per row.
        self.setItemData(index, roles)

    def insert_position(self, parent: QModelIndex, sort_key: str) -> int:
        """Where a bookmark goes among its siblings: sorted by title (folders come first at the top level)."""
        lo = len(self.folder_rows) if not parent.isValid() else 0
        hi = self.rowCount(parent)
        while lo < hi:
            mid = (lo + hi) // 2
            if str(self.index(mid, 0, parent).data(ROLE_SORT) or "") <= sort_key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def all_indexes(self) -> list[QModelIndex]:
        """Every row, folders before their bookmarks, in the order shown."""
        result = []
        for row in range(self.rowCount()):
            top = self.index(row, 0)
            result.append(top)
            result.extend(self.index(r, 0, top) for r in range(self.rowCount(top)))
        return result

    def bookmark_index(self, key: Key) -> QModelIndex | None:
        row = self.rows.get(key)
        return plain_index(row) if row is not None and row.isValid() else None

    def folder_index(self, name: str) -> QModelIndex | None:
        row = self.folder_rows.get(name)
        return plain_index(row) if row is not None and row.isValid() else None
