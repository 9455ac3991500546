"""The source: its root, its mkdocs.yml and docs_dir, and the walk over its files (excludes, symlinks)."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.core.corpus.errors import CorpusError, _problem
from reader.core.corpus.mkdocs import (
    MkDocsConfig,
    MkDocsConfigError,
    read_mkdocs_config,
)
from reader.core.model import (
    ERROR,
    WARNING,
    Problem,
)

# --------------------------------------------------------------------------------------------------- sources


def _source_root(source: Path) -> Path:
    where = str(source)
    try:
        st = source.stat()
    except FileNotFoundError:
        raise CorpusError(_problem(
            ERROR, "source-missing", "", None,
            f"{source} does not exist; give the folder of an MkDocs project or of Markdown files.",
        ), source=where) from None
    except OSError as exc:
        raise CorpusError(_problem(
            ERROR, "source-unreadable", "", None, f"{source} cannot be read ({exc.strerror}); check its permissions.",
        ), source=where, detail=str(exc.strerror)) from None
    if not stat.S_ISDIR(st.st_mode):
        raise CorpusError(_problem(
            ERROR, "source-not-directory", "", None,
            f"{source} is not a folder; give the folder that holds mkdocs.yml or the Markdown files.",
        ), source=where)
    if not os.access(source, os.R_OK | os.X_OK):
        raise CorpusError(_problem(
            ERROR, "source-unreadable", "", None, f"{source} cannot be read; check its permissions.",
        ), "source-no-access", source=where)
    return source.resolve()


def _config(root: Path) -> MkDocsConfig:
    try:
        return read_mkdocs_config(root)
    except MkDocsConfigError as exc:
        name = "mkdocs.yml" if (root / "mkdocs.yml").exists() else "mkdocs.yaml"
        problem = _problem(ERROR, exc.problem_code, name, exc.line, exc.message)
        raise CorpusError(problem, exc.code, **exc.params) from None


def _docs_dir(root: Path, config: MkDocsConfig) -> Path:
    if config.path is None:
        return root
    docs = (root / config.docs_dir)
    name = config.path.name
    try:
        resolved = docs.resolve()
    except (OSError, RuntimeError):
        resolved = docs
    line = config.line_of("docs_dir")
    if not resolved.is_relative_to(root):
        raise CorpusError(_problem(
            ERROR, "docs-dir-outside", name, line,
            f"docs_dir {config.docs_dir!r} lies outside the project; move the pages inside it.",
        ), docs_dir=config.docs_dir)
    if not resolved.is_dir():
        raise CorpusError(_problem(
            ERROR, "docs-dir-missing", name, line,
            f"The docs folder {config.docs_dir!r} does not exist; create it or set docs_dir in {name}.",
        ), docs_dir=config.docs_dir, file=name)
    return resolved


@dataclass
class _Listing:
    pages: list[tuple[str, Path]]  # (docs-relative path, file to read)
    assets: list[str]
    problems: list[Problem]


def _exclude_patterns(config: MkDocsConfig) -> tuple[str, ...]:
    """MkDocs `exclude_docs` (gitignore-style lines). Dot files are always excluded, as MkDocs does."""
    value = config.raw.get("exclude_docs") if config.raw else None
    if not isinstance(value, str):
        return ()
    return tuple(line.strip() for line in value.splitlines() if line.strip() and not line.strip().startswith("#"))


def _excluded(rel: str, is_dir: bool, patterns: tuple[str, ...]) -> bool:
    """A small gitignore subset: `name`, `*.ext`, `dir/`, `/anchored/path`, `a/**/b`; `!` re-includes."""
    excluded = False
    name = rel.rsplit("/", 1)[-1]
    for raw in patterns:
        negate = raw.startswith("!")
        pattern = raw[1:] if negate else raw
        dir_only = pattern.endswith("/")
        pattern = pattern.rstrip("/")
        if dir_only and not is_dir or not pattern:
            continue
        if pattern.startswith("/") or "/" in pattern:
            hit = fnmatch.fnmatchcase(rel, pattern.lstrip("/").replace("**/", "*"))
        else:
            hit = fnmatch.fnmatchcase(name, pattern)
        if hit:
            excluded = not negate
    return excluded


def _walk(root: Path, docs: Path, exclude: tuple[str, ...] = ()) -> _Listing:
    """Every .md page and asset under `docs`, never following a symlink out of `root`."""
    prefix = docs.relative_to(root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    listing = _Listing([], [], [])

    def unreadable(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else prefix.rstrip("/")
        listing.problems.append(_problem(
            ERROR, "folder-unreadable", rel, None,
            f"This folder cannot be read ({exc.strerror}); its pages are left out. Check its permissions.",
        ))

    stack = [(str(docs), "")]  # a stack, not recursion: folder depth is the corpus author's choice
    while stack:
        folder, rel_dir = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            unreadable(exc)
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            rel = rel_dir + name
            try:
                is_link = entry.is_symlink()  # from the directory listing: no extra system call
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
                is_file = is_link or is_dir or entry.is_file(follow_symlinks=False)
            except OSError:
                continue
            if name.startswith(".") or (
                exclude and _excluded(rel, is_dir or (is_link and os.path.isdir(entry.path)), exclude)
            ):
                continue
            if not _utf8(name):
                listing.problems.append(_not_utf8_problem(prefix + rel, is_dir))
                continue
            if is_dir:
                subfolders.append((entry.path, rel + "/"))
                continue
            if not is_file:
                listing.problems.append(_not_regular_problem(prefix + rel))
                continue
            target = Path(entry.path)
            if is_link:
                if os.path.isdir(entry.path):
                    listing.problems.append(_symlink_problem(root, target, prefix + rel, is_dir=True))
                    continue
                try:
                    target = target.resolve(strict=True)
                except (OSError, RuntimeError):
                    listing.problems.append(_problem(
                        ERROR, "symlink-broken", prefix + rel, None,
                        "This symlink points at nothing; remove it or restore its target.",
                    ))
                    continue
                if not target.is_relative_to(root):
                    listing.problems.append(_symlink_problem(root, Path(entry.path), prefix + rel, is_dir=False))
                    continue
                if not target.is_file():
                    if not target.is_dir():
                        listing.problems.append(_not_regular_problem(prefix + rel))
                    continue
            if name.lower().endswith(".md"):
                listing.pages.append((rel, target))
            else:
                listing.assets.append(rel)
        stack.extend(reversed(subfolders))
    listing.pages.sort(key=lambda item: item[0])
    listing.assets.sort()
    return listing


_WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$", re.IGNORECASE)
_WINDOWS_BAD_CHARS = re.compile(r'[<>:"\\|?*\x00-\x1f]')


def _unportable(rel: str) -> str | None:
    """The first path segment that cannot be a file name on Windows (the edition stores pages by id)."""
    for segment in rel.split("/"):
        if _WINDOWS_BAD_CHARS.search(segment) or _WINDOWS_RESERVED.match(segment) or segment.endswith((".", " ")):
            return segment
    return None


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")  # os.scandir hands undecodable bytes over as surrogates
    except UnicodeEncodeError:
        return False
    return True


def _escaped(rel: str) -> str:
    """A path with the bytes that are not UTF-8 shown as \\xNN, so that messages and JSON can carry it."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def _not_utf8_problem(rel: str, is_dir: bool) -> Problem:
    # Left out rather than kept under an escaped name: page ids, links and the edition's files are text, and no
    # UTF-8 Markdown link can reach such a file anyway.
    what = "folder" if is_dir else "file"
    return _problem(
        WARNING, "name-not-utf8", _escaped(rel), None,
        f"This {what} name is not valid UTF-8; the {what} is left out. Rename it.",
    )


def _not_regular_problem(rel: str) -> Problem:
    return _problem(
        WARNING, "not-regular-file", rel, None,
        "This is not a regular file (a pipe, socket or device); it is skipped. Remove it from the docs folder.",
    )


def _symlink_problem(root: Path, full: Path, rel: str, is_dir: bool) -> Problem:
    try:
        target = full.resolve()
        inside = target.is_relative_to(root)
    except (OSError, RuntimeError):
        inside = False
    if inside and is_dir:
        return _problem(
            WARNING, "symlink-folder", rel, None,
            "Symlinked folders are not followed; replace the link with a real folder to include its pages.",
        )
    return _problem(
        ERROR, "symlink-outside", rel, None,
        "This symlink points outside the source and is refused (never followed); "
        "copy the file into the source instead.",
    )
