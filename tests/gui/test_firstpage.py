"""The first page loads while the window is built (reader/gui/firstpage.py): in a real window on the bundled
edition, a load that finishes before the window is whole is handled once it is (page_loaded once, after
create_reader returns; the sidebar, title, history and outline follow), the page carries the app's scripts and the
saved theme, and a start page the edition does not have falls back to the window's own message."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop

from reader.gui import firstpage

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import AppContext, Reader

pytestmark = pytest.mark.gui


@pytest.fixture
def start(reader_context: AppContext, qtbot: QtBot) -> Iterator[Callable[..., Reader]]:
    """create_reader as the open command calls it (with a start page), shown; closed afterwards."""
    from reader.gui.app import create_reader

    made: list[Reader] = []

    def make(edition: Path, profile: Path, start_page: str) -> Reader:
        reader = create_reader(edition, profile, context=reader_context, start_page=start_page)
        made.append(reader)
        qtbot.addWidget(reader.window)
        reader.window.resize(1200, 800)
        reader.window.show()
        return reader

    yield make
    for reader in made:
        reader.close()


@pytest.fixture
def fast_engine(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """An engine so fast that the first page has loaded by its first turn: each turn runs the event loop until the
    page's loadFinished came (or 10 s), the way a quick machine could. Reports what happened."""
    seen: dict[str, Any] = {"loaded": [], "window_whole": None}
    original = firstpage.start_first_page

    def start_first_page(*args: Any, **kwargs: Any) -> firstpage.FirstPage | None:
        first = original(*args, **kwargs)
        if first is not None:
            first.page.loadFinished.connect(seen["loaded"].append)
        return first

    def let_engine_run() -> None:
        deadline = time.monotonic() + 10
        while not seen["loaded"] and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)

    monkeypatch.setattr(firstpage, "start_first_page", start_first_page)
    monkeypatch.setattr(firstpage, "let_engine_run", let_engine_run)
    return seen


def test_a_first_page_loaded_before_the_window_is_whole_is_handled_once_it_is(
    start: Callable[..., Reader], fast_engine: dict[str, Any], content_edition: Path, tmp_path: Path, qtbot: QtBot,
    run_js: Callable[..., Any],
) -> None:
    page_id = "handleiding/zoeken"
    reader = start(content_edition, tmp_path / "p", page_id)
    window = reader.window
    assert fast_engine["loaded"] == [True]  # the page had loaded during the build
    emitted: list[tuple[str, bool]] = []
    window.page_loaded.connect(lambda page, ok: emitted.append((page, ok)))
    qtbot.waitUntil(lambda: emitted == [(page_id, True)], timeout=5000)  # once the caller listens
    qtbot.wait(100)
    assert emitted == [(page_id, True)]  # and once only
    title = window.edition.pages[page_id].title
    assert window.current_page_id() == page_id and title in window.windowTitle()
    assert window.contents.currentItem() is window.contents._items[page_id]
    qtbot.waitUntil(lambda: [v.page_id for v in window.userdata.recent()] == [page_id], timeout=5000)
    # The app's scripts are on the page: the outline script's object, the theme mark, the checklist bridge.
    assert run_js(window.page, "typeof window.rlReader") == "object"
    assert run_js(window.page, "document.documentElement.dataset.theme || ''") in ("light", "dark")
    assert window.late_panels() is not None  # the panels the first page brings


def test_the_first_page_starts_loading_before_the_window_is_built(
    start: Callable[..., Reader], content_edition: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import mainwindow

    order: list[str] = []
    original_start = firstpage.start_first_page
    original_init = mainwindow.MainWindow.__init__

    def start_first_page(*args: Any, **kwargs: Any) -> firstpage.FirstPage | None:
        first = original_start(*args, **kwargs)
        order.append(f"loading {first.url}" if first is not None else "no first page")
        return first

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        order.append("window")
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(firstpage, "start_first_page", start_first_page)
    monkeypatch.setattr(mainwindow.MainWindow, "__init__", init)
    window = start(content_edition, tmp_path / "p", "").window
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        pass
    assert order == [f"loading rl://edition.invalid/page/{window.edition.home_page}", "window"]
    assert window.view.page() is window.page and window.page.parent() is window.view  # adopted by the view


def test_the_saved_theme_is_on_the_first_page_from_its_first_paint(
    start: Callable[..., Reader], content_edition: Path, tmp_path: Path, qtbot: QtBot, run_js: Callable[..., Any],
) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "settings.json").write_text(json.dumps({"theme": "dark"}), encoding="utf-8")
    window = start(content_edition, profile, "").window
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        pass
    assert run_js(window.page, "document.documentElement.dataset.theme") == "dark"
    assert window.page.backgroundColor().lightness() < 60  # no white flash before the page paints
    # The window restoring the saved theme found the first page carrying it: one theme script, not two.
    from reader.gui import themes

    assert len(window.page.scripts().find(themes.SCRIPT_NAME)) == 1
    window.set_theme("light")  # another theme still replaces it, and reaches the page shown
    assert len(window.page.scripts().find(themes.SCRIPT_NAME)) == 1
    qtbot.waitUntil(lambda: run_js(window.page, "document.documentElement.dataset.theme") == "light", timeout=5000)


def test_a_start_page_the_edition_does_not_have_is_said_and_home_opens(
    start: Callable[..., Reader], content_edition: Path, tmp_path: Path, qtbot: QtBot,
) -> None:
    window = start(content_edition, tmp_path / "p", "geen/pagina").window
    with qtbot.waitSignal(window.page_loaded, timeout=20000) as loaded:
        pass
    assert loaded.args == [window.edition.home_page, True]  # the home page rather than an empty window
    assert window.feedback.isVisible() and "geen/pagina" in window.feedback.label.text()
    assert window.late_panels() is not None  # search, bookmarks and history came with it


def test_reading_without_searching_never_imports_whoosh_nor_the_builder(content_edition: Path, tmp_path: Path) -> None:
    """In a fresh process (the test process has imported everything): a window that shows pages, with its late
    panels built (the search field and filters among them), has not paid for Whoosh, the index writer or the
    edition builder; searching is what loads them."""
    import subprocess
    import sys

    code = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.gui.app import create_application, create_reader
app = create_application(["x"], offscreen=True)
window = create_reader(Path({str(content_edition)!r}), Path({str(tmp_path / "p")!r}), app=app, start_page="").window
pages = ["handleiding/zoeken", "handleiding/lezen", "over"]
def loaded(_page, _ok):
    if pages:
        QTimer.singleShot(0, lambda: window.open_page(pages.pop(0)))
    else:
        QTimer.singleShot(300, app.quit)
window.page_loaded.connect(loaded)
window.show()
QTimer.singleShot(20000, app.quit)
app.exec()
assert window.late_panels() is not None and not pages, "the pages did not load"
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("whoosh", "asyncio", "markdown", "pymdownx", "pygments")
               or m in ("reader.core.edition.build", "reader.core.search.build", "reader.core.search.analysis"))
print("HEAVY", heavy)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "HEAVY []" in proc.stdout, proc.stdout[-2000:]
