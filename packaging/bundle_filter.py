"""What the frozen reader leaves out of PySide6, and why.

PyInstaller's stock Qt hooks collect whole Qt module trees. The reader uses QtCore, QtGui, QtWidgets, QtSvg,
QtPrintSupport, QtNetwork (for the scheme handler types) and QtWebEngine{Core,Widgets}. QtWebEngineCore links
QtQuick/QtQml/QtPositioning/QtWebChannel, so those *libraries* stay, but nothing of the QML tree, no QML plugins
and no modules we never load. This module is a pure rule list so that it can be tested without building; the spec
applies `keep()` to every collected file (destination name) and `report()` prints what was dropped.

Rules are matched against the destination path inside the bundle, with forward slashes, e.g.
`PySide6/Qt/plugins/platforms/libqxcb.so` or `PySide6/Qt/translations/qtbase_nl.qm`.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable

# UI languages we ship (the reader is Dutch; English is the fallback). Chromium locale paks use "en-US".
LANGUAGES = ("nl", "en")
WEBENGINE_LOCALES = ("nl", "en-US", "en-GB")

# Python modules of PySide6 the reader never imports. Excluding them also stops their hooks from pulling in the
# QML tree (PySide6.QtQuick is a hidden import of QtWebEngineCore's hook: PyInstaller issue 6447).
EXCLUDED_MODULES = [
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickTest",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebView",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtLocation",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtHttpServer",
    "PySide6.QtWebSockets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtOpenGLWidgets",
    # Linked by QtWebEngine as libraries (those stay), but the Python bindings are never imported (8.9 MB for
    # QtOpenGL alone). QtWebChannel, QtNetwork and QtPrintSupport are imported by QtWebEngineCore itself and stay.
    "PySide6.QtOpenGL",
    "PySide6.QtPositioning",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtAsyncio",
    "PySide6.QtCanvasPainter",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtQmlFeatures",
    "PySide6.scripts",  # pyside6-* developer tools (deploy, designer, qml, ...)
    # Python standard library / third-party parts a reader does not need.
    "tkinter",
    "unittest",
    "pydoc",
    "test",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "PyInstaller",
    "setuptools",
    "pip",
]

# Qt plugin directories and files we keep. Everything else under PySide6/Qt/plugins is dropped.
KEEP_PLUGINS = [
    # Windowing: X11, Wayland (modern desktops), offscreen (smoke test, CI), minimal (harmless, tiny).
    "platforms/libqxcb.so",
    "platforms/libqwayland.so",
    "platforms/libqoffscreen.so",
    "platforms/libqminimal.so",
    "platforms/qwindows.dll",
    "platforms/qoffscreen.dll",
    "platforms/qminimal.dll",
    "platforms/libqcocoa.dylib",
    "platforms/libqoffscreen.dylib",
    "platforms/libqminimal.dylib",
    "xcbglintegrations/*",
    "wayland-shell-integration/libxdg-shell.so",
    "wayland-decoration-client/*",
    "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    # Input methods (ibus, compose keys): needed to type accented characters in the search field.
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    # Desktop integration: portal file dialogs on Linux, native style on Windows/macOS.
    "platformthemes/libqxdgdesktopportal.so",
    "styles/*",
    # Icons (the app icon and toolbar icons are SVG) and the image formats Qt itself decodes for the window.
    "iconengines/*",
    "imageformats/*qsvg*",
    "imageformats/*qico*",
    "imageformats/*qjpeg*",
    "imageformats/*qgif*",
    # Printing a page (print stylesheet, printToPdf needs no plugin but the print dialog does).
    "printsupport/*",
]

# Data trees dropped entirely.
DROP_DATA_GLOBS = [
    "PySide6/Qt/qml/*",
    "PySide6/qml/*",
    "PySide6/Qt/metatypes/*",
    "PySide6/metatypes/*",
    # Chromium's DevTools front end (12 MB): the reader never opens an inspector.
    "PySide6/*qtwebengine_devtools_resources.pak",
    "PySide6/*.pyi",
    "PySide6/typesystems/*",
    "PySide6/include/*",
    "PySide6/glue/*",
]

# Linux and macOS wheels put Qt under PySide6/Qt/, Windows wheels directly under PySide6/.
_QT = r"PySide6/(?:Qt/)?"
_TRANSLATION = re.compile(_QT + r"translations/(?P<base>[a-z_]+?)_(?P<lang>[a-z]{2,3}(?:_[A-Z]{2})?)\.qm$")
_KEEP_TRANSLATION_BASES = ("qt", "qtbase", "qtwebengine")
_WEBENGINE_LOCALE = re.compile(_QT + r"translations/qtwebengine_locales/(?P<locale>[^/]+)\.pak$")
_PLUGIN = re.compile(_QT + r"plugins/(?P<plugin>.+)$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def drop_reason(dest: str) -> str | None:
    """Why `dest` (a destination path in the bundle) is left out, or None to keep it."""
    path = _norm(dest)
    match = _WEBENGINE_LOCALE.search(path)
    if match:
        return None if match.group("locale") in WEBENGINE_LOCALES else "webengine locale"
    match = _TRANSLATION.search(path)
    if match:
        if match.group("base") not in _KEEP_TRANSLATION_BASES:
            return "translation of an unused Qt module"
        return None if match.group("lang") in LANGUAGES else "translation in another language"
    for pattern in DROP_DATA_GLOBS:
        if fnmatch.fnmatchcase(path, pattern):
            return "unused data (" + pattern + ")"
    match = _PLUGIN.search(path)
    if match:
        plugin = match.group("plugin")
        if any(fnmatch.fnmatchcase(plugin, pattern) for pattern in KEEP_PLUGINS):
            return None
        return "unused Qt plugin"
    return None


def keep(dest: str) -> bool:
    return drop_reason(dest) is None


def filter_toc(entries: Iterable[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """Filter a PyInstaller TOC (dest, source, typecode); returns kept entries and dropped bytes per reason."""
    import os

    kept: list[tuple[str, str, str]] = []
    dropped: dict[str, int] = {}
    for entry in entries:
        reason = drop_reason(entry[0])
        if reason is None:
            kept.append(entry)
            continue
        try:
            size = os.path.getsize(entry[1])
        except OSError:
            size = 0
        dropped[reason] = dropped.get(reason, 0) + size
    return kept, dropped
