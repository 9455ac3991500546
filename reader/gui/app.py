"""Builds every object of the running reader and passes it in (no global registry)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("reader.app")


@dataclass
class Reader:
    """The parts of a running reader, kept together so that tests can reach them."""

    app: object  # QApplication
    window: object  # MainWindow
    profile: object  # QWebEngineProfile

    def close(self) -> None:
        """Tear down in the order QtWebEngine needs: every page before its profile (else it crashes at exit)."""
        import shiboken6
        from PySide6.QtCore import QCoreApplication, QEvent

        if shiboken6.isValid(self.window):  # may be gone already (a test that restarts the window)
            self.window.close()
            self.window.deleteLater()  # takes its view and page with it
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if shiboken6.isValid(self.profile):
            self.profile.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def repair_signal_emit() -> bool:
    """Work around a PySide6 refcount bug: `SignalInstance.emit()` returns True without owning a reference.

    Measured with PySide6 6.12 on Python 3.11: every `.emit()` made from Python drops one reference to `True`;
    after a few thousand emits (page loads, scroll-spy updates, clicks) `True` is deallocated and the process aborts
    ("bool_dealloc: deallocating True or False"). Python 3.12+ has immortal booleans and is not affected. We detect
    the bug once and give back the missing reference after each emit; a fixed PySide is left alone. Returns whether
    the repair was installed.
    """
    from PySide6.QtCore import QObject, Signal, SignalInstance

    if getattr(SignalInstance.emit, "_rl_repaired", False):
        return True

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    if lost < 8:
        return False
    import ctypes  # only when the bug is there

    ctypes.pythonapi.Py_IncRef.argtypes = [ctypes.py_object]
    for _ in range(lost):  # give back what the probe took
        ctypes.pythonapi.Py_IncRef(True)
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef

    def emit(self, *args):  # noqa: ANN001, ANN002, ANN202
        result = original(self, *args)
        if result is True or result is False:
            incref(result)  # an extra reference to a bool singleton is harmless; a missing one is fatal
        return result

    emit._rl_repaired = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
    log.info("PySide's SignalInstance.emit drops a reference to True; repaired")
    return True


def create_application(argv: list[str] | None = None, *, offscreen: bool = False):  # noqa: ANN201
    """The QApplication, created once per process, with the reader's scheme registered before it."""
    from reader.gui.environment import prepare_process, register_scheme, route_qt_messages

    prepare_process(offscreen=offscreen)
    repair_signal_emit()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        register_scheme()
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("Richtlijnenlezer")
        app.setOrganizationName("Richtlijnenlezer")
        app.setDesktopFileName("richtlijnenlezer")
        route_qt_messages()
    return app


def create_reader(edition_dir: Path, profile_dir: Path, *, app=None, start_page: str | None = None) -> Reader:  # noqa: ANN001
    """Build the reader. `start_page` starts loading the first page while the window is still being built (the
    renderer process starts meanwhile): a page id, optionally with "#anchor"; "" for the last page read (or the
    home page). None loads nothing; the caller then calls `window.open_start_page()` or `open_page()`."""
    from reader import paths
    from reader.core.edition import Edition
    from reader.gui.mainwindow import MainWindow
    from reader.gui.profile import create_profile

    from reader.gui.i18n import Translations, choose_language, system_locale_name
    from reader.gui.settings import PreferenceStore

    app = app or create_application()
    edition = Edition.open(edition_dir)
    profile_dir = Path(profile_dir)
    profile_dir.mkdir(parents=True, exist_ok=True)
    preferences = PreferenceStore(profile_dir)
    # One set of translators per application; the language is chosen before any widget exists.
    translations = getattr(app, "_rl_translations", None)
    if translations is None:
        translations = Translations(app, paths.translations_dir())
        app._rl_translations = translations  # type: ignore[attr-defined]
    translations.apply(choose_language(preferences.current.language, system_locale_name()))
    web_profile = create_profile(edition.root, paths.resources_dir(), app)
    window = MainWindow(
        edition, web_profile, profile_dir, preferences=preferences, translations=translations, start_page=start_page
    )
    return Reader(app=app, window=window, profile=web_profile)
