"""The search panel's filter row: buttons per front matter filter, counts per value, choosing a value by mouse and
keyboard adds it to the query and takes it out again, accessible names, hidden without filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from reader.core.search import SearchDoc, SearchIndex

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from pytestqt.qtbot import QtBot

    from reader.gui.sidebar.search import SearchPanel

pytestmark = pytest.mark.gui


def _doc(page: str, text: str, **filters: str) -> SearchDoc:
    return SearchDoc(page, "", page.capitalize(), "", ("Richtlijnen",), "", text, filters)


DOCS = [
    _doc("ontwerp", "Een koppelvlak ontwerpen met de afnemers.", rollen="Projectleider,Architect", fase="ontwerp"),
    _doc("bouw", "Het koppelvlak bouwen en testen.", rollen="Ontwikkelaar,Architect", fase="bouw"),
    _doc("inkoop", "Het koppelvlak inkopen bij een leverancier.", rollen="Projectleider,Inkoper", fase="ontwerp"),
    _doc("beheer", "Beheer van systemen in productie.", rollen="Projectleider", fase="bouw"),
]


@pytest.fixture(scope="module")
def engine(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


def _panel(qtbot: QtBot, engine: object) -> tuple[SearchPanel, object]:
    """The panel and the window that owns it (the caller keeps the window alive)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from reader.gui.sidebar.search import SearchField, SearchPanel

    window = QWidget()
    layout = QVBoxLayout(window)
    field = SearchField(window)
    panel = SearchPanel(engine, field, window, debounce_ms=20)  # type: ignore[arg-type]
    layout.addWidget(field)
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.resize(400, 600)
    window.show()
    qtbot.waitExposed(window)
    return panel, window


@pytest.fixture
def panel(qtbot: QtBot, engine: SearchIndex) -> Iterator[SearchPanel]:
    panel, window = _panel(qtbot, engine)
    yield panel
    del window


def _counts(panel: SearchPanel, key: str) -> dict[str, bool]:
    return {a.text(): a.isChecked() for a in panel.filter_row.value_actions(key)}


def _search(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    assert panel.field is not None
    panel.field.setText(text)
    panel.search_now()


def test_row_shows_the_corpus_filters_with_counts_before_typing(panel: SearchPanel) -> None:
    assert panel.filter_row.isVisible()
    names = [b.text() for b in panel.filter_row.buttons if b.isVisible()]
    assert names == ["fase", "rol"]
    assert _counts(panel, "rollen") == {"Projectleider (3)": False, "Architect (2)": False, "Inkoper (1)": False,
                                        "Ontwikkelaar (1)": False}


def test_counts_follow_the_results(qtbot: QtBot, panel: SearchPanel) -> None:
    _search(qtbot, panel, "koppelvlak")
    assert panel.result_count() == 3
    assert _counts(panel, "rollen") == {"Projectleider (2)": False, "Architect (2)": False, "Inkoper (1)": False,
                                        "Ontwikkelaar (1)": False}
    assert _counts(panel, "fase") == {"ontwerp (2)": False, "bouw (1)": False}


def test_choosing_a_value_adds_and_removes_the_filter(qtbot: QtBot, panel: SearchPanel) -> None:
    _search(qtbot, panel, "koppelvlak")
    action = next(a for a in panel.filter_row.value_actions("rollen") if a.text().startswith("Inkoper"))
    action.trigger()
    assert panel.field is not None and panel.field.text() == "koppelvlak rol:Inkoper"
    assert panel.result_count() == 1 and panel.model.index(0, 0).data().startswith("Inkoop")
    button = next(b for b in panel.filter_row.buttons if b.property("filterKey") == "rollen")
    assert button.isChecked() and button.text() == "rol: Inkoper"
    assert "Inkoper" in button.accessibleDescription()
    checked = next(a for a in panel.filter_row.value_actions("rollen") if a.text().startswith("Inkoper"))
    assert checked.isChecked()
    checked.trigger()
    assert panel.field.text() == "koppelvlak"
    assert panel.result_count() == 3 and not button.isChecked()


def test_a_filter_alone_lists_its_pages(qtbot: QtBot, panel: SearchPanel) -> None:
    action = next(a for a in panel.filter_row.value_actions("fase") if a.text().startswith("bouw"))
    action.trigger()
    assert panel.field is not None and panel.field.text() == "fase:bouw"
    assert sorted(panel.model.index(r, 0).data().split(",")[0] for r in range(panel.result_count())) == [
        "Beheer", "Bouw"]


def test_keyboard_opens_a_menu_and_toggles_a_value(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    button = next(b for b in panel.filter_row.buttons if b.property("filterKey") == "rollen")
    button.setFocus()
    assert button.hasFocus() and button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append(menu.actions()[0].text())
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(150, choose)
    qtbot.keyClick(button, Qt.Key.Key_Space)  # opens the menu (runs until the timer chose a value)
    qtbot.waitUntil(lambda: panel.field is not None and "rol:" in panel.field.text(), timeout=3000)
    assert seen == ["Projectleider (3)"]
    assert panel.field is not None and panel.field.text() == "rol:Projectleider"


def test_accessible_names(panel: SearchPanel) -> None:
    assert panel.filter_row.accessibleName() == "Filters"
    names = sorted(b.accessibleName() for b in panel.filter_row.buttons if b.isVisible())
    assert names == ["Filter fase", "Filter rol"]
    assert all(b.accessibleDescription() for b in panel.filter_row.buttons)


def test_no_row_without_filters(qtbot: QtBot, search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> None:
    plain = search_index_of([SearchDoc("a", "", "A", "", (), "", "koppelvlak zonder front matter")])
    panel, _window = _panel(qtbot, plain)
    _search(qtbot, panel, "koppelvlak")
    assert panel.result_count() == 1 and not panel.filter_row.isVisible()


def test_no_row_for_an_engine_without_filters(qtbot: QtBot, engine: SearchIndex) -> None:
    class Plain:  # an engine as the search across the library is: search() and highlight_terms() only
        def search(self, query: str, limit: int = 20, *, correct: bool = True) -> object:
            return engine.search(query, limit, correct=correct)

        def highlight_terms(self, query: str) -> list[str]:
            return []

    panel, _window = _panel(qtbot, Plain())
    _search(qtbot, panel, "koppelvlak")
    assert panel.result_count() == 3 and not panel.filter_row.isVisible()


def test_the_window_shows_the_filter_row_and_filters(qtbot: QtBot, open_reader: Callable[..., Any],
                                                     tmp_path: Any) -> None:
    """The whole path in the reader's window: an edition whose pages share a front matter key, the toolbar's field,
    the sidebar's panel with its filter row; choosing a value narrows the results the window shows."""
    from reader import paths
    from reader.core.edition import build_edition

    src = tmp_path / "corpus"
    src.mkdir()
    for name, rollen in (("ontwerp", "[Projectleider, Architect]"), ("bouw", "[Ontwikkelaar, Architect]"),
                         ("inkoop", "[Projectleider]")):
        (src / f"{name}.md").write_text(f"---\nrollen: {rollen}\n---\n# {name.capitalize()}\n\n"
                                        f"Over het koppelvlak bij {name}.\n", encoding="utf-8")
    (src / "index.md").write_text("# Start\n\nWelkom.\n", encoding="utf-8")
    edition = tmp_path / "edition"
    build_edition(src, edition, icons_dir=paths.icons_dir())
    window = open_reader(edition, "index").window
    window._ensure_panels()
    field, panel = window.search_field, window.search_panel
    assert field is not None and panel is not None
    field.setFocus()
    with qtbot.waitSignal(panel.results_changed, timeout=5000, check_params_cb=lambda n: n > 0):
        qtbot.keyClicks(field, "koppelvlak")
    qtbot.waitUntil(lambda: panel.result_count() == 3, timeout=5000)
    # The results drop from the field; the full list, with the filters, is one key away.
    from PySide6.QtCore import Qt

    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert window.sidebar.currentWidget() is panel and panel.view.hasFocus()
    assert panel.filter_row.isVisible() and [b.text() for b in panel.filter_row.buttons] == ["rol"]
    action = next(a for a in panel.filter_row.value_actions("rollen") if a.text().startswith("Architect"))
    assert action.text() == "Architect (2)"
    action.trigger()
    assert field.text() == "koppelvlak rol:Architect"
    assert panel.result_count() == 2


def test_result_rows_are_visible_under_the_filter_row(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtCore import QPoint

    _search(qtbot, panel, "koppelvlak")
    qtbot.wait(50)  # one turn of the event loop: what the reader sees right after the key
    first = panel.view.indexAt(QPoint(4, 4))
    assert first.isValid() and first.row() == 0
    image = panel.view.viewport().grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, min(image.height(), 120), 3)}
    assert len(colours) > 3  # rows painted (text, the selected row), not an empty list
    assert panel.filter_row.geometry().bottom() < panel.view.geometry().top()


def test_a_key_searches_at_once_while_searches_are_fast(qtbot: QtBot, engine: SearchIndex) -> None:
    """Results while typing come on the next turn of the event loop, not after the debounce, while the engine is
    fast; an engine that is slow three times running gets the debounce (typing must not lag)."""
    import time

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from reader.gui.sidebar.search import FAST_SEARCH_MS, SearchField, SearchPanel

    class Slow:
        def __init__(self) -> None:
            self.delay = 0.0

        def search(self, query: str, limit: int = 20, *, correct: bool = True) -> object:
            time.sleep(self.delay)
            return engine.search(query, limit, correct=correct)

        def highlight_terms(self, query: str) -> list[str]:
            return []

    slow = Slow()
    window = QWidget()
    layout = QVBoxLayout(window)
    field = SearchField(window)
    panel = SearchPanel(slow, field, window, debounce_ms=1000)  # type: ignore[arg-type]
    layout.addWidget(field)
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.show()
    started = time.perf_counter()
    with qtbot.waitSignal(panel.results_changed, timeout=500):
        qtbot.keyClicks(field, "k")
    assert (time.perf_counter() - started) * 1000 < 500  # not the 1,000 ms debounce
    slow.delay = (FAST_SEARCH_MS + 20) / 1000
    for text in ("ko", "kop", "kopp"):  # three slow searches
        field.setText(text)
        panel.search_now()
    started = time.perf_counter()
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        qtbot.keyClicks(field, "e")
    assert (time.perf_counter() - started) * 1000 >= 900  # now the debounce
