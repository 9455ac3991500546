"""Process-level preparation that must happen before Qt starts: display, sandbox, scheme registration."""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger("reader.gui")


def has_display() -> bool:
    """Whether a window can be shown at all (Qt aborts the process when it cannot)."""
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def prepare_process(*, offscreen: bool = False) -> None:
    """Set what Chromium and Qt read from the environment. Call before the QApplication exists."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not os.environ.get("QTWEBENGINE_DISABLE_SANDBOX"):
        # Chromium refuses to run as root with its sandbox; containers and CI run as root. A normal user keeps it.
        log.warning("running as root: the QtWebEngine sandbox is turned off for this process")
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    # Chromium's own background services (safe browsing, component updates...) must never reach for the network.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    extra = " ".join((
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pings",
        "--disable-domain-reliability",
    ))
    if "--disable-background-networking" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " " + extra).strip()
    os.environ.setdefault("QT_LOGGING_RULES", "qt.webenginecontext.debug=false")


def register_scheme() -> None:
    """Register the reader's URL scheme; Qt requires this before the QApplication is created."""
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    from reader.core.links import SCHEME

    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Deliberately not a LocalScheme: Chromium would then drop remote requests before our interceptor sees them,
    # and we want every attempt blocked *and* recorded. Secure, so that pages are a secure context.
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


def route_qt_messages() -> None:
    """Send Qt's warnings into `logging` instead of raw stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("reader.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.INFO), "%s", message)

    qInstallMessageHandler(handler)
