"""An edition's search index knows the synonyms the corpus defines outside its texts: an `abbr` definition makes
the abbreviation find the long form, and the long form find the abbreviation."""

from __future__ import annotations

from pathlib import Path

from reader.core.edition import build_edition
from reader.core.search import SearchIndex


def _corpus(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Proef\nmarkdown_extensions:\n  - abbr\nnav:\n  - a.md\n  - b.md\n", encoding="utf-8"
    )
    (docs / "a.md").write_text(
        "# Regels\n\nDe KVB geldt voor elke aanvraag.\n\n*[KVB]: Kwartaalverslag Beheer\n", encoding="utf-8"
    )
    (docs / "b.md").write_text(
        "# Verslagen\n\nHet kwartaalverslag beheer beschrijft wat er veranderde.\n", encoding="utf-8"
    )
    return root


def _pages(edition: Path, query: str) -> list[str]:
    with SearchIndex.open(edition / "index") as index:
        return [hit.page for hit in index.search(query).hits]


def test_abbreviation_defined_in_a_page_expands_both_ways(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    build_edition(_corpus(tmp_path / "src"), edition)
    assert "b" in _pages(edition, "KVB")  # b never writes the abbreviation
    assert "a" in _pages(edition, "kwartaalverslag beheer")  # a never writes the long form
