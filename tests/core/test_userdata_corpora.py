"""User data per corpus: the version 3 migration, the claim of older rows, isolation between corpora, counts, the
last opened edition and forgetting a corpus. Real SQLite files throughout."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.userdata import (
    DB_NAME,
    SCHEMA_VERSION,
    CorpusCounts,
    ForgetResult,
    ReadOnlyError,
    UserData,
    UserDataError,
    Visit,
    edition_key,
    schema,
)
from reader.core.userdata import store as store_module

# The same page id in two corpora: what this version is for ("index" is in every MkDocs site).
PAGE = "index"


def _old_store(profile: Path, version: int = 2) -> None:
    """A store as the reader before corpora left it: the old migrations only, with a row in every table."""
    profile.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema._migrate(conn, target=version)
    conn.execute("INSERT INTO bookmarks (id, page_id, anchor, title, note, folder, created, updated)"
                 " VALUES (7, 'index', '', 'Start', 'mijn notitie', 'Werk', 1.0, 2.0)")
    conn.execute("INSERT INTO bookmarks (id, page_id, anchor, title, note, folder, created, updated)"
                 " VALUES (9, 'gids/lijst', 'taken', 'Taken', '', '', 3.0, 4.0)")
    conn.execute("INSERT INTO history (page_id, title, visited) VALUES ('index', 'Start', 5.0)")
    conn.execute("INSERT INTO history (page_id, title, visited) VALUES ('gids/lijst', 'Lijst', 6.0)")
    conn.execute("INSERT INTO checklist (page_id, item_key, checked, updated) VALUES ('gids/lijst', 'k1', 1, 7.0)")
    conn.execute("INSERT INTO checklist (page_id, item_key, checked, updated) VALUES ('gids/lijst', 'k2', 0, 8.0)")
    if version >= 2:
        conn.execute("UPDATE bookmarks SET section_hash = 'abc' WHERE id = 9")
        conn.execute("INSERT INTO folders (name, created) VALUES ('Leeg', 0.5)")
        conn.execute("UPDATE checklist SET text = 'Eerste punt' WHERE item_key = 'k1'")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()


def _rows(profile: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the four tables as the file holds it (read without the store's code)."""
    conn = sqlite3.connect(f"{(profile / DB_NAME).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("bookmarks", "folders", "history", "checklist")}
    finally:
        conn.close()


def _version(profile: Path) -> int:
    conn = sqlite3.connect(profile / DB_NAME)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _assert_old_data(data: UserData) -> None:
    """Everything `_old_store(version=2)` wrote, seen through the store of the corpus that claimed it."""
    by_id = {b.id: b for b in data.bookmarks()}
    assert sorted(by_id) == [7, 9]  # ids kept: the window's undo stack and the CLI refer to them
    first = by_id[7]
    assert (first.page_id, first.anchor, first.title, first.note, first.folder, first.created, first.updated) == (
        "index", "", "Start", "mijn notitie", "Werk", 1.0, 2.0)
    assert by_id[9].section_hash == "abc"
    assert data.folders() == ["Leeg", "Werk"]
    assert data.recent() == [Visit("gids/lijst", "Lijst", 6.0), Visit("index", "Start", 5.0)]
    assert data.state("gids/lijst") == {"k1": True, "k2": False}
    assert data.saved_items("gids/lijst")[0] == ("k1", "Eerste punt", True)


def test_migration_from_version_2_keeps_every_row_and_the_first_corpus_claims_them(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id="nerds") as data:
        assert data.schema_version == SCHEMA_VERSION == 3
        assert data.claimed == 7  # 2 bookmarks + 1 folder + 2 visits + 2 checklist rows
        _assert_old_data(data)
        claim = data.legacy_claim()
        assert claim is not None and (claim.corpus_id, claim.rows) == ("nerds", 7)
        assert data.integrity_check() == "ok"
    # Another corpus opened later finds nothing of it, and claims nothing.
    with UserData.open(profile, corpus_id="algoritmekader") as other:
        assert other.claimed == 0
        assert other.bookmarks() == [] and other.folders() == [] and other.recent() == []
        assert other.state("gids/lijst") == {}
        assert other.legacy_claim().corpus_id == "nerds"  # type: ignore[union-attr]
    with UserData.open(profile, corpus_id="nerds") as again:
        assert again.claimed == 0
        _assert_old_data(again)
    rows = _rows(profile)
    assert {r[1] for r in rows["bookmarks"]} == {"nerds"}  # no row is left unclaimed


def test_migration_from_version_1_goes_through_2_and_3(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _old_store(profile, version=1)
    with UserData.open(profile, corpus_id="nerds") as data:
        assert data.schema_version == SCHEMA_VERSION
        assert sorted(b.id for b in data.bookmarks()) == [7, 9]
        assert data.folders() == ["Werk"]  # version 2 made the folder of the bookmark a folder
        assert data.state("gids/lijst") == {"k1": True, "k2": False}
        assert len(data.recent()) == 2


def test_migration_is_one_transaction(tmp_path: Path) -> None:
    """A migration that fails half-way leaves the file as it was: version 2, every row as before."""
    profile = tmp_path / "p"
    _old_store(profile)
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    conn.execute("CREATE TABLE checklist_v3 (x)")  # the migration's third table copy will fail on this
    conn.close()
    before = _rows(profile)
    with UserData.open(profile, corpus_id="nerds") as data:
        # The reader still starts (read-only, nothing to show from this store) and says why.
        assert data.read_only_error is not None and data.read_only_error.code == "userdata-cannot-open"
    assert _version(profile) == 2 and _rows(profile) == before


def test_opening_without_a_corpus_migrates_but_leaves_the_claim_to_a_corpus(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id=None) as data:
        assert data.schema_version == SCHEMA_VERSION and data.claimed == 0 and data.legacy_claim() is None
        assert data.corpus_counts() == {}  # unclaimed rows belong to nobody yet
        with pytest.raises(UserDataError) as err:
            data.bookmarks()
        assert err.value.code == "userdata-no-corpus"
        with pytest.raises(UserDataError):
            data.add_bookmark("x")
        with pytest.raises(UserDataError):
            data.record_visit("x")
        with pytest.raises(UserDataError):
            data.set_item("x", "k", True)
    with UserData.open(profile, corpus_id="tweede") as data:
        assert data.claimed == 7
        _assert_old_data(data)


def test_read_only_profile_shows_the_old_rows_without_claiming_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id=None):
        pass  # migrated to 3, nothing claimed: the case where the file itself holds unclaimed rows
    before = _rows(profile)
    monkeypatch.setattr(store_module, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-profile-unwritable", path=str(d), detail="test"))
    with UserData.open(profile, corpus_id="nerds") as data:
        assert data.read_only
        _assert_old_data(data)  # claimed in a copy in memory: the user sees their data
        with pytest.raises(ReadOnlyError):
            data.add_bookmark("x")
    assert _rows(profile) == before  # ... and the file was not touched: the claim waits for a writable start
    # An old (version 2) file read-only: migrated and claimed in memory, the file stays at version 2.
    old = tmp_path / "old"
    _old_store(old)
    with UserData.open(old, corpus_id="nerds") as data:
        _assert_old_data(data)
    assert _version(old) == 2
    monkeypatch.undo()
    with UserData.open(profile, corpus_id="later") as data:
        assert data.claimed == 7 and data.bookmark_count() == 2


def test_an_older_reader_reads_a_migrated_store_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the upgrade, a reader that knows only version 2 (an older install on the same profile) refuses to write
    into a store it does not understand, so it can never write rows without a corpus."""
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id="nerds"):
        pass
    before = _rows(profile)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)  # the older reader's idea of the newest schema
    with UserData.open(profile, corpus_id="nerds") as data:
        assert data.read_only_error is not None and data.read_only_error.code == "userdata-newer-schema"
        assert data.bookmark_count() == 2
        with pytest.raises(ReadOnlyError):
            data.add_bookmark("x")
    assert _rows(profile) == before and _version(profile) == 3


_CLAIM_SCRIPT = textwrap.dedent("""
    import sys, time
    from reader.core.userdata import UserData
    profile, corpus, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
    while time.time() < start:
        time.sleep(0.001)
    with UserData.open(profile, corpus_id=corpus) as data:
        print(data.claimed, data.read_only_error)
""")


def test_two_processes_opening_two_corpora_at_once_claim_once(tmp_path: Path) -> None:
    """Real processes, started to open at the same moment: exactly one corpus gets the old rows, all of them."""
    import time

    for attempt in range(2):
        profile = tmp_path / f"p{attempt}"
        _old_store(profile)
        start = time.time() + 1.5  # both interpreters are up by then
        procs = [subprocess.Popen([sys.executable, "-c", _CLAIM_SCRIPT, str(profile), corpus, str(start)],
                                  stdout=subprocess.PIPE, text=True) for corpus in ("een", "twee")]
        results = [p.communicate(timeout=60)[0].split() for p in procs]
        assert all(p.returncode == 0 for p in procs)
        claimed = sorted(int(r[0]) for r in results)
        assert claimed == [0, 7], results
        assert all(r[1] == "None" for r in results)  # neither fell back to read-only
        owners = {r[1] for r in _rows(profile)["bookmarks"]} | {r[0] for r in _rows(profile)["folders"]}
        assert len(owners) == 1 and owners <= {"een", "twee"}


def test_two_corpora_with_the_same_page_ids_never_mix(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="a") as a, UserData.open(profile, corpus_id="b") as b:
        mark_a = a.add_bookmark(PAGE, "", title="A", folder="Map", note="van a")
        mark_b = b.add_bookmark(PAGE, "", title="B")
        assert mark_a.id != mark_b.id and (mark_a.corpus_id, mark_b.corpus_id) == ("a", "b")
        assert a.find_bookmark(PAGE).title == "A" and b.find_bookmark(PAGE).title == "B"  # type: ignore[union-attr]
        assert a.folders() == ["Map"] and b.folders() == []
        b.add_folder("Alleen b")
        assert a.folders() == ["Map"]
        # By id, the other corpus's bookmark does not exist: nothing to read, change or delete by accident.
        assert b.get_bookmark(mark_a.id) is None
        for change in (lambda: b.delete_bookmark(mark_a.id), lambda: b.rename_bookmark(mark_a.id, "x"),
                       lambda: b.move_bookmark(mark_a.id, "y"), lambda: b.set_note(mark_a.id, "z")):
            with pytest.raises(UserDataError) as err:
                change()
            assert err.value.code == "userdata-no-bookmark"
        assert a.get_bookmark(mark_a.id) == mark_a  # untouched
        # Restoring (undo) a bookmark of another corpus is refused, even though its page id is free there.
        b.delete_bookmark(mark_b.id)
        with pytest.raises(UserDataError) as err:
            b.restore_bookmark(mark_a)
        assert err.value.code == "userdata-other-corpus"
        assert b.restore_bookmark(mark_b) == mark_b
        # Folders: renaming or deleting one in b leaves a's folder of the same name alone.
        b.add_bookmark("elders", folder="Map")
        b.delete_folder("Map")
        assert a.bookmarks(folder="Map") == [a.find_bookmark(PAGE)]
        b.rename_folder("Alleen b", "Map")
        assert a.folders() == ["Map"] and sorted(b.folders()) == ["Map"]
        # History and checklists.
        a.record_visit(PAGE, "A")
        b.record_visit(PAGE, "B")
        b.record_visit("b-only", "B2")
        assert [v.title for v in a.recent()] == ["A"] and [v.title for v in b.recent()] == ["B2", "B"]
        assert a.history_count() == 1
        a.set_item(PAGE, "k", True, "punt")
        assert a.state(PAGE) == {"k": True} and b.state(PAGE) == {}
        b.set_items(PAGE, [("k", False, "punt"), ("l", True, "ander")])
        assert a.state(PAGE) == {"k": True} and b.state(PAGE) == {"k": False, "l": True}
        assert a.checklist_pages() == [PAGE] and b.checklist_pages() == [PAGE]
        assert b.clear_checklist(PAGE) == 2 and a.state(PAGE) == {"k": True}
        assert b.clear_history() == 2 and a.history_count() == 1
        # Import merges into its own corpus only.
        from reader.core.userdata import ImportRecord

        result = b.import_bookmarks([ImportRecord(PAGE, title="dubbel"), ImportRecord("nieuw", folder="Map")])
        assert (result.added, result.duplicates) == (1, 1)
        assert a.bookmark_count() == 1


def test_use_corpus_switches_one_store(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id=None) as data:
        assert data.use_corpus("nerds") == 7 and data.corpus_id == "nerds"
        _assert_old_data(data)
        old = data.find_bookmark("index")
        assert data.use_corpus("ander") == 0
        assert data.bookmarks() == [] and data.get_bookmark(7) is None
        with pytest.raises(UserDataError):
            data.restore_bookmark(old)  # type: ignore[arg-type]
        data.add_bookmark("index", title="in ander")
        data.use_corpus("nerds")
        assert data.find_bookmark("index").title == "Start"  # type: ignore[union-attr]
        with pytest.raises(UserDataError) as err:
            data.use_corpus("")
        assert err.value.code == "userdata-bad-corpus-id" and data.corpus_id == "nerds"


@pytest.mark.parametrize("bad", ["", " ", " a", "a\n", "x" * 201, "\ud800"])
def test_a_corpus_id_must_be_one(tmp_path: Path, bad: str) -> None:
    with pytest.raises(UserDataError) as err:
        UserData.open(tmp_path / "p", corpus_id=bad)
    assert err.value.code == "userdata-bad-corpus-id"


def test_counts_per_corpus_in_one_query(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id="nerds") as data:  # claims 2 bookmarks and 1 ticked item
        data.use_corpus("ander")
        for page in ("a", "b", "c"):
            data.add_bookmark(page)
        data.set_items("a", [("k1", True, ""), ("k2", True, ""), ("k3", False, "")])
        data.use_corpus("alleen-vinkjes")
        data.set_item("a", "k", True)
        data.use_corpus("alleen-geschiedenis")
        data.record_visit("a")
        statements: list[str] = []
        data._conn.set_trace_callback(statements.append)
        counts = data.corpus_counts()
        data._conn.set_trace_callback(None)
        assert len(statements) == 1
        assert counts == {
            "nerds": CorpusCounts(bookmarks=2, checked_items=1),
            "ander": CorpusCounts(bookmarks=3, checked_items=2),
            "alleen-vinkjes": CorpusCounts(bookmarks=0, checked_items=1),
        }
        assert data.known_corpora() == ["alleen-geschiedenis", "alleen-vinkjes", "ander", "nerds"]


def test_last_opened_edition_and_the_one_before(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="nerds") as data:
        assert data.last_opened_edition("nerds") is None and data.previous_edition("nerds") is None
        assert data.mark_edition_opened("nerds", "hash1@2025-12-01") is None
        assert data.last_opened_edition("nerds") == "hash1@2025-12-01"
        # Opening the same edition again writes nothing (the usual start costs no fsync).
        changes = data._conn.total_changes
        assert data.mark_edition_opened("nerds", "hash1@2025-12-01") is None
        assert data._conn.total_changes == changes
        # A newer edition: the one read before is returned, and remembered across restarts.
        assert data.mark_edition_opened("nerds", "hash2@2026-03-01") == "hash1@2025-12-01"
        assert data.mark_edition_opened("nerds", "hash2@2026-03-01") == "hash1@2025-12-01"
        # Another corpus's edition is its own business, also from a store working on nerds.
        assert data.mark_edition_opened("ander", "x@1") is None
        with pytest.raises(UserDataError):
            data.mark_edition_opened("nerds", "")
    with UserData.open(profile, corpus_id=None) as data:
        assert data.last_opened_edition("nerds") == "hash2@2026-03-01"
        assert data.previous_edition("nerds") == "hash1@2025-12-01"
        assert data.last_opened_edition("ander") == "x@1" and data.last_opened_edition("geen") is None
        data.mark_edition_opened("nerds", "hash1@2025-12-01")  # back to an older one (a newer one removed)
        assert (data.last_opened_edition("nerds"), data.previous_edition("nerds")) == (
            "hash1@2025-12-01", "hash2@2026-03-01")
    assert edition_key({"content_hash": "abc", "built_at": "2026-03-01T10:00:00+00:00"}) == (
        "abc@2026-03-01T10:00:00+00:00")


def test_forget_corpus_removes_that_corpus_only(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="a") as data:
        data.add_bookmark(PAGE, folder="Map")
        data.add_folder("Leeg")
        data.record_visit(PAGE)
        data.set_item(PAGE, "k", True)
        data.mark_edition_opened("a", "e1")
        data.use_corpus("b")
        data.add_bookmark(PAGE, folder="Map")
        data.record_visit(PAGE)
        data.mark_edition_opened("b", "e1")
        assert data.forget_corpus("a") == ForgetResult(bookmarks=1, folders=2, visits=1, checklist_items=1)
        assert data.corpus_counts() == {"b": CorpusCounts(bookmarks=1)}
        assert data.last_opened_edition("a") is None and data.last_opened_edition("b") == "e1"
        assert data.bookmark_count() == 1 and data.folders() == ["Map"] and data.history_count() == 1
        data.use_corpus("a")
        assert data.bookmarks() == [] and data.folders() == [] and data.recent() == [] and data.state(PAGE) == {}
        assert data.forget_corpus("a") == ForgetResult()  # nothing left: harmless
        with pytest.raises(UserDataError):
            data.forget_corpus("")  # never the unclaimed rows


def test_forget_corpus_on_a_read_only_store_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="a") as data:
        data.add_bookmark(PAGE)
    monkeypatch.setattr(store_module, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-profile-unwritable", path=str(d), detail="test"))
    with UserData.open(profile, corpus_id="a") as data:
        with pytest.raises(ReadOnlyError):
            data.forget_corpus("a")
        with pytest.raises(ReadOnlyError):
            data.mark_edition_opened("a", "e2")
        assert data.bookmark_count() == 1


def test_use_corpus_on_a_read_only_store_claims_in_memory_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p"
    _old_store(profile)
    with UserData.open(profile, corpus_id=None):
        pass  # migrated, nothing claimed
    before = _rows(profile)
    monkeypatch.setattr(store_module, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-profile-unwritable", path=str(d), detail="test"))
    with UserData.open(profile, corpus_id=None) as data:
        assert data.read_only and not store_module._is_memory(data._conn)  # reads the file itself
        assert data.use_corpus("nerds") == 7
        assert store_module._is_memory(data._conn)  # the claim went to a copy
        _assert_old_data(data)
        data.use_corpus("ander")
        assert data.bookmarks() == []
    assert _rows(profile) == before


_OPEN_SCRIPT = textwrap.dedent("""
    import sys
    from reader.core.userdata import UserData
    with UserData.open(sys.argv[1], corpus_id="nerds") as data:
        print(data.claimed, flush=True)
""")


def _big_old_store(profile: Path) -> dict[str, int]:
    """A version 2 store big enough that migrating and claiming take a while (a kill lands inside them)."""
    _old_store(profile)
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO bookmarks (page_id, anchor, title, created, updated) VALUES (?, '', 't', 1, 1)",
                     [(f"p/{i}",) for i in range(3000)])
    conn.executemany("INSERT INTO history (page_id, title, visited) VALUES (?, 't', ?)",
                     [(f"p/{i % 500}", float(i)) for i in range(60_000)])
    conn.executemany("INSERT INTO checklist (page_id, item_key, checked, updated) VALUES ('p', ?, 1, 1)",
                     [(f"k{i}",) for i in range(3000)])
    conn.execute("COMMIT")
    counts = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
              for t in ("bookmarks", "folders", "history", "checklist")}
    conn.close()
    return counts


@pytest.mark.slow
def test_a_kill_during_migration_or_claim_leaves_the_old_state_or_the_new(tmp_path: Path) -> None:
    """SIGKILL at random moments while a process migrates a version 2 store and claims it: afterwards the file is
    at version 2, or at version 3 with every row unclaimed, or with every row claimed; never a mix, never a row
    lost. The next start then finishes the job."""
    import random
    import shutil
    import signal
    import time

    template = tmp_path / "template"
    counts = _big_old_store(template)
    rng = random.Random(14)
    seen: set[str] = set()
    for n in range(24):
        profile = tmp_path / f"p{n}"
        shutil.copytree(template, profile)
        proc = subprocess.Popen([sys.executable, "-c", _OPEN_SCRIPT, str(profile)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        conn = sqlite3.connect(profile / DB_NAME)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
            if version == 3:
                owners = set()
                for table in counts:
                    owners |= {r[0] for r in conn.execute(f"SELECT DISTINCT corpus_id FROM {table}")}
                assert owners in ({""}, {"nerds"}), owners
                state = "claimed" if owners == {"nerds"} else "migrated"
            else:
                assert version == 2
                state = "old"
        finally:
            conn.close()
        seen.add(state)
        with UserData.open(profile, corpus_id="nerds") as data:
            assert data.bookmark_count() == counts["bookmarks"] and data.history_count() == counts["history"]
            assert data.claimed == (0 if state == "claimed" else sum(counts.values()))
            assert data.integrity_check() == "ok"
        shutil.rmtree(profile)
    assert len(seen) >= 2, seen  # the kills landed at different stages (not all before or all after)
