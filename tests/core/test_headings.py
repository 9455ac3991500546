"""Heading ids must equal what Python-Markdown's `toc` produces with the full MkDocs Material extension set."""

from __future__ import annotations

import html
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.corpus import load_corpus
from reader.core.corpus.headings import (
    ICON_SHORTCODE,
    extract_headings,
    heading_markdown_kwargs,
    slugify_heading,
    toc_headings,
    unique_anchor,
)

REPO = Path(__file__).resolve().parents[2]
CORPORA = [REPO.parent / "shared" / "corpora" / name for name in ("nerds-2026-03", "nerds-2025-12")]
FIXTURES = [REPO / "tests" / "fixtures" / "corpora" / name for name in ("handboek", "broken")]


_INSTANCES: dict[str, markdown.Markdown] = {}


def _cached(name: str, factory) -> markdown.Markdown:
    if name not in _INSTANCES:
        _INSTANCES[name] = factory()
    return _INSTANCES[name]


def reference(body: str) -> list[tuple[int, str, str]]:
    """What an unmodified Markdown + toc run gives (no shortcuts; reset between documents)."""
    md = _cached("reference", lambda: markdown.Markdown(**heading_markdown_kwargs()))
    md.reset()
    md.convert(body)

    def flat(tokens):
        for token in tokens:
            yield (token["level"], token["id"], html.unescape(token["name"]))
            yield from flat(token["children"])

    return list(flat(md.toc_tokens))


@pytest.mark.parametrize("source", CORPORA + FIXTURES, ids=lambda p: p.name)
def test_ids_equal_full_markdown_for_every_page(source):
    if not source.is_dir():
        pytest.skip(f"{source} missing")
    corpus = load_corpus(source)
    assert corpus.pages
    for page in corpus.pages.values():
        expected = reference(page.body)
        assert [(h.level, h.anchor, h.text) for h in page.headings] == expected, page.id


def test_slugify_and_unique():
    assert slugify_heading("Über & café: tëkst!") == "uber-cafe-tekst"
    assert slugify_heading("1. Stel gebruikersbehoeften vast") == "1-stel-gebruikersbehoeften-vast"
    used: set[str] = set()
    assert [unique_anchor("kop", used) for _ in range(3)] == ["kop", "kop_1", "kop_2"]


def test_extract_headings_lines_and_tricky_blocks():
    body = (
        "# Titel\n\n"  # 1
        "```\n# geen kop\n```\n\n"  # 3-5
        "Setext\n======\n\n"  # 7
        "<div>\n<h2>rauw</h2>\n</div>\n\n"  # 10-12
        "## Titel {#eigen-id}\n\n"  # 14
        "## Titel\n"  # 16
    )
    result = [(h.level, h.anchor, h.line) for h in extract_headings(body, body_line=5)]
    assert result == [(1, "titel", 5), (1, "setext", 11), (2, "eigen-id", 18), (2, "titel_1", 20)]


# Random documents built from the constructs that decide what is a heading.
_WORDS = st.sampled_from([
    "Kop", "kop", "Één", "café", "1.", "data", "API", "&amp;", "`code`", "**vet**", "[link](x.md)", "[^1]", "_x_",
    "<b>b</b>", "{#id}", "{: .klasse}", "#", "::", "--", ":tada:", ":material-cloud:", ":fontawesome-solid-house:",
    ":nope:", "🎉",
])
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)
_LINE = st.one_of(
    _TEXT,
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 7), _TEXT),
    st.builds(lambda t: t + "\n" + "=" * 3, _TEXT),
    st.builds(lambda t: t + "\n" + "-" * 3, _TEXT),
    st.just("```"),
    st.just("~~~"),
    st.just("    ## ingesprongen"),
    st.builds(lambda t: '!!! note "T"\n    ## ' + t, _TEXT),
    st.builds(lambda t: '??? tip "T"\n    ### ' + t, _TEXT),
    st.builds(lambda t: '=== "Tab"\n\n    ## ' + t, _TEXT),
    st.builds(lambda t: "<div markdown>\n## " + t + "\n</div>", _TEXT),
    st.builds(lambda t: "<div>\n## " + t + "\n</div>", _TEXT),
    st.builds(lambda t: "> ## " + t, _TEXT),
    st.builds(lambda t: "- item\n## " + t, _TEXT),
    st.just("[^1]: voetnoot"),
    st.just("*[API]: Application Programming Interface"),
    st.just("| a | b |\n| - | - |\n| c | d |"),
    st.just(""),
    st.just("Gewone zin met woorden, komma's en (haakjes) of 1. getallen!"),
    st.just("   Ingesprongen zin"),
    st.just("Zin met * ster en _ streep"),
    st.just("a | b\n--- | ---\nc | d"),
    st.just(":---"),
    st.just("- - -"),
    st.just("Tekst\n   ==="),
    st.just("<!--\nzin\n-->"),
    st.just("<div\nclass=\"x\">\nzin\n</div>"),
    st.just("[^1]: voetnoot\n    zin erin"),
)
_DOC = st.lists(_LINE, max_size=14).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC)
def test_fast_path_equals_full_markdown(body):
    assert toc_headings(body) == reference(body)


def renderer_ids(body: str) -> list[tuple[int, str]]:
    from reader.core.render.markdown_setup import make_markdown

    md = _cached("renderer", make_markdown)
    md.reset()
    md.convert(body)

    def flat(tokens):
        for token in tokens:
            yield (token["level"], token["id"])
            yield from flat(token["children"])

    return list(flat(md.toc_tokens))


def test_same_icon_pattern_as_the_renderer():
    from reader.core.render import markdown_setup

    assert ICON_SHORTCODE == markdown_setup.ICON_SHORTCODE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC)
def test_ids_equal_the_renderers_markdown(body):
    assert [(level, anchor) for level, anchor, _ in toc_headings(body)] == renderer_ids(body)


def test_shortcodes_in_headings():
    body = "## :tada: Feest\n\n## :material-cloud: Wolk\n\n### :onbekend: code\n"
    assert [a for _, a, _ in toc_headings(body)] == ["feest", "wolk", "onbekend-code"]
    assert [a for _, a in renderer_ids(body)] == ["feest", "wolk", "onbekend-code"]
