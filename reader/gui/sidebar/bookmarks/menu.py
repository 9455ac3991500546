"""The context menu of a bookmark row, a folder row, or the empty space below them.

Texts are translated in the context "BookmarksPanel", where they lived before the split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from reader.core.userdata import STATUS_CHANGED
from reader.gui.sidebar.bookmarks.model import (
    ROLE_ID,
    ROLE_KIND,
    ROLE_STATUS,
    plain_index,
)

if TYPE_CHECKING:
    from reader.gui.sidebar.bookmarks.panel import BookmarksPanel


def build_context_menu(panel: BookmarksPanel, index: QModelIndex | None) -> QMenu:
    """The menu for the row at `index` (None: no row); its entries call the panel's methods."""
    menu = QMenu(panel)
    if index is None or not index.isValid():
        menu.addAction(QCoreApplication.translate("BookmarksPanel", "Nieuwe map…"), lambda: panel.ask_new_folder())
        return menu
    if index.data(ROLE_KIND) == "folder":
        name = str(index.data(ROLE_ID))
        menu.addAction(QCoreApplication.translate("BookmarksPanel", "Map hernoemen…"),
                       lambda: panel.ask_rename_folder(name))
        menu.addAction(QCoreApplication.translate("BookmarksPanel", "Map verwijderen (bladwijzers blijven)"),
                       lambda: panel.delete_folder(name))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("BookmarksPanel", "Nieuwe map…"), lambda: panel.ask_new_folder())
        return menu
    bookmark_id = int(index.data(ROLE_ID))
    ids = panel.selected_bookmark_ids() or [bookmark_id]
    if bookmark_id not in ids:
        ids = [bookmark_id]
    persistent = QPersistentModelIndex(index)
    menu.addAction(QCoreApplication.translate("BookmarksPanel", "Openen"),
                   lambda: panel.open_index(plain_index(persistent)))
    rename = menu.addAction(QCoreApplication.translate("BookmarksPanel", "Naam wijzigen…"),
                            lambda: panel.ask_rename(bookmark_id))
    rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
    menu.addAction(QCoreApplication.translate("BookmarksPanel", "Notitie bewerken…"),
                   lambda: panel.ask_note(bookmark_id))
    if index.data(ROLE_STATUS) == STATUS_CHANGED:
        menu.addAction(QCoreApplication.translate("BookmarksPanel", "Markeren als gezien (wijziging gelezen)"),
                       lambda: panel.accept_change(bookmark_id))
    move = menu.addMenu(QCoreApplication.translate("BookmarksPanel", "Verplaatsen naar map"))
    bookmark = panel.userdata.get_bookmark(bookmark_id)
    current_folder = bookmark.folder if bookmark else None
    none_action = move.addAction(QCoreApplication.translate("BookmarksPanel", "(geen map)"),
                                 lambda: panel.move_bookmarks(ids, ""))
    none_action.setEnabled(current_folder != "" or len(ids) > 1)
    for name in panel.userdata.folders():
        action = move.addAction(name, _move_to(panel, ids, name))
        action.setEnabled(name != current_folder or len(ids) > 1)
    move.addSeparator()
    move.addAction(QCoreApplication.translate("BookmarksPanel", "Nieuwe map…"), lambda: panel.ask_new_folder(ids))
    menu.addSeparator()
    delete = menu.addAction(QCoreApplication.translate("BookmarksPanel", "Verwijderen"),
                            lambda: panel.delete_bookmarks(ids))
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    return menu


def _move_to(panel: BookmarksPanel, ids: list[int], folder: str) -> Callable[[], object]:
    """A menu entry's action, bound to this folder now (a lambda in the loop would see the last folder)."""
    return lambda: panel.move_bookmarks(ids, folder)
