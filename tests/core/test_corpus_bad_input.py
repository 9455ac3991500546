"""Bad input: every case names the exact code, file and line, leaves the page out (errors) or keeps it (warnings)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.corpus import MAX_PAGE_BYTES, CorpusError, load_corpus
from reader.core.model import ERROR, INFO, WARNING

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"
GOOD_PAGE = "---\ntitle: Goed\nsummary: Een goede pagina.\n---\n\n# Goed\n\nTekst.\n"


def triples(corpus, severity=None):
    return {(p.code, p.file, p.line) for p in corpus.problems if severity is None or p.severity == severity}


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


# ------------------------------------------------------------------------------------------ the broken fixture


@pytest.fixture(scope="module")
def broken():
    return load_corpus(FIXTURES / "broken")


def test_broken_fixture_reports_every_problem_exactly(broken):
    assert triples(broken, ERROR) == {
        ("duplicate-id", "pages/dubbel/index.md", None),
        ("include-outside", "pages/index.md", 22),
        ("frontmatter-not-mapping", "pages/kapot/lijst.md", 2),
        ("frontmatter-unclosed", "pages/kapot/open.md", 1),
        ("frontmatter-yaml", "pages/kapot/yaml.md", 3),
    }
    assert triples(broken, WARNING) == {
        ("nav-missing", "mkdocs.yml", 27),
        ("markdown-python-name", "mkdocs.yml", 13),  # slugify names os.system: never run
        ("frontmatter-type", "pages/hoofdstukken/index.md", 2),
        ("frontmatter-type", "pages/hoofdstukken/index.md", 3),
        ("frontmatter-type", "pages/hoofdstukken/index.md", 4),
        ("relation-missing", "pages/index.md", 6),
        ("link-missing", "pages/index.md", 12),
        ("anchor-missing", "pages/index.md", 13),
        ("anchor-missing", "pages/index.md", 14),
        ("image-missing", "pages/index.md", 16),
        ("empty-page", "pages/kapot/leeg.md", 1),
    }
    assert triples(broken, INFO) == {("summary-missing", "pages/hoofdstukken/index.md", 1)}


def test_broken_fixture_messages_say_what_to_do(broken):
    for problem in broken.problems:
        assert (problem.message[0].isupper() or problem.message[0] == "`") and problem.message.endswith(".")
        assert "Traceback" not in problem.message
        assert ";" in problem.message or "." in problem.message[:-1]  # what is wrong; what to do


def test_broken_fixture_keeps_the_rest_working(broken):
    # Pages with errors are left out; pages with warnings stay.
    assert set(broken.pages) == {"index", "hoofdstukken", "hoofdstukken/werkwijze", "kapot/leeg", "dubbel"}
    assert broken.pages["dubbel"].path == "dubbel.md"  # the first of the two keeps the id
    assert broken.pages["hoofdstukken"].title == "42"  # a number as title is used as text
    assert broken.pages["hoofdstukken"].relations == ("werkwijze",)  # a string where a list belongs
    assert broken.pages["hoofdstukken"].summary == "Hoofdstukken van het handboek."
    assert broken.pages["kapot/leeg"].title == "Leeg"
    werkwijze = broken.pages["hoofdstukken/werkwijze"]
    assert [h.anchor for h in werkwijze.headings] == ["werkwijze", "stappenplan", "stappenplan_1"]
    assert werkwijze.aliases == ("werkwijze-oud",)
    # auto_append from mkdocs.yml brings the abbreviations to every page, as the corpus glossary
    assert broken.glossary == {
        "AVG": "Algemene verordening gegevensbescherming", "API": "Application Programming Interface"
    }
    # the refused include leaves nothing of the outside file in the body
    assert "--8<--" not in broken.pages["index"].body
    # unknown YAML tags in mkdocs.yml are inert, nothing was executed, the rest of the config is read
    assert broken.title == "Kapot handboek"
    assert broken.docs_dir.name == "pages"
    nav_titles = [item.title for item in broken.nav]
    assert nav_titles[:2] == ["Start", "Hoofdstukken"]
    chapters = broken.nav[1]
    assert chapters.page == "hoofdstukken"
    assert [c.title for c in chapters.children] == ["Werkwijze", "Extern"]
    assert chapters.children[1].url == "https://example.org/handboek/"
    # kapot/yaml.md is named in the nav but broken: no nav-missing for it (its own error says enough)
    assert ("nav-missing", "mkdocs.yml", 30) not in triples(broken)
    assert list(broken.pages)[0] == "index"


# ------------------------------------------------------------------------------------------ generated cases


def test_not_utf8_names_the_line(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "latin.md": b"---\ntitle: Caf\xe9\n---\n"})
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {("not-utf8", "latin.md", 2)}
    assert "latin" not in corpus.pages


def test_utf16_is_refused_with_advice(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "wide.md": "\ufeff# Hallo\n".encode("utf-16")})
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {("not-utf8", "wide.md", 1)}
    assert "UTF-16" in corpus.errors[0].message


def test_bom_and_crlf_are_fine(tmp_path):
    text = "---\r\ntitle: Met BOM\r\nsummary: En CRLF.\r\n---\r\n\r\n# Kop\r\n\r\n## Tweede\r\n"
    write(tmp_path, {"index.md": b"\xef\xbb\xbf" + text.encode("utf-8"), "oud.md": b"# Mac\r\rTekst\r"})
    corpus = load_corpus(tmp_path)
    assert corpus.errors == []
    page = corpus.pages["index"]
    assert page.title == "Met BOM" and page.summary == "En CRLF."
    assert "\r" not in page.body
    assert [(h.anchor, h.line) for h in page.headings] == [("kop", 6), ("tweede", 8)]
    assert corpus.pages["oud"].title == "Mac"


def test_empty_file_is_a_warning_and_whitespace_too(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "leeg.md": b"", "spaties.md": b"  \n\n"})
    corpus = load_corpus(tmp_path)
    assert triples(corpus) == {("empty-page", "leeg.md", 1), ("empty-page", "spaties.md", 1)}
    assert corpus.pages["leeg"].title == "Leeg"


def test_binary_file_named_md(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "plaatje.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))})
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {("binary-file", "plaatje.md", None)}
    assert set(corpus.pages) == {"index"}


def test_ten_megabyte_page_is_refused_without_reading_it(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE})
    big = tmp_path / "groot.md"
    with big.open("wb") as fh:  # sparse: 10 MB on paper, no time spent writing it
        fh.truncate(10 * 1024 * 1024)
    assert big.stat().st_size > MAX_PAGE_BYTES
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {("page-too-large", "groot.md", None)}
    assert "10.0 MB" in corpus.errors[0].message


def test_duplicate_ids(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "a.md": GOOD_PAGE, "a/index.md": GOOD_PAGE})
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {("duplicate-id", "a/index.md", None)}
    assert "a.md" in corpus.errors[0].message


def test_duplicate_alias_is_a_warning(tmp_path):
    write(tmp_path, {
        "index.md": GOOD_PAGE,
        "a.md": "---\ntitle: A\nsummary: a\nid: gedeeld\n---\n",
        "b.md": "---\ntitle: B\nsummary: b\nid: gedeeld\n---\n",
        "c.md": "---\ntitle: C\nsummary: c\nid: a\n---\n",
    })
    corpus = load_corpus(tmp_path)
    assert triples(corpus) == {("duplicate-alias", "b.md", 4), ("duplicate-alias", "c.md", 4)}


def test_relation_link_and_anchor_to_missing_targets(tmp_path):
    write(tmp_path, {
        "index.md": "---\ntitle: Start\nsummary: s\nrelations:\n  - doel\n  - weg\n---\n\n"
                    "[ok](doel.md) [weg](weg.md) [anker](doel.md#nee) [goed](doel.md#ja)\n",
        "doel.md": "---\ntitle: Doel\nsummary: d\n---\n\n## Ja\n",
    })
    corpus = load_corpus(tmp_path)
    assert triples(corpus) == {
        ("relation-missing", "index.md", 6),
        ("link-missing", "index.md", 9),
        ("anchor-missing", "index.md", 9),
    }


def test_nav_entry_naming_a_missing_file(tmp_path):
    write(tmp_path, {
        "mkdocs.yml": "site_name: Nav\nnav:\n  - Start: index.md\n  - Weg: nergens.md\n",
        "docs/index.md": GOOD_PAGE,
    })
    corpus = load_corpus(tmp_path)
    assert triples(corpus) == {("nav-missing", "mkdocs.yml", 4)}
    assert [item.title for item in corpus.nav] == ["Start"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinks_pointing_outside_are_refused_never_followed(tmp_path):
    outside = tmp_path / "buiten"
    write(outside, {"geheim.md": "# Geheim\n", "map/x.md": "# X\n", "foto.png": b"\x89PNG"})
    source = tmp_path / "bron"
    write(source, {"index.md": GOOD_PAGE, "echt.md": GOOD_PAGE})
    (source / "lek.md").symlink_to(outside / "geheim.md")
    (source / "lekmap").symlink_to(outside / "map", target_is_directory=True)
    (source / "foto.png").symlink_to(outside / "foto.png")
    (source / "kapot.md").symlink_to(source / "bestaat-niet.md")
    (source / "binnen.md").symlink_to(source / "echt.md")  # inside the source: fine
    corpus = load_corpus(source)
    assert triples(corpus, ERROR) == {
        ("symlink-outside", "lek.md", None),
        ("symlink-outside", "lekmap", None),
        ("symlink-outside", "foto.png", None),
        ("symlink-broken", "kapot.md", None),
    }
    assert set(corpus.pages) == {"index", "echt", "binnen"}
    assert "foto.png" not in corpus.assets
    assert all("Geheim" not in p.body for p in corpus.pages.values())


def test_include_that_escapes_the_project(tmp_path):
    secret = tmp_path / "geheim.md"
    secret.write_text("GEHEIM\n", encoding="utf-8")
    project = tmp_path / "project"
    write(project, {
        "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets\n",
        "docs/index.md": GOOD_PAGE + '\n--8<-- "../geheim.md"\n\n--8<--\n/etc/hostname\n--8<--\n\n--8<-- "deel.md"\n',
        "deel.md": "Gedeelde tekst.\n",
    })
    (project / "link.md").symlink_to(secret)
    (project / "docs" / "via-link.md").write_text(
        '---\ntitle: V\nsummary: v\n---\n--8<-- "link.md"\n', encoding="utf-8"
    )
    corpus = load_corpus(project)
    assert triples(corpus, ERROR) == {
        ("include-outside", "docs/index.md", 10),
        ("include-outside", "docs/index.md", 13),
        ("include-outside", "docs/via-link.md", 5),
    }
    # errors leave the page out; nothing secret leaked anywhere
    assert "GEHEIM" not in "".join(p.body for p in corpus.pages.values())


def test_include_missing_and_ranges(tmp_path):
    write(tmp_path, {
        "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [stukken]\n",
        "stukken/deel.md": "een\ntwee\ndrie\nvier [kapot](weg.md)\n",
        "docs/index.md": (
            '---\ntitle: T\nsummary: s\n---\n\n--8<-- "deel.md:2:3"\n\n--8<-- "ontbreekt.md"\n\n'
            ';--8<-- "deel.md"\n\n    --8<-- "deel.md:4:4"\n'
        ),
    })
    corpus = load_corpus(tmp_path)
    body = corpus.pages["index"].body
    assert "twee\ndrie" in body and "een" not in body
    assert '--8<-- "deel.md"' in body  # escaped, shown literally
    assert "    vier [kapot](weg.md)" in body  # indented like the include line
    # Included four spaces deep, the snippet is a code block: its `[kapot](weg.md)` is no link (test_one_parse.py
    # checks that a broken link in an included file is reported at the included file's line).
    assert triples(corpus) == {("include-missing", "docs/index.md", 8)}


def test_include_loop_stops(tmp_path):
    write(tmp_path, {
        "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets\n",
        "a.md": '--8<-- "b.md"\n',
        "b.md": '--8<-- "a.md"\n',
        "docs/index.md": '---\ntitle: T\nsummary: s\n---\n--8<-- "a.md"\n',
    })
    corpus = load_corpus(tmp_path)
    assert {p.code for p in corpus.errors} == {"include-loop"}


# ------------------------------------------------------------------------------------------ unreadable sources


@pytest.mark.parametrize(
    "config, code, line",
    [
        ("site_name: [kapot\nnav:\n", "mkdocs-yaml", 1),
        ("site_name: ok\nnav:\n  - a: b\n   - c\n", "mkdocs-yaml", 4),
        ("- alleen\n- een lijst\n", "mkdocs-not-mapping", 1),
        ("site_name: ok\ndocs_dir: bestaat-niet\n", "docs-dir-missing", 2),
        ("site_name: ok\ndocs_dir: ../elders\n", "docs-dir-outside", 2),
    ],
)
def test_invalid_mkdocs_yml_is_a_corpus_error(tmp_path, config, code, line):
    write(tmp_path, {"mkdocs.yml": config, "docs/index.md": GOOD_PAGE})
    (tmp_path.parent / "elders").mkdir(exist_ok=True)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    problem = info.value.problem
    assert (problem.code, problem.file, problem.line, problem.severity) == (code, "mkdocs.yml", line, ERROR)
    assert "mkdocs.yml" in problem.message or "docs" in problem.message


def test_mkdocs_yml_not_utf8(tmp_path):
    write(tmp_path, {"mkdocs.yml": b"site_name: caf\xe9\n", "docs/index.md": GOOD_PAGE})
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert (info.value.problem.code, info.value.problem.line) == ("mkdocs-encoding", 1)


def test_source_not_a_directory(tmp_path):
    (tmp_path / "bestand.md").write_text("# x\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path / "bestand.md")
    assert info.value.problem.code == "source-not-directory"
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path / "bestaat-niet")
    assert info.value.problem.code == "source-missing"


def test_unknown_tags_are_inert(tmp_path, monkeypatch):
    marker = tmp_path / "uitgevoerd"
    write(tmp_path, {
        "mkdocs.yml": (
            "site_name: !ENV [RL_TEST_SITE_NAME, Standaardnaam]\n"
            f"extra: !!python/object/apply:os.system ['touch {marker}']\n"
            "hooks: [!relative hooks.py]\n"
            "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:os.system\n"
        ),
        "docs/index.md": GOOD_PAGE,
    })
    monkeypatch.setenv("RL_TEST_SITE_NAME", "Uit de omgeving")
    corpus = load_corpus(tmp_path)
    assert corpus.title == "Standaardnaam"  # the environment is never read: an edition must not depend on it
    assert not marker.exists()
    assert corpus.errors == []


def test_empty_folder_has_no_pages_error(tmp_path):
    corpus = load_corpus(tmp_path)
    assert triples(corpus) == {("no-pages", ".", None)}


def test_ids_that_clash_on_windows_or_macos(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "Cloud.md": GOOD_PAGE, "cloud.md": GOOD_PAGE, "vraag?.md": GOOD_PAGE,
                     "con.md": GOOD_PAGE, "map./x.md": GOOD_PAGE})
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {
        ("duplicate-id-case", "cloud.md", None),
        ("unportable-name", "vraag?.md", None),
        ("unportable-name", "con.md", None),
        ("unportable-name", "map./x.md", None),
    }
    assert set(corpus.pages) == {"index", "Cloud"}


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder(tmp_path):
    write(tmp_path, {"index.md": GOOD_PAGE, "dicht/x.md": GOOD_PAGE})
    (tmp_path / "dicht").chmod(0)
    try:
        corpus = load_corpus(tmp_path)
    finally:
        (tmp_path / "dicht").chmod(0o755)
    assert ("folder-unreadable", "dicht", None) in triples(corpus, ERROR)


def test_heading_lines_stay_right_after_snippets(tmp_path):
    write(tmp_path, {
        "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets\n",
        "deel.md": "## Uit het fragment\n\nregel\nregel\n",
        "docs/index.md": '---\ntitle: T\nsummary: s\n---\n--8<-- "deel.md"\n\n## Eigen kop\n',
    })
    page = load_corpus(tmp_path).pages["index"]
    assert [(h.anchor, h.line) for h in page.headings] == [("uit-het-fragment", 0), ("eigen-kop", 7)]


def test_mkdocs_inherit_inside_the_source(tmp_path):
    write(tmp_path, {
        "basis.yml": (
            "site_name: Basis\ntheme:\n  name: material\n  language: nl\n  features: [navigation.indexes]\n"
            "docs_dir: inhoud\n"
        ),
        "mkdocs.yml": "INHERIT: basis.yml\ntheme:\n  features: []\nnav:\n  - index.md\n",
        "inhoud/index.md": GOOD_PAGE,
    })
    corpus = load_corpus(tmp_path)
    assert corpus.title == "Basis" and corpus.docs_dir.name == "inhoud" and corpus.language == "nl"
    assert corpus.problems == []
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nINHERIT: ../elders.yml\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert (info.value.problem.code, info.value.problem.line) == ("mkdocs-inherit", 2)


def test_snippets_in_fences_sections_and_marker_variants(tmp_path):
    write(tmp_path, {
        "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - pymdownx.snippets\n",
        "voorbeeld.py": "print('hallo')\n",
        "delen.md": "voor\n# --8<-- [start:kern]\nde kern\n# --8<-- [end:kern]\nna\n",
        "docs/index.md": (
            '---\ntitle: T\nsummary: s\n---\n```python\n--8<-- "voorbeeld.py"\n```\n\n'
            '-8<- "delen.md:kern"\n\n---8<--- "delen.md:bestaat-niet"\n'
        ),
    })
    corpus = load_corpus(tmp_path)
    body = corpus.pages["index"].body
    assert "```python\nprint('hallo')\n```" in body
    assert "de kern" in body and "voor" not in body and "[start:kern]" not in body
    assert triples(corpus) == {("include-missing", "docs/index.md", 11)}


@pytest.mark.parametrize(
    "name, content, code, line",
    [
        ("lang.md", "# Kop\n\n" + "[a" * 15_000 + "\n", "line-too-long", 3),
        ("tags.md", "tekst\n" + '<div class="a"\n' * 300, "html-unclosed", 2),
    ],
)
def test_pages_python_markdown_cannot_parse_in_time_are_refused(tmp_path, name, content, code, line):
    write(tmp_path, {"index.md": GOOD_PAGE, name: content})
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {(code, name, line)}


def test_hostile_shapes_import_quickly(tmp_path):
    import time

    shapes = {
        "quotes.md": ">" * 5000 + " diep\n",
        "koppen.md": "".join(f"## Kop {i % 50}\n\ntekst\n\n" for i in range(3000)),
        "haken.md": "\n".join("[a" * 1000 for _ in range(50)) + "\n",
        "ticks.md": "".join("`" * ((i % 7) + 1) + ("x\n" if i % 500 == 499 else "x ") for i in range(20000)) + "\n",
        "comments.md": "<!--x\n" * 20000,
        "fences.md": "```a\n" * 5000,
        "braces.md": "{#aa " * 3000 + "\n",
        "ids.md": "\n".join('id="' * 1000 for _ in range(20)) + "\n",
    }
    write(tmp_path, shapes)
    start = time.perf_counter()
    corpus = load_corpus(tmp_path, workers=1)
    assert time.perf_counter() - start < 60  # each shape took minutes before its pattern was bounded
    # 5,000 nested quotes are refused before Markdown sees them (test_bad_input_limits.py), and so are 1,000
    # unclosed brackets a line (Python-Markdown's link search is quadratic in them); the rest imports.
    assert set(corpus.pages) == {name[:-3] for name in shapes} - {"quotes", "haken"}
    assert ("nesting-too-deep", "quotes.md", 1) in triples(corpus, ERROR)
    assert ("brackets-unclosed", "haken.md", 1) in triples(corpus, ERROR)


def test_unreadable_folder_even_as_root(tmp_path, monkeypatch):
    write(tmp_path, {"index.md": GOOD_PAGE, "dicht/x.md": GOOD_PAGE})
    real_scandir = os.scandir
    closed = str(tmp_path.resolve() / "dicht")

    def scandir(path):
        if str(path) == closed:
            raise PermissionError(13, "Permission denied", closed)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus(tmp_path)
    assert triples(corpus, ERROR) == {("folder-unreadable", "dicht", None)}
    assert set(corpus.pages) == {"index"}
