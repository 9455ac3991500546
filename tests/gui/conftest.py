"""GUI fixtures: one QApplication (with the reader's scheme registered first) and windows on real editions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import AppContext


@pytest.fixture(scope="session")
def qapp():  # noqa: ANN201 - overrides pytest-qt's fixture: the scheme must be registered before the app exists
    from reader.gui.app import create_application

    app = create_application(["pytest"], offscreen=True)
    yield app
    _delete_web_objects(app)
    app.clipboard().clear()  # Qt crashes at exit when the offscreen clipboard still owns data


def _delete_web_objects(app) -> None:  # noqa: ANN001
    """Whatever a test left behind: views (with their pages) first, then profiles, or Chromium crashes at exit."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    for widget in app.allWidgets():
        if isinstance(widget, QWebEngineView):
            widget.close()
            widget.deleteLater()
    for page in app.findChildren(QWebEnginePage):
        page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for profile in app.findChildren(QWebEngineProfile):
        profile.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def reader_context(qapp):  # noqa: ANN001, ANN201
    """What the app keeps across readers (translations, the system palette), made once as the open command does."""
    from reader.gui.app import create_context

    return create_context(qapp)


@pytest.fixture
def open_reader(reader_context, qtbot, tmp_path: Path) -> Callable:  # noqa: ANN001
    """Factory: `open_reader(edition_dir, page=None, profile=None)` -> Reader with its first page loaded."""
    from reader.gui.app import create_reader

    made = []

    def make(edition_dir: Path, page: str | None = None, profile: Path | None = None):  # noqa: ANN202
        reader = create_reader(edition_dir, profile or (tmp_path / "profile"), context=reader_context)
        made.append(reader)
        window = reader.window
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        with qtbot.waitSignal(window.page_loaded, timeout=20000):
            window.open_page(page or window.edition.home_page)
        return reader

    yield make
    for reader in made:
        reader.close()


@pytest.fixture
def run_js(qtbot) -> Callable:  # noqa: ANN001
    """`run_js(page, script)`: run in the app's isolated world; JSON strings come back decoded."""
    import json

    from PySide6.QtWebEngineCore import QWebEngineScript

    def run(page, script: str):  # noqa: ANN001, ANN202
        with qtbot.waitCallback(timeout=10000) as callback:
            page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, callback)
        result = callback.args[0]
        if isinstance(result, str):
            try:
                return json.loads(result)
            except ValueError:
                return result
        return result

    return run


@pytest.fixture
def click_element(qtbot, run_js) -> Callable:  # noqa: ANN001
    """`click_element(view, css_selector)`: scroll the element into view and click it with the real mouse."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    def click(view, selector: str, button=Qt.MouseButton.LeftButton) -> None:  # noqa: ANN001
        rect = run_js(
            view.page(),
            "(() => { const e = document.querySelector(%r); if (!e) return ''; e.scrollIntoView({block: 'center'});"
            " const r = e.getClientRects()[0]; return JSON.stringify([r.left + Math.min(r.width / 2, 5), r.top + r.height / 2]); })()"
            % selector,
        )
        assert rect, f"no element {selector!r} in the page"
        zoom = view.zoomFactor()
        target = view.focusProxy() or view
        QTest.mouseClick(target, button, Qt.KeyboardModifier.NoModifier, QPoint(int(rect[0] * zoom), int(rect[1] * zoom)))

    return click


@pytest.fixture(scope="session")
def english_qm(reader_context: AppContext, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English .qm, built from the committed .ts as packaging does (pyside6-lrelease, into a folder of its own:
    the reader never builds one), and the application's translations pointed at that folder."""
    import shutil
    import subprocess
    import sys

    from reader import paths
    from reader.gui.i18n import BASENAME

    beside = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.fail("pyside6-lrelease is missing from the environment")
    built = tmp_path_factory.mktemp("translations")
    qm = built / f"{BASENAME}_en.qm"
    subprocess.run([lrelease, "-silent", str(paths.translations_dir() / f"{BASENAME}_en.ts"), "-qm", str(qm)],
                   check=True, timeout=60)
    assert qm.stat().st_size > 1000
    # The next apply() loads from there; the translators it installed go.
    reader_context.translations.translations_dir = built
    return qm


@pytest.fixture
def assert_quiet(qtbot: QtBot) -> Callable[..., None]:
    """`assert_quiet(happened, ms, what)`: fail as soon as `happened()` is truthy, pass when it stayed falsy for `ms`.

    For absence checks only (no network request, no script ran). Nothing marks the moment after which a preconnect,
    a meta refresh or a lazy fetch can no longer start: they come from Chromium's own processes, milliseconds after
    load, so absence needs a time window. It is a wait on the condition, not a sleep: a violation ends it at once."""

    def check(happened: Callable[[], object], ms: int, what: str) -> None:
        try:
            qtbot.waitUntil(lambda: bool(happened()), timeout=ms)
        except qtbot.TimeoutError:
            return
        pytest.fail(f"{what}: {happened()!r}")

    return check
