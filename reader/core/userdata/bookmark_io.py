"""Bookmark export and import: our own versioned JSON (complete) and the Netscape bookmark HTML browsers use.

Bookmarks belong to a corpus: an export names its corpus (JSON: `corpus_id`; HTML: a <META> named
"richtlijnenlezer-corpus") and importing a file of another corpus is refused (bookmark-file-other-corpus) unless
forced; a file that names no corpus (written before corpora, or by a browser) imports into the current one.

Import treats every file as hostile: a size limit before reading, strict validation of every field, a cap on the
number of bookmarks, nothing executed or fetched (the HTML parser only collects links, folder names and notes).
Parsing happens completely before the store is touched, and the store imports in one transaction, so a bad file
leaves the store unchanged. No Qt.
"""

from __future__ import annotations

import html
import json
import os
import stat
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable, Sequence

from reader.core.errors import ReaderError
from reader.core.fileio import atomic_write_text
from reader.core.links import parse_reader_url
from reader.core.userdata.records import (
    MAX_ANCHOR,
    MAX_FOLDER,
    MAX_NOTE,
    MAX_PAGE_ID,
    MAX_TITLE,
    Bookmark,
    ImportRecord,
    ImportResult,
    UserDataError,
    _check_corpus_id,
)
from reader.core.userdata.user_data import UserData

JSON_FORMAT = "richtlijnenlezer-bookmarks"
JSON_VERSION = 1  # `corpus_id` was added without a new version: older readers ignore it and still import
CORPUS_META = "richtlijnenlezer-corpus"
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_BOOKMARKS = 100_000
MAX_FOLDER_DEPTH = 20
APP_LABEL = "Richtlijnenlezer"


class BookmarkFileError(ReaderError, ValueError):
    """The file cannot be imported (or exported); `code` and `params` say why."""


@dataclass(frozen=True)
class ParsedBookmarks:
    records: tuple[ImportRecord, ...]
    folders: tuple[str, ...]
    skipped: int = 0  # links that are not reader pages (browsers' own bookmarks in an HTML file)
    corpus_id: str | None = None  # the corpus the file says it was exported from; None when it does not say


# --- export ---------------------------------------------------------------------------------------------------


def _iso(ts: float) -> str:
    # Microseconds kept: an export is complete, a re-import gives the same times.
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _from_iso(text: str) -> float:
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.timestamp()


def bookmark_record(b: Bookmark) -> dict[str, Any]:
    """One bookmark as our JSON writes it (export file, `bookmarks list --json`)."""
    return {
        "page_id": b.page_id,
        "anchor": b.anchor,
        "url": b.url,
        "title": b.title,
        "note": b.note,
        "folder": b.folder,
        "created": _iso(b.created),
        "updated": _iso(b.updated),
        "section_hash": b.section_hash,
    }


def to_json(
    bookmarks: Sequence[Bookmark], folders: Sequence[str] = (), *, now: float | None = None,
    corpus_id: str | None = None,
) -> str:
    doc: dict[str, Any] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
    }
    if corpus_id is not None:
        doc["corpus_id"] = corpus_id
    doc |= {
        "exported_at": _iso(time.time() if now is None else now),
        "folders": sorted(set(folders) | {b.folder for b in bookmarks if b.folder}),
        "bookmarks": [bookmark_record(b) for b in bookmarks],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_netscape_html(
    bookmarks: Sequence[Bookmark], folders: Sequence[str] = (), *, corpus_id: str | None = None
) -> str:
    """The Netscape bookmark file every browser imports. Links are reader URLs; the link text is the title a
    person can read outside the reader, the note goes into <DD>; the corpus goes into a <META> browsers ignore."""
    def esc(s: str) -> str:
        return html.escape(s, quote=True)

    lines = [
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
        "<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->",
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
        *([f'<META NAME="{CORPUS_META}" CONTENT="{esc(corpus_id)}">'] if corpus_id is not None else []),
        f"<TITLE>{esc(APP_LABEL)}: bladwijzers</TITLE>",
        f"<H1>{esc(APP_LABEL)}: bladwijzers</H1>",
        "<DL><p>",
    ]

    def entry(b: Bookmark, indent: str) -> None:
        lines.append(
            f'{indent}<DT><A HREF="{esc(b.url)}" ADD_DATE="{int(b.created)}" LAST_MODIFIED="{int(b.updated)}">'
            f"{esc(b.title or b.page_id)}</A>"
        )
        if b.note:
            lines.append(f"{indent}<DD>{esc(b.note)}")

    for b in bookmarks:
        if not b.folder:
            entry(b, "    ")
    by_folder: dict[str, list[Bookmark]] = {}
    for b in bookmarks:
        if b.folder:
            by_folder.setdefault(b.folder, []).append(b)
    for name in sorted(set(folders) | set(by_folder), key=str.casefold):
        lines.append(f"    <DT><H3>{esc(name)}</H3>")
        lines.append("    <DL><p>")
        for b in by_folder.get(name, []):
            entry(b, "        ")
        lines.append("    </DL><p>")
    lines.append("</DL><p>")
    return "\n".join(lines) + "\n"


def export_file(data: UserData, path: str | os.PathLike[str], fmt: str | None = None) -> int:
    """Write every bookmark of the store's corpus to `path` atomically, naming the corpus. `fmt` json/html, else
    guessed from the suffix. Returns count."""
    fmt = fmt or guess_format(path)
    bookmarks = data.bookmarks()
    folders = data.folders()
    if fmt == "json":
        text = to_json(bookmarks, folders, corpus_id=data.corpus_id)
    elif fmt == "html":
        text = to_netscape_html(bookmarks, folders, corpus_id=data.corpus_id)
    else:
        raise BookmarkFileError("bookmark-file-export-format", format=repr(fmt))
    atomic_write_text(path, text)
    return len(bookmarks)


def guess_format(path: str | os.PathLike[str]) -> str:
    return "html" if Path(path).suffix.lower() in (".html", ".htm") else "json"


# --- import ---------------------------------------------------------------------------------------------------


def _text(value: Any, field: str, limit: int, item: int, *, required: bool = False) -> str:
    """`item` is the 1-based position of the bookmark, link or folder name in the file (for the message)."""
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise BookmarkFileError("bookmark-file-field-type", item=item, field=field)
    if len(value) > limit:
        raise BookmarkFileError("bookmark-file-field-length", item=item, field=field, limit=limit)
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise BookmarkFileError("bookmark-file-field-control", item=item, field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BookmarkFileError("bookmark-file-field-chars", item=item, field=field) from None
    if required and not value.strip():
        raise BookmarkFileError("bookmark-file-field-missing", item=item, field=field)
    return value


def _time(value: Any, field: str, item: int) -> float | None:
    if value is None:
        return None
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            ts = float(value)
        elif isinstance(value, str):
            ts = _from_iso(value)
        else:
            raise ValueError(value)
    except (ValueError, OverflowError, OSError):
        raise BookmarkFileError("bookmark-file-field-time", item=item, field=field) from None
    if not (0 <= ts < 32503680000):  # year 3000
        raise BookmarkFileError("bookmark-file-field-range", item=item, field=field)
    return ts


def parse_json(text: str) -> ParsedBookmarks:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise BookmarkFileError("bookmark-file-json", detail=str(err)) from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise BookmarkFileError("bookmark-file-not-ours")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BookmarkFileError("bookmark-file-bad-version")
    if version > JSON_VERSION:
        raise BookmarkFileError("bookmark-file-newer-version", version=version, known=JSON_VERSION)
    items = doc.get("bookmarks")
    folders = doc.get("folders", [])
    if not isinstance(items, list) or not isinstance(folders, list):
        raise BookmarkFileError("bookmark-file-not-lists")
    if len(items) > MAX_IMPORT_BOOKMARKS:
        raise BookmarkFileError("bookmark-file-too-many", limit=MAX_IMPORT_BOOKMARKS)
    corpus_id = _file_corpus(doc.get("corpus_id"))
    folder_names = tuple(_text(f, "folders", MAX_FOLDER, n, required=True) for n, f in enumerate(folders, 1))
    records = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise BookmarkFileError("bookmark-file-not-object", item=n)
        section_hash = item.get("section_hash")
        if section_hash is not None:
            section_hash = _text(section_hash, "section_hash", 128, n)
        records.append(
            ImportRecord(
                page_id=_text(item.get("page_id"), "page_id", MAX_PAGE_ID, n, required=True).strip(),
                anchor=_text(item.get("anchor"), "anchor", MAX_ANCHOR, n).strip().lstrip("#"),
                title=_text(item.get("title"), "title", MAX_TITLE, n),
                note=_text(item.get("note"), "note", MAX_NOTE, n),
                folder=_text(item.get("folder"), "folder", MAX_FOLDER, n),
                created=_time(item.get("created"), "created", n),
                updated=_time(item.get("updated"), "updated", n),
                section_hash=section_hash or None,
            )
        )
    return ParsedBookmarks(tuple(records), folder_names, corpus_id=corpus_id)


def _file_corpus(value: Any) -> str | None:
    """The corpus id a file names (None if it names none); one that is not a corpus id makes the file bad."""
    if value is None:
        return None
    try:
        return _check_corpus_id(value)
    except UserDataError:
        raise BookmarkFileError("bookmark-file-bad-corpus") from None


class _NetscapeParser(HTMLParser):
    """Collects <A HREF> (with the enclosing <H3> folders) and <DD> notes; ignores everything else, scripts
    included. The format is loose (unclosed <DT>, <p>), so folders are tracked by <DL> depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.records: list[dict[str, Any]] = []
        self.folders: list[str] = []
        self.skipped = 0
        self.corpus_id: str | None = None
        self._stack: list[str | None] = []  # folder name per open <DL>
        self._pending_folder: str | None = None
        self._capture: str | None = None  # "a", "h3" or "dd"
        self._buffer: list[str] = []
        self._link: dict[str, Any] | None = None
        self._last: dict[str, Any] | None = None  # the link a <DD> belongs to
        self._skip_depth = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template", "iframe", "object"):
            self._skip_depth += 1
            return
        if self._skip_depth:
            return
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            if values.get("name", "").lower() == CORPUS_META:
                self.corpus_id = _file_corpus(values.get("content", "").strip())
        elif tag == "dl":
            if len(self._stack) >= MAX_FOLDER_DEPTH:
                raise BookmarkFileError("bookmark-file-too-deep")
            self._stack.append(self._pending_folder)
            self._pending_folder = None
        elif tag == "h3":
            self._finish()
            self._capture, self._buffer = "h3", []
        elif tag == "a":
            self._finish()
            values = {k.lower(): (v or "") for k, v in attrs}
            self._link = values
            self._capture, self._buffer = "a", []
        elif tag == "dd":
            self._finish()
            self._capture, self._buffer = "dd", []
        elif tag == "dt":
            self._finish()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "iframe", "object"):
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if self._skip_depth:
            return
        if tag in ("a", "h3") and self._capture == tag:
            self._finish()
        elif tag == "dl":
            self._finish()
            if self._stack:
                self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._capture and not self._skip_depth:
            self._buffer.append(data)
            if sum(len(b) for b in self._buffer) > MAX_NOTE * 2:
                raise BookmarkFileError("bookmark-file-text-too-long")

    def _folder(self) -> str:
        return "/".join(name for name in self._stack if name)

    def _finish(self) -> None:
        text = " ".join("".join(self._buffer).split()) if self._capture != "dd" else "".join(self._buffer).strip()
        if self._capture == "h3":
            self._pending_folder = text or "(zonder naam)"
            full = "/".join([*(n for n in self._stack if n), self._pending_folder])
            if full not in self.folders:
                self.folders.append(full)
        elif self._capture == "a" and self._link is not None:
            target = parse_reader_url(self._link.get("href", "").strip())
            if target is None or target.kind != "page" or not target.path:
                self.skipped += 1
                self._last = None
            else:
                record = {
                    "page_id": target.path,
                    "anchor": target.anchor or "",
                    "title": text,
                    "folder": self._folder(),
                    "created": self._link.get("add_date") or None,
                    "updated": self._link.get("last_modified") or None,
                    "note": "",
                }
                self.records.append(record)
                self._last = record
                if len(self.records) > MAX_IMPORT_BOOKMARKS:
                    raise BookmarkFileError("bookmark-file-too-many", limit=MAX_IMPORT_BOOKMARKS)
        elif self._capture == "dd" and self._last is not None:
            self._last["note"] = text
            self._last = None
        self._capture, self._buffer, self._link = None, [], None

    def close(self) -> None:
        super().close()
        self._finish()


def parse_netscape_html(text: str) -> ParsedBookmarks:
    head = text.lstrip()[:200].upper()
    if "NETSCAPE-BOOKMARK-FILE" not in head and "<DL" not in text[:100_000].upper():
        raise BookmarkFileError("bookmark-file-not-netscape")
    parser = _NetscapeParser()
    try:
        parser.feed(text)
        parser.close()
    except BookmarkFileError:
        raise
    except (ValueError, AssertionError) as err:  # HTMLParser on pathological input
        raise BookmarkFileError("bookmark-file-html", detail=str(err)) from None
    records = []
    for n, item in enumerate(parser.records, 1):
        created = _epoch(item["created"], n)
        records.append(
            ImportRecord(
                page_id=_text(item["page_id"], "HREF", MAX_PAGE_ID, n, required=True),
                anchor=_text(item["anchor"], "HREF", MAX_ANCHOR, n),
                title=item["title"][:MAX_TITLE],
                note=item["note"][:MAX_NOTE],
                folder=item["folder"][:MAX_FOLDER],
                created=created,
                updated=_epoch(item["updated"], n) or created,
            )
        )
    return ParsedBookmarks(tuple(records), tuple(f[:MAX_FOLDER] for f in parser.folders), parser.skipped,
                           parser.corpus_id)


def _epoch(value: Any, item: int) -> float | None:
    if value in (None, ""):
        return None
    try:
        ts = float(str(value).strip())
    except ValueError:
        return None  # browsers write odd dates; a missing date is no reason to refuse the file
    return ts if 0 <= ts < 32503680000 else None


def read_bookmark_file(path: str | os.PathLike[str]) -> ParsedBookmarks:
    """Read and validate a JSON or Netscape HTML bookmark file (by content, not by name)."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device would block or never end
            raise BookmarkFileError("bookmark-file-not-regular", path=str(path))
        size = info.st_size
        if size > MAX_IMPORT_BYTES:
            raise BookmarkFileError(
                "bookmark-file-too-large", size_mb=size // (1024 * 1024), limit_mb=MAX_IMPORT_BYTES // (1024 * 1024)
            )
        with open(path, "rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)  # the file may grow between stat and read
    except OSError as err:
        raise BookmarkFileError("bookmark-file-unreadable", path=str(path), detail=str(err.strerror or err)) from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise BookmarkFileError("bookmark-file-grew")
    return parse_bytes(raw)


def parse_bytes(raw: bytes) -> ParsedBookmarks:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BookmarkFileError("bookmark-file-not-utf8") from None
    if "\x00" in text:
        raise BookmarkFileError("bookmark-file-binary")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return parse_json(text)
    if stripped.startswith("<"):
        return parse_netscape_html(text)
    raise BookmarkFileError("bookmark-file-unknown-type")


def import_file(
    data: UserData, path: str | os.PathLike[str], *, force: bool = False
) -> tuple[ImportResult, int]:
    """Parse completely, then merge into the store's corpus in one transaction. Returns (result, skipped non-reader
    links). A file exported from another corpus is refused (its page ids mean other pages) unless `force`."""
    parsed = read_bookmark_file(path)
    check_corpus(parsed, data.corpus_id, force=force)
    return data.import_bookmarks(parsed.records, parsed.folders), parsed.skipped


def check_corpus(parsed: ParsedBookmarks, corpus_id: str | None, *, force: bool = False) -> None:
    """Refuse bookmarks of another corpus than `corpus_id` (the one they would be imported into) unless `force`."""
    if parsed.corpus_id is not None and corpus_id is not None and parsed.corpus_id != corpus_id and not force:
        raise BookmarkFileError("bookmark-file-other-corpus", file_corpus=parsed.corpus_id, corpus=corpus_id)


def records_from(bookmarks: Iterable[Bookmark]) -> list[ImportRecord]:
    """Bookmarks as import records (round trips in tests, copying between profiles)."""
    return [
        ImportRecord(b.page_id, b.anchor, b.title, b.note, b.folder, b.created, b.updated, b.section_hash)
        for b in bookmarks
    ]
