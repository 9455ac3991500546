"""Ed25519 keys for signing packs, and the files they live in.

- The private key (`KEY`, created 0600): PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), unencrypted, as
  `openssl genpkey -algorithm ed25519` writes it; keep it off the machines that read packs.
- The public key (`KEY.pub`): UTF-8 text; lines starting with `#` are comments; the first other line is
  `rlpack-ed25519 <base64 of the 32-byte raw public key> [comment]`. An administrator trusts a signer by copying
  this file into the per-machine trusted-keys folder.
- A key's fingerprint is `SHA256:` + unpadded base64 of the SHA-256 of the raw public key (as OpenSSH shows them).

`cryptography` is imported on first use: only signing and checking a signature need it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.pack.format import PackError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

log = logging.getLogger("reader.core.pack")

PUBLIC_KEY_TAG = "rlpack-ed25519"
PUBLIC_KEY_SUFFIX = ".pub"
MAX_KEY_FILE_BYTES = 64 * 1024
RAW_KEY_BYTES = 32


@dataclass(frozen=True)
class PublicKey:
    raw: bytes
    path: Path | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)


def fingerprint(raw: bytes) -> str:
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode("ascii").rstrip("=")


def public_key_text(raw: bytes, comment: str = "") -> str:
    """The contents of a `.pub` file for the raw public key `raw`."""
    tail = f" {comment}" if comment else ""
    return (
        "# Publieke sleutel voor editiepakketten van de Richtlijnenlezer (Ed25519).\n"
        f"# Vingerafdruk: {fingerprint(raw)}\n"
        f"{PUBLIC_KEY_TAG} {base64.b64encode(raw).decode('ascii')}{tail}\n"
    )


def _read_small(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise PackError("key-unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if len(data) > MAX_KEY_FILE_BYTES:
        raise PackError("key-invalid", path=str(path))
    return data


def parse_public_key(text: str, path: Path | None = None) -> PublicKey:
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) >= 2 and fields[0] == PUBLIC_KEY_TAG:
            try:
                raw = base64.b64decode(fields[1], validate=True)
            except (binascii.Error, ValueError):
                break
            if len(raw) == RAW_KEY_BYTES:
                return PublicKey(raw, path)
        break
    raise PackError("key-invalid", path=str(path or ""))


def load_public_key(path: Path) -> PublicKey:
    """The public key in the `.pub` file `path` (PackError key-unreadable / key-invalid)."""
    data = _read_small(Path(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError("key-invalid", path=str(path)) from None
    return parse_public_key(text, Path(path))


def read_public_keys(folder: Path) -> list[Path]:
    """The `*.pub` files in `folder` (the trusted keys), sorted; none when the folder does not exist."""
    try:
        return sorted(p for p in Path(folder).iterdir() if p.suffix == PUBLIC_KEY_SUFFIX and p.is_file())
    except OSError:
        return []


def trusted_public_keys(paths: list[Path]) -> list[PublicKey]:
    """The keys in `paths`; a file that is not a usable key is logged and left out (so it trusts nobody)."""
    keys = []
    for path in paths:
        try:
            keys.append(load_public_key(path))
        except PackError as exc:
            log.warning("Ignoring trusted key %s: %s", path, exc)
    return keys


def load_private_key(path: Path) -> Ed25519PrivateKey:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    data = _read_small(Path(path))
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise PackError("key-invalid", path=str(path)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError("key-invalid", path=str(path))
    return key


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def signature_valid(raw_public: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _create(path: Path, data: bytes, mode: int) -> None:
    """Write a new file (never over an existing one, never through a symlink) with exactly `mode`."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, mode)
    except FileExistsError:
        raise PackError("key-exists", path=str(path)) from None
    except OSError as exc:
        raise PackError("key-cannot-write", path=str(path), detail=exc.strerror or str(exc)) from exc
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # the umask may have taken bits away from the public key
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise PackError("key-cannot-write", path=str(path), detail=exc.strerror or str(exc)) from exc
    os.close(fd)


def generate_keypair(out: Path) -> tuple[Path, Path]:
    """A new key pair: the private key in `out` (0600) and the public key in `out` + ".pub". Refuses to replace
    either file (PackError key-exists). Returns (private, public)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    private_path = Path(out)
    public_path = private_path.with_name(private_path.name + PUBLIC_KEY_SUFFIX)
    for path in (private_path, public_path):
        if os.path.lexists(path):
            raise PackError("key-exists", path=str(path))
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    _create(private_path, pem, 0o600)
    try:
        _create(public_path, public_key_text(raw_public_key(key)).encode("utf-8"), 0o644)
    except BaseException:
        private_path.unlink(missing_ok=True)
        raise
    return private_path, public_path
