"""Reading a pack's zip structure as untrusted input.

`zipfile` parses the central directory (after we checked, from the end record, that it is of a sane size); the
entries' data are then read here, straight from the file: the local header must name the same file as the central
directory, no entry's data may overlap the next one (the overlapping-entries zip bomb), and inflating stops as soon
as an entry yields more bytes than it declared. One pass computes the SHA-256 while the bytes go to the caller.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.core.pack.format import (
    EDITION_PREFIX,
    MANIFEST_ENTRY,
    SIGNATURE_ENTRY,
    PackError,
    PackLimits,
    PackRefused,
)
from reader.core.pack.names import check_name, check_unique, shown

CHUNK = 1 << 20
_LOCAL = struct.Struct("<4s5H3L2H")  # local file header: 30 bytes
_EOCD = struct.Struct("<4s4H2LH")  # end of central directory: 22 bytes
_ZIP64_LOCATOR = struct.Struct("<4sLQL")  # 20 bytes
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")  # 56 bytes
_MAX_COMMENT = 0xFFFF


@dataclass(frozen=True)
class Entry:
    name: str
    raw_name: bytes
    offset: int  # of the local header
    compressed: int
    size: int
    method: int
    end: int  # where the next entry (or the central directory) starts: this entry's data must end before


def _mb(value: int) -> int:
    return max(1, round(value / (1 << 20)))


class PackFile:
    """An open pack whose zip structure passed every check: `entries` by name (edition files under their
    `edition/` name). Use as a context manager."""

    def __init__(self, path: Path, limits: PackLimits) -> None:
        self.path = Path(path)
        self.limits = limits
        try:
            # Non-blocking, so that a FIFO given as the pack is refused instead of waiting for a writer.
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except IsADirectoryError:
            raise PackRefused("pack-not-file", path=str(self.path)) from None
        except FileNotFoundError:
            raise PackError("pack-missing", path=str(self.path)) from None
        except OSError as exc:
            raise PackError("pack-unreadable", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise PackRefused("pack-not-file", path=str(self.path))
        self.handle: BinaryIO = os.fdopen(fd, "rb")
        try:
            self.entries = self._read_directory()
        except BaseException:
            self.handle.close()
            raise

    def __enter__(self) -> "PackFile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.handle.close()

    # --- structure
    def _refuse_not_zip(self) -> PackRefused:
        self.handle.seek(0)
        if self.handle.read(4) == b"PK\x03\x04":
            return PackRefused("pack-truncated", path=str(self.path))  # starts as a zip, the end is gone
        return PackRefused("pack-not-zip", path=str(self.path))

    def _corrupt(self, detail: str) -> PackRefused:
        return PackRefused("pack-corrupt", path=str(self.path), detail=detail)

    def _check_end_record(self, size: int) -> None:
        """Refuse from the end record alone a directory too large to parse (before zipfile allocates for it)."""
        tail_len = min(size, _EOCD.size + _MAX_COMMENT)
        self.handle.seek(size - tail_len)
        tail = self.handle.read(tail_len)
        pos = tail.rfind(b"PK\x05\x06")
        if pos < 0 or pos + _EOCD.size > len(tail):
            raise self._refuse_not_zip()
        _, _, _, _, count, cd_size, _, _ = _EOCD.unpack_from(tail, pos)
        if count == 0xFFFF or cd_size == 0xFFFFFFFF:
            loc = size - tail_len + pos - _ZIP64_LOCATOR.size
            if loc < 0:
                raise self._corrupt("zip64 locator missing")
            self.handle.seek(loc)
            sig, _, record, _ = _ZIP64_LOCATOR.unpack(self.handle.read(_ZIP64_LOCATOR.size))
            if sig != b"PK\x06\x07" or record + _ZIP64_EOCD.size > size:
                raise self._corrupt("zip64 end record missing")
            self.handle.seek(record)
            fields = _ZIP64_EOCD.unpack(self.handle.read(_ZIP64_EOCD.size))
            if fields[0] != b"PK\x06\x06":
                raise self._corrupt("zip64 end record missing")
            count, cd_size = fields[7], fields[8]
        if count > self.limits.max_files + 2:
            raise PackRefused("pack-too-many-files", count=count, limit=self.limits.max_files)
        if cd_size > self.limits.max_central_directory_bytes:
            raise PackRefused("pack-too-many-files", count=count, limit=self.limits.max_files)

    def _read_directory(self) -> dict[str, Entry]:
        size = self.handle.seek(0, 2)
        if size < _EOCD.size:
            raise self._refuse_not_zip()
        self._check_end_record(size)
        self.handle.seek(0)
        try:
            with zipfile.ZipFile(self.handle) as archive:
                infos = archive.infolist()
                directory_start = int(getattr(archive, "start_dir", size))
        except zipfile.BadZipFile as exc:
            if "not a zip file" in str(exc).lower():
                raise self._refuse_not_zip() from None
            raise self._corrupt(str(exc)) from None
        except (ValueError, struct.error, OverflowError, EOFError, NotImplementedError, UnicodeDecodeError) as exc:
            raise self._corrupt(str(exc)) from None
        except OSError as exc:
            raise PackError("pack-unreadable", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        limits = self.limits
        if len(infos) > limits.max_files + 2:
            raise PackRefused("pack-too-many-files", count=len(infos), limit=limits.max_files)
        total = 0
        for info in infos:
            name = info.filename
            check_name(name)
            if info.flag_bits & 0x1:
                raise PackRefused("pack-encrypted", name=shown(name))
            file_type = stat.S_IFMT(info.external_attr >> 16)
            if file_type == stat.S_IFLNK:
                raise PackRefused("pack-symlink", name=shown(name))
            if file_type == stat.S_IFDIR or info.external_attr & 0x10 or name.endswith("/"):
                raise PackRefused("pack-extra-file", name=shown(name))
            if file_type not in (0, stat.S_IFREG):
                raise PackRefused("pack-special-file", name=shown(name))
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise PackRefused("pack-compression", name=shown(name), method=info.compress_type)
            if info.file_size > limits.max_file_bytes:
                raise PackRefused("pack-file-too-large", name=shown(name), size_mb=_mb(info.file_size),
                                  limit_mb=_mb(limits.max_file_bytes))
            total += info.file_size
            if total > limits.max_total_bytes:
                raise PackRefused("pack-too-large", size_mb=_mb(total), limit_mb=_mb(limits.max_total_bytes))
            if info.file_size >= limits.ratio_from_bytes and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise PackRefused("pack-ratio", name=shown(name), ratio=info.file_size // max(info.compress_size, 1),
                                  limit=limits.max_ratio)
            if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
                raise self._corrupt(f"{shown(name)}: stored size differs")
            if name not in (MANIFEST_ENTRY, SIGNATURE_ENTRY) and not name.startswith(EDITION_PREFIX):
                raise PackRefused("pack-extra-file", name=shown(name))
        check_unique(info.filename for info in infos)
        ordered = sorted(infos, key=lambda i: i.header_offset)
        entries: dict[str, Entry] = {}
        for index, info in enumerate(ordered):
            end = ordered[index + 1].header_offset if index + 1 < len(ordered) else directory_start
            raw_name = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "surrogateescape")
            entry = Entry(info.filename, raw_name, info.header_offset, info.compress_size, info.file_size,
                          info.compress_type, end)
            if entry.offset + _LOCAL.size + len(raw_name) + entry.compressed > end:
                raise self._corrupt(f"{shown(info.filename)}: overlaps the next entry")
            entries[info.filename] = entry
        return entries

    # --- data
    def _data_start(self, entry: Entry) -> int:
        self.handle.seek(entry.offset)
        header = self.handle.read(_LOCAL.size)
        if len(header) < _LOCAL.size:
            raise PackRefused("pack-truncated", path=str(self.path))
        sig, _, _, _, _, _, _, _, _, name_len, extra_len = _LOCAL.unpack(header)
        if sig != b"PK\x03\x04":
            raise self._corrupt(f"{shown(entry.name)}: no local header")
        if self.handle.read(name_len) != entry.raw_name:
            raise self._corrupt(f"{shown(entry.name)}: local header names another file")
        start = entry.offset + _LOCAL.size + int(name_len) + int(extra_len)
        if start + entry.compressed > entry.end:
            raise self._corrupt(f"{shown(entry.name)}: overlaps the next entry")
        return start

    def stream(self, entry: Entry, sink: Callable[[bytes], object] | None = None) -> str:
        """Read `entry`'s bytes (to `sink`, chunk by chunk) and return their SHA-256 (hex). Refuses an entry that
        yields more or fewer bytes than it declared, or whose compressed data is broken."""
        self.handle.seek(self._data_start(entry))
        digest = hashlib.sha256()
        remaining = entry.compressed
        produced = 0
        inflater = zlib.decompressobj(-15) if entry.method == zipfile.ZIP_DEFLATED else None
        while remaining:
            chunk = self.handle.read(min(CHUNK, remaining))
            if not chunk:
                raise PackRefused("pack-truncated", path=str(self.path))
            remaining -= len(chunk)
            while chunk:
                if inflater is None:
                    data, chunk = chunk, b""
                else:
                    if inflater.eof:
                        raise self._corrupt(f"{shown(entry.name)}: data after the end of the stream")
                    try:
                        # At most what may still come, plus one byte to notice more.
                        data = inflater.decompress(chunk, min(CHUNK, entry.size - produced + 1))
                    except zlib.error as exc:
                        raise self._corrupt(f"{shown(entry.name)}: {exc}") from None
                    chunk = inflater.unconsumed_tail
                produced += len(data)
                if produced > entry.size:
                    raise PackRefused("pack-size-mismatch", name=shown(entry.name), expected=entry.size)
                digest.update(data)
                if sink is not None and data:
                    sink(data)
        if inflater is not None and not inflater.eof:
            try:
                data = inflater.flush()  # output zlib held back (at most one match: 258 bytes)
            except zlib.error as exc:
                raise self._corrupt(f"{shown(entry.name)}: {exc}") from None
            produced += len(data)
            if produced > entry.size:
                raise PackRefused("pack-size-mismatch", name=shown(entry.name), expected=entry.size)
            digest.update(data)
            if sink is not None and data:
                sink(data)
        if produced != entry.size or (inflater is not None and (not inflater.eof or inflater.unused_data)):
            raise PackRefused("pack-size-mismatch", name=shown(entry.name), expected=entry.size)
        return digest.hexdigest()

    def read_small(self, entry: Entry, limit: int) -> bytes:
        """All of `entry` (a manifest or signature) into memory, refused above `limit` bytes."""
        if entry.size > limit:
            raise PackRefused("pack-file-too-large", name=shown(entry.name), size_mb=_mb(entry.size),
                              limit_mb=_mb(limit))
        parts: list[bytes] = []
        self.stream(entry, parts.append)
        return b"".join(parts)
