"""Which corpus an edition belongs to: the id, publisher and date the library groups and orders editions by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.corpus import load_corpus
from reader.core.edition import (
    build_edition,
    corpus_id_for,
    corpus_id_of,
    edition_date_of,
    edition_order,
    valid_corpus_id,
    valid_edition_date,
)
from tests.conftest import SHARED


def test_id_comes_from_site_url_host_and_path() -> None:
    assert corpus_id_for("https://example.org/Richtlijnen/", "Anything") == "example-org-richtlijnen"
    # The same site under another name keeps its id; a site without site_url is known by its name.
    assert corpus_id_for("https://example.org/Richtlijnen", "Renamed") == "example-org-richtlijnen"
    assert corpus_id_for(None, "Één Richtlijn: 2.0") == "een-richtlijn-2-0"
    assert corpus_id_for("not a url", "") == "corpus"


def test_ids_and_dates_given_by_hand_are_checked() -> None:
    assert valid_corpus_id("nerds") and valid_corpus_id("a-1")
    for bad in ("", "NeRDS", "../x", "a b", "-a", "x" * 81):
        assert not valid_corpus_id(bad), bad
    assert valid_edition_date("2026-03-04")
    for bad in ("2026-3-4", "2026-02-30", "today", ""):
        assert not valid_edition_date(bad), bad


def test_old_manifests_fall_back_to_title_and_build_day() -> None:
    old = {"corpus_title": "Mijn Corpus", "built_at": "2026-01-02T03:04:05+00:00"}
    assert corpus_id_of(old) == "mijn-corpus"
    assert edition_date_of(old) == "2026-01-02"
    # A hand-edited bad id or date is not trusted: the fallback applies.
    assert corpus_id_of(old | {"corpus_id": "../../etc"}) == "mijn-corpus"
    assert edition_date_of(old | {"edition_date": "gisteren"}) == "2026-01-02"


def test_edition_order_is_by_edition_date_then_build_time() -> None:
    a = {"edition_date": "2025-12-02", "built_at": "2026-12-06T10:00:00+00:00"}
    b = {"edition_date": "2026-03-04", "built_at": "2026-12-06T09:00:00+00:00"}
    c = {"edition_date": "2026-03-04", "built_at": "2026-12-06T11:00:00+01:00"}  # 10:00 UTC
    assert sorted([c, a, b], key=edition_order) == [a, b, c]


def test_build_writes_identity(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "docs").mkdir(parents=True)
    (src / "mkdocs.yml").write_text(
        "site_name: Testgids\nsite_url: https://gids.example.nl/testgids/\nrepo_url: https://github.com/Ministerie/gids\n",
        encoding="utf-8",
    )
    (src / "docs" / "index.md").write_text("# Welkom\n\nTekst.\n", encoding="utf-8")
    build_edition(src, tmp_path / "e1")
    manifest = json.loads((tmp_path / "e1" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus_id"] == "gids-example-nl-testgids"
    assert manifest["organisation"] == "Ministerie"
    assert "edition_date" not in manifest  # the build day is implied by built_at
    build_edition(src, tmp_path / "e2", corpus_id="gids", edition_date="2026-03-04")
    manifest = json.loads((tmp_path / "e2" / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["corpus_id"], manifest["edition_date"]) == ("gids", "2026-03-04")
    with pytest.raises(ValueError):
        build_edition(src, tmp_path / "e3", corpus_id="Gids!")
    assert not (tmp_path / "e3").exists()


@pytest.mark.parametrize("name", ["nerds-2025-12", "nerds-2026-03"])
def test_both_nerds_editions_are_one_corpus(name: str) -> None:
    root = SHARED / "corpora" / name
    if not root.is_dir():
        pytest.skip("shared corpora not available")
    corpus = load_corpus(root)
    assert corpus_id_for(corpus.site_url, corpus.title) == "minbzk-github-io-nerds"
    assert corpus.organisation == "MinBZK"


def test_authors_can_pin_the_id_in_mkdocs_yml(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "docs").mkdir(parents=True)
    (src / "docs" / "index.md").write_text("# Welkom\n", encoding="utf-8")
    config = "site_name: Gids\nsite_url: https://a.example/\nextra:\n  richtlijnenlezer:\n    corpus_id: {}\n"
    (src / "mkdocs.yml").write_text(config.format("mijn-gids"), encoding="utf-8")
    build_edition(src, tmp_path / "e")
    assert json.loads((tmp_path / "e" / "manifest.json").read_text(encoding="utf-8"))["corpus_id"] == "mijn-gids"
    # A pinned id that is no slug is not used: the site_url decides, as without a pin.
    (src / "mkdocs.yml").write_text(config.format("'Mijn Gids!'"), encoding="utf-8")
    build_edition(src, tmp_path / "e")
    assert json.loads((tmp_path / "e" / "manifest.json").read_text(encoding="utf-8"))["corpus_id"] == "a-example"


def test_the_bundled_corpus_has_a_pinned_id() -> None:
    from reader import paths

    corpus = load_corpus(paths.content_dir())
    assert corpus.corpus_id == "richtlijnenlezer-handleiding"
    assert valid_corpus_id(corpus.corpus_id)
