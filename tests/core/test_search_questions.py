"""Questions and long queries: filler is not required; three or more words rank by how many a section has."""

from __future__ import annotations

from typing import Callable

import pytest

from reader.core.search import SearchDoc, SearchIndex
from reader.core.search.questions import min_should_match


def doc(page: str, anchor: str, title: str, section: str, text: str) -> SearchDoc:
    return SearchDoc(page, anchor, title, section, (), "", text)


DOCS = [
    doc("toegankelijk", "", "Toegankelijkheid", "", "Een website moet voor iedereen bruikbaar zijn."),
    doc("toegankelijk", "waarom", "Toegankelijkheid", "Waarom is het belangrijk?",
        "Een toegankelijke website helpt iedereen, ook met een beperking."),
    doc("toegankelijk", "hoe", "Toegankelijkheid", "Hoe pas je het toe?",
        "Test je website met schermlezers en maak hem toegankelijk volgens de WCAG."),
    doc("kleuren", "", "Colors", "", "Add a dark mode toggle to the header with the palette setting."),
    doc("kleuren2", "", "Fonts", "", "Dark text and light text. Dark dark dark fonts everywhere, dark."),
    doc("wolk", "", "Cloud", "", "Kies een cloudleverancier met een exitstrategie en afspraken over kosten."),
    doc("wolk2", "", "Kosten", "", "Kosten kosten kosten van opslag, kosten van rekenkracht, kosten."),
]


@pytest.fixture(scope="module")
def index(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


def pages(index: SearchIndex, q: str) -> list[str]:
    return list(dict.fromkeys(h.page for h in index.search(q).hits))


def test_dutch_question_words_are_not_required(index: SearchIndex) -> None:
    r = index.search("hoe maak ik mijn website toegankelijk")
    assert r.hits and r.hits[0].page == "toegankelijk" and not r.partial
    # "waarom" is not in the text, and is not needed
    assert pages(index, "waarom een toegankelijke website")[0] == "toegankelijk"


def test_english_question_words_are_not_required(index: SearchIndex) -> None:
    assert pages(index, "how do I add a dark mode toggle")[0] == "kleuren"


def test_question_word_prefers_the_section_that_answers_it(index: SearchIndex) -> None:
    r = index.search("hoe test je een website toegankelijk")
    assert (r.hits[0].page, r.hits[0].anchor) == ("toegankelijk", "hoe")
    r = index.search("waarom een toegankelijke website")
    assert r.hits[0].anchor == "waarom"


def test_long_query_ranks_by_how_many_words_a_section_has(index: SearchIndex) -> None:
    # wolk has cloudleverancier, exitstrategie and kosten; wolk2 has kosten many times (higher BM25 for it)
    order = pages(index, "cloudleverancier exitstrategie kosten opslag")
    assert order[0] == "wolk"
    # a long query is not "all words or a fallback": no section has all four, and that is not a partial result
    r = index.search("cloudleverancier exitstrategie kosten zeppelin")
    assert r.hits and r.hits[0].page == "wolk" and not r.partial
    # the darkest text loses to the one with more of the words
    assert pages(index, "dark mode toggle header")[0] == "kleuren"


def test_minimum_should_match() -> None:
    assert [min_should_match(n) for n in (3, 4, 5, 6, 8)] == [2, 3, 3, 4, 5]


def test_only_filler_is_still_searched(index: SearchIndex) -> None:
    assert index.search("how").message  # a query of question words only is searched as typed (nothing here)
    assert index.search("add").hits  # and content words alone work as before


def test_short_queries_still_need_all_words(index: SearchIndex) -> None:
    r = index.search("website zeppelin")
    assert r.partial  # two content words: all of them, else the flagged best partial matches


def test_title_and_section_clauses_stay_required_in_long_queries(index: SearchIndex) -> None:
    r = index.search("cloudleverancier exitstrategie kosten titel:kosten")
    assert {h.page for h in r.hits} == {"wolk2"}  # wolk has the three words, but not the title


def test_pruned_long_query_gives_the_same_results(search_index_of: Callable[[list[SearchDoc]], SearchIndex],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.search.engine as engine

    # short sections with all four words, long ones with two (the bound for fewer words is then easily beaten)
    docs = [doc(f"all{i}", "", f"Alle {i}", "", "kiezel beuk spar den " + "vul " * (i % 3)) for i in range(100)]
    docs += [doc(f"twee{i}", "", f"Twee {i}", "", "kiezel beuk " + "ander woord " * 40) for i in range(300)]
    ix = search_index_of(docs)
    calls: list[bool] = []
    real = engine.all_words_suffice

    def spy(*args: object) -> bool:
        calls.append(real(*args))  # type: ignore[arg-type]
        return calls[-1]

    monkeypatch.setattr(engine, "all_words_suffice", spy)
    pruned = [ix.search("kiezel beuk spar den", limit=20).to_json() for _ in range(2)]
    assert calls and all(calls)  # the sections with every word were enough
    monkeypatch.setattr(engine, "all_words_suffice", lambda *args: False)
    full = ix.search("kiezel beuk spar den", limit=20).to_json()
    assert {**pruned[0], "ms": 0} == {**full, "ms": 0} == {**pruned[1], "ms": 0}
