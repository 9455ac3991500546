"""A valid hand-written MkDocs corpus and a plain folder: everything the importer must understand."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.corpus import (
    UNLISTED_SECTION_TITLE,
    UnknownTag,
    find_placeholders,
    load_corpus,
    read_mkdocs_config,
)
from reader.core.model import INFO, LINK, RELATION, WARNING, Edge

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"


def _write_tree(root: Path, files: dict[str, str]) -> None:
    """Writes each text at its relative path under root, folders included."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def handboek():
    return load_corpus(FIXTURES / "handboek")


def test_clean_import(handboek):
    # Only what mkdocs.yml asks for and the reader does not run: its hook (never) and the search plugin (its own).
    assert {(p.severity, p.code, p.line) for p in handboek.problems} == {
        (WARNING, "mkdocs-hook", 37), (INFO, "mkdocs-plugin", 35),
    }
    assert handboek.title == "Proefhandboek digitale diensten"
    assert handboek.language == "nl"


def test_ids_paths_and_reading_order(handboek):
    assert list(handboek.pages) == [
        "index",
        "richtlijnen",
        "richtlijnen/toegang",
        "richtlijnen/open-data",
        "richtlijnen/open-data/stappen",
        "over",
        "over/niet-in-nav",
    ]
    assert handboek.pages["richtlijnen/toegang"].path == "richtlijnen/toegang/index.md"
    assert handboek.page_by_path("over/niet-in-nav.md").id == "over/niet-in-nav"


def test_front_matter(handboek):
    start = handboek.pages["index"]
    assert start.title == "Proefhandboek"
    assert start.summary == "Een klein handboek om de lezer mee te testen."
    assert start.metadata == {"tags": ["test", "voorbeeld"], "versie": 3}
    assert start.body_line == 7
    toegang = handboek.pages["richtlijnen/toegang"]
    assert toegang.aliases == ("toegang",)
    assert toegang.relations == ("open-data", "richtlijnen/open-data/stappen.md")
    assert len(toegang.content_hash) == 64


def test_nav_sections_indexes_external_and_unlisted(handboek):
    nav = handboek.nav
    assert [(i.title, i.page, i.url) for i in nav] == [
        ("Welkom", "index", None),
        ("Richtlijnen", "richtlijnen", None),
        ("Over", "over", None),
        (UNLISTED_SECTION_TITLE, None, None),
    ]
    richtlijnen = nav[1]
    assert [(c.title, c.page) for c in richtlijnen.children] == [
        ("1. Zorg voor toegang", "richtlijnen/toegang"),  # untitled entry: the page title
        ("Open data", "richtlijnen/open-data"),  # a section whose index page opens it
    ]
    assert [(c.title, c.page) for c in richtlijnen.children[1].children] == [
        ("Stappen", "richtlijnen/open-data/stappen")
    ]
    assert [(c.title, c.url) for c in nav[2].children] == [("Broncode", "https://example.org/broncode")]
    # grouped by folder, titled by the folder's index page (which the nav lists: the group does not open it)
    assert nav[3].role == "unlisted"
    assert [(c.title, c.page, [g.page for g in c.children]) for c in nav[3].children] == [
        ("Over dit handboek", None, ["over/niet-in-nav"])
    ]
    assert handboek.breadcrumb("richtlijnen/open-data/stappen") == ("Richtlijnen", "Open data")


def test_relations_resolve_by_slug_alias_and_path(handboek):
    relations = {(e.source, e.target) for e in handboek.edges if e.kind == RELATION}
    assert relations == {
        ("richtlijnen/toegang", "richtlijnen/open-data"),
        ("richtlijnen/toegang", "richtlijnen/open-data/stappen"),
        ("richtlijnen/open-data", "richtlijnen/toegang"),  # `toegang` is both a slug and an alias
        ("richtlijnen/open-data/stappen", "richtlijnen/open-data"),
    }


def test_links_are_typed_deduplicated_edges_with_backlinks(handboek):
    links = [e for e in handboek.edges if e.kind == LINK]
    assert Edge("index", "richtlijnen/open-data/stappen", LINK, "stap-2-publiceren") in links
    assert Edge("richtlijnen/open-data", "richtlijnen/toegang", LINK, "toepassen") in links  # dir link + attr_list id
    assert Edge("richtlijnen/open-data/stappen", "index", LINK, "welkom-bij-het-proefhandboek") in links
    assert len(links) == len(set(links))
    # the link inside the snippet counts for the including page
    assert Edge("index", "richtlijnen/open-data/stappen", LINK, None) in links
    assert {e.source for e in handboek.backlinks("richtlijnen/toegang")} == {
        "index", "richtlijnen", "richtlijnen/open-data"
    }


def test_headings_with_lines(handboek):
    toegang = handboek.pages["richtlijnen/toegang"]
    anchors = [h.anchor for h in toegang.headings]
    assert anchors[:3] == ["1-zorg-voor-toegang", "waarom-is-het-belangrijk", "toepassen"]
    assert "waarom-is-het-belangrijk_1" in anchors
    assert "geen-kop-want-code" not in anchors and "geen-markdown-kop" not in anchors
    assert {
        "kop-in-een-admonitie", "kop-in-md_in_html", "kop-in-een-tabblad", "kop-in-een-uitklapper", "setext-kop"
    } <= set(anchors)
    source = FIXTURES / "handboek" / "docs" / "richtlijnen" / "toegang" / "index.md"
    text = source.read_text(encoding="utf-8").split("\n")
    for heading in toegang.headings:
        assert heading.line > 0
        line = text[heading.line - 1]
        assert heading.text.split()[0].strip("*`") in line or heading.level == 2 and line == "Setext-kop"


def test_snippets_and_abbreviations(handboek):
    body = handboek.pages["index"].body
    assert "Regel een van de waarschuwing." in body
    assert "Regel vier" not in body  # range 1:3
    assert "--8<--" not in body
    # The auto_append file holds only definitions: it is the corpus glossary, not appended to each page.
    assert handboek.glossary == {
        "WCAG": "Web Content Accessibility Guidelines",
        "API": "Application Programming Interface",
    }
    assert handboek.pages["over"].abbreviations == {}


def test_assets_and_actions(handboek):
    assert handboek.assets == ("action-registry/actions.yaml", "afbeeldingen/logo.svg")
    assert [a.id for a in handboek.actions] == ["toets-toegang", "data-register"]
    data = handboek.actions[1]
    assert data.richtlijn == ("open-data", "toegang") and data.fase == ("verkenning",)
    assert data.url == "https://example.org/data" and data.status == "concept"
    assert [a.id for a in handboek.actions_for("toegang", None)] == ["toets-toegang", "data-register"]
    page = handboek.pages["richtlijnen/open-data"]
    (placeholder,) = find_placeholders(page.body, page.path, page.body_line)
    assert (placeholder.richtlijn, placeholder.fase, placeholder.line) == ("open-data", "verkenning", 11)
    assert page.body[placeholder.start : placeholder.end].startswith('<div class="action-cards"')


def test_placeholder_richtlijn_defaults_to_folder():
    body = 'Tekst\n\n<div class="action-cards"></div>\n<div class="action-cards">vol</div>\n'
    (ph,) = find_placeholders(body, "richtlijnen/cloud/index.md", body_line=5)
    assert (ph.richtlijn, ph.fase, ph.line) == ("cloud", None, 7)


def test_mkdocs_config_keeps_extensions_with_inert_tags():
    config = read_mkdocs_config(FIXTURES / "handboek")
    names = [name for name, _ in config.markdown_extensions]
    assert names[:3] == ["admonition", "attr_list", "abbr"] and "pymdownx.snippets" in names
    fence = config.extension("pymdownx.superfences")["custom_fences"][0]
    assert isinstance(fence["format"], UnknownTag)
    assert fence["format"].tag.endswith("python/name:pymdownx.superfences.fence_code_format")
    assert config.extension("toc") == {"toc_depth": 3}
    assert config.theme_features == ("navigation.indexes", "content.tabs.link")
    assert config.raw["hooks"] == ["hooks/never_run.py"]


def test_plain_folder_without_mkdocs_yml(tmp_path):
    files = {
        "index.md": "# Start\n\nWelkom in de map.\n",
        "b.md": "---\ntitle: Bee\nsummary: b\n---\n",
        "a.md": "---\ntitle: Aa\nsummary: a\n---\n",
        "hoofdstuk-een/index.md": "---\ntitle: Hoofdstuk 1\nsummary: h\n---\n",
        "hoofdstuk-een/z.md": "---\ntitle: Zet\nsummary: z\n---\n",
        "losse_map/x.md": "---\ntitle: Iks\nsummary: x\n---\n",
        "plaatje.png": "png",
        ".verborgen/geheim.md": "# nee\n",
    }
    _write_tree(tmp_path, files)
    corpus = load_corpus(tmp_path)
    assert corpus.title == tmp_path.name
    assert corpus.docs_dir == tmp_path.resolve()
    assert list(corpus.pages) == ["index", "a", "b", "hoofdstuk-een", "hoofdstuk-een/z", "losse_map/x"]
    assert [(i.title, i.page) for i in corpus.nav] == [
        ("Start", "index"), ("Aa", "a"), ("Bee", "b"), ("Hoofdstuk 1", "hoofdstuk-een"), ("Losse map", None)
    ]
    assert corpus.nav[3].children[0].page == "hoofdstuk-een/z"
    assert corpus.assets == ("plaatje.png",)
    start = corpus.pages["index"]
    assert (start.title, start.summary) == ("Start", "Welkom in de map.")
    assert {p.code for p in corpus.problems} == {"title-missing", "summary-missing"}


def test_parallel_import_gives_the_same_corpus(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from gen_corpus import generate
    finally:
        sys.path.pop(0)
    source = generate(tmp_path / "gen", 320, seed=3)
    (source / "docs" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    one = load_corpus(source, workers=1)
    two = load_corpus(source, workers=2)
    assert len(one.pages) == 320 and [p.code for p in one.errors] == ["frontmatter-yaml"]
    assert list(one.pages.values()) == list(two.pages.values())
    assert [p.metadata for p in one.pages.values()] == [p.metadata for p in two.pages.values()]
    assert one.problems == two.problems and one.edges == two.edges and one.nav == two.nav
    assert one.edges and one.actions


def test_exclude_docs_readme_index_and_registry_elsewhere(tmp_path):
    files = {
        "mkdocs.yml": (
            "site_name: X\nexclude_docs: |\n  *.tmp.md\n  /concepten/\n  drafts/**/geheim.md\n  !concepten/publiek.md\n"
        ),
        "docs/index.md": "---\ntitle: S\nsummary: s\n---\n[map](map/) [registry](data/acties.md)\n"
                         '<div class="action-cards" data-richtlijn="x"></div>\n',
        "docs/map/README.md": "---\ntitle: Leesmij\nsummary: r\n---\n",
        "docs/klad.tmp.md": "# weg\n",
        "docs/concepten/a.md": "# weg\n",
        "docs/drafts/x/geheim.md": "# weg\n",
        "docs/data/acties.md": "---\ntitle: A\nsummary: a\n---\n",
        "docs/data/actions.yaml": "actions:\n  - id: a\n    name: A\n    richtlijn: x\n",
    }
    _write_tree(tmp_path, files)
    corpus = load_corpus(tmp_path)
    assert corpus.problems == []
    assert set(corpus.pages) == {"index", "map/README", "data/acties"}
    assert [a.id for a in corpus.actions] == ["a"]
    assert {(e.source, e.target) for e in corpus.edges} == {("index", "map/README"), ("index", "data/acties")}


def test_link_shortcut_equals_resolve_href():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reader.core import links
    from reader.core.corpus.link_check import _resolve

    pages = ["index.md", "a.md", "a/index.md", "a/b.md", "a/b/c.md", "x y.md", "d/e.md", "../buiten.md"]
    pages_by_path = {p: links.page_id_for_path(p) for p in pages}
    assets = frozenset({"a/plaatje.png", "d/doc.pdf"})
    part = st.sampled_from(["a", "b", "c", "..", ".", "d", "e", "index", "x y", "x%20y", "", "b.md", "c.md", "e.md"])
    href = st.builds(
        lambda parts, ext, anchor, lead: lead + "/".join(parts) + ext + anchor,
        st.lists(part, min_size=1, max_size=4), st.sampled_from([".md", "", "/", ".png"]),
        st.sampled_from(["", "#kop", "#", "#K%C3%B3p"]), st.sampled_from(["", "/", "./", "../"]),
    )

    @settings(max_examples=400, deadline=None)
    @given(href, st.sampled_from(pages[:-1]))
    def check(h, from_path):
        assert _resolve(h, from_path, pages_by_path, assets) == links.resolve_href(h, from_path, pages_by_path, assets)

    check()


def test_abbreviations_in_code_are_not_definitions(tmp_path):
    (tmp_path / "index.md").write_text(
        "---\ntitle: T\nsummary: s\n---\n*[AVG]: Algemene verordening\n\n```\n*[NEP]: in code\n```\n", encoding="utf-8"
    )
    assert load_corpus(tmp_path).pages["index"].abbreviations == {"AVG": "Algemene verordening"}
