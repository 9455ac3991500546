"""Search in the window: typing, results, keyboard, suggestion, and <mark> highlights in the opened page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from reader.core.search import SearchDoc, SearchIndex

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from reader.gui.sidebar.search import SearchPanel

pytestmark = pytest.mark.gui

MARKED_HITS_JS = "JSON.stringify([...document.querySelectorAll('mark.rl-search-hit')].map(m => m.textContent))"

DOCS = [
    SearchDoc("standaarden", "", "Gebruik open standaarden", "", ("Richtlijnen",), "Kies een open standaard.",
              "Open standaarden maken uitwisseling tussen systemen mogelijk."),
    SearchDoc("standaarden", "lijst", "Gebruik open standaarden", "De lijst", ("Richtlijnen",), "",
              "De lijst met verplichte standaarden wordt beheerd door een forum."),
    SearchDoc("toegankelijk", "", "Zorg voor toegankelijkheid", "", ("Richtlijnen",), "Voor iedereen.",
              "Toegankelijkheid betekent dat iedereen de dienst kan gebruiken, ook met <een> beperking."),
]


@pytest.fixture(scope="module")
def engine(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


@pytest.fixture
def panel(qtbot: QtBot, engine: SearchIndex) -> Iterator[SearchPanel]:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from reader.gui.sidebar.search import SearchField, SearchPanel

    window = QWidget()
    layout = QVBoxLayout(window)
    field = SearchField(window)
    panel = SearchPanel(engine, field, window, debounce_ms=20)
    layout.addWidget(field)
    layout.addWidget(panel)
    field.install_shortcuts(window)
    qtbot.addWidget(window)
    window.resize(400, 600)
    window.show()
    qtbot.waitExposed(window)
    yield panel
    del window  # kept alive until here: it owns the field and the panel


def test_typing_shows_results_and_count(qtbot: QtBot, panel: SearchPanel) -> None:
    with qtbot.waitSignal(panel.results_changed, timeout=3000, check_params_cb=lambda n: n > 0):
        qtbot.keyClicks(panel.field, "standaard")
    assert panel.result_count() == 2
    assert "2 resultaten" in panel.status.text()
    first = panel.model.index(0, 0)
    assert "Gebruik open standaarden" in first.data()
    assert not panel.suggestion.isVisible()


def test_keyboard_picks_a_result_and_signal_carries_page_anchor_terms(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import Qt

    panel.field.setFocus()
    qtbot.keyClicks(panel.field, "standaarden")
    qtbot.waitUntil(lambda: panel.result_count() == 2, timeout=3000)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # from the first result to the second
    with qtbot.waitSignal(panel.open_requested, timeout=3000) as blocker:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    page, anchor, terms = blocker.args
    assert (page, anchor) == ("standaarden", "lijst")
    assert "standaard" in terms


def test_enter_in_the_list_opens_and_escape_returns_to_the_field(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClicks(panel.field, "toegankelijkheid")
    qtbot.waitUntil(lambda: panel.result_count() == 1, timeout=3000)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.open_requested, timeout=3000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args[:2] == ["toegankelijk", ""]
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)


def test_escape_closes_the_search_and_hands_focus_back(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClicks(panel.field, "open")
    qtbot.waitUntil(lambda: panel.result_count() > 0, timeout=3000)
    with qtbot.waitSignals([panel.cleared, panel.escape_pressed], timeout=3000):
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == "" and panel.result_count() == 0
    with qtbot.waitSignal(panel.escape_pressed, timeout=3000):
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)


def test_typo_shows_corrected_results_at_once(qtbot: QtBot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.field, "toegankelijkhied")
    qtbot.waitUntil(lambda: panel.result_count() > 0, timeout=3000)
    assert panel.suggestion.isVisible()
    text = panel.suggestion.text()
    assert "Resultaten voor <b>toegankelijkheid</b>; zoek in plaats daarvan naar" in text
    assert 'href="exact:toegankelijkhied"' in text
    # one click on the words as typed: searched exactly, which finds nothing and offers the correction
    panel.suggestion.linkActivated.emit("exact:toegankelijkhied")  # what QLabel emits for a click on the link
    assert panel.field.text() == "toegankelijkhied" and panel.result_count() == 0
    assert "Bedoelde je" in panel.suggestion.text()
    panel.suggestion.linkActivated.emit("toegankelijkheid")
    assert panel.field.text() == "toegankelijkheid"
    assert panel.result_count() == 1 and not panel.suggestion.isVisible()


def test_partial_matches_are_announced(qtbot: QtBot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.field, "standaarden zeppelin ")
    qtbot.waitUntil(lambda: panel.result_count() > 0, timeout=3000)
    assert panel.notice.isVisible() and "gedeeltelijke" in panel.notice.text()


def test_hostile_typing_is_harmless(qtbot: QtBot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.field, '"((-OR* titel:"')
    panel.search_now()
    assert panel.status.text()


def test_ctrl_k_focuses_the_field(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import Qt

    window = panel.window()
    window.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus, timeout=3000)
    qtbot.keyClick(panel.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)


def test_panel_without_index_says_so(qtbot: QtBot) -> None:
    from reader.gui.sidebar.search import SearchField, SearchPanel

    field = SearchField()
    panel = SearchPanel(None, field, debounce_ms=10)
    qtbot.addWidget(field)
    qtbot.addWidget(panel)
    field.setText("iets")
    panel.search_now()
    assert "niet beschikbaar" in panel.status.text()


# --- in-page marks ----------------------------------------------------------------------------------------------


def test_highlight_js_marks_and_clears(qtbot: QtBot, run_js: Callable[..., Any]) -> None:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from reader.gui.highlight import clear_highlights, highlight_terms

    view = QWebEngineView()
    qtbot.addWidget(view)
    html = ("<html><body><article class='rl-article'><h2 id='a'>Open standaarden</h2><p>De Standaard voor "
            "informatiebeveiliging is één standaard. <code>standaard()</code></p><script>var standaard=1;</script>"
            "</article></body></html>")
    with qtbot.waitSignal(view.loadFinished, timeout=20000):
        view.setHtml(html)
    with qtbot.waitCallback(timeout=10000) as cb:
        highlight_terms(view.page(), ["standaard", "beveil"], cb)
    assert cb.args == [5]  # standaarden, Standaard, informatiebeveiliging, standaard, standaard (in code)
    marks = run_js(view.page(), MARKED_HITS_JS)
    assert marks == ["standaarden", "Standaard", "informatiebeveiliging", "standaard", "standaard"]
    assert run_js(view.page(), "document.querySelector('script').textContent") == "var standaard=1;"
    with qtbot.waitCallback(timeout=10000) as cb:
        highlight_terms(view.page(), ["één"], cb)  # marking again replaces the old marks; accents fold
    assert cb.args == [1]
    with qtbot.waitCallback(timeout=10000) as cb:
        clear_highlights(view.page(), cb)
    assert cb.args == [1]
    assert run_js(view.page(), "document.querySelectorAll('mark').length") == 0
    assert "informatiebeveiliging is één" in run_js(view.page(), "document.querySelector('p').textContent")


CORPUS_PAGES = {
    "index.md": "---\ntitle: Start\n---\n# Start\n\nWelkom bij de testrichtlijnen.\n",
    "cloud.md": (
        "---\ntitle: Kies de cloud bewust\nsummary: Cloud met verstand.\n---\n# Kies de cloud bewust\n\n"
        "Een inleiding over opslag.\n\n## Kosten\n\nHoud de kosten van opslag in de gaten.\n\n"
        + "\n\n".join(f"Alinea {i} over iets anders." for i in range(60))
        + "\n\n## Exitstrategie\n\nMaak vooraf een exitstrategie zodat je kunt overstappen.\n"
    ),
}


@pytest.fixture
def small_edition(tmp_path: Path) -> Path:
    from reader import paths
    from reader.core.edition import build_edition

    src = tmp_path / "corpus"
    src.mkdir()
    for name, text in CORPUS_PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "edition"
    build_edition(src, out, icons_dir=paths.icons_dir())
    return out


def test_result_opens_the_page_at_the_section_with_marks(
    qtbot: QtBot, open_reader: Callable[..., Reader], run_js: Callable[..., Any], small_edition: Path
) -> None:
    """The whole path: search in the reader's own edition index, pick the result with the keyboard, the window
    opens the page at that section, and the matched words are marked in the page."""
    from PySide6.QtCore import Qt

    from reader.gui.highlight import Highlighter
    from reader.gui.sidebar.search import SearchField, SearchPanel

    reader = open_reader(small_edition, "index")
    window = reader.window
    engine = SearchIndex.open(small_edition / "index")
    field = SearchField(window)
    panel = SearchPanel(engine, field, window, debounce_ms=10)
    highlighter = Highlighter(window.page, window)
    window.page_loaded.connect(highlighter.page_loaded)

    def open_result(page: str, anchor: str, terms: list) -> None:
        highlighter.show(page, terms)
        window.open_page(page, anchor or None)

    panel.open_requested.connect(open_result)
    field.setText("exitstrategie")
    panel.search_now()
    assert panel.result_count() >= 1
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.current_page_id() == "cloud"
    assert window.page.url().fragment() == "exitstrategie"
    qtbot.waitUntil(lambda: run_js(window.page, "document.querySelectorAll('mark.rl-search-hit').length") >= 2,
                    timeout=10000)
    marked = run_js(window.page, MARKED_HITS_JS)
    assert set(marked) == {"Exitstrategie", "exitstrategie"}
    # The section is on screen (the page opened there, not at the top).
    top = run_js(window.page, "document.getElementById('exitstrategie').getBoundingClientRect().top")
    assert 0 <= top < run_js(window.page, "window.innerHeight")
    engine.close()


def test_a_click_opens_a_result_once(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClicks(panel.field, "toegankelijkheid")
    qtbot.waitUntil(lambda: panel.result_count() == 1, timeout=3000)
    opened = []
    panel.open_requested.connect(lambda *args: opened.append(args))
    rect = panel.view.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [o[:2] for o in opened] == [("toegankelijk", "")]
