"""Adding editions to the library and removing them, so that a kill at any moment leaves the old state or the new one.

An edition is made complete in a staging folder inside the library folder (`.staging-PID-XXXX`, invisible to the
listing because of its leading dot) and then renamed to `CORPUS/KEY` in one `os.rename`: a reader either sees the
whole edition or none of it. Removing renames the edition to `.removing-...` first, then deletes it. Staging and
removal leftovers of a killed process are cleaned up by the next install or remove.

A source is a pack (a signed zip, checked by reader.core.pack), an edition folder (`richtlijnenlezer build` output) or
an MkDocs folder, which is built first.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.edition import MANIFEST, InvalidEdition, read_edition
from reader.core.errors import Param, ReaderError
from reader.core.formats import EDITION_FORMAT_VERSION
from reader.core.library.shelves import USER, InstalledEdition, Library
from reader.core.model import Problem

log = logging.getLogger("reader.core.library")

PACK, EDITION, MKDOCS = "pack", "edition", "mkdocs"
STAGING_PREFIX = ".staging-"
REMOVING_PREFIX = ".removing-"

Progress = Callable[[int, int, str], None]


class LibraryError(ReaderError):
    """Installing or removing failed; nothing in the library changed. `code` says why."""

    def __init__(self, code: str, **params: Param) -> None:
        super().__init__(code, **params)


@dataclass
class InstallReport:
    edition: InstalledEdition
    kind: str  # PACK, EDITION or MKDOCS: what the source was
    already_installed: bool = False
    problems: list[Problem] = field(default_factory=list)  # what building found (MKDOCS only)
    verdict: Any = None  # the pack's reader.core.pack.PackVerdict (PACK only)


def source_kind(source: Path) -> str:
    """What `source` is; LibraryError when it is none of the three."""
    if not source.exists():
        raise LibraryError("library-source-missing", path=str(source))
    from reader.core.pack import PACK_SUFFIX  # not at import: listing the library never needs packs

    if source.suffix.lower() == PACK_SUFFIX:
        return PACK  # even a truncated one: verify_pack says what is wrong with it (and refuses pipes unopened)
    if source.is_file():
        if zipfile.is_zipfile(source):
            return PACK
        raise LibraryError("library-source-unknown", path=str(source))
    if (source / MANIFEST).is_file():
        return EDITION
    if (source / "mkdocs.yml").is_file() or (source / "mkdocs.yaml").is_file() or any(source.glob("*.md")) or any(
        (source / "docs").glob("**/*.md")
    ):
        return MKDOCS
    raise LibraryError("library-source-unknown", path=str(source))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its folder alone
    return True


def clean_leftovers(folder: Path) -> list[Path]:
    """Delete staging and removal folders that a killed process left behind; returns what was deleted."""
    removed = []
    try:
        children = list(folder.iterdir())
    except OSError:
        return []
    for child in children:
        name = child.name
        if name.startswith(REMOVING_PREFIX):
            stale = True
        elif name.startswith(STAGING_PREFIX):
            pid_text = name[len(STAGING_PREFIX):].split("-", 1)[0]
            stale = not (pid_text.isdigit() and _pid_alive(int(pid_text)))
        else:
            continue
        if stale and child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    return removed


def _staging(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_leftovers(folder)
        return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=folder))
    except OSError as exc:
        raise LibraryError("library-not-writable", folder=str(folder), detail=str(exc.strerror or exc)) from exc


def _copy_edition(source: Path, dest: Path) -> None:
    """Copy an edition folder, leaving out symlinks and special files (an edition never has them)."""

    def ignore(directory: str, names: list[str]) -> list[str]:
        return [n for n in names if os.path.islink(os.path.join(directory, n))
                or not (os.path.isfile(os.path.join(directory, n)) or os.path.isdir(os.path.join(directory, n)))]

    shutil.copytree(source, dest, ignore=ignore)


def _stage(
    kind: str, source: Path, edition: Path, *, trusted_keys: Sequence[Path], confirm: Callable[[Any], bool] | None,
    progress: Progress | None, build_options: dict[str, Any],
) -> tuple[list[Problem], Any]:
    """Make the complete edition at `edition` (inside a staging folder) from `source`."""
    if kind == PACK:
        from reader.core import pack  # only installs of packs need it (and Ed25519)

        verdict = pack.verify_pack(source, trusted_keys)
        if verdict.status != "trusted" and (confirm is None or not confirm(verdict)):
            raise LibraryError("library-install-declined", path=str(source), status=verdict.status)
        edition.mkdir()
        verdict = pack.extract_pack(source, edition, trusted_keys)
        return [], verdict
    if kind == EDITION:
        try:
            read_edition(source, EDITION_FORMAT_VERSION)
        except InvalidEdition as exc:
            raise LibraryError(exc.code, **exc.params) from exc
        _copy_edition(source, edition)
        return [], None
    from reader.core.edition import build_edition

    report = build_edition(source, edition, keep_going=True, progress=progress, **build_options)
    return report.problems, None


def install(
    library: Library, source: Path, *, kind: str = USER, trusted_keys: Sequence[Path] = (),
    confirm: Callable[[Any], bool] | None = None, progress: Progress | None = None,
    icons_dir: Path | None = None, corpus_id: str | None = None, edition_date: str | None = None,
) -> InstallReport:
    """Install `source` into the library folder of `kind` ("user" or "machine") as `CORPUS/KEY`.

    A pack signed by none of `trusted_keys` installs only when `confirm(verdict)` says so. Installing an edition that
    is already there changes nothing. On any failure (or a kill) nothing of the library changes.
    """
    source = Path(source)
    source_type = source_kind(source)
    try:
        folder = library.writable_folder(kind)
    except LookupError:
        raise LibraryError("library-not-writable", folder=kind, detail="no such library folder") from None
    staging = _staging(folder.path)
    try:
        edition_dir = staging / "edition"
        build_options = {"icons_dir": icons_dir, "corpus_id": corpus_id, "edition_date": edition_date}
        problems, verdict = _stage(
            source_type, source, edition_dir, trusted_keys=trusted_keys, confirm=confirm, progress=progress,
            build_options=build_options,
        )
        try:
            info = read_edition(edition_dir, EDITION_FORMAT_VERSION)
        except InvalidEdition as exc:
            raise LibraryError(exc.code, **exc.params) from exc
        staged = InstalledEdition(path=edition_dir, folder=folder, manifest=info.manifest)
        final = folder.path / staged.corpus_id / staged.key
        already = final.exists()
        if not already:
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.rename(edition_dir, final)  # the one step that makes the edition visible
            except OSError as exc:
                if not final.exists():
                    raise LibraryError("library-not-writable", folder=str(folder.path),
                                       detail=str(exc.strerror or exc)) from exc
                already = True  # another process installed the same edition a moment ago
        installed = InstalledEdition(path=final, folder=folder, manifest=info.manifest)
        return InstallReport(installed, source_type, already, problems, verdict)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove(library: Library, corpus_id: str, edition: str | None = None) -> list[InstalledEdition]:
    """Remove every edition of a corpus, or the one whose key or date is `edition`; returns what was removed.

    The bundled edition is part of the application and cannot be removed."""
    shelf = library.shelf(corpus_id)
    if shelf is None:
        raise LibraryError("library-no-corpus", corpus=corpus_id)
    if edition is None:
        targets = list(shelf.editions)
    else:
        chosen = [e for e in shelf.editions if edition in (e.key, e.edition_date)]
        if not chosen:
            raise LibraryError("library-no-edition", corpus=corpus_id, edition=edition)
        targets = chosen
    removable = [e for e in targets if e.removable]
    if not removable:
        raise LibraryError("library-remove-bundled", corpus=corpus_id)
    removed = []
    for folder in {target.folder.path for target in removable}:
        clean_leftovers(folder)
    for target in removable:
        trash = target.folder.path / f"{REMOVING_PREFIX}{target.corpus_id}-{target.key}-{os.getpid()}"
        try:
            os.rename(target.path, trash)  # invisible from here on; deleting may take a while
        except OSError as exc:
            raise LibraryError("library-remove-failed", path=str(target.path),
                               detail=str(exc.strerror or exc)) from exc
        shutil.rmtree(trash, ignore_errors=True)
        if target.path.parent != target.folder.path:
            try:
                target.path.parent.rmdir()  # the corpus folder, once its last edition is gone
            except OSError:
                pass
        removed.append(target)
    return removed

