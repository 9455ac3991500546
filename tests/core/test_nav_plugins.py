"""Navigation the authors wrote outside `nav:`: awesome-pages `.pages` files and `...` entries, mkdocs-static-i18n
language variants, pages outside the nav grouped by their folders, and Material's blog posts by date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.core.corpus import load_corpus
from reader.core.edition import INDEX_DIR, PAGES_DIR, build_edition, nav_from_json, nav_to_json
from reader.core.model import INFO, WARNING, Corpus, NavItem
from reader.core.search import SearchIndex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"


def shape(items: tuple[NavItem, ...]) -> list[Any]:
    """(title, page or url) for an entry, plus its children's shape for a section."""
    return [
        (i.title, i.page or i.url, shape(i.children)) if i.children else (i.title, i.page or i.url) for i in items
    ]


def unlisted(corpus: Corpus) -> NavItem:
    sections = [i for i in corpus.nav if i.role == "unlisted"]
    assert len(sections) == 1 and sections[0] is corpus.nav[-1]
    return sections[0]


def problems(corpus: Corpus, *codes_prefix: str) -> set[tuple[str, str, str, int | None]]:
    return {(p.severity, p.code, p.file, p.line) for p in corpus.problems if p.code.startswith(codes_prefix)}


# --------------------------------------------------------------------------------------------------- .pages


@pytest.fixture(scope="module")
def awesome() -> Corpus:
    return load_corpus(FIXTURES / "nav-awesome")


def test_pages_files_shape_the_folder_nav(awesome: Corpus) -> None:
    assert shape(awesome.nav[:-1]) == [
        ("Begin", "index"),
        ("De gids", "gids", [  # its .pages title wins over the parent's; its nav puts stap-3 first, the rest after
            ("Stap 3", "gids/stap-3"), ("Stap 1", "gids/stap-1"), ("Stap 2", "gids/stap-2"),
        ]),
        ("Op titel", None, [("Aap", "titels/b"), ("Zebra", "titels/a")]),  # `Title: folder`; order_by: title
        ("Zeta", "zeta"),  # `... | regex=^z` takes it before the plain `...`
        ("Alfa", "alfa"),
        ("Fouten", None, [("Goed", "fouten/goed")]),  # a broken .pages keeps the folder's default order
        ("Kapot", None, [("Kapotte map", "kapot/pagina")]),
        ("Enkele pagina", "los/enkel"),  # collapse: true, one page
        ("Nummers", None, [  # order: desc, sort_type: natural
            ("Hoofdstuk 10", "nummers/hoofdstuk-10"), ("Hoofdstuk 2", "nummers/hoofdstuk-2"),
            ("Hoofdstuk 1", "nummers/hoofdstuk-1"),
        ]),
        ("Oud", None, [("Oud C", "oud/c"), ("Oud A", "oud/a"), ("Oud B", "oud/b")]),  # arrange: named first
        ("Secties", None, [  # a section written in .pages, then the rest
            ("Deel een", None, [("IJ", "secties/y"), ("Iks", "secties/x")]),
            ("Zet", "secties/z"),
        ]),
        ("Vragen", "vragen"),  # `Title: name`
        ("Extern", "https://example.org/"),  # `Title: link`
    ]


def test_a_hidden_folder_stays_readable_outside_the_nav(awesome: Corpus) -> None:
    assert "verborgen/geheim" in awesome.pages
    assert shape(unlisted(awesome).children) == [("Verborgen", None, [("Geheim", "verborgen/geheim")])]


def test_pages_problems_name_the_file_and_line(awesome: Corpus) -> None:
    assert problems(awesome, "pages-") == {
        (WARNING, "pages-nav-missing", "docs/fouten/.pages", 2),
        (WARNING, "pages-nav-format", "docs/fouten/.pages", 3),
        (WARNING, "pages-rest-pattern", "docs/fouten/.pages", 4),
        (WARNING, "pages-key-unknown", "docs/fouten/.pages", 6),
        (WARNING, "pages-value", "docs/fouten/.pages", 7),
        (WARNING, "pages-yaml", "docs/kapot/.pages", 2),
    }
    assert all(p.message.endswith(".") for p in awesome.problems)


def test_pages_files_are_ignored_without_the_plugin(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "map").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: Zonder plugin\n", encoding="utf-8")
    for name in ("index.md", "map/a.md", "map/b.md"):
        (docs / name).write_text(f"---\ntitle: {name}\nsummary: s\n---\n\nTekst.\n", encoding="utf-8")
    (docs / "map" / ".pages").write_text("title: Genegeerd\nnav:\n  - b.md\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert shape(corpus.nav) == [("index.md", "index"), ("Map", None, [("map/a.md", "map/a"), ("map/b.md", "map/b")])]


def test_a_pages_file_that_is_not_a_regular_file_is_skipped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - awesome-pages\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs / ".pages").mkdir()  # a folder named .pages: never read
    assert shape(load_corpus(tmp_path).nav) == [("Start", "index")]


# --------------------------------------------------------------------------------------------------- `...` in nav


def test_rest_entries_in_mkdocs_nav() -> None:
    corpus = load_corpus(FIXTURES / "nav-rest")
    assert shape(corpus.nav) == [
        ("Start", "index"),
        ("Handboek", None, [("Handboek A", "handboek/a"), ("Handboek B", "handboek/b")]),  # flat; `*` stays in a folder
        ("Besluiten", None, [("Besluiten", None, [  # not flat: the folders stay
            ("2024", None, [("Besluit X", "besluiten/2024/x")]),
            ("2025", None, [("Besluit Y", "besluiten/2025/y")]),
        ])]),
        ("Regex", None, [("Overig", None, [("Overig Z", "overig/z")])]),
        ("Losse pagina", "los"),  # the plain `...`: everything no pattern took
        ("Handboek", None, [("Sub", None, [("Handboek C", "handboek/sub/c")])]),
        ("Bron", "https://example.org/bron"),
    ]
    assert not [p for p in corpus.problems if p.severity != INFO]


def test_rest_without_the_plugin_is_a_missing_nav_entry() -> None:
    corpus = load_corpus(FIXTURES / "nav-rest-no-plugin")
    assert problems(corpus, "nav-") == {(WARNING, "nav-missing", "mkdocs.yml", 4)}
    assert shape(unlisted(corpus).children) == [("Andere pagina", "ander")]


# --------------------------------------------------------------------------------------------------- unlisted


def test_pages_outside_the_nav_are_grouped_by_folder() -> None:
    corpus = load_corpus(FIXTURES / "nav-unlisted")
    assert shape(corpus.nav[:-1]) == [("Start", "index"), ("Regels", "regels", [("Regel een", "regels/een")])]
    section = unlisted(corpus)
    assert section.title == "Overige pagina's" and section.page is None  # the GUI shows it translated (role)
    assert shape(section.children) == [
        ("Losse pagina", "los"),
        ("Bewust", None, [("Bewust verborgen", "bewust/verborgen")]),
        ("Bijlagen bij de regels", "bijlagen", [  # titled by its index page, which opens it
            ("Tabel", "bijlagen/tabel"),
            ("Diepe map", None, [("Formulier", "bijlagen/diepe-map/formulier")]),  # humanized folder name
        ]),
        ("Alle regels", None, [("Regel twee", "regels/twee")]),  # index title, the index itself is in the nav
    ]
    assert corpus.breadcrumb("bijlagen/diepe-map/formulier") == ("Overige pagina's", "Bijlagen bij de regels",
                                                                  "Diepe map")
    assert not [p for p in corpus.problems if p.severity != INFO]  # not_in_nav pages are grouped like the others


def test_nav_role_survives_the_edition_json() -> None:
    corpus = load_corpus(FIXTURES / "nav-unlisted")
    data = nav_to_json(corpus.nav)
    assert "role" not in data[0] and data[-1]["role"] == "unlisted"
    assert nav_from_json(data) == corpus.nav


# --------------------------------------------------------------------------------------------------- i18n


def test_i18n_suffix_layout_is_one_corpus_with_variants(tmp_path: Path) -> None:
    corpus = load_corpus(FIXTURES / "nav-i18n-suffix")
    assert corpus.language == "nl"
    assert shape(corpus.nav) == [("Welkom", "index"), ("Alleen Nederlands", "alleen-nl"), ("Over", "over")]
    over, about = corpus.pages["over"], corpus.pages["over.en"]
    assert (over.language, over.variant_of, dict(over.variants)) == ("nl", "", {"nl": "over", "en": "over.en"})
    assert (about.language, about.variant_of, dict(about.variants)) == ("en", "over", {"nl": "over", "en": "over.en"})
    assert corpus.pages["alleen-nl"].variants == {}
    # Only check's note that the plugins are not run (the reader searches and builds the variants itself).
    assert {(p.severity, p.code) for p in corpus.problems} == {("info", "mkdocs-plugin")}

    out = tmp_path / "ed"
    build_edition(FIXTURES / "nav-i18n-suffix", out)
    html = (out / PAGES_DIR / "over.html").read_text(encoding="utf-8")
    assert 'class="rl-languages"' in html and "Deze pagina in:" in html
    assert 'href="rl://edition.invalid/page/over.en" hreflang="en" lang="en">English</a>' in html
    english = (out / PAGES_DIR / "over.en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and 'hreflang="nl" lang="nl">Nederlands</a>' in english
    assert "rl-languages" not in (out / PAGES_DIR / "alleen-nl.html").read_text(encoding="utf-8")
    with SearchIndex.open(out / INDEX_DIR) as index:
        assert {h.page for h in index.search("fietsenstalling").hits} == {"over"}
        assert index.search("bicyclestorage").hits == []  # the English version is not in the Dutch search


def test_i18n_folder_layout_uses_the_default_language_folder() -> None:
    corpus = load_corpus(FIXTURES / "nav-i18n-folder")
    assert corpus.language == "nl"
    assert shape(corpus.nav) == [
        ("Start", "nl"), ("Gids", "nl/gids"), ("Overige pagina's", None, [("Extra", "nl/extra")]),
    ]
    assert dict(corpus.pages["nl/gids"].variants) == {"nl": "nl/gids", "en": "en/gids"}
    assert corpus.pages["en"].variant_of == "nl" and corpus.pages["en"].language == "en"
    assert set(corpus.pages) == {"nl", "nl/gids", "nl/extra", "en", "en/gids"}


def test_i18n_older_configuration() -> None:
    corpus = load_corpus(FIXTURES / "nav-i18n-old")
    assert shape(corpus.nav) == [("Start", "index")]
    assert corpus.pages["index.de"].variant_of == "index"
    assert dict(corpus.language_names) == {"nl": "Nederlands", "de": "Deutsch"}


@pytest.mark.parametrize(("options", "line"), [
    ("      languages:\n        - locale: nl\n        - locale: en\n", 3),  # no default: the first one
    ("      docs_structure: pages\n      languages:\n        - locale: nl\n          default: true\n", 4),
    ("      languages: []\n", 3),
])
def test_i18n_config_problems(tmp_path: Path, options: str, line: int) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - i18n:\n" + options, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("---\ntitle: T\nsummary: s\n---\n\nTekst.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert problems(corpus, "i18n") == {(WARNING, "i18n-config", "mkdocs.yml", line)}
    assert list(corpus.pages) == ["index"]


# --------------------------------------------------------------------------------------------------- blog


def test_blog_posts_by_date_newest_first_without_drafts() -> None:
    corpus = load_corpus(FIXTURES / "nav-blog")
    assert shape(corpus.nav) == [
        ("Start", "index"),
        ("Nieuws", "blog", [
            ("Nieuw bericht", "blog/posts/nieuw"),  # 2024-06-30
            ("Genest bericht", "blog/posts/2024/genest"),  # 2024-01-02, in a subfolder
            ("Middelste bericht", "blog/posts/midden"),  # date: {created: 2023-01-15}
            ("Datum als tekst", "blog/posts/tekst"),  # "2022-05-05T10:00:00"
            ("Oud bericht", "blog/posts/oud"),
            ("Zonder datum", "blog/posts/zonder"),  # undated: last, with a warning
        ]),
    ]
    assert "blog/posts/concept" not in corpus.pages  # draft: true is not published
    assert problems(corpus, "blog") == {(WARNING, "blog-date", "docs/blog/posts/zonder.md", 1)}


def test_blog_without_nav_uses_blog_dir() -> None:
    corpus = load_corpus(FIXTURES / "nav-blog-nonav")
    assert shape(corpus.nav) == [
        ("Start", "index"),
        ("Nieuwsberichten", "nieuws", [("Tweede", "nieuws/posts/tweede"), ("Eerste", "nieuws/posts/eerste")]),
    ]


@pytest.mark.parametrize(("entry", "path", "hit"), [
    ("... | *.md", "a.md", True),
    ("... | *.md", "map/a.md", False),  # `*` stays within a folder
    ("... | **/intro.md", "intro.md", True),
    ("... | **/intro.md", "a/b/intro.md", True),
    ("... | glob=map/**", "map/a/b.md", True),
    ("...|page-?.md", "page-1.md", True),
    ("... | [!x]*.md", "x.md", False),
    ("... | regex=page-[0-9]+", "map/page-12.md", True),  # a regular expression searches the whole path
    ("... | flat | map/*", "map/a.md", True),
    ("...", "anything.md", True),
])
def test_rest_patterns_match_as_the_plugin_does(entry: str, path: str, hit: bool) -> None:
    from reader.core.corpus.awesome import parse_rest

    rest = parse_rest(entry)
    assert rest is not None and rest.matches(path) is hit
    assert rest.flat is ("flat" in entry)


def test_not_a_rest_entry() -> None:
    from reader.core.corpus.awesome import parse_rest

    assert parse_rest("....md") is None and parse_rest("page.md") is None and parse_rest({"...": 1}) is None


def test_i18n_suffixed_default_wins_over_the_plain_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\nplugins:\n  - i18n:\n      languages:\n        - locale: nl\n          default: true\n"
        "        - locale: en\n", encoding="utf-8")
    for name in ("index.md", "pagina.md", "pagina.nl.md", "pagina.en.md"):
        (tmp_path / "docs" / name).write_text(f"---\ntitle: {name}\nsummary: s\n---\n\nTekst.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert shape(corpus.nav) == [("index.md", "index"), ("pagina.nl.md", "pagina.nl")]
    assert dict(corpus.pages["pagina.nl"].variants) == {"nl": "pagina.nl", "en": "pagina.en"}
    assert corpus.pages["pagina"].variant_of == "pagina.nl"  # a duplicate: readable, not in the nav or search
