"""Builds every object of the running reader and passes it in (no global registry)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # Qt and the window are imported when a reader is built, not when this module is
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from reader.core.edition import Edition
    from reader.core.userdata import UserData
    from reader.gui.i18n import Translations
    from reader.gui.mainwindow import MainWindow
    from reader.gui.profile import LockedProfile

log = logging.getLogger("reader.app")


class AppContext:
    """What belongs to the QApplication rather than to one window, kept for every reader the process builds.

    One set of translators per application (a second set would stack on the first), and the palette the system
    gave before any theme replaced it (the "system" theme goes back to it).
    """

    def __init__(self, app: QApplication, translations: Translations, system_palette: QPalette) -> None:
        self.app = app
        self.translations = translations
        self.system_palette = system_palette


def create_context(app: QApplication) -> AppContext:
    """The application's translators (none installed yet: Dutch) and its palette as the system gave it."""
    from PySide6.QtGui import QPalette

    from reader import paths
    from reader.gui.i18n import Translations

    return AppContext(app, Translations(app, paths.translations_dir()), QPalette(app.palette()))


@dataclass
class Reader:
    """The parts of a running reader, kept together so that tests can reach them."""

    app: QApplication
    window: MainWindow
    profile: LockedProfile

    def close(self) -> None:
        """Tear down in the order QtWebEngine needs: every page before its profile (else it crashes at exit)."""
        import shiboken6
        from PySide6.QtCore import QCoreApplication, QEvent

        if shiboken6.isValid(self.window):  # may be gone already (a test that restarts the window)
            self.window.close()
            self.window.deleteLater()  # takes its view and page with it
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if shiboken6.isValid(self.profile.profile):
            self.profile.profile.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def create_application(argv: list[str] | None = None, *, offscreen: bool = False) -> QApplication:
    """The QApplication, created once per process, with the reader's scheme registered before it. The garbage
    collector waits from here until the first page has loaded (runtime.py)."""
    from reader.gui import runtime
    from reader.gui.environment import prepare_process, register_scheme, route_qt_messages

    prepare_process(offscreen=offscreen)
    runtime.pause_collector()  # once per process: from the first call on
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    runtime.cheapen_pyside_import_hook()
    app = QApplication.instance()
    if app is None:
        register_scheme()
        app = QApplication(argv if argv is not None else sys.argv[:1])
        QTimer.singleShot(runtime.FALLBACK_RESUME_MS, runtime.resume_collector)
        app.setApplicationName("Richtlijnenlezer")
        app.setOrganizationName("Richtlijnenlezer")
        app.setDesktopFileName("richtlijnenlezer")
        route_qt_messages()
    return cast("QApplication", app)


def create_reader(
    edition_dir: Path,
    profile_dir: Path,
    *,
    app: QApplication | None = None,
    context: AppContext | None = None,
    start_page: str | None = None,
) -> Reader:
    """Build the reader. `start_page` starts loading the first page while the window is still being built (the
    renderer process starts meanwhile): a page id, optionally with "#anchor"; "" for the last page read (or the
    home page). None loads nothing; the caller then calls `window.open_start_page()` or `open_page()`.

    A process that builds more than one reader (tests) makes one `context` with `create_context` and passes it to
    each; without one, this reader gets its own."""
    from reader import paths
    from reader.core.edition import Edition
    from reader.gui.i18n import choose_language, system_locale_name
    from reader.gui.profile import create_profile
    from reader.gui.settings import PreferenceStore

    app = context.app if context is not None else (app or create_application())
    edition = Edition.open(edition_dir)
    profile_dir = Path(profile_dir)
    profile_dir.mkdir(parents=True, exist_ok=True)
    preferences = PreferenceStore(profile_dir)
    web_profile = create_profile(edition.root, paths.resources_dir(), app)
    # The first page loads from here on, while the window is built (firstpage.py); its first turn starts the renderer.
    first = None
    if start_page is not None:
        from reader.gui import firstpage

        first = firstpage.start_first_page(web_profile, edition, preferences, start_page)
        firstpage.let_engine_run()
    from reader.gui.lazy_userdata import lazily

    userdata = lazily(lambda: open_user_data(profile_dir, edition))  # opened after the first page (its first use)
    if first is not None:
        firstpage.attach_checklists(first, userdata)
    if context is None:
        context = create_context(app)
    # The language is chosen before any widget exists (and before the page could ask for a checklist's words).
    context.translations.apply(choose_language(preferences.current.language, system_locale_name()))
    from reader.gui.mainwindow import MainWindow

    if first is not None:
        firstpage.let_engine_run()
    window = MainWindow(
        edition,
        web_profile,
        profile_dir,
        preferences=preferences,
        translations=context.translations,
        system_palette=context.system_palette,
        userdata=userdata,
        start_page=start_page,
        first_page=first,
    )
    from reader.gui import runtime

    if start_page is None:
        runtime.resume_collector()  # nothing loads: the start is over
    else:
        from PySide6.QtCore import Qt

        window.page_loaded.connect(runtime.resume_collector, Qt.ConnectionType.SingleShotConnection)
    return Reader(app=app, window=window, profile=web_profile)


def open_user_data(profile_dir: Path, edition: Edition) -> UserData:
    """The profile's bookmarks, history and checklists of the edition's corpus, with the edition marked as the one
    read (`previous_edition(corpus)` then names the one read before it, for "what changed")."""
    from reader.core.userdata import UserData, UserDataError, edition_key

    userdata = UserData.open(profile_dir, corpus_id=edition.corpus_id)
    try:
        userdata.mark_edition_opened(edition.corpus_id, edition_key(edition.manifest))
    except UserDataError as err:  # a read-only profile: reading goes on, the window says why nothing is saved
        log.info("edition of %s not marked opened: %s", edition.corpus_id, err.code)
    return userdata
