"""Bookmark export/import: JSON round trip, Netscape HTML for browsers, hostile files leave the store unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.userdata import BookmarkFileError, UserData, export_file, import_file
from reader.core.userdata import bookmark_io as bio


@pytest.fixture
def store(open_store: Callable[..., UserData], fake_clock: Callable[[], float]) -> UserData:
    return open_store("a", clock=fake_clock)


@pytest.fixture
def other(open_store: Callable[..., UserData], fake_clock: Callable[[], float]) -> UserData:
    return open_store("b", clock=fake_clock)


def _fill(store: UserData) -> None:
    store.add_bookmark("richtlijnen/cloud", "", title="Cloud & <hosting>", note="regel 1\nregel 2", folder="Werk")
    store.add_bookmark("richtlijnen/cloud", "exit-strategie", title="Exit \"strategie\"", section_hash="abc")
    store.add_bookmark("fasen/verkennen", "doel", title="Doel", folder="Fases")
    store.add_folder("Leeg")


def _snapshot(store: UserData) -> list[tuple]:
    return [(b.page_id, b.anchor, b.title, b.note, b.folder, b.created, b.updated, b.section_hash)
            for b in store.bookmarks()]


def test_json_round_trip_is_complete(store: UserData, other: UserData, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "export.json"
    assert export_file(store, out) == 3
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "richtlijnenlezer-bookmarks" and doc["version"] == 1
    assert doc["folders"] == ["Fases", "Leeg", "Werk"]
    assert doc["bookmarks"][0]["url"].startswith("rl://edition.invalid/page/")
    result, skipped = import_file(other, out)
    assert (result.added, result.duplicates, skipped) == (3, 0, 0)
    assert _snapshot(other) == _snapshot(store)
    assert other.folders() == store.folders()
    again, _ = import_file(other, out)  # merge: no duplicates
    assert (again.added, again.duplicates) == (0, 3)
    assert other.bookmark_count() == 3


def test_netscape_html_export_imports_back(store: UserData, other: UserData, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "bladwijzers.html"
    export_file(store, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
    assert '<A HREF="rl://edition.invalid/page/richtlijnen/cloud#exit-strategie"' in text
    assert "Cloud &amp; &lt;hosting&gt;" in text and "Exit &quot;strategie&quot;" in text
    assert "<DT><H3>Werk</H3>" in text and "<DD>regel 1\nregel 2" in text
    result, skipped = import_file(other, out)
    assert result.added == 3 and skipped == 0
    got = {(b.page_id, b.anchor): b for b in other.bookmarks()}
    assert got[("richtlijnen/cloud", "")].title == "Cloud & <hosting>"
    assert got[("richtlijnen/cloud", "")].note == "regel 1\nregel 2"
    assert got[("richtlijnen/cloud", "")].folder == "Werk"
    assert got[("fasen/verkennen", "doel")].folder == "Fases"
    assert got[("richtlijnen/cloud", "exit-strategie")].created == int(
        store.find_bookmark("richtlijnen/cloud", "exit-strategie").created)
    assert "Leeg" in other.folders()


def test_browser_file_with_scripts_and_foreign_links(other: UserData, tmp_path: Path) -> None:
    hostile = tmp_path / "browser.html"
    hostile.write_text(
        """<!DOCTYPE NETSCAPE-Bookmark-file-1>
<TITLE>Bookmarks</TITLE><script>alert('x')</script>
<DL><p>
  <DT><A HREF="https://example.org/" ADD_DATE="nonsense">Elders</A>
  <DT><A HREF="javascript:alert(1)">Kwaad</A>
  <DT><H3>Map <b>vet</b></H3>
  <DL><p>
    <DT><H3>Sub</H3>
    <DL><p>
      <DT><A HREF="rl://edition.invalid/page/a/b#c" ADD_DATE="1700000000">Diep <script>document.write(1)</script>ok</A>
      <DD>een notitie
    </DL><p>
  </DL><p>
  <DT><A HREF="rl://evil.example/page/x">Andere host</A>
</DL>""",
        encoding="utf-8",
    )
    result, skipped = import_file(other, hostile)
    assert result.added == 1 and skipped == 3
    (b,) = other.bookmarks()
    assert (b.page_id, b.anchor, b.title, b.note, b.folder, b.created) == (
        "a/b", "c", "Diep ok", "een notitie", "Map vet/Sub", 1_700_000_000.0)
    assert other.folders() == ["Map vet", "Map vet/Sub"]


@pytest.mark.parametrize(
    "content, code",
    [
        (b"{not json", "bookmark-file-json"),
        (b'{"format": "iets anders", "version": 1, "bookmarks": []}', "bookmark-file-not-ours"),
        (b'{"format": "richtlijnenlezer-bookmarks", "version": 99, "bookmarks": []}', "bookmark-file-newer-version"),
        (b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": {}}', "bookmark-file-not-lists"),
        (b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": [{"page_id": 5}]}',
         "bookmark-file-field-type"),
        (b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": [{"page_id": "a\\u0000"}]}',
         "bookmark-file-field-control"),
        (b'{"format": "richtlijnenlezer-bookmarks", "version": 1,'
         b' "bookmarks": [{"page_id": "a", "created": "gisteren"}]}',
         "bookmark-file-field-time"),
        (b"[" * 100000 + b"]" * 100000, "bookmark-file-json"),
        (b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": [{"page_id": "a\\ud800"}]}',
         "bookmark-file-field-chars"),
        (b"\xff\xfe\x00garbage", "bookmark-file-not-utf8"),
        (b"just some text", "bookmark-file-unknown-type"),
        (b"<html><body>geen bladwijzers</body></html>", "bookmark-file-not-netscape"),
        (b"<!DOCTYPE NETSCAPE-Bookmark-file-1>" + b"<DL>" * 50, "bookmark-file-too-deep"),
    ],
)
def test_malformed_files_leave_the_store_unchanged(
    store: UserData, tmp_path: Path, content: bytes, code: str
) -> None:
    _fill(store)
    before = _snapshot(store)
    path = tmp_path / "bad"
    path.write_bytes(content)
    with pytest.raises(BookmarkFileError) as err:
        import_file(store, path)
    assert err.value.code == code
    assert _snapshot(store) == before


def test_one_bad_record_rejects_the_whole_file(store: UserData, tmp_path: Path) -> None:
    doc = {"format": "richtlijnenlezer-bookmarks", "version": 1,
           "bookmarks": [{"page_id": "goed"}, {"page_id": "x" * 5000}]}
    path = tmp_path / "half.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(BookmarkFileError) as err:
        import_file(store, path)
    assert err.value.code == "bookmark-file-field-length"
    assert err.value.params == {"item": 2, "field": "page_id", "limit": bio.MAX_PAGE_ID}
    assert store.find_bookmark("goed") is None


def test_huge_file_is_refused_before_reading(store: UserData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bio, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(" " * 2000 + "{}")
    with pytest.raises(BookmarkFileError) as err:
        import_file(store, path)
    assert err.value.code == "bookmark-file-too-large"


def test_too_many_bookmarks_refused(store: UserData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bio, "MAX_IMPORT_BOOKMARKS", 5)
    doc = {"format": "richtlijnenlezer-bookmarks", "version": 1,
           "bookmarks": [{"page_id": f"p{i}"} for i in range(6)]}
    path = tmp_path / "many.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(BookmarkFileError) as err:
        import_file(store, path)
    assert (err.value.code, err.value.params) == ("bookmark-file-too-many", {"limit": 5})
    html_text = "<!DOCTYPE NETSCAPE-Bookmark-file-1><DL>" + "".join(
        f'<DT><A HREF="rl://edition.invalid/page/p{i}">p</A>' for i in range(6))
    path.write_text(html_text)
    with pytest.raises(BookmarkFileError) as err:
        import_file(store, path)
    assert (err.value.code, err.value.params) == ("bookmark-file-too-many", {"limit": 5})
    assert store.bookmark_count() == 0


def test_missing_file_is_a_clear_error(store: UserData, tmp_path: Path) -> None:
    with pytest.raises(BookmarkFileError) as err:
        import_file(store, tmp_path / "bestaat-niet.json")
    assert err.value.code == "bookmark-file-unreadable"
    assert err.value.params["path"] == str(tmp_path / "bestaat-niet.json")


def test_export_is_atomic_and_format_by_suffix(store: UserData, tmp_path: Path) -> None:
    _fill(store)
    assert bio.guess_format("x.HTM") == "html" and bio.guess_format("x.json") == "json"
    out = tmp_path / "x.htm"
    export_file(store, out)
    assert out.read_text().startswith("<!DOCTYPE NETSCAPE")
    with pytest.raises(BookmarkFileError) as err:
        export_file(store, tmp_path / "x.txt", fmt="pdf")
    assert err.value.code == "bookmark-file-export-format"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["x.htm"]
