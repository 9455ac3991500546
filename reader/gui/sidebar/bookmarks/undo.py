"""Undo for the Bladwijzers tab: the command a store change puts on the stack, and the Undo/Redo actions.

Names of changes are translated in the context "BookmarksPanel", where they lived before the split.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget


def command_text(kind: str) -> str:
    """The name of an undoable change, as the Undo/Redo menu entries show it."""
    return {
        "add": QCoreApplication.translate("BookmarksPanel", "Bladwijzer toevoegen"),
        "rename": QCoreApplication.translate("BookmarksPanel", "Naam wijzigen"),
        "note": QCoreApplication.translate("BookmarksPanel", "Notitie bewerken"),
        "seen": QCoreApplication.translate("BookmarksPanel", "Wijziging gezien"),
        "move": QCoreApplication.translate("BookmarksPanel", "Verplaatsen naar map"),
        "delete": QCoreApplication.translate("BookmarksPanel", "Verwijderen"),
        "rename_folder": QCoreApplication.translate("BookmarksPanel", "Map hernoemen"),
        "delete_folder": QCoreApplication.translate("BookmarksPanel", "Map verwijderen"),
    }[kind]


class StoreCommand(QUndoCommand):
    """An undoable store change. The change is made before the command is pushed (so a failure never lands on the
    stack); the first redo() that QUndoStack.push calls is therefore skipped."""

    def __init__(self, kind: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(command_text(kind))
        self.kind = kind  # which command_text it shows, to relabel it after a language switch
        self._redo, self._undo = redo, undo
        self._first = True

    def retranslate(self) -> None:
        self.setText(command_text(self.kind))

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


class UndoAction(QAction):
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


def undo_actions(stack: QUndoStack, parent: QWidget) -> tuple[UndoAction, UndoAction]:
    """Undo and Redo for `stack`, wired as QUndoStack.createUndoAction and createRedoAction wire theirs; their
    shortcuts work while focus is in `parent`."""
    undo = UndoAction(parent)
    undo.setEnabled(stack.canUndo())
    undo.triggered.connect(stack.undo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.undoTextChanged.connect(undo.show_change)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    redo = UndoAction(parent)
    redo.setEnabled(stack.canRedo())
    redo.triggered.connect(stack.redo)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.redoTextChanged.connect(redo.show_change)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return undo, redo
