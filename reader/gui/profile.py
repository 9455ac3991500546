"""The locked-down web profile: off the record, no corpus JavaScript, every foreign request blocked and recorded."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from reader.core.links import SCHEME
from reader.gui.scheme import EditionSchemeHandler

log = logging.getLogger("reader.network")


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Lets only the reader's own scheme through; everything else is blocked and remembered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []
        self.notifier = _Notifier()

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() == SCHEME:
            return
        text = url.toString()
        info.block(True)
        self.blocked.append(text)
        log.warning("blocked a request to %s", text)
        self.notifier.blocked.emit(text)


class _Notifier(QObject):
    # Interceptors are not QObjects with signals of their own in every binding; keep the signal here.
    blocked = Signal(str)


@dataclass(frozen=True)
class LockedProfile:
    """The web profile with the two objects that lock it: the request guard and the edition's scheme handler.

    Both are children of the profile (they live and die with it); kept here so that nobody fishes them out of Qt.
    """

    profile: QWebEngineProfile
    guard: RequestGuard
    handler: EditionSchemeHandler


def create_profile(edition_root: Path, resources_root: Path, parent: QObject | None = None) -> LockedProfile:
    profile = QWebEngineProfile(parent)  # no storage name: off the record, nothing written to disk
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    profile.setSpellCheckEnabled(False)
    guard = RequestGuard(profile)
    profile.setUrlRequestInterceptor(guard)
    handler = EditionSchemeHandler(edition_root, resources_root, profile)
    profile.installUrlSchemeHandler(SCHEME.encode(), handler)
    lock_down(profile.settings())
    return LockedProfile(profile=profile, guard=guard, handler=handler)


WebAttribute = QWebEngineSettings.WebAttribute


def lock_down(settings: QWebEngineSettings) -> None:
    off = [
        WebAttribute.JavascriptEnabled,  # corpus scripts never run; the app's own scripts use the ApplicationWorld
        WebAttribute.JavascriptCanOpenWindows,
        WebAttribute.JavascriptCanAccessClipboard,
        WebAttribute.JavascriptCanPaste,
        WebAttribute.PluginsEnabled,
        WebAttribute.LocalContentCanAccessRemoteUrls,
        WebAttribute.LocalContentCanAccessFileUrls,
        WebAttribute.LocalStorageEnabled,
        WebAttribute.AutoLoadIconsForPage,
        WebAttribute.HyperlinkAuditingEnabled,
        WebAttribute.FullScreenSupportEnabled,
        WebAttribute.ScreenCaptureEnabled,
        WebAttribute.WebGLEnabled,
        WebAttribute.Accelerated2dCanvasEnabled,
        WebAttribute.DnsPrefetchEnabled,
        WebAttribute.PdfViewerEnabled,
        WebAttribute.NavigateOnDropEnabled,
        WebAttribute.AllowWindowActivationFromJavaScript,
        WebAttribute.AllowRunningInsecureContent,
        WebAttribute.AllowGeolocationOnInsecureOrigins,
        WebAttribute.WebRTCPublicInterfacesOnly,
    ]
    for attribute in off:
        settings.setAttribute(attribute, False)
    settings.setAttribute(WebAttribute.WebRTCPublicInterfacesOnly, True)
    settings.setAttribute(WebAttribute.ErrorPageEnabled, True)
    settings.setAttribute(WebAttribute.FocusOnNavigationEnabled, False)
    settings.setUnknownUrlSchemePolicy(QWebEngineSettings.UnknownUrlSchemePolicy.DisallowUnknownUrlSchemes)
