"""The first page starts loading as soon as the web profile exists, and the web engine gets turns while the window
is built around it.

Chromium's own UI-thread work (starting the renderer, navigating, handing it the page and its style sheet) runs as
posted events in Qt's event loop. Before this module, the first page was asked for in the middle of the window's
construction and nothing of it happened until the window was whole and the event loop ran: start-up was the build
time plus the whole load. Now the page is created and loading before the window's modules are even imported, and
`let_engine_run()` between the build steps delivers the engine's posted events, so that the load runs alongside.

What a turn may deliver is kept harmless: no input (a click or key waits for the whole window), never a deferred
delete (Qt runs those only in the loop proper); the window handles a load or heading the page reports before it is
whole once it is (`MainWindow._on_load_finished`). Every script a page needs is in place before the first turn: no
document can be created before one. The page is visible to the engine from the start: Chromium throttles a hidden
page until its window shows, and the first page would wait for that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QUrl
from PySide6.QtWebChannel import QWebChannel

from reader.core.links import page_url
from reader.gui.page import ReaderPage
from reader.gui.view import PageBridge, install_page_scripts

if TYPE_CHECKING:
    from reader.core.edition import Edition
    from reader.core.userdata import UserData
    from reader.gui.checklist import ChecklistController
    from reader.gui.mainwindow import MainWindow
    from reader.gui.profile import LockedProfile
    from reader.gui.settings import PreferenceStore


@dataclass
class FirstPage:
    """The page the window adopts, with the objects its scripts talk to."""

    page: ReaderPage
    bridge: PageBridge
    channel: QWebChannel
    url: str
    checklists: ChecklistController | None = None  # made once the user data is open (`attach_checklists`)
    # What the page reported before the window listened (a turn before the window exists may bring it).
    finished: bool | None = None
    heading: str | None = None

    def note_finished(self, ok: bool) -> None:
        self.finished = ok

    def note_heading(self, anchor: str) -> None:
        self.heading = anchor


def start_target(edition: Edition, preferences: PreferenceStore, page_id: str | None = None,
                 anchor: str | None = None) -> tuple[str, str | None]:
    """The first page: the one asked for, else the last page read in this corpus (when this edition has it), else
    home."""
    if page_id:
        return page_id, anchor
    from reader.gui.library.rows import last_read

    prefs = preferences.current
    last = last_read(prefs.extra, prefs.last_page, prefs.last_anchor, edition.corpus_id, edition.pages)
    return last or (edition.home_page, None)


def first_target(edition: Edition, preferences: PreferenceStore, start_page: str) -> tuple[str, str | None]:
    """What a start loads first: the page asked for ("page#anchor"); with none, the active tab of the last session
    when it was read in this edition; else the last page read, else home."""
    from reader.gui.tabs.start import restorable, saved_tabs

    page, _, anchor = start_page.partition("#")
    tabs = None if page else saved_tabs(preferences.current.extra)
    visit = restorable(tabs, edition.root)
    if tabs is None or visit is None:
        return start_target(edition, preferences, page or None, anchor or None)
    # The tab's page as any first page (the tabs set its scroll position after the load and keep its history).
    anchor = "" if tabs.current.scroll_y else visit.anchor
    return start_target(edition, preferences, visit.page_id if visit.page_id in edition.pages else None,
                        anchor or None)


def start_first_page(profile: LockedProfile, edition: Edition, preferences: PreferenceStore,
                     start_page: str) -> FirstPage | None:
    """Create the first page with every script of the app and start loading it; None when the page asked for is
    not in the edition (the window then says so, as it says for any page it cannot open). The checklists' bridge
    follows once the user data is open (`attach_checklists`), before the engine's second turn: no page can ask
    for it before the renderer it starts in the first has fetched, parsed and run the page."""
    from reader.gui import themes
    from reader.gui.checklist_script import insert_checklist_script

    page_id, anchor = first_target(edition, preferences, start_page)
    if page_id not in edition.pages:
        return None
    page = ReaderPage(profile.profile)  # the window's view adopts it
    bridge = PageBridge()
    channel = QWebChannel()
    install_page_scripts(page, bridge, channel)
    insert_checklist_script(page)
    themes.install_theme_script(page, themes.resolve(preferences.current.theme))
    url = page_url(page_id, anchor)
    first = FirstPage(page, bridge, channel, url)
    page.loadFinished.connect(first.note_finished)
    bridge.heading_changed.connect(first.note_heading)
    page.setVisible(True)
    page.load(QUrl(url))
    return first


def attach_checklists(first: FirstPage, userdata: UserData) -> None:
    """The checklists' controller and bridge, once the user data is open, before the engine's second turn (its
    script is on the page already); it places the same script again."""
    from reader.gui.checklist import ChecklistController

    first.checklists = ChecklistController(userdata)
    first.checklists.attach(first.page, first.channel)


def adopt(window: MainWindow, profile: LockedProfile,
          first: FirstPage | None) -> tuple[ReaderPage, PageBridge, QWebChannel, ChecklistController]:
    """The window's page, the bridge and channel of its scripts, and its checklist controller: the first page's when
    one is loading, else made now (nothing loads yet)."""
    from reader.gui.checklist import ChecklistController

    view = window.view
    if first is None:
        page, bridge, channel = ReaderPage(profile.profile, view), PageBridge(window), QWebChannel(window)
        install_page_scripts(page, bridge, channel)
        checklists = ChecklistController(window.userdata, window.checklist_texts, window)
        checklists.attach(page, channel)
    else:
        assert first.checklists is not None, "create_reader attaches the checklists before the window adopts the page"
        page, bridge, channel, checklists = first.page, first.bridge, first.channel, first.checklists
        checklists.set_checklist_texts(window.checklist_texts)
        for child, parent in ((page, view), (bridge, window), (channel, window), (checklists, window)):
            child.setParent(parent)
        page.loadFinished.disconnect(first.note_finished)  # the window listens from here on
        bridge.heading_changed.disconnect(first.note_heading)
    view.setPage(page)
    if first is not None:
        page.setVisible(True)  # a loading first page stays visible to the engine
    return page, bridge, channel, checklists


def let_engine_run() -> None:
    """One turn for the web engine: what is pending now (Chromium's tasks among it), user input excepted."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
