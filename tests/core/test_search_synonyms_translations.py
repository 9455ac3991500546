"""Translations the corpus states in brackets ("AI-verordening (AI Act)", "Algemene Verordening Gegevensbescherming
(GDPR)") are synonym pairs for the whole corpus, both ways; a rule per test, on texts written for these tests."""

from __future__ import annotations

from typing import Iterator

import pytest

from reader.core.search import SearchDoc, SearchIndex, build_index
from reader.core.search.synonyms import collect, find_pairs, find_translations


@pytest.mark.parametrize("text, pair", [
    # an abbreviation whose letters are not those of the name before it: the name's translation's abbreviation
    ("Volgens de Algemene Verordening Gegevensbescherming (GDPR) moet je",
     ("GDPR", "Algemene Verordening Gegevensbescherming")),
    # words that each start with a capital, after a name with a capital inside or a hyphen
    ("De AI-verordening (AI Act) regelt systemen.", ("AI-verordening", "AI Act")),
    # two capitalised words or more before the bracket, English glue words allowed inside the translation
    ("Overleg met de Europese Unie (European Union) en", ("Europese Unie", "European Union")),
    ("Het Bureau Digitale Zaken (Office of Digital Affairs) helpt.", ("Bureau Digitale Zaken",
                                                                    "Office of Digital Affairs")),
])
def test_translation_stated_in_brackets(text: str, pair: tuple[str, str]) -> None:
    assert [(a, b) for a, b, _weak in find_translations(text)] == [pair]


def test_an_abbreviation_that_fits_is_no_translation() -> None:
    text = "De Algemene Verordening Gegevensbescherming (AVG) geldt."
    assert list(find_translations(text)) == [] and list(find_pairs(text)) == [
        ("AVG", "Algemene Verordening Gegevensbescherming")]


def test_abbreviation_first_is_find_pairs_case() -> None:
    assert list(find_translations("Doe een DPIA (Data Protection Impact Assessment) vooraf.")) == []


def test_plural_abbreviation_before_its_long_form() -> None:
    assert list(find_pairs("Stel SLO's (Service Level Objectives) op.")) == [("SLO", "Service Level Objectives")]


def test_article_and_sentence_words_are_not_part_of_the_name() -> None:
    assert [a for a, _b, _w in find_translations("De Wet Digitale Zaken (Digital Affairs Act) geldt.")] == [
        "Wet Digitale Zaken"]


@pytest.mark.parametrize("text", [
    "Kies een leverancier (zie hieronder) en test (vaak).",  # lowercase remarks
    "Gebruik een schermlezer (VoiceOver of NVDA) bij het testen.",  # no name before the bracket
    "Klik op Opslaan (Ctrl S) om te bewaren.",  # one capitalised word, one word in the bracket that is no name
    "Het (Nederlands) en (EN) staan hier.",  # an article is no name
    "Zie de Paper Over Architectuur En Duurzame Digitale Diensten (NCDD).",  # far longer than an abbreviation's
])
def test_not_every_bracket_is_a_translation(text: str) -> None:
    assert [(a, b) for a, b, weak in find_translations(text) if not weak] == []


def test_one_word_for_one_word_only_when_said_twice() -> None:
    once = ["In de Ontwerpfase (Alpha) schets je."]
    assert collect(once) == []
    twice = once + ["Na de Ontwerpfase (Alpha) volgt de bouw."]
    assert collect(twice) == [("ontwerpfase", "alpha")]


def doc(page: str, text: str) -> SearchDoc:
    return SearchDoc(page, "", page.capitalize(), "", (), "", text)


DOCS = [
    doc("wet", "De AI-verordening (AI Act) stelt eisen aan risicovolle systemen."),
    doc("toezicht", "Toezicht op de AI-verordening ligt bij een nationale autoriteit."),
    doc("engels", "The AI Act applies from next year to providers."),
    doc("privacy", "Volgens de Algemene Verordening Gegevensbescherming (GDPR) bewaar je niet te lang."),
    doc("register", "Een register van verwerkingen hoort bij de algemene verordening gegevensbescherming."),
    doc("fase", "In de Ontwerpfase (Alpha) maak je schetsen. Na de Ontwerpfase (Alpha) test je."),
    doc("alpha", "Een alpha-versie is een vroege versie voor testers."),
    doc("ander", "Iets anders over systemen en verwerkingen."),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = tmp_path_factory.mktemp("translations") / "index"
    build_index(folder, DOCS)
    with SearchIndex.open(folder) as ix:
        yield ix


def pages(index: SearchIndex, q: str) -> set[str]:
    return {h.page for h in index.search(q, limit=50).hits}


def test_translation_finds_the_name(index: SearchIndex) -> None:
    assert pages(index, "AI Act") == {"wet", "toezicht", "engels"}
    assert pages(index, '"AI Act"') == {"wet", "toezicht", "engels"}


def test_name_finds_its_translation(index: SearchIndex) -> None:
    assert pages(index, "AI-verordening") == {"wet", "toezicht", "engels"}
    assert pages(index, "ai verordening") >= {"wet", "toezicht", "engels"}


def test_translated_abbreviation_finds_the_long_form_and_back(index: SearchIndex) -> None:
    assert pages(index, "GDPR") == {"privacy", "register"}
    assert "privacy" in pages(index, "algemene verordening gegevensbescherming")


def test_one_word_pair_said_twice_works_both_ways(index: SearchIndex) -> None:
    assert "fase" in pages(index, "alpha") and "alpha" in pages(index, "ontwerpfase")


def test_the_word_as_written_ranks_first(index: SearchIndex) -> None:
    hits = index.search("AI Act", limit=50).hits
    assert hits[0].page in {"wet", "engels"}  # where the words themselves stand, not only their translation
