"""Attachments end to end in the real window: a click on a PDF or XLSX link shows the dialog with the file's name and
size, never loads the file in the view, opens a copy with the system's program or saves the exact bytes; the smoke
test lists the links and counts them as working; nothing leaves the reader's scheme.

Only QDesktopServices.openUrl and QFileDialog are replaced: they need a desktop.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.gui.conftest import SocketTripwire

pytestmark = pytest.mark.gui

CORE_TESTS = Path(__file__).resolve().parents[1] / "core"
SMOKE_CHECK = Path(__file__).resolve().parents[3] / "shared" / "tools" / "smoke_check.py"
PDF_URL = "rl://edition.invalid/asset/bijlagen/rapport.pdf"
XLSX_URL = "rl://edition.invalid/asset/bijlagen/tabel.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SETTLE_MS = 800


def _source_writer() -> Any:
    sys.path.insert(0, str(CORE_TESTS))  # the test folders are no packages: the module is found by its folder
    try:
        from test_attachments import write_attachment_source
    finally:
        sys.path.remove(str(CORE_TESTS))
    return write_attachment_source


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return _source_writer()(tmp_path / "src")


@pytest.fixture
def edition(tmp_path: Path, source: Path) -> Path:
    from reader import paths
    from reader.core.edition import build_edition

    build_edition(source, tmp_path / "edition", icons_dir=paths.icons_dir())
    return tmp_path / "edition"


@pytest.fixture
def window(open_reader, edition, tmp_path):
    reader = open_reader(edition, "index")
    reader.window.attachments.temp_root = tmp_path / "tmp"
    (tmp_path / "tmp").mkdir()
    return reader.window


def _click_attachment(window, qtbot, click_element, selector: str):
    click_element(window.view, selector)
    qtbot.waitUntil(lambda: window.attachments.dialog is not None and window.attachments.dialog.isVisible(),
                    timeout=5000)
    return window.attachments.dialog


def test_clicking_a_pdf_shows_the_dialog_and_nothing_loads(window, qtbot, click_element, run_js, tripwire,
                                                           assert_quiet, source, monkeypatch):
    from PySide6.QtCore import Qt

    from reader.gui.attachments import format_size

    # Every request the reader's scheme handler gets (Chromium calls the instance's override).
    handler = window.locked_profile.handler
    requests: list[str] = []
    original = handler.requestStarted

    def spy(job: Any) -> None:
        requests.append(job.requestUrl().toString())
        original(job)

    monkeypatch.setattr(handler, "requestStarted", spy)
    # The reload's own loadFinished must have come before `finished` listens: readyState "complete" can be seen
    # before Qt emits it.
    with qtbot.waitSignal(window.page.loadFinished, timeout=10000):
        window.page.load(window.page.url())  # the spy sees requests: the page itself is one
    qtbot.waitUntil(lambda: requests == ["rl://edition.invalid/page/index"], timeout=10000)
    qtbot.waitUntil(lambda: run_js(window.page, "document.readyState") == "complete", timeout=10000)
    requests.clear()
    finished: list[bool] = []
    window.page.loadFinished.connect(finished.append)
    dialog = _click_attachment(window, qtbot, click_element, "a[href$='rapport.pdf']")
    size = (source / "docs" / "bijlagen" / "rapport.pdf").stat().st_size
    assert dialog.name_label.text() == "rapport.pdf"
    assert dialog.size_label.text() == f"Grootte: {format_size(size)}"
    assert dialog.open_button.text() == "Openen met standaardprogramma"
    assert dialog.save_button.text() == "Opslaan als\u2026"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal  # window-modal, no nested event loop
    assert_quiet(lambda: requests or tripwire.connections, SETTLE_MS, "the attachment was requested")
    assert True not in finished  # Chromium may report the refused navigation as a failed load, never a loaded one
    assert run_js(window.page, "location.href") == "rl://edition.invalid/page/index"
    assert window.locked_profile.guard.blocked == []
    assert window.page.console == []
    assert tripwire.connections == []


def test_open_hands_a_copy_to_the_system(window, qtbot, click_element, monkeypatch, source, tmp_path):
    from PySide6.QtCore import Qt, QUrl

    from reader.gui import attachments

    opened: list[QUrl] = []
    monkeypatch.setattr(attachments.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = _click_attachment(window, qtbot, click_element, "a[href$='rapport.pdf']")
    with qtbot.waitSignal(dialog.opened, timeout=5000) as signal:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].isLocalFile()
    copy = Path(opened[0].toLocalFile())
    assert copy == Path(signal.args[0]) and copy.name == "rapport.pdf"
    assert copy.is_relative_to(tmp_path / "tmp")  # outside the edition
    assert copy.read_bytes() == (source / "docs" / "bijlagen" / "rapport.pdf").read_bytes()
    qtbot.waitUntil(lambda: window.attachments.dialog is None, timeout=5000)


def test_no_program_to_open_it_is_said_and_the_dialog_stays(window, qtbot, click_element, monkeypatch):
    from PySide6.QtCore import Qt

    from reader.gui import attachments

    monkeypatch.setattr(attachments.QDesktopServices, "openUrl", lambda url: False)
    dialog = _click_attachment(window, qtbot, click_element, "a[href*='tabel.xlsx']")
    assert dialog.name_label.text() == "tabel.xlsx"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message_label.isVisible()
    assert "geen programma" in dialog.message_label.text() and "Opslaan als" in dialog.message_label.text()


def test_save_as_writes_the_exact_bytes(window, qtbot, click_element, monkeypatch, source, tmp_path):
    from PySide6.QtCore import Qt

    from reader.gui import attachments

    target = tmp_path / "bewaard" / "tabel-kopie.xlsx"
    target.parent.mkdir()
    asked: list[tuple[Any, ...]] = []

    def fake_save(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(attachments.QFileDialog, "getSaveFileName", fake_save)
    dialog = _click_attachment(window, qtbot, click_element, "a[href*='tabel.xlsx']")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0][2]).name == "tabel.xlsx"  # the dialog proposes the attachment's own name
    assert "*.xlsx" in asked[0][3]
    assert target.read_bytes() == (source / "docs" / "bijlagen" / "tabel.xlsx").read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["tabel-kopie.xlsx"]  # no temporary file left behind
    assert target.name in window.feedback.currentMessage()  # said where the user looks, above the page


def test_cancelling_save_writes_nothing(window, qtbot, click_element, monkeypatch, tmp_path):
    from PySide6.QtCore import Qt

    from reader.gui import attachments

    monkeypatch.setattr(attachments.QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    dialog = _click_attachment(window, qtbot, click_element, "a[href*='tabel.xlsx']")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.message_label.isVisible()


def test_loading_an_attachment_directly_is_refused(window, qtbot):
    from PySide6.QtCore import QUrl

    refused: list[str] = []
    window.page.navigation_refused.connect(lambda url: refused.append(url.toString()))
    window.page.load(QUrl(PDF_URL))
    qtbot.waitUntil(lambda: refused == [PDF_URL], timeout=5000)
    assert window.attachments.dialog is None


def test_the_scheme_handler_serves_them_with_their_type(window):
    """The real handler, asked as Chromium asks it (a job: url, method, reply)."""
    from PySide6.QtCore import QByteArray, QObject, QUrl

    def job_for(url: str) -> Any:
        # A QObject (the handler parents its reply buffer to the job) with the job's methods, Qt's names.
        job: Any = QObject()
        job.replied, job.failed = None, None
        job.requestUrl = lambda: QUrl(url)
        job.requestMethod = lambda: QByteArray(b"GET")

        def reply(mime: bytes, device: Any) -> None:
            job.replied = (bytes(mime).decode(), bytes(device.readAll().data()))

        def fail(error: Any) -> None:
            job.failed = error

        job.reply, job.fail = reply, fail
        return job

    handler = window.locked_profile.handler
    for url, mime, name in ((PDF_URL, "application/pdf", "rapport.pdf"), (XLSX_URL, XLSX_TYPE, "tabel.xlsx")):
        job = job_for(url)
        handler.requestStarted(job)
        assert job.failed is None
        assert job.replied == (mime, (window.edition.root / "assets" / "bijlagen" / name).read_bytes())


def _smoke(window, qtbot) -> list[dict[str, Any]]:
    from reader.gui.smoke import SmokeRunner

    out = io.StringIO()
    finished: list[bool] = []
    runner = SmokeRunner(window, ["index"], out, time.time(), finished.append)
    runner.start()
    qtbot.waitUntil(lambda: finished != [], timeout=30000)
    assert finished == [True]
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_smoke_test_lists_the_links_and_counts_them_as_working(window, qtbot, tmp_path, source,
                                                                    tripwire: SocketTripwire):
    records = _smoke(window, qtbot)
    page = records[0]
    assert page["page"] == "index" and page["load_ok"]
    assert PDF_URL in page["links"] and XLSX_URL + "#blad1" in page["links"]
    attachments = {r["page"]: r for r in records[1:]}
    assert set(attachments) == {"asset/bijlagen/rapport.pdf", "asset/bijlagen/tabel.xlsx"}
    pdf = attachments["asset/bijlagen/rapport.pdf"]
    assert pdf["kind"] == "attachment" and pdf["load_ok"] and pdf["url"] == PDF_URL
    assert "application/pdf" in pdf["text"]
    assert XLSX_TYPE in attachments["asset/bijlagen/tabel.xlsx"]["text"]
    assert all(r["blocked"] == [] and r["console"] == [] for r in records)
    assert tripwire.connections == []
    if not SMOKE_CHECK.is_file():
        pytest.skip(f"{SMOKE_CHECK} is not available")
    jsonl = tmp_path / "smoke.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    checked = subprocess.run([sys.executable, str(SMOKE_CHECK), str(jsonl), str(source / "docs"), "--strict"],
                             capture_output=True, text=True, timeout=60)
    assert "internal link to no page" not in checked.stdout, checked.stdout
    assert checked.returncode == 0, checked.stdout


def test_a_missing_attachment_fails_the_smoke_test(window, qtbot):
    (window.edition.root / "assets" / "bijlagen" / "rapport.pdf").unlink()
    records = _smoke_allowing_failure(window, qtbot)
    pdf = next(r for r in records if r["page"] == "asset/bijlagen/rapport.pdf")
    assert pdf["load_ok"] is False


def _smoke_allowing_failure(window, qtbot) -> list[dict[str, Any]]:
    from reader.gui.smoke import SmokeRunner

    out = io.StringIO()
    finished: list[bool] = []
    SmokeRunner(window, ["index"], out, time.time(), finished.append).start()
    qtbot.waitUntil(lambda: finished != [], timeout=30000)
    assert finished == [False]
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_context_menu_of_an_attachment_link_offers_the_dialog(window, qtbot, run_js, monkeypatch):
    from PySide6.QtCore import QPoint, Qt

    rect = run_js(
        window.page,
        "(function(){var a=document.querySelector(\"a[href$='rapport.pdf']\"); a.scrollIntoView({block:'center'});"
        "var r=a.getBoundingClientRect(); return JSON.stringify([r.left + 5, r.top + r.height/2]);})()",
    )
    zoom = window.view.zoomFactor()
    menus: list[Any] = []
    monkeypatch.setattr(
        window, "_show_context_menu", lambda request, pos: menus.append(window.build_context_menu(request))
    )
    qtbot.mouseClick(window.view.focusProxy(), Qt.MouseButton.RightButton,
                     pos=QPoint(int(rect[0] * zoom), int(rect[1] * zoom)))
    qtbot.waitUntil(lambda: bool(menus), timeout=5000)
    action = next(a for a in menus[-1].actions() if a.objectName() == "openAttachment")
    assert action.text() == "Bijlage openen of opslaan\u2026"
    action.trigger()
    assert window.attachments.dialog is not None and window.attachments.dialog.name_label.text() == "rapport.pdf"


def test_names_with_spaces_and_accents_keep_their_name(edition, tmp_path):
    from reader.core.links import asset_url
    from reader.gui.attachments import find_attachment

    name = "Jaarverslag 2024 (definitief) \u00e9\u00e9n.docx"
    (edition / "assets" / "bijlagen" / name).write_bytes(b"PK\x03\x04 inhoud")
    found = find_attachment(asset_url("bijlagen/" + name) + "#x", edition)
    assert found is not None
    assert (found.name, found.size) == (name, len(b"PK\x03\x04 inhoud"))
    assert found.mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert find_attachment(asset_url("bijlagen/../../manifest.json"), edition) is None
