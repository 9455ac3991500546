"""Citations: the public address of a page by MkDocs' rules, the citation text and HTML, and the manifest keys the
build writes for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.citation import (
    MAX_PASSAGE_CHARS,
    CitationSource,
    CitationWords,
    PublicSite,
    clean_passage,
    format_citation,
    public_page_url,
    site_of,
)

SITE = "https://example.org/docs/"
WORDS = CitationWords(source="Bron", edition="editie van {date}")


@pytest.mark.parametrize(
    ("path", "directory", "file"),
    [
        # MkDocs (mkdocs.structure.files.File): dest path and url, with and without use_directory_urls.
        ("index.md", "", "index.html"),
        ("README.md", "", "index.html"),
        ("about.md", "about/", "about.html"),
        ("a/index.md", "a/", "a/index.html"),
        ("a/README.md", "a/", "a/index.html"),
        ("a/b.md", "a/b/", "a/b.html"),
        ("a/b/c.markdown", "a/b/c/", "a/b/c.html"),
        ("a/readme.md", "a/readme/", "a/readme.html"),  # only README in capitals is an index
        ("a/my page.md", "a/my%20page/", "a/my%20page.html"),
        ("wetten/\u00e9\u00e9n.md", "wetten/%C3%A9%C3%A9n/", "wetten/%C3%A9%C3%A9n.html"),
    ],
)
def test_public_address_follows_mkdocs(path: str, directory: str, file: str) -> None:
    assert public_page_url(SITE, path) == SITE + directory
    assert public_page_url(SITE, path, directory_urls=False) == SITE + file


def test_public_address_anchor_and_site_forms() -> None:
    assert public_page_url(SITE, "a/b.md", "waarom-is-het-belangrijk") == SITE + "a/b/#waarom-is-het-belangrijk"
    assert public_page_url(SITE, "a/b.md", "") == SITE + "a/b/"
    assert public_page_url("https://example.org/docs", "a.md") == "https://example.org/docs/a/"
    assert public_page_url("  http://example.org  ", "index.md", "x y") == "http://example.org/#x%20y"
    # No site, or one the reader would not send a user to: no address.
    for site in ("", "example.org/docs/", "file:///srv/site/", "javascript:alert(1)//", "https://"):
        assert public_page_url(site, "a.md") == ""
    assert public_page_url(SITE, "image.png") == ""
    assert public_page_url(SITE, "a/README.md", other_paths={"a/index.md"}) == ""
    assert public_page_url(SITE, "a/README.md", other_paths={"index.md", "b/index.md"}) == SITE + "a/"


def test_site_of_manifest() -> None:
    assert site_of({}) == PublicSite()
    assert site_of({"site_url": SITE}) == PublicSite(SITE, True)
    assert site_of({"site_url": SITE, "use_directory_urls": False}) == PublicSite(SITE, False)
    assert site_of({"site_url": 3, "use_directory_urls": "no"}) == PublicSite("", True)
    assert site_of({"site_url": SITE, "site_languages": ["nl", "en", 4], "site_language_structure": "folder"}) == (
        PublicSite(SITE, True, ("nl", "en"), "folder")
    )
    assert site_of({"site_languages": "nl", "site_language_structure": "x"}) == PublicSite()
    assert PublicSite().page_url("a.md") == ""


@pytest.mark.parametrize(
    ("structure", "path", "expected"),
    [
        # mkdocs-static-i18n: the default language at the root, every other one under its own folder.
        ("suffix", "index.md", ""),
        ("suffix", "index.en.md", "en/"),
        ("suffix", "a/b.md", "a/b/"),
        ("suffix", "a/b.en.md", "en/a/b/"),
        ("suffix", "a/b.nl.md", "a/b/"),  # the default language named explicitly
        ("suffix", "a/b.fr.md", "a/b.fr/"),  # not one of the site's languages: an ordinary file name
        ("suffix", "a/.en.md", "a/.en/"),
        ("folder", "nl/index.md", ""),
        ("folder", "en/index.md", "en/"),
        ("folder", "nl/a/b.md", "a/b/"),
        ("folder", "en/a/b.md", "en/a/b/"),
        ("folder", "en.md", "en/"),  # a file, not a language folder
    ],
)
def test_public_address_of_a_translated_page(structure: str, path: str, expected: str) -> None:
    site = PublicSite("https://example.org/docs", True, ("nl", "en"), structure)
    assert site.page_url(path, "kop") == "https://example.org/docs/" + expected + "#kop"
    assert site.page_url(path) == "https://example.org/docs/" + expected


def test_citation_text_and_html() -> None:
    source = CitationSource(
        corpus="Richtlijnen", page="8. Deel & werk samen", section="Waarom <is> het belangrijk?",
        edition_date="2026-03-01", organisation="MinBZK", url=SITE + "r/s/#waarom",
    )
    cited = format_citation("  Eerste   regel\n\n\n tweede\u00a0regel ", source, WORDS)
    assert cited.text == (
        "\u201cEerste regel\n\ntweede regel\u201d\n\n"
        "Bron: \u201c8. Deel & werk samen \u2014 Waarom <is> het belangrijk?\u201d, Richtlijnen (MinBZK),"
        " editie van 2026-03-01.\n" + SITE + "r/s/#waarom"
    )
    assert cited.html == (
        "<blockquote><p>Eerste regel</p><p>tweede regel</p></blockquote>"
        '<p>Bron: <a href="https://example.org/docs/r/s/#waarom">'
        "\u201c8. Deel &amp; werk samen \u2014 Waarom &lt;is&gt; het belangrijk?\u201d</a>,"
        " Richtlijnen (MinBZK), editie van 2026-03-01.</p>"
    )


def test_citation_without_site_section_or_date() -> None:
    source = CitationSource(corpus="C", page="P", section="P", organisation="C-org")
    cited = format_citation("tekst", source, WORDS)
    assert cited.text == "\u201ctekst\u201d\n\nBron: \u201cP\u201d, C (C-org)."
    assert "<a " not in cited.html and cited.html.endswith("<p>Bron: \u201cP\u201d, C (C-org).</p>")
    # The organisation is not repeated when the corpus title names it already; no passage: the source alone.
    cited = format_citation(" \n ", CitationSource(corpus="NeRDS MinBZK", page="P", organisation="MinBZK"), WORDS)
    assert cited.text == "Bron: \u201cP\u201d, NeRDS MinBZK."
    assert cited.html == "<p>Bron: \u201cP\u201d, NeRDS MinBZK.</p>"


def test_long_passage_is_cut_at_a_word() -> None:
    words = " ".join(f"woord{i}" for i in range(1000))
    kept = clean_passage("kort\n" + words)
    assert kept[0] == "kort"
    assert kept[1].endswith("\u2026") and len(kept[1]) <= MAX_PASSAGE_CHARS
    assert kept[1][:-1] in words and kept[1][:-1].split()[-1] in words.split()
    assert clean_passage("a" * 10 + "\n" + "b" * 10, limit=15) == ["aaaaaaaaaa \u2026"]
    assert clean_passage("abc def ghi", limit=100) == ["abc def ghi"]
    assert clean_passage("arbeids\u00adonge\u00adschikt heid") == ["arbeidsongeschikt heid"]


def _mkdocs_project(root: Path, settings: str) -> Path:
    (root / "docs" / "a").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Proef\n" + settings, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n\nTekst.\n", encoding="utf-8")
    (root / "docs" / "a" / "b.md").write_text("# B\n\n## Kop twee\n\nTekst.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            "site_url: https://example.org/proef/\n",
            {"site_url": "https://example.org/proef/", "use_directory_urls": True},
        ),
        (
            "site_url: https://example.org/proef/\nuse_directory_urls: false\n",
            {"site_url": "https://example.org/proef/", "use_directory_urls": False},
        ),
        ("", {}),
    ],
)
def test_build_writes_the_public_site(tmp_path: Path, settings: str, expected: dict[str, object]) -> None:
    from reader.core.edition import Edition, build_edition

    source = _mkdocs_project(tmp_path / "src", settings)
    build_edition(source, tmp_path / "ed")
    manifest = json.loads((tmp_path / "ed" / "manifest.json").read_text(encoding="utf-8"))
    assert {k: manifest[k] for k in ("site_url", "use_directory_urls") if k in manifest} == expected
    edition = Edition.open(tmp_path / "ed")
    site = site_of(edition.manifest)
    url = site.page_url(edition.pages["a/b"].path, "kop-twee")
    if not expected:
        assert url == ""
    elif site.directory_urls:
        assert url == "https://example.org/proef/a/b/#kop-twee"
    else:
        assert url == "https://example.org/proef/a/b.html#kop-twee"


def test_nerds_pages_have_distinct_public_addresses(nerds_2026: Path, tmp_path: Path) -> None:
    from reader.core.edition import Edition, build_edition

    build_edition(nerds_2026, tmp_path / "ed")
    edition = Edition.open(tmp_path / "ed")
    public = site_of(edition.manifest)
    site = "https://minbzk.github.io/NeRDS/"
    assert public == PublicSite(site, True)
    paths = {info.path for info in edition.pages.values()}
    urls = {pid: public.page_url(info.path, None, paths) for pid, info in edition.pages.items()}
    # action-registry/README.md sits beside action-registry/index.md: MkDocs leaves it out of the site.
    assert urls.pop("action-registry/README") == ""
    assert all(url.startswith(site) and url.endswith("/") for url in urls.values())
    assert len(set(urls.values())) == len(urls)
    assert urls["index"] == site
    assert urls["richtlijnen/samenwerking"] == site + "richtlijnen/samenwerking/"


@pytest.mark.parametrize(
    ("fixture", "structure", "pages"),
    [
        ("nav-i18n-suffix", "suffix", {"over.md": "over/", "over.en.md": "en/over/", "index.en.md": "en/"}),
        ("nav-i18n-folder", "folder", {"nl/gids.md": "gids/", "en/gids.md": "en/gids/", "nl/index.md": ""}),
    ],
)
def test_build_records_the_languages_of_a_translated_site(
    tmp_path: Path, fixture: str, structure: str, pages: dict[str, str]
) -> None:
    import shutil

    from reader.core.edition import Edition, build_edition

    source = tmp_path / fixture
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "corpora" / fixture, source)
    config = source / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://example.org/talen/\n", encoding="utf-8")
    build_edition(source, tmp_path / "ed")
    edition = Edition.open(tmp_path / "ed")
    site = site_of(edition.manifest)
    assert site == PublicSite("https://example.org/talen/", True, ("nl", "en"), structure)
    by_path = {info.path: site.page_url(info.path) for info in edition.pages.values()}
    for path, public in pages.items():
        assert by_path[path] == "https://example.org/talen/" + public
