"""Searching several corpora at once (reader.core.search.search_many / LibrarySearch) on real indexes built from
small generated corpora: grouping and labels, ordering across corpora, typos that are words elsewhere, laziness."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Sequence

import pytest

from reader.core.search import (
    META_FILE,
    LibraryResults,
    LibrarySearch,
    SearchDoc,
    SearchIndex,
    Tier,
    build_index,
    search_many,
)

FILLER = ("Deze alinea gaat over afspraken, planning, budget en overleg met de teams in de organisatie. "
          "Zo blijft het werk overzichtelijk voor iedereen die meedoet. ")
ENGLISH = ("This paragraph is about configuration, layout, colors and the theme of the site, and how the "
           "build turns Markdown into pages. ")


def doc(prefix: str, page: str, title: str, text: str, anchor: str = "", section: str = "") -> SearchDoc:
    return SearchDoc(f"{prefix}/{page}", anchor, title, section, (prefix.upper(),), "", text)


def dutch() -> list[SearchDoc]:
    """A Dutch guideline corpus: accessibility, policy (beleid), cloud, a little privacy."""
    return [
        doc("nl", "toegankelijkheid", "Zorg voor toegankelijkheid",
            "Toegankelijkheid betekent dat iedereen de dienst kan gebruiken. " + FILLER),
        doc("nl", "toegankelijkheid", "Zorg voor toegankelijkheid",
            "Test de toegankelijkheid met echte gebruikers. " + FILLER, "testen", "Testen"),
        doc("nl", "beleid", "Maak beleid", "Het beleid legt vast wie wat beslist. Beleid wordt jaarlijks herzien. "
            "Samenwerking is nodig. " + FILLER),
        doc("nl", "cloud", "Kies de cloud bewust", "Cloudopslag vraagt om een exitstrategie. " + FILLER),
        doc("nl", "privacy", "Maak privacy integraal", "Privacy hoort vanaf het begin in het ontwerp. " + FILLER),
        *[doc("nl", f"overig-{i}", f"Onderwerp {i}", FILLER * 2) for i in range(6)],
    ]


def english() -> list[SearchDoc]:
    """An English documentation corpus: diagrams (mermaid), search, a privacy plugin; `belied` once."""
    return [
        doc("en", "diagrams", "Diagrams", "Mermaid diagrams are rendered in the browser. Mermaid supports "
            "flowcharts. " + ENGLISH),
        doc("en", "search", "Setting up search", "The search plugin builds an index of every page. " + ENGLISH),
        doc("en", "privacy", "Built-in privacy plugin", "The privacy plugin downloads external assets so that "
            "privacy is kept. Privacy matters. " + ENGLISH),
        doc("en", "history", "History", "The quiet start belied how large the project would grow. " + ENGLISH),
        doc("en", "glossary", "Glossary", "Samenwerkingsverband: Dutch for partnership. " + ENGLISH),
        *[doc("en", f"misc-{i}", f"Topic {i}", ENGLISH * 2) for i in range(6)],
    ]


@pytest.fixture(scope="module")
def indexes(search_index_of: Callable[[Sequence[SearchDoc]], SearchIndex]) -> list[tuple[str, str, SearchIndex]]:
    return [("nl-richtlijnen", "Nederlandse richtlijnen", search_index_of(dutch())),
            ("en-docs", "English docs", search_index_of(english()))]


def corpus_of(page: str) -> str:
    return {"nl": "nl-richtlijnen", "en": "en-docs", "k8s": "k8s"}[page.split("/")[0]]


# --- grouping and labels ----------------------------------------------------------------------------------------


def test_groups_name_their_corpus_and_hold_only_its_hits(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    result = search_many(indexes, "privacy")
    assert [g.corpus_id for g in result.groups] == ["en-docs", "nl-richtlijnen"]  # the English corpus is about it
    assert {g.title for g in result.groups} == {"Nederlandse richtlijnen", "English docs"}
    for group in result.groups:
        assert group.tier is Tier.EXACT and group.hits
        assert {corpus_of(h.page) for h in group.hits} == {group.corpus_id}
    pairs = list(result.hits())
    assert [h for _g, h in pairs] == [h for g in result.groups for h in g.hits]
    assert all(corpus_of(h.page) == g.corpus_id for g, h in pairs)


def test_a_query_that_only_one_corpus_answers(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    result = search_many(indexes, "toegankelijkheid")
    assert [g.corpus_id for g in result.found] == ["nl-richtlijnen"]
    assert result.found[0].hits[0].page == "nl/toegankelijkheid"
    other = result.groups[1]
    assert other.corpus_id == "en-docs" and other.tier is Tier.NONE and other.hits == [] and other.relevance == 0
    assert result.groups[0] is result.found[0]  # corpora with hits come first
    assert result.suggestion is None and result.message == ""


def test_limit_per_corpus(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    wide = search_many(indexes, "de", limit_per_corpus=50)  # a stop word finds nothing: use a common word
    assert not wide.found
    many = search_many(indexes, "onderwerp topic", limit_per_corpus=50)
    few = search_many(indexes, "onderwerp topic", limit_per_corpus=2)
    assert any(len(g.hits) > 2 for g in many.groups)
    assert all(len(g.hits) <= 2 for g in few.groups) and few.found


# --- typos: a typo in one corpus may be a word in another ---------------------------------------------------------


def test_a_word_of_one_corpus_is_not_corrected_in_another(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    nl = indexes[0][2]
    alone = nl.search("belied")  # the Dutch corpus alone takes it for a typo of "beleid" ...
    assert alone.corrected_query == "beleid" and alone.hits
    result = search_many(indexes, "belied")  # ... but the English corpus has the word as typed
    first, second = result.groups
    assert (first.corpus_id, first.tier) == ("en-docs", Tier.EXACT)
    assert first.hits[0].page == "en/history"
    assert (second.corpus_id, second.tier) == ("nl-richtlijnen", Tier.NONE)
    assert second.hits == [] and second.result.suggestion is None and second.result.corrected_query is None
    assert result.found == [first]
    # searching the Dutch corpus alone afterwards corrects as before (the library's lookup leaves no trace) ...
    assert nl.search("belied").corrected_query == "beleid"
    # ... and the library's answer does not depend on what was searched before
    assert without_times(search_many(indexes, "belied").to_json()) == without_times(result.to_json())


def test_only_real_words_count_not_stems_or_compounds(
        search_index_of: Callable[[Sequence[SearchDoc]], SearchIndex]) -> None:
    # No corpus has the word "cloudopslag": one finds it as a compound of words it has, the other corrects it to a
    # word of its own. Neither is proof the user typed a real word (across languages stems and splits collide), so
    # each corpus does what it does alone, and relevance orders them.
    parts = search_index_of([doc("nl", "a", "Opslag", "Gebruik cloud opslag met zorg. Cloud en opslag. " + FILLER),
                             *[doc("nl", f"f{i}", "F", FILLER) for i in range(4)]])
    other = search_index_of([doc("en", "b", "Zaken", "De cloudopslog is kapot. " + FILLER),
                             *[doc("en", f"f{i}", "F", FILLER) for i in range(4)]])
    assert other.search("cloudopslag").corrected_query == "cloudopslog"  # alone, it corrects
    result = search_many([("other", "O", other), ("parts", "P", parts)], "cloudopslag")
    assert {(g.corpus_id, g.tier) for g in result.groups} == {("parts", Tier.EXACT), ("other", Tier.CORRECTED)}
    assert {g.corpus_id: g.result.corrected_query for g in result.groups} == {"parts": None, "other": "cloudopslog"}


def test_a_word_being_typed_that_one_corpus_completes_is_not_corrected_in_another(
        indexes: list[tuple[str, str, SearchIndex]]) -> None:
    typed = "samenwerkingsv"  # on its way to "samenwerkingsverband", a word of the English corpus
    assert indexes[1][2].search(typed).hits
    assert indexes[0][2].search(typed).corrected_query == "samenwerking"  # the Dutch corpus alone corrects it
    result = search_many(indexes, typed)
    assert [g.corpus_id for g in result.found] == ["en-docs"]
    assert result.groups[1].result.corrected_query is None and result.groups[1].result.suggestion is None
    # finished (a space after it) it is a word no corpus has: each corrects it as it can
    done = search_many(indexes, typed + " ")
    assert [(g.corpus_id, g.result.corrected_query) for g in done.found] == [("nl-richtlijnen", "samenwerking ")]


def test_the_reverse_the_dutch_word_is_kept(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    result = search_many(indexes, "beleid")
    assert [g.corpus_id for g in result.found] == ["nl-richtlijnen"]
    assert result.found[0].tier is Tier.EXACT and result.found[0].result.corrected_query is None


def test_a_typo_everywhere_is_corrected_per_corpus(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    result = search_many(indexes, "toegankelykheid")
    group = result.found[0]
    assert group.corpus_id == "nl-richtlijnen" and group.tier is Tier.CORRECTED
    assert group.result.corrected_query == "toegankelijkheid"
    assert search_many(indexes, "mermiad").found[0].result.corrected_query == "mermaid"


def test_no_correction_searches_as_typed(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    result = search_many(indexes, "toegankelykheid", correct=False)
    assert not result.found
    assert result.suggestion == "toegankelijkheid"  # the library-wide "Bedoelde je", from the corpus that knows
    assert result.message == "Niets gevonden."


# --- ordering across corpora ----------------------------------------------------------------------------------------


def test_a_corpus_with_every_word_ranks_above_one_with_some(
        search_index_of: Callable[[Sequence[SearchDoc]], SearchIndex]) -> None:
    # One corpus has both words in one section, one is about "cloud" but lacks "kosten" (partial results).
    both = search_index_of([doc("nl", "a", "Planning", "Cloud en kosten. " + FILLER),
                            *[doc("nl", f"f{i}", "F", FILLER) for i in range(4)]])
    partial = search_index_of([doc("en", "b", "Cloud", "Cloud cloud cloud. " + ENGLISH),
                               *[doc("en", f"f{i}", "F", ENGLISH) for i in range(4)]])
    result = search_many([("partial", "P", partial), ("both", "B", both)], "cloud kosten")
    assert [(g.corpus_id, g.tier) for g in result.groups] == [("both", Tier.EXACT), ("partial", Tier.PARTIAL)]
    g = result.groups[1]
    assert g.result.partial and g.relevance < g.hits[0].score  # partial results count half (and rescaled)
    assert result.groups[0].relevance > g.relevance


def test_a_question_answered_after_a_correction_beats_a_passing_match(
        search_index_of: Callable[[Sequence[SearchDoc]], SearchIndex]) -> None:
    # A question needs not every word: an English corpus that happens to have two of the words "matches" it as typed,
    # the Dutch corpus answers it after correcting "duurzamer" to a word it has. Relevance decides, not the tier.
    nl = search_index_of([doc("nl", "duurzaam", "Maak software duurzaam", "Duurzame software gebruikt minder "
                              "energie. Duurzame keuzes. " + FILLER),
                          *[doc("nl", f"f{i}", "F", FILLER) for i in range(6)]])
    en = search_index_of([doc("en", "sw", "Tools", "Tools maak software. " + ENGLISH * 3),
                          *[doc("en", f"f{i}", "F", ENGLISH) for i in range(6)]])
    result = search_many([("en", "EN", en), ("nl", "NL", nl)], "hoe maak ik mijn software duurzamer")
    assert [(g.corpus_id, g.tier) for g in result.groups] == [("nl", Tier.CORRECTED), ("en", Tier.EXACT)]
    assert result.groups[0].result.corrected_query


def test_scores_are_compared_with_library_wide_statistics(
        search_index_of: Callable[[Sequence[SearchDoc]], SearchIndex]) -> None:
    """A corpus about a subject (the word in most sections: a low idf there) against a larger corpus that mentions
    it once (a high idf there). On their own scores the passing mention wins; with shared statistics the corpus
    about it does, as it should."""
    about = search_index_of([doc("k8s", f"p{i}", f"Kubernetes {i}", "Kubernetes pods, kubernetes services and "
                                 "kubernetes storage. Kubernetes everywhere.") for i in range(8)]
                            + [doc("k8s", "intro", "Intro", ENGLISH)])
    passing = search_index_of([doc("en", "once", "Hosting", "We once tried kubernetes. " + ENGLISH * 3)]
                              + [doc("en", f"m{i}", f"Topic {i}", ENGLISH * 2) for i in range(40)])
    own = {cid: ix.search("kubernetes ").hits[0].score for cid, ix in (("about", about), ("passing", passing))}
    assert own["passing"] > own["about"]  # why the rescaling exists: raw BM25 prefers the passing mention
    for corpora in ([("passing", "P", passing), ("about", "A", about)], [("about", "A", about),
                                                                          ("passing", "P", passing)]):
        result = search_many(corpora, "kubernetes ")
        assert [g.corpus_id for g in result.groups] == ["about", "passing"]
        assert result.groups[0].relevance > result.groups[1].relevance


def test_equal_corpora_keep_the_library_order(search_index_of: Callable[[Sequence[SearchDoc]], SearchIndex]) -> None:
    docs = dutch()
    a, b = search_index_of(docs), search_index_of(docs)
    assert [g.corpus_id for g in search_many([("a", "A", a), ("b", "B", b)], "cloud").groups] == ["a", "b"]
    assert [g.corpus_id for g in search_many([("b", "B", b), ("a", "A", a)], "cloud").groups] == ["b", "a"]


# --- empty query, determinism, JSON -----------------------------------------------------------------------------


def test_empty_query(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    for query in ("", "   ", '"', "-privacy"):
        result = search_many(indexes, query)
        assert not result.found and all(g.tier is Tier.NONE for g in result.groups)
        assert [g.corpus_id for g in result.groups] == ["nl-richtlijnen", "en-docs"]
        assert result.message and result.suggestion is None
    assert search_many(indexes, "").message == "Typ een of meer woorden om te zoeken."
    assert search_many([], "privacy").groups == []


def without_times(d: dict) -> dict:
    d = json.loads(json.dumps(d))
    d.pop("ms")
    for g in d["groups"]:
        g.pop("ms")
    return d


@pytest.mark.parametrize("query", ["privacy", "belied", "toegankelykheid", "cloud kosten", "plugin priv", ""])
def test_deterministic(indexes: list[tuple[str, str, SearchIndex]], query: str) -> None:
    first = without_times(search_many(indexes, query).to_json())
    for _ in range(3):
        assert without_times(search_many(indexes, query).to_json()) == first


def test_json_shape(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    out = search_many(indexes, "belied").to_json()
    json.dumps(out)
    assert set(out) == {"query", "suggestion", "ms", "groups", "unavailable"}
    assert out["query"] == "belied" and out["unavailable"] == []
    first, second = out["groups"]
    assert set(first) == {"corpus_id", "corpus_title", "relevance", "tier", "suggestion", "corrected_query",
                          "partial", "ms", "hits"}
    assert (first["corpus_id"], first["corpus_title"], first["tier"]) == ("en-docs", "English docs", "exact")
    assert (second["tier"], second["suggestion"], second["hits"]) == ("none", None, [])
    hit = first["hits"][0]
    assert set(hit) == {"page", "anchor", "title", "section", "breadcrumb", "snippet_html", "score", "corpus_id",
                        "corpus_title"}
    assert (hit["corpus_id"], hit["corpus_title"], hit["page"]) == ("en-docs", "English docs", "en/history")
    assert "<mark>belied</mark>" in hit["snippet_html"]


# --- LibrarySearch: lazy, kept open, problems per corpus ---------------------------------------------------------


def built(root: Path, docs: list[SearchDoc]) -> Path:
    """An edition-like folder with an index/ inside."""
    build_index(root / "index", docs)
    return root


def test_library_search_opens_lazily_and_keeps_indexes(tmp_path: Path) -> None:
    nl, en = built(tmp_path / "nl", dutch()), built(tmp_path / "en", english())
    with LibrarySearch([("nl", "NL", nl), ("en", "EN", en)]) as lib:
        assert all(e.index is None for e in lib._entries)  # nothing opened before a search
        first = lib.search("privacy")
        assert [g.corpus_id for g in first.groups] == ["en", "nl"] and first.unavailable == []
        opened = lib.index("nl")
        assert opened is not None and lib.index("nl") is opened
        lib.set_corpora([("nl", "Nederlands", nl)])  # en leaves the library; nl stays open, with a new label
        assert lib.index("nl") is opened and lib.index("en") is None and lib.corpus_ids == ["nl"]
        again = lib.search("privacy")
        assert [(g.corpus_id, g.title) for g in again.groups] == [("nl", "Nederlands")]
        assert again.groups[0].hits == first.groups[1].hits


def test_a_broken_index_is_reported_and_the_rest_searched(tmp_path: Path) -> None:
    nl = built(tmp_path / "nl", dutch())
    broken = tmp_path / "broken" / "index"
    broken.mkdir(parents=True)
    (broken / META_FILE).write_text('{"format": -1}')
    with LibrarySearch([("broken", "Kapot", tmp_path / "broken"), ("nl", "NL", nl)]) as lib:
        result = lib.search("beleid")
        assert [g.corpus_id for g in result.groups] == ["nl"] and result.found
        assert [(p.corpus_id, p.title, p.error.code) for p in result.unavailable] == [("broken", "Kapot",
                                                                                        "index-format")]
        assert result.to_json()["unavailable"][0]["code"] == "index-format"
        # not tried again on every keystroke; repaired and listed again, it is
        assert lib.search("beleid").unavailable[0].corpus_id == "broken"
        build_index(broken, english())
        lib.set_corpora([("broken", "Hersteld", tmp_path / "broken"), ("nl", "NL", nl)])
        result = lib.search("privacy")
        assert result.unavailable == [] and {g.corpus_id for g in result.found} == {"broken", "nl"}


def test_results_type(indexes: list[tuple[str, str, SearchIndex]]) -> None:
    assert isinstance(search_many(indexes, "privacy"), LibraryResults)


def test_highlight_terms_of_a_corpus(tmp_path: Path) -> None:
    nl = built(tmp_path / "nl", dutch())
    with LibrarySearch([("nl", "NL", nl)]) as lib:
        assert "toegankelijk" in " ".join(lib.highlight_terms("nl", "toegankelijkheid"))
        assert lib.highlight_terms("elders", "toegankelijkheid") == []
