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
WEBENGINE_LOCALES = ("nl", "en-US")  # Chromium falls back from any en-* to en-US

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
    # Python standard library / third-party parts a reader does not need. (Pygments stays: an administrator's
    # `richtlijnenlezer build` in the installed app highlights code exactly as the source tree does.)
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
    # No network code in the reader: without ssl/_hashlib the bundle needs no OpenSSL (5.4 MB); hashlib falls back
    # to Python's built-in SHA-2. No interactive console: no readline/ncurses. No East Asian legacy codecs.
    "ssl",
    "_ssl",
    "_hashlib",
    "readline",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_tw",
    "_codecs_iso2022",
    "_multibytecodec",
    # C accelerators with pure-Python fallbacks the reader never exercises (decimal -> _pydecimal; asyncio is only
    # imported by whoosh's cached_property).
    "_decimal",
    "_asyncio",
    # The debugger (whoosh's bundled pyparsing imports it inside a debugging helper) and XML-RPC (multiprocessing
    # imports it inside a function the reader never calls).
    "pdb",
    "bdb",
    "xmlrpc",
]

# Whoosh modules the reader never loads, left out of `collect_submodules("whoosh")`: the query parser and its
# pyparsing (the reader builds its queries itself), the legacy whoosh2/plaintext/memory codecs (editions are written
# and read with whoosh3), multi-process writing, the spelling corrector (the reader has its own) and benchmarks.
# tests/packaging/test_bundle_filter.py checks that building, opening and searching an index loads none of them.
UNUSED_WHOOSH = (
    "whoosh.qparser",
    "whoosh.support.pyparsing",
    "whoosh.codec.whoosh2",
    "whoosh.codec.plaintext",
    "whoosh.codec.memory",
    "whoosh.multiproc",
    "whoosh.spelling",
    "whoosh.support.bench",
    "whoosh.support.charset",
)


def used_whoosh_module(name: str) -> bool:
    return not any(name == unused or name.startswith(unused + ".") for unused in UNUSED_WHOOSH)

# Linux libraries taken from the user's system instead of the build machine: every desktop has them, and they must
# match the system they talk to (GPU driver, display server, fonts.conf, cupsd, ALSA and D-Bus configuration; a
# bundled libstdc++ older than the one Mesa was built with stops the GPU driver from loading). Libraries that only
# these needed are then pruned too. The README lists the matching Debian/Ubuntu packages. Matched by file name
# prefix at the top of the bundle; Qt's own libraries and NSS (not on every desktop) stay bundled.
SYSTEM_LIBS = (
    "libstdc++.so",
    "libgcc_s.so",
    "libz.so",
    "libX11.so",
    "libX11-xcb.so",
    "libxcb.so",
    # The X extension libraries every X11/XWayland desktop installs with libX11 (the less common xcb utility
    # libraries Qt's xcb plugin wants, such as xcb-cursor and xcb-icccm, stay bundled).
    "libXext.so",
    "libXfixes.so",
    "libXrender.so",
    "libXrandr.so",
    "libXdamage.so",
    "libXcomposite.so",
    "libXtst.so",
    "libxcb-glx.so",
    "libxcb-randr.so",
    "libxcb-render.so",
    "libxcb-shm.so",
    "libxcb-sync.so",
    "libxcb-xfixes.so",
    "libxcb-xkb.so",
    "libxcb-shape.so",
    "libxkbcommon.so",
    "libgbm.so",
    "libdrm.so",
    "libfontconfig.so",
    "libfreetype.so",
    "libexpat.so",
    "libpng16.so",
    "libglib-2.0.so",
    "libgthread-2.0.so",
    "libgobject-2.0.so",
    "libgio-2.0.so",
    "libdbus-1.so",
    "libsystemd.so",
    "libudev.so",
    "libasound.so",
    "libcups.so",  # printing: the cups print plugin stays and uses the system's libcups when there is one
    # Base libraries of every distribution (Debian priority "required"/"important").
    "libzstd.so",
    "liblzma.so",
    "libbz2.so",
    "libffi.so",
    "libsqlite3.so",  # Python's sqlite3 module links it; every distribution's Python does too
    "libbrotlicommon.so",
    "libbrotlidec.so",
    "libgssapi_krb5.so",  # Qt Network links it for Negotiate authentication; the reader never authenticates
    # NSS and NSPR: QtWebEngine on Linux requires them anyway, and a crypto library must get the distribution's
    # security updates rather than be frozen at build time.
    "libnss3.so",
    "libnssutil3.so",
    "libsmime3.so",
    "libssl3.so",
    "libsoftokn3.so",
    "libfreebl3.so",
    "libfreeblpriv3.so",
    "libnssckbi.so",
    "libnssdbm3.so",
    "libnspr4.so",
    "libplc4.so",
    "libplds4.so",
    "libfreebl3.chk",
    "libfreeblpriv3.chk",
    "libsoftokn3.chk",
    "libnssdbm3.chk",
)

# Qt plugin directories and files we keep. Everything else under PySide6/Qt/plugins is dropped.
KEEP_PLUGINS = [
    # Windowing: X11 (also under Wayland, through XWayland, which every Wayland desktop runs), offscreen (smoke
    # test, CI), minimal (harmless, tiny). Native Wayland costs 2 MB more: see WAYLAND_PLUGINS.
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "platforms/libqminimal.so",
    "platforms/qwindows.dll",
    "platforms/qoffscreen.dll",
    "platforms/qminimal.dll",
    "platforms/libqcocoa.dylib",
    "platforms/libqoffscreen.dylib",
    "platforms/libqminimal.dylib",
    "xcbglintegrations/*",
    # Input methods (ibus, compose keys): needed to type accented characters in the search field.
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    # Desktop integration: portal file dialogs on Linux, native style on Windows/macOS.
    "platformthemes/libqxdgdesktopportal.so",
    "styles/*",
    # Icons (the app icon and toolbar icons are SVG) and the image formats Qt itself decodes for the window.
    "iconengines/*",
    "imageformats/*qsvg*",  # (page images are decoded by Chromium, not by Qt's image plugins)
    # Printing a page (print stylesheet, printToPdf needs no plugin but the print dialog does).
    "printsupport/*",
]

# Native Wayland support (the spec's --wayland adds it back): Qt 6 tries "wayland;xcb" in a Wayland session and
# falls back to X11 through XWayland without these, so the reader runs everywhere either way; natively it is
# sharper under fractional scaling. Left out by default to stay within the 300 MB budget (libQt6WaylandClient and
# the plugins: about 2 MB).
WAYLAND_PLUGINS = [
    "platforms/libqwayland.so",
    "wayland-shell-integration/libxdg-shell.so",
    "wayland-decoration-client/*",
    "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
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
# Linux/Windows: PySide6/Qt/translations/qtwebengine_locales/; macOS: inside QtWebEngineCore.framework/Resources/.
_WEBENGINE_LOCALE = re.compile(r"PySide6/.*qtwebengine_locales/(?P<locale>[^/]+)\.pak$")
_PLUGIN = re.compile(_QT + r"plugins/(?P<plugin>.+)$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def drop_reason(dest: str, *, wayland: bool = False) -> str | None:
    """Why `dest` (a destination path in the bundle) is left out, or None to keep it."""
    path = _norm(dest)
    if "/" not in path and path.startswith(SYSTEM_LIBS):
        return "system library (taken from the user's system)"
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
        if any(fnmatch.fnmatchcase(plugin, pattern) for pattern in WAYLAND_PLUGINS):
            return None if wayland else "native Wayland plugin (XWayland is used)"
        return "unused Qt plugin"
    return None


def keep(dest: str, *, wayland: bool = False) -> bool:
    return drop_reason(dest, wayland=wayland) is None


def filter_toc(
    entries: Iterable[tuple[str, str, str]], *, wayland: bool = False
) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """Filter a PyInstaller TOC (dest, source, typecode); returns kept entries and dropped bytes per reason."""
    import os

    kept: list[tuple[str, str, str]] = []
    dropped: dict[str, int] = {}
    for entry in entries:
        reason = drop_reason(entry[0], wayland=wayland)
        if reason is None:
            kept.append(entry)
            continue
        try:
            size = os.path.getsize(entry[1])
        except OSError:
            size = 0
        dropped[reason] = dropped.get(reason, 0) + size
    return kept, dropped
