"""Checking a pack and unpacking it: every byte against the manifest, the manifest against its signature, the
edition against what this reader can open. Anything wrong refuses the whole pack (PackRefused) and leaves nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.edition import (
    EDITION_FORMAT_VERSION,
    MANIFEST,
    EditionInfo,
    InvalidEdition,
    corpus_id_of,
    edition_date_of,
    read_edition,
)
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
    PackLimits,
    PackRefused,
    PackVerdict,
    Status,
)
from reader.core.pack.keys import PublicKey, fingerprint, signature_valid, trusted_public_keys
from reader.core.pack.names import check_name, shown
from reader.core.pack.zipread import Entry, PackFile

_SHA256 = re.compile(r"[0-9a-f]{64}")  # fullmatch: no newline after it
Progress = Callable[[int, int], object]  # (bytes done, bytes in all)


@dataclass(frozen=True)
class FileRecord:
    path: str  # relative to the edition folder
    size: int
    sha256: str


@dataclass(frozen=True)
class _Checked:
    """A pack whose structure, manifest and signature passed; its files are still to be read."""

    records: list[tuple[FileRecord, Entry]]  # in the order they lie in the file
    status: Status
    signer: str
    signer_key: Path | None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_manifest(data: bytes, limits: PackLimits = DEFAULT_LIMITS) -> list[FileRecord]:
    """The file list of a pack manifest (`rlpack.json`), checked field by field."""
    def invalid(detail: str) -> PackRefused:
        return PackRefused("pack-manifest-invalid", detail=detail)

    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise invalid("no UTF-8 JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != PACK_FORMAT:
        raise invalid("format")
    found = doc.get("version")
    if not _is_int(found) or found != PACK_VERSION:  # (True == 1 in Python)
        raise PackRefused("pack-version", found=str(found), expected=PACK_VERSION)
    files = doc.get("files")
    if not isinstance(files, list) or len(files) > limits.max_files:
        raise invalid("files")
    records = []
    seen: set[str] = set()
    for number, item in enumerate(files):
        if not isinstance(item, dict):
            raise invalid(f"files[{number}]")
        path, size, digest = item.get("path"), item.get("size"), item.get("sha256")
        if (
            not isinstance(path, str)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or size < 0
            or not isinstance(digest, str)
            or not _SHA256.fullmatch(digest)
        ):
            raise invalid(f"files[{number}]")
        check_name(path)
        if path in seen:
            raise PackRefused("pack-duplicate", name=shown(path), other=shown(path))
        seen.add(path)
        records.append(FileRecord(path, size, digest))
    return records


def _signature(pack: PackFile, manifest: bytes, trusted: list[PublicKey]) -> tuple[Status, str, Path | None]:
    entry = pack.entries.get(SIGNATURE_ENTRY)
    if entry is None:
        return "unsigned", "", None
    data = pack.read_small(entry, pack.limits.max_signature_bytes)
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict):
            raise ValueError("not an object")
        if (doc.get("format"), doc.get("version"), doc.get("algorithm")) != (
            SIGNATURE_FORMAT, SIGNATURE_VERSION, "ed25519"
        ):
            raise ValueError("format")
        raw = base64.b64decode(str(doc.get("public_key")), validate=True)
        signature = base64.b64decode(str(doc.get("signature")), validate=True)
        if len(raw) != 32 or len(signature) != 64:
            raise ValueError("length")
    except (UnicodeDecodeError, ValueError, RecursionError, binascii.Error):
        raise PackRefused("pack-signature-unreadable", path=str(pack.path)) from None
    signer = fingerprint(raw)
    if not signature_valid(raw, signature, SIGNATURE_CONTEXT + manifest):
        raise PackRefused("pack-bad-signature", signer=signer)
    for key in trusted:
        if key.raw == raw:
            return "trusted", signer, key.path
    return "unknown-signer", signer, None


def _check(pack: PackFile, trusted_keys: Sequence[Path], require_trusted: bool) -> _Checked:
    manifest_entry = pack.entries.get(MANIFEST_ENTRY)
    if manifest_entry is None:
        raise PackRefused("pack-no-manifest", path=str(pack.path))
    manifest = pack.read_small(manifest_entry, pack.limits.max_manifest_bytes)
    records = parse_manifest(manifest, pack.limits)
    status, signer, signer_key = _signature(pack, manifest, trusted_public_keys(list(trusted_keys)))
    if require_trusted and status == "unsigned":
        raise PackRefused("pack-unsigned", path=str(pack.path))
    if require_trusted and status == "unknown-signer":
        raise PackRefused("pack-untrusted-signer", signer=signer)
    listed = {EDITION_PREFIX + r.path: r for r in records}
    for name in pack.entries:
        if name.startswith(EDITION_PREFIX) and name not in listed:
            raise PackRefused("pack-extra-file", name=shown(name))
    pairs = []
    for name, record in listed.items():
        entry = pack.entries.get(name)
        if entry is None:
            raise PackRefused("pack-missing-file", name=shown(record.path))
        if entry.size != record.size:
            raise PackRefused("pack-size-mismatch", name=shown(record.path), expected=record.size)
        pairs.append((record, entry))
    pairs.sort(key=lambda pair: pair[1].offset)
    return _Checked(pairs, status, signer, signer_key)


def _edition_manifest(pack: PackFile, checked: _Checked) -> dict[str, Any]:
    """The edition's manifest.json, hash-checked, validated as this reader validates an edition folder (in a
    throwaway skeleton: the manifest and the folders the pack fills)."""
    found = [(r, e) for r, e in checked.records if r.path == MANIFEST]
    with tempfile.TemporaryDirectory(prefix="rlpack-check-") as tmp:
        skeleton = Path(tmp)
        if found:
            record, entry = found[0]
            data = pack.read_small(entry, pack.limits.max_edition_manifest_bytes)
            _check_digest(record, hashlib.sha256(data).hexdigest())
            (skeleton / MANIFEST).write_bytes(data)
        for folder in ("pages", "index"):
            if any(r.path.startswith(folder + "/") for r, _ in checked.records):
                (skeleton / folder).mkdir()
        return _read_edition(skeleton, pack.path).manifest


def _check_digest(record: FileRecord, digest: str) -> None:
    if digest != record.sha256:
        raise PackRefused("pack-hash-mismatch", name=shown(record.path))


def _read_edition(folder: Path, pack: Path) -> EditionInfo:
    try:
        return read_edition(folder, EDITION_FORMAT_VERSION)
    except InvalidEdition as exc:
        # The edition's own reason, said of the pack (the folder is a temporary one).
        raise PackRefused(exc.code, **{**exc.params, "folder": str(pack)}) from None


def _verdict(pack: Path, checked: _Checked, manifest: dict[str, Any]) -> PackVerdict:
    return PackVerdict(
        pack=pack,
        status=checked.status,
        signer=checked.signer,
        signer_key=checked.signer_key,
        corpus_id=corpus_id_of(manifest),
        corpus_title=str(manifest.get("corpus_title", "")),
        edition_date=edition_date_of(manifest),
        page_count=int(manifest.get("page_count", 0)),
        files=len(checked.records),
        total_bytes=sum(r.size for r, _ in checked.records),
        manifest=manifest,
    )


def verify_pack(
    pack: Path,
    trusted_keys: Sequence[Path],
    *,
    require_trusted: bool = False,
    limits: PackLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> PackVerdict:
    """Check every byte of `pack` without unpacking it. `trusted_keys` are `.pub` files; with `require_trusted`
    an unsigned pack or one signed by another key is refused too. Raises PackRefused (or PackError when the file
    cannot be read at all)."""
    pack = Path(pack)
    with PackFile(pack, limits) as opened:
        checked = _check(opened, trusted_keys, require_trusted)
        manifest = _edition_manifest(opened, checked)
        total = sum(r.size for r, _ in checked.records)
        done = 0
        for record, entry in checked.records:
            _check_digest(record, opened.stream(entry))
            done += record.size
            if progress is not None:
                progress(done, total)
    return _verdict(pack, checked, manifest)


def _empty(folder: Path) -> None:
    """Remove everything inside `folder` (what a failed unpack wrote), never following a link."""
    for child in list(folder.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            try:
                child.unlink()
            except OSError:
                pass


_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _write_file(opened: PackFile, record: FileRecord, entry: Entry, dest: Path, made: set[str], sync: bool) -> None:
    parts = record.path.split("/")
    for end in range(1, len(parts)):
        rel = "/".join(parts[:end])
        if rel not in made:
            folder = dest.joinpath(*parts[:end])
            os.mkdir(folder, 0o755)
            os.chmod(folder, 0o755)  # whatever the umask
            made.add(rel)
    target = dest.joinpath(*parts)
    try:
        fd = os.open(target, _FILE_FLAGS, 0o644)
    except FileExistsError:
        # Two names this file system takes for one (a rule names.py does not know): refuse, as for duplicates.
        raise PackRefused("pack-duplicate", name=shown(record.path), other=shown(record.path)) from None
    with os.fdopen(fd, "wb") as handle:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o644)
        _check_digest(record, opened.stream(entry, handle.write))
        if sync:
            handle.flush()
            os.fsync(fd)


def extract_pack(
    pack: Path,
    dest: Path,
    trusted_keys: Sequence[Path],
    *,
    require_trusted: bool = False,
    limits: PackLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    sync: bool = False,
) -> PackVerdict:
    """Check `pack` and unpack its edition into `dest`, an empty folder the caller made (files 0644, folders
    0755, no links). Hashes are checked while writing; on any failure everything written under `dest` is removed
    and the error raised. `sync` fsyncs each file (for an install that must survive a power cut)."""
    pack, dest = Path(pack), Path(dest)
    if dest.is_symlink() or not dest.is_dir():
        raise PackError("pack-dest-invalid", path=str(dest))
    if any(dest.iterdir()):
        raise PackError("pack-dest-not-empty", path=str(dest))
    with PackFile(pack, limits) as opened:
        checked = _check(opened, trusted_keys, require_trusted)
        manifest = _edition_manifest(opened, checked)
        total = sum(r.size for r, _ in checked.records)
        done = 0
        made: set[str] = set()
        try:
            for record, entry in checked.records:
                try:
                    _write_file(opened, record, entry, dest, made, sync)
                except OSError as exc:
                    raise PackError("pack-cannot-write", path=str(dest / record.path),
                                    detail=exc.strerror or str(exc)) from exc
                done += record.size
                if progress is not None:
                    progress(done, total)
            _read_edition(dest, pack)
        except BaseException:
            _empty(dest)
            raise
    return _verdict(pack, checked, manifest)
