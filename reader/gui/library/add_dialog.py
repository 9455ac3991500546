"""The "Richtlijnen toevoegen..." command: an MkDocs folder or a pack installed into the user's library by a separate
process.

The window never builds an edition itself: `richtlijnenlezer install SOURCE --progress-json` runs as a QProcess (in
a session of its own, so Cancel ends it together with any worker processes it started) and reports JSON lines that
progress.py turns into state; this dialog only shows it. So the window stays responsive whatever the corpus costs.
Cancel kills the process group and then removes the staging folder the install left (`clean_leftovers`): a cancelled
or failed install changes nothing in the library. A pack is verified first, in a worker thread (worker.py), so that the
reason can be shown before anything is written; one that no trusted key signed is installed (`--yes`) only after the
user read the reason and agreed. The install process verifies the pack again: what it unpacks is what it checked.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QProcess, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.gui.library.progress import DONE, FAILED, WRITE, InstallProgress
from reader.gui.library.worker import Worker

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.library.add")

CANCELLED = "cancelled"
PACK_FILTER = "*.rlpack"


def install_command(source: Path, *, yes: bool = False) -> tuple[str, list[str]]:
    """Program and arguments of the install process (a frozen app is its own entry point)."""
    args = ["install", str(source), "--progress-json", *(["--yes"] if yes else [])]
    if paths.is_frozen():
        return sys.executable, args
    return sys.executable, ["-m", "reader", *args]


def user_library_folder() -> Path:
    """The per-user library folder, where the install process stages and files the new edition."""
    from reader.core.library import USER
    from reader.library import library_folders

    return next(folder.path for folder in library_folders(with_bundled=False) if folder.kind == USER)


def verify_pack(source: Path) -> Any:
    """The pack's verdict against the per-machine trusted keys (raises PackRefused/PackError)."""
    from reader.core import pack
    from reader.library import trusted_keys

    return pack.verify_pack(source, trusted_keys())


def pack_reason(verdict: Any) -> str:
    """Why the user is asked: who (not) signed the pack, and what it holds."""
    if verdict.status == "unsigned":
        why = QCoreApplication.translate(
            "AddDialog", "Dit pakket is niet ondertekend: niemand staat ervoor in dat het komt van wie u denkt.")
    else:
        why = QCoreApplication.translate(
            "AddDialog", "Dit pakket is ondertekend met een sleutel die deze computer niet kent (vingerafdruk %1).")
        why = why.replace("%1", str(verdict.signer))
    what = QCoreApplication.translate("AddDialog", "Het bevat %1, editie %2 (%3 pagina's).")
    what = what.replace("%1", str(verdict.corpus_title or verdict.corpus_id))
    return f"{why} {what.replace('%2', str(verdict.edition_date)).replace('%3', str(verdict.page_count))}"


class AddDialog(QDialog):
    """One install at a time: progress, Cancel, problems; `install_finished(outcome)` at the end (DONE, FAILED or
    CANCELLED); `installed(result)` with the install's "done" event on success."""

    install_finished = Signal(str)
    installed = Signal(dict)
    open_requested = Signal(str)  # the path of the edition just installed ("Openen")

    def __init__(self, parent: QWidget | None = None, *, library_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addGuidelinesDialog")
        self.setWindowTitle(self.tr("Richtlijnen toevoegen"))
        self.library_folder = library_folder
        self.process: QProcess | None = None
        self.progress = InstallProgress()
        self.outcome = ""
        self.source: Path | None = None
        self._cancelling = False
        self._stderr = b""
        self._worker: Worker | None = None
        self._pending_pack: Path | None = None

        self.status = QLabel(self)
        self.status.setObjectName("addStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.current = QLabel(self)
        self.current.setObjectName("addCurrent")
        self.current.setTextFormat(Qt.TextFormat.PlainText)  # a file name from the corpus is text, never markup
        self.bar = QProgressBar(self)
        self.bar.setObjectName("addProgress")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Voortgang"))
        self.problems_label = QLabel(self.tr("Meldingen (bestand:regel):"), self)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("addProblems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems.setAccessibleName(self.tr("Meldingen"))
        self.problems_label.setBuddy(self.problems)
        self.copy_button = QPushButton(self.tr("Meldingen &kopi\u00ebren"), self)
        self.copy_button.setObjectName("addCopy")
        self.copy_button.clicked.connect(self.copy_problems)
        self.confirm_button = QPushButton(self.tr("Toch &toevoegen"), self)
        self.confirm_button.setObjectName("addConfirm")
        self.confirm_button.clicked.connect(self._confirmed)
        self.cancel_button = QPushButton(self.tr("Annuleren"), self)
        self.cancel_button.setObjectName("addCancel")
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("Sluiten"), self)
        self.close_button.setObjectName("addClose")
        self.close_button.clicked.connect(self.accept)
        self.open_button = QPushButton(self.tr("&Openen"), self)
        self.open_button.setObjectName("addOpen")
        self.open_button.clicked.connect(self._open_installed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        for button in (self.confirm_button, self.open_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.current)
        layout.addWidget(self.bar)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self.resize(620, 200)
        self._show_problems([])
        self._set_buttons(running=False)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._kill_now)

    # -- starting -------------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.process is not None or self._worker is not None or self._pending_pack is not None

    def add(self, source: Path) -> None:
        """Install `source`: a pack is verified first (and may need the user's yes), anything else starts at once."""
        if self.running:
            return
        source = Path(source)
        self.source = source
        self.outcome = ""
        if source.is_file():
            self._verify(source)
        else:
            self.start_install(source)

    def _verify(self, source: Path) -> None:
        self._begin(self.tr("Pakket controleren\u2026"))
        self.bar.setRange(0, 0)  # busy: verifying has no page count
        worker = Worker(lambda: verify_pack(source))
        worker.succeeded.connect(self._verified)
        worker.failed.connect(self._verify_failed)
        self._worker = worker
        worker.start_job()

    def _verified(self, verdict: Any) -> None:
        source = self.source
        self._worker = None
        if source is None:
            return
        if getattr(verdict, "trusted", False):
            self.start_install(source)
            return
        self._pending_pack = source
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.status.setText(pack_reason(verdict) + " " + self.tr("Wilt u het toch toevoegen?"))
        self.current.clear()
        self.confirm_button.show()
        self.confirm_button.setDefault(True)
        self.cancel_button.show()
        self.close_button.hide()
        self._announce(self.status.text())

    def _verify_failed(self, exc: BaseException) -> None:
        self._worker = None
        from reader.core.errors import ReaderError
        from reader.gui.messages import describe

        message = describe(exc) if isinstance(exc, ReaderError) else str(exc)
        self._end(FAILED, self.tr("Het pakket is geweigerd: %1 Er is niets toegevoegd.").replace("%1", message))

    def _confirmed(self) -> None:
        source, self._pending_pack = self._pending_pack, None
        if source is not None:
            self.start_install(source, yes=True)

    def start_install(self, source: Path, *, yes: bool = False) -> None:
        """Run the install process for `source` (`yes`: a pack the user agreed to without a trusted signature)."""
        self._begin(self.tr("Voorbereiden\u2026"))
        self.progress = InstallProgress()
        self._stderr = b""
        self._cancelling = False
        process = QProcess(self)
        program, args = install_command(source, yes=yes)
        process.setProgram(program)
        process.setArguments(args)
        if sys.platform != "win32":
            # A session of its own: Cancel ends the install and any import workers it started, all at once.
            params = QProcess.UnixProcessParameters()
            params.flags = QProcess.UnixProcessFlag.CreateNewSession
            process.setUnixProcessParameters(params)
        process.readyReadStandardOutput.connect(self._read_output)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._process_finished)
        process.errorOccurred.connect(self._process_error)
        self.process = process
        log.info("install %s: %s %s", source, program, " ".join(args))
        process.start()

    def _begin(self, text: str) -> None:
        self._show_problems([])
        self.status.setText(text)
        self.current.clear()
        self.current.show()
        self.bar.show()
        if self.source is not None:
            self.setWindowTitle(self.tr("Richtlijnen toevoegen: %1").replace("%1", self.source.name))
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self._set_buttons(running=True)
        self.show()
        self.raise_()

    # -- while it runs ------------------------------------------------------------------------------------------
    def _read_output(self) -> None:
        if self.process is None:
            return
        if self.progress.feed(bytes(self.process.readAllStandardOutput().data())):
            self._show_progress()

    def _read_errors(self) -> None:
        if self.process is not None and len(self._stderr) < 64_000:
            self._stderr += bytes(self.process.readAllStandardError().data())

    def _show_progress(self) -> None:
        state = self.progress
        if state.total:
            if state.phase == WRITE:
                text = self.tr("Pagina's geschreven: %1 van %2")
            else:
                text = self.tr("Pagina's gelezen: %1 van %2")
            self.status.setText(text.replace("%1", str(state.done)).replace("%2", str(state.total)))
        self.current.setText(state.current)
        self.bar.setValue(round(state.fraction * 1000))

    def cancel(self) -> None:
        """Stop the install; the staging folder is removed once the process has ended."""
        if self._pending_pack is not None:
            self._pending_pack = None
            self._end(CANCELLED, self.tr("Toevoegen geannuleerd; er is niets veranderd."))
            return
        if self._worker is not None:  # verifying reads only; its result is ignored
            worker, self._worker = self._worker, None
            worker.succeeded.disconnect()
            worker.failed.disconnect()
            self._end(CANCELLED, self.tr("Toevoegen geannuleerd; er is niets veranderd."))
            return
        process = self.process
        if process is None or self._cancelling:
            return
        self._cancelling = True
        self.status.setText(self.tr("Annuleren\u2026"))
        self.cancel_button.setEnabled(False)
        self._kill(process)

    def _kill(self, process: QProcess) -> None:
        pid = process.processId()
        if pid > 0 and sys.platform != "win32":
            try:
                os.killpg(pid, signal.SIGKILL)  # the group the install leads (its own session)
                return
            except OSError:
                pass
        process.kill()

    def _kill_now(self) -> None:
        """The app quits while an install runs: end it and clean up before the window goes."""
        process = self.process
        if process is None:
            return
        self._cancelling = True
        self._kill(process)
        process.waitForFinished(5000)

    # -- the end ---------------------------------------------------------------------------------------------------
    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.process = None
            self._end(FAILED, self.tr("Het installatieproces kon niet worden gestart."))

    def _process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        self._read_output()
        self._read_errors()
        self.progress.finish()
        process.deleteLater()
        self._clean_leftovers()
        if self._cancelling:
            self._end(CANCELLED, self.tr("Toevoegen geannuleerd; er is niets veranderd."))
            return
        state = self.progress
        if state.outcome == DONE and code == 0:
            title = str(state.result.get("title") or state.result.get("corpus_id") or "")
            date = str(state.result.get("edition_date") or "")
            if state.result.get("already_installed"):
                text = self.tr("%1 (editie %2) stond al in de bibliotheek.")
            else:
                text = self.tr("%1 (editie %2) is toegevoegd.")
            self._end(DONE, text.replace("%1", title).replace("%2", date))
            self.installed.emit(dict(state.result))
            return
        if state.outcome == FAILED:
            message = state.error_message or state.error_code
        elif status == QProcess.ExitStatus.CrashExit:
            message = self.tr("Het installatieproces is onverwacht gestopt.")
        else:
            lines = self._stderr.decode("utf-8", errors="replace").strip().splitlines()
            message = lines[-1] if lines else self.tr("Het installatieproces gaf geen antwoord (code %1).").replace(
                "%1", str(code))
        self._end(FAILED, self.tr("Toevoegen mislukt: %1 Er is niets toegevoegd.").replace("%1", message))

    def _clean_leftovers(self) -> None:
        from reader.core.library import clean_leftovers

        folder = self.library_folder or user_library_folder()
        removed = clean_leftovers(folder)
        if removed:
            log.info("removed what the install left: %s", ", ".join(str(p) for p in removed))

    def _end(self, outcome: str, text: str) -> None:
        self.outcome = outcome
        self.status.setText(text)
        if outcome == DONE:
            self.bar.setRange(0, 1000)
            self.bar.setValue(1000)
        shown = self.progress.serious_problems if outcome == DONE else self.progress.problems
        self.current.clear()
        self.bar.setVisible(outcome == DONE)  # an empty bar after a failure says nothing
        self.current.setVisible(False)
        self._show_problems([p.text for p in shown])
        self._set_buttons(running=False)
        self._announce(text)
        self.install_finished.emit(outcome)

    def _show_problems(self, lines: list[str]) -> None:
        self.problems.setPlainText("\n".join(lines))
        for widget in (self.problems_label, self.problems, self.copy_button):
            widget.setVisible(bool(lines))
        if lines:
            self.resize(self.width(), max(self.height(), 360))
        else:
            self.resize(self.width(), self.minimumSizeHint().height())  # the labels close together, no gaps

    def problem_lines(self) -> list[str]:
        text = self.problems.toPlainText()
        return text.splitlines() if text else []

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems.toPlainText())

    def _open_installed(self) -> None:
        path = str(self.progress.result.get("path") or "")
        if path:
            self.accept()
            self.open_requested.emit(path)

    def _set_buttons(self, *, running: bool) -> None:
        self.confirm_button.hide()
        self.open_button.setVisible(not running and self.outcome == DONE and bool(self.progress.result.get("path")))
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        (self.cancel_button if running else self.close_button).setDefault(True)

    def _announce(self, text: str) -> None:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.parent() and event.type() == QEvent.Type.Close and self.process is not None:
            self._kill_now()  # the window goes: so does the install, and what it staged
        return super().eventFilter(watched, event)

    def reject(self) -> None:  # Qt's name: Escape, the close box and Annuleren
        if self.running:
            self.cancel()
            return
        super().reject()


# -- the window's command ------------------------------------------------------------------------------------------
def choose_source(parent: QWidget) -> Path | None:
    """Ask what to add: an MkDocs folder or a pack file."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("AddDialog", "Richtlijnen toevoegen"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(QCoreApplication.translate("AddDialog", "Wat wilt u toevoegen?"))
    box.setInformativeText(QCoreApplication.translate(
        "AddDialog",
        "Een map met een MkDocs-project (met mkdocs.yml) wordt eerst gebouwd; een pakket (.rlpack) wordt eerst "
        "gecontroleerd."))
    role = QMessageBox.ButtonRole.AcceptRole
    folder = box.addButton(QCoreApplication.translate("AddDialog", "&Map kiezen\u2026"), role)
    pack = box.addButton(QCoreApplication.translate("AddDialog", "&Pakket kiezen\u2026"), role)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(folder)
    box.exec()
    clicked = box.clickedButton()
    if clicked is folder:
        chosen = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("AddDialog", "MkDocs-map kiezen"))
        return Path(chosen) if chosen else None
    if clicked is pack:
        packs = QCoreApplication.translate("AddDialog", "Richtlijnenpakketten (%1)").replace("%1", PACK_FILTER)
        every = QCoreApplication.translate("AddDialog", "Alle bestanden (*)")
        title = QCoreApplication.translate("AddDialog", "Pakket kiezen")
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", f"{packs};;{every}")
        return Path(chosen) if chosen else None
    return None


def dialog_for(window: MainWindow) -> AddDialog:
    """The window's add dialog (one per window), wired to its message bar and library page."""
    found = window.findChild(AddDialog)
    if isinstance(found, AddDialog):
        return found
    dialog = AddDialog(window)
    dialog.installed.connect(lambda result: _announce_installed(window, dialog, result))
    dialog.install_finished.connect(lambda outcome: _after(window, dialog, outcome))
    dialog.open_requested.connect(lambda path: window.corpora.switch_to(Path(path)))
    window.installEventFilter(dialog)  # the window closing ends the install (see eventFilter)
    return dialog


def add_guidelines(window: MainWindow, source: Path | None = None) -> AddDialog | None:
    """The "Richtlijnen toevoegen..." command: choose (unless given) and install; None when nothing was chosen."""
    dialog = dialog_for(window)
    if dialog.running:
        dialog.show()
        dialog.raise_()
        return dialog
    chosen = source if source is not None else choose_source(window)
    if chosen is None:
        return None
    dialog.add(chosen)
    return dialog


def _after(window: MainWindow, dialog: AddDialog, outcome: str) -> None:
    if outcome == CANCELLED:
        dialog.hide()
        window.feedback.show_message(dialog.status.text())
    elif outcome == DONE and not dialog.problem_lines() and window.stack.currentWidget() is window.page_frame:
        dialog.hide()  # the message bar says it; a dialog with nothing more to say would only be in the way
    # Else (problems to read, or the library page in front, which hides the message bar) the dialog stays, with
    # its own "Openen".


def _announce_installed(window: MainWindow, dialog: AddDialog, result: dict[str, Any]) -> None:
    """Say so in the message bar, with "Openen" to read what was added, and list the library page again."""
    if window.library_page is not None:
        window.library_page.refresh()
    path = str(result.get("path") or "")
    if not path:
        window.feedback.show_message(dialog.status.text(), 8000)
        return
    window.feedback.show_message(dialog.status.text(), 15000,
                                 action_text=QCoreApplication.translate("AddDialog", "Openen"),
                                 on_action=lambda: window.corpora.switch_to(Path(path)))
