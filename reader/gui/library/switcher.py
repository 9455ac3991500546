"""Switching corpus in one window: every part that belongs to an edition follows the new one, and Back/Forward
cross corpora through the window's trail (trail.py).

What follows the edition: the scheme handler's root (one handler serves the edition being read), attachments, the
contents and relations trees, section and print commands, the search index, bookmarks, history and checklists (the
one UserData store works on the new corpus: `use_corpus`), the edition label and title, and the last page read,
remembered per corpus. The web view's history of the corpus left is saved with its visit; after the first page of
the new corpus it is cleared, so that it never holds pages of two corpora (their addresses look alike).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QObject, QTimer, Signal

from reader.core.edition import Edition, EditionError
from reader.gui.library.rows import remember_position
from reader.gui.library.trail import CORPUS, PAGE, CorpusTrail, Visit, back_step, forward_step
from reader.gui.searchindex import LazySearchIndex

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.gui.library.page import LibraryPage
    from reader.gui.mainwindow import MainWindow
    from reader.gui.tabs.deferred import DeferredHistory

log = logging.getLogger("reader.library")


class CorpusSwitcher(QObject):
    """The window's corpus: switch, back and forward across corpora, the last page read per corpus, and the
    library page in the window's stack (over the page)."""

    switched = Signal(str)  # corpus id, once every part follows the new edition (its first page is loading)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.trail = CorpusTrail(Visit(window.edition.corpus_id, window.edition.root))
        self._prune_on_load = False
        self._anchor_after_load: str | None = None
        self.library: Library | None = None  # the installed corpora; `get_library()` lists them when first asked
        self.deferred: DeferredHistory | None = None  # the active tab's history not in the view yet (reader/gui/tabs)
        window.page.loadFinished.connect(self._on_load_finished)

    # -- the library
    def get_library(self) -> Library:
        if self.library is None:
            from reader.library import default_library

            self.library = default_library()
        return self.library

    def open_corpus(self, corpus_id: str, page_id: str | None = None, anchor: str | None = None) -> bool:
        """Switch to the newest edition of `corpus_id` (its `page_id`, else the page last read there)."""
        shelf = self.get_library().shelf(corpus_id)
        if shelf is None:
            text = self.tr("Deze richtlijnen staan niet (meer) in de bibliotheek: %1")
            self._window.feedback.show_message(text.replace("%1", corpus_id), error=True)
            return False
        return self.switch_to(shelf.current.path, page_id, anchor)

    def show_library(self, *, fill_soon: bool = False) -> LibraryPage:
        """The library page over the page (built when first shown, listed afresh each time). `fill_soon`: list it
        once the event loop runs (a start on the library page shows the window first: sizes walk the editions)."""
        window = self._window
        if window.library_page is None:
            from reader.gui.library.library_buttons import add_library_buttons
            from reader.gui.library.page import LibraryPage

            window.library_page = LibraryPage(window, self, window.stack)
            add_library_buttons(window, window.library_page)  # "Richtlijnen toevoegen...", "Wat is er veranderd"
            window.stack.addWidget(window.library_page)
        if fill_soon:
            QTimer.singleShot(0, window.library_page.refresh)
        else:
            window.library_page.refresh()
        window.stack.setCurrentWidget(window.library_page)
        window.library_page.focus_list()
        window.edition_changed(switched=False)
        window.update_history_actions()
        return window.library_page

    def show_reading(self) -> None:
        window = self._window
        if window.stack.currentWidget() is not window.page_frame:
            window.stack.setCurrentWidget(window.page_frame)
            window.edition_changed(switched=False)
            window.update_history_actions()

    def library_shown(self) -> bool:
        window = self._window
        return window.library_page is not None and window.stack.currentWidget() is window.library_page

    # -- asking
    def can_back(self) -> bool:
        if self.library_shown() and self._page_shown():
            return True  # Back leaves the library page for the page behind it
        return back_step(self._page_can_back(), self.trail) is not None

    def _page_shown(self) -> bool:
        return not self._window.page.url().isEmpty()

    def can_forward(self) -> bool:
        return forward_step(self._page_can_forward(), self.trail) is not None

    def _page_can_back(self) -> bool:
        return self._window.page.history().canGoBack() or (self.deferred is not None and self.deferred.can_back())

    def _page_can_forward(self) -> bool:
        deferred = self.deferred
        return self._window.page.history().canGoForward() or (deferred is not None and deferred.can_forward())

    # -- moving
    def switch_to(
        self, edition_root: Path, page_id: str | None = None, anchor: str | None = None, *, replace: bool = False
    ) -> bool:
        """Read the edition at `edition_root`: its `page_id`, else the last page read in its corpus, else its home.
        The same edition: just the page. False (and a message) when the edition cannot be opened. `replace`: no
        step in the trail (the edition read was removed; Back must not lead there)."""
        window = self._window
        if Path(edition_root) == window.edition.root:
            window.open_start_page(page_id, anchor)
            return True
        edition = self._open(edition_root)
        if edition is None:
            return False
        arriving = Visit(edition.corpus_id, edition.root)
        if replace or edition.corpus_id == window.edition.corpus_id or not self._page_shown():
            # No new step: the same corpus, the one read is gone, or nothing was read yet (started on the library).
            self.trail.replace_current(arriving)
        else:
            self.trail.switch(self._leaving(), arriving)
        self._apply(edition)
        self._open_first(page_id, anchor)
        return True

    def back(self) -> None:
        if self.library_shown() and self._page_shown():
            self.show_reading()  # the page read before the library page was opened
            return
        self.show_reading()
        step = back_step(self._page_can_back(), self.trail)
        if step == PAGE and not self._window.page.history().canGoBack() and self.deferred is not None:
            self.deferred.go(-1)
        elif step == PAGE:
            self._window.view.back()
        elif step == CORPUS:
            self._return_to(self.trail.back(self._leaving()))

    def forward(self) -> None:
        self.show_reading()
        step = forward_step(self._page_can_forward(), self.trail)
        if step == PAGE and not self._window.page.history().canGoForward() and self.deferred is not None:
            self.deferred.go(1)
        elif step == PAGE:
            self._window.view.forward()
        elif step == CORPUS:
            self._return_to(self.trail.forward(self._leaving()))

    def remember_position(self, page_id: str, anchor: str) -> None:
        """The last page read: per corpus (for switching back), and as the window's last page (for the next start)."""
        prefs = self._window.preferences
        extra = remember_position(prefs.current.extra, self._window.edition.corpus_id, page_id, anchor)
        prefs.update(last_page=page_id, last_anchor=anchor, extra=extra)

    # -- for the tabs (reader/gui/tabs): a tab leaves and another arrives as a step of the trail would
    def leaving(self) -> Visit:
        return self._leaving()

    def return_to(self, visit: Visit) -> None:
        self._return_to(visit)

    def open_first(self, page_id: str | None, anchor: str | None) -> None:
        self._open_first(page_id, anchor)

    # -- inside
    def _open(self, edition_root: Path) -> Edition | None:
        try:
            return Edition.open(Path(edition_root))
        except EditionError as exc:
            from reader.messages import describe

            log.warning("cannot switch to %s: %s", edition_root, exc.code)
            self._window.feedback.show_message(describe(exc), 8000, error=True)
            return None

    def _leaving(self) -> Visit:
        window = self._window
        history = save_history(window) if self.deferred is None else self.deferred.take(save_history(window))
        return self.trail.current.left_at(window.current_page_id() or "", window.current_anchor or "", history)

    def _return_to(self, visit: Visit) -> None:
        """Back or forward onto another corpus's visit: its edition (the newest of the corpus when that one was
        removed meanwhile), its web history restored, or its page opened."""
        edition = self._open(visit.edition_root) if visit.edition_root.is_dir() else self._newest_of(visit.corpus_id)
        if edition is None:
            return
        self._apply(edition)
        if visit.history and visit.page_id and edition.root == visit.edition_root:
            restore_history(self._window, visit.history)
        else:
            self._open_first(visit.page_id or None, visit.anchor or None)

    def _open_first(self, page_id: str | None, anchor: str | None) -> None:
        """The first page after a switch, loaded afresh: the address shown may be the same as the new page's, and
        a fragment-only change would not load it (the anchor is scrolled to after the load instead)."""
        window = self._window
        page_id, anchor = window.start_target(page_id, anchor)
        if anchor and page_id == window.current_page_id():
            self._anchor_after_load, anchor = anchor, None
        self._prune_on_load = True
        window.open_page(page_id, anchor)

    def _newest_of(self, corpus_id: str) -> Edition | None:
        shelf = self.get_library().shelf(corpus_id)
        return self._open(shelf.current.path) if shelf is not None else None

    def _apply(self, edition: Edition) -> None:
        """Every part of the window follows `edition`."""
        window = self._window
        window.save_position()  # the corpus being left keeps its last page
        window.edition = edition
        window.locked_profile.handler.edition_root = edition.root
        # Every corpus has the same addresses: the engine's copies of the corpus left (an image at the same path
        # shown in place of this corpus's own, also by the renderer's memory cache) go.
        window.locked_profile.profile.clearHttpCache()
        window.attachments.edition_root = edition.root
        window.contents.set_nav(edition.nav)
        window.relations.edition = edition
        window.sections.set_edition(edition)
        window.print_commands.set_edition(edition)
        window.highlighter.clear()
        window.findbar.close_bar()
        from reader.core.userdata import UserDataError, edition_key  # the store's package: not before the first page

        try:
            window.userdata.use_corpus(edition.corpus_id)
            window.userdata.mark_edition_opened(edition.corpus_id, edition_key(edition.manifest))
        except UserDataError as err:  # read-only profile: reading goes on
            log.info("user data of %s: %s", edition.corpus_id, err.code)
        panels = window.late_panels()
        if panels is not None:
            if window.search_engine is not None:
                window.search_engine.close()
            window.search_engine = LazySearchIndex(edition.index_dir) if edition.index_dir.is_dir() else None
            window.search_warmed = False
            if window.search_scope is not None:
                window.search_scope.corpus_changed()  # a search across the library stays as it is
            else:
                panels.search_panel.set_engine(window.search_engine)
            panels.bookmarks.set_edition(edition.pages.keys(), window.sections.section_hash)
            panels.history.set_page_ids(edition.pages.keys())
        window.edition_changed()
        self.switched.emit(edition.corpus_id)

    def _on_load_finished(self, ok: bool) -> None:
        anchor, self._anchor_after_load = self._anchor_after_load, None
        if anchor and ok:
            self._window.scroll_to_anchor(anchor)
        if self._prune_on_load and ok:
            self._prune_on_load = False
            # The first page of the new corpus is current: every entry before it belongs to the corpus left.
            self._window.page.history().clear()
            self._window.update_history_actions()


def save_history(window: MainWindow) -> bytes:
    data = QByteArray()
    stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream << window.page.history()
    return bytes(data.data())


def restore_history(window: MainWindow, state: bytes) -> None:
    """Qt reads the history back and loads its current entry."""
    data = QByteArray(state)  # kept in a name: the stream does not keep its buffer alive
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream >> window.page.history()
