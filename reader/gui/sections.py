"""Links to and bookmarks for the page and section the reader is at, and the toolbar star that shows whether the page
is bookmarked.

The strings keep the "MainWindow" context they had when the window did this itself.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Callable, Protocol

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl
from PySide6.QtGui import QAction, QGuiApplication

from reader.core.edition import Edition
from reader.core.links import page_url
from reader.gui.feedback import MessageSink
from reader.gui.lazy_userdata import when_open

if TYPE_CHECKING:
    from reader.core.userdata import UserData
    from reader.gui.sidebar.bookmarks import BookmarksPanel


class ReadingPosition(Protocol):
    """Where the reader is: the window answers this."""

    current_anchor: str | None

    def current_page_id(self) -> str | None: ...


class SectionCommands:
    """Copy a link to a section, bookmark a section, toggle the page's bookmark (the star)."""

    def __init__(
        self,
        edition: Edition,
        userdata: UserData,
        position: ReadingPosition,
        bookmarks: Callable[[], BookmarksPanel],
        star: QAction,
        status: MessageSink,
    ) -> None:
        self._edition = edition
        self._userdata = userdata
        self._position = position
        self._bookmarks = bookmarks  # builds the panel on first use
        self._star = star
        self._status = status

    def set_edition(self, edition: Edition) -> None:
        """The window switched corpus (or edition)."""
        self._edition = edition

    def section_hash(self, page_id: str, anchor: str) -> str | None:
        info = self._edition.pages.get(page_id)
        return info.section_hashes.get(anchor) if info is not None else None

    def _is_top_heading(self, page_id: str, anchor: str | None) -> bool:
        """The page's first heading, when it is its title, stands for the page itself."""
        info = self._edition.pages.get(page_id)
        return bool(info and info.headings and anchor == info.headings[0][2] and info.headings[0][0] == 1)

    def section_link(self, anchor: str | None = None) -> tuple[str, str]:
        """(URL, label) of the current section (or of `anchor`) of the current page."""
        page_id = self._position.current_page_id() or ""
        anchor = anchor if anchor is not None else self._position.current_anchor
        info = self._edition.pages.get(page_id)
        label = info.title if info else page_id
        if info and anchor:
            heading = next((text for _lvl, text, a in info.headings if a == anchor), None)
            if heading and heading != info.title:
                label = f"{label} \u2014 {heading}"
        if self._is_top_heading(page_id, anchor):
            anchor = None
        return page_url(page_id, anchor or None), label

    def copy_section_link(self, anchor: str | None = None) -> str:
        url, label = self.section_link(anchor)
        data = QMimeData()
        data.setText(url)
        data.setUrls([QUrl(url)])
        data.setHtml(f'<a href="{escape(url)}">{escape(label)}</a>')
        QGuiApplication.clipboard().setMimeData(data)
        text = QCoreApplication.translate("MainWindow", "Link gekopieerd: %1")
        self._status.showMessage(text.replace("%1", label), 4000)
        return url

    def update_star(self) -> None:
        if not when_open(self._userdata, self.update_star):
            return  # the store opens after the first page, not for its star (lazy_userdata.py)
        page_id = self._position.current_page_id()
        marked = page_id is not None and page_id != "" and self._userdata.find_bookmark(page_id, "") is not None
        self._star.setChecked(marked)

    def toggle_bookmark(self) -> None:
        """Ctrl+D and the star: bookmark the page, or (when it is already bookmarked) remove it (undoable)."""
        page_id = self._position.current_page_id()
        if not page_id:
            return
        bookmarks = self._bookmarks()
        existing = self._userdata.find_bookmark(page_id, "")
        info = self._edition.pages.get(page_id)
        title = info.title if info else page_id
        if existing is not None:
            bookmarks.delete_bookmarks([existing.id])
            text = QCoreApplication.translate("MainWindow", "Bladwijzer verwijderd: %1")
        else:
            bookmarks.add_bookmark(page_id, "", title, section_hash=self.section_hash(page_id, ""))
            text = QCoreApplication.translate("MainWindow", "Bladwijzer bewaard: %1")
        self._status.showMessage(text.replace("%1", existing.title if existing is not None else title), 4000)
        self.update_star()

    def bookmark_section(self, anchor: str | None = None) -> None:
        page_id = self._position.current_page_id()
        if not page_id:
            return
        anchor = anchor if anchor is not None else (self._position.current_anchor or "")
        if self._is_top_heading(page_id, anchor):
            anchor = ""  # the top heading is the page itself
        _url, label = self.section_link(anchor)
        bookmarks = self._bookmarks()
        bookmark = bookmarks.add_bookmark(page_id, anchor, label, section_hash=self.section_hash(page_id, anchor))
        if bookmark is not None:
            text = QCoreApplication.translate("MainWindow", "Bladwijzer bewaard: %1")
            self._status.showMessage(text.replace("%1", label), 4000)
        self.update_star()
