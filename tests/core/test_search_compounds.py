"""Compounds and hyphens, a test per rule: split and joined both ways, plurals of compounds, hyphenated words as
one word and as their parts."""

from __future__ import annotations

from typing import Callable

import pytest

from reader.core.search import SearchDoc, SearchIndex, stem


def doc(page: str, text: str) -> SearchDoc:
    return SearchDoc(page, "", page.capitalize(), "", (), "", text)


DOCS = [
    doc("lek", "Meld een datalek binnen drie dagen."),
    doc("uitwisseling", "Gegevensuitwisseling tussen organisaties vraagt afspraken."),
    doc("plan", "Het beleidsplan wordt elk jaar herzien."),
    doc("aanpak", "Schrijf een plan-van-aanpak voor de migratie."),
    doc("tijd", "Lever just-in-time en test end to end."),
    doc("keten", "Zorg voor end-to-end versleuteling en een plan van aanpak."),
    doc("los", "Data is waardevol. Een lek in de leiding is iets anders."),
    doc("beveiliging", "Informatiebeveiliging is een vak."),
]


@pytest.fixture(scope="module")
def index(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


def pages(index: SearchIndex, q: str) -> list[str]:
    return list(dict.fromkeys(h.page for h in index.search(q, limit=50).hits))


def test_words_typed_apart_find_the_compound(index: SearchIndex) -> None:
    found = pages(index, "data lek")
    assert found[0] == "lek" and "los" in found  # the compound, and the section with both words


def test_words_apart_in_the_other_order_with_linking_s(index: SearchIndex) -> None:
    assert pages(index, "uitwisseling gegevens") == ["uitwisseling"]
    assert pages(index, "gegevens uitwisseling") == ["uitwisseling"]


def test_compound_finds_its_parts_and_a_part_finds_the_compound(index: SearchIndex) -> None:
    assert pages(index, "beveiliging") == ["beveiliging"]
    assert pages(index, "datalek") == ["lek"]


def test_plural_of_a_compound_finds_its_singular(index: SearchIndex) -> None:
    assert stem("beleidsplannen") == stem("beleidsplan")
    assert pages(index, "beleidsplannen") == ["plan"]
    assert stem("processen") == stem("proces") and stem("plannen") == stem("plan")


def test_quoted_phrase_finds_its_hyphenated_form_and_back(index: SearchIndex) -> None:
    assert set(pages(index, '"plan van aanpak"')) == {"aanpak", "keten"}
    assert set(pages(index, "plan-van-aanpak")) == {"aanpak", "keten"}
    assert set(pages(index, '"just in time"')) == {"tijd"}
    assert set(pages(index, "end-to-end")) == {"tijd", "keten"}
    assert set(pages(index, '"end to end"')) == {"tijd", "keten"}
