"""Choosing which edition the reader opens.

The frozen application ships a bundled edition. An administrator can ship a newer corpus without reinstalling by
placing the output of `richtlijnenlezer build` in an editions folder, per user or per machine (the folders come from
reader.paths, through reader.editions). The reader opens the newest *valid* edition found there when it is newer (by
the manifest's `built_at`) than the bundled one; anything broken is skipped with a log message that names the folder
and the reason, so a bad copy never stops the reader from starting.

An editions folder may hold several editions as subfolders (`editions/nerds-2026-03/manifest.json`), or be an
edition itself (`editions/manifest.json`). Subfolders whose name starts with "." or ends with ".tmp"/".part" are
treated as copies in progress and skipped, so an administrator can copy to such a name and rename it into place.

No Qt here: this runs before any window exists and is tested without a display.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reader.core.errors import Param, ReaderError
from reader.core.formats import EDITION_FORMAT_VERSION, INDEX_FORMAT_VERSION

# The name predates the edition package; packaging/README.md and administrators' log filters quote it.
log = logging.getLogger("reader.core.edition_select")

MANIFEST_NAME = "manifest.json"
# The keys a manifest must carry, with the types we accept for them (bool is excluded from int explicitly below).
REQUIRED_KEYS: dict[str, tuple[type, ...]] = {
    "format_version": (int,),
    "index_format": (int, str),
    "corpus_title": (str,),
    "built_at": (str,),
    "page_count": (int,),
    "content_hash": (str,),
}
IN_PROGRESS_SUFFIXES = (".tmp", ".part", ".partial")


class InvalidEdition(ReaderError, ValueError):
    """An edition folder that cannot be opened. `code` and `params` (always with `folder`) say why for the user;
    `reason` says it in English for a log line or an administrator."""

    def __init__(self, folder: Path, code: str, reason: str, **params: Param) -> None:
        super().__init__(code, folder=str(folder), **params)
        self.folder = folder
        self.reason = reason


@dataclass(frozen=True)
class EditionInfo:
    """What selection needs to know about a valid edition."""

    path: Path
    format_version: int
    corpus_title: str
    built_at: datetime  # always timezone-aware (UTC)
    page_count: int
    content_hash: str
    manifest: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # the whole validated manifest


def parse_built_at(value: str) -> datetime:
    """ISO 8601 -> aware datetime in UTC. A timestamp without offset is taken as UTC (that is what builds write)."""
    stamp = datetime.fromisoformat(value.strip())
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(timezone.utc)


def read_edition(folder: Path, format_version: int, *, require_index: bool = True) -> EditionInfo:
    """Validate an edition folder and return its manifest data; raise InvalidEdition saying what is wrong.

    An edition chosen among several must be complete; one opened explicitly may lack its search index (it still
    reads, and the window says search is unavailable), hence `require_index`."""
    if not folder.is_dir():
        raise InvalidEdition(folder, "edition-not-directory", "not a directory")
    manifest_path = folder / MANIFEST_NAME
    if not manifest_path.is_file():
        raise InvalidEdition(folder, "edition-no-manifest", f"no {MANIFEST_NAME}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidEdition(
            folder, "edition-manifest-unreadable", f"cannot read {MANIFEST_NAME}: {exc}", detail=str(exc)
        ) from exc
    except json.JSONDecodeError as exc:
        raise InvalidEdition(
            folder, "edition-manifest-json", f"{MANIFEST_NAME} is not valid JSON (line {exc.lineno}: {exc.msg})",
            line=exc.lineno, detail=exc.msg,
        ) from exc
    if not isinstance(manifest, dict):
        raise InvalidEdition(folder, "edition-manifest-not-object", f"{MANIFEST_NAME} is not a JSON object")
    missing = [key for key in REQUIRED_KEYS if key not in manifest]
    if missing:
        raise InvalidEdition(
            folder, "edition-manifest-missing", f"{MANIFEST_NAME} lacks {', '.join(missing)}", keys=", ".join(missing)
        )
    for key, types in REQUIRED_KEYS.items():
        value = manifest[key]
        if isinstance(value, bool) or not isinstance(value, types):
            raise InvalidEdition(
                folder, "edition-manifest-type", f"{MANIFEST_NAME}: {key} has the wrong type ({type(value).__name__})",
                key=key, type=type(value).__name__,
            )
    found_version = manifest["format_version"]
    if found_version != format_version:
        # Older editions need a rebuild; newer ones come from a newer reader. Either way we cannot read them.
        raise InvalidEdition(
            folder, "edition-format",
            f"edition format {found_version}, this reader reads format {format_version} (rebuild it)",
            found=found_version, expected=format_version,
        )
    if manifest["index_format"] != INDEX_FORMAT_VERSION:
        raise InvalidEdition(
            folder, "edition-index-format",
            f"search index format {manifest['index_format']}, this reader reads format {INDEX_FORMAT_VERSION} "
            "(rebuild it)",
            found=manifest["index_format"], expected=INDEX_FORMAT_VERSION,
        )
    try:
        built_at = parse_built_at(manifest["built_at"])
    except ValueError as exc:
        raise InvalidEdition(
            folder, "edition-built-at", f"{MANIFEST_NAME}: built_at {manifest['built_at']!r} is not ISO 8601",
            value=manifest["built_at"],
        ) from exc
    if manifest["page_count"] < 0:
        raise InvalidEdition(folder, "edition-page-count", f"{MANIFEST_NAME}: negative page_count")
    if not (folder / "pages").is_dir():
        raise InvalidEdition(folder, "edition-no-pages", "no pages/ directory")
    if require_index and not (folder / "index").is_dir():
        raise InvalidEdition(folder, "edition-no-index", "no index/ directory (search index)")
    return EditionInfo(
        path=folder,
        format_version=found_version,
        corpus_title=manifest["corpus_title"],
        built_at=built_at,
        page_count=manifest["page_count"],
        content_hash=manifest["content_hash"],
        manifest=manifest,
    )


def _candidates(editions_dir: Path) -> list[Path]:
    """The edition folders an editions folder offers: itself if it holds a manifest, else its subfolders."""
    if (editions_dir / MANIFEST_NAME).exists():
        return [editions_dir]
    try:
        children = sorted(child for child in editions_dir.iterdir() if child.is_dir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("Cannot read editions folder %s: %s", editions_dir, exc)
        return []
    result = []
    for child in children:
        if child.name.startswith(".") or child.name.endswith(IN_PROGRESS_SUFFIXES):
            log.info("Skipping %s: looks like a copy in progress", child)
            continue
        if not (child / MANIFEST_NAME).exists() and _is_corpus_folder(child):
            continue  # CORPUS/EDITION, as `install` files editions: the library's to choose from, not ours
        result.append(child)
    return result


def _is_corpus_folder(folder: Path) -> bool:
    try:
        return any((grandchild / MANIFEST_NAME).exists() for grandchild in folder.iterdir() if grandchild.is_dir())
    except OSError:
        return False


def find_editions(override_dirs: list[Path], format_version: int) -> list[EditionInfo]:
    """Every valid edition in the given editions folders, in folder order; broken ones are logged and skipped."""
    found = []
    for editions_dir in override_dirs:
        for folder in _candidates(Path(editions_dir)):
            try:
                found.append(read_edition(folder, format_version))
            except InvalidEdition as exc:
                log.warning("Ignoring edition %s: %s", exc.folder, exc.reason)
    return found


def _current_format_version() -> int:
    return EDITION_FORMAT_VERSION


def select_edition(
    bundled: Path | None, override_dirs: list[Path], *, format_version: int | None = None
) -> Path | None:
    """The edition to open: the newest valid one in `override_dirs` if it is newer than `bundled`, else `bundled`.

    `override_dirs` is normally `[user_editions_dir(), machine_editions_dir()]`; on equal `built_at` the earlier
    folder wins (per user before per machine) and the bundled edition wins over both. A broken bundled edition is
    logged and not returned. Returns None when there is no valid edition at all.
    """
    if format_version is None:
        format_version = _current_format_version()
    bundled_info: EditionInfo | None = None
    if bundled is not None:
        try:
            bundled_info = read_edition(Path(bundled), format_version)
        except InvalidEdition as exc:
            log.error("Bundled edition %s is unusable: %s", exc.folder, exc.reason)
    best = bundled_info
    for info in find_editions(override_dirs, format_version):
        if best is None or info.built_at > best.built_at:
            best = info
    if best is None:
        return None
    if bundled_info is not None and best is not bundled_info:
        log.info(
            "Opening edition %s (built %s), newer than the bundled one (built %s)",
            best.path, best.built_at.isoformat(), bundled_info.built_at.isoformat(),
        )
    return best.path


# The documented per-machine folders on Linux, searched whatever XDG_DATA_DIRS says (see override_dirs).
LINUX_MACHINE_DIRS = (Path("/usr/local/share/richtlijnenlezer/editions"), Path("/usr/share/richtlijnenlezer/editions"))


def override_dirs(user_dir: Path, machine_dir: Path) -> list[Path]:
    """The per-user editions folder, then the per-machine one(s), without duplicates (reader.editions passes the
    folders from reader.paths).

    On Linux platformdirs takes the per-machine folder from the *first* entry of XDG_DATA_DIRS, which desktop
    sessions rearrange (Ubuntu's starts with /usr/share/ubuntu), so the documented /usr/local/share and /usr/share
    folders are always searched as well.
    """
    dirs = [user_dir, machine_dir]
    if sys.platform.startswith("linux"):
        dirs.extend(LINUX_MACHINE_DIRS)
    unique: list[Path] = []
    for folder in dirs:
        if folder not in unique:
            unique.append(folder)
    return unique
