"""Which edition the reader opens: newer editions in the editions folders win, broken ones are skipped loudly."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from reader.core.edition import (
    InvalidEdition,
    find_editions,
    read_edition,
    select_edition,
)
from reader.core.formats import INDEX_FORMAT_VERSION
from reader.editions import default_override_dirs

FORMAT = 3  # any number: the tests pass it explicitly so they do not depend on the edition module's constant


def make_edition(folder: Path, built_at: str, *, format_version: int = FORMAT, **overrides: object) -> Path:
    (folder / "pages").mkdir(parents=True)
    (folder / "index").mkdir()
    (folder / "pages" / "index.html").write_text("<!doctype html><title>Start</title>", encoding="utf-8")
    manifest: dict[str, object] = {
        "format_version": format_version,
        "index_format": INDEX_FORMAT_VERSION,
        "corpus_title": "Proefcorpus",
        "built_at": built_at,
        "page_count": 1,
        "content_hash": "sha256:" + "0" * 64,
    }
    manifest.update(overrides)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path, Path]:
    bundled = make_edition(tmp_path / "bundle" / "edition", "2026-03-01T12:00:00Z")
    user = tmp_path / "user" / "editions"
    machine = tmp_path / "machine" / "editions"
    return bundled, user, machine


def test_bundled_edition_when_no_override_folders_exist(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == bundled


def test_newer_user_edition_takes_precedence(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    newer = make_edition(user / "nerds-2026-06", "2026-06-01T08:00:00Z")
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == newer


def test_newer_machine_edition_takes_precedence(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    newer = make_edition(machine / "nerds-2026-06", "2026-06-01T08:00:00Z")
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == newer


def test_newest_of_several_wins_across_folders(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    make_edition(user / "a", "2026-04-01T00:00:00Z")
    newest = make_edition(machine / "b", "2026-05-01T00:00:00+02:00")
    make_edition(machine / "c", "2026-04-30T21:00:00Z")  # 22:00Z beats it
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == newest


def test_offsets_are_compared_in_utc(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    # 13:30+02:00 is 11:30 UTC: older than the bundled 12:00 UTC, although "13:30" > "12:00" as text.
    make_edition(user / "x", "2026-03-01T13:30:00+02:00")
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == bundled


def test_older_or_equal_edition_does_not_replace_the_bundled_one(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    make_edition(user / "older", "2025-12-01T00:00:00Z")
    make_edition(machine / "same", "2026-03-01T12:00:00Z")
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == bundled


def test_user_folder_wins_a_tie_with_the_machine_folder(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    mine = make_edition(user / "e", "2026-07-01T00:00:00Z")
    make_edition(machine / "e", "2026-07-01T00:00:00Z")
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == mine


def test_editions_folder_may_itself_be_an_edition(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    make_edition(user, "2026-08-01T00:00:00Z")
    assert select_edition(bundled, [user, machine], format_version=FORMAT) == user


@pytest.mark.parametrize(
    ("breakage", "reason"),
    [
        ("no_manifest", "no manifest.json"),
        ("bad_json", "not valid JSON"),
        ("not_object", "not a JSON object"),
        ("missing_key", "lacks content_hash"),
        ("wrong_type", "page_count has the wrong type"),
        ("wrong_format", "edition format 2, this reader reads format 3"),
        ("bad_date", "is not ISO 8601"),
        ("no_pages", "no pages/ directory"),
        ("no_index", "no index/ directory"),
    ],
)
def test_broken_newer_edition_is_ignored_with_a_clear_log_message(
    dirs: tuple[Path, Path, Path], caplog: pytest.LogCaptureFixture, breakage: str, reason: str
) -> None:
    bundled, user, machine = dirs
    broken = make_edition(user / "kapot", "2027-01-01T00:00:00Z")
    manifest = broken / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    if breakage == "no_manifest":
        manifest.unlink()
    elif breakage == "bad_json":
        manifest.write_text('{"format_version": 3,', encoding="utf-8")
    elif breakage == "not_object":
        manifest.write_text("[1, 2]", encoding="utf-8")
    elif breakage == "missing_key":
        del data["content_hash"]
        manifest.write_text(json.dumps(data), encoding="utf-8")
    elif breakage == "wrong_type":
        data["page_count"] = "veel"
        manifest.write_text(json.dumps(data), encoding="utf-8")
    elif breakage == "wrong_format":
        data["format_version"] = 2
        manifest.write_text(json.dumps(data), encoding="utf-8")
    elif breakage == "bad_date":
        data["built_at"] = "gisteren"
        manifest.write_text(json.dumps(data), encoding="utf-8")
    elif breakage == "no_pages":
        (broken / "pages" / "index.html").unlink()
        (broken / "pages").rmdir()
    elif breakage == "no_index":
        (broken / "index").rmdir()
    with caplog.at_level(logging.WARNING, logger="reader.core.edition_select"):
        chosen = select_edition(bundled, [user, machine], format_version=FORMAT)
    assert chosen == bundled
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(str(broken) in m and reason in m for m in messages), messages


def test_broken_edition_does_not_hide_a_valid_one_beside_it(
    dirs: tuple[Path, Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    bundled, user, machine = dirs
    (user / "aaa-kapot").mkdir(parents=True)
    good = make_edition(user / "bbb-goed", "2026-09-01T00:00:00Z")
    with caplog.at_level(logging.WARNING, logger="reader.core.edition_select"):
        assert select_edition(bundled, [user, machine], format_version=FORMAT) == good
    assert any("aaa-kapot" in r.getMessage() for r in caplog.records)


def test_copies_in_progress_are_skipped_silently(
    dirs: tuple[Path, Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    bundled, user, machine = dirs
    make_edition(user / "nieuw.tmp", "2027-01-01T00:00:00Z")
    make_edition(user / ".nieuw", "2027-01-01T00:00:00Z")
    with caplog.at_level(logging.WARNING, logger="reader.core.edition_select"):
        assert select_edition(bundled, [user, machine], format_version=FORMAT) == bundled
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_broken_bundled_edition_falls_back_to_a_valid_override(
    dirs: tuple[Path, Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    bundled, user, machine = dirs
    (bundled / "manifest.json").unlink()
    older = make_edition(machine / "oud", "2020-01-01T00:00:00Z")
    with caplog.at_level(logging.ERROR, logger="reader.core.edition_select"):
        assert select_edition(bundled, [user, machine], format_version=FORMAT) == older
    assert any("Bundled edition" in r.getMessage() and str(bundled) in r.getMessage() for r in caplog.records)


def test_no_valid_edition_anywhere_gives_none(dirs: tuple[Path, Path, Path]) -> None:
    bundled, user, machine = dirs
    (bundled / "manifest.json").unlink()
    assert select_edition(bundled, [user, machine], format_version=FORMAT) is None
    assert select_edition(None, [user, machine], format_version=FORMAT) is None


def test_without_bundled_edition_the_override_is_used(dirs: tuple[Path, Path, Path]) -> None:
    _, user, machine = dirs
    only = make_edition(machine / "x", "2020-01-01T00:00:00Z")
    assert select_edition(None, [user, machine], format_version=FORMAT) == only


def test_read_edition_returns_manifest_data(tmp_path: Path) -> None:
    info = read_edition(make_edition(tmp_path / "e", "2026-03-01T12:00:00"), FORMAT)
    assert info.corpus_title == "Proefcorpus"
    assert info.built_at.isoformat() == "2026-03-01T12:00:00+00:00"  # naive timestamps are UTC
    assert info.page_count == 1
    with pytest.raises(InvalidEdition) as err:
        read_edition(tmp_path / "missing", FORMAT)
    assert err.value.reason == "not a directory"
    assert (err.value.code, err.value.params) == ("edition-not-directory", {"folder": str(tmp_path / "missing")})


def test_boolean_is_not_accepted_as_a_number(tmp_path: Path) -> None:
    with pytest.raises(InvalidEdition) as err:
        read_edition(make_edition(tmp_path / "e", "2026-03-01T12:00:00Z", page_count=True), FORMAT)
    assert err.value.code == "edition-manifest-type"
    assert err.value.params == {"folder": str(tmp_path / "e"), "key": "page_count", "type": "bool"}


def test_find_editions_lists_valid_ones_in_folder_order(tmp_path: Path) -> None:
    a = make_edition(tmp_path / "one" / "b", "2026-01-01T00:00:00Z")
    b = make_edition(tmp_path / "two" / "a", "2026-02-01T00:00:00Z")
    assert [i.path for i in find_editions([tmp_path / "one", tmp_path / "two"], FORMAT)] == [a, b]


def test_default_override_dirs_are_the_per_user_then_per_machine_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from reader import paths

    # A desktop session that puts its own folder first in XDG_DATA_DIRS (as Ubuntu does).
    monkeypatch.setenv("XDG_DATA_DIRS", "/usr/share/ubuntu:/usr/local/share:/usr/share")
    dirs = default_override_dirs()
    assert dirs[:2] == [paths.user_editions_dir(), paths.machine_editions_dir()]
    assert len(dirs) == len(set(dirs))
    if sys.platform.startswith("linux"):
        assert Path("/usr/local/share/richtlijnenlezer/editions") in dirs
        assert Path("/usr/share/richtlijnenlezer/editions") in dirs


def test_an_edition_with_an_older_search_index_is_skipped(dirs, caplog):
    bundled, user, machine = dirs
    make_edition(user / "old-index", "2026-06-01T00:00:00+00:00", index_format=INDEX_FORMAT_VERSION - 1)
    with caplog.at_level("WARNING"):
        assert select_edition(bundled, [user, machine], format_version=FORMAT) == bundled
    assert "search index format" in caplog.text and "old-index" in caplog.text
