"""Ranking tests on the real NeRDS corpora (read-only, beside the repository in ../shared/corpora)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import paths
from reader.core.corpus import load_corpus
from reader.core.render import icon_set, render_page
from reader.core.search import SearchDoc, SearchIndex, build_index, section_docs

ICONS = icon_set(paths.icons_dir())
CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
EDITIONS = ["nerds-2026-03", "nerds-2025-12"]


def corpus_docs(name: str) -> list[SearchDoc]:
    corpus = load_corpus(CORPORA / name)
    docs: list[SearchDoc] = []
    for page in corpus.pages.values():
        docs += section_docs(page, render_page(page, corpus, ICONS), corpus.breadcrumb(page.id),
                             backlinks=len(corpus.backlinks(page.id)))
    return docs


@pytest.fixture(scope="module", params=EDITIONS)
def nerds_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[list[SearchDoc], Path]:
    if not (CORPORA / request.param).is_dir():
        pytest.skip(f"corpus {request.param} not available")
    docs = corpus_docs(request.param)
    d = tmp_path_factory.mktemp(request.param) / "index"
    build_index(d, docs)
    return docs, d


@pytest.fixture(scope="module")
def nerds(nerds_build: tuple[list[SearchDoc], Path]) -> SearchIndex:
    ix = SearchIndex.open(nerds_build[1])
    yield ix
    ix.close()


def ranked_pages(ix: SearchIndex, q: str) -> list[str]:
    return list(dict.fromkeys(h.page for h in ix.search(q, limit=50).hits))


@pytest.mark.parametrize(
    "q, page",
    [
        ("toegankelijkheid", "richtlijnen/toegankelijkheid"),
        ('"open source"', "richtlijnen/open-source"),
        ("open source", "richtlijnen/open-source"),
        ("opensource", "richtlijnen/open-source"),
        ("privacy", "richtlijnen/privacy"),
        ("cloud", "richtlijnen/cloud"),
        ("algoritme", "richtlijnen/algoritmen"),
        ("duurzaam", "richtlijnen/duurzaamheid"),
        ("beveiliging", "richtlijnen/veiligheid"),
        ("inclusie", "richtlijnen/toegankelijkheid"),
        ("cookies", "Over-NeRDS/cookies"),
        ("kwetsbaarheid melden", "Over-NeRDS/kwetsbaarheid-melden"),
        ("open standaarden", "richtlijnen/open-standaarden"),
    ],
)
def test_best_answer_first(nerds: SearchIndex, q: str, page: str) -> None:
    assert ranked_pages(nerds, q)[0] == page


def test_standaard_finds_open_standards_in_top_3(nerds: SearchIndex) -> None:
    assert "richtlijnen/open-standaarden" in ranked_pages(nerds, "standaard")[:3]


def test_title_match_lands_on_the_intro(nerds: SearchIndex) -> None:
    hit = nerds.search("toegankelijkheid").hits[0]
    assert (hit.page, hit.anchor) == ("richtlijnen/toegankelijkheid", "")
    assert "<mark>" in hit.snippet_html


def test_phrase_is_a_phrase(nerds: SearchIndex) -> None:
    r = nerds.search('"open source"', limit=50)
    assert r.hits and not r.partial
    assert "<mark>open</mark> <mark>source</mark>" in r.hits[0].snippet_html.lower()
    assert len(nerds.search('"source open"').hits) < len(r.hits)


def test_compound_part_finds_compound(nerds: SearchIndex) -> None:
    compound = {(h.page, h.anchor) for h in nerds.search("informatiebeveiliging", limit=500, per_page=500).hits}
    part = {(h.page, h.anchor) for h in nerds.search("beveiliging", limit=500, per_page=500).hits}
    assert compound and compound <= part


def test_typo_suggestion(nerds: SearchIndex) -> None:
    r = nerds.search("toegankelijkhied")
    assert r.corrected_query == "toegankelijkheid"
    assert ranked_pages(nerds, "toegankelijkhied")[0] == "richtlijnen/toegankelijkheid"
    assert nerds.search("toegankelijkhied", correct=False).suggestion == "toegankelijkheid"


def test_as_you_type_prefixes_find_forms(nerds: SearchIndex) -> None:
    for prefix in ("toegankelijk", "toegankel", "standaar"):
        assert ranked_pages(nerds, prefix), prefix
    assert "richtlijnen/open-standaarden" in ranked_pages(nerds, "standaar")[:3]
    assert ranked_pages(nerds, "toegankel")[0] == "richtlijnen/toegankelijkheid"


def test_latency_is_small(nerds: SearchIndex) -> None:
    for q in ("toegankelijkheid", "open source", "standaar", "cloud -kosten", '"open standaarden"'):
        nerds.search(q)
    # Best of three per query (other work on a shared machine must not fail this); generous: the benchmark holds
    # the real targets, this only catches a pathological query plan.
    worst = max(min(nerds.search(q).ms for _ in range(3))
                for q in ("toegankelijkheid", "open source", "standaar", "cloud -kosten", "toegankelijkhied"))
    assert worst < 100


def test_index_is_at_most_twice_the_indexed_text(nerds_build: tuple[list[SearchDoc], Path]) -> None:
    """Issue 5: index size on disk at most 2x the text it indexes. Indexed text as the benchmark counts it: the
    UTF-8 sizes of the section texts, section titles and page titles given to build_index. Every file counts."""
    docs, d = nerds_build
    text = sum(len(x.text.encode()) + len(x.section_title.encode()) + len(x.page_title.encode()) for x in docs)
    size = sum(p.stat().st_size for p in d.rglob("*") if p.is_file())
    assert text > 20_000  # the real corpus, not an empty stand-in
    assert size <= 2 * text, f"index {size} bytes for {text} bytes of text ({size / text:.2f}x)"


def test_title_filters_combine_with_the_search_field(nerds: SearchIndex) -> None:
    """`titel:` leaves are evaluated by Whoosh, the rest outside it: combined, the result is exactly the sections
    both find (the page title is indexed in a page's first section, so some combinations find nothing)."""
    def found(q: str) -> set[tuple[str, str]]:
        r = nerds.search(q, limit=500, per_page=1000)
        return set() if r.partial else {(h.page, h.anchor) for h in r.hits}

    combined = 0
    for q in ("open source", "privacy OR avg", "gebruikers behoeften", "cloud -kosten", '"open standaarden"',
              "data"):
        best = nerds.search(q, limit=1).hits
        assert best
        word = max((w for w in best[0].title.split() if w.isalpha()), key=len)
        both = found(f"{q} titel:{word}")
        assert both == found(q) & found(f"titel:{word}")
        combined += bool(both)
    assert combined >= 3
