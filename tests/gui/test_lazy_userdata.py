"""The user's store is opened after the first page (reader/gui/lazy_userdata.py): the stand-in opens a real store on
its first use, and a real window shows its first page before the store is opened, then opens it, marks the edition
read and sets the star of a bookmarked first page; a first page with a checklist opens it for its ticks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from reader.core.userdata import UserData
from reader.gui.lazy_userdata import LazyUserData, lazily, when_open

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.app import AppContext

pytestmark = pytest.mark.gui


def test_the_stand_in_opens_the_store_at_its_first_use_and_then_is_the_store(tmp_path: Path) -> None:
    opened: list[UserData] = []

    def opener() -> UserData:
        opened.append(UserData.open(tmp_path, corpus_id="nerds"))
        return opened[-1]

    userdata = lazily(opener)
    later: list[str] = []
    assert not when_open(userdata, lambda: later.append("star"))
    assert not when_open(userdata, lambda: later.append("other"))
    assert not opened and not later and not (tmp_path / "userdata.sqlite3").exists()

    bookmark = userdata.add_bookmark("richtlijnen", "", title="Richtlijnen")  # the first use opens it
    assert len(opened) == 1 and later == ["star", "other"]
    assert userdata.find_bookmark("richtlijnen", "") == bookmark and userdata.corpus_id == "nerds"
    assert when_open(userdata, lambda: later.append("now"))  # open: nothing waits
    userdata.clock = lambda: 42.0  # setting goes to the store too
    assert opened[0].clock() == 42.0
    userdata.close()
    assert len(opened) == 1
    assert UserData.open(tmp_path, corpus_id="nerds").find_bookmark("richtlijnen", "") is not None


def test_a_stand_in_never_used_is_closed_without_opening_a_store(tmp_path: Path) -> None:
    userdata = LazyUserData(lambda: UserData.open(tmp_path, corpus_id="nerds"))
    userdata.close()
    assert not userdata.opened() and not (tmp_path / "userdata.sqlite3").exists()
    assert when_open(UserData.open(tmp_path, corpus_id="nerds"), lambda: None)  # a real store is open


def test_the_first_page_shows_before_the_store_opens_and_the_star_follows(
    reader_context: AppContext, content_edition: Path, tmp_path: Path, qtbot: QtBot,
) -> None:
    from reader.core.edition import Edition
    from reader.core.userdata import edition_key
    from reader.gui.app import create_reader

    edition = Edition.open(content_edition)
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id=edition.corpus_id) as before:  # the first page is bookmarked
        before.add_bookmark("handleiding/zoeken", "", title="Zoeken")
    # A page without a checklist (one with a checklist asks for its ticks while loading, and opens the store then).
    reader = create_reader(content_edition, profile, context=reader_context, start_page="handleiding/zoeken")
    window = reader.window
    at_first_page: list[bool] = []
    stand_in: Callable[[], bool] = window.userdata.opened  # type: ignore[attr-defined]
    window.page_loaded.connect(lambda _page, _ok: at_first_page.append(stand_in()))
    window.show()
    try:
        qtbot.waitUntil(lambda: bool(at_first_page), timeout=20000)
        assert at_first_page == [False]  # nothing of the store before the first page
        qtbot.waitUntil(stand_in, timeout=5000)  # the panels after it open it
        qtbot.waitUntil(window.bookmark_action.isChecked, timeout=5000)
        with UserData.open(profile, corpus_id=edition.corpus_id) as after:
            assert after.last_opened_edition(edition.corpus_id) == edition_key(edition.manifest)
    finally:
        reader.close()


def test_a_first_page_with_a_checklist_opens_the_store_for_its_ticks(
    reader_context: AppContext, content_edition: Path, tmp_path: Path, qtbot: QtBot,
) -> None:
    from reader.gui.app import create_reader

    reader = create_reader(content_edition, tmp_path / "p", context=reader_context, start_page="")  # home: a list
    window = reader.window
    window.show()
    try:
        with qtbot.waitSignal(window.page_loaded, timeout=20000):
            pass
        assert window.userdata.opened()  # type: ignore[attr-defined]
        assert window.checklists.progress(window.current_page_id() or "")[1] > 0
    finally:
        reader.close()
