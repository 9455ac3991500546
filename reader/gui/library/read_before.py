"""Which installed edition of a corpus the user read before: what "Wat is er veranderd" and the banner compare the
edition read now with. Light on purpose (no diff code): the banner asks this after every page load.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.userdata import UserData, edition_key

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


@dataclass(frozen=True)
class EditionChoice:
    """An installed edition of the corpus, as the chooser lists it."""

    path: Path
    edition_date: str
    title: str
    key: str  # the key user data remembers it by (reader.core.userdata.edition_key)


def corpus_editions(window: MainWindow, corpus_id: str | None = None) -> list[EditionChoice]:
    """The installed editions of `corpus_id` (default: the window's), newest first; the window's own edition is
    always among them (it may have been opened from a folder outside the library)."""
    from reader.core.library import BUNDLED, Library, LibraryFolder
    from reader.library import library_folders

    corpus_id = corpus_id or window.edition.corpus_id
    folders = [LibraryFolder(window.edition.root, BUNDLED), *library_folders(with_bundled=False)]
    shelf = Library(folders).shelf(corpus_id)
    found: list[EditionChoice] = []
    seen: set[str] = set()
    for edition in shelf.editions if shelf is not None else ():
        key = edition_key(edition.manifest)
        if key in seen:
            continue  # the same edition in two folders
        seen.add(key)
        found.append(EditionChoice(edition.path, edition.edition_date, edition.title, key))
    return found


def read_before(
    userdata: UserData, corpus_id: str, editions: list[EditionChoice], current: str
) -> EditionChoice | None:
    """The installed edition the user read before `current` (a key): the last one opened, or the one before that
    when the last one is `current` itself; None if neither is installed any more."""
    by_key = {e.key: e for e in editions}
    for key in (userdata.last_opened_edition(corpus_id), userdata.previous_edition(corpus_id)):
        if key and key != current and key in by_key:
            return by_key[key]
    return None
