"""What the library page shows and when the window starts on it (pure Python, no Qt: tested without a display).

A row per corpus: title, organisation, edition date, page count and size of the edition read, the user's bookmarks
and open checklist items in it, "Nieuwe editie" when a newer edition arrived since the user last opened the corpus,
and the older editions kept.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the window's start reads the last page from here; it never needs the library's code
    from reader.core.library import CorpusShelf, InstalledEdition
    from reader.core.userdata import CorpusCounts

LIBRARY, PAGE = "library", "page"


@dataclass(frozen=True)
class EditionRow:
    """One installed edition of a corpus."""

    key: str  # InstalledEdition.key: what `remove(..., edition=key)` takes
    edition_date: str
    page_count: int
    size_bytes: int
    path: Path
    removable: bool
    bundled: bool
    folder: str = ""  # where it is installed: library.BUNDLED, USER or MACHINE


@dataclass(frozen=True)
class CorpusRow:
    corpus_id: str
    title: str
    organisation: str
    current: EditionRow  # the edition read
    older: tuple[EditionRow, ...]  # kept until removed, newest first
    bookmarks: int
    open_items: int  # checklist items of the edition read, minus those ticked
    new_edition: bool  # a newer edition arrived since the user last opened this corpus
    removable: bool  # at least one of its editions can go (the bundled one cannot)


def open_items(total: int, checked: int) -> int:
    """Open checklist items: the edition's items minus the ticked ones (a tick on an item a newer edition dropped
    can make `checked` exceed what is left; never below zero)."""
    return max(0, total - checked)


def has_new_edition(last_opened_key: str | None, current_manifest: Mapping[str, Any]) -> bool:
    """A badge when the user opened this corpus before, and not in the edition now read. Never opened: no badge
    (everything is new then)."""
    from reader.core.userdata import edition_key  # here: the start's first_target imports this module

    return last_opened_key is not None and last_opened_key != edition_key(current_manifest)


def edition_row(edition: InstalledEdition, size: Callable[[InstalledEdition], int]) -> EditionRow:
    return EditionRow(
        key=edition.key, edition_date=edition.edition_date, page_count=edition.page_count, size_bytes=size(edition),
        path=edition.path, removable=edition.removable, bundled=not edition.removable, folder=edition.folder.kind,
    )


def corpus_rows(
    shelves: Sequence[CorpusShelf],
    counts: Mapping[str, CorpusCounts],
    last_opened: Callable[[str], str | None],
    checklist_total: Callable[[InstalledEdition], int],
    size: Callable[[InstalledEdition], int] = lambda e: e.size_bytes(),
) -> list[CorpusRow]:
    """The library page's rows, in the shelves' order (by title)."""
    from reader.core.userdata import CorpusCounts

    rows = []
    for shelf in shelves:
        count = counts.get(shelf.corpus_id, CorpusCounts())
        current = edition_row(shelf.current, size)
        older = tuple(edition_row(e, size) for e in shelf.editions[1:])
        rows.append(CorpusRow(
            corpus_id=shelf.corpus_id,
            title=shelf.title or shelf.corpus_id,
            organisation=shelf.organisation,
            current=current,
            older=older,
            bookmarks=count.bookmarks,
            open_items=open_items(checklist_total(shelf.current), count.checked_items),
            new_edition=has_new_edition(last_opened(shelf.corpus_id), shelf.current.manifest),
            removable=any(e.removable for e in shelf.editions),
        ))
    return rows


def format_size(size_bytes: int) -> str:
    """Bytes for people, Dutch style (decimal comma): "850 kB", "12,4 MB", "1,2 GB"."""
    value = float(size_bytes)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            if unit == "B":
                return f"{int(value)} B"
            text = f"{value:.0f}" if value >= 100 else f"{value:.1f}"
            return f"{text.replace('.', ',')} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def start_view(corpus_count: int, page_asked: bool, corpus_asked: bool) -> str:
    """Where the window starts: the library page when more than one corpus is installed and neither a page nor a
    corpus was asked for; else a page (the one asked for, or the last one read)."""
    if corpus_count > 1 and not page_asked and not corpus_asked:
        return LIBRARY
    return PAGE


# -- the last page read, per corpus (kept in the preferences' "extra" keys, beside the global last_page) ----------
LAST_PAGES = "last_pages"
LAST_CORPUS = "last_corpus"  # the corpus the window's own last_page/last_anchor belong to
MAX_REMEMBERED = 200  # corpora whose last page is remembered; the oldest entries go first


def remember_position(extra: Mapping[str, Any], corpus_id: str, page_id: str, anchor: str) -> dict[str, Any]:
    """`extra` with `corpus_id`'s last page set, and `corpus_id` as the corpus read last (a new dict)."""
    old = extra.get(LAST_PAGES)
    positions = {k: v for k, v in old.items() if k != corpus_id} if isinstance(old, dict) else {}
    positions[corpus_id] = [page_id, anchor]
    while len(positions) > MAX_REMEMBERED:
        positions.pop(next(iter(positions)))
    return {**extra, LAST_PAGES: positions, LAST_CORPUS: corpus_id}


def last_position(extra: Mapping[str, Any], corpus_id: str) -> tuple[str, str] | None:
    """The page and anchor last read in `corpus_id`, or None; anything malformed counts as nothing."""
    positions = extra.get(LAST_PAGES)
    entry = positions.get(corpus_id) if isinstance(positions, dict) else None
    if (isinstance(entry, list) and len(entry) == 2 and all(isinstance(p, str) and len(p) < 1000 for p in entry)):
        return entry[0], entry[1]
    return None


def last_read(
    extra: Mapping[str, Any], last_page: str, last_anchor: str, corpus_id: str, page_ids: Collection[str]
) -> tuple[str, str | None] | None:
    """The page (and anchor, or None) to reopen in `corpus_id`: the window's last page when it belongs to this
    corpus (the corpus read last, or a profile from before pages were remembered per corpus), else the one last read
    there; only a page the edition has. None: its home page."""
    last_corpus = extra.get(LAST_CORPUS)
    found: tuple[str, str] | None = (last_page, last_anchor)
    if isinstance(last_corpus, str) and last_corpus != corpus_id:
        found = last_position(extra, corpus_id)
    if found is None or found[0] not in page_ids:
        return None
    return found[0], found[1] or None
