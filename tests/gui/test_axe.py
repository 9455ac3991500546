"""axe-core (WCAG 2.1 A and AA rules) inside the real engine, on every page of NeRDS (both editions) and Material's
documentation, in the light, dark and contrast themes: no violation the reader is responsible for.

axe comes from the `axe-playwright-python` wheel (test extra; only its bundled `axe.min.js` is used, Playwright never
runs). It is injected into the ApplicationWorld, the isolated world the reader's own scripts use (corpus JavaScript is
off): it reads the same DOM and computed styles. One window per edition; each page is loaded once and checked in the
three themes, which differ only in `<html data-theme>` (no reload).

Set RL_AXE_REPORT=path to write every violation (rule, page, theme, target) as JSON lines for a closer look.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
EDITIONS = ("nerds-2025-12", "nerds-2026-03", "material-docs-5b36f2a")
THEMES = ("light", "dark", "contrast")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Violations the corpus's authors wrote, which the reader shows as written: (edition, page, rule) -> (elements, why).
# Named one by one, with the number of elements in every theme; anything else fails the test.
CORPUS_AUTHORED: dict[tuple[str, str, str], tuple[int, str]] = {
    ("material-docs-5b36f2a", "creating-your-site", "nested-interactive"): (
        1, "a link the authors put inside a collapsible block's <summary> title (pymdownx.details); moving it out would"
        " change their text"),
    ("material-docs-5b36f2a", "setup/setting-up-social-cards", "image-alt"): (
        6, "an <img> without alt in the authors' own HTML (a layer of a social-card illustration); an empty alt would"
        " call it decorative, which only the authors can say"),
}


def axe_source() -> str:
    # find_spec does not import the package (its __init__ imports Playwright, which is not needed here).
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-playwright-python is missing: install the test extra (pip install -e .[test])")
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    source = path.read_text(encoding="utf-8")
    assert source.startswith("/*! axe v4."), source[:40]  # 4.12.1 in axe-playwright-python 0.1.8
    return source


# Runs axe in the isolated world and leaves the outcome (a JSON string) where the poll below finds it.
RUN_AXE = """(() => {
  window.__rlAxe = null;
  axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']}).then(r => {
    window.__rlAxe = JSON.stringify(r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                summary: (n.failureSummary || '').slice(0, 300)}))})));
  }, e => { window.__rlAxe = JSON.stringify({error: String(e)}); });
  return true;
})()""" % json.dumps(TAGS)


@pytest.fixture(scope="session")
def axe_editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from reader import paths
    from reader.core.edition import build_edition

    missing = [name for name in EDITIONS if not (CORPORA / name).is_dir()]
    if missing:
        pytest.skip(f"corpora missing from {CORPORA}: {missing}")
    built = {}
    for name in EDITIONS:
        out = tmp_path_factory.mktemp("axe-editions") / name
        build_edition(CORPORA / name, out, icons_dir=paths.icons_dir())
        built[name] = out
    return built


def run_js(qtbot: Any, page: Any, script: str) -> Any:
    from PySide6.QtWebEngineCore import QWebEngineScript

    with qtbot.waitCallback(timeout=20000) as callback:
        page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, callback)
    return callback.args[0]


def axe_violations(qtbot: Any, page: Any) -> list[dict[str, Any]]:
    assert run_js(qtbot, page, RUN_AXE) is True
    outcome: list[str] = []

    def finished() -> bool:
        value = run_js(qtbot, page, "window.__rlAxe || ''")
        if value:
            outcome.append(value)
        return bool(outcome)

    qtbot.waitUntil(finished, timeout=30000)
    result = json.loads(outcome[0])
    assert not isinstance(result, dict), result
    return list(result)


def check_edition(name: str, edition: Path, reader_context: Any, qtbot: Any, tmp_path: Path) -> list[dict[str, Any]]:
    from PySide6.QtWebEngineCore import QWebEngineSettings

    from reader.gui.app import create_reader
    from reader.gui.themes import install_theme_script

    source = axe_source()
    reader = create_reader(edition, tmp_path / f"profile-{name}", context=reader_context)
    found: list[dict[str, Any]] = []
    try:
        window = reader.window  # not given to qtbot: reader.close() deletes it, in the order QtWebEngine needs
        window.resize(1366, 768)
        window.show()
        page = window.page
        # With JavaScript off, timers never fire, not even in the isolated world, and axe waits on setTimeout. The
        # sanitised pages carry no script, so turning it on for this page only changes nothing that is shown.
        page.settings().setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, True)
        pages = [p["id"] for p in json.loads((edition / "pages.json").read_text(encoding="utf-8"))]
        assert pages
        for page_id in pages:
            with qtbot.waitSignal(window.page_loaded, timeout=20000) as loaded:
                window.open_page(page_id)
            assert loaded.args == [page_id, True], loaded.args
            assert run_js(qtbot, page, source + "\n;typeof axe === 'object'") is True
            for theme in THEMES:
                # The theme is an attribute on <html>: the page stays loaded, only the colours change.
                install_theme_script(page, theme)
                assert run_js(qtbot, page, "document.documentElement.dataset.theme") == theme
                for violation in axe_violations(qtbot, page):
                    found.append({"edition": name, "page": page_id, "theme": theme, **violation})
    finally:
        reader.close()
    return found


def test_axe_wcag21_aa_every_page_every_theme(axe_editions, reader_context, qtbot, tmp_path):
    found: list[dict[str, Any]] = []
    for name, edition in axe_editions.items():
        found += check_edition(name, edition, reader_context, qtbot, tmp_path)
    report = os.environ.get("RL_AXE_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as out:
            for item in found:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    seen = {(v["edition"], v["page"], v["id"]) for v in found}
    assert not set(CORPUS_AUTHORED) - seen, f"allowed but no longer found: {sorted(set(CORPUS_AUTHORED) - seen)}"
    left = [v for v in found
            if CORPUS_AUTHORED.get((v["edition"], v["page"], v["id"]), (-1, ""))[0] != len(v["nodes"])]
    counts = Counter(f"{v['id']} ({v['theme']})" for v in left)
    first = [(v["edition"], v["page"], v["theme"], v["id"], v["nodes"][0]) for v in left[:5]]
    assert not left, f"axe violations per rule and theme: {dict(counts)}; first: {first}"
