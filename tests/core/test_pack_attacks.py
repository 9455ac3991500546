"""Hostile packs: each attack is a real zip crafted with `zipfile` (and, where zipfile would not write it, patched
bytes). Each must be refused with its own reason by `verify_pack` and by `extract_pack`, and the folder the pack
was to be unpacked into must be left empty."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from reader.core.pack import (
    MANIFEST_ENTRY,
    PACK_FORMAT,
    SIGNATURE_CONTEXT,
    SIGNATURE_ENTRY,
    SIGNATURE_FORMAT,
    PackError,
    PackLimits,
    PackRefused,
    extract_pack,
    generate_keypair,
    verify_pack,
    write_pack,
)

Entries = list[tuple[zipfile.ZipInfo, bytes]]


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return generate_keypair(tmp_path_factory.mktemp("keys") / "uitgever")


@pytest.fixture(scope="module")
def attacker(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return generate_keypair(tmp_path_factory.mktemp("keys") / "aanvaller")


@pytest.fixture(scope="module")
def good(content_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pack = tmp_path_factory.mktemp("packs") / "good.rlpack"
    write_pack(content_edition, pack)
    return pack


@pytest.fixture(scope="module")
def signed(content_edition: Path, tmp_path_factory: pytest.TempPathFactory, keys: tuple[Path, Path]) -> Path:
    pack = tmp_path_factory.mktemp("packs") / "signed.rlpack"
    write_pack(content_edition, pack, private_key=keys[0])
    return pack


def read_entries(pack: Path) -> Entries:
    with zipfile.ZipFile(pack) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def info(name: str, *, mode: int = stat.S_IFREG | 0o644, method: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
    entry.create_system = 3
    entry.external_attr = mode << 16
    entry.compress_type = method
    return entry


def manifest_for(entries: Entries) -> bytes:
    """A correct rlpack.json for the edition entries in `entries`."""
    files = [
        {"path": i.filename.removeprefix("edition/"), "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for i, data in entries if i.filename.startswith("edition/")
    ]
    return json.dumps({"format": PACK_FORMAT, "version": 1, "files": files}).encode()


def sign(manifest: bytes, private_key: Path) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_private_key

    key = load_pem_private_key(private_key.read_bytes(), None)
    assert isinstance(key, Ed25519PrivateKey)
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    doc = {"format": SIGNATURE_FORMAT, "version": 1, "algorithm": "ed25519",
           "public_key": base64.b64encode(raw).decode(), "signature": base64.b64encode(
               key.sign(SIGNATURE_CONTEXT + manifest)).decode()}
    return json.dumps(doc).encode()


def write_entries(path: Path, entries: Entries) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names some attacks need
        with zipfile.ZipFile(path, "w") as archive:
            for entry, data in entries:
                archive.writestr(entry, data)
    return path


def craft(path: Path, base: Path, edit: Callable[[Entries], Entries], *, relist: bool = True,
          signer: Path | None = None) -> Path:
    """A copy of the pack `base` with its entries edited; with `relist` the manifest is made to match the edited
    edition files (so only the attack itself is wrong), with `signer` it is signed again."""
    entries = [(i, d) for i, d in read_entries(base)]
    entries = edit(entries)
    if relist:
        manifest = manifest_for(entries)
        entries = [(i, manifest if i.filename == MANIFEST_ENTRY else d) for i, d in entries
                   if i.filename != SIGNATURE_ENTRY]
        if signer is not None:
            entries.append((info(SIGNATURE_ENTRY), sign(manifest, signer)))
    return write_entries(path, entries)


def add(*extra: tuple[zipfile.ZipInfo, bytes]) -> Callable[[Entries], Entries]:
    return lambda entries: entries + list(extra)


def assert_refused(pack: Path, code: str, tmp_path: Path, trusted: Sequence[Path] = (), *,
                   require_trusted: bool = False, limits: PackLimits | None = None) -> PackRefused:
    kwargs: dict[str, object] = {"require_trusted": require_trusted}
    if limits is not None:
        kwargs["limits"] = limits
    with pytest.raises(PackRefused) as verified:
        verify_pack(pack, trusted, **kwargs)  # type: ignore[arg-type]
    assert verified.value.code == code, verified.value
    dest = tmp_path / "dest"
    dest.mkdir(exist_ok=True)
    with pytest.raises(PackRefused) as extracted:
        extract_pack(pack, dest, trusted, **kwargs)  # type: ignore[arg-type]
    assert extracted.value.code == code, extracted.value
    assert list(dest.iterdir()) == []
    return extracted.value


def test_the_untouched_packs_pass(good: Path, signed: Path, keys: tuple[Path, Path], tmp_path: Path) -> None:
    # The baseline for every attack below: the crafting helpers themselves do not break a pack.
    assert verify_pack(good, []).status == "unsigned"
    assert verify_pack(craft(tmp_path / "same.rlpack", good, lambda e: e), []).status == "unsigned"
    resigned = craft(tmp_path / "resigned.rlpack", signed, lambda e: e, signer=keys[0])
    assert verify_pack(resigned, [keys[1]], require_trusted=True).status == "trusted"


# --- changed, added, missing files


def _flip_one(name: str) -> Callable[[Entries], Entries]:
    def edit(entries: Entries) -> Entries:
        out = []
        for i, data in entries:
            if i.filename == name:
                data = bytes([data[0] ^ 0x01]) + data[1:] if data else b"x"
            out.append((i, data))
        return out
    return edit


def test_a_changed_byte_in_any_file_is_refused(good: Path, content_edition: Path, tmp_path: Path) -> None:
    names = sorted(p.relative_to(content_edition).as_posix() for p in content_edition.rglob("*") if p.is_file())
    assert len(names) > 10
    for rel in names:
        if (content_edition / rel).stat().st_size == 0:
            continue  # an empty file has no byte to change (a byte added is tested below)
        pack = craft(tmp_path / "flipped.rlpack", good, _flip_one(f"edition/{rel}"), relist=False)
        error = assert_refused(pack, "pack-hash-mismatch", tmp_path)
        assert error.params["name"] == rel


def test_a_byte_changed_in_the_pack_file_itself_is_refused(good: Path, tmp_path: Path) -> None:
    # A stored entry's data changed in place: the zip stays well-formed, only the bytes differ.
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        stored = next(i for i in archive.infolist() if i.compress_type == zipfile.ZIP_STORED and i.file_size > 8)
    name_len = len(stored.filename.encode())
    extra_len = struct.unpack_from("<H", data, stored.header_offset + 28)[0]
    data[stored.header_offset + 30 + name_len + extra_len + 4] ^= 0xFF
    pack = tmp_path / "patched.rlpack"
    pack.write_bytes(bytes(data))
    assert_refused(pack, "pack-hash-mismatch", tmp_path)


def test_the_last_file_written_being_wrong_removes_everything_written(good: Path, tmp_path: Path) -> None:
    # The changed file is the last one unpacked: every file before it was written, and must be gone again.
    last = [i.filename for i, _ in read_entries(good) if i.filename.startswith("edition/")][-1]
    pack = craft(tmp_path / "late.rlpack", good, _flip_one(last), relist=False)
    assert_refused(pack, "pack-hash-mismatch", tmp_path)


def test_a_file_grown_by_a_byte_is_refused(good: Path, tmp_path: Path) -> None:
    def grow(entries: Entries) -> Entries:
        return [(i, d + b"!" if i.filename == "edition/pages/index.html" else d) for i, d in entries]
    assert_refused(craft(tmp_path / "grown.rlpack", good, grow, relist=False), "pack-size-mismatch", tmp_path)


def test_a_changed_manifest_is_refused_by_its_signature(signed: Path, keys: tuple[Path, Path], tmp_path: Path) -> None:
    def retarget(entries: Entries) -> Entries:
        out = []
        for i, data in entries:
            if i.filename == MANIFEST_ENTRY:
                doc = json.loads(data)
                doc["files"][0]["sha256"] = "0" * 64
                data = json.dumps(doc).encode()
            out.append((i, data))
        return out
    pack = craft(tmp_path / "retargeted.rlpack", signed, retarget, relist=False)
    assert_refused(pack, "pack-bad-signature", tmp_path, [keys[1]])
    assert_refused(pack, "pack-bad-signature", tmp_path)  # wrong is wrong, whoever is trusted


def test_a_file_not_in_the_manifest_is_refused(good: Path, tmp_path: Path) -> None:
    pack = craft(tmp_path / "extra.rlpack", good, add((info("edition/pages/extra.html"), b"<p>x</p>")), relist=False)
    error = assert_refused(pack, "pack-extra-file", tmp_path)
    assert error.params["name"] == "edition/pages/extra.html"


def test_an_entry_outside_the_edition_is_refused(good: Path, tmp_path: Path) -> None:
    pack = craft(tmp_path / "outside.rlpack", good, add((info("install.sh"), b"rm -rf ~")))
    assert_refused(pack, "pack-extra-file", tmp_path)


def test_a_manifest_file_missing_from_the_zip_is_refused(good: Path, tmp_path: Path) -> None:
    def drop(entries: Entries) -> Entries:
        return [(i, d) for i, d in entries if i.filename != "edition/pages/over.html"]
    error = assert_refused(craft(tmp_path / "missing.rlpack", good, drop, relist=False), "pack-missing-file", tmp_path)
    assert error.params["name"] == "pages/over.html"


# --- signatures


def test_a_wrong_signature_is_refused(signed: Path, keys: tuple[Path, Path], attacker: tuple[Path, Path],
                                      tmp_path: Path) -> None:
    # The trusted key's name, the attacker's signature.
    def forge(entries: Entries) -> Entries:
        manifest = next(d for i, d in entries if i.filename == MANIFEST_ENTRY)
        real = json.loads(next(d for i, d in entries if i.filename == SIGNATURE_ENTRY))
        fake = json.loads(sign(manifest, attacker[0]))
        real["signature"] = fake["signature"]
        return [(i, json.dumps(real).encode() if i.filename == SIGNATURE_ENTRY else d) for i, d in entries]
    pack = craft(tmp_path / "forged.rlpack", signed, forge, relist=False)
    assert_refused(pack, "pack-bad-signature", tmp_path, [keys[1]], require_trusted=True)


def test_a_tampered_pack_signed_again_by_another_key_is_not_trusted(
    signed: Path, keys: tuple[Path, Path], attacker: tuple[Path, Path], tmp_path: Path
) -> None:
    pack = craft(tmp_path / "resigned.rlpack", signed, _flip_one("edition/pages/index.html"), signer=attacker[0])
    assert_refused(pack, "pack-untrusted-signer", tmp_path, [keys[1]], require_trusted=True)
    # Not required: it is intact, but says plainly that nobody we know signed it (the library then asks).
    verdict = verify_pack(pack, [keys[1]])
    assert verdict.status == "unknown-signer" and verdict.signer != verify_pack(signed, [keys[1]]).signer


def test_a_removed_signature_is_refused_when_a_trusted_signer_is_required(
    signed: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    def strip(entries: Entries) -> Entries:
        return [(i, d) for i, d in entries if i.filename != SIGNATURE_ENTRY]
    pack = craft(tmp_path / "stripped.rlpack", signed, strip, relist=False)
    assert_refused(pack, "pack-unsigned", tmp_path, [keys[1]], require_trusted=True)
    assert verify_pack(pack, [keys[1]]).status == "unsigned"


@pytest.mark.parametrize("content", [b"", b"{kapot", b'{"format": "x"}', b"[]", json.dumps(
    {"format": SIGNATURE_FORMAT, "version": 1, "algorithm": "ed25519", "public_key": "AAAA", "signature": "AAAA"}
).encode()])
def test_an_unreadable_signature_is_refused(signed: Path, tmp_path: Path, content: bytes) -> None:
    def garble(entries: Entries) -> Entries:
        return [(i, content if i.filename == SIGNATURE_ENTRY else d) for i, d in entries]
    assert_refused(craft(tmp_path / "garbled.rlpack", signed, garble, relist=False), "pack-signature-unreadable",
                   tmp_path)


# --- paths


@pytest.mark.parametrize(("name", "code"), [
    ("../x", "pack-path-parent"),
    ("edition/../../x", "pack-path-parent"),
    ("edition/pages/../../../etc/passwd", "pack-path-parent"),
    ("/abs", "pack-path-absolute"),
    ("/etc/cron.d/x", "pack-path-absolute"),
    ("C:/x", "pack-path-drive"),
    ("c:x", "pack-path-drive"),
    ("C:\\x", "pack-path-backslash"),
    ("edition\\..\\x", "pack-path-backslash"),
    ("edition/pages//x.html", "pack-path-invalid"),
    ("edition/./x.html", "pack-path-invalid"),
    ("edition/a\x01b", "pack-path-invalid"),
    ("edition/nul.html", "pack-path-invalid"),
    ("edition/pages/x.html.", "pack-path-invalid"),
    ("edition/pages/a:b", "pack-path-invalid"),
    ("edition/pages/", "pack-path-invalid"),
])
def test_paths_that_escape_or_cannot_be_stored_are_refused(good: Path, tmp_path: Path, name: str, code: str) -> None:
    pack = craft(tmp_path / "path.rlpack", good, add((info(name), b"x")))
    error = assert_refused(pack, code, tmp_path)
    assert "\x01" not in str(error.params["name"])  # quoted safely for a message
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()


def test_a_path_in_the_manifest_that_escapes_is_refused(good: Path, tmp_path: Path) -> None:
    def retarget(entries: Entries) -> Entries:
        manifest = json.loads(manifest_for(entries))
        manifest["files"][0]["path"] = "../escape.html"
        return [(i, json.dumps(manifest).encode() if i.filename == MANIFEST_ENTRY else d) for i, d in entries]
    assert_refused(craft(tmp_path / "m.rlpack", good, retarget, relist=False), "pack-path-parent", tmp_path)


def test_a_symlink_entry_is_refused(good: Path, tmp_path: Path) -> None:
    link = info("edition/pages/link.html", mode=stat.S_IFLNK | 0o777)
    assert_refused(craft(tmp_path / "link.rlpack", good, add((link, b"/etc/passwd"))), "pack-symlink", tmp_path)


@pytest.mark.parametrize("kind", [stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK])
def test_device_fifo_and_socket_entries_are_refused(good: Path, tmp_path: Path, kind: int) -> None:
    device = info("edition/pages/device.html", mode=kind | 0o644)
    assert_refused(craft(tmp_path / "dev.rlpack", good, add((device, b""))), "pack-special-file", tmp_path)


def test_a_directory_entry_is_refused(good: Path, tmp_path: Path) -> None:
    folder = info("edition/extra", mode=stat.S_IFDIR | 0o755)
    assert_refused(craft(tmp_path / "dir.rlpack", good, add((folder, b""))), "pack-extra-file", tmp_path)


@pytest.mark.parametrize(("first", "second"), [
    ("edition/pages/over.html", "edition/pages/over.html"),  # the same name twice
    ("edition/pages/over.html", "edition/pages/OVER.html"),  # Windows and macOS: one file
    ("edition/pages/caf\u00e9.html", "edition/pages/cafe\u0301.html"),  # composed and decomposed: macOS merges them
    ("edition/Pages/x.html", "edition/pages/y.html"),  # a folder named twice
])
def test_duplicate_names_are_refused(good: Path, tmp_path: Path, first: str, second: str) -> None:
    def duplicate(entries: Entries) -> Entries:
        kept = [(i, d) for i, d in entries if i.filename != first]
        return kept + [(info(first), b"<p>een</p>"), (info(second), b"<p>twee</p>")]
    assert_refused(craft(tmp_path / "dup.rlpack", good, duplicate), "pack-duplicate", tmp_path)


def test_a_name_that_is_a_file_and_a_folder_is_refused(good: Path, tmp_path: Path) -> None:
    pack = craft(tmp_path / "conflict.rlpack", good, add((info("edition/pages/index.html/x"), b"x")))
    assert_refused(pack, "pack-path-conflict", tmp_path)


# --- zip bombs and broken zips


def test_a_bomb_of_zeros_is_refused_from_its_declared_ratio(good: Path, tmp_path: Path) -> None:
    zeros = bytes(65 << 20)  # 65 MiB of zeros: deflate makes it about 65 KB
    pack = craft(tmp_path / "bomb.rlpack", good, add((info("edition/assets/zeros.bin"), zeros)))
    assert pack.stat().st_size < 1 << 20
    error = assert_refused(pack, "pack-ratio", tmp_path)
    assert int(error.params["ratio"]) > 200


def test_a_total_size_past_the_limit_is_refused(good: Path, tmp_path: Path) -> None:
    assert_refused(good, "pack-too-large", tmp_path, limits=PackLimits(max_total_bytes=10_000))


def test_a_file_past_the_limit_is_refused(good: Path, tmp_path: Path) -> None:
    assert_refused(good, "pack-file-too-large", tmp_path, limits=PackLimits(max_file_bytes=1000))


def test_too_many_entries_are_refused(good: Path, tmp_path: Path) -> None:
    assert_refused(good, "pack-too-many-files", tmp_path, limits=PackLimits(max_files=5))
    # A central directory too large to hold in memory is refused from the end record, before it is parsed.
    assert_refused(good, "pack-too-many-files", tmp_path, limits=PackLimits(max_central_directory_bytes=1000))


def test_too_many_entries_are_refused_from_the_zip64_end_record(tmp_path: Path) -> None:
    # More than 65,535 entries: the count is only in the zip64 end record, read before zipfile parses anything.
    pack = tmp_path / "many.rlpack"
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_STORED) as archive:
        for number in range(66_000):
            archive.writestr(f"edition/f{number}", b"")
    assert_refused(pack, "pack-too-many-files", tmp_path, limits=PackLimits(max_files=1000))


def _central_record(data: bytes | bytearray, name: str) -> int:
    """Where the central directory record of `name` starts."""
    offset = data.find(b"PK\x01\x02")
    while offset >= 0:
        name_len = struct.unpack_from("<H", data, offset + 28)[0]
        if bytes(data[offset + 46:offset + 46 + name_len]) == name.encode():
            return offset
        offset = data.find(b"PK\x01\x02", offset + 46)
    raise AssertionError(f"no central directory record for {name}")


def _patch_sizes(pack: Path, name: str, size: int) -> None:
    """Declare `size` as the uncompressed size of `name` in both its local and its central directory header."""
    data = bytearray(pack.read_bytes())
    with zipfile.ZipFile(pack) as archive:
        target = archive.getinfo(name)
    struct.pack_into("<L", data, target.header_offset + 22, size)
    struct.pack_into("<L", data, _central_record(data, name) + 24, size)
    pack.write_bytes(bytes(data))


@pytest.mark.parametrize("delta", [-4096, +4096])
def test_an_entry_that_inflates_to_another_size_than_declared_is_refused(good: Path, tmp_path: Path,
                                                                         delta: int) -> None:
    # The declared size lies, in both headers and in the manifest: inflating stops one byte past the declared
    # size (or finds the data ends short of it).
    name = "edition/pages/groot.html"
    body = b"<p>" + b"tekst " * 10_000 + b"</p>"
    entries = read_entries(good) + [(info(name), body)]
    manifest = json.loads(manifest_for(entries))
    for record in manifest["files"]:
        if record["path"] == "pages/groot.html":
            record["size"] = len(body) + delta
    entries = [(i, json.dumps(manifest).encode() if i.filename == MANIFEST_ENTRY else d) for i, d in entries]
    pack = write_entries(tmp_path / "liar.rlpack", entries)
    _patch_sizes(pack, name, len(body) + delta)
    assert_refused(pack, "pack-size-mismatch", tmp_path)


def test_inflating_stops_at_the_declared_size(good: Path, tmp_path: Path) -> None:
    # 64 MiB of zeros declared as 1,000 bytes: not one byte past the declared size + 1 reaches the file being
    # written (the whole entry would be refused by its size at the end anyway; this is about never writing it).
    from reader.core.pack.zipread import PackFile

    name = "edition/pages/bom.html"
    pack = write_entries(tmp_path / "stream.rlpack", read_entries(good) + [(info(name), bytes(64 << 20))])
    _patch_sizes(pack, name, 1000)
    received = 0

    def sink(data: bytes) -> None:
        nonlocal received
        received += len(data)

    with PackFile(pack, PackLimits()) as opened:
        with pytest.raises(PackRefused) as err:
            opened.stream(opened.entries[name], sink)
    assert err.value.code == "pack-size-mismatch"
    assert received <= 1001


def test_overlapping_entries_are_refused(good: Path, tmp_path: Path) -> None:
    # The overlapping-entries bomb: two central directory records that point at the same data.
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        first, second = archive.infolist()[:2]
    struct.pack_into("<L", data, _central_record(data, second.filename) + 42, first.header_offset)
    pack = tmp_path / "overlap.rlpack"
    pack.write_bytes(bytes(data))
    assert_refused(pack, "pack-corrupt", tmp_path)


@pytest.mark.parametrize("keep", [0.5, 0.9, -10, -1])
def test_a_truncated_pack_is_refused(good: Path, tmp_path: Path, keep: float) -> None:
    data = good.read_bytes()
    cut = int(len(data) * keep) if keep > 0 else len(data) + int(keep)
    pack = tmp_path / "truncated.rlpack"
    pack.write_bytes(data[:cut])
    assert_refused(pack, "pack-truncated", tmp_path)


@pytest.mark.parametrize("content", [b"", b"dit is geen zip\n" * 10, bytes(range(256)) * 4, b"%PDF-1.7\n" + bytes(100)])
def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, content: bytes) -> None:
    pack = tmp_path / "nep.rlpack"
    pack.write_bytes(content)
    assert_refused(pack, "pack-not-zip", tmp_path)


def test_a_folder_is_not_a_pack(tmp_path: Path) -> None:
    (tmp_path / "map.rlpack").mkdir()
    assert_refused(tmp_path / "map.rlpack", "pack-not-file", tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_a_pack_and_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.rlpack")
    assert_refused(tmp_path / "pijp.rlpack", "pack-not-file", tmp_path)


def test_a_missing_pack_is_said(tmp_path: Path) -> None:
    with pytest.raises(PackError) as err:
        verify_pack(tmp_path / "weg.rlpack", [])
    assert err.value.code == "pack-missing" and not isinstance(err.value, PackRefused)


def test_an_encrypted_entry_is_refused(good: Path, tmp_path: Path) -> None:
    name = "edition/pages/geheim.html"
    pack = craft(tmp_path / "enc.rlpack", good, add((info(name), b"x" * 100)))
    data = bytearray(pack.read_bytes())
    with zipfile.ZipFile(pack) as archive:
        offset = archive.getinfo(name).header_offset
    data[offset + 6] |= 0x1  # zipfile clears the flag when writing: set it in both headers
    data[_central_record(data, name) + 8] |= 0x1
    pack.write_bytes(bytes(data))
    assert_refused(pack, "pack-encrypted", tmp_path)


def test_another_compression_method_is_refused(good: Path, tmp_path: Path) -> None:
    other = info("edition/pages/bz.html", method=zipfile.ZIP_BZIP2)
    assert_refused(craft(tmp_path / "bz.rlpack", good, add((other, b"x" * 100))), "pack-compression", tmp_path)


# --- the manifests


def test_a_pack_without_manifest_is_refused(good: Path, tmp_path: Path) -> None:
    def drop(entries: Entries) -> Entries:
        return [(i, d) for i, d in entries if i.filename != MANIFEST_ENTRY]
    assert_refused(craft(tmp_path / "nomanifest.rlpack", good, drop, relist=False), "pack-no-manifest", tmp_path)


@pytest.mark.parametrize(("manifest", "code"), [
    (b"{kapot", "pack-manifest-invalid"),
    (b"\xff\xfe", "pack-manifest-invalid"),
    (b"[" * 100_000, "pack-manifest-invalid"),
    (json.dumps({"format": "zip", "version": 1, "files": []}).encode(), "pack-manifest-invalid"),
    (json.dumps({"format": PACK_FORMAT, "version": 2, "files": []}).encode(), "pack-version"),
    (json.dumps({"format": PACK_FORMAT, "version": True, "files": []}).encode(), "pack-version"),
    (json.dumps({"format": PACK_FORMAT, "version": 1, "files": [{"path": "a", "size": 1, "sha256": "0" * 64 + "\n"}]})
     .encode(), "pack-manifest-invalid"),
    (json.dumps({"format": PACK_FORMAT, "version": 1, "files": [{"path": "a", "size": -1, "sha256": "0" * 64}]})
     .encode(), "pack-manifest-invalid"),
    (json.dumps({"format": PACK_FORMAT, "version": 1, "files": [{"path": "a", "size": True, "sha256": "0" * 64}]})
     .encode(), "pack-manifest-invalid"),
    (json.dumps({"format": PACK_FORMAT, "version": 1, "files": [{"path": "a", "size": 1, "sha256": "x"}]}).encode(),
     "pack-manifest-invalid"),
])
def test_an_invalid_manifest_is_refused(good: Path, tmp_path: Path, manifest: bytes, code: str) -> None:
    def replace(entries: Entries) -> Entries:
        return [(i, manifest if i.filename == MANIFEST_ENTRY else d) for i, d in entries]
    assert_refused(craft(tmp_path / "badmanifest.rlpack", good, replace, relist=False), code, tmp_path)


def _edition_manifest(change: Callable[[dict[str, object]], None]) -> Callable[[Entries], Entries]:
    def edit(entries: Entries) -> Entries:
        out = []
        for i, data in entries:
            if i.filename == "edition/manifest.json":
                doc = json.loads(data)
                change(doc)
                data = json.dumps(doc).encode()
            out.append((i, data))
        return out
    return edit


@pytest.mark.parametrize(("change", "code"), [
    (lambda m: m.update(format_version=99), "edition-format"),
    (lambda m: m.pop("corpus_title"), "edition-manifest-missing"),
    (lambda m: m.update(page_count="veel"), "edition-manifest-type"),
])
def test_a_pack_whose_edition_is_not_valid_is_refused(good: Path, tmp_path: Path,
                                                      change: Callable[[dict[str, object]], None], code: str) -> None:
    pack = craft(tmp_path / "edition.rlpack", good, _edition_manifest(change))
    error = assert_refused(pack, code, tmp_path)
    assert error.params["folder"] == str(pack)  # said of the pack, not of a temporary folder


@pytest.mark.parametrize(("drop", "code"), [
    ("edition/manifest.json", "edition-no-manifest"),
    ("edition/index/", "edition-no-index"),
    ("edition/pages/", "edition-no-pages"),
])
def test_a_pack_without_the_parts_of_an_edition_is_refused(good: Path, tmp_path: Path, drop: str, code: str) -> None:
    def without(entries: Entries) -> Entries:
        return [(i, d) for i, d in entries if not i.filename.startswith(drop)]
    assert_refused(craft(tmp_path / "partial.rlpack", good, without), code, tmp_path)
