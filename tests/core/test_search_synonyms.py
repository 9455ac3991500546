"""Synonyms the corpus states itself ("Long Form (ABBR)", "ABBR (Long Form)") and pairs given to the builder
expand queries both ways."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from reader.core.search import SearchDoc, SearchIndex, build_index
from reader.core.search.synonyms import SYNONYMS_FILE, find_pairs, long_form


def doc(page: str, text: str, title: str = "") -> SearchDoc:
    return SearchDoc(page, "", title or page.capitalize(), "", (), "", text)


@pytest.mark.parametrize("text, pair", [
    ("De Algemene Verordening Gegevensbescherming (AVG) geldt.", ("AVG", "Algemene Verordening Gegevensbescherming")),
    ("Doe een DPIA (Data Protection Impact Assessment) vooraf.", ("DPIA", "Data Protection Impact Assessment")),
    ("Vergelijk de total cost of ownership (TCO) van opties.", ("TCO", "total cost of ownership")),
    ("Zie BIO (Baseline Informatiebeveiliging Overheid).", ("BIO", "Baseline Informatiebeveiliging Overheid")),
])
def test_pairs_stated_in_text(text: str, pair: tuple[str, str]) -> None:
    assert list(find_pairs(text)) == [pair]


def test_not_every_bracket_is_an_abbreviation() -> None:
    assert list(find_pairs("Kies een leverancier (zie hieronder) en test (vaak).")) == []
    assert list(find_pairs("Het (Nederlands) en (EN) staan hier.")) == []  # one capital, or nothing that fits
    # the first letter must start a word: "xyz" letters are not in the text before
    assert long_form("XYZ", "een lange zin zonder die letters") is None


def test_long_form_is_bounded() -> None:
    # at most min(letters + 5, letters * 2) words back: a far-away match is no long form
    assert long_form("AB", "Alpha een twee drie vier Beta") is None
    assert long_form("AB", "Alpha Beta") == "Alpha Beta"


DOCS = [
    doc("definitie", "De Algemene Verordening Gegevensbescherming (AVG) beschermt persoonsgegevens."),
    doc("kort", "Houd je aan de AVG bij elke verwerking."),
    doc("lang", "Volgens de algemene verordening gegevensbescherming moet je verwerkingen vastleggen."),
    doc("registry", "Het register van acties wordt bijgehouden."),
    doc("ander", "Iets anders over verwerkingen."),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = tmp_path_factory.mktemp("syn") / "index"
    build_index(folder, DOCS, synonyms=[("AR", "action registry"), ("reg", "register van acties")])
    with SearchIndex.open(folder) as ix:
        yield ix


def pages(index: SearchIndex, q: str) -> set[str]:
    return {h.page for h in index.search(q, limit=50).hits}


def test_abbreviation_finds_its_long_form(index: SearchIndex) -> None:
    assert pages(index, "AVG") == {"definitie", "kort", "lang"}


def test_long_form_finds_its_abbreviation(index: SearchIndex) -> None:
    assert pages(index, "algemene verordening gegevensbescherming") == {"definitie", "kort", "lang"}
    assert pages(index, '"algemene verordening gegevensbescherming"') == {"definitie", "kort", "lang"}


def test_pairs_given_to_the_builder(index: SearchIndex) -> None:
    assert pages(index, "reg") == {"registry"}  # "reg" is nowhere in the texts


def test_index_without_synonyms_file(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    build_index(folder, DOCS)
    (folder / SYNONYMS_FILE).unlink()
    with SearchIndex.open(folder) as ix:
        assert {h.page for h in ix.search("AVG").hits} == {"definitie", "kort"}


def test_corpus_abbreviation_definitions_become_pairs(tmp_path: Path) -> None:
    from reader.core.corpus import load_corpus
    from reader.core.search import corpus_synonyms

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nmarkdown_extensions:\n  - abbr\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text(
        "# Privacy\n\nVolg de AVG.\n\n*[AVG]: Algemene Verordening Gegevensbescherming\n", encoding="utf-8")
    pairs = corpus_synonyms(load_corpus(tmp_path))
    assert ("AVG", "Algemene Verordening Gegevensbescherming") in pairs
    folder = tmp_path / "index"
    build_index(folder, [doc("p", "Volg de AVG."), doc("q", "De algemene verordening gegevensbescherming.")],
                synonyms=pairs)
    with SearchIndex.open(folder) as ix:
        assert {h.page for h in ix.search("algemene verordening gegevensbescherming").hits} == {"p", "q"}
