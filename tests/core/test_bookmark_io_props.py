"""Property tests: whatever a store holds survives a JSON export/import exactly, and Netscape HTML keeps every
bookmark's page, anchor and folder; arbitrary bytes never get past import with anything but BookmarkFileError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.userdata import BookmarkFileError, UserData, UserDataError, export_file, import_file, parse_bytes

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)  # any Unicode but lone surrogates
ident = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=30)
bookmark = st.tuples(ident, st.one_of(st.just(""), ident), text, text, text)
Bookmark = tuple[str, str, str, str, str]  # page, anchor, title, note, folder

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _snapshot(data: UserData) -> list[tuple]:
    return sorted((b.page_id, b.anchor, b.title, b.note, b.folder, round(b.created, 6), round(b.updated, 6),
                   b.section_hash) for b in data.bookmarks())


def _add_all(data: UserData, items: list[Bookmark], section_hash: str | None = None) -> None:
    for page, anchor, title, note, folder in items:
        try:
            data.add_bookmark(page, anchor, title=title, note=note, folder=folder, section_hash=section_hash)
        except UserDataError:
            pass  # refused input (e.g. an anchor with only spaces is fine, a control char is not)


@SETTINGS
@given(st.lists(bookmark, max_size=8))
def test_json_round_trip_is_exact(items: list[Bookmark]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with UserData.open(root / "a", corpus_id="corpus-a") as a, UserData.open(root / "b", corpus_id="corpus-a") as b:
            _add_all(a, items, section_hash="h")
            export_file(a, root / "x.json")
            import_file(b, root / "x.json")
            assert _snapshot(b) == _snapshot(a)
            assert set(b.folders()) == set(a.folders())


@SETTINGS
@given(st.lists(bookmark, max_size=8))
def test_html_round_trip_keeps_pages_anchors_and_folders(items: list[Bookmark]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with UserData.open(root / "a", corpus_id="corpus-a") as a, UserData.open(root / "b", corpus_id="corpus-a") as b:
            _add_all(a, items)
            export_file(a, root / "x.html")
            import_file(b, root / "x.html")
            want = sorted((x.page_id, x.anchor, x.folder) for x in a.bookmarks())
            got = sorted((x.page_id, x.anchor, x.folder) for x in b.bookmarks())
            assert got == want


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda s: s.encode("utf-8", "replace")))
def test_arbitrary_bytes_fail_cleanly(raw: bytes) -> None:
    try:
        parsed = parse_bytes(raw)
    except BookmarkFileError:
        return
    assert all(r.page_id for r in parsed.records)
