"""The library's decisions without a display: the Back/Forward trail across corpora, the library page's rows (open
items, badge, sizes), where the window starts, and the last page read per corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import BUNDLED, USER, CorpusShelf, InstalledEdition, LibraryFolder
from reader.core.userdata import CorpusCounts, edition_key
from reader.gui.library.rows import (
    LAST_CORPUS,
    LAST_PAGES,
    LIBRARY,
    PAGE,
    corpus_rows,
    format_size,
    has_new_edition,
    last_position,
    last_read,
    open_items,
    remember_position,
    start_view,
)
from reader.gui.library.trail import CORPUS, CorpusTrail, Visit, back_step, forward_step
from reader.gui.library.trail import PAGE as PAGE_STEP


def visit(corpus: str, page: str = "") -> Visit:
    return Visit(corpus, Path("/editions") / corpus, page)


def test_trail_back_and_forward_across_corpora() -> None:
    trail = CorpusTrail(visit("a"))
    assert back_step(False, trail) is None and forward_step(False, trail) is None
    trail.switch(visit("a", "a-page"), visit("b"))
    assert back_step(True, trail) == PAGE_STEP  # the web history of b first
    assert back_step(False, trail) == CORPUS
    assert trail.back(visit("b", "b-page")) == visit("a", "a-page")  # where a was left
    assert forward_step(False, trail) == CORPUS and forward_step(True, trail) == PAGE_STEP
    assert trail.forward(visit("a", "a-other")) == visit("b", "b-page")
    assert trail.visits[0].page_id == "a-other"  # Forward remembered where a was left this time
    with pytest.raises(IndexError):
        trail.forward(visit("b"))


def test_switching_by_hand_drops_the_visits_ahead() -> None:
    trail = CorpusTrail(visit("a"))
    trail.switch(visit("a"), visit("b"))
    trail.switch(visit("b"), visit("c"))
    trail.back(visit("c"))
    trail.back(visit("b"))
    trail.switch(visit("a"), visit("d"))
    assert [v.corpus_id for v in trail.visits] == ["a", "d"] and trail.index == 1 and not trail.can_forward()


def test_a_removed_corpus_leaves_the_trail_and_neighbours_merge() -> None:
    trail = CorpusTrail(visit("a", "1"))
    for corpus in ("b", "a", "c"):
        trail.switch(trail.current, visit(corpus, corpus + "-start"))
    trail.back(trail.current)  # reading a (its second visit)
    trail.drop_corpus("b")  # a, [b], a, c: the two a's meet and become the one being read
    assert [v.corpus_id for v in trail.visits] == ["a", "c"] and trail.current == visit("a", "a-start")
    trail.drop_corpus("a")  # the corpus being read is never dropped
    assert [v.corpus_id for v in trail.visits] == ["a", "c"] and trail.index == 0
    trail.forward(trail.current)
    trail.drop_corpus("a")
    assert [v.corpus_id for v in trail.visits] == ["c"] and trail.index == 0 and not trail.can_back()


def test_replacing_the_visit_being_read_merges_it_with_a_neighbour_of_its_corpus() -> None:
    trail = CorpusTrail(visit("b", "1"))
    trail.switch(visit("b", "2"), visit("a"))
    trail.replace_current(visit("b", "3"))  # a was removed while read: the window moved to b, no new step
    assert trail.visits == [visit("b", "3")] and trail.index == 0 and not trail.can_back()
    trail.replace_current(visit("b", "4"))  # another edition of b
    assert trail.visits == [visit("b", "4")]


def edition(corpus: str, date: str, kind: str = USER, pages: int = 5) -> InstalledEdition:
    manifest = {"corpus_id": corpus, "corpus_title": corpus.title(), "organisation": "Org", "edition_date": date,
                "built_at": f"{date}T10:00:00", "page_count": pages, "content_hash": f"hash-{corpus}-{date}"}
    return InstalledEdition(Path("/lib") / corpus / date, LibraryFolder(Path("/lib"), kind), manifest)


def test_rows_count_open_items_badge_and_older_editions() -> None:
    new, old = edition("alfa", "2026-02-01"), edition("alfa", "2025-11-01")
    beta = edition("beta", "2026-01-01", BUNDLED)
    shelves = [CorpusShelf("alfa", (new, old)), CorpusShelf("beta", (beta,))]
    last = {"alfa": edition_key(old.manifest), "beta": edition_key(beta.manifest)}
    totals = {new.path: 7, beta.path: 2}
    rows = corpus_rows(shelves, {"alfa": CorpusCounts(bookmarks=3, checked_items=2)}, last.get,
                       lambda e: totals[e.path], size=lambda e: 1000 if e is new else 10)
    alfa, b = rows
    assert (alfa.title, alfa.organisation, alfa.bookmarks, alfa.open_items) == ("Alfa", "Org", 3, 5)
    assert alfa.new_edition and alfa.removable and alfa.current.size_bytes == 1000
    assert [e.edition_date for e in alfa.older] == ["2025-11-01"] and alfa.older[0].key == old.key
    assert (alfa.older[0].folder, b.current.folder) == (USER, BUNDLED)  # the page names where an old edition lives
    assert (b.bookmarks, b.open_items, b.new_edition, b.removable, b.current.bundled) == (0, 2, False, False, True)


def test_open_items_and_the_badge() -> None:
    assert open_items(5, 2) == 3 and open_items(2, 5) == 0  # ticks on items a newer edition dropped
    manifest = {"content_hash": "h", "built_at": "t"}
    assert not has_new_edition(None, manifest)  # never opened: no badge
    assert not has_new_edition(edition_key(manifest), manifest)
    assert has_new_edition("old@t0", manifest)


@pytest.mark.parametrize("size, text", [(0, "0 B"), (999, "999 B"), (1000, "1,0 kB"), (850_000, "850 kB"),
                                        (12_400_000, "12,4 MB"), (1_234_000_000, "1,2 GB"),
                                        (5_000_000_000_000, "5000 GB")])
def test_sizes_in_dutch(size: int, text: str) -> None:
    assert format_size(size) == text


@pytest.mark.parametrize("corpora, page, corpus, expected", [
    (1, False, False, PAGE), (2, False, False, LIBRARY), (3, True, False, PAGE), (3, False, True, PAGE),
    (0, False, False, PAGE),
])
def test_where_the_window_starts(corpora: int, page: bool, corpus: bool, expected: str) -> None:
    assert start_view(corpora, page, corpus) == expected


def test_last_page_per_corpus() -> None:
    pages = {"index", "a", "b"}
    assert last_read({}, "a", "x", "alfa", pages) == ("a", "x")  # a profile from before: the window's last page
    assert last_read({}, "gone", "", "alfa", pages) is None
    extra = remember_position({"other": 1}, "alfa", "a", "kop")
    extra = remember_position(extra, "beta", "b", "")
    assert extra["other"] == 1 and extra[LAST_CORPUS] == "beta"
    assert last_position(extra, "alfa") == ("a", "kop")
    # alfa was not read last: its own entry, not the window's last page (which is beta's).
    assert last_read(extra, "b", "", "alfa", pages) == ("a", "kop")
    assert last_read(extra, "index", "", "beta", pages) == ("index", None)  # the read-last corpus: the window's
    assert last_read(extra, "b", "", "gamma", pages) is None  # never read
    broken = {LAST_PAGES: {"alfa": ["a"]}, LAST_CORPUS: "beta"}
    assert last_position(broken, "alfa") is None and last_read(broken, "b", "", "alfa", pages) is None
