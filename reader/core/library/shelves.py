"""The installed editions, grouped by corpus: what the library page lists and which edition of a corpus is read.

Editions live in library folders: the bundled edition, the per-user folder and the per-machine folder(s). A folder
holds editions at most two levels down: `folder/manifest.json` (the folder is an edition), `folder/EDITION/` (how
administrators dropped editions in before the library existed) or `folder/CORPUS/EDITION/` (how `install` files
them). Names starting with "." or ending in ".tmp"/".part" are copies in progress and never listed.

The newest edition of a corpus (by edition date, then build time) is the one read; older ones stay until removed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.edition import MANIFEST, InvalidEdition, ManifestFields, edition_order, read_edition
from reader.core.formats import EDITION_FORMAT_VERSION

log = logging.getLogger("reader.core.library")

BUNDLED, USER, MACHINE = "bundled", "user", "machine"
IN_PROGRESS_SUFFIXES = (".tmp", ".part", ".partial")


@dataclass(frozen=True)
class LibraryFolder:
    """A place editions are found; `kind` says who put them there (and so who may remove them)."""

    path: Path
    kind: str  # BUNDLED, USER or MACHINE


@dataclass(frozen=True)
class InstalledEdition(ManifestFields):
    """One valid edition in a library folder; `title`, `corpus_id`, `edition_date`... come from its manifest."""

    path: Path
    folder: LibraryFolder
    manifest: dict[str, Any] = field(compare=False, repr=False)

    @property
    def key(self) -> str:
        """Names this edition among the editions of its corpus: its folder name in the library, and what
        `remove --edition` takes."""
        return f"{self.edition_date}-{self.content_hash[:12]}"

    @property
    def removable(self) -> bool:
        return self.folder.kind != BUNDLED

    def size_bytes(self) -> int:
        """Bytes on disk (walked on demand: the library page asks for it, choosing an edition never does)."""
        total = 0
        for dirpath, _dirs, files in os.walk(self.path):
            for name in files:
                try:
                    total += os.lstat(os.path.join(dirpath, name)).st_size
                except OSError:
                    continue
        return total


@dataclass(frozen=True)
class CorpusShelf:
    """Every installed edition of one corpus, newest first."""

    corpus_id: str
    editions: tuple[InstalledEdition, ...]

    @property
    def current(self) -> InstalledEdition:
        return self.editions[0]

    @property
    def title(self) -> str:
        return self.current.title

    @property
    def organisation(self) -> str:
        return self.current.organisation

    def edition(self, key_or_date: str) -> InstalledEdition | None:
        """The edition with this key, or the newest one of this date."""
        for edition in self.editions:
            if key_or_date in (edition.key, edition.edition_date):
                return edition
        return None


def _in_progress(name: str) -> bool:
    return name.startswith(".") or name.endswith(IN_PROGRESS_SUFFIXES)


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(child for child in folder.iterdir() if child.is_dir() and not child.is_symlink())
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("Cannot read library folder %s: %s", folder, exc)
        return []


def edition_folders(folder: Path) -> Iterator[Path]:
    """The folders under a library folder that claim to be editions (hold a manifest), two levels deep at most."""
    if (folder / MANIFEST).exists():
        yield folder
        return
    for child in _subfolders(folder):
        if _in_progress(child.name):
            continue
        if (child / MANIFEST).exists():
            yield child
            continue
        for grandchild in _subfolders(child):
            if not _in_progress(grandchild.name) and (grandchild / MANIFEST).exists():
                yield grandchild


class Library:
    """The editions in `folders` (searched in order: on a tie the earlier folder's copy wins)."""

    def __init__(self, folders: Sequence[LibraryFolder]) -> None:
        self.folders = tuple(folders)

    def editions(self) -> list[InstalledEdition]:
        """Every valid edition, once per folder; broken ones are logged and skipped, never fatal."""
        found: list[InstalledEdition] = []
        seen: set[Path] = set()
        for folder in self.folders:
            for path in edition_folders(folder.path):
                resolved = path.resolve()
                if resolved in seen:
                    continue
                seen.add(resolved)
                try:
                    info = read_edition(path, EDITION_FORMAT_VERSION)
                except InvalidEdition as exc:
                    log.warning("Ignoring edition %s: %s", exc.folder, exc.reason)
                    continue
                found.append(InstalledEdition(path=path, folder=folder, manifest=info.manifest))
        return found

    def corpora(self) -> list[CorpusShelf]:
        """One shelf per corpus, ordered by title; each shelf's editions newest first."""
        by_corpus: dict[str, list[InstalledEdition]] = {}
        for edition in self.editions():
            by_corpus.setdefault(edition.corpus_id, []).append(edition)
        rank = {folder: n for n, folder in enumerate(self.folders)}
        shelves = []
        for corpus_id, editions in by_corpus.items():
            # Newest first; of two copies of the same edition, the earlier folder's.
            editions.sort(key=lambda e: rank[e.folder])
            editions.sort(key=lambda e: edition_order(e.manifest), reverse=True)
            shelves.append(CorpusShelf(corpus_id, tuple(editions)))
        shelves.sort(key=lambda s: (s.title.casefold(), s.corpus_id))
        return shelves

    def shelf(self, corpus_id: str) -> CorpusShelf | None:
        for shelf in self.corpora():
            if shelf.corpus_id == corpus_id:
                return shelf
        return None

    def writable_folder(self, kind: str) -> LibraryFolder:
        """The first folder of `kind` (USER or MACHINE), where `install` files new editions."""
        for folder in self.folders:
            if folder.kind == kind:
                return folder
        raise LookupError(kind)
