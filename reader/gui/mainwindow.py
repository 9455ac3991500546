"""The main window: builds the page view, the sidebar and the commands around them, and follows the page shown.

The commands live by job in their own modules and get what they work on: printing.py (print, PDF), sections.py
(section links, bookmarks, the star), appearance.py (theme, language), focus.py (F6, Tab, the page frame's ring),
zoom.py, sidebar/tabs.py and rail.py, breadcrumb.py (the page's place, above it), outlinepanel.py ("Op deze pagina"
beside the page when there is room), feedback.py (the message bar every command answers in, the title),
windowstate.py (fits the screen), latepanels.py (search, bookmarks, history), library/ (other corpora: switching,
Back/Forward across them, the library page), tabs/ (reading tabs: each a trail of visits, shown in the one view);
actions.py is the table that binds them to menus and keys.

Every visible string of the window is set in `_retranslate()` so that switching the language (a new QTranslator,
then Qt's LanguageChange event) relabels the whole window at once.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.edition import Edition
from reader.core.links import EXTERNAL_SCHEMES, page_url, parse_reader_url
from reader.gui import contextmenu, firstpage, lazy_userdata, searching
from reader.gui.attachments import AttachmentController
from reader.gui.feedback import MessageBar, ask_open_external, open_in_browser, window_title
from reader.gui.latepanels import LatePanels, build_late_panels, fill_recent_menu
from reader.gui.searchindex import LazySearchIndex
from reader.gui.settings import PreferenceStore
from reader.gui.view import WORLD, ReaderView

if TYPE_CHECKING:
    from PySide6.QtWebChannel import QWebChannel
    from PySide6.QtWebEngineCore import QWebEngineContextMenuRequest
    from PySide6.QtWidgets import QTabWidget

    from reader.core.userdata import UserData
    from reader.gui.checklist import ChecklistController
    from reader.gui.findbar import FindBar
    from reader.gui.firstpage import FirstPage
    from reader.gui.i18n import Translations
    from reader.gui.library.page import LibraryPage
    from reader.gui.library.scope import SearchScope
    from reader.gui.library.switcher import CorpusSwitcher
    from reader.gui.page import ReaderPage
    from reader.gui.profile import LockedProfile
    from reader.gui.sidebar.bookmarks import BookmarksPanel
    from reader.gui.sidebar.contents import ContentsTree
    from reader.gui.sidebar.history import HistoryPanel
    from reader.gui.sidebar.outline import OutlineTree
    from reader.gui.sidebar.relations import RelationsTree
    from reader.gui.sidebar.search import SearchField, SearchPanel
    from reader.gui.sidebar.tabs import SidebarTabs
    from reader.gui.view import PageBridge

log = logging.getLogger("reader.window")


class MainWindow(QMainWindow):
    page: ReaderPage  # these four by firstpage.adopt
    bridge: PageBridge
    channel: QWebChannel
    checklists: ChecklistController
    findbar: FindBar
    # Made by build_sidebar (sidebar/tabs.py).
    sidebar: QTabWidget
    contents: ContentsTree
    outline: OutlineTree
    relations: RelationsTree
    sidebar_tabs: SidebarTabs

    page_loaded = Signal(str, bool)  # page id, ok
    heading_changed = Signal(str)  # anchor of the heading the reader is at
    pdf_exported = Signal(str, bool)  # path, ok

    def __init__(
        self,
        edition: Edition,
        web_profile: LockedProfile,
        profile_dir: Path,
        parent: QWidget | None = None,
        *,
        preferences: PreferenceStore | None = None,
        translations: Translations | None = None,
        system_palette: QPalette | None = None,
        userdata: UserData | None = None,
        start_page: str | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
        super().__init__(parent)
        self._texts_ready = False  # LanguageChange can arrive before the actions and menus exist
        self.locked_profile = web_profile
        # The palette the system gave, before any theme replaced it (the "system" theme goes back to it).
        self.system_palette = QPalette(system_palette) if system_palette is not None else QApplication.palette()
        self.edition: Edition = edition
        self.profile_dir = Path(profile_dir)
        self.preferences = preferences or PreferenceStore(self.profile_dir)
        self.translations = translations
        self.userdata = userdata or lazy_userdata.open_store(self.profile_dir, edition.corpus_id)  # app.py's is lazy
        self.current_anchor: str | None = None
        # Made after the first page is shown (`_ensure_panels`).
        self.search_field: SearchField | None = None
        self.search_panel: SearchPanel | None = None
        self.bookmarks: BookmarksPanel | None = None
        self.history: HistoryPanel | None = None
        self.search_scope: SearchScope | None = None
        self._shown_page: str | None = None  # the page the sidebar and title last followed
        self._closed = False
        self.search_warmed = False
        self.library_page: LibraryPage | None = None  # built when first shown
        self.setObjectName("mainWindow")
        from reader.gui.appearance import set_start_palette

        set_start_palette(self.preferences, self.system_palette)

        # The view is born inside its frame, the frame in the stack that also holds the library page: moving a
        # QWebEngineView to a new parent later costs ~50 ms.
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")
        self.page_frame = QFrame(self.stack)
        self.stack.addWidget(self.page_frame)
        self.page_frame.setObjectName("pageFrame")
        self.view: ReaderView = ReaderView(self.page_frame)
        # The first page may be loading already (firstpage.py): the view adopts it, with its scripts' objects.
        self.page, self.bridge, self.channel, self.checklists = firstpage.adopt(self, web_profile, first_page)
        self.page.external_link_requested.connect(self.confirm_external_link)
        self.attachments = AttachmentController(self.page, edition.root, self)
        self.page.loadFinished.connect(self._on_load_finished)
        self.page.urlChanged.connect(self._on_url_changed)
        self.page.linkHovered.connect(self._on_link_hovered)
        self.view.context_menu_requested.connect(self._show_context_menu)
        self.bridge.heading_changed.connect(self._on_heading_changed)
        self.feedback = MessageBar(self.page_frame)  # every command answers here, above the page
        self.checklists.save_failed.connect(lambda message: self.feedback.show_message(message, 8000, error=True))
        self.attachments.message.connect(lambda message: self.feedback.show_message(message, 8000))
        self.checklists.ticked.connect(self._on_checklist_progress)  # a tick answers; the page shows its own count
        self._ready = False
        # What the page reported before the window was whole (firstpage.py): its load and heading, handled then.
        self._early = (first_page.finished, first_page.heading) if first_page is not None else (None, None)
        self._initial_url: str | None = first_page.url if first_page is not None else None
        self._first_load_done = False
        self._turn()
        if start_page is not None and first_page is None:
            # Everything the page needs (scripts, channel) is in place: start loading now, build the rest meanwhile.
            from reader.gui.tabs.start import start_first_page  # the last session's active tab, else as before

            start_first_page(self, start_page)
            self._initial_url = self.page.requestedUrl().toString() or None
        # Imported only now: the renderer process starts meanwhile, so the first page does not wait for them.
        from reader.gui.actions import build_actions
        from reader.gui.appearance import Appearance
        from reader.gui.findbar import FindBar
        from reader.gui.focus import PaneFocus
        from reader.gui.highlight import Highlighter
        from reader.gui.printing import PrintCommands
        from reader.gui.sections import SectionCommands
        from reader.gui.sidebar.tabs import build_sidebar
        from reader.gui.windowstate import WindowState
        from reader.gui.zoom import PageZoom

        self.findbar = FindBar(self.page, self.page_frame)
        self._turn()
        frame_layout = QVBoxLayout(self.page_frame)
        frame_layout.setContentsMargins(2, 2, 2, 2)
        frame_layout.setSpacing(0)
        frame_layout.addWidget(self.feedback)
        frame_layout.addWidget(self.findbar)
        frame_layout.addWidget(self.view, 1)
        from reader.gui.breadcrumb import attach_breadcrumb

        self.breadcrumb = attach_breadcrumb(self, frame_layout)  # the page's place in the navigation, above it
        self._turn()

        build_sidebar(self)  # self.sidebar with the contents, outline and relations trees
        self._turn()
        # Search, bookmarks and history are built right after the first page is shown (`_ensure_panels`): the first
        # page never waits for them.
        self._panels: LatePanels | None = None
        self.search_engine: LazySearchIndex | None = None
        self.highlighter = Highlighter(self.page, self)
        self.page_loaded.connect(self.highlighter.page_loaded)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 880])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        # Every command, menu and the toolbar come from one table (reader/gui/actions.py).
        self.commands = build_actions(self, self.menuBar())
        self._turn()
        actions, menus = self.commands.actions, self.commands.menus
        self.back_action = actions["back"]
        self.forward_action = actions["forward"]
        self.home_action = actions["home"]
        self.print_action = actions["print"]
        self.export_pdf_action = actions["exportPdf"]
        self.quit_action = actions["quit"]
        self.bookmark_action = actions["bookmarkPage"]
        self.bookmark_section_action = actions["bookmarkSection"]
        self.copy_action = actions["copy"]
        self.copy_link_action = actions["copyLink"]
        self.find_action = actions["find"]
        self.find_next_action = actions["findNext"]
        self.find_previous_action = actions["findPrevious"]
        self.zoom_in_action = actions["zoomIn"]
        self.zoom_out_action = actions["zoomOut"]
        self.zoom_reset_action = actions["zoomReset"]
        self.toggle_sidebar_action = actions["toggleSidebar"]
        self.focus_cycle_action = actions["focusCycle"]
        self.shortcuts_action = actions["showShortcuts"]
        self.about_action = actions["about"]
        self.focus_page_action = actions["focusPage"]
        self.theme_group = self.commands.action_groups["theme"]
        self.theme_actions = self.commands.groups["theme"]
        self.language_group = self.commands.action_groups["language"]
        self.language_actions = self.commands.groups["language"]
        self.file_menu = menus["file"]
        self.edit_menu = menus["edit"]
        self.view_menu = menus["view"]
        self.theme_menu = menus["theme"]
        self.language_menu = menus["language"]
        self.sidebar_menu = menus["sidebar"]
        self.go_menu = menus["go"]
        self.recent_menu = menus["recent"]
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.bookmarks_menu = menus["bookmarks"]
        self.help_menu = menus["help"]
        self.toolbar = self.commands.toolbar
        self.sidebar_tabs.attach(self.sidebar_menu, self.toggle_sidebar_action)

        self._edition_label = QLabel(self)
        self._edition_label.setObjectName("editionLabel")
        self._edition_label.setTextFormat(Qt.TextFormat.PlainText)  # the corpus title is text, never markup
        self.statusBar().addPermanentWidget(self._edition_label)  # and the hovered link's address
        # The window's commands by job; each gets what it works on.
        self.print_commands: PrintCommands = PrintCommands(
            self, self.view, self.page, self.feedback, edition, self.current_page_id
        )
        self.print_commands.pdf_exported.connect(self.pdf_exported)
        self.sections: SectionCommands = SectionCommands(
            edition, self.userdata, self, lambda: self._ensure_panels().bookmarks, self.bookmark_action, self.feedback
        )
        self.appearance: Appearance = Appearance(
            self.preferences, self.page, self.system_palette, translations, self.theme_actions,
            self.language_actions, self.commands,
        )
        self.pane_focus: PaneFocus = PaneFocus(self.sidebar, self.view, self.findbar, self.page_frame)
        self.zoom: PageZoom = PageZoom(self.view, self.preferences, self.feedback)
        self.view.zoom_requested.connect(self.zoom.step)
        from reader.gui.library.switcher import CorpusSwitcher

        self.corpora: CorpusSwitcher = CorpusSwitcher(self)  # switching corpus, Back/Forward across corpora
        self._turn()
        self.view.history_requested.connect(lambda step: self.corpora.back() if step < 0 else self.corpora.forward())
        from reader.gui.tabs.controller import WindowTabs

        self.tabs: WindowTabs = WindowTabs(self, start_page)  # reading tabs, each with its own trail of visits
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(1500)
        self._save_timer.timeout.connect(self.save_position)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self._texts_ready = True
        self._retranslate()
        self.window_state = WindowState(self.profile_dir)
        self._restore_state()
        self._turn()
        from reader.gui.outlinepanel import attach_outline_panel

        self.outline_place = attach_outline_panel(self)  # "Op deze pagina" beside the page on a wide window
        self._ready = True
        load, heading = self._early  # what the page reported while the window was being built, in order
        if heading is not None:
            self._on_heading_changed(heading)
        if load is not None:
            QTimer.singleShot(0, lambda: self._on_load_finished(load))  # page_loaded once the caller listens
        if self.page.url().isValid() and not self.page.url().isEmpty():
            self._on_url_changed(self.page.url())

    # -- commands ---------------------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.commands.retranslate()
        self.sidebar_tabs.retranslate()
        self.toolbar.setWindowTitle(self.tr("Navigatie"))
        self.toolbar.setAccessibleName(self.tr("Navigatie"))
        self.sidebar.setAccessibleName(self.tr("Zijbalk"))
        self.view.setAccessibleName(self.tr("Pagina"))
        self._edition_label.setText(self._edition_text())
        self._edition_label.setAccessibleName(self.tr("Editie"))
        if self.search_scope is not None:
            self.search_scope.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange and self._texts_ready:
            self._retranslate()
        super().changeEvent(event)

    # -- navigation -------------------------------------------------------------------------------------------
    def open_page(self, page_id: str, anchor: str | None = None) -> None:
        if not self._first_load_done and self._initial_url == page_url(page_id, anchor):
            return  # already on its way (started while the window was built)
        if self.stack.currentWidget() is not self.page_frame:
            self.corpora.show_reading()  # from the library page
        if page_id not in self.edition.pages:
            log.warning("no page %r in this edition", page_id)
            text = self.tr("Deze pagina staat niet in deze editie: %1")
            self.feedback.show_message(text.replace("%1", page_id), error=True)
            return
        # Shown and of this edition (after a switch of corpus the same address is another page): just scroll.
        if anchor and page_id == self.current_page_id() == self._shown_page and self.page.url().isValid():
            self.scroll_to_anchor(anchor)
            return
        self.view.load(QUrl(page_url(page_id, anchor)))

    def open_start_page(self, page_id: str | None = None, anchor: str | None = None) -> str:
        page_id, anchor = self.start_target(page_id, anchor)
        self.open_page(page_id, anchor)
        return page_id

    def start_target(self, page_id: str | None = None, anchor: str | None = None) -> tuple[str, str | None]:
        """The first page: the one asked for, else the last page read in this corpus, else home."""
        return firstpage.start_target(self.edition, self.preferences, page_id, anchor)

    def go_home(self) -> None:
        self.open_page(self.edition.home_page)

    def current_page_id(self) -> str | None:
        target = parse_reader_url(self.page.url().toString())
        return target.path if target and target.kind == "page" else None

    def scroll_to_anchor(self, anchor: str) -> None:
        self.page.runJavaScript(
            f"(window.rlReader ? window.rlReader.scrollTo({json.dumps(anchor)}) : false)", WORLD
        )
        self.outline.set_current(anchor)
        self.current_anchor = anchor
        self._save_timer.start()

    def _on_url_changed(self, url: QUrl) -> None:
        if not self._ready:
            return  # a load started while the window was being built; synced at the end of __init__
        self.update_history_actions()
        page_id = self.current_page_id()
        if page_id is None or page_id == self._shown_page:
            return
        self._shown_page = page_id
        self.contents.select_page(page_id)
        self.breadcrumb.show_page(page_id)
        info = self.edition.pages.get(page_id)
        self.outline.set_headings(info.headings if info else ())
        self.relations.show_page(page_id)
        self.current_anchor = None
        self._update_title()
        self.sections.update_star()

    def update_history_actions(self) -> None:
        """Back and Forward: the page history of this corpus, then the corpora read before and after."""
        self.back_action.setEnabled(self.corpora.can_back())
        self.forward_action.setEnabled(self.corpora.can_forward())

    # -- the library: other corpora (reader/gui/library/switcher.py) ------------------------------------------
    def open_corpus(self, corpus_id: str, page_id: str | None = None) -> bool:
        return self.corpora.open_corpus(corpus_id, page_id)

    def edition_changed(self, *, switched: bool = True) -> None:
        """Label and title again; `switched`: to another edition (the sidebar follows its next page)."""
        if switched:
            self._shown_page = None
        self._edition_label.setText(self._edition_text())
        self._update_title()

    def _turn(self) -> None:
        """Between building steps: a turn for the web engine while the first page loads (firstpage.py)."""
        if self._initial_url is not None and not self._ready:
            firstpage.let_engine_run()

    def _on_load_finished(self, ok: bool) -> None:
        if not self._ready:
            self._early = (ok, self._early[1])
            return
        self._first_load_done = True
        self.view.watch_input_widget()
        page_id = self.current_page_id() or ""
        self._on_url_changed(self.page.url())
        if ok:
            self.zoom.reapply()
            if page_id:
                self._save_timer.start()
            if page_id and not self.tabs.returning:  # a switch back to a tab shows its page again: no new visit
                # After the signal: the history write (an fsync) must not delay the page being shown.
                QTimer.singleShot(0, lambda p=page_id, e=self.edition: self._record_visit(p, e))
        self.page_loaded.emit(page_id, ok)
        self._ensure_panels()
        from reader.gui.accessibility import name_widgets  # clear buttons and the menu bar, panels built or not

        name_widgets(self)
        from reader.gui.library.banner import attach_banner  # "Gewijzigd sinds editie ..." above a changed page

        attach_banner(self)

    def _on_heading_changed(self, anchor: str) -> None:
        if not self._ready:
            self._early = (self._early[0], anchor)
            return
        self.current_anchor = anchor or None
        self.outline.set_current(anchor or None)
        self._save_timer.start()
        self.heading_changed.emit(anchor)

    def _on_link_hovered(self, url: str) -> None:
        if not url:
            self.statusBar().clearMessage()
            return
        target = parse_reader_url(url)
        if target is not None and target.kind == "page" and target.path in self.edition.pages:
            self.statusBar().showMessage(self.edition.pages[target.path].title)
        else:
            self.statusBar().showMessage(url)

    def _update_title(self) -> None:
        if self.library_page is not None and self.stack.currentWidget() is self.library_page:
            self.setWindowTitle(self.tr("Bibliotheek \u2014 Richtlijnenlezer"))
            return
        info = self.edition.pages.get(self.current_page_id() or "")
        self.setWindowTitle(window_title(info, self.tr("Richtlijnenlezer"), self.edition.title))

    # -- external links ---------------------------------------------------------------------------------------
    def ask_open_external(self, url: QUrl) -> bool:
        """Show the address and ask; a separate method so that tests can answer for the user."""
        return ask_open_external(self, url)

    def confirm_external_link(self, url: QUrl) -> bool:
        """Open a web link in the system browser, only after the user saw the address and agreed."""
        if url.scheme().lower() not in EXTERNAL_SCHEMES:
            log.warning("refused to open %s outside the reader", url.toString())
            return False
        return self.ask_open_external(url) and open_in_browser(url, self.feedback)

    # -- context menus ---------------------------------------------------------------------------------------
    def build_context_menu(self, request: QWebEngineContextMenuRequest | None) -> QMenu:
        return contextmenu.build_page_menu(self, request)

    def _show_context_menu(self, request: QWebEngineContextMenuRequest | None, pos: QPoint) -> None:
        self.build_context_menu(request).popup(pos)

    def _outline_context_menu(self, pos: QPoint) -> None:
        contextmenu.show_outline_menu(self, pos)

    # -- panels built after the first page ---------------------------------------------------------------------
    def _ensure_panels(self) -> LatePanels:
        """Build the search field and panel, bookmarks and history (once). Called right after the first page is
        shown, and by anything that needs them earlier."""
        if self._panels is None:
            self._panels = build_late_panels(self)
            self.restore_tab()
        return self._panels

    def late_panels(self) -> LatePanels | None:
        return self._panels

    def is_closed(self) -> bool:
        return self._closed

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(self, self._ensure_panels())

    # -- search (reader/gui/searching.py) ------------------------------------------------------------------------
    def on_search_typed(self, text: str) -> None:
        searching.show_results(self, text)

    def open_search_result(self, page_id: str, anchor: str, terms: list[str]) -> None:
        searching.open_result(self, page_id, anchor, terms)

    # -- user data: bookmarks, history, checklists ---------------------------------------------------------------
    def checklist_texts(self, page_id: str) -> tuple[str, ...] | None:
        info = self.edition.pages.get(page_id)
        return info.checklist if info is not None and info.checklist else None

    def _record_visit(self, page_id: str, edition: Edition) -> None:
        if self._closed or edition is not self.edition:
            return  # the window switched corpus meanwhile: the visit belongs to a corpus no longer read
        history = self._ensure_panels().history
        info = self.edition.pages.get(page_id)
        history.record_visit(page_id, info.title if info else page_id)

    def _on_checklist_progress(self, page_id: str, done: int, total: int) -> None:
        if page_id == self.current_page_id() and total:
            text = self.tr("Checklist: %1 van %2 gedaan").replace("%1", str(done)).replace("%2", str(total))
            self.feedback.show_message(text)

    # The window's scripting surface (tests, the smoke test); menus and keys call the helpers directly.
    def bookmark_section(self, anchor: str | None = None) -> None:
        self.sections.bookmark_section(anchor)

    def copy_section_link(self, anchor: str | None = None) -> str:
        return self.sections.copy_section_link(anchor)

    def footer_text(self) -> str:
        return self.print_commands.footer_text()

    def export_pdf(self, path: Path) -> None:
        """Write the current page as PDF to `path`; `pdf_exported(path, ok)` follows."""
        self.print_commands.export_pdf(path)

    def set_theme(self, choice: str) -> str:
        return self.appearance.set_theme(choice)

    # -- find ---------------------------------------------------------------------------------------------------
    def open_find_bar(self) -> None:
        self.findbar.open_with_selection()

    def focus_page(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- help -------------------------------------------------------------------------------------------------------
    def shortcuts_text(self) -> str:
        """Every command that has a key, as an HTML table (built from the actions, so it never goes stale)."""
        from reader.gui import help as help_windows

        return help_windows.shortcuts_text(self.menuBar(), self.actions())

    def about_text(self) -> str:
        from reader.gui import help as help_windows

        return help_windows.about_text(self.edition)

    # -- keyboard ---------------------------------------------------------------------------------------------
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new is self.search_field and not self.search_warmed:
            # The reader is about to search: open the index now (Whoosh costs memory only for those who search).
            self.search_warmed = True
            QTimer.singleShot(0, lambda: searching.warm_index(self))
        self.pane_focus.mark_page_frame(new)

    # -- state ------------------------------------------------------------------------------------------------
    def show_first(self) -> None:
        """Show the window as the first start sized it: maximised on a small screen."""
        if self.window_state.start_maximised:
            self.showMaximized()
        else:
            self.show()

    def _edition_text(self) -> str:
        date = self.edition.edition_date  # as the library names editions (the build's day unless given)
        if not date:
            return self.edition.title
        return self.tr("%1 \u00b7 editie %2").replace("%1", self.edition.title).replace("%2", date)

    def _restore_state(self) -> None:
        self.window_state.restore(self, self.splitter)
        prefs = self.preferences.current
        self.view.setZoomFactor(prefs.zoom)
        self.toggle_sidebar_action.setChecked(prefs.sidebar_visible)
        self.sidebar.setVisible(prefs.sidebar_visible)
        self.appearance.restore()
        self.restore_tab()

    def restore_tab(self) -> None:
        """Select the remembered sidebar tab (again, after tabs were added later); Tab follows the tabs."""
        self.sidebar_tabs.select_remembered()
        self.pane_focus.update_tab_order([widget for widget, _title in self.sidebar_tabs.tabs])

    def save_position(self) -> None:
        page_id = self.current_page_id()
        if page_id:
            self.corpora.remember_position(page_id, self.current_anchor or "")

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        self._closed = True
        self._save_timer.stop()
        if self.search_engine is not None:
            self.search_engine.close()
        if self.search_scope is not None:
            self.search_scope.close()
        self.save_position()
        self.tabs.save()
        self.window_state.save(self, self.splitter)
        self.appearance.stop()
        super().closeEvent(event)
