"""What the reading tabs do to the window: opening (Ctrl+T, a link in a new tab), switching, closing, reopening, and
keeping them for the next start.

The window keeps one web view; a tab is the trail of corpus visits read in it (model.py). Leaving a tab stores
where it was (page, anchor, the view's history as bytes, the scroll position) in its trail; arriving makes its trail
the switcher's and shows it: in the same edition its page is loaded (the scroll position set after the load) while
its history waits in deferred.py until Back, Forward or a new page needs it; another corpus goes the switcher's way
back to a visit (`return_to`); a tab never shown opens its page with an empty history.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QBoxLayout

from reader.core import navigation
from reader.core.links import parse_reader_url
from reader.gui.library.switcher import restore_history, save_history
from reader.gui.library.trail import Visit
from reader.gui.tabs.bar import ReadingTabBar
from reader.gui.tabs.deferred import DeferredHistory
from reader.gui.tabs.model import Tab, TabSet
from reader.gui.tabs.start import KEY, restorable, saved_tabs

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.tabs")

SAVE_DELAY_MS = 1500  # as the window's position: a burst of changes is written once


class WindowTabs(QObject):
    def __init__(self, window: MainWindow, start_page: str | None) -> None:
        super().__init__(window)
        self._window = window
        self._scroll_after_load = 0.0
        self._arriving = False  # the arriving tab's page is not loaded yet: the view does not show that tab yet
        self._returning = False  # ... and it was shown before (`returning`)
        self.deferred = DeferredHistory(window)
        window.corpora.deferred = self.deferred
        window.page.before_navigation = self.deferred.before_navigation
        self.tabs = self._first_tabs(start_page)
        window.corpora.trail = self.tabs.current.trail
        self.bar = ReadingTabBar(window.page_frame)
        layout = window.page_frame.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.bar)  # above the message bar and the find bar
        self.bar.currentChanged.connect(self.activate)
        self.bar.close_requested.connect(self.close_tab)
        self.bar.tabMoved.connect(self._on_moved)
        window.page.new_tab_requested.connect(self.open_link)
        window.page_loaded.connect(self._on_page_loaded)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self.bar.language_changed.connect(self.retranslate)
        self.retranslate()

    def _first_tabs(self, start_page: str | None) -> TabSet:
        """The tabs of the last session (start.py loaded the active one when it could), with the window's own
        reading in the active tab: the restored one, else a new tab (a page asked for, another edition), else
        (nothing loaded yet: the library page, a test) the active tab starting over."""
        window = self._window
        ours = Tab(window.corpora.trail)
        saved = saved_tabs(window.preferences.current.extra)
        if saved is None:
            return TabSet(ours)
        visit = restorable(saved, window.edition.root) if start_page == "" else None
        if visit is not None:  # start.py is loading its page
            self.deferred.defer(visit.history)
            self._scroll_after_load = saved.current.scroll_y
            return saved
        if start_page is None:
            saved.tabs[saved.active] = ours
        else:
            saved.open(ours, activate=True, at=len(saved))
        return saved

    # -- asking
    @property
    def returning(self) -> bool:
        """The page loading is shown again by a switch back to its tab: no new reading of it. (A tab's first page,
        opened in the background, is read for the first time when the tab is first shown.)"""
        return self._arriving and self._returning

    def count(self) -> int:
        return len(self.tabs)

    def titles(self) -> list[str]:
        return [tab.title for tab in self.tabs.tabs]

    # -- commands
    def new_tab(self) -> None:
        """Ctrl+T: the home page of the corpus being read, in a new tab."""
        self.open_page(self._window.edition.home_page, None, background=False)

    def open_page(self, page_id: str, anchor: str | None, *, background: bool = True) -> None:
        """`page_id` of the edition being read in a new tab, right after the active one; in the background the
        message bar says so (with a button to go there)."""
        window = self._window
        if page_id not in window.edition.pages:
            window.open_page(page_id)  # says that the edition has no such page
            return
        tab = Tab.at(Visit(window.edition.corpus_id, window.edition.root, page_id, anchor or ""),
                     window.edition.pages[page_id].title)
        index = self.tabs.open(tab)
        if not background:
            self.activate(index)
            return
        self.sync_bar()
        self._save_timer.start()
        text = self.tr("Geopend in nieuw tabblad: %1").replace("%1", tab.title)
        window.feedback.show_message(text, action_text=self.tr("Tabblad tonen"),
                                     on_action=lambda: self._show(tab))

    def open_link(self, url: QUrl, background: bool = True) -> None:
        """A link the page asked to open in a new tab: a page of this edition becomes a tab; anything else goes the
        way a click on it would (the browser after confirmation, an attachment offered), never to a tab."""
        target = parse_reader_url(url.toString())
        if target is not None and target.kind == "page":
            self.open_page(target.path, target.anchor, background=background)
            return
        decision = navigation.decide(navigation.NavigationRequest(url.toString(), navigation.LINK_CLICKED))
        if decision is navigation.Decision.ASK_EXTERNAL:
            self._window.confirm_external_link(url)
        elif decision is navigation.Decision.ATTACHMENT:
            self._window.attachments.offer(url)
        else:
            log.warning("refused to open %s in a new tab", url.toString())

    def activate(self, index: int) -> None:
        if index == self.tabs.active or not 0 <= index < len(self.tabs):
            return
        self._leave()
        self._arrive(self.tabs.activate(index))

    def next_tab(self) -> None:
        self.activate(self.tabs.step(1))

    def previous_tab(self) -> None:
        self.activate(self.tabs.step(-1))

    def close_tab(self, index: int | None = None) -> None:
        """Ctrl+W, the close button, a middle-click. The last tab stays open: it goes to the home page, and the
        message bar says why the window did not close."""
        window = self._window
        index = self.tabs.active if index is None else index
        if not 0 <= index < len(self.tabs):
            return
        if index != self.tabs.active:
            self.tabs.close(index)
            self.sync_bar()
            self._save_timer.start()
            return
        self._leave()
        if self.tabs.close(index):
            self._arrive(self.tabs.current)
            return
        self.tabs.reset_current(Tab.at(Visit(window.edition.corpus_id, window.edition.root)))
        self._arrive(self.tabs.current)
        window.feedback.show_message(self.tr("Het laatste tabblad blijft open, op de startpagina"))

    def reopen_closed(self) -> None:
        """Ctrl+Shift+T: the tab closed last, where it stood, as it was."""
        if not self.tabs.closed:
            self._window.feedback.show_message(self.tr("Geen gesloten tabblad om te heropenen"))
            return
        self._leave()
        self.tabs.reopen()
        self._arrive(self.tabs.current)

    # -- switching
    def _show(self, tab: Tab) -> None:
        if tab in self.tabs.tabs:
            self.activate(self.tabs.tabs.index(tab))

    def _leave(self) -> None:
        """Store where the active tab is: its visit as the switcher would leave it, and the scroll position."""
        window = self._window
        tab = self.tabs.current
        if window.page.url().isEmpty() or self._arriving:
            return  # the view does not show this tab yet: the tab keeps what it had
        tab.trail.visits[tab.trail.index] = window.corpora.leaving()
        tab.scroll_y = window.page.scrollPosition().y()

    def _arrive(self, tab: Tab) -> None:
        window = self._window
        corpora = window.corpora
        corpora.trail = tab.trail
        corpora.show_reading()
        visit = tab.trail.current
        self._scroll_after_load = tab.scroll_y
        self._arriving = True
        self._returning = bool(visit.history)  # left before: the view showed it, and its history was kept
        self.deferred.clear()
        if visit.edition_root == window.edition.root:
            if visit.history and visit.page_id and self.deferred.defer(visit.history):
                # Its page as any page (the scroll position follows the load), its history kept for later.
                corpora.open_first(visit.page_id, None if tab.scroll_y else visit.anchor or None)
            elif visit.history and visit.page_id:
                restore_history(window, visit.history)  # a stream this reader cannot read the head of: Qt can
            else:
                corpora.open_first(visit.page_id or None, visit.anchor or None)
        else:
            corpora.return_to(visit)
            if window.edition.corpus_id != visit.corpus_id:  # its corpus is gone: the tab starts over here
                tab.trail.replace_current(Visit(window.edition.corpus_id, window.edition.root))
                corpora.open_first(None, None)
        self.sync_bar()
        window.update_history_actions()
        self._save_timer.start()

    def _on_page_loaded(self, page_id: str, ok: bool) -> None:
        window = self._window
        self._arriving = False
        if ok:
            self.deferred.arm()
            window.update_history_actions()  # Back may now reach into the tab's waiting history
        info = window.edition.pages.get(page_id)
        if info is not None and info.title != self.tabs.current.title:
            self.tabs.current.title = info.title
            self.bar.set_title(self.tabs.active, info.title, self._close_label())
        scroll, self._scroll_after_load = self._scroll_after_load, 0.0
        if ok and scroll > 0:
            # Chromium restores the scroll of a history entry only when the renderer reported it in time. Asked in
            # the page, not of page.scrollPosition(): that is the renderer's last report, which after a switch can
            # still be the position of the page shown before.
            from reader.gui.view import WORLD

            window.page.runJavaScript(f"if (window.scrollY < 1) window.scrollTo(0, {scroll:.0f})", WORLD)
        if len(self.tabs) > 1:
            self._save_timer.start()

    def _on_moved(self, source: int, target: int) -> None:
        self.tabs.move(source, target)
        self._save_timer.start()

    # -- the bar
    def _close_label(self) -> str:
        return self.tr("Tabblad sluiten: %1")

    def sync_bar(self, *, relabel: bool = False) -> None:
        self.bar.set_titles(self.titles(), self.tabs.active, self._close_label(), relabel=relabel)

    def retranslate(self) -> None:
        self.bar.setAccessibleName(self.tr("Tabbladen"))
        self.sync_bar(relabel=True)

    # -- for the next start
    def save(self) -> None:
        """Into the preferences, with the active tab as it is now; a single tab is not kept (a start then opens
        the last page read, as it always did)."""
        self._save_timer.stop()
        window = self._window
        prefs = window.preferences
        extra = dict(prefs.current.extra)
        if len(self.tabs) > 1 and not window.page.url().isEmpty():
            visit = self.tabs.current.trail.current.left_at(
                window.current_page_id() or "", window.current_anchor or "", self.deferred.peek(save_history(window))
            )
            self.tabs.current.scroll_y = window.page.scrollPosition().y()
            extra[KEY] = self.tabs.to_data(visit)
        elif KEY in extra:
            del extra[KEY]
        else:
            return
        prefs.update(extra=extra)
