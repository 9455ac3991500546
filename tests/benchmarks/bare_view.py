"""The bare QWebEngineView the window benchmarks measure the reader against: a QApplication, an off-the-record
profile with one scheme handler (`bare://host/NAME` answers `serve(NAME)` as HTML), one view with its page, sized as
the reader's window; nothing of the reader. Its imports are part of what a bare start-up pays, so they stay inside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def bare_view(serve: Callable[[str], bytes]) -> tuple[Any, Any, Any]:
    """(app, view, page), the page not loading yet."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineUrlRequestJob,
        QWebEngineUrlScheme,
        QWebEngineUrlSchemeHandler,
    )
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    scheme = QWebEngineUrlScheme(b"bare")
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    app = QApplication(["bare"])

    class Handler(QWebEngineUrlSchemeHandler):
        def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
            buffer = QBuffer(job)
            buffer.setData(QByteArray(serve(job.requestUrl().path().strip("/"))))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            job.reply(b"text/html", buffer)

    profile = QWebEngineProfile(app)
    handler = Handler(profile)
    profile.installUrlSchemeHandler(b"bare", handler)
    view = QWebEngineView()
    page = QWebEnginePage(profile, view)
    view.setPage(page)
    view.resize(1200, 800)
    view._bare_handler = handler  # kept alive with the view
    return app, view, page
