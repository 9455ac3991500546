"""The questions the Bladwijzers tab asks: a name, a note, a file to export to or import from.

Each function only asks and returns the answer (None when cancelled); the panel makes the change, so tests call the
panel's methods directly without any dialog. Texts are translated in the context "BookmarksPanel", where they lived
before the split.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_bookmark_title(parent: QWidget, title: str) -> str | None:
    new, ok = QInputDialog.getText(parent, QCoreApplication.translate("BookmarksPanel", "Naam wijzigen"),
                                   QCoreApplication.translate("BookmarksPanel", "Naam van de bladwijzer:"),
                                   QLineEdit.EchoMode.Normal, title)
    return new if ok else None


def ask_note(parent: QWidget, title: str, note: str) -> str | None:
    new, ok = QInputDialog.getMultiLineText(
        parent, QCoreApplication.translate("BookmarksPanel", "Notitie bewerken"),
        QCoreApplication.translate("BookmarksPanel", "Notitie bij ‘%1’:").replace("%1", title), note)
    return new if ok else None


def ask_new_folder_name(parent: QWidget) -> str | None:
    name, ok = QInputDialog.getText(parent, QCoreApplication.translate("BookmarksPanel", "Nieuwe map"),
                                    QCoreApplication.translate("BookmarksPanel", "Naam van de map:"))
    return name if ok else None


def ask_folder_rename(parent: QWidget, name: str) -> str | None:
    new, ok = QInputDialog.getText(parent, QCoreApplication.translate("BookmarksPanel", "Map hernoemen"),
                                   QCoreApplication.translate("BookmarksPanel", "Nieuwe naam van de map:"),
                                   QLineEdit.EchoMode.Normal, name)
    return new if ok else None


def ask_export_path(parent: QWidget, suggested: str = "bladwijzers.json") -> tuple[str, str] | None:
    """Where to export to, and in which format: "json" (complete) or "html" (what browsers read)."""
    json_filter = QCoreApplication.translate("BookmarksPanel", "Richtlijnenlezer-bladwijzers (*.json)")
    html_filter = QCoreApplication.translate("BookmarksPanel", "Bladwijzers voor browsers (*.html)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("BookmarksPanel", "Bladwijzers exporteren"), suggested,
        f"{json_filter};;{html_filter}")
    if not path:
        return None
    return path, "html" if chosen == html_filter or path.lower().endswith((".html", ".htm")) else "json"


def ask_import_path(parent: QWidget, corpus_id: str | None = None) -> tuple[str, bool] | None:
    """The file to import, and whether to import it although it names another corpus than `corpus_id` (only when
    the user says so; without asking, the import refuses such a file)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("BookmarksPanel", "Bladwijzers importeren"), "",
        QCoreApplication.translate("BookmarksPanel", "Bladwijzers (*.json *.html *.htm);;Alle bestanden (*)"))
    if not path:
        return None
    other = _file_corpus(path)
    if other is None or corpus_id is None or other == corpus_id:
        return path, False
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("BookmarksPanel", "Bladwijzers van andere richtlijnen"),
        QCoreApplication.translate(
            "BookmarksPanel", "Deze bladwijzers komen uit de richtlijnen %1, niet uit %2. Dezelfde pagina-id kan hier "
            "een andere pagina zijn. Toch importeren?").replace("%1", other).replace("%2", corpus_id),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return (path, True) if answer == QMessageBox.StandardButton.Yes else None


def _file_corpus(path: str) -> str | None:
    """The corpus a bookmark file names; None when it names none or cannot be read (the import then says why)."""
    from reader.core.userdata import BookmarkFileError, read_bookmark_file

    try:
        return read_bookmark_file(path).corpus_id
    except BookmarkFileError:
        return None
