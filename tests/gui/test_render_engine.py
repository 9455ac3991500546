"""Rendered pages in the real web engine: every construct shows as meant, hostile pages run and fetch nothing,
and screenshots of real NeRDS pages in light and dark.

Editions are built from fixture pages written for these tests (tests/fixtures/render), copied to tmp_path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from typing import Any

    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from tests.gui.conftest import SocketTripwire

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "render"
SHARED = REPO.parent / "shared" / "corpora"
# The absence window (see assert_quiet): onload, a refresh or a lazy fetch fire within milliseconds of load.
SETTLE_MS = 800
ARTIFACTS = ("!!!", "???", "{:", ":material-", "](", "[ ]", "[x]", "<div", "&lt;", "===")


# --- helpers -----------------------------------------------------------------------------------------------
def make_source(dest: Path, tripwire_url: str = "http://127.0.0.1:9") -> Path:
    dest.mkdir(parents=True)
    for name in ("constructs.md", "andere.md", "actions.yaml", "plaatje.png"):
        shutil.copy(FIXTURES / name, dest / name)
    (dest / "sub").mkdir()
    (dest / "sub" / "index.md").write_text("---\ntitle: Submap\nsummary: Een map.\n---\n\n# Submap\n\nTekst.\n",
                                          encoding="utf-8")
    xss = (FIXTURES / "xss.md").read_text(encoding="utf-8").replace("TRIPWIRE", tripwire_url)
    (dest / "xss.md").write_text(xss, encoding="utf-8")
    return dest


@pytest.fixture
def fixture_edition(tmp_path: Path, tripwire: SocketTripwire) -> Path:
    from reader import paths
    from reader.core.edition import build_edition

    source = make_source(tmp_path / "src", tripwire.url)
    build_edition(source, tmp_path / "edition", keep_going=True, icons_dir=paths.icons_dir())
    return tmp_path / "edition"


def wait_painted(qtbot: QtBot, run_js: Callable[..., object], page: QWebEnginePage) -> None:
    """Wait until the document is complete, every image settled, and two animation frames have passed since (a grab
    at loadFinished can be blank: the content is painted a frame or two later)."""
    qtbot.waitUntil(
        lambda: run_js(page, "document.readyState === 'complete' && Array.from(document.images).every(i => i.complete)")
        is True,
        timeout=10000,
    )
    run_js(page, "window.rlPainted = false;"
                 " requestAnimationFrame(() => requestAnimationFrame(() => { window.rlPainted = true; })); true")
    qtbot.waitUntil(lambda: run_js(page, "window.rlPainted") is True, timeout=5000)


PROBE = r"""
(() => {
  const vis = (sel) => { const e = document.querySelector(sel); if (!e) return null;
    const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return {w: r.width, h: r.height, display: s.display, visibility: s.visibility, color: s.color}; };
  const ext = document.querySelector('a.rl-external');
  return JSON.stringify({
    text: document.body.innerText,
    title: document.title,
    admonitions: document.querySelectorAll('.admonition').length,
    admonitionTitle: vis('.admonition-title'),
    details: Array.from(document.querySelectorAll('details')).map(d => d.open),
    tabs: vis('.tabbed-labels'),
    tabBlocks: Array.from(document.querySelectorAll('.tabbed-block')).map(b => getComputedStyle(b).display),
    checkboxes: Array.from(document.querySelectorAll('input[type=checkbox]')).map(c => [c.checked, c.disabled]),
    table: vis('.rl-table-scroll table'),
    code: vis('.language-python.highlight pre code'),
    mermaid: vis('figure.rl-diagram'),
    grid: getComputedStyle(document.querySelector('.grid.cards')).display,
    icon: vis('.rl-icon svg'),
    emoji: vis('.rl-emoji svg'),
    actionCards: document.querySelectorAll('.rl-action-card').length,
    image: Array.from(document.images).map(i => [i.src, i.complete && i.naturalWidth > 0]),
    placeholder: vis('.rl-image-placeholder'),
    abbr: (document.querySelector('abbr') || {}).title,
    footnote: vis('.footnote'),
    missing: vis('.rl-link-missing'),
    externalMarker: ext ? getComputedStyle(ext, '::after').content : null,
    bodyFont: getComputedStyle(document.body).fontFamily,
    h1Color: getComputedStyle(document.querySelector('h1')).color,
    breadcrumb: vis('.rl-breadcrumb'),
    summary: vis('.rl-summary'),
  });
})()
"""


# --- every construct, as the engine shows it -----------------------------------------------------------------
def test_every_construct_renders_in_the_engine(open_reader, run_js, click_element, qtbot, fixture_edition):
    reader = open_reader(fixture_edition, "constructs")
    page = reader.window.page
    wait_painted(qtbot, run_js, page)
    got = run_js(page, PROBE)

    for artifact in ARTIFACTS:
        assert artifact not in got["text"], artifact
    assert got["title"] == "Alle bouwstenen"
    assert got["admonitions"] == 4 and got["admonitionTitle"]["h"] > 0
    assert got["details"] == [False, True]
    assert got["tabs"]["h"] > 0 and got["tabBlocks"] == ["block", "none"]
    assert got["checkboxes"] == [[False, False], [True, False]]
    for key in ("table", "code", "mermaid", "icon", "emoji", "placeholder", "footnote", "missing",
                "summary"):
        assert got[key] and got[key]["h"] > 0 and got[key]["w"] > 0, key
    assert got["grid"] == "grid"
    assert got["actionCards"] == 2
    assert got["image"] and all(loaded for _, loaded in got["image"]), got["image"]
    assert got["abbr"] == "HyperText Markup Language"
    assert got["externalMarker"] not in (None, "none", "normal", "")
    assert got["h1Color"] == "rgb(21, 66, 115)"  # our stylesheet is applied (lintblauw)
    assert "Plaatje op internet" in got["text"] and "Proefkaart" in got["text"]
    assert "Inhoud van tab twee." not in got["text"]  # hidden until its tab is chosen
    assert page.console == [] or not [m for m in page.console if "error" in str(m).lower()]

    # Tabs switch and details open without any corpus script.
    click_element(reader.window.view, "label[for$='_2']")
    qtbot.waitUntil(lambda: run_js(page, "getComputedStyle(document.querySelectorAll('.tabbed-block')[1]).display")
                    == "block", timeout=5000)
    assert "Inhoud van tab twee." in run_js(page, "document.body.innerText")
    click_element(reader.window.view, "details:not([open]) > summary")
    qtbot.waitUntil(lambda: run_js(page, "document.querySelector('details').open") is True, timeout=5000)


def test_hostile_page_runs_nothing_and_fetches_nothing(open_reader, run_js, qtbot, fixture_edition, tripwire,
                                                       assert_quiet):
    reader = open_reader(fixture_edition, "xss")
    page = reader.window.page
    wait_painted(qtbot, run_js, page)
    # Give anything that might fire (onload, refresh, lazy fetches) time to do so.
    assert_quiet(lambda: tripwire.connections, SETTLE_MS, "the hostile page reached the network")
    got = run_js(page, "JSON.stringify({title: document.title, text: document.body.innerText,"
                       " scripts: document.scripts.length, url: location.href})")
    assert got["title"] == "XSS-proefpagina"
    assert "PWNED" not in got["text"]
    assert got["scripts"] == 0
    assert got["url"].startswith("rl://edition.invalid/page/xss")
    assert tripwire.connections == []
    assert "Laatste regel blijft ook staan." in got["text"]


def test_sanitized_page_stays_inert_even_with_javascript_on(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, tripwire: SocketTripwire, assert_quiet: Callable[..., None]
) -> None:
    """Stronger than the reader's lockdown: a plain engine with JavaScript and remote access ON. The sanitized
    document still runs and fetches nothing, while the same page unsanitized does both (the control proves the
    sentinel and the tripwire work)."""
    import markdown
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings

    from reader import paths
    from reader.core.corpus import load_corpus
    from reader.core.render import icon_set, page_document, render_page

    source = make_source(tmp_path / "src", tripwire.url)
    corpus = load_corpus(source)
    xss = corpus.pages["xss"]
    sanitized = page_document(render_page(xss, corpus, icon_set(paths.icons_dir())), xss, corpus)
    unsanitized = "<!DOCTYPE html><title>control</title>" + markdown.markdown(xss.body, extensions=["attr_list"])

    profile = QWebEngineProfile(qapp)  # off the record, no interceptor

    def load(html: str) -> QWebEnginePage:
        page = QWebEnginePage(profile)
        settings = page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, True)
        with qtbot.waitSignal(page.loadFinished, timeout=20000):
            page.setHtml(html, QUrl("http://localhost.invalid/"))
        return page

    def title(page: QWebEnginePage) -> str:
        with qtbot.waitCallback(timeout=10000) as cb:
            page.runJavaScript("document.title", 0, cb)
        return cb.args[0]

    page = load(sanitized)
    assert_quiet(lambda: tripwire.connections or "PWNED" in title(page), SETTLE_MS,
                 "the sanitized page ran a script or reached the network")
    page.deleteLater()

    # The control: the same page unsanitized does both, so the sentinel and the tripwire work.
    page = load(unsanitized)
    qtbot.waitUntil(lambda: "PWNED" in title(page) and bool(tripwire.connections), timeout=10000)
    page.deleteLater()


# --- one fixture page per construct (tests/fixtures/render/constructs/) -----------------------------------------
CONSTRUCT_PROBE = r"""
(() => {
  const shown = (e) => { if (!e) return false; const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const q = (sel) => Array.from(document.querySelectorAll(sel));
  return JSON.stringify({
    text: document.body.innerText,
    shown: Object.fromEntries(SELECTORS.map(sel => [sel, q(sel).length > 0 && q(sel).every(shown)])),
    counts: Object.fromEntries(SELECTORS.map(sel => [sel, q(sel).length])),
    hrefs: q('a[href]').map(a => a.href),
    targets: q('a[target]').length,
    images: q('img').map(i => i.complete && i.naturalWidth > 0),
    checks: q('input[type=checkbox]').map(c => c.checked),
    tableScrolls: q('.rl-table-scroll').map(w => w.scrollWidth > w.clientWidth),
    pageOverflows: document.documentElement.scrollWidth > window.innerWidth + 1,
    grid: q('.grid.cards').map(g => getComputedStyle(g).display),
    abbr: q('abbr').map(a => a.title),
  });
})()
"""

# page -> (selectors that must exist and be visible, with their counts; texts that must show; texts that must not)
CONSTRUCTS = {
    "admonitions": ({".admonition.note": 1, ".admonition.info": 1, ".admonition.tip": 1, ".admonition.warning": 1,
                     ".admonition.danger": 1, ".admonition.example": 1, ".admonition.quote": 1, ".admonition-title": 7},
                    ["Informatie zonder titel.", "Info", "Iemand zei dit."], []),
    "details": ({"details > summary": 2, "details[open]": 1},
                ["Dicht blok", "Open blok", "Inhoud van het open blok."], ["Inhoud van het dichte blok."]),
    "tabs": ({".tabbed-set": 1, ".tabbed-labels > label": 3},
             ["Eerste", "Tweede", "Derde", "Tekst in het eerste tabblad."], ["Tekst in het tweede tabblad."]),
    "tasklist": ({"li.task-list-item": 3, ".task-list-control": 3}, ["Open taak", "Geneste taak"], []),
    "cards": ({".grid.cards li": 2, ".rl-icon svg": 3}, ["Eerste kaart", "Uitleg bij de tweede kaart."], []),
    "icons": ({".rl-icon svg": 3, ".rl-emoji svg": 3}, ["Een wolk", "verdwijnt."], ["dit-bestaat"]),
    "actions": ({".rl-action-card": 2, ".rl-badge": 2}, ["Direct aan de slag", "Proefkaart", "Starten"], []),
    "links": ({"a.rl-internal": 2, "a.rl-external": 1, ".rl-link-missing": 1}, ["nergens heen"], []),
    "images": ({"img": 1, ".rl-image-placeholder": 1}, ["Online foto"], []),
    "code": ({".language-yaml.highlight pre code": 1, "figure.rl-diagram": 1, "p code": 1},
             ["sleutel: waarde", "Lezer->>Pagina: opent", "code <met> tekens"], []),
    "tables": ({".rl-table-scroll table": 1}, ["Kolom tien"], []),
    "footnotes": ({"abbr": 1, ".footnote": 1, "a.footnote-ref": 1}, ["Bron van de bewering."], []),
}


def make_construct_source(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("andere.md", "actions.yaml", "plaatje.png"):
        shutil.copy(FIXTURES / name, dest / name)
    shutil.copytree(FIXTURES / "constructs", dest / "constructs")
    return dest


def test_one_page_per_construct_in_the_engine(
    open_reader: Callable[..., Reader], run_js: Callable[..., Any], qtbot: QtBot, tmp_path: Path
) -> None:
    from reader import paths
    from reader.core.edition import build_edition

    source = make_construct_source(tmp_path / "src")
    build_edition(source, tmp_path / "edition", keep_going=True, icons_dir=paths.icons_dir())
    reader = open_reader(tmp_path / "edition", "constructs/admonitions")
    window = reader.window
    guard = window.locked_profile.guard
    failures: list[str] = []
    for name, (selectors, visible, invisible) in CONSTRUCTS.items():
        guard.blocked.clear()
        window.page.console.clear()
        with qtbot.waitSignal(window.page_loaded, timeout=20000):
            window.open_page(f"constructs/{name}")
        wait_painted(qtbot, run_js, window.page)
        got = run_js(window.page, CONSTRUCT_PROBE.replace("SELECTORS", json.dumps(list(selectors))))
        for artifact in ARTIFACTS:
            if artifact in got["text"]:
                failures.append(f"{name}: artifact {artifact!r}")
        for sel, count in selectors.items():
            if got["counts"][sel] != count or not got["shown"][sel]:
                failures.append(f"{name}: {sel} count {got['counts'][sel]} (want {count}), shown {got['shown'][sel]}")
        failures += [f"{name}: {t!r} not shown" for t in visible if t not in got["text"]]
        failures += [f"{name}: {t!r} shown" for t in invisible if t in got["text"]]
        failures += [f"{name}: console {m}" for m in window.page.console]
        failures += [f"{name}: blocked {b}" for b in guard.blocked]
        if got["targets"]:
            failures.append(f"{name}: a link keeps its target")
        if not all(got["images"]):
            failures.append(f"{name}: image not loaded {got['images']}")
        if got["pageOverflows"]:
            failures.append(f"{name}: the page overflows its width")
        if name == "tasklist" and got["checks"] != [False, True, False]:
            failures.append(f"tasklist: checkboxes {got['checks']}")
        if name == "cards" and got["grid"] != ["grid"]:
            failures.append(f"cards: grid display {got['grid']}")
        if name == "tables" and got["tableScrolls"] != [True]:
            failures.append("tables: the wide table does not scroll inside its box")
        if name == "footnotes" and got["abbr"] != ["Web Content Accessibility Guidelines"]:
            failures.append(f"footnotes: abbr {got['abbr']}")
        if name == "links":
            want = {"rl://edition.invalid/page/constructs/tabs", "rl://edition.invalid/page/andere#tweede-kop",
                    "rl://edition.invalid/page/constructs/links#links", "https://example.org/"}
            if not want <= set(got["hrefs"]):
                failures.append(f"links: hrefs {got['hrefs']}")
    assert not failures, "\n".join(failures)


# --- the real NeRDS editions through the app's own smoke test ---------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("name", ["nerds-2026-03", "nerds-2025-12"])
def test_nerds_smoke_every_page(tmp_path: Path, name: str):
    source = SHARED / name
    if not source.is_dir():
        pytest.fail(f"corpus missing at {source}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    edition = tmp_path / "edition"
    subprocess.run([sys.executable, "-m", "reader", "build", str(source), "--out", str(edition), "--keep-going"],
                   check=True, env=env, capture_output=True, timeout=120)
    done = subprocess.run([sys.executable, "-m", "reader", "open", "--smoke-test", "--all", "--edition", str(edition)],
                          env=env, capture_output=True, text=True, timeout=300)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    page_ids = {p["id"] for p in json.loads((edition / "pages.json").read_text(encoding="utf-8"))}
    assert {r["page"] for r in records} == page_ids, done.stderr[-2000:]
    from reader.core.render import parse_fragment, visible_text

    for r in records:
        assert r["load_ok"], r["page"]
        assert r["console"] == [], (r["page"], r["console"])
        # Remote images are never requested: nothing is even blocked.
        assert r["blocked"] == [], (r["page"], r["blocked"])
        assert all(img["loaded"] for img in r["images"]), (r["page"], r["images"])
        for link in r["links"]:
            if link.startswith("rl://edition.invalid/page/"):
                assert link.split("/page/", 1)[1].split("#")[0] in page_ids, (r["page"], link)
        # Code samples may show markup on purpose (the action-registry README): an artifact counts only beyond
        # the occurrences that code elements of the page account for.
        html = (edition / "pages" / f"{r['page']}.html").read_text(encoding="utf-8")
        tree = parse_fragment(html[html.index("<body"):])
        code = [visible_text(e) for e in tree.iter() if e.tag == "pre" or (e.tag == "code" and e.parent.tag != "pre")]
        for artifact in ARTIFACTS[:-1]:
            in_code = sum(c.count(artifact) for c in code)
            assert r["text"].count(artifact) <= in_code, (r["page"], artifact)


# --- screenshots ------------------------------------------------------------------------------------------------
SCREENSHOT_PAGES = ("index", "richtlijnen/cloud", "richtlijnen/cloud/fases")


@pytest.fixture(scope="module")
def nerds_edition_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from reader import paths
    from reader.core.edition import build_edition

    out = tmp_path_factory.mktemp("render-shots") / "edition"
    build_edition(SHARED / "nerds-2026-03", out, keep_going=True, icons_dir=paths.icons_dir())
    return out


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_nerds_pages(
    open_reader: Callable[..., Reader],
    run_js: Callable[..., Any],
    qtbot: QtBot,
    nerds_edition_dir: Path,
    tmp_path: Path,
    theme: str,
) -> None:
    """Writes PNGs (to $RL_SCREENSHOT_DIR when set, for a person to look at) and checks they are not blank and
    that the theme really changed the page."""
    from PySide6.QtGui import QColor, QImage

    from reader.gui.themes import install_theme_script

    def colours(image: QImage) -> set[str]:
        return {image.pixelColor(x, y).name()
                for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}

    def settled(image: QImage) -> bool:
        lightness = QColor(image.pixelColor(image.width() - 5, image.height() - 5)).lightness()
        return len(colours(image)) > 3 and (lightness < 60 if theme == "dark" else lightness > 200)

    out_dir = Path(os.environ.get("RL_SCREENSHOT_DIR") or tmp_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    reader = open_reader(nerds_edition_dir, SCREENSHOT_PAGES[0])
    window = reader.window
    window.resize(1280, 900)
    for page_id in SCREENSHOT_PAGES:
        with qtbot.waitSignal(window.page_loaded, timeout=20000):
            window.open_page(page_id)
        install_theme_script(window.page, theme)
        qtbot.waitUntil(lambda: run_js(window.page, "document.documentElement.dataset.theme") == theme, timeout=5000)
        wait_painted(qtbot, run_js, window.page)
        # The view's picture follows the page a frame or more later: wait until a grab shows the painted page in
        # the theme (the checks below say which part is missing if it never does).
        qtbot.waitUntil(lambda: settled(window.view.grab().toImage()), timeout=5000)
        image = window.view.grab().toImage()
        path = out_dir / f"{page_id.replace('/', '_')}-{theme}.png"
        assert image.save(str(path))
        assert path.stat().st_size > 5000
        assert len(colours(image)) > 3, "blank screenshot"
        corner = QColor(image.pixelColor(image.width() - 5, image.height() - 5))
        if theme == "dark":
            assert corner.lightness() < 60, corner.name()
        else:
            assert corner.lightness() > 200, corner.name()
