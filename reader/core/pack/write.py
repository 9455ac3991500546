"""Writing a pack: the edition folder's files, the manifest of their hashes and, with a key, its signature.

One read of each file feeds both the hash and the compressor. Files that are compressed already (images, fonts,
the search index's zlib files) are stored as they are. Entries carry the edition's build time and mode 0644, so
packing the same edition twice gives the same bytes (an Ed25519 signature is deterministic too).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reader.core.edition import EDITION_FORMAT_VERSION, corpus_id_of, edition_date_of, read_edition
from reader.core.fileio import atomic_write_stream
from reader.core.pack.format import (
    DEFAULT_LIMITS,
    EDITION_PREFIX,
    MANIFEST_ENTRY,
    PACK_FORMAT,
    PACK_VERSION,
    SIGNATURE_CONTEXT,
    SIGNATURE_ENTRY,
    SIGNATURE_FORMAT,
    SIGNATURE_VERSION,
    PackError,
    PackInfo,
    PackLimits,
    PackRefused,
)
from reader.core.pack.keys import fingerprint, load_private_key, raw_public_key
from reader.core.pack.names import check_name, check_unique

STORED_SUFFIXES = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".woff", ".woff2", ".zip", ".gz", ".z", ".bz2", ".xz",
    ".mp3", ".mp4", ".webm", ".ogg",
})
WHOLE_FILE_BYTES = 4 << 20  # smaller files are read in one go
CHUNK = 1 << 20
COMPRESS_LEVEL = 6  # zip's own default
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class _Source:
    rel: str
    path: Path


def _edition_files(root: Path, limits: PackLimits) -> list[_Source]:
    """Every file under `root`, sorted by relative path; a link or special file refuses the edition (a pack
    never holds either), as does a name a pack may not carry."""
    found: list[_Source] = []

    def walk(folder: Path, prefix: str) -> None:
        with os.scandir(folder) as listing:
            children = sorted(listing, key=lambda e: e.name)
        for child in children:
            path = Path(child.path)
            rel = prefix + child.name
            if child.is_symlink() or not (child.is_dir() or child.is_file()):
                raise PackError("pack-source-unsafe", path=str(path))
            try:
                check_name(rel)
            except PackRefused:
                raise PackError("pack-source-name", path=str(path)) from None
            if child.is_dir():
                walk(path, rel + "/")
            else:
                found.append(_Source(rel, path))
                if len(found) > limits.max_files:
                    raise PackError("pack-source-too-large", path=str(root))

    try:
        walk(root, "")
    except OSError as exc:
        raise PackError("pack-unreadable", path=str(exc.filename or root), detail=exc.strerror or str(exc)) from exc
    try:
        check_unique(s.rel for s in found)
    except PackRefused as exc:
        raise PackError("pack-source-name", path=str(root / str(exc.params["name"]))) from None
    return sorted(found, key=lambda s: s.rel)


def _zip_time(built_at: datetime) -> tuple[int, int, int, int, int, int]:
    stamp = built_at if built_at.year >= 1980 else datetime(1980, 1, 1)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def _info(name: str, date_time: tuple[int, int, int, int, int, int], stored: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time)
    info.create_system = 3  # Unix: the mode below is read as a mode
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def _add_file(archive: zipfile.ZipFile, source: _Source, date_time: tuple[int, int, int, int, int, int],
              limits: PackLimits) -> tuple[int, str]:
    """Add one file; return its size and SHA-256 (of the bytes that went in)."""
    info = _info(EDITION_PREFIX + source.rel, date_time, Path(source.rel).suffix.lower() in STORED_SUFFIXES)
    fd = os.open(source.path, _READ_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(fd).st_size
        if size > limits.max_file_bytes:
            raise PackError("pack-source-too-large", path=str(source.path))
        if size <= WHOLE_FILE_BYTES:
            data = handle.read()
            archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
            return len(data), hashlib.sha256(data).hexdigest()
        digest = hashlib.sha256()
        written = 0
        info.file_size = size  # lets zipfile choose zip64 up front
        with archive.open(info, "w") as entry:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                entry.write(chunk)
                written += len(chunk)
        return written, digest.hexdigest()


def manifest_bytes(files: list[dict[str, object]]) -> bytes:
    doc = {"format": PACK_FORMAT, "version": PACK_VERSION, "files": files}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_pack(
    edition_dir: Path, out: Path, *, private_key: Path | None = None, limits: PackLimits = DEFAULT_LIMITS
) -> PackInfo:
    """Pack the edition in `edition_dir` into `out` (replaced atomically: a temporary file in the same folder,
    then renamed), signed with the Ed25519 key in `private_key` when given. Refuses an edition this reader
    cannot open (InvalidEdition, with its code) and an edition folder holding links or names a pack cannot carry
    (PackError)."""
    edition_dir, out = Path(edition_dir), Path(out)
    edition = read_edition(edition_dir, EDITION_FORMAT_VERSION)
    key = load_private_key(private_key) if private_key is not None else None
    if out.resolve().is_relative_to(edition_dir.resolve()):
        raise PackError("pack-out-inside", path=str(out))
    sources = _edition_files(edition_dir, limits)
    date_time = _zip_time(edition.built_at)
    files: list[dict[str, object]] = []
    signer = ""
    total_bytes = 0

    def write(handle: BinaryIO) -> None:
        nonlocal signer, total_bytes
        files.clear()
        total_bytes = 0
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            for source in sources:
                size, digest = _add_file(archive, source, date_time, limits)
                total_bytes += size
                if total_bytes > limits.max_total_bytes:
                    raise PackError("pack-source-too-large", path=str(edition_dir))
                files.append({"path": source.rel, "size": size, "sha256": digest})
            manifest = manifest_bytes(files)
            archive.writestr(_info(MANIFEST_ENTRY, date_time, False), manifest, compresslevel=COMPRESS_LEVEL)
            if key is not None:
                raw = raw_public_key(key)
                signature = {
                    "format": SIGNATURE_FORMAT,
                    "version": SIGNATURE_VERSION,
                    "algorithm": "ed25519",
                    "public_key": base64.b64encode(raw).decode("ascii"),
                    "signature": base64.b64encode(key.sign(SIGNATURE_CONTEXT + manifest)).decode("ascii"),
                }
                archive.writestr(_info(SIGNATURE_ENTRY, date_time, True),
                                 (json.dumps(signature, indent=1) + "\n").encode("ascii"))
                signer = fingerprint(raw)

    try:
        atomic_write_stream(out, write)
    except OSError as exc:
        raise PackError("pack-cannot-write", path=str(out), detail=exc.strerror or str(exc)) from exc
    return PackInfo(
        path=out,
        files=len(files),
        total_bytes=total_bytes,
        pack_bytes=out.stat().st_size,
        signer=signer,
        corpus_id=corpus_id_of(edition.manifest),
        edition_date=edition_date_of(edition.manifest),
    )
