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
    assert site_of({}) == ("", True)
    assert site_of({"site_url": SITE}) == (SITE, True)
    assert site_of({"site_url": SITE, "use_directory_urls": False}) == (SITE, False)
    assert site_of({"site_url": 3, "use_directory_urls": "no"}) == ("", True)


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
    site, directory_urls = site_of(edition.manifest)
    info = edition.pages["a/b"]
    url = public_page_url(site, info.path, "kop-twee", directory_urls=directory_urls)
    if not expected:
        assert url == ""
    elif directory_urls:
        assert url == "https://example.org/proef/a/b/#kop-twee"
    else:
        assert url == "https://example.org/proef/a/b.html#kop-twee"


def test_nerds_pages_have_distinct_public_addresses(nerds_2026: Path, tmp_path: Path) -> None:
    from reader.core.edition import Edition, build_edition

    build_edition(nerds_2026, tmp_path / "ed")
    edition = Edition.open(tmp_path / "ed")
    site, directory_urls = site_of(edition.manifest)
    assert site == "https://minbzk.github.io/NeRDS/" and directory_urls
    paths = {info.path for info in edition.pages.values()}
    urls = {
        pid: public_page_url(site, info.path, directory_urls=directory_urls, other_paths=paths)
        for pid, info in edition.pages.items()
    }
    # action-registry/README.md sits beside action-registry/index.md: MkDocs leaves it out of the site.
    assert urls.pop("action-registry/README") == ""
    assert all(url.startswith(site) and url.endswith("/") for url in urls.values())
    assert len(set(urls.values())) == len(urls)
    assert urls["index"] == site
    assert urls["richtlijnen/samenwerking"] == site + "richtlijnen/samenwerking/"
