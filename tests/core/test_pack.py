"""Edition packs (reader/core/pack) on real built editions: a pack unpacks to the same bytes, says who signed it,
is written atomically and the same every time; keys are made and read as documented. The hostile packs are in
test_pack_attacks.py, the commands in test_pack_cli.py."""

from __future__ import annotations

import base64
import logging
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from reader.core.edition import InvalidEdition, corpus_id_of, edition_date_of, read_edition
from reader.core.formats import EDITION_FORMAT_VERSION
from reader.core.pack import (
    MANIFEST_ENTRY,
    SIGNATURE_ENTRY,
    PackError,
    PackRefused,
    extract_pack,
    fingerprint,
    generate_keypair,
    load_public_key,
    parse_manifest,
    read_public_keys,
    verify_pack,
    write_pack,
)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return generate_keypair(tmp_path_factory.mktemp("keys") / "uitgever")


def test_round_trip_gives_the_same_bytes_and_modes(content_edition: Path, tmp_path: Path) -> None:
    pack = tmp_path / "content.rlpack"
    info = write_pack(content_edition, pack)
    source = _tree(content_edition)
    assert info.files == len(source) and info.total_bytes == sum(len(b) for b in source.values())
    assert info.pack_bytes == pack.stat().st_size and info.signer == ""
    dest = tmp_path / "out"
    dest.mkdir()
    verdict = extract_pack(pack, dest, [])
    assert _tree(dest) == source
    for path in dest.rglob("*"):
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert not path.is_symlink()
        assert mode == (0o755 if path.is_dir() else 0o644), path
    manifest = read_edition(content_edition, EDITION_FORMAT_VERSION).manifest
    assert verdict.status == "unsigned" and verdict.signer == "" and verdict.signer_key is None
    assert verdict.corpus_id == corpus_id_of(manifest) and verdict.edition_date == edition_date_of(manifest)
    assert verdict.corpus_title == manifest["corpus_title"] and verdict.page_count == manifest["page_count"]
    assert verdict.files == info.files and verdict.total_bytes == info.total_bytes
    assert verdict.manifest == manifest
    assert read_edition(dest, EDITION_FORMAT_VERSION).content_hash == manifest["content_hash"]


def test_the_pack_holds_the_edition_and_a_manifest_of_every_file(content_edition: Path, tmp_path: Path) -> None:
    pack = tmp_path / "content.rlpack"
    write_pack(content_edition, pack)
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        records = parse_manifest(archive.read(MANIFEST_ENTRY))
    source = _tree(content_edition)
    assert sorted(names) == sorted([MANIFEST_ENTRY] + [f"edition/{rel}" for rel in source])
    assert [r.path for r in records] == sorted(source)
    import hashlib

    for record in records:
        assert record.size == len(source[record.path])
        assert record.sha256 == hashlib.sha256(source[record.path]).hexdigest()


def test_signed_pack_names_its_signer(content_edition: Path, tmp_path: Path, keys: tuple[Path, Path]) -> None:
    private, public = keys
    pack = tmp_path / "signed.rlpack"
    info = write_pack(content_edition, pack, private_key=private)
    key = load_public_key(public)
    assert info.signer == key.fingerprint and info.signer.startswith("SHA256:")
    trusted = verify_pack(pack, [public])
    assert (trusted.status, trusted.signer, trusted.signer_key) == ("trusted", key.fingerprint, public)
    unknown = verify_pack(pack, [])
    assert (unknown.status, unknown.signer, unknown.signer_key) == ("unknown-signer", key.fingerprint, None)
    _, other = generate_keypair(tmp_path / "ander")
    assert verify_pack(pack, [other]).status == "unknown-signer"
    assert verify_pack(pack, [other, public], require_trusted=True).status == "trusted"
    with pytest.raises(PackRefused) as err:
        verify_pack(pack, [other], require_trusted=True)
    assert err.value.code == "pack-untrusted-signer" and err.value.params["signer"] == key.fingerprint


def test_unsigned_pack_is_refused_when_a_trusted_signer_is_required(content_edition: Path, tmp_path: Path,
                                                                      keys: tuple[Path, Path]) -> None:
    pack = tmp_path / "unsigned.rlpack"
    write_pack(content_edition, pack)
    assert verify_pack(pack, [keys[1]]).status == "unsigned"
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(PackRefused) as err:
        extract_pack(pack, dest, [keys[1]], require_trusted=True)
    assert err.value.code == "pack-unsigned"
    assert list(dest.iterdir()) == []


def test_packing_twice_gives_the_same_bytes(content_edition: Path, tmp_path: Path, keys: tuple[Path, Path]) -> None:
    for kwargs in ({}, {"private_key": keys[0]}):
        first, second = tmp_path / "a.rlpack", tmp_path / "b.rlpack"
        write_pack(content_edition, first, **kwargs)
        write_pack(content_edition, second, **kwargs)
        assert first.read_bytes() == second.read_bytes()


def test_the_real_nerds_edition_round_trips(nerds_edition: Path, tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = tmp_path / "nerds.rlpack"
    info = write_pack(nerds_edition, pack, private_key=keys[0])
    assert info.pack_bytes < info.total_bytes  # pages and the index compress; images are stored as they are
    dest = tmp_path / "out"
    dest.mkdir()
    done: list[tuple[int, int]] = []
    verdict = extract_pack(pack, dest, [keys[1]], progress=lambda d, t: done.append((d, t)))
    assert verdict.status == "trusted" and verdict.corpus_id == "minbzk-github-io-nerds"
    assert _tree(dest) == _tree(nerds_edition)
    assert done[-1] == (info.total_bytes, info.total_bytes)
    assert [d for d, _ in done] == sorted(d for d, _ in done)


def test_large_files_are_streamed_in_and_out(content_edition: Path, tmp_path: Path) -> None:
    # Files above a few MB are read, hashed and compressed in chunks (and a .png is stored as it is).
    edition = tmp_path / "edition"
    shutil.copytree(content_edition, edition)
    big = os.urandom(3 << 20) + bytes(6 << 20)
    (edition / "assets").mkdir(exist_ok=True)
    (edition / "assets" / "groot.bin").write_bytes(big)
    (edition / "assets" / "foto.png").write_bytes(big[: 5 << 20])
    pack = tmp_path / "big.rlpack"
    write_pack(edition, pack)
    with zipfile.ZipFile(pack) as archive:
        assert archive.getinfo("edition/assets/foto.png").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("edition/assets/groot.bin").compress_type == zipfile.ZIP_DEFLATED
    dest = tmp_path / "out"
    dest.mkdir()
    extract_pack(pack, dest, [])
    assert (dest / "assets" / "groot.bin").read_bytes() == big
    assert _tree(dest) == _tree(edition)


def test_an_invalid_edition_is_not_packed_and_the_old_pack_stays(content_edition: Path, tmp_path: Path) -> None:
    pack = tmp_path / "content.rlpack"
    write_pack(content_edition, pack)
    before = pack.read_bytes()
    broken = tmp_path / "broken"
    shutil.copytree(content_edition, broken)
    (broken / "manifest.json").write_text('{"format_version": 1}', encoding="utf-8")
    with pytest.raises(InvalidEdition) as err:
        write_pack(broken, pack)
    assert err.value.code == "edition-manifest-missing"
    assert pack.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "content.rlpack"]  # no temporary file left


def test_an_edition_with_a_link_is_not_packed(content_edition: Path, tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(content_edition, edition)
    (edition / "pages" / "link.html").symlink_to(edition / "pages" / "index.html")
    with pytest.raises(PackError) as err:
        write_pack(edition, tmp_path / "x.rlpack")
    assert err.value.code == "pack-source-unsafe"
    assert not (tmp_path / "x.rlpack").exists()


def test_an_edition_with_names_two_systems_would_merge_is_not_packed(content_edition: Path, tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(content_edition, edition)
    (edition / "pages" / "INDEX.html").write_text("x", encoding="utf-8")
    with pytest.raises(PackError) as err:
        write_pack(edition, tmp_path / "x.rlpack")
    assert err.value.code == "pack-source-name"


def test_the_pack_is_not_written_inside_the_edition(content_edition: Path, tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(content_edition, edition)
    with pytest.raises(PackError) as err:
        write_pack(edition, edition / "self.rlpack")
    assert err.value.code == "pack-out-inside"
    assert _tree(edition) == _tree(content_edition)


def test_extract_wants_an_empty_folder(content_edition: Path, tmp_path: Path) -> None:
    pack = tmp_path / "content.rlpack"
    write_pack(content_edition, pack)
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "mine.txt").write_text("van mij", encoding="utf-8")
    with pytest.raises(PackError) as err:
        extract_pack(pack, dest, [])
    assert err.value.code == "pack-dest-not-empty"
    assert _tree(dest) == {"mine.txt": "van mij".encode()}
    with pytest.raises(PackError) as err:
        extract_pack(pack, tmp_path / "absent", [])
    assert err.value.code == "pack-dest-invalid"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(elsewhere)
    with pytest.raises(PackError) as err:
        extract_pack(pack, tmp_path / "link", [])  # never unpack through a link
    assert err.value.code == "pack-dest-invalid" and list(elsewhere.iterdir()) == []


def test_keygen_writes_a_private_key_for_the_owner_and_a_documented_public_key(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        private, public = generate_keypair(tmp_path / "sleutel")
    finally:
        os.umask(old)
    assert private == tmp_path / "sleutel" and public == tmp_path / "sleutel.pub"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(public.stat().st_mode) == 0o644
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    lines = [line for line in public.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    tag, encoded = lines[0].split()
    raw = base64.b64decode(encoded)
    assert tag == "rlpack-ed25519" and len(raw) == 32
    assert load_public_key(public).fingerprint == fingerprint(raw)
    assert f"Vingerafdruk: {fingerprint(raw)}" in public.read_text(encoding="utf-8")
    # The private key is the one the public key belongs to: what it signs verifies.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(private.read_bytes(), None)
    assert isinstance(key, Ed25519PrivateKey)
    Ed25519PublicKey.from_public_bytes(raw).verify(key.sign(b"x"), b"x")


def test_keygen_never_replaces_a_key(tmp_path: Path) -> None:
    private, public = generate_keypair(tmp_path / "k")
    before = (private.read_bytes(), public.read_bytes())
    with pytest.raises(PackError) as err:
        generate_keypair(tmp_path / "k")
    assert err.value.code == "key-exists"
    assert (private.read_bytes(), public.read_bytes()) == before
    (tmp_path / "only.pub").write_text("x", encoding="utf-8")
    with pytest.raises(PackError) as err:
        generate_keypair(tmp_path / "only")
    assert err.value.code == "key-exists" and not (tmp_path / "only").exists()


@pytest.mark.parametrize("text", [
    "", "# alleen commentaar\n", "rlpack-ed25519\n", "rlpack-ed25519 niet-base64!\n",
    "rlpack-ed25519 " + base64.b64encode(b"x" * 31).decode() + "\n",
    "ssh-ed25519 " + base64.b64encode(b"x" * 32).decode() + "\n",
])
def test_a_file_that_is_no_public_key_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "k.pub"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_public_key(path)
    assert err.value.code == "key-invalid"


def test_signing_with_something_else_than_a_private_key_is_refused(content_edition: Path, tmp_path: Path,
                                                                     keys: tuple[Path, Path]) -> None:
    with pytest.raises(PackError) as err:
        write_pack(content_edition, tmp_path / "x.rlpack", private_key=keys[1])
    assert err.value.code == "key-invalid"
    with pytest.raises(PackError) as err:
        write_pack(content_edition, tmp_path / "x.rlpack", private_key=tmp_path / "absent")
    assert err.value.code == "key-unreadable"
    assert not (tmp_path / "x.rlpack").exists()


def test_trusted_keys_are_the_pub_files_of_a_folder(tmp_path: Path) -> None:
    assert read_public_keys(tmp_path / "absent") == []
    folder = tmp_path / "trusted-keys"
    folder.mkdir()
    _, b = generate_keypair(folder / "b")
    _, a = generate_keypair(folder / "a")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    (folder / "dir.pub").mkdir()
    assert read_public_keys(folder) == [a, b]


def test_a_broken_trusted_key_trusts_nobody(content_edition: Path, tmp_path: Path, keys: tuple[Path, Path],
                                            caplog: pytest.LogCaptureFixture) -> None:
    pack = tmp_path / "signed.rlpack"
    write_pack(content_edition, pack, private_key=keys[0])
    broken = tmp_path / "broken.pub"
    broken.write_text("rlpack-ed25519 kapot\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="reader.core.pack"):
        assert verify_pack(pack, [broken]).status == "unknown-signer"
    assert str(broken) in caplog.text
    assert verify_pack(pack, [broken, keys[1]]).status == "trusted"


def test_signature_covers_the_manifest(content_edition: Path, tmp_path: Path, keys: tuple[Path, Path]) -> None:
    # The signature entry holds the signer's public key and an Ed25519 signature over context + rlpack.json.
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from reader.core.pack import SIGNATURE_CONTEXT

    pack = tmp_path / "signed.rlpack"
    write_pack(content_edition, pack, private_key=keys[0])
    with zipfile.ZipFile(pack) as archive:
        signature = json.loads(archive.read(SIGNATURE_ENTRY))
        manifest = archive.read(MANIFEST_ENTRY)
    raw = base64.b64decode(signature["public_key"])
    assert raw == load_public_key(keys[1]).raw and signature["algorithm"] == "ed25519"
    signed_bytes = SIGNATURE_CONTEXT + manifest
    Ed25519PublicKey.from_public_bytes(raw).verify(base64.b64decode(signature["signature"]), signed_bytes)


def test_private_keys_written_by_openssl_are_read_and_others_refused(tmp_path: Path) -> None:
    # Our PKCS#8 reading is hand-written (RFC 8410): check it against an independent implementation both ways.
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        BestAvailableEncryption,
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    from reader.core.pack.keys import load_private_key

    theirs = Ed25519PrivateKey.generate()
    pem = tmp_path / "openssl.pem"
    pem.write_bytes(theirs.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    ours = load_private_key(pem)
    assert ours.raw_public == theirs.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    theirs.public_key().verify(ours.sign(b"editie"), b"editie")  # raises when it does not verify
    for name, data in [
        ("encrypted.pem", theirs.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(b"pw"))),
        ("ec.pem", ec.generate_private_key(ec.SECP256R1()).private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())),
        ("garbage.pem", b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n"),
        ("empty.pem", b""),
    ]:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(PackError) as caught:
            load_private_key(tmp_path / name)
        assert caught.value.code == "key-invalid", name
