"""Ed25519 keys for signing packs, and the files they live in.

- The private key (`KEY`, created 0600): PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), unencrypted, as
  `openssl genpkey -algorithm ed25519` writes it; keep it off the machines that read packs.
- The public key (`KEY.pub`): UTF-8 text; lines starting with `#` are comments; the first other line is
  `rlpack-ed25519 <base64 of the 32-byte raw public key> [comment]`. An administrator trusts a signer by copying
  this file into the per-machine trusted-keys folder.
- A key's fingerprint is `SHA256:` + unpadded base64 of the SHA-256 of the raw public key (as OpenSSH shows them).

Ed25519 comes from PyNaCl (libsodium, PyCA), imported on first use: only signing and checking a signature need it.
Not `cryptography`: its extension carries all of OpenSSL (12 MiB), which pushed the frozen application past its
size budget, and Ed25519 is all we need. The PEM of a private key is the fixed PKCS#8 header plus the 32-byte seed
(RFC 8410), written and read here; the tests check it against `cryptography` and OpenSSL's reading of it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reader.core.pack.format import PackError

log = logging.getLogger("reader.core.pack")

PUBLIC_KEY_TAG = "rlpack-ed25519"
PUBLIC_KEY_SUFFIX = ".pub"
MAX_KEY_FILE_BYTES = 64 * 1024
RAW_KEY_BYTES = 32
# DER of PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410, section 7) up to the 32-byte seed that follows it.
PKCS8_ED25519_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
PEM_BEGIN, PEM_END = "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"


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


@dataclass(frozen=True)
class PrivateKey:
    """An Ed25519 signing key (its 32-byte seed)."""

    seed: bytes

    def sign(self, message: bytes) -> bytes:
        """The 64-byte signature of `message`."""
        from nacl.signing import SigningKey

        return bytes(SigningKey(self.seed).sign(message).signature)

    @property
    def raw_public(self) -> bytes:
        from nacl.signing import SigningKey

        return bytes(SigningKey(self.seed).verify_key.encode())


def private_key_pem(key: PrivateKey) -> bytes:
    body = base64.b64encode(PKCS8_ED25519_PREFIX + key.seed).decode("ascii")
    return f"{PEM_BEGIN}\n{body}\n{PEM_END}\n".encode("ascii")


def load_private_key(path: Path) -> PrivateKey:
    """The Ed25519 key in the PKCS#8 PEM file `path` (as keygen or `openssl genpkey -algorithm ed25519` write it)."""
    data = _read_small(Path(path))
    try:
        text = data.decode("ascii")
        begin, end = text.index(PEM_BEGIN) + len(PEM_BEGIN), text.index(PEM_END)
        der = base64.b64decode("".join(text[begin:end].split()), validate=True)
    except (UnicodeDecodeError, ValueError, binascii.Error):
        raise PackError("key-invalid", path=str(path)) from None
    if len(der) != len(PKCS8_ED25519_PREFIX) + RAW_KEY_BYTES or not der.startswith(PKCS8_ED25519_PREFIX):
        raise PackError("key-invalid", path=str(path))  # another algorithm, an encrypted key, or damaged
    return PrivateKey(der[len(PKCS8_ED25519_PREFIX):])


def raw_public_key(key: PrivateKey) -> bytes:
    return key.raw_public


def signature_valid(raw_public: bytes, signature: bytes, message: bytes) -> bool:
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(raw_public).verify(message, signature)
    except (BadSignatureError, CryptoError, ValueError, TypeError):
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
    from nacl.signing import SigningKey

    private_path = Path(out)
    public_path = private_path.with_name(private_path.name + PUBLIC_KEY_SUFFIX)
    for path in (private_path, public_path):
        if os.path.lexists(path):
            raise PackError("key-exists", path=str(path))
    key = PrivateKey(bytes(SigningKey.generate().encode()))
    _create(private_path, private_key_pem(key), 0o600)
    try:
        _create(public_path, public_key_text(raw_public_key(key)).encode("utf-8"), 0o644)
    except BaseException:
        private_path.unlink(missing_ok=True)
        raise
    return private_path, public_path
