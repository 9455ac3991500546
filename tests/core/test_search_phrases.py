"""Quoted phrases through compounds the index splits, and through words the stemmer spells differently from the
text (beheer -> beher): a phrase may start with, end with or contain a split compound, and its hyphenated form and
its compound form find each other."""

from __future__ import annotations

from typing import Callable

import pytest

from reader.core.search import SearchDoc, SearchIndex, stem
from reader.core.search.analysis import _phrase_tokenizer
from reader.core.search.dutch import Decompounder
from reader.core.search.phrases import text_forms


def doc(page: str, text: str, section_title: str = "", anchor: str = "") -> SearchDoc:
    return SearchDoc(page, anchor, page.capitalize(), section_title, (), "", text)


DOCS = [
    doc("start", "Het kwartaalverslag beheer beschrijft wat er veranderde."),
    doc("eind", "Het definitieve kwartaalverslag volgt later."),
    doc("midden", "Stuur het getekende kwartaalverslag digitaal naar de raad."),
    doc("koppel", "Het kwartaal-verslag beheer staat online."),
    # every word of the phrases above, never next to each other (and the parts as words, so the compound splits)
    doc("los", "Beheer is werk. Een verslag per kwartaal, digitaal getekend en definitief; beschrijft niets."),
    doc("kop", "Zie de tabel.", section_title="Kwartaalverslag beheer", anchor="kop"),
]


@pytest.fixture(scope="module")
def index(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


def pages(index: SearchIndex, q: str) -> set[str]:
    return {h.page for h in index.search(q, limit=50, correct=False).hits}


def test_the_compound_is_split_in_this_corpus(index: SearchIndex) -> None:
    assert index._qdecompounder.split("kwartaalverslag") == ("kwartaal", "verslag")


def test_phrase_starting_with_a_split_compound(index: SearchIndex) -> None:
    assert pages(index, '"kwartaalverslag beheer"') == {"start", "koppel", "kop"}
    assert pages(index, '"verslag beheer beschrijft"') == {"start"}  # from the compound's last part on


def test_phrase_ending_with_a_split_compound(index: SearchIndex) -> None:
    assert pages(index, '"definitieve kwartaalverslag"') == {"eind"}
    assert pages(index, '"definitieve kwartaal"') == {"eind"}  # up to the compound's first part


def test_phrase_containing_a_split_compound(index: SearchIndex) -> None:
    assert pages(index, '"getekende kwartaalverslag digitaal"') == {"midden"}
    assert pages(index, '"getekende kwartaal verslag digitaal"') == {"midden"}


def test_a_phrase_needs_its_words_in_order_next_to_each_other(index: SearchIndex) -> None:
    assert "los" not in pages(index, '"kwartaalverslag beheer"')
    assert pages(index, '"beheer kwartaalverslag"') == set()
    assert pages(index, '"kwartaalverslag digitaal"') == {"midden"}
    assert pages(index, '"verslag digitaal"') == {"midden"}


def test_hyphenated_and_compound_forms_find_each_other(index: SearchIndex) -> None:
    both = {"start", "koppel", "kop"}
    assert pages(index, "kwartaal-verslag-beheer") == both  # hyphenated query: the compound and the hyphenated text
    assert pages(index, '"kwartaal verslag beheer"') == both
    assert pages(index, '"kwartaalverslag beheer"') == both  # compound query: the hyphenated text too
    assert "koppel" in pages(index, "kwartaalverslag")


def test_phrase_in_a_heading_and_a_title_field(index: SearchIndex) -> None:
    assert pages(index, 'sectie:"kwartaalverslag beheer"') == {"kop"}
    assert pages(index, 'sectie:"beheer kwartaalverslag"') == set()
    assert pages(index, 'titel:"kwartaalverslag beheer"') == set()  # no page is titled so


def test_word_whose_stem_is_not_in_the_text(index: SearchIndex) -> None:
    assert stem("beheer") == "beher" and "beher" not in "beheer"
    assert pages(index, '"beheer beschrijft"') == {"start"}
    assert pages(index, '"beheer is werk"') == {"los"}
    assert "beheer" in text_forms(stem("beheer"))
    assert "kwartaal" in text_forms(stem("kwartaal")) and "snelheden" in text_forms(stem("snelheden"))


def test_a_split_compound_spans_the_positions_of_its_parts() -> None:
    tokenizer = _phrase_tokenizer(Decompounder(lambda w: w in {"kwartaal", "verslag"}))
    assert list(tokenizer.spans("het kwartaalverslag beheer")) == [
        ("kwartaalverslag", 0, 1), (stem("kwartaal"), 0, 0), ("verslag", 1, 1), (stem("beheer"), 2, 2)]
