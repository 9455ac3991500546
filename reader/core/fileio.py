"""Atomic file writes: a reader either sees the old file or the complete new one, never half of it.

Write to a temporary file in the same directory (so `os.replace` is a rename on one file system), flush and
fsync it, rename it over the target, then fsync the directory so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> Path:
    """Replace `path` with `data` atomically. Returns the path. The directory must exist."""
    return _atomic_write(path, lambda handle: handle.write(data), mode)


def atomic_copy_file(source: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """Replace `path` with a copy of the file `source` atomically, streamed (files may be large)."""

    def copy(handle: BinaryIO) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, handle, 1 << 20)

    return _atomic_write(path, copy, None)


def atomic_write_stream(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object], *, mode: int | None = None
) -> Path:
    """Replace `path` atomically with what `write` writes to the (seekable) handle it is given, streamed."""
    return _atomic_write(path, write, mode)


def _atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object], mode: int | None) -> Path:
    target = Path(path)
    directory = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif target.exists():
            # Keep the permissions the user gave the old file (mkstemp creates 0600).
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    fsync_dir(directory)
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    # newline="" semantics: we write exactly the text we were given.
    return atomic_write_bytes(path, text.encode(encoding))


def fsync_dir(directory: str | os.PathLike[str]) -> None:
    """Make a rename/creation in `directory` durable. A no-op where directories cannot be opened (Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on directories; the data itself is already synced
    finally:
        os.close(fd)
