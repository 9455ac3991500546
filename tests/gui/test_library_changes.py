"""'Wat is er veranderd' in the window: the generated page (served by the reader's scheme), the changes between two
small editions where every change is known, and the banner on a changed page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader

pytestmark = pytest.mark.gui


def test_the_scheme_serves_a_generated_page_from_memory_and_nothing_else(
    open_reader: Callable[..., Reader], content_edition: Path, qtbot: QtBot, run_js: Callable[..., Any]
) -> None:
    reader = open_reader(content_edition)
    window = reader.window
    handler = reader.profile.handler
    page = "<!DOCTYPE html><html><body><p id='x'>Gegenereerd \u00eb</p></body></html>"
    url = handler.serve_generated("proef.html", page)
    assert url == "rl://edition.invalid/app/generated/proef.html"
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(window.page.loadFinished, timeout=20000) as loaded:
        window.view.load(QUrl(url))
    assert loaded.args == [True]
    assert run_js(window.page, "document.getElementById('x').textContent") == "Gegenereerd \u00eb"
    with qtbot.waitSignal(window.page.loadFinished, timeout=20000) as missing:
        window.view.load(QUrl("rl://edition.invalid/app/generated/nergens.html"))
    assert missing.args == [False]


# -- two small editions where every change is known ----------------------------------------------------------------
OLD_PAGES = {
    "index.md": "# Start\n\nWelkom bij de proef.\n",
    "a.md": ("# Pagina A\n\nInleiding blijft.\n\n## Eerste\n\nDe oude tekst blijft hier staan.\n\n"
             "- [ ] Lees de eerste regel\n\n## Tweede\n\nOngewijzigd stuk tekst.\n\n"
             "- [ ] Controleer het tweede deel\n"),
    "b.md": "# Pagina B\n\nBlijft helemaal gelijk.\n",
    "weg.md": "# Verdwenen pagina\n\nDeze pagina verdwijnt.\n",
}
NEW_PAGES = {
    "index.md": OLD_PAGES["index.md"],
    "a.md": ("# Pagina A\n\nInleiding blijft.\n\n## Eerste\n\nDe nieuwe tekst blijft hier staan met "
             '`<b id="injected">vet</b>` erbij.\n\n- [ ] Lees de eerste regel\n\n## Tweede\n\n'
             "Ongewijzigd stuk tekst.\n\n- [ ] Controleer het tweede deel\n"),
    "b.md": OLD_PAGES["b.md"],
    "nieuw.md": "# Nieuwe pagina\n\nDeze pagina is er nieuw bij.\n",
}


def _source(folder: Path, pages: dict[str, str]) -> Path:
    (folder / "docs").mkdir(parents=True)
    nav = "".join(f"  - {name}\n" for name in pages)
    (folder / "mkdocs.yml").write_text(f"site_name: Proef\nnav:\n{nav}", encoding="utf-8")
    for name, text in pages.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def two_editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Edition 2025-01-01 and 2025-06-01 of corpus "proef", installed in this test's own user library."""
    from reader import paths
    from reader.core.library import USER, Library, LibraryFolder, install

    library = tmp_path / "library"
    monkeypatch.setenv("RICHTLIJNENLEZER_USER_EDITIONS", str(library))
    shelf = Library([LibraryFolder(library, USER)])
    old = install(shelf, _source(tmp_path / "old", OLD_PAGES), corpus_id="proef", edition_date="2025-01-01",
                  icons_dir=paths.icons_dir()).edition.path
    new = install(shelf, _source(tmp_path / "new", NEW_PAGES), corpus_id="proef", edition_date="2025-06-01",
                  icons_dir=paths.icons_dir()).edition.path
    return old, new


@pytest.fixture
def profile_read_old(tmp_path: Path, two_editions: tuple[Path, Path]) -> Path:
    """A profile that read the old edition, with a bookmark on the changed section, one on the unchanged page B
    and two ticked checklist items: one in the changed section, one in the unchanged one."""
    from reader.core.edition import Edition
    from reader.core.userdata import UserData, edition_key, item_keys

    old, _new = two_editions
    profile = tmp_path / "profile"
    data = UserData.open(profile, corpus_id="proef")
    try:
        data.mark_edition_opened("proef", edition_key(Edition.open(old).manifest))
        data.add_bookmark("a", "eerste", title="Mijn <i>eerste</i> bladwijzer")
        data.add_bookmark("b", "", title="Pagina B bewaard")
        texts = ["Lees de eerste regel", "Controleer het tweede deel"]
        data.set_items("a", [(key, True, text) for key, text in zip(item_keys(texts), texts, strict=True)])
    finally:
        data.close()
    return profile


def _wait_banner(qtbot: QtBot, reader: Reader) -> Any:
    from reader.gui.library.banner import ChangeBanner

    found: list[ChangeBanner] = []

    def attached() -> bool:
        banner = reader.window.page_frame.findChild(ChangeBanner, "changeBanner")
        if banner is not None:
            found.append(banner)
        return bool(found)

    qtbot.waitUntil(attached, timeout=10000)
    return found[0]


def test_the_banner_shows_on_a_changed_page_and_not_on_an_unchanged_one(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], profile_read_old: Path, qtbot: QtBot
) -> None:
    _old, new = two_editions
    reader = open_reader(new, page="a", profile=profile_read_old)
    banner = _wait_banner(qtbot, reader)
    qtbot.waitUntil(banner.isVisible, timeout=20000)
    assert banner.label.text() == "Gewijzigd sinds editie 2025-01-01"
    assert banner.button.text() == "Bekijk wijzigingen"
    window = reader.window
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        window.open_page("b")
    assert not banner.isVisible()
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        window.open_page("index")
    assert not banner.isVisible()
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        window.open_page("a")
    assert banner.isVisible()


def test_no_banner_without_an_edition_read_before(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], tmp_path: Path, qtbot: QtBot
) -> None:
    _old, new = two_editions
    reader = open_reader(new, page="a", profile=tmp_path / "fresh-profile")
    banner = _wait_banner(qtbot, reader)
    qtbot.wait(500)
    assert banner.since is None and not banner.isVisible()


def test_the_changes_page_marks_words_names_your_items_and_escapes_the_corpus(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], profile_read_old: Path, qtbot: QtBot,
    run_js: Callable[..., Any],
) -> None:
    _old, new = two_editions
    reader = open_reader(new, page="a", profile=profile_read_old)
    window = reader.window
    banner = _wait_banner(qtbot, reader)
    qtbot.waitUntil(banner.isVisible, timeout=20000)
    with qtbot.waitSignal(window.page.loadFinished, timeout=30000) as loaded:
        banner.button.click()
    assert loaded.args == [True]
    url = window.page.url().toString()
    assert url.startswith("rl://edition.invalid/app/generated/changes.html#rl-change-")
    page = window.page
    assert run_js(page, "document.querySelectorAll('script').length") == 0
    assert run_js(page, "document.getElementById('injected') === null") is True
    assert run_js(page, "document.querySelector('h1').textContent") == "Wat is er veranderd"
    ins = run_js(page, "JSON.stringify([...document.querySelectorAll('ins')].map(e => e.textContent))")
    dels = run_js(page, "JSON.stringify([...document.querySelectorAll('del')].map(e => e.textContent))")
    # The changed sentence: "oude" deleted, "nieuwe" and the code's text inserted; each run carries its spoken words.
    assert any("oude" in d and d.startswith("verwijderd: ") and d.endswith(" einde verwijderd") for d in dels), dels
    assert any("nieuwe" in i and i.startswith("ingevoegd: ") and i.endswith(" einde ingevoegd") for i in ins), ins
    assert any('<b id="injected">vet</b>' in i for i in ins), ins
    sr = run_js(page, "getComputedStyle(document.querySelector('.rl-sr-only')).display")
    assert sr != "none"  # hidden from sight only: a screen reader still reads it
    colour = run_js(page, "getComputedStyle(document.querySelector('ins')).backgroundColor")
    assert colour not in ("", "rgba(0, 0, 0, 0)")
    lists = run_js(page, "JSON.stringify(['rl-changes-added', 'rl-changes-removed', 'rl-changes-changed'].map("
                         "id => document.getElementById(id) ? document.getElementById(id).textContent : null))")
    assert "Nieuwe pagina" in lists[0] and "Verdwenen pagina" in lists[1] and "Pagina A" in lists[2]
    assert "Pagina B" not in lists[2]
    yours = run_js(page, "document.getElementById('rl-changes-yours').textContent")
    assert "Mijn <i>eerste</i> bladwijzer" in yours  # the title as text, not markup
    assert "Lees de eerste regel" in yours  # ticked, in the changed section
    assert "Controleer het tweede deel" not in yours  # ticked, but its section did not change
    assert "Pagina B bewaard" not in yours  # a page that did not change
    # The first thing on the page is the list of your items (before the pages).
    order = run_js(page, "JSON.stringify([...document.querySelectorAll('article > p, article > section')]"
                         ".map(e => e.id || e.className))")
    assert order.index("rl-changes-yours") < order.index("rl-changes-added")


def test_the_command_compares_two_chosen_editions(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], profile_read_old: Path, qtbot: QtBot,
    run_js: Callable[..., Any],
) -> None:
    from PySide6.QtWidgets import QPushButton

    from reader.gui.library.changes_page import ChangesDialog

    old, new = two_editions
    reader = open_reader(new, page="index", profile=profile_read_old)
    window = reader.window
    window.commands.actions["whatChanged"].trigger()
    dialog = window.findChild(ChangesDialog)
    assert isinstance(dialog, ChangesDialog)
    assert dialog.new_box.currentText() == "Editie 2025-06-01"
    assert dialog.old_box.currentText() == "Editie 2025-01-01"  # the one read before
    with qtbot.waitSignal(window.page.loadFinished, timeout=30000):
        dialog.findChild(QPushButton, "changesCompare").click()
    assert run_js(window.page, "document.querySelectorAll('.rl-changes-page').length") == 1
    counts = run_js(window.page, "document.querySelector('.rl-changes-counts').textContent")
    assert counts == "1 nieuw, 1 verwijderd, 0 verplaatst, 1 gewijzigd."
    assert old != new


def test_since_read_is_what_the_library_badge_opens(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], profile_read_old: Path, qtbot: QtBot,
    run_js: Callable[..., Any],
) -> None:
    from reader.gui.library.changes_page import show_changes_since_read

    _old, new = two_editions
    reader = open_reader(new, page="b", profile=profile_read_old)
    window = reader.window
    with qtbot.waitSignal(window.page.loadFinished, timeout=30000):
        assert show_changes_since_read(window, "proef") is True
    assert run_js(window.page, "document.querySelector('.rl-changes-editions').textContent").startswith(
        "Van editie 2025-01-01 naar editie 2025-06-01")


def test_with_one_edition_there_is_nothing_to_compare(
    open_reader: Callable[..., Reader], content_edition: Path, qtbot: QtBot
) -> None:
    from reader.gui.library.changes_page import show_changes, show_changes_since_read

    reader = open_reader(content_edition)
    window = reader.window
    assert show_changes(window) is None
    assert "maar één editie" in window.feedback.currentMessage()
    assert show_changes_since_read(window) is False
    assert "geen eerder gelezen editie" in window.feedback.currentMessage()


def test_the_library_page_buttons_open_what_changed_for_the_selected_corpus(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], profile_read_old: Path, qtbot: QtBot,
    run_js: Callable[..., Any],
) -> None:
    from reader.gui.library.library_buttons import add_library_buttons

    _old, new = two_editions
    reader = open_reader(new, page="b", profile=profile_read_old)
    window = reader.window
    page = window.corpora.show_library()
    add, changes = add_library_buttons(window, page)
    assert add_library_buttons(window, page) == (add, changes)  # once
    assert add.text() == "Richtlijnen &toevoegen\u2026" and changes.text() == "&Wat is er veranderd"
    assert page.select("proef")
    assert changes.isEnabled()  # an older edition is installed
    with qtbot.waitSignal(window.page.loadFinished, timeout=30000):
        changes.click()
    assert window.stack.currentWidget() is window.page_frame  # the page came to the front
    assert run_js(window.page, "document.querySelectorAll('.rl-changes-page').length") == 1


@pytest.mark.slow
def test_the_nerds_editions_in_the_window_with_the_event_loop_measured(
    open_reader: Callable[..., Reader], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
    run_js: Callable[..., Any], nerds_2025: Path, nerds_2026: Path,
) -> None:
    """NeRDS 2025-12 -> 2026-03: the page lists exactly what diff_editions finds, and the event loop never waits
    100 ms while the worker diffs and renders (a 10 ms timer's gaps)."""
    import time

    from PySide6.QtCore import Qt, QTimer

    from reader import paths
    from reader.core.diff import diff_editions
    from reader.core.library import USER, Library, LibraryFolder, install
    from reader.gui.library.changes_page import show_changes_between

    library = tmp_path / "library"
    monkeypatch.setenv("RICHTLIJNENLEZER_USER_EDITIONS", str(library))
    shelf = Library([LibraryFolder(library, USER)])
    old = install(shelf, nerds_2025, corpus_id="nerds", edition_date="2025-12-01", icons_dir=paths.icons_dir())
    new = install(shelf, nerds_2026, corpus_id="nerds", edition_date="2026-03-01", icons_dir=paths.icons_dir())
    expected = diff_editions(old.edition.path, new.edition.path)
    assert expected.changed
    reader = open_reader(new.edition.path, profile=tmp_path / "profile")
    window = reader.window
    qtbot.wait(300)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    with qtbot.waitSignal(window.page.loadFinished, timeout=60000) as loaded:
        show_changes_between(window, old.edition.path, new.edition.path)
    shown = time.perf_counter() - started
    timer.stop()
    assert loaded.args == [True]
    print(f"NeRDS changes page shown in {shown:.2f} s; max event-loop gap {max(gaps):.1f} ms over {len(gaps)} ticks")
    assert max(gaps) < 100, sorted(gaps)[-5:]
    page = window.page
    assert run_js(page, "document.querySelectorAll('.rl-changes-page').length") == len(expected.changed)
    for key, items in (("added", expected.added), ("removed", expected.removed), ("moved", expected.moved)):
        count = run_js(page, f"(document.getElementById('rl-changes-{key}') || {{querySelectorAll: () => []}})"
                             ".querySelectorAll('li').length")
        assert count == len(items), key
    assert run_js(page, "document.querySelectorAll('script').length") == 0
    assert run_js(page, "document.querySelectorAll('ins, del').length") > 0


def test_the_banner_follows_a_switch_of_corpus(
    open_reader: Callable[..., Reader], content_edition: Path, two_editions: tuple[Path, Path],
    profile_read_old: Path, qtbot: QtBot,
) -> None:
    """Reading another corpus first: no bar; switched to the new edition of "proef", its changed page has one."""
    _old, new = two_editions
    reader = open_reader(content_edition, profile=profile_read_old)
    window = reader.window
    banner = _wait_banner(qtbot, reader)
    qtbot.wait(200)
    assert not banner.isVisible()
    with qtbot.waitSignal(window.page_loaded, timeout=30000):
        assert window.corpora.switch_to(new, "a")
    assert window.edition.corpus_id == "proef"
    qtbot.waitUntil(banner.isVisible, timeout=20000)
    assert banner.label.text() == "Gewijzigd sinds editie 2025-01-01"


def test_an_edition_that_cannot_be_read_is_said_in_the_message_bar(
    open_reader: Callable[..., Reader], two_editions: tuple[Path, Path], tmp_path: Path, qtbot: QtBot
) -> None:
    from reader.gui.library.changes_page import ChangesController, show_changes_between

    _old, new = two_editions
    reader = open_reader(new, page="b", profile=tmp_path / "profile")
    window = reader.window
    gone = tmp_path / "weg"
    url_before = window.page.url().toString()
    show_changes_between(window, gone, new)
    qtbot.waitUntil(lambda: "De wijzigingen konden niet worden bepaald" in window.feedback.currentMessage(),
                    timeout=20000)
    assert window.page.url().toString() == url_before
    controller = ChangesController.of(window)
    assert controller.request_diff(gone, new) is None  # remembered: the banner does not try again on every page
    assert not controller._pending
