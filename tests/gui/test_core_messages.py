"""The core's errors reach the window in the interface language: an English interface shows no Dutch reason, and
the Dutch one no English (reader/messages.py through reader/gui/messages.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from reader.core.edition import EditionError
from reader.core.userdata import UserData

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("back_to_dutch")]

DUTCH = ("het", "bestand", "geen", "bruikbare", "ontbreekt", "bladwijzerbestand", "mislukt", "moet", "tekst")
ENGLISH = ("the", "file", "not", "usable", "missing", "failed", "must", "text")


def _words(text: str) -> set[str]:
    return set(text.lower().replace(":", " ").replace(".", " ").replace("'", " ").split())


def _import_failure(tmp_path: Path, name: str) -> str:
    from reader.gui.sidebar.bookmarks import BookmarksPanel

    bad = tmp_path / f"{name}.json"
    bad.write_text('{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": [{"page_id": 5}]}')
    with UserData.open(tmp_path / name, corpus_id="corpus-a") as data:
        panel = BookmarksPanel(data, None)
        try:
            assert not panel.import_from(str(bad))
            return panel.message_label.text()
        finally:  # gone before its store closes: a later language switch would refresh it
            panel.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _edition_failure(tmp_path: Path) -> str:
    from reader.core.edition import Edition
    from reader.gui.messages import describe

    with pytest.raises(EditionError) as err:
        Edition.open(tmp_path / "geen-editie")
    return describe(err.value).replace(str(tmp_path), "")


def test_core_errors_follow_the_interface_language(
    qtbot: QtBot, reader_context: AppContext, english_qm: Path, tmp_path: Path
) -> None:
    assert reader_context.translations.apply("en") == "en"
    english = [_import_failure(tmp_path, "en"), _edition_failure(tmp_path)]
    assert english[0] == "Import failed: Item 1 of the file: 'page_id' must be text."
    assert english[1].endswith("not a usable edition: this is not a folder.")
    for text in english:
        assert not _words(text) & set(DUTCH), text

    reader_context.translations.apply("nl")
    dutch = [_import_failure(tmp_path, "nl"), _edition_failure(tmp_path)]
    assert dutch[0] == "Importeren mislukt: Onderdeel 1 van het bestand: 'page_id' moet tekst zijn."
    assert dutch[1].endswith("geen bruikbare editie: dit is geen map.")
    for text in dutch:
        assert not _words(text) & set(ENGLISH), text
