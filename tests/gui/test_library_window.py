"""The library in the real window: switching corpus (every part follows), Back/Forward across corpora, user data
per corpus, the library page (counts, badge, sizes, keyboard), removing with confirmation, the bundled edition kept.

Two small corpora whose page ids are the same (an address cannot tell them apart), one in two editions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from reader.core.edition import build_edition
from reader.core.library import BUNDLED, MACHINE, USER, Library, LibraryFolder, install

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import Reader
    from reader.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui

CORPORA = {
    # name: (corpus id, title, edition date, word that only its pages contain, checklist items on the index)
    "alfa-old": ("alfa", "Alfa", "2025-11-01", "alfaoud", 2),
    "alfa-new": ("alfa", "Alfa", "2026-02-01", "alfanieuw", 3),
    "beta": ("beta", "Beta", "2026-01-15", "betawoord", 0),
}


def make_source(root: Path, corpus_id: str, title: str, word: str, tasks: int) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        f"site_name: {title}\nmarkdown_extensions:\n  - pymdownx.tasklist\n"
        f"extra:\n  richtlijnenlezer:\n    corpus_id: {corpus_id}\n",
        encoding="utf-8",
    )
    items = "".join(f"- [ ] Taak {n} van {word}\n" for n in range(tasks))
    (root / "docs" / "index.md").write_text(f"# Start {title}\n\nDe {word} begint hier.\n\n{items}", encoding="utf-8")
    for n in (1, 2):
        body = "\n\n".join(f"## Deel {k}\n\nTekst {k} van {word}." for k in range(1, 4))
        (root / "docs" / f"pagina-{n}.md").write_text(f"# Pagina {n} {title}\n\n{body}\n\n![beeld](beeld.png)\n",
                                                      encoding="utf-8")
    write_png(root / "docs" / "beeld.png", 10 * (1 + sum(map(ord, word)) % 5))  # same path, its own size per corpus
    return root


def write_png(path: Path, width: int) -> None:
    """A grey PNG `width` pixels wide and 4 high (zlib and struct: no Qt needed to build an edition)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(4))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, 4, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def build_all(base: Path) -> dict[str, Path]:
    out = {}
    for name, (corpus_id, title, date, word, tasks) in CORPORA.items():
        src = make_source(base / f"src-{name}", corpus_id, title, word, tasks)
        build_edition(src, base / name, edition_date=date)
        out[name] = base / name
    return out


def library_in(folder: Path, editions: dict[str, Path], *, bundled: str | None = None,
               installed: tuple[str, ...] = ("alfa-new", "beta")) -> Library:
    """A library in `folder` (user and machine folders), with `installed` copied into the user folder and
    `bundled` (if any) as the bundled edition, read where it was built."""
    folders = [LibraryFolder(editions[bundled], BUNDLED)] if bundled else []
    folders += [LibraryFolder(folder / "user", USER), LibraryFolder(folder / "machine", MACHINE)]
    library = Library(folders)
    for name in installed:
        install(library, editions[name])
    return library


def path_of(library: Library, corpus_id: str, date: str | None = None) -> Path:
    shelf = library.shelf(corpus_id)
    assert shelf is not None
    edition = shelf.current if date is None else shelf.edition(date)
    assert edition is not None
    return edition.path


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("library-window"))


@pytest.fixture
def reader_on(
    open_reader: Callable[..., Reader], tmp_path: Path, editions: dict[str, Path]
) -> Iterator[Callable[..., MainWindow]]:
    """`reader_on(library, corpus_id, page=None)`: a window reading that corpus of `library`, which it knows."""

    def make(library: Library, corpus_id: str, page: str | None = None) -> MainWindow:
        window = open_reader(path_of(library, corpus_id), page, profile=tmp_path / "profile").window
        window.corpora.library = library
        return window

    yield make


def body_text(run_js: Callable[..., Any], window: MainWindow) -> str:
    return str(run_js(window.page, "document.body ? document.body.innerText : ''"))


def wait_page(qtbot: QtBot, window: MainWindow, action: Callable[[], object], page_id: str) -> None:
    with qtbot.waitSignal(window.page_loaded, timeout=20000, check_params_cb=lambda p, ok: p == page_id and ok):
        action()


def test_switching_corpus_changes_every_part_and_back_forward_cross_corpora(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, run_js: Callable[..., Any], tmp_path: Path,
    editions: dict[str, Path],
) -> None:
    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "index")
    wait_page(qtbot, window, lambda: window.open_page("pagina-1"), "pagina-1")
    assert "alfanieuw" in body_text(run_js, window)

    wait_page(qtbot, window, lambda: window.corpora.open_corpus("beta"), "index")
    assert window.edition.corpus_id == "beta"
    assert window.locked_profile.handler.edition_root == path_of(library, "beta")
    text = body_text(run_js, window)
    assert "betawoord" in text and "alfanieuw" not in text  # same address, the other corpus's page
    assert "Beta" in window.windowTitle() and "Beta" in window._edition_label.text()
    current = window.contents.currentItem()
    assert current is not None and current.data(0, Qt.ItemDataRole.UserRole) == "index"
    qtbot.waitUntil(lambda: window.page.history().count() == 1, timeout=5000)  # the pages of alfa are not in it
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()

    wait_page(qtbot, window, lambda: window.open_page("pagina-2"), "pagina-2")
    # Back: inside beta first, then to alfa's page where the reader left it, then alfa's own history.
    wait_page(qtbot, window, window.back_action.trigger, "index")
    assert window.edition.corpus_id == "beta"
    wait_page(qtbot, window, window.back_action.trigger, "pagina-1")
    assert window.edition.corpus_id == "alfa" and "alfanieuw" in body_text(run_js, window)
    assert window.locked_profile.handler.edition_root == path_of(library, "alfa")
    wait_page(qtbot, window, window.back_action.trigger, "index")
    assert window.edition.corpus_id == "alfa"
    qtbot.waitUntil(lambda: not window.back_action.isEnabled(), timeout=5000)
    # Forward all the way: alfa's history, then beta where it was left (index), then beta's own forward entry.
    wait_page(qtbot, window, window.forward_action.trigger, "pagina-1")
    wait_page(qtbot, window, window.forward_action.trigger, "index")
    assert window.edition.corpus_id == "beta" and "betawoord" in body_text(run_js, window)
    wait_page(qtbot, window, window.forward_action.trigger, "pagina-2")
    qtbot.waitUntil(lambda: not window.forward_action.isEnabled(), timeout=5000)


def test_mouse_back_and_forward_buttons_cross_corpora(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    from PySide6.QtCore import QPoint

    window = reader_on(library_in(tmp_path, editions), "alfa", "pagina-1")
    wait_page(qtbot, window, lambda: window.corpora.open_corpus("beta"), "index")
    target = window.view.focusProxy()
    assert target is not None
    wait_page(qtbot, window, lambda: qtbot.mouseRelease(target, Qt.MouseButton.BackButton, pos=QPoint(50, 50)),
              "pagina-1")
    assert window.edition.corpus_id == "alfa"
    target = window.view.focusProxy()
    assert target is not None
    wait_page(qtbot, window, lambda: qtbot.mouseRelease(target, Qt.MouseButton.ForwardButton, pos=QPoint(50, 50)),
              "index")
    assert window.edition.corpus_id == "beta"


def test_an_image_at_the_same_address_comes_from_the_corpus_being_read(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, run_js: Callable[..., Any], tmp_path: Path,
    editions: dict[str, Path],
) -> None:
    def width() -> int:
        script = "(() => { const i = document.querySelector('img'); return i && i.complete ? i.naturalWidth : 0; })()"
        qtbot.waitUntil(lambda: bool(run_js(window.page, script)), timeout=5000)
        return int(run_js(window.page, script))

    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "pagina-1")
    expected = {c: 10 * (1 + sum(map(ord, CORPORA[n][3])) % 5) for n, c in (("alfa-new", "alfa"), ("beta", "beta"))}
    assert expected["alfa"] != expected["beta"]  # else this test could not fail
    assert width() == expected["alfa"]
    wait_page(qtbot, window, lambda: window.corpora.open_corpus("beta", "pagina-1"), "pagina-1")
    assert width() == expected["beta"]
    wait_page(qtbot, window, window.back_action.trigger, "pagina-1")  # the restored history, not a cached copy
    assert window.edition.corpus_id == "alfa" and width() == expected["alfa"]


def test_user_data_and_last_page_stay_per_corpus(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "index")
    window.sections.toggle_bookmark()  # alfa's index
    assert window.bookmark_action.isChecked()
    panel = window._ensure_panels().bookmarks
    assert len(panel.visible_bookmark_ids()) == 1
    wait_page(qtbot, window, lambda: window.open_page("pagina-2"), "pagina-2")
    window.save_position()

    wait_page(qtbot, window, lambda: window.corpora.open_corpus("beta"), "index")
    assert not window.bookmark_action.isChecked()  # beta's index has the same id, not the bookmark
    assert panel.visible_bookmark_ids() == []
    qtbot.waitUntil(lambda: window._ensure_panels().history.visible_pages() == ["index"], timeout=5000)
    # Opening alfa again from the library (not Back) returns to the page last read there.
    wait_page(qtbot, window, lambda: window.corpora.open_corpus("alfa"), "pagina-2")
    wait_page(qtbot, window, lambda: window.open_page("index"), "index")
    assert window.bookmark_action.isChecked() and len(panel.visible_bookmark_ids()) == 1
    assert set(window._ensure_panels().history.visible_pages()) == {"index", "pagina-2"}


def test_search_follows_the_corpus(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "index")
    wait_page(qtbot, window, lambda: window.corpora.open_corpus("beta"), "index")
    assert window.search_engine is not None
    assert window.search_engine.index_dir == path_of(library, "beta") / "index"
    hits = window.search_engine.search("betawoord").hits
    assert hits and not window.search_engine.search("alfanieuw").hits


# -- the library page --------------------------------------------------------------------------------------------


def tick(window: MainWindow, page_id: str, count: int) -> None:
    from reader.core.userdata import item_keys

    texts = window.edition.pages[page_id].checklist
    for key in item_keys(list(texts))[:count]:
        window.userdata.set_item(page_id, key, True)


def test_library_page_lists_corpora_with_counts_badge_and_sizes(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    from reader.core.userdata import edition_key
    from reader.gui.library.page import BOOKMARKS, DATE, OPEN_ITEMS, PAGES, SIZE, TITLE
    from reader.gui.library.rows import format_size

    library = library_in(tmp_path, editions, installed=("alfa-old", "beta"))
    window = reader_on(library, "alfa", "index")
    window.sections.toggle_bookmark()
    tick(window, "index", 1)  # 1 of alfa-old's 2 items
    install(library, editions["alfa-new"])  # a newer alfa arrives while reading the old one
    page = window.corpora.show_library()
    assert window.stack.currentWidget() is page and "Bibliotheek" in window.windowTitle()
    rows = {row.corpus_id: row for row in page.rows()}
    alfa, beta = rows["alfa"], rows["beta"]
    assert alfa.new_edition and not beta.new_edition
    assert (alfa.bookmarks, alfa.open_items) == (1, 2)  # alfa-new has 3 items, one ticked
    assert (beta.bookmarks, beta.open_items) == (0, 0)
    assert [e.edition_date for e in alfa.older] == ["2025-11-01"]
    size = sum(f.stat().st_size for f in path_of(library, "alfa").rglob("*") if f.is_file())
    assert alfa.current.size_bytes == size
    item = page.tree.topLevelItem(0)
    assert "Alfa" in item.text(TITLE) and "Nieuwe editie" in item.text(TITLE)
    assert (item.text(DATE), item.text(PAGES), item.text(BOOKMARKS), item.text(OPEN_ITEMS)) == (
        "2026-02-01", "3", "1", "2")
    assert item.text(SIZE) == format_size(size) and item.childCount() == 1
    assert "Nieuwe editie" in item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    # Opening it marks it read: the badge goes.
    wait_page(qtbot, window, page.open_selected, "index")
    assert window.edition.root == path_of(library, "alfa")
    assert window.userdata.last_opened_edition("alfa") == edition_key(window.edition.manifest)
    assert not {row.corpus_id: row for row in window.corpora.show_library().rows()}["alfa"].new_edition


def test_library_page_by_keyboard(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "index")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    from PySide6.QtWidgets import QPushButton

    page = window.library_page
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.tree.hasFocus(), timeout=5000)
    assert page.selected() == ("alfa", None)  # the corpus being read is selected
    assert page.tree.accessibleName() and page.open_button.text()
    names = [w.objectName() for w in page.findChildren(QPushButton)]
    assert {"libraryOpen", "libraryRemove", "libraryAdd", "libraryChanges"} <= set(names)
    # Tab leaves the list for the buttons, in their order.
    qtbot.keyClick(page.tree, Qt.Key.Key_Tab)
    assert page.open_button.hasFocus()
    qtbot.keyClick(page.open_button, Qt.Key.Key_Tab)
    assert page.remove_button.hasFocus()
    page.focus_list()
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert page.selected() == ("beta", None)
    wait_page(qtbot, window, lambda: qtbot.keyClick(page.tree, Qt.Key.Key_Return), "index")
    assert window.edition.corpus_id == "beta" and window.stack.currentWidget() is window.page_frame


def test_back_or_escape_leave_the_library_page_for_the_page_behind_it(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    window = reader_on(library_in(tmp_path, editions), "alfa", "index")
    wait_page(qtbot, window, lambda: window.open_page("pagina-1"), "pagina-1")
    page = window.corpora.show_library()
    assert window.back_action.isEnabled()
    window.back_action.trigger()  # not a step back in history: the page that was behind the library page
    assert window.stack.currentWidget() is window.page_frame and window.current_page_id() == "pagina-1"
    assert "Bibliotheek" not in window.windowTitle()
    window.corpora.show_library()
    qtbot.waitUntil(page.tree.hasFocus, timeout=5000)
    qtbot.keyClick(page.tree, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.page_frame and window.current_page_id() == "pagina-1"
    wait_page(qtbot, window, window.back_action.trigger, "index")  # and now Back is Back


@pytest.mark.usefixtures("back_to_dutch")
def test_the_library_page_follows_the_language(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path], english_qm: Path
) -> None:
    from reader.gui.library.page import OPEN_ITEMS, TITLE

    library = library_in(tmp_path, editions, installed=("alfa-old", "beta"))
    window = reader_on(library, "alfa", "index")
    install(library, editions["alfa-new"])
    page = window.corpora.show_library()
    window._ensure_panels()
    assert page.heading.text() == "Bibliotheek" and "Nieuwe editie" in page.tree.topLevelItem(0).text(TITLE)
    window.language_actions["en"].trigger()
    header = page.tree.headerItem()
    assert page.heading.text() == "Library" and header.text(OPEN_ITEMS) == "Open items"
    assert "New edition" in page.tree.topLevelItem(0).text(TITLE) and page.open_button.text() == "&Open"
    assert window.windowTitle() == "Library \u2014 Richtlijnenlezer"
    assert window.search_scope is not None and window.search_scope.switch.text() == "All guidelines"
    window.language_actions["nl"].trigger()
    assert page.heading.text() == "Bibliotheek" and window.search_scope.switch.text() == "Alle richtlijnen"


def test_remove_asks_and_keeps_bookmarks_unless_told(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    from reader.gui.library.remove import RemoveDialog

    library = library_in(tmp_path, editions, installed=("alfa-old", "alfa-new", "beta"))
    window = reader_on(library, "beta", "index")
    wait_page(qtbot, window, lambda: window.corpora.open_corpus("alfa"), "index")
    window.sections.toggle_bookmark()
    page = window.corpora.show_library()

    # An old edition: asked, cancelled, nothing gone; asked again, confirmed, only that edition gone.
    assert page.select("alfa", library.shelf("alfa").editions[1].key)  # type: ignore[union-attr]
    dialog = page.ask_remove()
    assert isinstance(dialog, RemoveDialog) and dialog.isVisible() and dialog.forget_box is None
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(library.shelf("alfa").editions) == 2  # type: ignore[union-attr]
    page.select("alfa", library.shelf("alfa").editions[1].key)  # type: ignore[union-attr]
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    dialog = page.remove_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [e.edition_date for e in library.shelf("alfa").editions] == ["2026-02-01"]  # type: ignore[union-attr]

    # The whole corpus being read, user data kept: the window moves to beta, Back never leads to alfa.
    page.select("alfa")
    dialog = page.ask_remove()
    assert dialog is not None and dialog.forget_box is not None and not dialog.forget_box.isChecked()
    with qtbot.waitSignal(window.page_loaded, timeout=20000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert library.shelf("alfa") is None and window.edition.corpus_id == "beta"
    assert window.stack.currentWidget() is page and [r.corpus_id for r in page.rows()] == ["beta"]
    assert all(v.corpus_id != "alfa" for v in window.corpora.trail.visits)
    assert window.userdata.corpus_counts()["alfa"].bookmarks == 1

    # Installed again, removed with the box ticked: the bookmarks go too.
    install(library, editions["alfa-new"])
    page.refresh()
    page.select("alfa")
    dialog = page.ask_remove()
    assert dialog is not None and dialog.forget_box is not None
    qtbot.mouseClick(dialog.forget_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert library.shelf("alfa") is None and "alfa" not in window.userdata.corpus_counts()


def test_the_bundled_edition_cannot_be_removed(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    library = library_in(tmp_path, editions, bundled="beta", installed=("alfa-new",))
    window = reader_on(library, "alfa", "index")
    page = window.corpora.show_library()
    assert page.select("beta")
    assert not page.remove_button.isEnabled() and "meegeleverde" in page.remove_button.toolTip()
    assert page.ask_remove() is None
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert page.remove_dialog is None and library.shelf("beta") is not None
    assert page.select("alfa") and page.remove_button.isEnabled() and not page.remove_button.toolTip()


# -- starting: `open --corpus`, the library page first -------------------------------------------------------------


def library_env(tmp_path: Path, editions: dict[str, Path], installed: tuple[str, ...]) -> dict[str, str]:
    """The environment of a reader whose user library holds `installed` (the bundled corpus is the repository's)."""
    library_in(tmp_path / "env", editions, installed=installed)
    return {"RICHTLIJNENLEZER_USER_EDITIONS": str(tmp_path / "env" / "user"),
            "RICHTLIJNENLEZER_MACHINE_DIR": str(tmp_path / "env" / "machine")}


def test_open_corpus_command_opens_that_corpus(tmp_path: Path, editions: dict[str, Path]) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, **library_env(tmp_path, editions, ("alfa-new", "beta")),
           "RICHTLIJNENLEZER_PROFILE": str(tmp_path / "profile")}
    command = [sys.executable, "-m", "reader", "open", "--smoke-test", "--corpus"]
    done = subprocess.run([*command, "beta"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.splitlines()[0])
    assert record["page"] == "index" and record["load_ok"] and "betawoord" in record["text"]
    missing = subprocess.run([*command, "gamma"], env=env, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "geen richtlijnen met id gamma" in missing.stderr
    both = subprocess.run([*command, "beta", "--edition", str(editions["beta"])], env=env, capture_output=True,
                          text=True, timeout=120)
    assert both.returncode == 2 and "--corpus" in both.stderr  # one or the other


def test_start_on_the_library_page_when_more_than_one_corpus(
    reader_context: Any, qtbot: QtBot, tmp_path: Path, editions: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from reader.commands.open import start_library
    from reader.gui.app import create_reader

    def args(page: str | None = None, corpus: str | None = None, **more: Any) -> argparse.Namespace:
        return argparse.Namespace(page=page, corpus=corpus, edition=more.get("edition"),
                                  smoke_test=more.get("smoke_test", False))

    for name, value in library_env(tmp_path, editions, ("alfa-new",)).items():
        monkeypatch.setenv(name, value)
    library = start_library(args())  # the bundled corpus and alfa
    assert library is not None and len(library.corpora()) == 2
    assert start_library(args(page="index")) is None and start_library(args(corpus="alfa")) is None
    assert start_library(args(smoke_test=True)) is None and start_library(args(edition=tmp_path)) is None

    # As `open` does it: no page loads, the library page shows; Enter on a corpus reads it.
    reader = create_reader(path_of(library, "alfa"), tmp_path / "profile", context=reader_context, start_page=None)
    try:
        window = reader.window
        window.corpora.library = library
        page = window.corpora.show_library(fill_soon=True)
        assert page.tree.topLevelItemCount() == 0  # listed once the window is up
        window.show()
        assert window.stack.currentWidget() is page and window.page.url().isEmpty()
        qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 2 and page.tree.hasFocus(), timeout=5000)
        assert page.selected() == ("alfa", None)
        qtbot.keyClick(page.tree, Qt.Key.Key_Down)  # the other corpus: the window switches before any page
        selected = page.selected()
        assert selected is not None and selected[0] != "alfa"
        wait_page(qtbot, window, lambda: qtbot.keyClick(page.tree, Qt.Key.Key_Return), "index")
        assert window.edition.corpus_id == selected[0] and window.stack.currentWidget() is window.page_frame
        qtbot.waitUntil(lambda: window.late_panels() is not None, timeout=5000)
        assert window.corpora.trail.visits == [window.corpora.trail.current]  # nothing read before: no step back
        assert not window.back_action.isEnabled()
        qtbot.wait(100)  # timers the first page started (the changes banner's) run before the window goes
    finally:
        reader.close()


# -- the search scope: this corpus or the whole library ------------------------------------------------------------


def test_search_all_corpora_groups_by_corpus_and_opens_across(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    from reader.gui.sidebar.search import CORPUS_ROLE, HTML_ROLE, PAGE_ROLE

    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "index")
    window._ensure_panels()
    scope, panel, field = window.search_scope, window.search_panel, window.search_field
    assert scope is not None and panel is not None and field is not None
    assert scope.switch.parent() is window.toolbar and scope.switch.accessibleName()
    assert not scope.switch.isChecked()  # this corpus by default

    field.setText("betawoord")
    panel.search_now()
    assert panel.result_count() == 0  # alfa does not have it
    scope.switch.click()
    qtbot.waitUntil(lambda: panel.result_count() > 0, timeout=10000)
    rows = [panel.model.index(r, 0) for r in range(panel.result_count())]
    assert {r.data(CORPUS_ROLE) for r in rows} == {"beta"}
    assert "<small>Beta" in rows[0].data(HTML_ROLE)  # the corpus's label leads the page's breadcrumb

    # A word both corpora have: groups per corpus, one after the other.
    field.setText("tekst")
    panel.search_now()
    corpora = [panel.model.index(r, 0).data(CORPUS_ROLE) for r in range(panel.result_count())]
    assert set(corpora) == {"alfa", "beta"}
    assert corpora == sorted(corpora, key=corpora.index)  # each corpus's hits together

    # Opening a hit of the other corpus switches the window to it; the scope stays the library.
    beta_row = corpora.index("beta")
    panel.view.setCurrentIndex(panel.model.index(beta_row, 0))
    page_id = panel.model.index(beta_row, 0).data(PAGE_ROLE)
    wait_page(qtbot, window, panel.open_current, page_id)
    assert window.edition.corpus_id == "beta" and scope.switch.isChecked()
    assert panel.result_count() == len(corpora)

    # Back to this corpus only: beta's own index.
    scope.switch.click()
    assert {panel.model.index(r, 0).data(CORPUS_ROLE) for r in range(panel.result_count())} == {""}
    assert panel.result_count() < len(corpora)


def test_search_all_corpora_drops_its_hits_naming_the_corpus(
    reader_on: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, editions: dict[str, Path]
) -> None:
    """The search across the library in the dropdown under the field: each row names its corpus, and Enter opens a
    hit of another corpus there."""
    from PySide6.QtWidgets import QApplication

    from reader.gui.sidebar.search import HTML_ROLE, PAGE_ROLE

    library = library_in(tmp_path, editions)
    window = reader_on(library, "alfa", "index")
    window._ensure_panels()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    scope, panel, field, panels = window.search_scope, window.search_panel, window.search_field, window.late_panels()
    assert scope is not None and panel is not None and field is not None and panels is not None
    scope.switch.click()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(panel.results_changed, timeout=10000, check_params_cb=lambda n: n > 0):
        qtbot.keyClicks(field, "betawoord")
    qtbot.waitUntil(lambda: not panel.search_pending, timeout=5000)
    dropdown = panels.search_dropdown
    assert dropdown.isVisible() and dropdown.model.rowCount() >= 2  # a hit, and the full list
    first = dropdown.model.index(0, 0)
    assert first.data().startswith("Beta: ") and first.data(HTML_ROLE).startswith("<small>Beta")
    assert window.sidebar.currentWidget() is not panel
    wait_page(qtbot, window, lambda: qtbot.keyClick(field, Qt.Key.Key_Return), panel.model.index(0, 0).data(PAGE_ROLE))
    assert window.edition.corpus_id == "beta" and not dropdown.isVisible()
