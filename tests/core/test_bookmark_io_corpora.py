"""Bookmark files name their corpus: an export says which corpus it came from, an import into another corpus is
refused unless forced (its page ids mean other pages there), files that name no corpus import anywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.userdata import BookmarkFileError, UserData, UserDataError, export_file, import_file, parse_bytes


@pytest.fixture
def nerds(open_store: Callable[..., UserData]) -> UserData:
    data = open_store("profiel", corpus_id="nerds")
    data.add_bookmark("index", title="Start NeRDS", note="n", folder="Werk")
    data.add_bookmark("richtlijnen/cloud", "exit", title="Exit")
    return data


@pytest.mark.parametrize("name", ["uit.json", "uit.html"])
def test_export_names_its_corpus_and_imports_back_into_it(
    nerds: UserData, open_store: Callable[..., UserData], tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    assert export_file(nerds, out) == 2
    assert parse_bytes(out.read_bytes()).corpus_id == "nerds"
    if name.endswith(".json"):
        assert json.loads(out.read_text(encoding="utf-8"))["corpus_id"] == "nerds"
    else:
        assert '<META NAME="richtlijnenlezer-corpus" CONTENT="nerds">' in out.read_text(encoding="utf-8")
    elsewhere = open_store("ander-profiel", corpus_id="nerds")  # the same corpus in another profile
    result, _ = import_file(elsewhere, out)
    assert result.added == 2 and {b.title for b in elsewhere.bookmarks()} == {"Start NeRDS", "Exit"}


@pytest.mark.parametrize("name", ["uit.json", "uit.html"])
def test_import_into_another_corpus_is_refused_unless_forced(
    nerds: UserData, open_store: Callable[..., UserData], tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    export_file(nerds, out)
    other = open_store("profiel", corpus_id="algoritmekader")  # same profile, other corpus
    other.add_bookmark("index", title="Start Algoritmekader")
    with pytest.raises(BookmarkFileError) as err:
        import_file(other, out)
    assert err.value.code == "bookmark-file-other-corpus"
    assert err.value.params == {"file_corpus": "nerds", "corpus": "algoritmekader"}
    assert [b.title for b in other.bookmarks()] == ["Start Algoritmekader"]  # nothing imported
    result, _ = import_file(other, out, force=True)
    assert (result.added, result.duplicates) == (1, 1)  # "index" was bookmarked there already
    assert nerds.bookmark_count() == 2  # the corpus the file came from is untouched


def test_files_without_a_corpus_import_into_the_current_one(
    open_store: Callable[..., UserData], tmp_path: Path
) -> None:
    # A file from before corpora (format version 1 without corpus_id), and a browser's export.
    old = tmp_path / "oud.json"
    old.write_text(json.dumps({"format": "richtlijnenlezer-bookmarks", "version": 1, "folders": [],
                               "bookmarks": [{"page_id": "index", "title": "Oud"}]}), encoding="utf-8")
    browser = tmp_path / "browser.html"
    browser.write_text("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
                       '<DT><A HREF="rl://edition.invalid/page/over">Over</A>\n</DL><p>\n', encoding="utf-8")
    data = open_store(corpus_id="welk-dan-ook")
    assert import_file(data, old)[0].added == 1
    assert import_file(data, browser)[0].added == 1
    assert sorted(b.page_id for b in data.bookmarks()) == ["index", "over"]


@pytest.mark.parametrize("raw", [
    b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "corpus_id": 5, "bookmarks": []}',
    b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "corpus_id": "", "bookmarks": []}',
    b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "corpus_id": "a\\nb", "bookmarks": []}',
    b'<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META NAME="richtlijnenlezer-corpus" CONTENT=""><DL><p></DL>',
])
def test_a_file_naming_no_valid_corpus_is_refused(raw: bytes) -> None:
    with pytest.raises(BookmarkFileError) as err:
        parse_bytes(raw)
    assert err.value.code == "bookmark-file-bad-corpus"


def test_export_without_a_corpus_is_refused(tmp_path: Path) -> None:
    with UserData.open(tmp_path / "p", corpus_id=None) as data:
        with pytest.raises(UserDataError) as err:
            export_file(data, tmp_path / "x.json")
        assert err.value.code == "userdata-no-corpus"
    assert not (tmp_path / "x.json").exists()
