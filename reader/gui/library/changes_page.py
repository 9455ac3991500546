"""The "Wat is er veranderd" page: the newest edition of the corpus against the one read before (or any two installed
editions the user picks), shown as a page in the main view.

The diff and the page are made in a worker thread (reader.core.diff is lazy, but a big corpus still takes seconds)
and served from memory by the reader's scheme at rl://edition.invalid/app/generated/changes.html (setHtml has a size
limit); the page is plain HTML without script, every corpus string escaped (changes_html.py). The user's bookmarks
and ticked checklist items are read from the profile in the GUI thread (SQLite stays in its thread) and handed over.

Public for the library page and the banner: `show_changes(window)` (the chooser), `show_changes_since_read(window,
corpus_id=None)` (what the "Nieuwe editie" badge links to), `show_changes_between(window, old, new, page_id=None)`,
`corpus_editions(window, corpus_id)` and `read_before(userdata, corpus_id, editions, current)`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from reader.core.diff import DiffLabels, EditionDiff, diff_editions
from reader.core.userdata import UserData, edition_key
from reader.gui.library.changes_html import PageLabels, change_anchor, changes_document, marked_items
from reader.gui.library.read_before import EditionChoice, corpus_editions, read_before
from reader.gui.library.worker import Worker

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.library.changes")

PAGE_NAME = "changes.html"
BUSY_AFTER_MS = 400


def _busy_text() -> str:
    return QCoreApplication.translate("ChangesPage", "Wijzigingen worden bepaald\u2026")


def page_labels() -> PageLabels:
    """The page's words in the interface language."""
    tr = QCoreApplication  # lupdate reads every `.translate("Context", "text")` call
    diff = DiffLabels(
        inserted=tr.translate("ChangesPage", "ingevoegd:"),
        inserted_end=tr.translate("ChangesPage", "einde ingevoegd"),
        deleted=tr.translate("ChangesPage", "verwijderd:"),
        deleted_end=tr.translate("ChangesPage", "einde verwijderd"),
        intro=tr.translate("ChangesPage", "Inleiding"),
        kind_added=tr.translate("ChangesPage", "nieuw"),
        kind_removed=tr.translate("ChangesPage", "verwijderd"),
        kind_changed=tr.translate("ChangesPage", "gewijzigd"),
        was_heading=tr.translate("ChangesPage", "eerder:"),
        title=tr.translate("ChangesPage", "Titel"),
        summary=tr.translate("ChangesPage", "Samenvatting"),
        relations=tr.translate("ChangesPage", "Relaties"),
        breadcrumb=tr.translate("ChangesPage", "Plaats in de inhoud"),
        moved=tr.translate("ChangesPage", "Verplaatst van"),
    )
    return PageLabels(
        title=tr.translate("ChangesPage", "Wat is er veranderd"),
        from_to=tr.translate("ChangesPage", "Van editie %1 naar editie %2 van %3."),
        counts=tr.translate("ChangesPage", "%1 nieuw, %2 verwijderd, %3 verplaatst, %4 gewijzigd."),
        nothing=tr.translate("ChangesPage", "Tussen deze twee edities is niets veranderd."),
        yours=tr.translate("ChangesPage", "Uw bladwijzers en checklistitems bij wijzigingen"),
        bookmark=tr.translate("ChangesPage", "Bladwijzer"),
        checklist=tr.translate("ChangesPage", "Checklistitem"),
        page_removed=tr.translate("ChangesPage", "pagina verwijderd"),
        added=tr.translate("ChangesPage", "Nieuwe pagina's"),
        removed=tr.translate("ChangesPage", "Verwijderde pagina's"),
        moved=tr.translate("ChangesPage", "Verplaatste pagina's"),
        changed=tr.translate("ChangesPage", "Gewijzigde pagina's"),
        moved_from=tr.translate("ChangesPage", "van %1 naar %2"),
        diff=diff,
    )


def _user_marks(userdata: UserData) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    """Bookmarks (page, anchor, title) and ticked checklist texts per page of the store's corpus."""
    bookmarks = [(b.page_id, b.anchor, b.title) for b in userdata.bookmarks()]
    checklist = {page: [text for _key, text, checked in userdata.saved_items(page) if checked]
                 for page in userdata.checklist_pages()}
    return bookmarks, checklist


class ChangesController(QObject):
    """One per window: diffs in a worker (each pair of editions once), the page served and shown."""

    diff_ready = Signal(object)  # EditionDiff, for whoever asked (the banner)
    page_shown = Signal(str)  # the URL loaded

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("changesController")
        self._window = window
        self._diffs: dict[tuple[Path, Path], EditionDiff] = {}
        self._pending: dict[tuple[Path, Path], Worker] = {}
        self._failed: dict[tuple[Path, Path], BaseException] = {}  # not tried again for the banner
        self._show_after: tuple[Path, Path, str] | None = None  # (old, new, fragment) to show when ready
        self._page_job: Worker | None = None

    @staticmethod
    def of(window: MainWindow) -> ChangesController:
        found = window.findChild(ChangesController, "changesController")
        return found if isinstance(found, ChangesController) else ChangesController(window)

    # -- diffs ----------------------------------------------------------------------------------------------------
    def cached(self, old: Path, new: Path) -> EditionDiff | None:
        return self._diffs.get((Path(old), Path(new)))

    def request_diff(self, old: Path, new: Path, *, retry: bool = False) -> EditionDiff | None:
        """The diff if known; else start it (once; after a failure only with `retry`) and answer through
        `diff_ready`."""
        pair = (Path(old), Path(new))
        if pair in self._diffs:
            return self._diffs[pair]
        if pair in self._failed and not retry:
            return None
        if pair not in self._pending:
            self._failed.pop(pair, None)
            # The edition the window reads is open already: not read again (its page list is the big part).
            current = self._window.edition
            sides = [current if path == current.root else path for path in pair]

            def job() -> tuple[tuple[Path, Path], EditionDiff | BaseException]:
                try:
                    return pair, diff_editions(sides[0], sides[1])
                except Exception as exc:  # reported with its pair, in the GUI thread
                    return pair, exc

            worker = Worker(job)
            worker.succeeded.connect(self._diffed)
            self._pending[pair] = worker
            worker.start_job()
        return None

    def _diffed(self, result: tuple[tuple[Path, Path], EditionDiff | BaseException]) -> None:
        pair, diff = result
        self._pending.pop(pair, None)
        waiting = self._show_after is not None and self._show_after[:2] == pair
        fragment = self._show_after[2] if self._show_after is not None else ""
        if waiting:
            self._show_after = None
        if isinstance(diff, BaseException):
            log.warning("no diff of %s and %s: %r", pair[0], pair[1], diff)
            self._failed[pair] = diff
            if waiting:
                self._say_failed(diff)
            return
        self._diffs[pair] = diff
        self.diff_ready.emit(diff)
        if waiting:
            self._render(diff, fragment)

    def _say_failed(self, exc: BaseException) -> None:
        from reader.core.errors import ReaderError
        from reader.gui.messages import describe

        reason = describe(exc) if isinstance(exc, ReaderError) else str(exc)
        text = QCoreApplication.translate("ChangesPage", "De wijzigingen konden niet worden bepaald: %1")
        self._window.feedback.show_message(text.replace("%1", reason), 15000, error=True)

    # -- the page -------------------------------------------------------------------------------------------------
    def show(self, old: Path, new: Path, page_id: str | None = None) -> None:
        """Show what changed from `old` to `new` (at `page_id`'s part when given) in the window's view."""
        fragment = change_anchor(page_id) if page_id else ""
        diff = self.request_diff(old, new, retry=True)
        if diff is None:
            self._show_after = (Path(old), Path(new), fragment)
            # Said only when it takes a while: the bar appearing above the page re-lays the view out, which cost
            # 30-50 ms of event loop (measured) for a diff that is often done in 0.1 s.
            QTimer.singleShot(BUSY_AFTER_MS, self._say_busy)
            return
        self._render(diff, fragment)

    def _say_busy(self) -> None:
        if self._show_after is not None or self._page_job is not None:
            self._window.feedback.show_message(_busy_text(), 0)

    def _render(self, diff: EditionDiff, fragment: str) -> None:
        window = self._window
        labels = page_labels()
        lang = window.translations.language if window.translations is not None else "nl"
        marks: tuple[list[tuple[str, str, str]], dict[str, list[str]]] = ([], {})
        if diff.new.corpus_id == window.edition.corpus_id:
            try:
                marks = _user_marks(window.userdata)
            except Exception:  # the page shows without them rather than not at all
                log.warning("bookmarks and checklists could not be read", exc_info=True)

        def job() -> tuple[str, str]:
            marked = marked_items(diff, *marks)
            return changes_document(diff, marked, labels, lang), fragment

        worker = Worker(job)
        worker.succeeded.connect(self._rendered)
        worker.failed.connect(self._render_failed)
        self._page_job = worker
        worker.start_job()

    def _rendered(self, result: tuple[str, str]) -> None:
        html, fragment = result
        self._page_job = None
        window = self._window
        url = window.locked_profile.handler.serve_generated(PAGE_NAME, html)
        if fragment:
            url += "#" + fragment
        if window.feedback.currentMessage() == _busy_text():
            window.feedback.clearMessage()
        window.corpora.show_reading()  # asked from the library page: the page comes to the front
        window.view.load(QUrl(url))
        self.page_shown.emit(url)

    def _render_failed(self, exc: BaseException) -> None:
        self._page_job = None
        self._say_failed(exc)


# -- the chooser -------------------------------------------------------------------------------------------------
class ChangesDialog(QDialog):
    """Two installed editions to compare; the newest and the one read before are chosen already."""

    def __init__(self, editions: list[EditionChoice], old: EditionChoice | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(self.tr("Wat is er veranderd"))
        self.editions = editions
        self.old_box = QComboBox(self)
        self.old_box.setObjectName("changesOld")
        self.new_box = QComboBox(self)
        self.new_box.setObjectName("changesNew")
        for box in (self.old_box, self.new_box):
            for edition in editions:
                box.addItem(self.tr("Editie %1").replace("%1", edition.edition_date or edition.key))
        self.new_box.setCurrentIndex(0)
        older = editions.index(old) if old in editions else min(1, len(editions) - 1)
        self.old_box.setCurrentIndex(older)
        intro = QLabel(self.tr("Vergelijk twee geïnstalleerde edities van deze richtlijnen."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Oude editie:"), self.old_box)
        form.addRow(self.tr("&Nieuwe editie:"), self.new_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        compare = buttons.addButton(self.tr("&Vergelijken"), QDialogButtonBox.ButtonRole.AcceptRole)
        compare.setObjectName("changesCompare")
        compare.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[EditionChoice, EditionChoice]:
        return self.editions[self.old_box.currentIndex()], self.editions[self.new_box.currentIndex()]


def show_changes(window: MainWindow) -> ChangesDialog | None:
    """The "Wat is er veranderd" command: pick two editions (the newest and the one read before are preset)."""
    editions = corpus_editions(window)
    if len(editions) < 2:
        window.feedback.show_message(
            QCoreApplication.translate(
                "ChangesPage", "Van deze richtlijnen is maar één editie geïnstalleerd; er is niets om te vergelijken."))
        return None
    current = edition_key(window.edition.manifest)
    dialog = ChangesDialog(editions, read_before(window.userdata, window.edition.corpus_id, editions, current),
                           window)
    dialog.accepted.connect(lambda: _compare(window, dialog))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _compare(window: MainWindow, dialog: ChangesDialog) -> None:
    old, new = dialog.chosen()
    if old.path == new.path:
        window.feedback.show_message(QCoreApplication.translate("ChangesPage", "Kies twee verschillende edities."))
        return
    show_changes_between(window, old.path, new.path)


def show_changes_between(window: MainWindow, old: Path, new: Path, page_id: str | None = None) -> None:
    ChangesController.of(window).show(old, new, page_id)


def show_changes_since_read(window: MainWindow, corpus_id: str | None = None) -> bool:
    """The newest edition of `corpus_id` (default: the window's) against the one read before; False (and a word in
    the message bar) when there is no such edition installed."""
    corpus_id = corpus_id or window.edition.corpus_id
    editions = corpus_editions(window, corpus_id)
    userdata: Any = window.userdata
    if corpus_id != window.edition.corpus_id:
        userdata = UserData.open(window.profile_dir, corpus_id=corpus_id)
    try:
        before = read_before(userdata, corpus_id, editions, editions[0].key) if editions else None
    finally:
        if userdata is not window.userdata:
            userdata.close()
    if before is None:
        window.feedback.show_message(QCoreApplication.translate(
            "ChangesPage", "Er is geen eerder gelezen editie van deze richtlijnen geïnstalleerd."))
        return False
    if corpus_id != window.edition.corpus_id and not window.corpora.open_corpus(corpus_id):
        return False  # the page's links lead into its own corpus: read that one first (the switcher said why not)
    show_changes_between(window, before.path, editions[0].path)
    return True
