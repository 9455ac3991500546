"""The .ts file is the source of the translations: current with the code (pyside6-lupdate finds nothing new and
nothing gone), fully translated, and only ever read at run time (the reader loads a built .qm, never makes one)."""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

from reader import paths
from reader.gui.i18n import BASENAME, Translations

pytestmark = pytest.mark.gui

TS = paths.translations_dir() / f"{BASENAME}_en.ts"
SCRIPT = paths.translations_dir() / "update_translations.py"
# Messages deliberately left without a finished English translation: none.
LEFT_UNTRANSLATED: set[tuple[str, str]] = set()


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def refresh() -> ModuleType:
    return _load_script()


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_the_committed_ts_is_current_with_the_sources(refresh: ModuleType, tmp_path: Path) -> None:
    """lupdate over reader/**/*.py into a copy of the .ts changes no message: no new (unfinished) string, none
    vanished. When this fails: .venv/bin/python resources/translations/update_translations.py, translate, commit."""
    copy = tmp_path / TS.name
    shutil.copy2(TS, copy)
    refresh.run_lupdate(copy)
    before, after = refresh.messages(TS), refresh.messages(copy)
    states = {key: refresh.state(translation) for key, translation in after.items()}
    assert sorted(set(after) - set(before)) == []  # new in the sources, not yet in the .ts
    assert sorted(key for key, kind in states.items() if kind in ("vanished", "obsolete")) == []  # gone from them
    assert sorted(set(before) - set(after)) == []
    assert sorted(k for k, kind in states.items() if kind == "unfinished" and k[:2] not in LEFT_UNTRANSLATED) == []
    assert refresh.report(before, after) == []
    # The translations themselves come through unchanged.
    assert {k: t.text for k, t in after.items()} == {k: t.text for k, t in before.items()}


def test_the_refresh_reads_every_module_of_the_reader(refresh: ModuleType) -> None:
    files = refresh.sources()
    assert "reader/gui/sidebar/history.py" in files and "reader/gui/i18n.py" in files
    assert all(f.startswith("reader/") and f.endswith(".py") for f in files)


def test_every_message_has_a_finished_english_translation(refresh: ModuleType) -> None:
    messages = refresh.messages(TS)
    assert len(messages) > 150
    wrong = []
    for (context, source, _comment), translation in messages.items():
        if (context, source) in LEFT_UNTRANSLATED:
            continue
        text = translation.text or ""
        if refresh.state(translation) != "finished" or not text.strip():
            wrong.append((context, source, "not translated"))
        elif sorted(re.findall(r"%\d+", source)) != sorted(re.findall(r"%\d+", text)):
            wrong.append((context, source, f"placeholders differ: {text}"))
        elif bool(re.search(r"&[^&\s]", source)) != bool(re.search(r"&[^&\s]", text)):
            wrong.append((context, source, f"menu mnemonic differs: {text}"))
    assert wrong == []


def test_history_strings_are_in_the_ts_under_their_context(refresh: ModuleType) -> None:
    """Once kept by hand (update_translations.py's MANUAL list); now lupdate finds them in history.py."""
    messages = refresh.messages(TS)
    for source in ("vandaag %1", "gisteren %1", "Nog geen pagina\u2019s bekeken", "Geschiedenis wissen\u2026"):
        assert refresh.state(messages[("History", source, "")]) == "finished"


@pytest.fixture
def no_subprocess(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading translations must not run lrelease (or anything else)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a process was started while loading translations: {args}")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)


def test_without_a_qm_english_falls_back_to_dutch_and_nothing_is_written(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture, no_subprocess: None
) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy2(TS, folder / TS.name)  # a source tree that setup has not built: the .ts alone
    folder.chmod(0o555)
    before = _listing(folder)
    translations = Translations(qapp, folder)
    try:
        with caplog.at_level(logging.WARNING, logger="reader.i18n"):
            assert translations.apply("en") == "nl"
        assert translations.language == "nl"
        assert QApplication.translate("MainWindow", "Terug") == "Terug"
        assert any("showing Dutch" in r.getMessage() for r in caplog.records)
        assert _listing(folder) == before
    finally:
        translations.apply("nl")
        folder.chmod(0o755)


def test_a_built_qm_is_only_read_even_when_older_than_the_ts(
    qapp: QApplication, tmp_path: Path, english_qm: Path, no_subprocess: None
) -> None:
    """A read-only install with a .qm older than its .ts: loaded as it is, not rebuilt."""
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy2(english_qm, folder / english_qm.name)
    shutil.copy2(TS, folder / TS.name)
    (folder / TS.name).touch()
    qm_time = (folder / TS.name).stat().st_mtime_ns - 10**9
    os.utime(folder / english_qm.name, ns=(qm_time, qm_time))
    folder.chmod(0o555)
    before = _listing(folder)
    translations = Translations(qapp, folder)
    try:
        assert translations.apply("en") == "en"
        assert QApplication.translate("MainWindow", "Terug") == "Back"
        assert translations.apply("nl") == "nl"
        assert QApplication.translate("MainWindow", "Terug") == "Terug"
        assert _listing(folder) == before
    finally:
        translations.apply("nl")
        folder.chmod(0o755)
