"""The window works on the user data of its edition's corpus: another corpus's bookmarks, history and checklist ticks
on the same page ids stay out of sight, and a profile from before corpora is claimed by the first window."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.edition import Edition
from reader.core.userdata import DB_NAME, UserData, edition_key, item_keys, schema
from reader.gui.app import Reader

pytestmark = pytest.mark.gui


def _bookmark_titles(window: object) -> list[str]:
    panel = window._ensure_panels().bookmarks  # type: ignore[attr-defined]
    return [panel.index_for(i).data() for i in panel.visible_bookmark_ids()]


def test_window_on_corpus_a_shows_nothing_of_corpus_b(
    open_reader: Callable[..., Reader], qtbot: QtBot, content_edition: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "p"
    edition = Edition.open(content_edition)
    corpus = edition.corpus_id
    texts = edition.pages["index"].checklist
    assert texts, "the bundled home page has a checklist (the test needs one)"
    with UserData.open(profile, corpus_id="ander-corpus") as other:  # same page ids, another corpus
        other.add_bookmark("index", title="Van het andere corpus")
        other.add_bookmark("over", title="Ook van het andere", folder="Elders")
        other.record_visit("over", "Ander")
        other.set_items("index", [(key, True, text) for key, text in zip(item_keys(texts), texts, strict=True)])
    with UserData.open(profile, corpus_id=corpus) as own:
        own.add_bookmark("handleiding/zoeken", title="Eigen")

    window = open_reader(content_edition, "index", profile=profile).window
    assert window.userdata.corpus_id == corpus
    assert _bookmark_titles(window) == ["Eigen"]
    assert window.userdata.folders() == []
    assert not window.bookmark_action.isChecked()  # "index" is bookmarked in the other corpus only
    assert window.userdata.state("index") == {}  # its ticks are the other corpus's
    qtbot.waitUntil(lambda: window.history.visible_pages()[:1] == ["index"], timeout=5000)
    assert "over" not in window.history.visible_pages()
    assert window.userdata.last_opened_edition(corpus) == edition_key(edition.manifest)
    # What the window saves goes to its own corpus.
    window.bookmark_action.trigger()
    assert window.bookmark_action.isChecked()
    window.close()
    with UserData.open(profile, corpus_id="ander-corpus") as other:
        assert [b.title for b in other.bookmarks()] == ["Van het andere corpus", "Ook van het andere"]
        assert [v.page_id for v in other.recent()] == ["over"]
        assert all(other.state("index").values())
    with UserData.open(profile, corpus_id=corpus) as own:
        assert sorted(b.page_id for b in own.bookmarks()) == ["handleiding/zoeken", "index"]


def test_a_profile_from_before_corpora_is_claimed_by_the_window(
    open_reader: Callable[..., Reader], content_edition: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    schema._migrate(conn, target=2)  # the store as the reader of one corpus left it
    conn.execute("INSERT INTO bookmarks (page_id, anchor, title, note, folder, created, updated)"
                 " VALUES ('over', '', 'Van voor de bibliotheek', '', 'Oud', 1.0, 1.0)")
    conn.close()
    window = open_reader(content_edition, "over", profile=profile).window
    assert window.userdata.claimed == 1
    assert _bookmark_titles(window) == ["Van voor de bibliotheek"]
    assert window.bookmark_action.isChecked()
    claim = window.userdata.legacy_claim()
    assert claim is not None and claim.corpus_id == window.edition.corpus_id


def test_panel_exports_per_corpus_and_refuses_another_corpus_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_store: Callable[..., UserData]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from reader.gui.sidebar.bookmarks import BookmarksPanel

    asked: list[str] = []
    target = tmp_path / "uit.json"

    def fake_save(parent: object, caption: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    nerds, other = open_store(corpus_id="nerds"), open_store(corpus_id="ander")  # one profile, two corpora
    nerds.add_bookmark("index", title="Start")
    panel = BookmarksPanel(nerds, None)
    qtbot.addWidget(panel)
    panel.ask_export()
    assert asked == ["bladwijzers-nerds.json"] and target.is_file()
    foreign = BookmarksPanel(other, None)
    qtbot.addWidget(foreign)
    assert not foreign.import_from(str(target))
    assert "horen bij de richtlijnen nerds, niet bij ander" in foreign.message_label.text()
    assert other.bookmark_count() == 0


def test_import_from_the_menu_asks_before_importing_another_corpus_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_store: Callable[..., UserData]
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reader.core.userdata import export_file
    from reader.gui.sidebar.bookmarks import BookmarksPanel

    nerds, other = open_store(corpus_id="nerds"), open_store(corpus_id="ander")
    nerds.add_bookmark("index", title="Start")
    foreign, own = tmp_path / "nerds.json", tmp_path / "ander.json"
    export_file(nerds, foreign)
    export_file(other, own)
    chosen: list[Path] = []
    questions: list[str] = []
    answers: list[QMessageBox.StandardButton] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(chosen[-1]), "")))

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    panel = BookmarksPanel(other, None)
    qtbot.addWidget(panel)
    chosen.append(own)  # a file of this corpus: no question
    panel.ask_import()
    assert questions == []
    chosen.append(foreign)
    answers.append(QMessageBox.StandardButton.No)  # the user declines: nothing imported
    panel.ask_import()
    assert len(questions) == 1 and "richtlijnen nerds, niet uit ander" in questions[0]
    assert other.bookmark_count() == 0
    answers.append(QMessageBox.StandardButton.Yes)  # the user insists: imported
    with qtbot.waitSignal(panel.bookmarks_changed):
        panel.ask_import()
    assert [b.title for b in other.bookmarks()] == ["Start"] and nerds.bookmark_count() == 1
