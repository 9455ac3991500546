"""The Bladwijzers tab with qtbot: add, filter, open, rename, note, move, drag and drop, delete and undo, marks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMenu

from reader.core.userdata import STATUS_CHANGED, STATUS_MISSING, STATUS_OK, STATUS_SECTION_GONE, UserData
from reader.gui.sidebar.bookmarks import MIME_IDS, ROLE_KIND, ROLE_STATUS, BookmarksPanel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot, store: UserData) -> BookmarksPanel:
    store.add_bookmark("richtlijnen/cloud", "", title="Cloud", folder="Werk")
    store.add_bookmark("richtlijnen/open-source", "licenties", title="Licenties", note="EUPL", folder="Werk")
    store.add_bookmark("fasen/verkennen", "", title="Verkennen")
    widget = BookmarksPanel(store, {"richtlijnen/cloud", "richtlijnen/open-source", "fasen/verkennen"})
    qtbot.addWidget(widget)
    widget.resize(320, 500)
    widget.show()
    return widget


def _titles(panel: BookmarksPanel) -> list[str]:
    return [panel.index_for(i).data() for i in panel.visible_bookmark_ids()]


def test_shows_folders_and_bookmarks(panel: BookmarksPanel) -> None:
    model = panel.model
    top = [model.index(i, 0) for i in range(model.rowCount())]
    assert [(t.data(ROLE_KIND), t.data()) for t in top] == [("folder", "Werk (2)"), ("bookmark", "Verkennen")]
    assert panel.tree.isExpanded(top[0])
    assert [model.index(i, 0, top[0]).data() for i in range(2)] == ["Cloud", "Licenties"]
    assert "EUPL" in model.index(1, 0, top[0]).data(Qt.ItemDataRole.ToolTipRole)
    assert not panel.empty_label.isVisible()


def test_filter_narrows_and_explains(panel: BookmarksPanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.filter_edit, "eupl")
    assert _titles(panel) == ["Licenties"]
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "werk")  # folder names match too
    assert _titles(panel) == ["Cloud", "Licenties"]
    panel.filter_edit.setText("bestaat niet")
    assert _titles(panel) == [] and panel.empty_label.isVisible()
    assert "bestaat niet" in panel.empty_label.text()
    panel.filter_edit.clear()
    assert len(_titles(panel)) == 3


def test_open_on_click_and_enter(panel: BookmarksPanel, qtbot: QtBot) -> None:
    index = panel.index_for(panel.userdata.find_bookmark("richtlijnen/open-source", "licenties").id)
    rect = panel.tree.visualRect(index)
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["richtlijnen/open-source", "licenties"]
    verkennen = panel.index_for(panel.userdata.find_bookmark("fasen/verkennen").id)
    panel.tree.setCurrentIndex(verkennen)
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["fasen/verkennen", ""]


def test_filter_enter_then_enter_opens_first_match(panel: BookmarksPanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.filter_edit, "verk")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["fasen/verkennen", ""]


def test_rename_and_note_with_undo(panel: BookmarksPanel, store: UserData) -> None:
    b = store.find_bookmark("fasen/verkennen")
    assert panel.rename_bookmark(b.id, "  Eerst verkennen ")
    assert store.get_bookmark(b.id).title == "Eerst verkennen"
    assert "Eerst verkennen" in _titles(panel)
    assert panel.set_note(b.id, "met het team")
    assert store.get_bookmark(b.id).note == "met het team"
    panel.undo_stack.undo()
    assert store.get_bookmark(b.id).note == ""
    panel.undo_stack.undo()
    assert store.get_bookmark(b.id).title == "Verkennen" and "Verkennen" in _titles(panel)
    panel.undo_stack.redo()
    assert store.get_bookmark(b.id).title == "Eerst verkennen"
    assert not panel.rename_bookmark(b.id, "   ")  # empty names refused


def test_delete_with_undo_bar_and_shortcut(panel: BookmarksPanel, store: UserData, qtbot: QtBot) -> None:
    b = store.find_bookmark("richtlijnen/cloud")
    panel.select_bookmark(b.id)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert store.find_bookmark("richtlijnen/cloud") is None
    assert "Cloud" not in _titles(panel)
    assert panel.message_bar.isVisible() and "‘Cloud’ verwijderd" in panel.message_label.text()
    assert panel.undo_button.isVisible()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    restored = store.find_bookmark("richtlijnen/cloud")
    assert restored == b  # same id, folder, times
    assert "Cloud" in _titles(panel) and not panel.message_bar.isVisible()
    # Ctrl+Z works too.
    panel.delete_bookmarks([b.id])
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.find_bookmark("richtlijnen/cloud") == b


def test_move_via_context_menu_and_new_folder(panel: BookmarksPanel, store: UserData) -> None:
    b = store.find_bookmark("fasen/verkennen")
    menu = panel.context_menu_for(panel.index_for(b.id))
    texts = [a.text() for a in menu.actions()]
    assert texts[:3] == ["Openen", "Naam wijzigen…", "Notitie bewerken…"] and "Verwijderen" in texts
    move_menu = next(a.menu() for a in menu.actions() if a.text() == "Verplaatsen naar map")
    assert isinstance(move_menu, QMenu)
    werk = next(a for a in move_menu.actions() if a.text() == "Werk")
    werk.trigger()
    assert store.get_bookmark(b.id).folder == "Werk"
    assert panel.folder_index("Werk").data() == "Werk (3)"
    panel.undo_stack.undo()
    assert store.get_bookmark(b.id).folder == ""
    assert panel.add_folder("Later") == "Later" and panel.folder_index("Later").data() == "Later (0)"


def _mime(*ids: int) -> QMimeData:
    # Built here, owned by the test: the tree's own mimeData() hands ownership to Qt's drag machinery.
    mime = QMimeData()
    mime.setData(MIME_IDS, QByteArray(",".join(map(str, ids)).encode()))
    return mime


def test_drag_and_drop_between_folders(panel: BookmarksPanel, store: UserData, qtbot: QtBot) -> None:
    store.add_folder("Thuis")
    panel.refresh()
    cloud = store.find_bookmark("richtlijnen/cloud")
    index = panel.index_for(cloud.id)
    assert panel.model.mimeData([index]).data(MIME_IDS).data() == str(cloud.id).encode()
    mime = _mime(cloud.id)
    target = panel.folder_index("Thuis")
    pos = panel.tree.visualRect(target).center()
    event = QDropEvent(pos.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    panel.tree.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.IgnoreAction  # Qt must not remove rows by itself
    qtbot.waitUntil(lambda: store.get_bookmark(cloud.id).folder == "Thuis")
    assert panel.folder_index("Thuis").data() == "Thuis (1)"
    # Dropping onto a bookmark that has no folder moves it out of its folder.
    verkennen_rect = panel.tree.visualRect(panel.index_for(store.find_bookmark("fasen/verkennen").id))
    mime_again = _mime(cloud.id)  # keep a reference: QDropEvent does not own its mime data
    event = QDropEvent(verkennen_rect.center().toPointF(), Qt.DropAction.MoveAction,
                       mime_again, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    panel.tree.dropEvent(event)
    qtbot.waitUntil(lambda: store.get_bookmark(cloud.id).folder == "")
    panel.undo_stack.undo()
    assert store.get_bookmark(cloud.id).folder == "Thuis"


def test_marks_missing_and_changed(qtbot: QtBot, store: UserData) -> None:
    store.add_bookmark("weg", "", title="Verdwenen pagina")
    store.add_bookmark("blijft", "kop", title="Kop", section_hash="oud")
    store.add_bookmark("blijft", "", title="Pagina", section_hash="zelfde")
    hashes = {("blijft", "kop"): "nieuw", ("blijft", ""): "zelfde"}
    panel = BookmarksPanel(store, lambda: {"blijft"}, lambda p, a: hashes.get((p, a)))
    qtbot.addWidget(panel)
    by_title = {panel.index_for(i).data().split(" \u00b7 ")[0]: panel.index_for(i)
                for i in panel.visible_bookmark_ids()}
    assert by_title["Verdwenen pagina"].data(ROLE_STATUS) == STATUS_MISSING
    assert by_title["Verdwenen pagina"].data() == "Verdwenen pagina \u00b7 niet in deze editie"
    assert by_title["Verdwenen pagina"].data(Qt.ItemDataRole.FontRole).italic()
    assert by_title["Kop"].data(ROLE_STATUS) == STATUS_CHANGED
    assert by_title["Kop"].data().endswith("gewijzigd sinds je bladwijzer")
    assert by_title["Pagina"].data(ROLE_STATUS) == STATUS_OK and by_title["Pagina"].data() == "Pagina"
    # "Markeren als gezien": the changed section's current hash is stored, the mark goes; undo brings it back.
    kop = store.find_bookmark("blijft", "kop")
    menu = panel.context_menu_for(panel.index_for(kop.id))
    seen = next(a for a in menu.actions() if a.text().startswith("Markeren als gezien"))
    seen.trigger()
    assert store.find_bookmark("blijft", "kop").section_hash == "nieuw"
    assert panel.index_for(kop.id).data(ROLE_STATUS) == STATUS_OK
    assert panel.index_for(kop.id).data(Qt.ItemDataRole.FontRole) is None  # the italic mark is gone too
    panel.undo_stack.undo()
    assert store.find_bookmark("blijft", "kop").section_hash == "oud"
    assert panel.index_for(kop.id).data(ROLE_STATUS) == STATUS_CHANGED
    # A new edition where the page is back and the section is as bookmarked.
    hashes[("blijft", "kop")] = "oud"
    panel.set_edition({"blijft", "weg"}, lambda p, a: hashes.get((p, a)))
    assert {panel.index_for(i).data(ROLE_STATUS) for i in panel.visible_bookmark_ids()} == {STATUS_OK}
    assert store.bookmark_count() == 3  # marks never delete anything
    # With the page's anchors known, a bookmarked heading that is gone is marked as such.
    panel.set_edition({"blijft", "weg"}, lambda p, a: hashes.get((p, a)), lambda page: {"inleiding"})
    kop = panel.index_for(store.find_bookmark("blijft", "kop").id)
    assert kop.data(ROLE_STATUS) == STATUS_SECTION_GONE
    assert kop.data().endswith("kop niet meer in deze editie")


def test_add_bookmark_and_undo(qtbot: QtBot, store: UserData) -> None:
    panel = BookmarksPanel(store, None)
    qtbot.addWidget(panel)
    assert panel.empty_label.isVisibleTo(panel) and "Ctrl+D" in panel.empty_label.text()
    with qtbot.waitSignal(panel.bookmarks_changed):
        b = panel.add_bookmark("p", "kop", "Pagina — Kop", section_hash="h")
    assert b is not None and store.find_bookmark("p", "kop").section_hash == "h"
    assert panel.selected_bookmark_ids() == [b.id]
    assert panel.add_bookmark("p", "kop", "opnieuw") == b  # already there: selected, not duplicated
    panel.undo_stack.undo()
    assert store.find_bookmark("p", "kop") is None
    panel.undo_stack.redo()
    assert store.find_bookmark("p", "kop") == b


def test_read_only_store_explains_and_does_not_crash(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.userdata import ReadOnlyError
    from reader.core.userdata import store as userdata_store

    with UserData.open(tmp_path / "p", corpus_id="corpus-a") as data:
        data.add_bookmark("a", title="A")
    monkeypatch.setattr(userdata_store, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-file-read-only", path="/profiel"))
    with UserData.open(tmp_path / "p", corpus_id="corpus-a") as data:
        panel = BookmarksPanel(data, None)
        qtbot.addWidget(panel)
        assert panel.message_bar.isVisibleTo(panel)
        assert "kunnen niet worden opgeslagen" in panel.message_label.text()
        with qtbot.waitSignal(panel.save_failed) as blocker:
            assert panel.add_bookmark("b", "", "B") is None
        assert "alleen-lezen" in blocker.args[0]
        bid = data.find_bookmark("a").id
        assert not panel.rename_bookmark(bid, "Nieuw")
        assert not panel.delete_bookmarks([bid])
        assert _titles(panel) == ["A"] and panel.undo_stack.count() == 0
        assert "alleen-lezen" in panel.message_label.text()


# -- history (the sidebar list and the menu helper live beside the bookmarks) -----------------------------------


def test_history_panel_lists_opens_and_clears(qtbot: QtBot, store: UserData) -> None:
    from reader.gui.sidebar.history import HistoryPanel

    panel = HistoryPanel(store, {"a", "b"})
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty_label.isVisible() and not panel.clear_button.isEnabled()
    for page, title in (("a", "Alfa"), ("b", "Beta"), ("weg", "Oud"), ("a", "Alfa")):
        panel.record_visit(page, title)
    assert panel.visible_pages() == ["a", "weg", "b"]
    first = panel.model.index(0, 0)
    assert first.data().startswith("Alfa\nvandaag ")
    assert panel.model.index(1, 0).data().endswith("niet in deze editie")
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.list.visualRect(panel.model.index(2, 0)).center())
    assert blocker.args == ["b", ""]
    panel.list.setCurrentIndex(panel.model.index(1, 0))
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert blocker.args == ["weg", ""]
    assert panel.clear()
    assert panel.visible_pages() == [] and store.history_count() == 0


def test_history_menu_helper(qtbot: QtBot, store: UserData) -> None:
    from reader.gui.sidebar.history import fill_history_menu

    opened: list[str] = []
    cleared: list[bool] = []
    menu = QMenu()
    fill_history_menu(menu, store, opened.append, on_clear=lambda: cleared.append(True))
    assert [a.text() for a in menu.actions() if not a.isSeparator()][0] == "Nog geen pagina’s bekeken"
    store.record_visit("p", "Pagina & meer")
    store.record_visit("q", "Q")
    visits = fill_history_menu(menu, store, opened.append, limit=1, on_clear=lambda: cleared.append(True))
    assert [v.page_id for v in visits] == ["q"]
    store.record_visit("p", "Pagina & meer")
    fill_history_menu(menu, store, opened.append, on_clear=lambda: cleared.append(True))
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert actions[0].text().startswith("Pagina && meer\t") and actions[0].data() == "p"
    actions[1].trigger()
    actions[-1].trigger()
    assert opened == ["q"] and cleared == [True]


def test_when_text() -> None:
    from datetime import datetime

    from reader.gui.sidebar.history import when_text

    now = datetime(2026, 11, 29, 18, 0).timestamp()
    assert when_text(datetime(2026, 11, 29, 9, 5).timestamp(), now) == "vandaag 09:05"
    assert when_text(datetime(2026, 11, 28, 23, 59).timestamp(), now) == "gisteren 23:59"
    assert when_text(datetime(2026, 3, 1, 7, 0).timestamp(), now) == "1-3-2026 07:00"


def _structure(panel: BookmarksPanel) -> list[tuple[str, list[str]]]:
    model = panel.model
    result = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        children = [model.index(r, 0, index).data() for r in range(model.rowCount(index))]
        result.append((index.data(), children))
    return result


def test_incremental_updates_match_a_full_rebuild(qtbot: QtBot, store: UserData) -> None:
    """Adding, deleting, renaming and moving update single rows; the tree must equal a freshly built one."""
    import random

    rng = random.Random(3)
    for name in ("Alfa", "Beta", "Gamma"):
        store.add_folder(name)
    panel = BookmarksPanel(store, None)
    qtbot.addWidget(panel)
    folders = ["", "Alfa", "Beta", "Gamma"]
    for step in range(60):
        ids = [b.id for b in store.bookmarks()]
        action = rng.choice(["add", "add", "delete", "rename", "move", "undo", "redo"])
        if action == "add" or not ids:
            panel.add_bookmark(f"p/{step}", rng.choice(["", "kop"]), f"Titel {rng.randint(0, 99):02d}",
                               folder=rng.choice(folders))
        elif action == "delete":
            panel.delete_bookmarks(rng.sample(ids, min(len(ids), rng.randint(1, 2))))
        elif action == "rename":
            panel.rename_bookmark(rng.choice(ids), f"Titel {rng.randint(0, 99):02d}")
        elif action == "move":
            panel.move_bookmarks(rng.sample(ids, min(len(ids), 2)), rng.choice(folders))
        elif action == "undo":
            panel.undo_stack.undo()
        else:
            panel.undo_stack.redo()
        fresh = BookmarksPanel(store, None)
        got, want = _structure(panel), _structure(fresh)
        # Renames keep their row until the next rebuild: compare as sets per folder, counts exactly.
        assert [(label, sorted(children)) for label, children in got] == [
            (label, sorted(children)) for label, children in want], (step, action)
        fresh.deleteLater()
    assert store.bookmark_count() > 0


def test_export_and_import_from_the_panel(qtbot: QtBot, panel: BookmarksPanel, tmp_path: Path) -> None:
    out = tmp_path / "export.html"
    assert panel.export_to(str(out)) == 3
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
    assert "3 bladwijzers geëxporteerd" in panel.message_label.text()
    with UserData.open(tmp_path / "ander", corpus_id="corpus-a") as other:
        target = BookmarksPanel(other, None)
        qtbot.addWidget(target)
        with qtbot.waitSignal(target.bookmarks_changed):
            assert target.import_from(str(out))
        assert sorted(_titles(target)) == ["Cloud", "Licenties", "Verkennen"]
        assert "3 bladwijzers geïmporteerd, 0 waren er al." in target.message_label.text()
        bad = tmp_path / "kapot.json"
        bad.write_text("{kapot", encoding="utf-8")
        assert not target.import_from(str(bad))
        assert "Importeren mislukt" in target.message_label.text() and other.bookmark_count() == 3
    assert panel.export_to(str(tmp_path / "geen-map" / "x.json")) is None
    assert "Exporteren mislukt" in panel.message_label.text()
    assert [a.text() for a in panel.actions_for_menu()][2:] == ["Bladwijzers exporteren…", "Bladwijzers importeren…"]


def test_recovered_store_tells_where_the_old_file_is(qtbot: QtBot, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "userdata.sqlite3").write_bytes(b"geen database" * 50)
    with UserData.open(profile, corpus_id="corpus-a") as data:
        panel = BookmarksPanel(data, None)
        qtbot.addWidget(panel)
        assert panel.message_bar.isVisibleTo(panel)
        assert str(data.recovered_from) in panel.message_label.text()
        assert "beschadigd" in panel.message_label.text()


def test_filter_waits_for_a_pause_with_many_bookmarks(qtbot: QtBot, store: UserData) -> None:
    from reader.core.userdata import ImportRecord

    store.import_bookmarks([ImportRecord(f"p/{i}", title=f"Titel {i}") for i in range(1500)])
    panel = BookmarksPanel(store, None)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.filter_edit, "titel 149")
    assert len(panel.visible_bookmark_ids()) == 1500  # not yet: typing goes on
    expected = len(store.bookmarks(filter_text="titel 149"))  # 149, 1149, 1490..1499
    assert expected == 12
    qtbot.waitUntil(lambda: len(panel.visible_bookmark_ids()) == expected, timeout=3000)
    panel.filter_edit.setText("titel 1234")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)  # Enter applies the filter at once
    assert panel.visible_bookmark_ids() == [store.find_bookmark("p/1234").id]
