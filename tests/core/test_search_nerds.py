"""Ranking tests on the real NeRDS corpora (read-only, beside the repository in ../shared/corpora)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.corpus import load_corpus
from reader.core.render import render_page
from reader.core.search import SearchDoc, SearchIndex, build_index, section_docs

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
EDITIONS = ["nerds-2026-03", "nerds-2025-12"]


def corpus_docs(name: str) -> list[SearchDoc]:
    corpus = load_corpus(CORPORA / name)
    docs: list[SearchDoc] = []
    for page in corpus.pages.values():
        docs += section_docs(page, render_page(page, corpus), corpus.breadcrumb(page.id),
                             backlinks=len(corpus.backlinks(page.id)))
    return docs


@pytest.fixture(scope="module", params=EDITIONS)
def nerds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    if not (CORPORA / request.param).is_dir():
        pytest.skip(f"corpus {request.param} not available")
    d = tmp_path_factory.mktemp(request.param) / "index"
    build_index(d, corpus_docs(request.param))
    ix = SearchIndex.open(d)
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
    assert r.suggestion == "toegankelijkheid"
    assert ranked_pages(nerds, r.suggestion)[0] == "richtlijnen/toegankelijkheid"


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


@pytest.mark.parametrize(
    "q", ["toegankelijkheid", "open source", "standaar", "cloud -kosten", "privacy OR avg", "gebruikers beh", "data"]
)
def test_term_at_a_time_path_agrees_with_whoosh(nerds: SearchIndex, q: str) -> None:
    fast = nerds.search(q, limit=30)
    nerds.fast_path = False
    try:
        slow = nerds.search(q, limit=30)
    finally:
        nerds.fast_path = True
    assert [(h.page, h.anchor) for h in fast.hits] == [(h.page, h.anchor) for h in slow.hits]
    assert [h.score for h in fast.hits] == pytest.approx([h.score for h in slow.hits], rel=1e-6)
