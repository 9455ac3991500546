"""The reading tabs as state (reader/gui/tabs/model.py, pure Python): opening, closing, moving, reopening, and the
data kept for the next start, read back whatever the settings file holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.gui.library.trail import Visit
from reader.gui.tabs.model import MAX_CLOSED, MAX_HISTORY_BYTES, Tab, TabSet, from_data

ROOT = Path("/editions/alfa")


def tab(page: str) -> Tab:
    return Tab.at(Visit("alfa", ROOT, page), page)


def pages(tabs: TabSet) -> list[str]:
    return [t.title for t in tabs.tabs]


def test_a_tab_opens_right_after_the_active_one_and_stays_in_the_background_unless_asked() -> None:
    tabs = TabSet(tab("a"))
    tabs.open(tab("b"))
    tabs.open(tab("c"))
    assert pages(tabs) == ["a", "c", "b"] and tabs.active == 0
    assert tabs.open(tab("d"), activate=True) == 1
    assert pages(tabs) == ["a", "d", "c", "b"] and tabs.current.title == "d"
    tabs.open(tab("e"), at=0)  # before the active one: the active tab stays the same tab
    assert tabs.current.title == "d" and tabs.active == 2


def test_step_goes_round_the_ends() -> None:
    tabs = TabSet(tab("a"))
    tabs.open(tab("b"))
    tabs.open(tab("c"), at=2)
    assert tabs.step(1) == 1 and tabs.step(-1) == 2
    tabs.activate(2)
    assert tabs.step(1) == 0


def test_closing_picks_the_neighbour_and_the_last_tab_stays() -> None:
    tabs = TabSet(tab("a"))
    for name in "bcd":
        tabs.open(tab(name), at=len(tabs))
    tabs.activate(1)
    assert tabs.close(1) and tabs.current.title == "c"  # the tab to its right takes its place
    tabs.activate(2)
    assert tabs.close(2) and tabs.current.title == "c"  # the rightmost went: its left neighbour
    assert tabs.close(0) and tabs.current.title == "c" and tabs.active == 0  # one before it went: same tab
    assert not tabs.close(0) and pages(tabs) == ["c"]  # the last one is never closed
    with pytest.raises(IndexError):
        tabs.close(3)


def test_reopen_puts_closed_tabs_back_where_they_stood_latest_first() -> None:
    tabs = TabSet(tab("a"))
    for name in "bc":
        tabs.open(tab(name), at=len(tabs))
    tabs.close(1)
    tabs.close(0)
    assert pages(tabs) == ["c"]
    assert tabs.reopen() == 0 and pages(tabs) == ["a", "c"] and tabs.current.title == "a"
    assert tabs.reopen() == 1 and pages(tabs) == ["a", "b", "c"] and tabs.current.title == "b"
    assert tabs.reopen() is None


def test_a_reset_last_tab_can_be_reopened_and_closed_tabs_are_bounded() -> None:
    tabs = TabSet(tab("a"))
    tabs.reset_current(tab("home"))
    assert pages(tabs) == ["home"]
    tabs.reopen()
    assert pages(tabs) == ["a", "home"] and tabs.current.title == "a"  # back where it stood, in front
    for n in range(MAX_CLOSED + 5):
        tabs.open(tab(f"x{n}"))
        tabs.close(tabs.active + 1)
    assert len(tabs.closed) == MAX_CLOSED


def test_move_keeps_the_active_tab_active() -> None:
    tabs = TabSet(tab("a"))
    for name in "bc":
        tabs.open(tab(name), at=len(tabs))
    tabs.activate(1)
    tabs.move(0, 2)
    assert pages(tabs) == ["b", "c", "a"] and tabs.current.title == "b"


def test_data_round_trip_with_the_active_tab_as_it_is_now() -> None:
    first = Tab.at(Visit("alfa", ROOT, "index", "", b"\x00\x01history"), "Start")
    first.trail.switch(Visit("alfa", ROOT, "p1", "deel-2", b"alfa-history"), Visit("beta", Path("/editions/beta")))
    tabs = TabSet(first)
    second = tab("p2")
    second.scroll_y = 812.0
    tabs.open(second)
    now = Visit("beta", Path("/editions/beta"), "p9", "kop", b"\xffnow")
    data = json.loads(json.dumps(tabs.to_data(now)))  # plain JSON
    back = from_data(data)
    assert back is not None and back.active == 0 and pages(back) == ["Start", "p2"]
    trail = back.tabs[0].trail
    assert trail.index == 1 and trail.visits[0] == Visit("alfa", ROOT, "p1", "deel-2", b"alfa-history")
    assert trail.current == now
    assert back.tabs[1].scroll_y == 812.0 and back.tabs[1].trail.current == Visit("alfa", ROOT, "p2")


def test_a_huge_history_is_saved_without_it() -> None:
    tabs = TabSet(Tab.at(Visit("alfa", ROOT, "p1", "", b"x" * (MAX_HISTORY_BYTES + 1))))
    back = from_data(tabs.to_data())
    assert back is not None and back.current.trail.current == Visit("alfa", ROOT, "p1")


@pytest.mark.parametrize("data", [
    None, [], "tabs", {"version": 2, "tabs": []}, {"version": 1}, {"version": 1, "tabs": {}},
    {"version": 1, "tabs": []}, {"version": 1, "tabs": [None, 3, "x", {}, {"visits": "no"}, {"visits": []}]},
])
def test_nothing_usable_gives_none(data: object) -> None:
    assert from_data(data) is None


def test_bad_visits_and_tabs_are_dropped_the_rest_kept() -> None:
    good = {"corpus": "alfa", "root": str(ROOT), "page": "p1", "anchor": "", "history": ""}
    gone = {**good, "root": "/editions/gone", "page": "p2"}
    data = {"version": 1, "active": 2, "tabs": [
        {"title": "bad", "visits": [{**good, "history": "not base64!"}]},
        {"title": 7, "index": "x", "scroll": -5, "visits": [good]},
        {"title": "second", "index": 1, "scroll": True, "visits": [good, gone, {**good, "page": None}]},
        {"title": "nul\0", "visits": [{**good, "corpus": ""}]},
        {"title": "also gone", "visits": [gone]},
    ]}
    back = from_data(data, lambda visit: visit.edition_root == ROOT)
    assert back is not None and pages(back) == ["", "second"]
    assert back.active == 1  # the saved active tab, counted among the tabs kept
    assert back.tabs[0].scroll_y == 0.0 and back.tabs[1].scroll_y == 0.0
    assert back.current.trail.visits == [Visit("alfa", ROOT, "p1")] and back.current.trail.index == 0


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=30)
visits = st.builds(Visit, texts.filter(bool), st.builds(Path, st.sampled_from(["/a", "/b/c", "/d e"])), texts, texts,
                   st.binary(max_size=64))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(visits, min_size=1, max_size=4), texts, st.floats(0, 1e6)), min_size=1,
                max_size=5), st.data())
def test_round_trip_of_any_tabs(spec: list[tuple[list[Visit], str, float]], data: st.DataObject) -> None:
    made = []
    for visit_list, title, scroll in spec:
        one = Tab.at(visit_list[0], title)
        one.trail.visits = list(visit_list)
        one.trail.index = data.draw(st.integers(0, len(visit_list) - 1))
        one.scroll_y = scroll
        made.append(one)
    tabs = TabSet(made[0])
    tabs.tabs = made
    tabs.active = data.draw(st.integers(0, len(made) - 1))
    back = from_data(json.loads(json.dumps(tabs.to_data())))
    assert back is not None and back.active == tabs.active
    assert [(t.title, t.scroll_y, t.trail.index, t.trail.visits) for t in back.tabs] == [
        (t.title, t.scroll_y, t.trail.index, t.trail.visits) for t in made
    ]


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
                        ["version", "active", "tabs", "visits", "title", "index", "scroll", "corpus", "root", "page",
                         "anchor", "history"]), inner, max_size=6), max_leaves=30))
def test_any_json_reads_without_an_exception(data: object) -> None:
    result = from_data(data)
    assert result is None or (len(result) >= 1 and 0 <= result.active < len(result))
