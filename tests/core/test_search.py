"""Search engine tests on a small corpus written for these tests (no corpus text copied)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.search import (
    INDEX_FORMAT_VERSION,
    META_FILE,
    IndexFormatError,
    SearchDoc,
    SearchIndex,
    analyze,
    build_index,
    dutch,
    index_format,
    make_snippet,
    query,
    word_matches,
)


def doc(page: str, anchor: str, title: str, section: str, text: str, summary: str = "", **filters: str) -> SearchDoc:
    return SearchDoc(page, anchor, title, section, ("Richtlijnen",), summary, text, dict(filters))


DOCS = [
    doc("beveiliging", "", "Maak veilige systemen", "", "Informatiebeveiliging begint bij het ontwerp. Versleutel "
        "gegevens en beheer sleutels zorgvuldig.", summary="Veiligheid vanaf het begin.", fase="ontwerp"),
    doc("beveiliging", "wachtwoorden", "Maak veilige systemen", "Wachtwoorden", "Gebruik een wachtwoordbeheerder en "
        "tweestapsverificatie voor alle beheerders.", fase="ontwerp"),
    doc("toegankelijk", "", "Zorg voor toegankelijkheid", "", "Toegankelijkheid betekent dat iedereen de dienst kan "
        "gebruiken, ook met een beperking. Test met schermlezers.", summary="Digitale diensten voor iedereen.",
        fase="bouw"),
    doc("toegankelijk", "categorieen", "Zorg voor toegankelijkheid", "Categorieën van beperkingen", "Er zijn "
        "visuele, auditieve en motorische categorieën. Technologieën helpen daarbij.", fase="bouw"),
    doc("standaarden", "", "Gebruik open standaarden", "", "Open standaarden maken uitwisseling mogelijk. "
        "Standaardisatie voorkomt dat je vastzit aan een leverancier.", summary="Kies een open standaard."),
    doc("standaarden", "lijst", "Gebruik open standaarden", "De lijst", "De lijst met verplichte standaarden wordt "
        "beheerd door een forum. Organisaties volgen de lijst of leggen uit waarom niet."),
    doc("bron", "", "Werk met open source", "", "Publiceer broncode als opensourcesoftware. Open source werken "
        "vraagt een licentie en een beheerder.", summary="Code is openbaar."),
    doc("bron", "licenties", "Werk met open source", "Licenties", "Kies een licentie zoals de EUPL. Source code "
        "zonder licentie mag niemand hergebruiken."),
    doc("wolk", "", "Kies de cloud bewust", "", "Cloudopslag vraagt om een exitstrategie en afspraken over "
        "beveiliging van gegevens in het datacenter.", summary="Cloud met verstand."),
    doc("wolk", "kosten", "Kies de cloud bewust", "Kosten", "Houd de kosten van opslag en rekenkracht in de gaten."),
]


@pytest.fixture(scope="module")
def index(search_index_of: Callable[[list[SearchDoc]], SearchIndex]) -> SearchIndex:
    return search_index_of(DOCS)


def pages(result) -> list[str]:
    return list(dict.fromkeys(h.page for h in result.hits))


# --- analysis ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("standaard", "standaarden"),
        ("richtlijn", "richtlijnen"),
        ("systeem", "systemen"),
        ("organisatie", "organisaties"),
        ("technologie", "technologieën"),
        ("categorieën", "categorieen"),
        ("Gebruiker", "gebruikers"),
        ("toegankelijke", "toegankelijkheid"),
        ("algoritme", "algoritmes"),
        ("algoritmen", "algoritmes"),
        ("website", "websites"),
    ],
)
def test_stemming_pairs_meet(a: str, b: str) -> None:
    assert analyze(a) == analyze(b)


def test_different_words_stay_apart() -> None:
    assert analyze("beleid") != analyze("beheer")
    assert analyze("standaard") != analyze("staand")
    assert analyze("adres") == ["adres"] and analyze("proces") == ["proces"]  # their s is not a plural


def test_fold_keeps_length_and_strips_accents() -> None:
    for s in ("Categorieën", "ÉÉN café", "İstanbul", "persona’s"):
        assert len(dutch.fold(s)) == len(s)
    assert dutch.fold("Categorieën") == "categorieen"
    assert dutch.fold("Café") == "cafe"


def test_stop_words_are_dropped() -> None:
    assert analyze("hoe pas je het toe") == analyze("pas toe")
    assert analyze("de en van het een") == []


def test_decompounding_against_vocabulary() -> None:
    vocab = {"informatie", "beveiliging", "open", "source", "software", "veiligheid", "beleid", "ver", "werking"}
    d = dutch.Decompounder(vocab.__contains__)
    assert d.split("informatiebeveiliging") == ("informatie", "beveiliging")
    assert d.split("opensourcesoftware") == ("open", "source", "software")
    assert d.split("veiligheidsbeleid") == ("veiligheid", "beleid")  # linking s
    assert d.split("verwerking") is None  # particles are not parts
    assert d.split("toegankelijkheid") is None
    assert d.split("x" * 1000) is None


def test_decompounding_cost_is_bounded() -> None:
    vocab = {"aaa", "aaaa", "aaaaa"}
    d = dutch.Decompounder(vocab.__contains__)
    t = time.perf_counter()
    d.split("a" * 40)
    assert time.perf_counter() - t < 0.5


# --- query language ---------------------------------------------------------------------------------------------


def test_parse_operators() -> None:
    p = query.parse('cloud "open source" -kosten titel:veilig a OR b', as_you_type=False)
    texts = [[c.text for c in g] for g in p.groups]
    assert texts == [["cloud"], ["open source"], ["veilig"], ["a", "b"]]
    assert p.groups[1][0].phrase
    assert p.groups[2][0].field == "titel"
    assert [c.text for c in p.excluded] == ["kosten"]


def test_parse_prefix_only_for_last_word_while_typing() -> None:
    p = query.parse("open stan")
    assert [c.prefix for g in p.groups for c in g] == [False, True]
    assert not query.parse("open stan ").groups[-1][0].prefix
    assert query.parse("stan*", as_you_type=False).groups[0][0].prefix


def test_parse_filters_only_for_known_keys() -> None:
    p = query.parse("fase:ontwerp sleutel", filter_keys={"fase"})
    assert p.filters == (("fase", "ontwerp"),)
    p = query.parse("http://example.org", filter_keys={"fase"})
    assert p.groups and not p.filters


# --- search -----------------------------------------------------------------------------------------------------


def test_format_version_recorded(tmp_path: Path, index: SearchIndex) -> None:
    d = tmp_path / "i"
    build_index(d, DOCS[:2])
    assert index_format(d) == INDEX_FORMAT_VERSION


def test_plain_word_finds_stemmed_forms(index: SearchIndex) -> None:
    r = index.search("standaard")
    assert pages(r)[0] == "standaarden"
    assert any("<mark>" in h.snippet_html for h in r.hits)


def test_compound_part_finds_compound(index: SearchIndex) -> None:
    r = index.search("informatie", limit=5)
    assert "beveiliging" in pages(r)
    r = index.search("wachtwoord", limit=5)  # part of wachtwoordbeheerder
    assert pages(r)[0] == "beveiliging"


def test_phrase_matches_compound_and_hyphen(index: SearchIndex) -> None:
    r = index.search('"open source"')
    assert pages(r)[0] == "bron"
    assert not index.search('"source open"').hits


def test_accent_folding_in_queries(index: SearchIndex) -> None:
    a = index.search("categorieen")
    b = index.search("Categorieën")
    assert [h.anchor for h in a.hits] == [h.anchor for h in b.hits] and a.hits


def test_derivation_base(index: SearchIndex) -> None:
    r = index.search("standaard")
    assert any("Standaardisatie</mark>" in h.snippet_html for h in r.hits)


def test_exclusion(index: SearchIndex) -> None:
    assert "wolk" in pages(index.search("gegevens"))
    r = index.search("gegevens -cloud")
    assert "wolk" not in pages(r) and r.hits


def test_or(index: SearchIndex) -> None:
    r = index.search("licentie OR wachtwoordbeheerder", limit=50)
    assert {"bron", "beveiliging"} <= set(pages(r))


def test_field_filters(index: SearchIndex) -> None:
    r = index.search("titel:cloud", limit=50)
    assert pages(r) == ["wolk"]
    r = index.search("sectie:kosten", limit=50)
    assert [(h.page, h.anchor) for h in r.hits] == [("wolk", "kosten")]
    r = index.search("fase:bouw beperking", limit=50)
    assert pages(r) == ["toegankelijk"]


def test_prefix_as_you_type_finds_forms(index: SearchIndex) -> None:
    r = index.search("toeganke")
    assert pages(r)[0] == "toegankelijk"
    r = index.search("wachtw")
    assert pages(r)[0] == "beveiliging"


def test_all_words_else_partial(index: SearchIndex) -> None:
    r = index.search("licentie eupl")
    assert not r.partial and pages(r) == ["bron"]
    r = index.search("licentie zeppelin")
    assert r.partial and pages(r)[0] == "bron"
    assert r.message


def test_typo_is_searched_as_its_correction(index: SearchIndex) -> None:
    r = index.search("toegankelijkhied")
    assert r.corrected_query == "toegankelijkheid" and r.suggestion is None and pages(r)[0] == "toegankelijk"
    r2 = index.search("licentie beveilgiing")
    assert r2.corrected_query == "licentie beveiliging"
    assert index.search("toegankelijkheid").corrected_query is None
    # asked for as typed: nothing, and the old "Bedoelde je" suggestion
    r3 = index.search("toegankelijkhied", correct=False)
    assert r3.hits == [] and r3.corrected_query is None and r3.suggestion == "toegankelijkheid"


def test_grouped_by_page(index: SearchIndex) -> None:
    r = index.search("open", limit=50)
    seen: list[str] = []
    for h in r.hits:
        if seen and seen[-1] != h.page:
            assert h.page not in seen, "hits of one page must be adjacent"
        seen.append(h.page)


def test_snippet_escapes_html() -> None:
    s = make_snippet("<script>alert(1)</script> de standaard & meer", ["standaard"])
    assert "<script>" not in s and "&lt;script&gt;" in s and "<mark>standaard</mark>" in s
    assert make_snippet("", ["x"]) == ""


def test_word_matching_rule() -> None:
    assert word_matches("informatiebeveiliging", ["beveil"])
    assert word_matches("standaarden", ["standaard"])
    assert not word_matches("beleid", ["beveil"])


def test_highlight_terms(index: SearchIndex) -> None:
    terms = index.highlight_terms('standaarden "open source" -kosten')
    assert "standaard" in terms and "open" in terms and "sourc" in terms
    assert not any(t.startswith("kost") for t in terms)


def test_json_shape(index: SearchIndex) -> None:
    d = index.search("cloud").to_json()
    assert set(d) == {"query", "suggestion", "corrected_query", "partial", "ms", "hits", "filters"}
    assert set(d["hits"][0]) == {"page", "anchor", "title", "section", "breadcrumb", "snippet_html", "score"}
    json.dumps(d)


HOSTILE = [
    "",
    "   ",
    '"',
    '"open source',
    "open source\"",
    "((((",
    "))]]",
    "OR",
    "OR OR OR",
    "-",
    "- - -",
    "*",
    "**",
    "AND NOT",
    "titel:",
    'titel:"',
    "fase:",
    ":",
    "\x00\x01\x02\x1b[31m",
    "open\x00source",
    "a" * 10_000,
    "open " * 2_000,
    '"' + "open standaarden " * 40 + '"',
    "-open -standaarden -cloud",
    "ë" * 3000,
    "\ud800",
    "𝕠𝕡𝕖𝕟 🙂",
    "-\"\"",
    "^~!?\\/|&",
    "NOT",
    "de het een",
    "%s %d {0} ${x}",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_never_raises_or_hangs(index: SearchIndex, q: str) -> None:
    t = time.perf_counter()
    r = index.search(q)
    assert time.perf_counter() - t < 2.0
    assert isinstance(r.hits, list)
    json.dumps(r.to_json())
    index.highlight_terms(q)
    if not r.hits:
        assert r.message


def test_open_rejects_missing_and_mismatched(tmp_path: Path) -> None:
    with pytest.raises(IndexFormatError):
        SearchIndex.open(tmp_path / "nope")
    d = tmp_path / "i"
    build_index(d, DOCS[:3])
    meta = json.loads((d / META_FILE).read_text())
    meta["format"] = INDEX_FORMAT_VERSION + 1
    (d / META_FILE).write_text(json.dumps(meta))
    with pytest.raises(IndexFormatError):
        SearchIndex.open(d)


def test_open_rejects_corrupt(tmp_path: Path) -> None:
    d = tmp_path / "i"
    build_index(d, DOCS)
    for f in d.iterdir():
        if f.name != META_FILE:
            f.write_bytes(b"\x00garbage")
    with pytest.raises(IndexFormatError):
        SearchIndex.open(d)


def test_empty_corpus(tmp_path: Path) -> None:
    build_index(tmp_path / "i", [])
    with SearchIndex.open(tmp_path / "i") as ix:
        r = ix.search("toegankelijkheid")
        assert r.hits == [] and r.suggestion is None and r.message


def test_huge_section_is_fine(tmp_path: Path) -> None:
    text = ("Een lange sectie over open standaarden en informatiebeveiliging. " * 20_000)
    build_index(tmp_path / "i", [doc("groot", "", "Groot", "", text)])
    with SearchIndex.open(tmp_path / "i") as ix:
        t = time.perf_counter()
        r = ix.search('"open standaarden" beveiliging')
        assert r.hits and "<mark>" in r.hits[0].snippet_html
        assert time.perf_counter() - t < 2.0


# --- the search field's own postings (kept outside Whoosh for size) ------------------------------------------------


def test_postings_round_trip_all_encodings(tmp_path: Path) -> None:
    from reader.core.search.postings import WEIGHT_UNIT, _Postings, _PostingsWriter

    w = _PostingsWriter()
    # Document numbers far apart (two- and four-byte deltas) and weights from one to four bytes.
    docs = [0, 3, 300, 70_000, 70_001]
    for n in range(docs[-1] + 1):
        if n in docs:
            w.add(n, [("vaak", 0, 1.0)] + [("zwaar", 0, 1.5)] * (n + 1) + [("ook", 0, 0.5)])
        else:
            w.add(n, [])
    w.write(tmp_path)
    p = _Postings(tmp_path, docs[-1] + 1)
    assert p.terms == ["ook", "vaak", "zwaar"] and p.df("zwaar") == 5 and p.df("nooit") == 0 and p.find("a") == -1
    ids, units = p.postings(p.find("zwaar"))
    assert ids == docs and [u * WEIGHT_UNIT for u in units] == [1.5 * (n + 1) for n in docs]
    ids, units = p.postings(p.find("ook"))
    assert ids == docs and list(units) == [1] * 5
    assert p.length_bytes[0] == 3 and p.length_bytes[1] == 0  # small lengths are exact bytes
    p.close()


def test_term_scores_are_whooshs_bm25f(tmp_path: Path) -> None:
    """Scores computed by hand with Whoosh's BM25F (B=0.75, K1=1.2, idf = log(N / (df + 1)) + 1)."""
    from whoosh import query as wq

    from reader.core.search.analysis import LEAD_TITLE_BOOST, SEARCH_FIELD, stem

    docs = [SearchDoc("a", "", "Alfa", "", (), "", "boom boom huis", {}),
            SearchDoc("b", "", "Beta", "", (), "", "boom fiets", {}),
            SearchDoc("c", "", "Gamma", "", (), "", "water", {})]
    build_index(tmp_path / "i", docs)
    with SearchIndex.open(tmp_path / "i") as ix:
        scores = ix._scores(wq.Term(SEARCH_FIELD, stem("boom")))
        title = ix._scores(wq.Term(SEARCH_FIELD, stem("alfa")))
    # Lengths 4, 3 and 2 words (average 3); "boom" in 2 of 3 sections: idf = log(3 / 3) + 1 = 1.
    assert scores == pytest.approx({0: 2.2 * 2 / (2 + 1.2 * (0.25 + 0.75 * 4 / 3)), 1: 2.2 * 1 / (1 + 1.2)})
    idf = __import__("math").log(3 / 2) + 1
    w = LEAD_TITLE_BOOST
    assert title == pytest.approx({0: idf * 2.2 * w / (w + 1.2 * (0.25 + 0.75 * 4 / 3))})


def test_damaged_postings_are_reported_or_harmless(tmp_path: Path) -> None:
    from reader.core.search.postings import POSTINGS_FILE, TERMINFO_FILE

    d = tmp_path / "i"
    build_index(d, DOCS)
    (d / POSTINGS_FILE).write_bytes(b"\x00")  # truncated: searching must not raise
    with SearchIndex.open(d) as ix:
        r = ix.search("toegankelijkheid")
        assert isinstance(r.hits, list)
    (d / TERMINFO_FILE).write_bytes(b"garbage")
    with pytest.raises(IndexFormatError):
        SearchIndex.open(d)


def test_and_evaluates_the_rarest_clause_first(index: SearchIndex) -> None:
    """The size estimates that order an And: a word's document frequency, summed over the forms of a word (a
    DisjunctionMax is not a Whoosh Or: it once estimated 0 and was evaluated first, unrestricted)."""
    from whoosh import query as wq

    from reader.core.search.analysis import SEARCH_FIELD, stem
    from reader.core.search.matchers import DisMax

    df = {w: index._text.df(stem(w)) for w in ("open", "standaarden", "licentie")}
    assert all(df.values())
    forms = DisMax([wq.Term(SEARCH_FIELD, stem("open")), wq.Term(SEARCH_FIELD, stem("licentie"))])
    assert index._estimate(forms) == df["open"] + df["licentie"]
    assert index._estimate(wq.And([forms, wq.Term(SEARCH_FIELD, stem("standaarden"))])) == min(
        df["open"] + df["licentie"], df["standaarden"])
    assert index._estimate(wq.Term(SEARCH_FIELD, "nergens")) == 0
