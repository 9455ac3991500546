"""My two commands on the library page: "Richtlijnen toevoegen..." and "Wat is er veranderd" (the newest edition of
the selected corpus against the one read before: what its "Nieuwe editie" badge is about).

The library page (page.py) offers `add_button`; whoever builds the page calls `add_library_buttons(window, page)` once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton, QWidget

if TYPE_CHECKING:
    from reader.gui.library.page import LibraryPage
    from reader.gui.mainwindow import MainWindow


class _Button(QPushButton):
    """A button that sets its text again on a language switch."""

    def __init__(self, name: str, text: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._text = text
        self.setText(text())

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self._text())
        super().changeEvent(event)


def add_library_buttons(window: MainWindow, page: LibraryPage) -> tuple[QPushButton, QPushButton]:
    """Put "Richtlijnen toevoegen..." and "Wat is er veranderd" on the library page (once)."""
    found = page.findChild(QPushButton, "libraryAdd"), page.findChild(QPushButton, "libraryChanges")
    if isinstance(found[0], QPushButton) and isinstance(found[1], QPushButton):
        return found[0], found[1]
    add = _Button("libraryAdd", lambda: QCoreApplication.translate("LibraryButtons", "Richtlijnen &toevoegen\u2026"),
                  page)
    changes = _Button("libraryChanges", lambda: QCoreApplication.translate("LibraryButtons", "&Wat is er veranderd"),
                      page)

    def add_clicked() -> None:
        from reader.gui.library.add_dialog import add_guidelines

        add_guidelines(window)

    def changes_clicked() -> None:
        from reader.gui.library.changes_page import show_changes_since_read

        selected = page.selected()
        if selected is not None:
            show_changes_since_read(window, selected[0])

    def update() -> None:
        selected = page.selected()
        rows = {row.corpus_id: row for row in page.rows()}
        row = rows.get(selected[0]) if selected is not None else None
        changes.setEnabled(row is not None and bool(row.older))

    add.clicked.connect(add_clicked)
    changes.clicked.connect(changes_clicked)
    page.tree.currentItemChanged.connect(lambda *_: update())
    page.add_button(add)
    page.add_button(changes)
    update()
    return add, changes
