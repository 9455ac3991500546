"""A query that is the title of a page or section (after normalisation) puts that page, or section, first."""

from __future__ import annotations

from typing import Callable

import pytest

from reader.core.search import SearchDoc, SearchIndex


def doc(page: str, anchor: str, title: str, section: str, text: str) -> SearchDoc:
    return SearchDoc(page, anchor, title, section, (), "", text)


DOCS = [
    doc("vraag", "", "Wat is een exitstrategie?", "", "Een plan om over te stappen."),
    doc("cloud", "", "2. Kies de cloud bewust", "", "Een exitstrategie, een exitstrategie: de exitstrategie telt."),
    doc("cloud", "voor-wie", "2. Kies de cloud bewust", "Voor wie is deze richtlijn?", "Voor bestuurders."),
    doc("cloud", "waarom", "2. Kies de cloud bewust", "Waarom is het belangrijk?", "Richtlijn richtlijn."),
    doc("over", "", "Over deze richtlijn", "", "Deze richtlijn is voor iedereen, een richtlijn voor richtlijnen."),
    *[doc(f"p{i}", "waarom", f"Pagina {i}", "Waarom is het belangrijk?", "Omdat het moet.") for i in range(4)],
    doc("kosten", "", "Kosten", "", "Weinig."),
    doc("geld", "", "Geld", "", "Kosten, kosten en nog eens kosten van opslag."),
]


@pytest.fixture(scope="module")
def index(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


def first(index: SearchIndex, q: str) -> tuple[str, str]:
    h = index.search(q).hits[0]
    return h.page, h.anchor


def test_question_that_is_a_page_title(index: SearchIndex) -> None:
    assert first(index, "Wat is een exitstrategie?") == ("vraag", "")
    assert first(index, "wat is een exitstrategie") == ("vraag", "")


def test_numbering_and_case_are_ignored(index: SearchIndex) -> None:
    assert first(index, "kies de CLOUD bewust") == ("cloud", "")


def test_section_title_leads_with_its_section(index: SearchIndex) -> None:
    assert first(index, "Voor wie is deze richtlijn?") == ("cloud", "voor-wie")


def test_common_section_titles_are_not_pinned(index: SearchIndex) -> None:
    # five sections are called so: no one of them is "the" answer
    assert index._titled("Waarom is het belangrijk?") == []


def test_one_word_is_a_subject_not_only_a_title(index: SearchIndex) -> None:
    assert index._titled("kosten") == []  # ranked by the usual title bonus instead
