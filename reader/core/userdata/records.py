"""What the store holds and hands out (bookmarks, visits, import records), and the checks on what goes in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, Sequence

from reader.core.errors import ReaderError
from reader.core.links import page_url

# Limits that keep hostile or accidental input (imports, the CLI) from bloating the store.
MAX_TITLE = 1000
MAX_NOTE = 20000
MAX_FOLDER = 200
MAX_PAGE_ID = 1000
MAX_ANCHOR = 500

# Bookmark status against the open edition.
STATUS_OK = "ok"
STATUS_MISSING = "missing"  # "niet in deze editie"
STATUS_CHANGED = "changed"  # "gewijzigd sinds je bladwijzer"
STATUS_SECTION_GONE = "section-gone"  # the page is there, the bookmarked heading is not


class UserDataError(ReaderError):
    """A user data operation failed; `code` and `params` say why (reader.messages turns them into words)."""


class ReadOnlyError(UserDataError):
    """The store cannot be written (read-only profile, newer schema ...); `code` says why."""


@dataclass(frozen=True)
class Bookmark:
    id: int
    page_id: str
    anchor: str  # "" for the page itself
    title: str  # the title when the bookmark was made (or as renamed by the user)
    note: str
    folder: str  # "" for no folder
    created: float  # unix time
    updated: float
    section_hash: str | None = None  # hash of the section text when made; None if unknown
    corpus_id: str = ""  # the corpus it belongs to (the store it came from works on that one)

    @property
    def url(self) -> str:
        return page_url(self.page_id, self.anchor or None)

    @property
    def key(self) -> tuple[str, str]:
        return (self.page_id, self.anchor)


@dataclass(frozen=True)
class Visit:
    page_id: str
    title: str
    visited: float  # unix time of the (latest) visit


def bookmark_status(
    bookmark: Bookmark,
    page_ids: Collection[str] | None,
    section_hash: Callable[[str, str], str | None] | None = None,
    anchors: Callable[[str], Collection[str] | None] | None = None,
) -> str:
    """STATUS_MISSING if the page is not in the open edition; STATUS_SECTION_GONE if `anchors(page_id)` (the page's
    heading anchors) no longer has the bookmarked one; STATUS_CHANGED if the section's hash differs from the one
    stored with the bookmark; else STATUS_OK. Unknown hashes (either side None) count as unchanged."""
    if page_ids is not None and bookmark.page_id not in page_ids:
        return STATUS_MISSING
    if anchors is not None and bookmark.anchor:
        known = anchors(bookmark.page_id)
        if known is not None and bookmark.anchor not in known:
            return STATUS_SECTION_GONE
    if section_hash is not None and bookmark.section_hash:
        current = section_hash(bookmark.page_id, bookmark.anchor)
        if current is not None and current != bookmark.section_hash:
            return STATUS_CHANGED
    return STATUS_OK


def matches_filter(bookmark: Bookmark, text: str) -> bool:
    """Every word of `text` occurs (case-insensitively) in the title, note, folder, page id or anchor."""
    words = text.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        (bookmark.title, bookmark.note, bookmark.folder, bookmark.page_id, bookmark.anchor)
    ).casefold()
    return all(w in haystack for w in words)


def _valid_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (e.g. "\ud800" from a JSON file) cannot be stored
        return False
    return True


def _clip(text: str | None, limit: int) -> str:
    text = "" if text is None else str(text)
    if not _valid_utf8(text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    # Control characters other than newline/tab have no business in titles and notes.
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)
    return text[:limit]


def _title(title: str | None, page_id: str) -> str:
    """A bookmark always has a title: the page id stands in for a missing or blank one."""
    clipped = _clip(title, MAX_TITLE)
    return clipped if clipped.strip() else page_id[:MAX_TITLE]


def _clean_folder(folder: str | None) -> str:
    return " ".join(_clip(folder, MAX_FOLDER).split())


def _check_page_id(page_id: str) -> str:
    page_id = str(page_id).strip()
    if not page_id or len(page_id) > MAX_PAGE_ID or any(ord(ch) < 32 for ch in page_id) or not _valid_utf8(page_id):
        raise UserDataError("userdata-bad-page-id", page_id=repr(page_id[:80]))
    return page_id


def _check_anchor(anchor: str | None) -> str:
    anchor = "" if anchor is None else str(anchor).strip().lstrip("#")
    if len(anchor) > MAX_ANCHOR or any(ord(ch) < 32 for ch in anchor) or not _valid_utf8(anchor):
        raise UserDataError("userdata-bad-anchor", anchor=repr(anchor[:80]))
    return anchor



MAX_CORPUS_ID = 200


def _check_corpus_id(corpus_id: str) -> str:
    """A corpus id names rows, so it must be one: a non-empty line of text ('' marks rows no corpus claimed yet)."""
    if (not isinstance(corpus_id, str) or not corpus_id.strip() or corpus_id != corpus_id.strip()
            or len(corpus_id) > MAX_CORPUS_ID or any(ord(ch) < 32 for ch in corpus_id) or not _valid_utf8(corpus_id)):
        raise UserDataError("userdata-bad-corpus-id", corpus_id=repr(str(corpus_id)[:80]))
    return corpus_id


@dataclass(frozen=True)
class CorpusCounts:
    """What the profile holds for one corpus, for the library page."""

    bookmarks: int = 0
    checked_items: int = 0  # ticked checklist items (the library page subtracts them from the edition's total)


_BOOKMARK_COLUMNS = "id, page_id, anchor, title, note, folder, created, updated, section_hash, corpus_id"


def _bookmark(row: Sequence[object]) -> Bookmark:
    return Bookmark(
        id=int(row[0]),  # type: ignore[call-overload]
        page_id=str(row[1]),
        anchor=str(row[2]),
        title=str(row[3]),
        note=str(row[4]),
        folder=str(row[5]),
        created=float(row[6]),  # type: ignore[arg-type]
        updated=float(row[7]),  # type: ignore[arg-type]
        section_hash=None if row[8] is None else str(row[8]),
        corpus_id=str(row[9]),
    )


@dataclass(frozen=True)
class ImportRecord:
    """One bookmark to import (from JSON or Netscape HTML), already validated by bookmark_io.py."""

    page_id: str
    anchor: str = ""
    title: str = ""
    note: str = ""
    folder: str = ""
    created: float | None = None
    updated: float | None = None
    section_hash: str | None = None


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int  # already in the store (same page id and anchor): left as they were
    folders_added: int = 0
