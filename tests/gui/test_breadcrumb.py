"""The breadcrumb above the page (reader/gui/breadcrumb.py): the page's place in the navigation, sections with a page
as links, the page as text; hidden on the home page; reachable by Tab, named for a screen reader, elided when long,
following the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from reader.gui.breadcrumb import MIN_CRUMB, fit_widths

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui

NESTED = "richtlijnen/cloud/fases"  # NeRDS: Richtlijnen > Cloud > the page


def test_fit_widths_shrinks_the_longest_first_and_never_below_the_floor():
    assert fit_widths([100, 50], 200) == [100, 50]
    assert fit_widths([300, 60, 200], 400) == [170, 60, 170]
    assert sum(fit_widths([500, 400, 60], 300)) <= 300
    assert fit_widths([500, 500], 10) == [MIN_CRUMB, MIN_CRUMB]
    assert fit_widths([], 100) == []


def texts(window: MainWindow) -> list[str]:
    return [part.accessibleName() for part in window.breadcrumb.bar.parts]


def test_a_nested_page_shows_its_trail_and_a_link_opens_its_section(open_reader, qtbot, nerds_edition):
    window = open_reader(nerds_edition, NESTED).window
    edition = window.edition
    if NESTED not in edition.pages:
        pytest.skip(f"{NESTED} is not in this edition")
    bar = window.breadcrumb.bar
    assert bar.isVisible() and bar.accessibleName() == "Kruimelpad"
    assert bar.mapTo(window.page_frame, bar.rect().bottomLeft()).y() <= window.view.mapTo(window.page_frame,
                                                                                          window.view.rect().topLeft()).y()
    assert texts(window)[1:] == [*edition.pages[NESTED].breadcrumb, texts(window)[-1]]
    assert isinstance(bar.parts[-1], QLabel) and bar.parts[-1].objectName() == "breadcrumbCurrent"
    links = bar.links()
    assert [link.accessibleName() for link in links][:1] == [texts(window)[0]]  # home leads
    section = next(link for link in links if link.accessibleName() == "5. Cloud")
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.mouseClick(section, Qt.MouseButton.LeftButton)
    assert window.current_page_id() == "richtlijnen/cloud"
    assert texts(window)[-1] == "5. Cloud" and not isinstance(bar.parts[-1], QToolButton)
    # Home: no trail at all.
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.mouseClick(bar.links()[0], Qt.MouseButton.LeftButton)
    assert window.current_page_id() == edition.home_page
    assert not bar.isVisible() and bar.parts == []


def test_tab_reaches_the_links_right_before_the_page_and_space_opens_one(open_reader, qtbot, nerds_edition):
    window = open_reader(nerds_edition, NESTED).window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    links = window.breadcrumb.bar.links()
    assert links
    window.sidebar.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    reached: list[object] = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is window.view or window.view.isAncestorOf(focus):
            break
        reached.append(focus)
    assert [w for w in reached if w in links] == links  # every link, in order, and then the page
    assert reached[-1] is links[-1]
    links[0].setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(links[0], Qt.Key.Key_Space)
    assert window.current_page_id() == window.edition.home_page


def test_a_long_trail_is_elided_and_keeps_its_full_titles(qtbot):
    from reader.core.navpath import Crumb
    from reader.gui.breadcrumb import Breadcrumb

    bar = Breadcrumb()
    qtbot.addWidget(bar)
    crumbs = (Crumb("Home", "index"), Crumb("Een heel lange sectietitel die niet past " * 2, "sectie"),
              Crumb("Kort", None), Crumb("De pagina met een titel die ook lang is, heel lang", None))
    bar.set_crumbs(crumbs)
    bar.resize(900, 30)
    bar.show()
    full = [part.text() for part in bar.parts]
    assert full[0] == "Home"
    bar.resize(360, 30)
    qtbot.waitUntil(lambda: any("\u2026" in part.text() for part in bar.parts), timeout=3000)
    assert [part.accessibleName() for part in bar.parts] == [c.title for c in crumbs]  # names stay whole
    assert bar.parts[0].text() == "Home" and bar.parts[2].text() == "Kort"  # the short ones stay whole
    assert all(part.toolTip() for part in bar.parts if "\u2026" in part.text())
    assert bar.minimumSizeHint().width() < 360  # the trail never makes the window wider
    bar.resize(2000, 30)
    qtbot.waitUntil(lambda: not any("\u2026" in part.text() for part in bar.parts), timeout=3000)


def test_the_trail_follows_the_language(open_reader, nerds_edition, english_qm, back_to_dutch):
    window = open_reader(nerds_edition, NESTED).window
    window.language_actions["en"].trigger()
    assert window.breadcrumb.bar.accessibleName() == "Breadcrumb"
    window.language_actions["nl"].trigger()
    assert window.breadcrumb.bar.accessibleName() == "Kruimelpad"


def test_the_trail_follows_a_switch_of_corpus(open_reader, qtbot, tmp_path):
    """Two corpora with the same page ids: after the switch the crumbs are the other corpus's titles."""
    from tests.gui.test_library_window import build_all, library_in, path_of

    editions = build_all(tmp_path / "editions")
    library = library_in(tmp_path / "library", editions)
    window = open_reader(path_of(library, "alfa"), "pagina-1", profile=tmp_path / "profile").window
    window.corpora.library = library
    assert texts(window) == ["Start Alfa", "Pagina 1 Alfa"]
    with qtbot.waitSignal(window.page_loaded, timeout=20000, check_params_cb=lambda page, ok: page == "pagina-1"):
        window.corpora.open_corpus("beta", "pagina-1")
    assert window.edition.corpus_id == "beta"
    assert texts(window) == ["Start Beta", "Pagina 1 Beta"]
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        qtbot.mouseClick(window.breadcrumb.bar.links()[0], Qt.MouseButton.LeftButton)
    assert window.current_page_id() == "index" and window.edition.corpus_id == "beta"
