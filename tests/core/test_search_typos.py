"""Typo correction: the weighted edit distance (a test per rule) and the engine searching the corrected word."""

from __future__ import annotations

import json
from typing import Callable

import pytest

from reader.core.search import SearchDoc, SearchIndex
from reader.core.search.typos import (
    DOUBLE_LETTER,
    KEY_NEIGHBOUR,
    SWAP,
    max_distance,
    weighted_distance,
)


def d(a: str, b: str) -> float:
    return round(weighted_distance(a, b, 5.0), 3)


# --- the distance, one rule at a time -------------------------------------------------------------------------


def test_plain_edits_cost_one() -> None:
    assert d("samenwerkng", "samenwerking") == 1.0  # a letter left out
    assert d("dictionairy", "dictionary") == 1.0  # a letter too many
    assert d("beveileging", "beveiliging") == 1.0  # e for i: not neighbours on the keyboard


def test_keyboard_neighbour_is_cheaper() -> None:
    assert d("toegankelijkjeid", "toegankelijkheid") == KEY_NEIGHBOUR  # j next to h
    assert d("kosren", "kosten") == KEY_NEIGHBOUR  # r next to t
    assert d("koaten", "kosten") == KEY_NEIGHBOUR  # a next to s (row below)
    assert d("kopten", "kosten") == 1.0  # p is far from s


def test_swapped_neighbours() -> None:
    assert d("toegankelijkhied", "toegankelijkheid") == SWAP
    assert d("copyrigth", "copyright") == SWAP


def test_double_letters_are_cheap() -> None:
    assert d("standarden", "standaarden") == DOUBLE_LETTER  # undoubled
    assert d("tooltipps", "tooltips") == DOUBLE_LETTER  # doubled
    assert d("comit", "commit") == DOUBLE_LETTER
    assert d("kostten", "kosten") == DOUBLE_LETTER
    assert d("kosxten", "kosten") == 1.0  # a letter that doubles nothing is a full edit


def test_ij_and_y() -> None:
    assert d("toegankelykheid", "toegankelijkheid") == 0.3
    assert d("bijlage", "bylage") == 0.3


def test_ei_and_ij() -> None:
    assert d("kwetsbaarhijd", "kwetsbaarheid") == 0.3
    assert d("wijs", "weis") == 0.3


def test_dt_d_and_t() -> None:
    assert d("soevereiniteid", "soevereiniteit") == 0.5  # d for t at the end
    assert d("hij wordt", "hij word") == 0.3
    assert d("gebeurdt", "gebeurt") == 0.3


def test_other_spelling_confusions() -> None:
    assert d("privasy", "privacy") == 0.5  # c sounds as s
    assert d("inkoopstrategy", "inkoopstrategie") == 0.5  # y for ie


def test_symmetric_and_bounded() -> None:
    for a, b in [("toegankelykheid", "toegankelijkheid"), ("standarden", "standaarden"), ("abc", "xyz")]:
        assert d(a, b) == d(b, a)
    assert weighted_distance("abcdefgh", "stuvwxyz", 2.0) > 2.0  # gives up, above the limit


def test_allowed_distance_grows_with_length() -> None:
    assert max_distance("abc") == 0.0  # too short to guess
    assert max_distance("kost") == 1.0
    assert max_distance("privasy") == 1.5
    assert max_distance("toegankelykheid") == 2.0


# --- the engine -------------------------------------------------------------------------------------------------


def doc(page: str, anchor: str, title: str, text: str) -> SearchDoc:
    return SearchDoc(page, anchor, title, "", (), "", text)


DOCS = [
    doc("toegankelijk", "", "Zorg voor toegankelijkheid", "Toegankelijkheid is voor iedereen. Test met schermlezers."),
    doc("kwetsbaar", "", "Kwetsbaarheid melden", "Meld een kwetsbaarheid bij het meldpunt."),
    doc("soeverein", "", "Digitale soevereiniteit", "Soevereiniteit over je gegevens in de cloud."),
    doc("standaard", "", "Open standaarden", "Gebruik open standaarden voor uitwisseling."),
    doc("privacy", "", "Privacy", "Privacy en gegevensbescherming horen bij elk ontwerp."),
    doc("tips", "", "Tooltips", "Tooltips tonen uitleg bij een knop."),
    doc("kosten", "", "Kosten", "De kosten van opslag en rekenkracht."),
]


@pytest.fixture(scope="module")
def index(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


@pytest.mark.parametrize("typed, meant, page", [
    ("toegankelykheid", "toegankelijkheid", "toegankelijk"),  # ij/y
    ("kwetsbaarhijd", "kwetsbaarheid", "kwetsbaar"),  # ei/ij
    ("soevereiniteid", "soevereiniteit", "soeverein"),  # d/t
    ("standarden", "standaarden", "standaard"),  # double letter
    ("privasy", "privacy", "privacy"),  # c/s
    ("tooltipps", "tooltips", "tips"),  # double letter
    ("kosren", "kosten", "kosten"),  # keyboard neighbour
    ("toegankelijkhied", "toegankelijkheid", "toegankelijk"),  # swap
])
def test_typo_is_searched_as_corrected(index: SearchIndex, typed: str, meant: str, page: str) -> None:
    r = index.search(typed)
    assert r.corrected_query == meant and r.suggestion is None
    assert r.hits and r.hits[0].page == page
    assert "<mark>" in r.hits[0].snippet_html  # the corrected word is marked


def test_correction_keeps_the_rest_of_the_query(index: SearchIndex) -> None:
    r = index.search("Kwetsbaarhijd melden")
    assert r.corrected_query == "kwetsbaarheid melden" and r.hits[0].page == "kwetsbaar"


def test_known_words_and_unfinished_words_are_not_corrected(index: SearchIndex) -> None:
    assert index.search("kosten").corrected_query is None
    assert index.search("toeganke").corrected_query is None  # a prefix while typing
    assert index.search("xqzwv").corrected_query is None  # nothing close: no correction, no results
    assert index.search("abc").corrected_query is None  # too short


def test_as_typed_on_request(index: SearchIndex) -> None:
    r = index.search("toegankelykheid", correct=False)
    assert r.hits == [] and r.corrected_query is None and r.suggestion == "toegankelijkheid"


def test_corrected_word_ranks_below_exact(index: SearchIndex) -> None:
    exact = index.search("kosten ").hits[0].score
    fixed = index.search("kosren ").hits[0].score
    assert 0 < fixed < exact


def test_json_reports_correction(index: SearchIndex) -> None:
    d = json.loads(json.dumps(index.search("toegankelykheid").to_json()))
    assert d["query"] == "toegankelykheid" and d["corrected_query"] == "toegankelijkheid"


def test_same_correction_every_time(index: SearchIndex) -> None:
    first = [index.search(q).to_json() for q in ("toegankelykheid", "kosren", "privasy")]
    for _ in range(3):
        again = [index.search(q).to_json() for q in ("toegankelykheid", "kosren", "privasy")]
        for a, b in zip(first, again, strict=True):
            assert {**a, "ms": 0} == {**b, "ms": 0}
