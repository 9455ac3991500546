"""What an edition pack is: its entries, its limits, its errors and the values the reading side hands back.

A pack (`*.rlpack`) is a zip file with
- `edition/<path>`: every file of the edition folder, `<path>` relative to the folder, `/`-separated;
- `rlpack.json`: the pack manifest, UTF-8 JSON
  `{"format": "richtlijnenlezer-pack", "version": 1, "files": [{"path", "size", "sha256"}, ...]}`, one entry per
  edition file, sorted by path (sha256 as 64 lowercase hex digits);
- `rlpack.sig` (optional): `{"format": "richtlijnenlezer-pack-signature", "version": 1, "algorithm": "ed25519",
  "public_key": base64 (32 bytes), "signature": base64 (64 bytes)}`, an Ed25519 signature over SIGNATURE_CONTEXT
  followed by the exact bytes of `rlpack.json`.
Nothing else: a pack holding any other entry is refused. The signature covers the manifest, the manifest covers
every byte of every file, and the reader checks that the zip holds exactly the files the manifest lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reader.core.errors import ReaderError

PACK_FORMAT = "richtlijnenlezer-pack"
PACK_VERSION = 1
SIGNATURE_FORMAT = "richtlijnenlezer-pack-signature"
SIGNATURE_VERSION = 1
PACK_SUFFIX = ".rlpack"
MANIFEST_ENTRY = "rlpack.json"
SIGNATURE_ENTRY = "rlpack.sig"
EDITION_PREFIX = "edition/"
# Signed together with the manifest, so a signature made with the same key for anything else never verifies here.
SIGNATURE_CONTEXT = b"richtlijnenlezer-pack-signature-v1\x00"

Status = Literal["trusted", "unknown-signer", "unsigned"]
STATUSES: tuple[Status, ...] = ("trusted", "unknown-signer", "unsigned")

MiB = 1 << 20


class PackError(ReaderError):
    """A pack or key cannot be read or written (a file system problem, a bad key file, a source we cannot pack)."""


class PackRefused(PackError):
    """A pack that is not what it claims to be, or that we do not dare to unpack: the code says why. Nothing was
    written (or everything written was removed again)."""


@dataclass(frozen=True)
class PackLimits:
    """How much a pack may make us write. A generated edition of 5,000 pages has about 5,000 files and 76 MB, far
    within these; a zip bomb is not. Declared sizes are checked first, and reading stops at the declared size."""

    max_files: int = 100_000
    max_total_bytes: int = 4 << 30  # all files, uncompressed
    max_file_bytes: int = 1 << 30  # one file, uncompressed
    # Uncompressed / compressed. Deflate reaches about 1030:1 on zeros; pages and search indexes 1-20x.
    max_ratio: int = 200
    # Only for large files: a search index column of zeros compresses 800:1 and is a few MB at 10,000 pages.
    ratio_from_bytes: int = 64 * MiB
    max_manifest_bytes: int = 64 * MiB  # rlpack.json (about 130 bytes per file)
    max_signature_bytes: int = 4096
    max_edition_manifest_bytes: int = 16 * MiB
    # zipfile holds every record of the central directory in memory (about 400 bytes each, at least 46 on disk):
    # this bounds that before it starts. 100,000 records with names of 100 characters take about 15 MiB.
    max_central_directory_bytes: int = 24 * MiB


DEFAULT_LIMITS = PackLimits()


@dataclass(frozen=True)
class PackInfo:
    """What `write_pack` wrote."""

    path: Path
    files: int
    total_bytes: int  # the edition's files, uncompressed
    pack_bytes: int
    signer: str  # the signing key's fingerprint, "" when unsigned
    corpus_id: str
    edition_date: str


@dataclass(frozen=True)
class PackVerdict:
    """A pack whose every byte matched its manifest. `status` says who vouches for it: a trusted key, a key we do
    not know (`signer` is its fingerprint), or nobody."""

    pack: Path
    status: Status
    signer: str  # fingerprint of the signing key, "" when unsigned
    signer_key: Path | None  # the trusted key file that matched, when trusted
    corpus_id: str
    corpus_title: str
    edition_date: str
    page_count: int
    files: int
    total_bytes: int
    manifest: dict[str, Any] = field(compare=False, repr=False)  # the edition's manifest.json

    @property
    def trusted(self) -> bool:
        return self.status == "trusted"

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": str(self.pack),
            "status": self.status,
            "signer": self.signer,
            "signer_key": str(self.signer_key) if self.signer_key else None,
            "corpus_id": self.corpus_id,
            "corpus_title": self.corpus_title,
            "edition_date": self.edition_date,
            "page_count": self.page_count,
            "files": self.files,
            "total_bytes": self.total_bytes,
        }
