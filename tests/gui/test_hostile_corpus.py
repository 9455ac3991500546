"""A hostile corpus in the real engine: nothing it contains runs, and nothing reaches the network, not even a bare
TCP connection (Chromium's preconnect never asks the request interceptor, so `RequestGuard.blocked` alone cannot
prove the reader stayed offline). The tripwire is a socket on 127.0.0.1 that records every connection it accepts.

The pages are written by tests/core/test_hostile_render.py's `write_hostile_source`, pointed at the tripwire.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.gui.conftest import SocketTripwire

pytestmark = pytest.mark.gui

CORE_TESTS = Path(__file__).resolve().parents[1] / "core"

# The absence window (see assert_quiet): long enough for a preconnect, a refresh or a lazy image to fire (they take
# milliseconds); a connection ends the wait at once.
SETTLE_MS = 1200


@pytest.fixture
def hostile_edition(tmp_path: Path, tripwire: SocketTripwire) -> Path:
    from reader import paths
    from reader.core.edition import build_edition

    sys.path.insert(0, str(CORE_TESTS))  # the test folders are no packages: the module is found by its folder
    try:
        from test_hostile_render import write_hostile_source
    finally:
        sys.path.remove(str(CORE_TESTS))
    source = write_hostile_source(tmp_path / "src", tripwire.url)
    # The SVG file also appears as an image: as an <img> it is a sandboxed image and must load and fetch nothing.
    index = source / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n![tekening](tekening.svg)\n", encoding="utf-8")
    build_edition(source, tmp_path / "edition", keep_going=True, icons_dir=paths.icons_dir())
    return tmp_path / "edition"


STATE = (
    "JSON.stringify({title: document.title, url: location.href, scripts: document.scripts.length,"
    " text: document.body ? document.body.innerText : document.documentElement.textContent,"
    " images: Array.from(document.images).map(i => [i.src, i.complete && i.naturalWidth > 0]),"
    " links: document.querySelectorAll('link').length})"
)
HOSTILE_TITLE = "Titel <script>document.title='PWN'</script> \"dubbel\" 'enkel' & <b>vet</b>"


def test_hostile_pages_run_nothing_and_reach_nothing(open_reader, run_js, qtbot, hostile_edition, tripwire,
                                                     assert_quiet):
    reader = open_reader(hostile_edition, "index")
    window = reader.window
    guard = window.locked_profile.guard
    want_titles = {"index": HOSTILE_TITLE, "kwaad": "Kwaad", "sub": "Sub </title><script>x</script>"}
    for page_id, title in want_titles.items():
        with qtbot.waitSignal(window.page_loaded, timeout=20000):
            window.open_page(page_id)
        qtbot.waitUntil(lambda: run_js(window.page, "document.readyState") == "complete", timeout=10000)
        assert_quiet(lambda: tripwire.connections, SETTLE_MS, f"page {page_id} reached the network")
        got = run_js(window.page, STATE)
        assert got["title"] == title, page_id  # the sentinel: no corpus script ever set it
        assert got["url"].startswith("rl://edition.invalid/page/" + page_id)
        assert got["scripts"] == 0 and got["links"] == 1  # only the reader's own stylesheet
        assert "PWN" not in got["text"].replace("document.title='PWN'", "")
        assert all(src.startswith(("rl://edition.invalid/", "data:image/")) for src, _ in got["images"]), got
        assert all(ok for src, ok in got["images"] if src.endswith(("ok.png", "tekening.svg"))), got["images"]
        if page_id == "kwaad":
            assert "Laatste regel blijft staan." in got["text"]
        if page_id == "index":
            assert "rl://edition.invalid/asset/tekening.svg" in [src for src, ok in got["images"] if ok]
    assert guard.blocked == []  # sanitized pages do not even try
    assert tripwire.connections == []
    assert window.page.console == []


def test_corpus_html_and_svg_files_never_become_documents(open_reader, run_js, click_element, qtbot,
                                                          hostile_edition, tripwire, assert_quiet):
    """An HTML file in the corpus opens as its source text; an SVG file is not opened as a document at all
    (as one, it would preconnect to the address it names, past the request interceptor)."""
    from PySide6.QtCore import QUrl

    reader = open_reader(hostile_edition, "index")
    window = reader.window
    page = window.page
    guard = window.locked_profile.guard

    # The link to the HTML file, clicked like a reader would.
    with qtbot.waitSignal(page.loadFinished, timeout=20000):
        click_element(window.view, "a[href$='bestand.html']")
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "the corpus HTML file reached the network")
    got = run_js(page, STATE)
    assert got["url"] == "rl://edition.invalid/asset/bestand.html"
    assert got["scripts"] == 0 and got["links"] == 0 and got["images"] == []
    assert "<script>document.title='PWN'</script>" in got["text"]  # shown as text, never parsed as HTML
    assert got["title"] != "PWN"

    # The SVG file: clicked from the page, and loaded directly; both refused, the view stays where it was.
    window.open_page("index")
    qtbot.waitUntil(lambda: run_js(page, "location.href") == "rl://edition.invalid/page/index", timeout=10000)
    qtbot.waitUntil(lambda: run_js(page, "document.readyState") == "complete", timeout=10000)
    refused: list[str] = []
    page.navigation_refused.connect(lambda url: refused.append(url.toString()))
    click_element(window.view, "a[href$='tekening.svg']")
    qtbot.waitUntil(lambda: len(refused) == 1, timeout=5000)
    page.load(QUrl("rl://edition.invalid/asset/tekening.svg"))
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "the corpus SVG file reached the network")
    assert refused == ["rl://edition.invalid/asset/tekening.svg"] * 2
    got = run_js(page, STATE)
    assert got["url"] == "rl://edition.invalid/page/index" and got["title"] == HOSTILE_TITLE

    assert tripwire.connections == []
    assert guard.blocked == []
    assert page.console == []


def test_web_links_reach_nothing_until_the_user_agrees(open_reader, run_js, qtbot, hostile_edition, tripwire,
                                                       monkeypatch, assert_quiet):
    """Hovering, pressing and clicking a web link: Chromium may preconnect on hover or pointer-down (past the
    interceptor); the reader only asks, and a refusal leaves the network untouched."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    reader = open_reader(hostile_edition, "index")
    window = reader.window
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_open_external", lambda url: asked.append(url.toString()) or False)
    rect = run_js(window.page, "(() => { const a = document.querySelector('a.rl-external[href$=\"/klik\"]');"
                               " a.scrollIntoView({block: 'center'}); const r = a.getClientRects()[0];"
                               " return JSON.stringify([r.left + 3, r.top + r.height / 2]); })()")
    target = window.view.focusProxy() or window.view
    point = QPoint(int(rect[0] * window.view.zoomFactor()), int(rect[1] * window.view.zoomFactor()))
    QTest.mouseMove(target, point)
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "hover reached the network")
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "pointer-down reached the network")
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "the refused web link reached the network")
    assert asked == [tripwire.url + "/klik"]
    assert tripwire.connections == []
    assert run_js(window.page, "location.href") == "rl://edition.invalid/page/index"
    assert window.locked_profile.guard.blocked == []


# --- corpus strings in the reader's own widgets ------------------------------------------------------------------
SITE_NAME = "Vijandig <b>vet</b> <img src='/etc/x.png'>"
HEADING = "Kop <b>vet</b> <img src='/etc/x.png'>"


def shown_text(text: str) -> str:
    """What a Qt widget with automatic text format shows for `text` (tooltips and labels decide this way)."""
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtGui import QTextDocument

    if not GuiQt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def rich_text_shown(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_search_results_show_corpus_strings_as_text(open_reader, qtbot, hostile_edition):
    from PySide6.QtCore import Qt

    from reader.gui.sidebar.search import HTML_ROLE

    reader = open_reader(hostile_edition, "index")
    panel = reader.window.search_panel
    qtbot.keyClicks(panel.field, "samenvatting")
    panel.search_now()
    qtbot.waitUntil(lambda: panel.result_count() > 0, timeout=5000)
    rows = [panel.model.index(r, 0) for r in range(panel.model.rowCount())]
    shown = [rich_text_shown(i.data(HTML_ROLE)) for i in rows]
    assert any(HOSTILE_TITLE in s for s in shown), shown  # the title, literally: nothing was parsed as markup
    assert any("<img src=x onerror=document.title='PWN'>" in s for s in shown), shown
    assert all(HOSTILE_TITLE in (i.data(Qt.ItemDataRole.DisplayRole) or "") for i in rows[:1])


def test_tooltips_and_labels_show_corpus_strings_as_text(open_reader, qtbot, hostile_edition):
    from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItemIterator

    reader = open_reader(hostile_edition, "kwaad")
    window = reader.window
    qtbot.waitUntil(lambda: window.outline.topLevelItemCount() > 0, timeout=5000)

    def tips(tree: QTreeWidget) -> list[str]:
        out = []
        it = QTreeWidgetItemIterator(tree)
        while it.value():
            out.append(it.value().toolTip(0))
            it += 1
        return out

    problems = []
    if not any(HOSTILE_TITLE in shown_text(t) for t in tips(window.contents)):
        problems.append(f"contents tooltips: {[shown_text(t) for t in tips(window.contents)]}")
    if not any(HEADING in shown_text(t) for t in tips(window.outline)):
        problems.append(f"outline tooltips: {[shown_text(t) for t in tips(window.outline)]}")
    label = window._edition_label
    from PySide6.QtCore import Qt

    label_shown = label.text() if label.textFormat() == Qt.TextFormat.PlainText else shown_text(label.text())
    if SITE_NAME not in label_shown:
        problems.append(f"edition label: {label_shown!r}")
    assert not problems, "\n".join(problems)


def test_print_footer_keeps_corpus_strings_inside_its_css_string(open_reader, run_js, qtbot, tmp_path, tripwire,
                                                                 assert_quiet):
    from reader import paths
    from reader.core.edition import build_edition
    from reader.gui.printing import _footer_js, footer_text

    src = tmp_path / "ff"
    (src / "docs").mkdir(parents=True)
    escape = "} } body { background-image: url(" + tripwire.url + "/footer-css) } @page { @bottom-left {"
    (src / "mkdocs.yml").write_text(f"site_name: {json_quote('Voet' + chr(12) + escape)}\n", encoding="utf-8")
    (src / "docs" / "index.md").write_text("---\ntitle: Voet\nsummary: Een pagina.\n---\n\n# Voet\n\nTekst.\n",
                                           encoding="utf-8")
    build_edition(src, tmp_path / "edition", icons_dir=paths.icons_dir())
    reader = open_reader(tmp_path / "edition", "index")
    window = reader.window
    footer = footer_text(window.edition, "index")
    assert run_js(window.page, _footer_js(footer)) is True
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "the footer's CSS reached the network")
    background = run_js(window.page, "getComputedStyle(document.body).backgroundImage")
    blocked = window.locked_profile.guard.blocked
    assert tripwire.connections == []  # the interceptor still stops the fetch itself
    assert background == "none" and blocked == [], (background, blocked)


def json_quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), so control characters survive as escapes."""
    import json

    return json.dumps(text)


ODD_URLS = [
    "rl://edition.invalid/asset/..%2F..%2Fmanifest.json",
    "rl://edition.invalid/asset/%2e%2e/%2e%2e/manifest.json",
    "rl://edition.invalid/asset/..%5C..%5Cmanifest.json",
    "rl://edition.invalid/asset/ok.png%00.html",
    "rl://edition.invalid/asset/%252e%252e%252fmanifest.json",
    "rl://edition.invalid/page/..%2F..%2Fgeheim",
    "rl://edition.invalid/app/..%2F..%2F..%2Fgeheim.txt",
    "rl://edition.invalid/manifest.json",
    "rl://edition.invalid/asset/" + "a" * 5000,
    "rl://other.invalid/asset/ok.png",
    "rl://edition.invalid:8080/page/index",
]


def test_odd_reader_urls_serve_nothing_outside_the_edition(open_reader, run_js, qtbot, hostile_edition, tripwire):
    """Through Chromium's own URL canonicalisation, then the scheme handler: never the manifest, never a file
    beside the edition."""
    from PySide6.QtCore import QUrl

    (hostile_edition.parent / "geheim.txt").write_text("GEHEIM-BUITEN", encoding="utf-8")
    (hostile_edition.parent / "geheim.html").write_text("GEHEIM-BUITEN", encoding="utf-8")
    reader = open_reader(hostile_edition, "index")
    page = reader.window.page
    for url in ODD_URLS:
        with qtbot.waitSignal(page.loadFinished, timeout=20000):
            page.load(QUrl(url))
        text = run_js(page, "document.documentElement ? document.documentElement.innerText : ''") or ""
        assert "GEHEIM-BUITEN" not in text and "content_hash" not in text and '"format' not in text, url
    # The probe reads what was loaded: a file of the edition does show.
    with qtbot.waitSignal(page.loadFinished, timeout=20000):
        page.load(QUrl("rl://edition.invalid/asset/bestand.html"))
    assert "HTML-BESTAND" in run_js(page, "document.documentElement.innerText")
    assert tripwire.connections == []


def test_other_corpus_files_are_inert_when_opened(open_reader, run_js, qtbot, tmp_path, tripwire, assert_quiet):
    """Every corpus file that could be markup, whatever its name says, opens as text or not at all."""
    from PySide6.QtCore import QUrl

    from reader import paths
    from reader.core.edition import build_edition

    wire = tripwire.url
    html = (f'<html><head><link rel="preconnect" href="{wire}"><link rel="stylesheet" href="{wire}/css"></head>'
            f"<body><script>document.title='PWN'</script><img src='{wire}/img'>MARKUP</body></html>")
    files = {
        "naamloos": html,
        "pagina.htm": html,
        "doc.xhtml": html.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'),
        "feed.xml": f'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{wire}/xsl"?><r>MARKUP</r>',
        "stijl.css": f"@import url({wire}/import.css); body {{ background: url({wire}/bg) }}",
        "script.js": f"document.title='PWN'; fetch('{wire}/js')",
    }
    src = tmp_path / "src"
    (src / "docs").mkdir(parents=True)
    (src / "mkdocs.yml").write_text("site_name: Bestanden\n", encoding="utf-8")
    (src / "docs" / "index.md").write_text("---\ntitle: Bestanden\nsummary: Links.\n---\n\n# Bestanden\n\n"
                                          + " ".join(f"[{n}]({n})" for n in files) + "\n", encoding="utf-8")
    for name, text in files.items():
        (src / "docs" / name).write_text(text, encoding="utf-8")
    build_edition(src, tmp_path / "edition", icons_dir=paths.icons_dir())
    reader = open_reader(tmp_path / "edition", "index")
    page = reader.window.page
    hrefs = run_js(page, "JSON.stringify(Array.from(document.links).map(a => a.href))")
    assert hrefs == [f"rl://edition.invalid/asset/{n}" for n in files]
    for url in hrefs:
        with qtbot.waitSignal(page.loadFinished, timeout=20000):
            page.load(QUrl(url))
        qtbot.waitUntil(lambda: run_js(page, "document.readyState") == "complete", timeout=10000)
        got = run_js(page, "JSON.stringify({title: document.title, scripts: document.scripts.length,"
                           " images: document.images.length, links: document.querySelectorAll('link').length})")
        assert got["title"] != "PWN" and got["scripts"] == 0 and got["images"] == 0, (url, got)
        assert got["links"] == 0 or run_js(page, "location.href") != url, (url, got)
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "an opened corpus file reached the network")
    assert reader.window.locked_profile.guard.blocked == []


def test_corpus_ids_cannot_take_over_the_print_footer(open_reader, run_js, qtbot, tmp_path):
    from reader import paths
    from reader.core.edition import build_edition
    from reader.gui.printing import _footer_js

    src = tmp_path / "src"
    (src / "docs").mkdir(parents=True)
    (src / "mkdocs.yml").write_text("site_name: Ids\n", encoding="utf-8")
    (src / "docs" / "index.md").write_text(
        "---\ntitle: Ids\nsummary: Ids.\n---\n\n# Ids\n\n"
        '<p id="rl-print-footer-style">Deze alinea blijft staan.</p>\n\n<div id="rl-content">Ook deze.</div>\n',
        encoding="utf-8",
    )
    build_edition(src, tmp_path / "edition", icons_dir=paths.icons_dir())
    reader = open_reader(tmp_path / "edition", "index")
    page = reader.window.page
    assert run_js(page, _footer_js("Voettekst")) is True
    got = run_js(page, "JSON.stringify({text: document.body.innerText,"
                       " style: !!document.head.querySelector('style#rl-print-footer-style'),"
                       " main: document.querySelectorAll('#rl-content').length})")
    assert "Deze alinea blijft staan." in got["text"] and "@page" not in got["text"]
    assert got["style"] and got["main"] == 1
