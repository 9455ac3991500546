"""The user data store: bookmarks, history, checklists, migrations, corruption, read-only profiles."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import userdata as ud
from reader.core.userdata import (
    DB_NAME,
    SCHEMA_VERSION,
    STATUS_CHANGED,
    STATUS_MISSING,
    STATUS_OK,
    ImportRecord,
    ReadOnlyError,
    UserData,
    UserDataError,
    bookmark_status,
    history_store,
    item_keys,
    schema,
)
from reader.core.userdata import store as store_module


@pytest.fixture
def store(open_store: Callable[..., UserData], fake_clock: Callable[[], float]) -> UserData:
    """The shared store fixture, on the fake clock: times in these tests are repeatable."""
    return open_store(clock=fake_clock)


def test_open_creates_wal_store_with_current_schema(tmp_path: Path) -> None:
    profile = tmp_path / "new" / "profile"
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert (profile / DB_NAME).is_file()
        assert data.schema_version == SCHEMA_VERSION
        assert data.read_only_error is None and data.recovered_from is None
        assert data._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert data.integrity_check() == "ok"


def test_add_bookmark_stores_everything_and_is_idempotent(store: UserData) -> None:
    b = store.add_bookmark("richtlijnen/a", "#intro", title="Intro", note="lees dit", folder=" Werk ",
                           section_hash="h1")
    assert (b.page_id, b.anchor, b.title, b.note, b.folder, b.section_hash) == (
        "richtlijnen/a", "intro", "Intro", "lees dit", "Werk", "h1")
    assert b.created == b.updated
    assert b.url == "rl://edition.invalid/page/richtlijnen/a#intro"
    again = store.add_bookmark("richtlijnen/a", "intro")
    assert again == b  # nothing given: nothing changes
    updated = store.add_bookmark("richtlijnen/a", "intro", note="nieuw")
    assert updated.id == b.id and updated.note == "nieuw" and updated.updated > b.updated
    assert store.bookmark_count() == 1
    page = store.add_bookmark("richtlijnen/a")
    assert page.id != b.id and page.anchor == "" and page.title == "richtlijnen/a"
    assert store.find_bookmark("richtlijnen/a", "intro") == updated
    assert store.find_bookmark("richtlijnen/a", "elders") is None


def test_rename_note_move_delete_restore(store: UserData) -> None:
    b = store.add_bookmark("p", "s", title="Oud")
    assert store.rename_bookmark(b.id, "Nieuw").title == "Nieuw"
    assert store.set_note(b.id, "notitie").note == "notitie"
    moved = store.move_bookmark(b.id, "Map A")
    assert moved.folder == "Map A" and "Map A" in store.folders()
    deleted = store.delete_bookmark(b.id)
    assert deleted == moved and store.get_bookmark(b.id) is None
    restored = store.restore_bookmark(deleted)
    assert restored == deleted  # same id, same times, same everything
    with pytest.raises(UserDataError):
        store.rename_bookmark(9999, "x")


def test_restore_when_bookmarked_again_keeps_the_newer(store: UserData) -> None:
    b = store.add_bookmark("p", title="eerste")
    store.delete_bookmark(b.id)
    again = store.add_bookmark("p", title="tweede")
    assert store.restore_bookmark(b) == again
    assert store.bookmark_count() == 1


def test_filter_and_folders(store: UserData) -> None:
    store.add_bookmark("a", title="Toegankelijkheid", folder="Werk")
    store.add_bookmark("b", title="Cloud", note="Zie ook TOEGANG", folder="Thuis")
    store.add_bookmark("c", title="Open source")
    store.add_folder("Leeg")
    assert store.folders() == ["Leeg", "Thuis", "Werk"]
    assert [b.page_id for b in store.bookmarks(filter_text="toeg")] == ["b", "a"]
    assert [b.page_id for b in store.bookmarks(filter_text="toeg werk")] == ["a"]
    assert [b.page_id for b in store.bookmarks(folder="")] == ["c"]
    assert [b.page_id for b in store.bookmarks(folder="Werk")] == ["a"]
    store.rename_folder("Werk", "Thuis")  # merge
    assert [b.page_id for b in store.bookmarks(folder="Thuis")] == ["b", "a"]
    assert store.folders() == ["Leeg", "Thuis"]
    moved = store.delete_folder("Thuis")
    assert {b.page_id for b in moved} == {"a", "b"}
    assert store.bookmark_count() == 3 and store.folders() == ["Leeg"]
    with pytest.raises(UserDataError):
        store.add_folder("   ")


def test_hostile_values_are_refused_or_clipped(store: UserData) -> None:
    with pytest.raises(UserDataError):
        store.add_bookmark("")
    with pytest.raises(UserDataError):
        store.add_bookmark("a\x00b")
    with pytest.raises(UserDataError):
        store.add_bookmark("a\ud800")  # a lone surrogate cannot be stored as UTF-8
    assert store.add_bookmark("q", title="kapot \udc80 teken").title == "kapot ? teken"
    b = store.add_bookmark("p", title="x" * 5000 + "\x07", note="n" * 50000)
    assert len(b.title) == ud.MAX_TITLE and len(b.note) == ud.MAX_NOTE and "\x07" not in b.title


def test_status_missing_and_changed(store: UserData) -> None:
    b = store.add_bookmark("p", "s", section_hash="aaa")
    plain = store.add_bookmark("q")
    hashes = {("p", "s"): "aaa"}
    assert bookmark_status(b, {"p", "q"}, lambda p, a: hashes.get((p, a))) == STATUS_OK
    hashes[("p", "s")] = "bbb"
    assert bookmark_status(b, {"p", "q"}, lambda p, a: hashes.get((p, a))) == STATUS_CHANGED
    assert bookmark_status(b, {"q"}, lambda p, a: hashes.get((p, a))) == STATUS_MISSING
    assert bookmark_status(plain, {"p", "q"}, lambda p, a: "zzz") == STATUS_OK  # no stored hash: unknown
    assert bookmark_status(b, None, None) == STATUS_OK


def test_history_recent_dedupes_and_clears(store: UserData) -> None:
    for page in ["a", "b", "a", "c", "c", "b"]:
        store.record_visit(page, f"Titel {page}")
    assert [v.page_id for v in store.recent(10)] == ["b", "c", "a"]
    assert [v.page_id for v in store.recent(2)] == ["b", "c"]
    assert store.history_count() == 5  # the reload of c updated its entry
    visits = store.history()
    assert visits[0].page_id == "b" and visits[0].visited > visits[1].visited
    assert store.clear_history() == 5
    assert store.recent() == [] and store.history_count() == 0


def test_checklist_state_survives_reordered_edition(store: UserData) -> None:
    texts_v1 = ["Doel bepalen", "Team  samenstellen", "Budget regelen"]
    keys = item_keys(texts_v1)
    store.set_item("fase/verkennen", keys[1], True, texts_v1[1])
    store.set_item("fase/verkennen", keys[2], True, texts_v1[2])
    store.set_item("fase/verkennen", keys[2], False)
    # New edition: an item inserted, whitespace and case changed, one item removed.
    texts_v2 = ["Nieuw item", "team samenstellen", "Doel bepalen"]
    items = store.checklist_items("fase/verkennen", texts_v2)
    assert [i.checked for i in items] == [False, True, False]
    assert store.checklist_pages() == ["fase/verkennen"]
    saved = store.saved_items("fase/verkennen")
    assert ("Budget regelen", False) in [(t, c) for _, t, c in saved]  # text kept when unticked without text
    assert store.clear_checklist("fase/verkennen") == 2
    assert store.state("fase/verkennen") == {}


def test_checklist_report_formats(store: UserData) -> None:
    texts = ["Eerste", "=SOM(A1)", "Derde"]
    keys = item_keys(texts)
    store.set_items("p", [(keys[0], True, texts[0]), (keys[1], True, texts[1])])
    md = store.report("p", texts, title="Fase", fmt="markdown")
    assert "# Fase" in md and "2 van 3 gedaan." in md
    assert "- [x] Eerste\n- [x] =SOM(A1)\n- [ ] Derde\n" in md
    csv_text = store.report("p", texts, title="Fase", fmt="csv")
    lines = csv_text.splitlines()
    assert lines[0] == "pagina,titel,nummer,item,gedaan"
    assert lines[1] == "p,Fase,1,Eerste,ja"
    assert lines[2] == "p,Fase,2,'=SOM(A1),ja"  # formula injection defused
    assert lines[3] == "p,Fase,3,Derde,nee"
    saved_md = store.report("p")
    assert "- [x] Eerste" in saved_md
    with pytest.raises(ValueError):
        store.report("p", texts, fmt="pdf")


def test_import_merges_without_duplicates_in_one_transaction(store: UserData) -> None:
    store.add_bookmark("a", title="bestaand", note="mijn notitie")
    result = store.import_bookmarks(
        [ImportRecord("a", title="ander"), ImportRecord("b", "s", title="B", folder="Import"), ImportRecord("b", "s")],
        folders=["Leeg"],
    )
    assert (result.added, result.duplicates, result.folders_added) == (1, 2, 2)
    assert store.find_bookmark("a").note == "mijn notitie"
    # A bad record anywhere: nothing of the import is kept.
    with pytest.raises(UserDataError):
        store.import_bookmarks([ImportRecord("c"), ImportRecord("")])
    assert store.find_bookmark("c") is None


def test_upgrade_from_version_1_keeps_data(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    schema._migrate(conn, target=1)
    conn.execute("INSERT INTO bookmarks (page_id, anchor, title, note, folder, created, updated)"
                 " VALUES ('x', 'y', 'Oud', 'n', 'Map', 1.0, 2.0)")
    conn.execute("INSERT INTO history (page_id, title, visited) VALUES ('x', 'Oud', 3.0)")
    conn.execute("INSERT INTO checklist (page_id, item_key, checked, updated) VALUES ('x', 'k', 1, 4.0)")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.schema_version == SCHEMA_VERSION
        b = data.find_bookmark("x", "y")
        assert (b.title, b.note, b.folder, b.created, b.updated, b.section_hash) == ("Oud", "n", "Map", 1.0, 2.0, None)
        assert data.folders() == ["Map"]
        assert data.recent() == [ud.Visit("x", "Oud", 3.0)]
        assert data.state("x") == {"k": True}
        data.set_item("x", "k2", True, "tekst")  # the new column works
        assert data.integrity_check() == "ok"


def test_newer_schema_opens_read_only(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="corpus-a") as data:
        data.add_bookmark("a")
        data._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.read_only_error is not None and data.read_only_error.code == "userdata-newer-schema"
        assert [b.page_id for b in data.bookmarks()] == ["a"]
        with pytest.raises(ReadOnlyError):
            data.add_bookmark("b")


def test_garbage_file_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    garbage = b"this is not a database\n" * 100
    (profile / DB_NAME).write_bytes(garbage)
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.recovered_from is not None
        assert data.recovered_from.name.startswith(DB_NAME + ".corrupt-")
        assert data.recovered_from.read_bytes() == garbage
        assert data.bookmarks() == [] and not data.read_only
        data.add_bookmark("fresh")
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.recovered_from is None and data.find_bookmark("fresh") is not None


def test_damaged_pages_are_detected_and_moved_aside(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="corpus-a") as data:
        data.import_bookmarks([ImportRecord(f"page/{i}", title="t" * 200) for i in range(500)])
    path = profile / DB_NAME
    raw = bytearray(path.read_bytes())
    assert raw[:16] == store_module.SQLITE_MAGIC and len(raw) > 8 * 4096
    raw[4096 * 3: 4096 * 6] = os.urandom(4096 * 3)  # trash some b-tree pages, keep the header
    path.write_bytes(bytes(raw))
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.recovered_from is not None and data.recovered_from.read_bytes() == bytes(raw)
        assert data.bookmark_count() == 0 and data.integrity_check() == "ok"
    assert len(list(profile.glob(DB_NAME + ".corrupt-*"))) == 1


def test_read_only_profile_reads_and_explains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="corpus-a") as data:
        data.add_bookmark("a", title="A")
        data.record_visit("a", "A")
    # Root ignores permission bits, so simulate the failed write probe (the non-root test below does it for real).
    monkeypatch.setattr(store_module, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-profile-unwritable", path=str(d), detail="test"))
    before = (profile / DB_NAME).read_bytes()
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.read_only_error is not None and data.read_only_error.code == "userdata-profile-unwritable"
        assert [b.title for b in data.bookmarks()] == ["A"] and data.recent()[0].page_id == "a"
        with pytest.raises(ReadOnlyError) as err:
            data.add_bookmark("b")
        assert err.value.code == "userdata-profile-unwritable"
        assert err.value.params == {"path": str(profile), "detail": "test"}
        with pytest.raises(ReadOnlyError):
            data.set_item("a", "k", True)
        with pytest.raises(ReadOnlyError):
            data.clear_history()
    assert (profile / DB_NAME).read_bytes() == before  # nothing written


def test_read_only_without_store_is_empty_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reason = ReadOnlyError("userdata-file-read-only", path="x")
    monkeypatch.setattr(store_module, "_probe_writable", lambda d: reason)
    with UserData.open(tmp_path / "nothing", corpus_id="corpus-a") as data:
        assert data.path is None and data.read_only_error is reason
        assert data.bookmarks() == [] and data.recent() == []
        with pytest.raises(ReadOnlyError):
            data.add_bookmark("a")


def test_read_only_old_schema_is_migrated_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    schema._migrate(conn, target=1)
    conn.execute("INSERT INTO bookmarks (page_id, anchor, created, updated) VALUES ('x', '', 1, 1)")
    conn.close()
    monkeypatch.setattr(store_module, "_probe_writable", lambda d: ReadOnlyError("userdata-file-read-only", path="x"))
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert [b.page_id for b in data.bookmarks()] == ["x"] and data.schema_version == SCHEMA_VERSION
    check = sqlite3.connect(profile / DB_NAME)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1  # the file itself untouched
    check.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores permission bits")
def test_read_only_directory_for_real(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="corpus-a") as data:
        data.add_bookmark("a")
    profile.chmod(0o555)
    (profile / DB_NAME).chmod(0o444)
    try:
        with UserData.open(profile, corpus_id="corpus-a") as data:
            assert data.read_only and [b.page_id for b in data.bookmarks()] == ["a"]
            with pytest.raises(ReadOnlyError):
                data.add_bookmark("b")
    finally:
        profile.chmod(0o755)


def test_unwritable_profile_probe_for_real(tmp_path: Path) -> None:
    # A profile "directory" that is a file cannot be created or written, also for root.
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert store_module._probe_writable(blocker / "profile") is not None
    assert store_module._probe_writable(tmp_path / "ok") is None
    with UserData.open(blocker / "profile", corpus_id="corpus-a") as data:
        assert data.read_only and data.path is None


def test_history_is_pruned_to_the_newest(store: UserData, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_store, "MAX_HISTORY", 30)
    monkeypatch.setattr(history_store, "PRUNE_EVERY", 10)
    for i in range(95):
        store.record_visit(f"p{i}", "t")
    assert 30 <= store.history_count() <= 39
    assert store.recent(1)[0].page_id == "p94"
    assert {v.page_id for v in store.history()} >= {f"p{i}" for i in range(65, 95)}


def test_store_busy_during_migration_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema._migrate(conn, target=1)
    conn.execute("INSERT INTO bookmarks (page_id, anchor, created, updated) VALUES ('x', '', 1, 1)")
    conn.execute("BEGIN IMMEDIATE")  # another process holds the write lock and does not let go
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    try:
        with UserData.open(profile, corpus_id="corpus-a") as data:
            assert data.read_only_error is not None and data.read_only_error.code == "userdata-busy-read-only"
            assert [b.page_id for b in data.bookmarks()] == ["x"]  # still readable (migrated in memory)
            with pytest.raises(ReadOnlyError) as err:
                data.add_bookmark("y")
            assert err.value.code == "userdata-busy-read-only"
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    with UserData.open(profile, corpus_id="corpus-a") as data:  # once the lock is gone: a normal, migrated store
        assert not data.read_only and data.schema_version == SCHEMA_VERSION


def test_full_disk_keeps_the_store_as_it_was(store: UserData) -> None:
    store.add_bookmark("vooraf", title="bestaat al")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the database file may not grow: as a full disk
    with pytest.raises(UserDataError) as err:
        store.import_bookmarks([ImportRecord(f"p{i}", title="x" * 900, note="n" * 5000) for i in range(50)])
    assert err.value.code == "userdata-disk-full"
    assert [b.page_id for b in store.bookmarks()] == ["vooraf"]  # all or nothing
    assert store.integrity_check() == "ok"
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    store.add_bookmark("daarna")
    assert store.bookmark_count() == 2
