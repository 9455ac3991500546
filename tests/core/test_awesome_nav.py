"""mkdocs-awesome-nav: `.nav.yml` files shape the navigation as the plugin documents it, on generated corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.core.corpus import load_corpus
from reader.core.model import WARNING, Corpus, NavItem


def shape(items: tuple[NavItem, ...]) -> list[Any]:
    return [
        (i.title, i.page or i.url, shape(i.children)) if i.children else (i.title, i.page or i.url) for i in items
    ]


def site(root: Path, files: dict[str, str], plugin: str = "  - awesome-nav\n", extra: str = "") -> Corpus:
    (root / "mkdocs.yml").write_text(f"site_name: S\n{extra}plugins:\n{plugin}", encoding="utf-8")
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if not name.endswith(".md") else f"# {text}\n\nTekst.\n", encoding="utf-8")
    return load_corpus(root)


def listed(corpus: Corpus) -> list[Any]:
    return shape(tuple(i for i in corpus.nav if i.role != "unlisted"))


def problems(corpus: Corpus) -> set[tuple[str, str, int | None]]:
    return {(p.code, p.file, p.line) for p in corpus.problems if p.code.startswith("awesome-nav")}


def test_without_nav_files_folders_sort_pages_first_then_sections(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        "index.md": "Start", "b.md": "Bee", "a.md": "Aa", "gids/index.md": "Gids", "gids/stap-10.md": "Tien",
        "gids/stap-2.md": "Twee",
    })
    assert listed(corpus) == [
        ("Start", "index"), ("Aa", "a"), ("Bee", "b"),
        ("Gids", None, [("Gids", "gids"), ("Twee", "gids/stap-2"), ("Tien", "gids/stap-10")]),  # natural
    ]


def test_nav_entries_pages_folders_sections_links_and_patterns(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": (
            "nav:\n  - getting-started.md\n  - guides\n  - Meer:\n    - '*'\n    - Site: https://example.org/\n"
            "  - Hulp: help/support.md\n"
        ),
        "getting-started.md": "Begin", "support.md": "Steun", "zzz.md": "Zet",
        "guides/authentication.md": "Auth", "guides/errors.md": "Fouten",
        "help/support.md": "Hulppagina", "help/other.md": "Ander",
    })
    assert listed(corpus) == [
        ("Begin", "getting-started"),
        ("Guides", None, [("Auth", "guides/authentication"), ("Fouten", "guides/errors")]),
        ("Meer", None, [
            ("Steun", "support"), ("Zet", "zzz"),
            ("Help", None, [("Ander", "help/other")]),  # the named page went to its own place first
            ("Site", "https://example.org/"),
        ]),
        ("Hulp", "help/support"),
    ]
    assert problems(corpus) == set()


def test_patterns_take_what_nothing_took_before_in_order(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": "nav:\n  - Foo:\n    - '*foo*'\n  - Bar:\n    - '*bar*'\n  - Rest:\n    - '@(x|y).md'\n",
        "foo.md": "Foo", "foobar.md": "Foobar", "bar.md": "Bar", "barfoo.md": "Barfoo", "x.md": "X", "y.md": "Y",
        "z.md": "Z",
    })
    assert listed(corpus) == [
        ("Foo", None, [("Barfoo", "barfoo"), ("Foo", "foo"), ("Foobar", "foobar")]),
        ("Bar", None, [("Bar", "bar")]),
        ("Rest", None, [("X", "x"), ("Y", "y")]),
    ]
    assert [i.page for i in corpus.nav[-1].children] == ["z"]  # unplaced: still readable, by folder


def test_globstar_flattens_and_dirs_only_patterns(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": "nav:\n  - Alles:\n    - 'deep/**'\n  - '*/'\n",
        "top.md": "Top", "deep/foo.md": "F1", "deep/bar/foo.md": "F2", "map/a.md": "A",
    })
    assert listed(corpus) == [
        ("Alles", None, [("F2", "deep/bar/foo"), ("F1", "deep/foo")]),
        ("Map", None, [("A", "map/a")]),
    ]


def test_folder_settings_title_hide_flatten_sort_ignore_inherit(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": "flatten_single_child_sections: true\nignore: '*.concept.md'\nsort:\n  direction: desc\n",
        "a.md": "A", "b.md": "B", "c.concept.md": "Concept",
        "api/.nav.yml": "title: API-eindpunten\nsort:\n  direction: asc\n  sections: first\n",
        "api/users.md": "Users", "api/apps.md": "Apps", "api/v2/x.md": "X2", "api/v2/y.md": "Y2",
        "single/only.md": "Enige",
        "secret/.nav.yml": "hide: true\n", "secret/s.md": "Geheim",
        "keep_name/.nav.yml": "preserve_directory_names: true\nignore:\n  - $inherit\n  - /drop.md\n",
        "keep_name/one.md": "Een", "keep_name/two.md": "Twee", "keep_name/drop.md": "Weg",
        "keep_name/x.concept.md": "Ook weg",
    })
    assert listed(corpus) == [
        ("Enige", "single/only"),  # a folder with one page shows the page, sorted by its path: desc, as pages
        ("B", "b"), ("A", "a"),
        ("keep_name", None, [("Twee", "keep_name/two"), ("Een", "keep_name/one")]),  # desc inherited, ignore too
        ("API-eindpunten", None, [
            ("V2", None, [("X2", "api/v2/x"), ("Y2", "api/v2/y")]),  # sections first, asc
            ("Apps", "api/apps"), ("Users", "api/users"),
        ]),
    ]
    unplaced = {i.page for section in corpus.nav[-1:] for i in section.children for i in (i, *i.children)}
    assert {"c.concept", "secret/s", "keep_name/drop", "keep_name/x.concept"} <= unplaced


def test_index_page_opens_its_section_with_navigation_indexes(tmp_path: Path) -> None:
    files = {"gids/index.md": "Gids", "gids/a.md": "A", "gids/.nav.yml": "use_index_title: true\n"}
    corpus = site(tmp_path, files, extra="theme:\n  name: material\n  features:\n    - navigation.indexes\n")
    assert listed(corpus) == [("Gids", "gids", [("A", "gids/a")])]


def test_append_unmatched_and_pattern_options(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": (
            "append_unmatched: true\nnav:\n  - b.md\n  - glob: 'n*'\n    sort:\n      direction: desc\n"
        ),
        "a.md": "A", "b.md": "B", "n1.md": "N1", "n2.md": "N2",
    })
    assert listed(corpus) == [("B", "b"), ("N2", "n2"), ("N1", "n1"), ("A", "a")]


def test_problems_name_the_file_and_line(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": "title: Top\nnav:\n  - a.md\n  - 'x_*.md'\n  - Kapot: nergens.md\n  - 42\n  - '*/'\nunknown: 1\n",
        "a.md": "A",
        "sub/.nav.yml": "sort:\n  by: colour\nnav: [\n", "sub/b.md": "B",
        "t/.nav.yml": "title: '{{ config.site_name }}'\n", "t/c.md": "C",
    }, extra="nav:\n  - a.md\n")
    assert problems(corpus) == {
        ("awesome-nav-replaces-nav", "mkdocs.yml", 2),
        ("awesome-nav-root", "docs/.nav.yml", 1),
        ("awesome-nav-no-match", "docs/.nav.yml", 4),
        ("awesome-nav-missing", "docs/.nav.yml", 5),
        ("awesome-nav-entry", "docs/.nav.yml", 6),
        ("awesome-nav-key-unknown", "docs/.nav.yml", 8),
        ("awesome-nav-yaml", "docs/sub/.nav.yml", 4),
        ("awesome-nav-template", "docs/t/.nav.yml", 1),
    }
    assert all(p.severity == WARNING and p.message.endswith(".") for p in corpus.problems
               if p.code.startswith("awesome-nav"))
    assert listed(corpus)[0] == ("A", "a")


def test_nav_yaml_spelling_and_plugin_filename_option(tmp_path: Path) -> None:
    corpus = site(tmp_path, {".nav.yaml": "nav:\n  - b.md\n  - a.md\n", "a.md": "A", "b.md": "B"})
    assert listed(corpus) == [("B", "b"), ("A", "a")]
    other = tmp_path / "other"
    other.mkdir()
    corpus = site(other, {"nav.yml": "nav:\n  - b.md\n  - a.md\n", "a.md": "A", "b.md": "B"},
                  plugin="  - awesome-nav:\n      filename: nav.yml\n")
    assert listed(corpus) == [("B", "b"), ("A", "a")]


def test_nav_files_do_nothing_without_the_plugin(tmp_path: Path) -> None:
    corpus = site(tmp_path, {".nav.yml": "nav:\n  - b.md\n", "a.md": "A", "b.md": "B"}, plugin="  - search\n")
    assert listed(corpus) == [("A", "a"), ("B", "b")]


@pytest.mark.parametrize(("pattern", "path", "hit"), [
    ("*", "a.md", True), ("*", "sub/", True), ("*", "sub/a.md", False), ("*/", "a.md", False),
    ("*.md", "a.md", True), ("**", "x/y/z.md", True), ("x/**/z.md", "x/z.md", True), ("x/**/z.md", "x/y/z.md", True),
    ("@(a|b).md", "b.md", True), ("@(a|b).md", "c.md", False), ("!(a).md", "b.md", True), ("!(a).md", "a.md", False),
    ("?.md", "ab.md", False), ("[ab].md", "a.md", True),
])
def test_glob_patterns_match_as_wcmatch_does(pattern: str, path: str, hit: bool) -> None:
    from reader.core.corpus.awesome_nav import glob_regex

    regex = glob_regex("", pattern)
    assert regex is not None and (regex.fullmatch(path) is not None) is hit


def test_a_folder_named_twice_or_from_below_does_not_loop(tmp_path: Path) -> None:
    corpus = site(tmp_path, {
        ".nav.yml": "nav:\n  - a\n  - a\n", "a/.nav.yml": "nav:\n  - ..\n  - x.md\n", "a/x.md": "X", "top.md": "Top",
    })
    assert listed(corpus) == [("A", None, [("X", "a/x")])]


def test_sections_nested_absurdly_deep_are_cut_with_a_warning(tmp_path: Path) -> None:
    nav = "nav:\n  - " + "".join(f"S{i}: [" for i in range(60)) + "a.md" + "]" * 60 + "\n"
    corpus = site(tmp_path, {".nav.yml": nav, "a.md": "A"})
    assert ("awesome-nav-too-deep", "docs/.nav.yml", 2) in problems(corpus)
