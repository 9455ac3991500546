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


def create_application(argv: list[str] | None = None, *, offscreen: bool = False):  # noqa: ANN201
    """The QApplication, created once per process, with the reader's scheme registered before it."""
    from reader.gui.environment import prepare_process, register_scheme, route_qt_messages

    prepare_process(offscreen=offscreen)
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
