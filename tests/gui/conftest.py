"""GUI fixtures: one QApplication (with the reader's scheme registered first) and windows on real editions."""

from __future__ import annotations

import socket
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from reader.gui.app import AppContext, Reader


@pytest.fixture(scope="session")
def qapp() -> Iterator[QApplication]:
    """Overrides pytest-qt's fixture: the reader's scheme must be registered before the app exists."""
    from reader.gui.app import create_application

    app = create_application(["pytest"], offscreen=True)
    yield app
    _delete_web_objects(app)
    app.clipboard().clear()  # Qt crashes at exit when the offscreen clipboard still owns data


def _delete_web_objects(app: QApplication) -> None:
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
def reader_context(qapp: QApplication) -> AppContext:
    """What the app keeps across readers (translations, the system palette), made once as the open command does."""
    from reader.gui.app import create_context

    return create_context(qapp)


@pytest.fixture
def back_to_dutch(reader_context: AppContext) -> Iterator[None]:
    """For tests that switch the interface language: the session's app is Dutch again afterwards, whatever failed."""
    yield
    reader_context.translations.apply("nl")


@pytest.fixture
def open_reader(reader_context: AppContext, qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Reader]]:
    """Factory: `open_reader(edition_dir, page=None, profile=None)` -> Reader with its first page loaded."""
    from reader.gui.app import create_reader

    made: list[Reader] = []

    def make(edition_dir: Path, page: str | None = None, profile: Path | None = None) -> Reader:
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
def run_js(qtbot: QtBot) -> Callable[[QWebEnginePage, str], Any]:
    """`run_js(page, script)`: run in the app's isolated world; JSON strings come back decoded."""
    import json

    from PySide6.QtWebEngineCore import QWebEngineScript

    def run(page: QWebEnginePage, script: str) -> Any:
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
def click_element(run_js: Callable[[QWebEnginePage, str], Any]) -> Callable[..., None]:
    """`click_element(view, css_selector)`: scroll the element into view and click it with the real mouse."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    def click(view: QWebEngineView, selector: str, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        rect = run_js(
            view.page(),
            "(() => { const e = document.querySelector(%r); if (!e) return ''; e.scrollIntoView({block: 'center'});"
            " const r = e.getClientRects()[0];"
            " return JSON.stringify([r.left + Math.min(r.width / 2, 5), r.top + r.height / 2]); })()"
            % selector,
        )
        assert rect, f"no element {selector!r} in the page"
        zoom = view.zoomFactor()
        target = view.focusProxy() or view
        point = QPoint(int(rect[0] * zoom), int(rect[1] * zoom))
        QTest.mouseClick(target, button, Qt.KeyboardModifier.NoModifier, point)

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


class SocketTripwire:
    """Accepts TCP connections on 127.0.0.1 (random port) and records each one with its first bytes.

    Socket-level on purpose: Chromium's preconnect never asks the request interceptor and sends no request, so an
    HTTP server would miss it; a bare connection is recorded here all the same."""

    def __init__(self) -> None:
        self.connections: list[bytes] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # closed
            with conn:
                conn.settimeout(0.5)
                try:
                    data = conn.recv(256)
                except OSError:
                    data = b""
                self.connections.append(data)
                try:
                    conn.sendall(b"HTTP/1.0 204 No Content\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def tripwire() -> Iterator[SocketTripwire]:
    """A local address that must receive nothing: any connection means a page reached the network."""
    wire = SocketTripwire()
    # The tripwire itself works: a request from this process is seen (then forgotten).
    with urllib.request.urlopen(wire.url + "/selftest", timeout=5) as reply:
        assert reply.status == 204
    assert any(b"/selftest" in c for c in wire.connections)
    wire.connections.clear()
    yield wire
    wire.close()
