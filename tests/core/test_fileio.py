"""Atomic writes: the old file or the complete new one, never a mix; no temp files left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core import fileio
from reader.core.fileio import atomic_write_bytes, atomic_write_text


def test_writes_new_file_and_replaces_old(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write_text(target, "één\n")
    assert target.read_text(encoding="utf-8") == "één\n"
    target.chmod(0o640)
    atomic_write_bytes(target, b"twee")
    assert target.read_bytes() == b"twee"
    assert target.stat().st_mode & 0o777 == 0o640  # permissions of the old file kept
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failure_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("oud")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk weg")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk weg"):
        atomic_write_text(target, "nieuw")
    assert target.read_text() == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_data_is_fsynced_before_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(fileio.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(fileio.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    atomic_write_bytes(tmp_path / "f", b"x")
    assert calls[0] == "fsync" and calls[1] == "replace"
    if os.name != "nt":
        assert calls[2:] == ["fsync"]  # the directory entry too


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "nope" / "f.txt", "x")
