"""The bar above a page that changed since the edition the user read before: "Gewijzigd sinds editie <date>", with
"Bekijk wijzigingen" opening that page's part of the "Wat is er veranderd" page.

It follows the window: each time a page is shown it asks whether the current corpus has an installed edition read
before (user data: the last opened edition, or the one before it) and, if so, whether this page changed since then.
The diff of the two editions is made once, in a worker thread (changes_page.ChangesController), and kept; until it is
there the bar stays hidden, and a page shown meanwhile gets its bar when the diff arrives. Attached to a window with
`attach_banner(window)` (idempotent); the window calls it after every page load. Light on purpose: the diff code is
imported only when an edition read before is installed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.core.userdata import edition_key
from reader.gui.library.read_before import corpus_editions, read_before

if TYPE_CHECKING:
    from reader.core.diff import EditionDiff
    from reader.gui.library.changes_page import ChangesController
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.library.banner")


class ChangeBanner(QFrame):
    """Hidden unless the page shown changed since the edition read before."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._window = window
        self.label = QLabel(self)
        self.label.setObjectName("changeBannerText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self)
        self.button.setObjectName("changeBannerButton")
        self.button.clicked.connect(self.open_changes)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._controller: ChangesController | None = None  # made when there is something to compare
        self._edition_root: Path | None = None  # the edition the comparison below was made for
        self._old: Path | None = None  # the edition read before (None: nothing to compare with)
        self._old_date = ""
        self._page_id = ""  # the page shown
        self._retranslate()
        self.hide()

    # -- following the window ---------------------------------------------------------------------------------------
    @property
    def controller(self) -> ChangesController:
        if self._controller is None:
            # Imported only now: a reader who never had an older edition never loads the diff code.
            from reader.gui.library.changes_page import ChangesController

            self._controller = ChangesController.of(self._window)
            self._controller.diff_ready.connect(self._diff_ready)
        return self._controller

    def page_shown(self, page_id: str, ok: bool = True) -> None:
        self._page_id = page_id if ok else ""
        edition = self._window.edition
        if edition.root != self._edition_root:
            self._edition_root = edition.root
            self._find_old()
        self._update()

    def follow_current(self) -> None:
        """Catch up with the page the window shows (it may have closed meanwhile: then nothing)."""
        import shiboken6

        if shiboken6.isValid(self._window) and shiboken6.isValid(self._window.page):
            self.page_shown(self._window.current_page_id() or "")

    def _find_old(self) -> None:
        window = self._window
        edition = window.edition
        self._old, self._old_date = None, ""
        try:
            editions = corpus_editions(window)
            before = read_before(window.userdata, edition.corpus_id, editions, edition_key(edition.manifest))
        except Exception:  # no banner is better than a broken window
            log.warning("cannot tell which edition was read before", exc_info=True)
            return
        if before is not None and before.path.resolve() != edition.root.resolve():
            self._old, self._old_date = before.path, before.edition_date

    def _diff(self) -> EditionDiff | None:
        if self._old is None or self._edition_root is None:
            return None
        return self.controller.request_diff(self._old, self._edition_root)

    def _diff_ready(self, _diff: EditionDiff) -> None:
        self._update()

    def _update(self) -> None:
        diff = self._diff() if self._page_id else None
        changed = diff is not None and diff.page_change(self._page_id) is not None
        if changed:
            self.label.setText(self.tr("Gewijzigd sinds editie %1").replace("%1", self._old_date))
            self.setAccessibleDescription(self.label.text())
        self.setVisible(changed)

    @property
    def since(self) -> Path | None:
        """The edition this page is compared with (None: no edition read before is installed)."""
        return self._old

    def open_changes(self) -> None:
        if self._old is not None and self._edition_root is not None:
            self.controller.show(self._old, self._edition_root, self._page_id or None)

    # -- texts --------------------------------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.button.setText(self.tr("Bekijk wijzigingen"))
        self.setAccessibleName(self.tr("Wijzigingen op deze pagina"))
        if self.isVisible():
            self._update()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def attach_banner(window: MainWindow) -> ChangeBanner:
    """Put the banner above the page (once) and let it follow the pages shown."""
    found = window.page_frame.findChild(ChangeBanner, "changeBanner")
    if isinstance(found, ChangeBanner):
        return found
    banner = ChangeBanner(window, window.page_frame)
    layout = window.page_frame.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(max(0, layout.indexOf(window.view)), banner)
    window.page_loaded.connect(banner.page_shown)
    page_id = window.current_page_id()
    if page_id:  # the page already shown, once the window is done with it (the library is listed then)
        QTimer.singleShot(0, banner, banner.follow_current)
    return banner
