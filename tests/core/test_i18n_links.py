"""i18n corpora: a link on a page in language X to a page that has an X version goes to that version; links from
the default language, to pages without a translation, and to a translation named on purpose are left alone."""

from __future__ import annotations

from pathlib import Path

from reader.core.corpus import load_corpus
from reader.core.links import page_url
from reader.core.render import render_page

I18N = """plugins:
  - i18n:
      docs_structure: {structure}
      languages:
        - locale: nl
          default: true
          name: Nederlands
        - locale: en
          name: English
"""


def write(root: Path, structure: str, files: dict[str, str]) -> Path:
    (root / "mkdocs.yml").write_text("site_name: S\nmarkdown_extensions:\n  - toc\n" + I18N.format(
        structure=structure), encoding="utf-8")
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def hrefs(root: Path, page_id: str) -> list[str]:
    corpus = load_corpus(root)
    html = render_page(corpus.pages[page_id], corpus).html
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


def test_suffix_layout_links_stay_in_the_page_language(tmp_path: Path) -> None:
    links = "[a](over.md) [b](over.md#fietsen) [c](over.md#alleen-nl) [d](alleen-nl.md) [e](over.en.md)"
    root = write(tmp_path, "suffix", {
        "index.md": f"# Welkom\n\n{links}\n",
        "index.en.md": f"# Welcome\n\n{links}\n",
        "over.md": "# Over\n\n## Fietsen\n\n## Alleen NL\n\nTekst.\n",
        "over.en.md": "# About\n\n## Fietsen\n\nText.\n",
        "alleen-nl.md": "# Alleen Nederlands\n\nTekst.\n",
    })
    assert hrefs(root, "index.en") == [
        page_url("over.en"), page_url("over.en", "fietsen"),
        page_url("over", "alleen-nl"),  # the anchor is only in the Dutch page: the link stays there
        page_url("alleen-nl"),  # no English version
        page_url("over.en"),
    ]
    assert hrefs(root, "index") == [
        page_url("over"), page_url("over", "fietsen"), page_url("over", "alleen-nl"), page_url("alleen-nl"),
        page_url("over.en"),  # a translation named on purpose stays what it is
    ]


def test_folder_layout_links_stay_in_the_page_language(tmp_path: Path) -> None:
    root = write(tmp_path, "folder", {
        "nl/index.md": "# Start\n\n[gids](gids.md)\n",
        "nl/gids.md": "# Gids\n\nTekst.\n",
        "nl/extra.md": "# Extra\n\nTekst.\n",
        "en/index.md": "# Start\n\n[guide](../nl/gids.md) [own](gids.md) [extra](../nl/extra.md)\n",
        "en/gids.md": "# Guide\n\nText.\n",
    })
    assert hrefs(root, "en") == [page_url("en/gids"), page_url("en/gids"), page_url("nl/extra")]
    assert hrefs(root, "nl") == [page_url("nl/gids")]


def test_without_i18n_nothing_changes(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: S\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.en.md").write_text("# A\n\n[b](b.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("# B\n\nTekst.\n", encoding="utf-8")
    (tmp_path / "docs" / "b.en.md").write_text("# B en\n\nText.\n", encoding="utf-8")
    assert hrefs(tmp_path, "index.en") == [page_url("b")]


def test_folder_layout_falls_back_to_the_default_language_folder(tmp_path: Path) -> None:
    root = write(tmp_path, "folder", {
        "nl/index.md": "# Start\n\n[weg](nergens.md)\n",
        "nl/extra.md": "# Extra\n\nTekst.\n",
        "nl/sub/diep.md": "# Diep\n\nTekst.\n",
        "en/index.md": "# Start\n\n[extra](extra.md) [deep](sub/diep.md) [gone](nergens.md)\n",
    })
    assert hrefs(root, "en") == [page_url("nl/extra"), page_url("nl/sub/diep")]  # the missing one is no link
    corpus = load_corpus(root)
    missing = sorted((p.file, p.code) for p in corpus.problems if p.code == "link-missing")
    assert missing == [("docs/en/index.md", "link-missing"), ("docs/nl/index.md", "link-missing")]
    assert {(e.source, e.target) for e in corpus.edges} >= {("en", "nl/extra"), ("en", "nl/sub/diep")}
