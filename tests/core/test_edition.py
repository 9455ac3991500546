"""Editions: built once into a temp dir and renamed into place, keyed by content and format, never misread."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.core.edition import (
    EDITION_FORMAT_VERSION,
    BuildRefused,
    Edition,
    EditionError,
    build_edition,
    cached_edition,
    source_hash,
)
from reader.editions import default_edition

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_manifest_and_layout(content_edition):
    manifest = json.loads((content_edition / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format_version"] == EDITION_FORMAT_VERSION
    assert manifest["page_count"] == 6
    assert manifest["corpus_title"].startswith("Richtlijnenlezer")
    assert manifest["content_hash"] == source_hash(CONTENT)
    assert manifest["built_at"].endswith("+00:00")
    assert isinstance(manifest["index_format"], int)
    edition = Edition.open(content_edition)
    assert set(edition.pages) == {
        "index", "handleiding/zoeken", "handleiding/lezen", "handleiding/relaties-en-bladwijzers", "over",
        "richtlijnen/samenwerking",
    }
    for page_id in edition.pages:
        html = edition.page_file(page_id).read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html")
        assert "<script" not in html.lower()
    seed = edition.pages["richtlijnen/samenwerking"]
    assert seed.title == "8. Deel, hergebruik en werk samen"
    # The seed's relations name NeRDS guidelines that this corpus does not have: kept, resolved to nothing.
    assert seed.relations == (("open-source", None), ("integratie", None), ("duurzaamheid", None))
    assert (content_edition / "index").is_dir()


def test_nerds_edition_has_relations_links_backlinks_and_assets(nerds_edition):
    edition = Edition.open(nerds_edition)
    assert len(edition.pages) == 29
    seed = edition.pages["richtlijnen/samenwerking"]
    assert [target for _, target in seed.relations] == [
        "richtlijnen/open-source", "richtlijnen/integratie", "richtlijnen/duurzaamheid",
    ]
    assert "richtlijnen/open-source" in seed.links
    assert "richtlijnen/samenwerking" in edition.pages["richtlijnen/open-source"].backlinks
    assert edition.pages["richtlijnen/cloud"].breadcrumb == ("Richtlijnen",)
    assert (nerds_edition / "assets" / "afbeeldingen" / "rollen.jpg").is_file()


def test_build_replaces_atomically_and_leaves_no_temp_dirs(tmp_path):
    out = tmp_path / "ed"
    build_edition(CONTENT, out)
    first = json.loads((out / "manifest.json").read_text())
    (out / "stale-file").write_text("x")
    build_edition(CONTENT, out)
    assert not (out / "stale-file").exists()
    assert json.loads((out / "manifest.json").read_text())["content_hash"] == first["content_hash"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ed"]


def test_failed_build_keeps_the_old_edition(tmp_path, monkeypatch):
    out = tmp_path / "ed"
    build_edition(CONTENT, out)
    before = (out / "manifest.json").read_text()
    from reader.core import search

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(search, "build_index", broken)
    with pytest.raises(OSError):
        build_edition(CONTENT, out)
    assert (out / "manifest.json").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ed"]


def test_source_with_errors_is_refused_unless_keep_going(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(CONTENT, src)
    (src / "docs" / "kapot.md").write_bytes(b"---\ntitle: [unclosed\n---\n# Kapot\n")
    with pytest.raises(BuildRefused) as refused:
        build_edition(src, tmp_path / "ed")
    assert any(p.file.endswith("kapot.md") for p in refused.value.errors)
    assert not (tmp_path / "ed").exists()
    report = build_edition(src, tmp_path / "ed", keep_going=True)
    assert [p.file for p in report.left_out if p.file.endswith("kapot.md")]
    assert "kapot" not in Edition.open(tmp_path / "ed").pages


def test_wrong_format_or_missing_manifest_is_never_misread(tmp_path, content_edition):
    with pytest.raises(EditionError) as err:
        Edition.open(tmp_path)
    assert (err.value.code, err.value.params) == ("edition-no-manifest", {"folder": str(tmp_path)})
    copy = tmp_path / "old"
    shutil.copytree(content_edition, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["format_version"] = EDITION_FORMAT_VERSION + 1
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(EditionError) as err:
        Edition.open(copy)
    assert err.value.code == "edition-format"
    assert err.value.params == {
        "folder": str(copy), "found": EDITION_FORMAT_VERSION + 1, "expected": EDITION_FORMAT_VERSION}
    manifest["format_version"] = EDITION_FORMAT_VERSION
    manifest["index_format"] = manifest["index_format"] - 1  # an index of an older reader: never misread
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(EditionError) as err:
        Edition.open(copy)
    assert err.value.code == "edition-index-format"
    (copy / "manifest.json").write_text("{not json")
    with pytest.raises(EditionError) as err:
        Edition.open(copy)
    assert err.value.code == "edition-manifest-json" and err.value.params["line"] == 1


def test_cache_is_keyed_by_content_and_rebuilt_when_stale(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(CONTENT, src)
    cache = tmp_path / "cache"
    first = cached_edition(src, cache)
    stamp = (first / "manifest.json").stat().st_mtime_ns
    assert cached_edition(src, cache) == first  # no rebuild when nothing changed
    assert (first / "manifest.json").stat().st_mtime_ns == stamp
    page = src / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNieuwe zin.\n", encoding="utf-8")
    second = cached_edition(src, cache)
    assert second != first and (second / "manifest.json").is_file()
    # A broken cached edition (manifest or index gone) is rebuilt, not misread.
    (second / "manifest.json").unlink()
    assert (cached_edition(src, cache) / "manifest.json").is_file()
    shutil.rmtree(second / "index")
    assert (cached_edition(src, cache) / "index").is_dir()


def test_default_edition_builds_content_into_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RICHTLIJNENLEZER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    edition = default_edition()
    assert edition.is_relative_to(tmp_path / "cache")
    assert Edition.open(edition).pages["index"].title
