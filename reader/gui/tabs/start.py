"""The first page of a start when tabs were open: the active tab of the last session, and only that one (the others
stay data until chosen, so a start with many tabs is no slower than one with one tab)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.gui.library.trail import Visit
from reader.gui.tabs.model import TabSet, from_data

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

KEY = "tabs"  # in the preferences' extra


def saved_tabs(extra: dict[str, Any]) -> TabSet | None:
    """The tabs of the last session whose editions are still there; None when there were none (or one)."""
    return from_data(extra.get(KEY), lambda visit: visit.edition_root.is_dir())


def restorable(tabs: TabSet | None, edition_root: Path) -> Visit | None:
    """The active tab's visit when the window starts on its edition (else it gets a tab of its own)."""
    if tabs is None:
        return None
    visit = tabs.current.trail.current
    return visit if visit.edition_root == edition_root and visit.page_id else None


def start_first_page(window: MainWindow, start_page: str) -> None:
    """Load the first page in the window (when it did not start loading before the window: firstpage.py)."""
    from reader.gui.firstpage import first_target

    page_id, anchor = first_target(window.edition, window.preferences, start_page)
    window.open_page(page_id, anchor)  # a page the edition does not have: the message bar says so
    if page_id not in window.edition.pages:
        window.open_page(window.edition.home_page)  # and the reader starts on the home page, not on nothing
