"""The web page: applies the navigation policy, collects console messages, never opens windows (a link for a new
tab becomes `new_tab_requested`).

Links it does not follow itself become signals: web links (`external_link_requested`, the window asks first) and
attachments (`attachment_requested`, the window offers to open or save the file).
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from reader.core import navigation

log = logging.getLogger("reader.page")

_KINDS = {
    QWebEnginePage.NavigationType.NavigationTypeLinkClicked: navigation.LINK_CLICKED,
    QWebEnginePage.NavigationType.NavigationTypeTyped: navigation.TYPED,
    QWebEnginePage.NavigationType.NavigationTypeBackForward: navigation.BACK_FORWARD,
    QWebEnginePage.NavigationType.NavigationTypeReload: navigation.RELOAD,
    QWebEnginePage.NavigationType.NavigationTypeFormSubmitted: navigation.FORM,
    QWebEnginePage.NavigationType.NavigationTypeRedirect: navigation.REDIRECT,
}


class ReaderPage(QWebEnginePage):
    external_link_requested = Signal(QUrl)
    attachment_requested = Signal(QUrl)  # a clicked link to a corpus file the view does not show
    navigation_refused = Signal(QUrl)
    new_tab_requested = Signal(QUrl, bool)  # Ctrl+click, middle-click on a link; True: in the background

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.console: list[str] = []
        # The tabs (tabs/deferred.py): True takes a navigation over (it is made again once the tab's history is in).
        self.before_navigation: Callable[[QUrl, str], bool] | None = None

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        request = navigation.NavigationRequest(
            url=url.toString(), kind=_KINDS.get(kind, navigation.OTHER), main_frame=is_main_frame
        )
        decision = navigation.decide(request)
        if decision is navigation.Decision.SHOW:
            return not (is_main_frame and self.before_navigation is not None
                        and self.before_navigation(url, request.kind))
        if decision is navigation.Decision.ASK_EXTERNAL:
            self.external_link_requested.emit(url)
        elif decision is navigation.Decision.ATTACHMENT:
            self.attachment_requested.emit(url)
        else:
            log.warning("refused navigation to %s (%s)", request.url, request.kind)
            self.navigation_refused.emit(url)
        return False

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        text = f"{source}:{line}: {message}" if source else message
        self.console.append(text)
        log.info("console: %s", text)

    # Qt documents a null page as "no window"; PySide6's stub forgets that it may be None.
    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # type: ignore[override]
        types = QWebEnginePage.WebWindowType
        if kind in (types.WebBrowserTab, types.WebBrowserBackgroundTab):
            from reader.gui.tabs.catcher import LinkCatcher  # on the first such link

            catcher = LinkCatcher(self.profile(), self)
            background = kind == types.WebBrowserBackgroundTab
            catcher.caught.connect(lambda url: self.new_tab_requested.emit(url, background))
            return catcher
        # Corpus pages may not open windows or dialogs.
        log.info("refused to open a new window")
        return None
