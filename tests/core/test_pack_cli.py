"""`richtlijnenlezer keygen`, `pack` and `verify` as processes: exit codes, Dutch output, JSON, the per-machine
trusted-keys folder as the default."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def made(content_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A key pair made by `keygen` and a pack signed with it by `pack`."""
    base = tmp_path_factory.mktemp("cli")
    key = base / "uitgever"
    result = run("keygen", "--out", key)
    assert result.returncode == 0, result.stderr
    assert "Publieke sleutel" in result.stdout and "SHA256:" in result.stdout
    pack = base / "content.rlpack"
    result = run("pack", content_edition, "--out", pack, "--sign", key, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["signer"].startswith("SHA256:") and summary["files"] > 10 and Path(summary["pack"]) == pack
    return {"key": key, "pub": base / "uitgever.pub", "pack": pack, "base": base}


def test_verify_with_the_signers_key_says_trusted(made: dict[str, Path]) -> None:
    result = run("verify", made["pack"], "--trust", made["pub"])
    assert result.returncode == 0, result.stderr
    assert "In orde" in result.stdout and "vertrouwde sleutel" in result.stdout


def test_the_per_machine_trusted_keys_are_the_default(made: dict[str, Path], tmp_path: Path) -> None:
    machine = tmp_path / "machine"
    (machine / "trusted-keys").mkdir(parents=True)
    (machine / "trusted-keys" / "uitgever.pub").write_bytes(made["pub"].read_bytes())
    env = {"RICHTLIJNENLEZER_MACHINE_DIR": str(machine)}
    result = run("verify", made["pack"], "--json", "--require-trusted", env=env)
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["ok"] and verdict["status"] == "trusted"
    assert verdict["signer_key"] == str(machine / "trusted-keys" / "uitgever.pub")


def test_an_unknown_signer_is_said_and_refused_when_required(made: dict[str, Path], tmp_path: Path) -> None:
    env = {"RICHTLIJNENLEZER_MACHINE_DIR": str(tmp_path / "empty")}
    result = run("verify", made["pack"], env=env)
    assert result.returncode == 0 and "onbekende sleutel" in result.stdout
    result = run("verify", made["pack"], "--require-trusted", env=env)
    assert result.returncode == 1
    assert "geweigerd" in result.stderr and "onbekende sleutel" in result.stderr


def test_an_unsigned_pack_is_said(content_edition: Path, tmp_path: Path) -> None:
    pack = tmp_path / "unsigned.rlpack"
    assert run("pack", content_edition, "--out", pack).returncode == 0
    result = run("verify", pack, env={"RICHTLIJNENLEZER_MACHINE_DIR": str(tmp_path / "empty")})
    assert result.returncode == 0 and "niet ondertekend" in result.stdout


def test_a_tampered_pack_exits_1_with_the_reason(made: dict[str, Path], tmp_path: Path) -> None:
    tampered = tmp_path / "tampered.rlpack"
    with zipfile.ZipFile(made["pack"]) as source, zipfile.ZipFile(tampered, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "edition/pages/index.html":
                data = data.replace(b"<", b"[", 1)
            out.writestr(info, data)
    result = run("verify", tampered, "--trust", made["pub"])
    assert result.returncode == 1
    assert "geweigerd" in result.stderr and "pages/index.html" in result.stderr and "SHA-256" in result.stderr
    result = run("verify", tampered, "--trust", made["pub"], "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "ok": False, "code": "pack-hash-mismatch", "refused": True,
        "message": "pages/index.html in het pakket is gewijzigd: de SHA-256 klopt niet met het manifest.",
    }


def test_a_bad_trust_key_is_a_usage_error(made: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.pub"
    bad.write_text("geen sleutel\n", encoding="utf-8")
    result = run("verify", made["pack"], "--trust", bad)
    assert result.returncode == 2 and "geen bruikbare Ed25519-sleutel" in result.stderr


def test_keygen_refuses_to_overwrite(made: dict[str, Path]) -> None:
    before = made["key"].read_bytes()
    result = run("keygen", "--out", made["key"])
    assert result.returncode == 1 and "bestaat al" in result.stderr
    assert made["key"].read_bytes() == before


def test_pack_of_a_folder_that_is_no_edition_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = run("pack", tmp_path / "leeg", "--out", tmp_path / "x.rlpack")
    assert result.returncode == 1
    assert "manifest.json ontbreekt" in result.stderr and "niets geschreven" in result.stderr
    assert not (tmp_path / "x.rlpack").exists()
