"""The real thing: build the frozen application from the bundled content and run its smoke test.

Runs `packaging/build.py` (edition, translations, PyInstaller, the frozen app's `open --smoke-test --all`, archive)
into a temporary folder. Takes about two minutes on two cores. Select it with `-m packaging`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SUMMARY_KEYS = {"version", "corpus", "pages", "folder", "folder_mb", "archive", "archive_mb", "build_s", "smoke_ok"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], Path]:
    pytest.importorskip("PyInstaller")
    if not sys.platform.startswith("linux"):
        pytest.skip("the CI build is the Linux one; Windows and macOS are built by hand (packaging/README.md)")
    base = tmp_path_factory.mktemp("frozen")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [
            sys.executable, str(ROOT / "packaging" / "build.py"),
            "--out", str(base / "dist"), "--work", str(base / "work"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-6000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return summary, base


def test_summary_is_the_last_line_and_complete(built: tuple[dict[str, object], Path]) -> None:
    summary, _ = built
    assert set(summary) == SUMMARY_KEYS
    assert summary["smoke_ok"] is True
    from reader import __version__

    assert summary["version"] == __version__


def test_every_page_of_the_bundled_edition_was_smoke_tested(built: tuple[dict[str, object], Path]) -> None:
    summary, base = built
    manifest = json.loads((base / "work" / "edition" / "manifest.json").read_text(encoding="utf-8"))
    assert summary["pages"] == manifest["page_count"] > 0


def test_bundle_layout(built: tuple[dict[str, object], Path]) -> None:
    summary, _ = built
    folder = Path(str(summary["folder"]))
    internal = folder / "_internal"
    assert os.access(folder / "richtlijnenlezer", os.X_OK)
    # Where reader/paths.py looks when frozen: <bundle>/edition, <bundle>/resources.
    assert (internal / "edition" / "manifest.json").is_file()
    assert (internal / "edition" / "pages").is_dir()
    assert (internal / "resources" / "css").is_dir()
    assert not (internal / "content").exists()  # the edition is prebuilt; the corpus source does not ship
    assert not list((internal / "resources").rglob("*.ts"))
    sources = list((ROOT / "resources" / "translations").glob("*.ts"))
    assert len(list((internal / "resources" / "translations").glob("*.qm"))) == len(sources)
    # Lean: no QML tree, no devtools, only nl/en WebEngine locales, no broken links.
    assert not (internal / "PySide6" / "Qt" / "qml").exists()
    assert not (internal / "PySide6" / "Qt" / "resources" / "qtwebengine_devtools_resources.pak").exists()
    locales = {p.stem for p in (internal / "PySide6" / "Qt" / "translations" / "qtwebengine_locales").glob("*.pak")}
    assert locales == {"nl", "en-US"}
    assert not [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
    # Desktop integration for the tarball.
    assert (folder / "share" / "applications" / "richtlijnenlezer.desktop").is_file()
    assert (folder / "share" / "icons" / "hicolor" / "256x256" / "apps" / "richtlijnenlezer.png").is_file()
    assert os.access(folder / "install.sh", os.X_OK)


def test_size_targets(built: tuple[dict[str, object], Path]) -> None:
    summary, _ = built
    assert float(summary["folder_mb"]) <= 300, summary  # MiB, unpacked
    assert float(summary["archive_mb"]) <= 130, summary  # MiB, .tar.gz


def test_archive_unpacks_to_the_folder(built: tuple[dict[str, object], Path]) -> None:
    summary, _ = built
    archive = Path(str(summary["archive"]))
    assert archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        exe = tar.getmember("richtlijnenlezer/richtlijnenlezer")
    assert all(n == "richtlijnenlezer" or n.startswith("richtlijnenlezer/") for n in names)
    assert exe.mode & 0o111
    folder = Path(str(summary["folder"]))
    assert "richtlijnenlezer/_internal/edition/manifest.json" in names
    assert len([n for n in names]) == 1 + sum(1 for _ in folder.rglob("*"))


def test_frozen_cli_works_without_a_window(built: tuple[dict[str, object], Path]) -> None:
    # A windowless subcommand of the frozen app: it must not need Qt, a display or the source tree.
    summary, base = built
    exe = Path(str(summary["folder"])) / "richtlijnenlezer"
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60, cwd=base)
    assert out.returncode == 0 and out.stdout.strip().endswith(str(summary["version"]))


def test_frozen_app_can_build_an_edition(built: tuple[dict[str, object], Path]) -> None:
    # Administrators build newer editions with the installed app: Markdown extensions, Whoosh and the icon
    # bundle must all be inside the frozen application, and the result must equal what the source tree builds.
    summary, base = built
    exe = Path(str(summary["folder"])) / "richtlijnenlezer"
    out_dir = base / "admin-edition"
    result = subprocess.run(
        [str(exe), "build", str(ROOT / "content"), "--out", str(out_dir), "--json"],
        capture_output=True, text=True, timeout=300, cwd=base,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1])["pages"] == summary["pages"]
    bundled = base / "work" / "edition"
    for page in sorted((bundled / "pages").rglob("*.html")):
        rel = page.relative_to(bundled)
        assert (out_dir / rel).read_bytes() == page.read_bytes(), rel


def test_frozen_app_signs_packs_and_verifies_them(built: tuple[dict[str, object], Path]) -> None:
    # The frozen app carries PyNaCl (Ed25519) and hashes without OpenSSL's _hashlib: keygen, a signed pack of
    # the bundled edition and its verification must work in it, and agree with the source tree.
    summary, base = built
    exe = str(Path(str(summary["folder"])) / "richtlijnenlezer")
    key, pack = base / "pack-key", base / "bundled.rlpack"

    def frozen(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, timeout=300, cwd=base)

    assert frozen("keygen", "--out", key).returncode == 0
    result = frozen("pack", base / "work" / "edition", "--out", pack, "--sign", key, "--json")
    assert result.returncode == 0, result.stderr[-3000:]
    result = frozen("verify", pack, "--trust", f"{key}.pub", "--require-trusted", "--json")
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout)["status"] == "trusted"
    source = subprocess.run([sys.executable, "-m", "reader", "verify", str(pack), "--trust", f"{key}.pub", "--json"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert json.loads(source.stdout) == json.loads(result.stdout)


def _run_frozen_open(exe: Path, home: Path, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(data_home),
        XDG_DATA_DIRS=str(home / "no-machine-editions"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    # The app must find the editions folder through XDG_DATA_HOME, as on a user's machine: not through the
    # overrides the test session sets for everything else.
    for name in ("RICHTLIJNENLEZER_PROFILE", "RICHTLIJNENLEZER_USER_EDITIONS", "RICHTLIJNENLEZER_MACHINE_DIR"):
        env.pop(name, None)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return subprocess.run(
        [str(exe), "open", "--smoke-test", "--all", "--profile", str(home / "profile")],
        capture_output=True, text=True, timeout=300, cwd=home, env=env,
    )


def test_frozen_app_prefers_a_newer_edition_and_ignores_a_broken_one(
    built: tuple[dict[str, object], Path], tmp_path: Path
) -> None:
    summary, base = built
    exe = Path(str(summary["folder"])) / "richtlijnenlezer"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "index.md").write_text(
        "---\ntitle: Bijgewerkte editie\n---\n\n# Bijgewerkte editie\n\nDeze editie is nieuwer.\n", encoding="utf-8"
    )
    (corpus / "tweede.md").write_text(
        "---\ntitle: Tweede pagina\n---\n\n# Tweede pagina\n\n[Terug](index.md).\n", encoding="utf-8"
    )
    data_home = tmp_path / "data"
    editions = data_home / "richtlijnenlezer" / "editions"
    built_new = subprocess.run(
        [str(exe), "build", str(corpus), "--out", str(editions / "bijgewerkt"), "--json"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert built_new.returncode == 0, built_new.stderr[-2000:]
    manifest_path = editions / "bijgewerkt" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["built_at"] = "2099-01-01T00:00:00+00:00"  # unambiguously newer than the bundled edition
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    broken = editions / "kapot"
    broken.mkdir()
    (broken / "manifest.json").write_text('{"format_version": ', encoding="utf-8")

    home = tmp_path / "home"
    home.mkdir()
    newer = _run_frozen_open(exe, home, data_home)
    assert newer.returncode == 0, newer.stderr[-3000:]
    pages = sorted(json.loads(line)["page"] for line in newer.stdout.splitlines() if line.startswith("{"))
    assert pages == ["index", "tweede"]
    assert str(broken) in newer.stderr and "not valid JSON" in newer.stderr

    # Without the newer edition the broken one is still ignored and the bundled edition opens.
    import shutil

    shutil.rmtree(editions / "bijgewerkt")
    fallback = _run_frozen_open(exe, home, data_home)
    assert fallback.returncode == 0, fallback.stderr[-3000:]
    bundled_pages = json.loads((base / "work" / "edition" / "pages.json").read_text(encoding="utf-8"))
    count = len(bundled_pages) if isinstance(bundled_pages, (list, dict)) else 0
    assert len([line for line in fallback.stdout.splitlines() if line.startswith("{")]) == count == summary["pages"]
    assert str(broken) in fallback.stderr


def test_frozen_pages_look_exactly_like_unfrozen_ones(built: tuple[dict[str, object], Path], tmp_path: Path) -> None:
    # The strongest check that the bundle finds its stylesheets, scripts, images and edition: every page's title,
    # visible text (which depends on the CSS), links, images (loaded or not), console and blocked requests are the
    # same as in the unfrozen reader showing the same edition.
    summary, base = built
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    edition = Path(str(summary["folder"])) / "_internal" / "edition"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "open", "--smoke-test", "--all", "--edition", str(edition),
         "--profile", str(tmp_path / "profile")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]

    def comparable(lines: list[str]) -> dict[str, dict[str, object]]:
        records = [json.loads(line) for line in lines if line.startswith("{")]
        return {str(r["page"]): {k: v for k, v in r.items() if k != "ms"} for r in records}

    unfrozen = comparable(result.stdout.splitlines())
    frozen = comparable((base / "work" / "smoke-frozen.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(frozen) == summary["pages"]
    assert frozen == unfrozen


@pytest.mark.parametrize("query", ["zoeken", "bladwijzer", "richtlijnen samenwerking", "zoekn", "titel:lezen"])
def test_frozen_search_equals_unfrozen_search(built: tuple[dict[str, object], Path], query: str) -> None:
    # Whoosh, the Dutch analysis and the snippets inside the bundle answer exactly as the source tree does.
    summary, base = built
    edition = Path(str(summary["folder"])) / "_internal" / "edition"
    commands = {
        "frozen": [str(Path(str(summary["folder"])) / "richtlijnenlezer")],
        "unfrozen": [sys.executable, "-m", "reader"],
    }
    answers = {}
    for name, cmd in commands.items():
        out = subprocess.run(
            [*cmd, "search", "--edition", str(edition), "--json", query],
            capture_output=True, text=True, timeout=120, cwd=base,
        )
        assert out.returncode == 0, out.stderr[-2000:]
        answer = json.loads(out.stdout)
        answer.pop("ms", None)
        answers[name] = answer
    assert answers["frozen"] == answers["unfrozen"]
    if query == "zoeken":
        assert answers["frozen"]["hits"], "the bundled user guide has a page about searching"
