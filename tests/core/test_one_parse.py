"""One Markdown pass per page: the parse that renders also yields the headings, ids, links and anchors that the
importer and the link checks use, with the source lines of what it found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.corpus import load_corpus
from reader.core.model import Corpus, Page
from reader.core.render import markdown_pass, render_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_headings_with_lines_and_tricky_blocks():
    body = (
        "# Titel\n\n"  # 0
        "```\n# geen kop\n```\n\n"  # 2-4
        "Setext\n======\n\n"  # 6
        "<div>\n<h2>rauw</h2>\n</div>\n\n"  # 9-11
        "## Titel {#eigen-id}\n\n"  # 13
        "## Titel\n"  # 15
    )
    found = [(h.level, h.anchor, h.text, h.line_index) for h in markdown_pass(body).headings]
    assert found == [
        (1, "titel", "Titel", 0), (1, "setext", "Setext", 6), (2, "eigen-id", "Titel", 13), (2, "titel_1", "Titel", 15)
    ]


def test_links_ids_and_code_from_the_parse():
    body = (
        "[a](a.md) ![b](b.png \"titel\")\n"  # 0
        "`[c](c.md)`\n"  # 1
        "```\n[d](d.md)\n<a href=\"d2.md\">d2</a>\n```\n"  # 2-5
        "<!-- [e](e.md) <a href=\"e2.md\">e2</a> -->\n"  # 6
        "\n<p><a href=\"f.md\" id=\"rauw\">f</a> <img src=\"g.svg\"><a name=\"oud\"></a></p>\n\n"  # 8
        "Zie [ref][r] en[^1] *API*.\n\n"  # 10
        "## Kop { #eigen }\n\n"  # 12
        "Tekst\n{: #alinea }\n\n"  # 14-15
        "[r]: h.md\n"  # 17
        "[^1]: voetnoot, geen link\n"
        "*[API]: Application Programming Interface\n"
    )
    parsed = markdown_pass(body)
    written = [(link.href, link.image, body.count("\n", 0, link.offset)) for link in parsed.links if link.offset >= 0]
    assert written == [("a.md", False, 0), ("b.png", True, 0), ("f.md", False, 8), ("g.svg", True, 8),
                       ("h.md", False, 17)]
    # Links the parse made itself (a footnote and its way back) have no place in the source.
    assert {"#fn:1", "#fnref:1"} <= {link.href for link in parsed.links if link.offset < 0}
    assert {"eigen", "alinea", "rauw", "oud", "fn:1", "fnref:1"} <= parsed.ids
    assert parsed.abbreviations == {"API": "Application Programming Interface"}
    assert "d.md" not in parsed.html.replace("[d](d.md)", "")  # the code example stays code


def test_link_problems_name_file_and_line(tmp_path):
    source = _write(tmp_path, {
        "index.md": (
            "---\ntitle: Start\nsummary: s\n---\n"  # 1-4
            "# Start\n\n"  # 5
            "[weg](weg.md) en [kop](andere.md#nergens)\n"  # 7
            "![plaatje](plaatje.png)\n\n"  # 8
            "```\n[in code](ook-weg.md)\n```\n\n"  # 10-12
            "<a href=\"javascript:alert(1)\">x</a> [eigen](#bestaat-niet)\n\n"  # 14
            "Voetnoot[^1] en [ref][r].\n\n"  # 16
            "[^1]: tekst\n"  # 18
            "[r]: andere.md#Tweede-Kop\n"  # 19
        ),
        "andere.md": "---\ntitle: A\nsummary: a\n---\n# A\n\n## Tweede kop\n",
    })
    corpus = load_corpus(source)
    found = sorted((p.code, p.file, p.line) for p in corpus.problems)
    assert found == [
        ("anchor-missing", "index.md", 7),
        ("anchor-missing", "index.md", 14),
        ("anchor-missing", "index.md", 19),
        ("image-missing", "index.md", 8),
        ("link-missing", "index.md", 7),
        ("link-unsafe", "index.md", 14),
    ]
    suggestion = next(p for p in corpus.problems if p.line == 19)
    assert "did you mean 'tweede-kop'" in suggestion.message


def test_links_in_snippets_point_at_the_included_file(tmp_path):
    source = _write(tmp_path, {
        "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [docs]\n",
        "docs/index.md": "---\ntitle: S\nsummary: s\n---\n# S\n\n--8<-- \"stuk.md\"\n",
        "docs/stuk.md": "Regel een.\n\n[kapot](kapot.md)\n",
    })
    problems = [(p.code, p.file, p.line) for p in load_corpus(source).problems]
    assert ("link-missing", "docs/stuk.md", 3) in problems


def test_placeholders_in_code_are_not_placeholders(tmp_path):
    source = _write(tmp_path, {
        "index.md": (
            "---\ntitle: S\nsummary: s\n---\n"
            "```html\n<div class=\"action-cards\" data-richtlijn=\"x\"></div>\n```\n\n"
            "<div class=\"action-cards\" data-richtlijn=\"y\"></div>\n"
        ),
    })
    problems = [(p.code, p.line) for p in load_corpus(source).problems]
    assert problems == [("actions-registry-missing", 9)]


def test_the_importer_parses_and_the_build_does_not_parse_again(tmp_path, monkeypatch):
    corpus = load_corpus(FIXTURES / "handboek")
    assert all(page.html for page in corpus.pages.values())

    def no_second_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("Markdown parsed a second time")

    import reader.core.render.page as page_module

    monkeypatch.setattr(page_module, "markdown_pass", no_second_parse)
    for page in corpus.pages.values():
        assert render_page(page, corpus).html


def test_real_nerds_ids_are_the_ids_the_html_carries():
    source = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "nerds-2026-03"
    if not source.is_dir():
        pytest.skip(f"{source} missing")
    corpus = load_corpus(source)
    for page in corpus.pages.values():
        html_ids = set(re.findall(r'\bid="([^"]+)"', render_page(page, corpus).html))
        assert {h.anchor for h in page.headings} <= html_ids, page.id


# Random documents built from the constructs that decide what is a heading and what its id is.
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
    st.just("<!--\nzin\n-->"),
    st.just("[^1]: voetnoot\n    zin erin"),
)
_DOC = st.lists(_LINE, max_size=14).map("\n".join)


def _corpus_of(body: str) -> tuple[Page, Corpus]:
    parsed = markdown_pass(body)
    page = Page(id="p", path="p.md", title="P", summary="", body=body, body_line=1, html=parsed.html, ids=parsed.ids)
    corpus = Corpus(root=Path("."), docs_dir=Path("."), title="C", pages={"p": page})
    return page, corpus


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC)
def test_the_one_parse_yields_the_ids_the_html_carries(body):
    parsed = markdown_pass(body)
    page, corpus = _corpus_of(body)
    rendered = render_page(page, corpus)
    html_ids = re.findall(r'\bid="([^"]+)"', rendered.html)
    # Every heading the parse found is in the page with that id, in that order, at that level.
    outline = [(h.level, h.anchor) for h in rendered.headings]
    found = [(h.level, h.anchor) for h in parsed.headings]
    assert [pair for pair in outline if pair in found] == found
    # Every id the links are checked against is one the page carries (sanitizing keeps ids).
    assert {h.anchor for h in parsed.headings} <= set(html_ids)


def test_slugify_and_unique_as_toc_does():
    from reader.core.corpus import slugify_heading
    from reader.core.corpus.headings import unique_anchor

    assert slugify_heading("Über & café: tëkst!") == "uber-cafe-tekst"
    assert slugify_heading("1. Stel gebruikersbehoeften vast") == "1-stel-gebruikersbehoeften-vast"
    used: set[str] = set()
    assert [unique_anchor("kop", used) for _ in range(3)] == ["kop", "kop_1", "kop_2"]


def test_shortcodes_in_headings():
    body = "## :tada: Feest\n\n## :material-cloud: Wolk\n\n### :onbekend: code\n"
    assert [h.anchor for h in markdown_pass(body).headings] == ["feest", "wolk", "onbekend-code"]


def test_a_paragraph_of_unclosed_brackets_is_refused_quickly(tmp_path):
    import time

    source = _write(tmp_path, {
        "index.md": "---\ntitle: S\nsummary: s\n---\n# S\n\nGewone tekst [met](a.md) haken.\n",
        "haken.md": "# Haken\n\nInleiding.\n\n" + "\n".join("[a" * 1000 for _ in range(50)) + "\n",
    })
    start = time.perf_counter()
    corpus = load_corpus(source)
    assert time.perf_counter() - start < 10  # Python-Markdown alone needs many minutes for this page
    assert [(p.code, p.file, p.line) for p in corpus.errors] == [("brackets-unclosed", "haken.md", 5)]
    assert set(corpus.pages) == {"index"}
