"""Checklists in a real page: the locked-down profile (no corpus JavaScript), the app script in the
ApplicationWorld, ticks by mouse saved and seen again after a restart with the same profile."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWebEngineCore import QWebEngineScript, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from reader import paths
from reader.core.links import page_url
from reader.core.userdata import UserData, item_keys

if TYPE_CHECKING:
    from typing import Any

    from pytestqt.qtbot import QtBot

    from reader.gui.checklist import ChecklistTexts

pytestmark = pytest.mark.gui

PAGE_ID = "fasen/verkennen"


def _page_html(items: list[tuple[str, bool]], page_id: str = PAGE_ID) -> str:
    """A page as the renderer writes it (pymdownx tasklist, custom checkbox), with text written for this test."""
    lis = "\n".join(
        f'<li class="task-list-item"><label class="task-list-control"><input type="checkbox"'
        f'{" checked" if checked else ""} data-rl-check="{n}" aria-label="{text}">'
        f'<span class="task-list-indicator"></span></label> {text}</li>'
        for n, (text, checked) in enumerate(items)
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Verkennen</title>"
        f'<link rel="stylesheet" href="rl://edition.invalid/app/css/page.css"></head>'
        f'<body class="rl-page" data-page="{page_id}"><main class="rl-content"><article class="rl-article">'
        "<h1 id=\"verkennen\">Verkennen</h1><p>Inleiding.</p><h2 id=\"taken\">Taken</h2>"
        f'<ul class="task-list">\n{lis}\n</ul><p>Slot.</p></article></main></body></html>'
    )


def _edition(root: Path, items: list[tuple[str, bool]]) -> Path:
    (root / "pages" / "fasen").mkdir(parents=True, exist_ok=True)
    (root / "pages" / "fasen" / "verkennen.html").write_text(_page_html(items), encoding="utf-8")
    (root / "pages" / "leeg.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body data-page="leeg"><p>Geen lijst.</p></body></html>',
        encoding="utf-8")
    return root


ITEMS_V1 = [("Doel bepalen", False), ("Team samenstellen", True), ("Budget regelen", False)]


class Harness:
    """A locked-down profile, page and view on an edition directory, with a checklist controller attached."""

    def __init__(self, qtbot: QtBot, edition: Path, store: UserData, texts: ChecklistTexts | None = None) -> None:
        from reader.gui.checklist import ChecklistController
        from reader.gui.page import ReaderPage
        from reader.gui.profile import create_profile

        self.qtbot = qtbot
        from PySide6.QtWidgets import QApplication

        # Owned by the app, deleted explicitly after the page (a profile must outlive its pages).
        self.locked_profile = create_profile(edition, paths.resources_dir(), QApplication.instance())
        self.profile = self.locked_profile.profile
        assert not self.profile.settings().testAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled)
        self.view = QWebEngineView()
        self.page = ReaderPage(self.profile, self.view)
        self.view.setPage(self.page)
        qtbot.addWidget(self.view)
        self.view.resize(900, 700)
        self.view.show()
        self.controller = ChecklistController(store, texts, self.view)
        self.progress: list[tuple[str, int, int]] = []
        self.controller.progress_changed.connect(lambda p, d, t: self.progress.append((p, d, t)))
        self.controller.attach(self.page)

    def load(self, page_id: str = PAGE_ID) -> None:
        with self.qtbot.waitSignal(self.page.loadFinished, timeout=20000) as blocker:
            self.page.load(QUrl(page_url(page_id)))
        assert blocker.args == [True]

    def js(self, script: str) -> Any:
        with self.qtbot.waitCallback(timeout=10000) as callback:
            self.page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, callback)
        result = callback.args[0]
        return json.loads(result) if isinstance(result, str) and result[:1] in "{[" else result

    def state(self) -> dict:
        return self.js("window.rlChecklist ? window.rlChecklist.state() : '{}'")

    def wait_ready(self) -> dict:
        self.qtbot.waitUntil(lambda: all(self.state().get("enabled") or [False]), timeout=10000)
        return self.state()

    def click_box(self, index: int) -> None:
        rect = self.js(
            f"(function(){{var b=document.querySelectorAll('li.task-list-item input')[{index}];"
            "b.scrollIntoView({block:'center'});var r=b.getBoundingClientRect();"
            "return JSON.stringify([r.left+r.width/2, r.top+r.height/2]);})()"
        )
        target = self.view.focusProxy() or self.view
        self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(rect[0]), int(rect[1])))

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        self.view.close()
        self.page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.profile.deleteLater()


def test_tick_with_the_mouse_saves_and_survives_a_restart(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, open_store: Callable[..., UserData]
) -> None:
    edition = _edition(tmp_path / "edition", ITEMS_V1)
    keys = item_keys([t for t, _ in ITEMS_V1])

    store = open_store()
    h = Harness(qtbot, edition, store)
    h.load()
    state = h.wait_ready()
    # Nothing saved yet: the page's own [x] stands; the progress line is on the page.
    assert state["checked"] == [False, True, False]
    assert state["progress"] == "1 van 3 gedaan"
    assert h.js("document.querySelector('.rl-checklist-progress').nextElementSibling.className") == "task-list"
    h.click_box(0)
    qtbot.waitUntil(lambda: store.state(PAGE_ID).get(keys[0]) is True, timeout=10000)
    h.click_box(1)  # untick the one the page had ticked
    qtbot.waitUntil(lambda: store.state(PAGE_ID).get(keys[1]) is False, timeout=10000)
    assert h.state()["progress"] == "1 van 3 gedaan"
    h.click_box(2)
    qtbot.waitUntil(lambda: store.state(PAGE_ID).get(keys[2]) is True, timeout=10000)
    qtbot.waitUntil(lambda: h.state()["progress"] == "2 van 3 gedaan", timeout=5000)
    assert h.progress[-1] == (PAGE_ID, 2, 3)
    assert h.controller.progress_text(PAGE_ID) == "2 van 3 gedaan"
    assert h.locked_profile.guard.blocked == []  # nothing fetched: qwebchannel.js came from Qt's resources
    h.close()
    store.close()

    # "Restart": a new store on the same profile, a new profile/page/controller.
    store = open_store()
    h = Harness(qtbot, edition, store)
    h.load()
    state = h.wait_ready()
    assert state["checked"] == [True, False, True]
    assert state["progress"] == "2 van 3 gedaan"
    md = h.controller.report(PAGE_ID, "markdown", title="Verkennen")
    assert "- [x] Doel bepalen\n- [ ] Team samenstellen\n- [x] Budget regelen" in md
    out = h.controller.export_report(PAGE_ID, tmp_path / "verkennen.csv", title="Verkennen")
    assert out.read_text(encoding="utf-8").splitlines()[1] == f"{PAGE_ID},Verkennen,1,Doel bepalen,ja"
    h.close()
    store.close()


def test_ticks_follow_the_text_into_a_new_edition(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, store: UserData
) -> None:
    keys = item_keys([t for t, _ in ITEMS_V1])
    store.set_item(PAGE_ID, keys[2], True, "Budget regelen")
    # The new edition: an item inserted before, the ticked item moved, one item gone.
    items_v2 = [("Nieuwe stap", False), ("Budget regelen", False), ("Doel bepalen", False)]
    edition = _edition(tmp_path / "edition2", items_v2)
    h = Harness(qtbot, edition, store, texts=lambda page: [t for t, _ in items_v2] if page == PAGE_ID else None)
    h.load()
    state = h.wait_ready()
    assert state["checked"] == [False, True, False]
    assert state["progress"] == "1 van 3 gedaan"
    h.close()


def test_read_only_profile_shows_why_and_reverts(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.userdata import ReadOnlyError
    from reader.core.userdata import store as userdata_store

    edition = _edition(tmp_path / "edition", ITEMS_V1)
    UserData.open(tmp_path / "profile", corpus_id="corpus-a").close()
    monkeypatch.setattr(userdata_store, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-file-read-only", path="/profiel"))
    store = UserData.open(tmp_path / "profile", corpus_id="corpus-a")
    h = Harness(qtbot, edition, store)
    failures: list[str] = []
    h.controller.save_failed.connect(failures.append)
    h.load()
    h.wait_ready()
    assert "wordt niet bewaard" in h.js("document.querySelector('.rl-checklist-progress').textContent")
    h.click_box(0)
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert "alleen-lezen" in failures[0]
    qtbot.waitUntil(lambda: h.state()["checked"] == [False, True, False], timeout=5000)  # the tick was undone
    assert store.state(PAGE_ID) == {}
    h.close()
    store.close()


def test_page_without_checklist_is_left_alone(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, store: UserData
) -> None:
    edition = _edition(tmp_path / "edition", ITEMS_V1)
    h = Harness(qtbot, edition, store)
    h.load("leeg")
    assert h.state()["total"] == 0
    assert h.js("document.querySelectorAll('.rl-checklist-progress').length") == 0
    h.close()


@pytest.mark.parametrize("other_first", [False, True], ids=["other-after", "other-before"])
def test_shared_channel_with_another_app_script(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, other_first: bool, store: UserData
) -> None:
    """Another app script that injects its own copy of qwebchannel.js and makes its own QWebChannel (like the
    outline script) must not break the checklist, and must itself still reach its object; also when it runs
    before the checklist script (its channel then exists before the multiplexer)."""
    from PySide6.QtCore import QObject, Slot

    from reader.gui.checklist_script import qwebchannel_source

    class Other(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[str] = []

        @Slot(str)
        def hello(self, text: str) -> None:
            self.calls.append(text)

    edition = _edition(tmp_path / "edition", ITEMS_V1)
    h = Harness(qtbot, edition, store)
    other = Other()
    h.page.webChannel().registerObject("other", other)
    script = QWebEngineScript()
    script.setName("other")
    script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation if other_first
                             else QWebEngineScript.InjectionPoint.DocumentReady)
    script.setSourceCode(qwebchannel_source() + "\nnew QWebChannel(qt.webChannelTransport, function (c) {"
                         " c.objects.other.hello('hallo'); Promise.resolve().then(function () {"
                         " c.objects.other.hello('nog eens'); }); });")
    if other_first:
        # Put it in front of the checklist script.
        scripts = h.page.scripts()
        ours = scripts.find("rl-checklist")
        for s in ours:
            scripts.remove(s)
        scripts.insert(script)
        for s in ours:
            scripts.insert(s)
    else:
        h.page.scripts().insert(script)
    h.load()
    h.wait_ready()
    qtbot.waitUntil(lambda: len(other.calls) >= 2, timeout=10000)
    assert other.calls == ["hallo", "nog eens"], (other.calls, h.page.console)
    h.click_box(0)
    keys = item_keys([t for t, _ in ITEMS_V1])
    qtbot.waitUntil(lambda: store.state(PAGE_ID).get(keys[0]) is True, timeout=10000)
    # The tick's round trip through the page came after: nothing called the other object again meanwhile.
    assert other.calls == ["hallo", "nog eens"], (other.calls, h.page.console)
    h.close()


def test_export_report_dialog(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    from reader.gui.checklist import ChecklistController

    store = UserData.open(tmp_path / "profile", corpus_id="corpus-a")
    texts = [t for t, _ in ITEMS_V1]
    store.set_item(PAGE_ID, item_keys(texts)[0], True, texts[0])
    controller = ChecklistController(store, lambda page: texts if page == PAGE_ID else None)
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "rapport.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV voor spreadsheets (*.csv)")))
    assert controller.ask_export_report(parent, PAGE_ID, "Verkennen") == target
    assert target.read_text(encoding="utf-8").splitlines()[1:] == [
        f"{PAGE_ID},Verkennen,1,Doel bepalen,ja", f"{PAGE_ID},Verkennen,2,Team samenstellen,nee",
        f"{PAGE_ID},Verkennen,3,Budget regelen,nee"]
    assert controller.progress_text(PAGE_ID) == "1 van 3 gedaan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert controller.ask_export_report(parent, PAGE_ID) is None  # cancelled
    store.close()
