"""Attachments: corpus files a page links to that the view never opens (PDF, office files, archives, CSV).

A click on one (the navigation policy's ATTACHMENT decision) shows a small dialog with the file's name and size
and two choices: "Openen met standaardprogramma" hands a copy outside the edition to the system's program for that
type, and "Opslaan als..." writes a copy where the user chooses (atomically). The file is read from the edition
folder: nothing is loaded in the web view (no PDF plugin, no download) and no request is made.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.edition import attachment_file
from reader.core.fileio import atomic_copy_file
from reader.core.links import parse_reader_url
from reader.gui.page import ReaderPage

log = logging.getLogger("reader.attachments")


@dataclass(frozen=True)
class Attachment:
    url: str
    file: Path  # inside the edition; read-only
    name: str  # the file name as the corpus wrote it
    size: int  # bytes
    mime: str


def find_attachment(url: str, edition_root: Path) -> Attachment | None:
    """The attachment an asset URL names in the edition, or None when the edition has no such file."""
    served = attachment_file(url, edition_root)
    target = parse_reader_url(url)
    if served is None or target is None:
        return None
    try:
        size = served.path.stat().st_size
    except OSError:
        return None
    return Attachment(url=url, file=served.path, name=PurePosixPath(target.path).name, size=size, mime=served.mime)


def format_size(size: int) -> str:
    """`12,3 kB` in the interface's locale (decimal units, as file managers show them)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class AttachmentDialog(QDialog):
    """Open with the system's program, or save a copy; shows what went wrong in the dialog itself."""

    opened = Signal(str)  # the copy handed to the system
    saved = Signal(str)  # where the user saved it

    def __init__(self, attachment: Attachment, parent: QWidget | None = None, *, temp_root: Path | None = None):
        super().__init__(parent)
        self.attachment = attachment
        self.temp_root = temp_root
        self.setObjectName("attachmentDialog")
        self.setWindowTitle(self.tr("Bijlage"))
        layout = QVBoxLayout(self)
        self.name_label = QLabel(attachment.name, self)
        self.name_label.setObjectName("attachmentName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a corpus string: never markup
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_label = QLabel(self.tr("Grootte: %1").replace("%1", format_size(attachment.size)), self)
        self.size_label.setObjectName("attachmentSize")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("attachmentMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("Openen met standaardprogramma"), self)
        self.open_button.setObjectName("openAttachment")
        self.save_button = QPushButton(self.tr("Opslaan als\u2026"), self)
        self.save_button.setObjectName("saveAttachment")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_with_system)
        self.save_button.clicked.connect(self.save_as)
        for widget in (self.name_label, self.size_label, self.message_label, buttons):
            layout.addWidget(widget)
        self.open_button.setDefault(True)
        self.setAccessibleName(self.tr("Bijlage %1").replace("%1", attachment.name))

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()

    def open_with_system(self) -> bool:
        """Copy the file out of the edition and let the system open it; say so when no program can."""
        try:
            folder = Path(tempfile.mkdtemp(prefix="richtlijnenlezer-bijlage-", dir=self.temp_root))
            copy = folder / self.attachment.name
            shutil.copyfile(self.attachment.file, copy)
            # The copy belongs to the edition: read-only, so that edits go to a saved copy, not a temp folder.
            os.chmod(copy, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        except OSError as exc:
            log.warning("cannot copy %s for opening: %s", self.attachment.file, exc)
            self._say(self.tr("De bijlage kan niet worden klaargezet om te openen (%1).").replace("%1", str(exc)))
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            log.info("no program opens %s", copy)
            self._say(self.tr("Er is geen programma gevonden dat dit bestand kan openen. Kies \u2018Opslaan "
                              "als\u2026\u2019 en open het bestand daarna zelf."))
            return False
        self.opened.emit(str(copy))
        self.accept()
        return True

    def save_as(self) -> bool:
        """Ask where, then write an exact copy there atomically (never half a file)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation) or str(Path.home())
        suffix = PurePosixPath(self.attachment.name).suffix
        filters = ";;".join(
            ([self.tr("Bestanden van dit type (*%1)").replace("%1", suffix)] if suffix else [])
            + [self.tr("Alle bestanden (*)")]
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Bijlage opslaan"), str(Path(folder) / self.attachment.name), filters
        )
        if not path:
            return False
        try:
            atomic_copy_file(self.attachment.file, path)
        except OSError as exc:
            log.warning("cannot save %s to %s: %s", self.attachment.file, path, exc)
            self._say(self.tr("Opslaan is mislukt: %1").replace("%1", exc.strerror or str(exc)))
            return False
        self.saved.emit(path)
        self.accept()
        return True


class AttachmentController(QObject):
    """Shows the attachment dialog for the page's attachment links, one dialog at a time. What it has to say
    afterwards goes out as `message`, for the window's message bar."""

    message = Signal(str)

    def __init__(self, page: ReaderPage, edition_root: Path, window: QMainWindow, *, temp_root: Path | None = None):
        super().__init__(window)
        self.window = window
        self.edition_root = Path(edition_root)
        self.temp_root = temp_root
        self.dialog: AttachmentDialog | None = None
        page.attachment_requested.connect(self.offer)

    def offer(self, url: QUrl) -> AttachmentDialog | None:
        attachment = find_attachment(url.toString(), self.edition_root)
        if attachment is None:
            log.warning("no attachment in the edition for %s", url.toString())
            self.message.emit(self.tr("Deze bijlage zit niet in de editie."))
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = AttachmentDialog(attachment, self.window, temp_root=self.temp_root)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget(dialog))
        dialog.saved.connect(lambda path: self.message.emit(self.tr("Opgeslagen: %1").replace("%1", path)))
        self.dialog = dialog
        dialog.open()  # window-modal, and the event loop keeps running (no nested exec)
        return dialog

    def _forget(self, dialog: AttachmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
