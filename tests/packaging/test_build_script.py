"""packaging/build.py without PyInstaller: the smoke-test verdict, the archive, the size report."""

from __future__ import annotations

import json
import stat
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake executables are shell scripts")


def fake_app(tmp_path: Path, body: str) -> Path:
    exe = tmp_path / "fake-app"
    exe.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def line(page: str, ok: bool = True) -> str:
    return "echo '" + json.dumps({"page": page, "load_ok": ok, "ms": 12}) + "'\n"


def test_smoke_passes_when_every_page_loads(tmp_path: Path, build_script: ModuleType) -> None:
    ok, records = build_script.smoke_test(fake_app(tmp_path, line("a") + line("b") + "exit 0\n"), 2)
    assert ok and [r["page"] for r in records] == ["a", "b"]


@pytest.mark.parametrize(
    "body",
    [
        line("a") + line("b", ok=False) + "exit 1\n",  # a page failed
        line("a") + "exit 0\n",  # a page is missing although the app says all is well
        line("a") + line("b") + "exit 3\n",  # the app itself failed
        "echo 'Traceback: no module named reader'\nexit 1\n",  # the frozen app cannot start
    ],
)
def test_smoke_fails_on_any_problem(tmp_path: Path, body: str, build_script: ModuleType) -> None:
    ok, _ = build_script.smoke_test(fake_app(tmp_path, body), 2)
    assert not ok


def test_smoke_runs_isolated_from_the_build_machine(tmp_path: Path, build_script: ModuleType) -> None:
    # The app must find its edition inside the bundle: no display, throwaway profile/cache/home, empty cwd.
    exe = fake_app(
        tmp_path,
        'echo "{\\"page\\": \\"$QT_QPA_PLATFORM|$DISPLAY|$RICHTLIJNENLEZER_PROFILE|$HOME|$(pwd)\\",'
        ' \\"load_ok\\": true}"\n',
    )
    ok, records = build_script.smoke_test(exe, 1)
    assert ok
    platform, display, profile, home, cwd = records[0]["page"].split("|")
    assert platform == "offscreen" and display == ""
    assert profile.startswith(home) and cwd == home and "rl-smoke-" in home


def test_archive_is_reproducible_and_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build_script: ModuleType
) -> None:
    folder = tmp_path / "richtlijnenlezer"
    (folder / "_internal" / "edition").mkdir(parents=True)
    exe = folder / "richtlijnenlezer"
    exe.write_bytes(b"\x7fELF fake")
    exe.chmod(0o755)
    (folder / "_internal" / "edition" / "manifest.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    build_script.write_archive(folder, first)
    build_script.write_archive(folder, second)
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert set(members) == {
        "richtlijnenlezer",
        "richtlijnenlezer/_internal",
        "richtlijnenlezer/_internal/edition",
        "richtlijnenlezer/_internal/edition/manifest.json",
        "richtlijnenlezer/richtlijnenlezer",
    }
    assert members["richtlijnenlezer/richtlijnenlezer"].mode & 0o111
    assert {m.uid for m in members.values()} == {0} and {m.mtime for m in members.values()} == {1700000000}


def test_size_report_groups_the_bundle(tmp_path: Path, build_script: ModuleType) -> None:
    folder = tmp_path / "richtlijnenlezer"
    lib = folder / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    (lib / "libQt6WebEngineCore.so.6").write_bytes(b"x" * (3 * build_script.MB))
    (lib / "libQt6Gui.so.6").write_bytes(b"x" * build_script.MB)
    (folder / "_internal" / "edition").mkdir()
    (folder / "_internal" / "edition" / "manifest.json").write_bytes(b"x" * (build_script.MB // 2))
    report = build_script.size_report(folder)
    assert report == {"QtWebEngineCore library": 3.0, "other Qt libraries": 1.0, "the edition": 0.5}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")
def test_install_script_adds_and_removes_the_menu_entry(tmp_path: Path, build_script: ModuleType) -> None:
    import subprocess

    folder = tmp_path / "opt" / "richt lijnenlezer"  # a space in the path must survive into Exec=
    folder.mkdir(parents=True)
    fake_app(folder, "exit 0\n").rename(folder / "richtlijnenlezer")
    build_script.install_desktop_files(folder)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run([str(folder / "install.sh")], env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    desktop = (share / "applications" / "richtlijnenlezer.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/richtlijnenlezer"' in desktop
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "richtlijnenlezer.png").is_file()
    assert (share / "metainfo" / "nl.overheid.richtlijnenlezer.metainfo.xml").is_file()
    assert (home / ".local" / "bin" / "richtlijnenlezer").resolve() == (folder / "richtlijnenlezer").resolve()
    subprocess.run([str(folder / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not (share / "applications" / "richtlijnenlezer.desktop").exists()
    assert not (home / ".local" / "bin" / "richtlijnenlezer").exists()


def test_desktop_entry_and_metainfo_are_consistent() -> None:
    import configparser
    import xml.etree.ElementTree as ET

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "richtlijnenlezer.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "richtlijnenlezer"
    assert desktop["Exec"].split()[0] == "richtlijnenlezer"
    # Wayland matches the window to its desktop file by app id = QGuiApplication.desktopFileName().
    app_py = (PACKAGING.parent / "reader" / "gui" / "app.py").read_text(encoding="utf-8")
    assert 'setDesktopFileName("richtlijnenlezer")' in app_py
    meta = ET.parse(PACKAGING / "linux" / "nl.overheid.richtlijnenlezer.metainfo.xml").getroot()
    assert meta.findtext("id") == "nl.overheid.richtlijnenlezer"
    assert meta.findtext("launchable") == "richtlijnenlezer.desktop"
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = PACKAGING / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "richtlijnenlezer.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == size == int.from_bytes(data[20:24], "big")


def test_desktop_files_pass_the_freedesktop_validators() -> None:
    import shutil
    import subprocess

    checks = [
        ("desktop-file-validate", [str(PACKAGING / "linux" / "richtlijnenlezer.desktop")]),
        ("appstreamcli",
         ["validate", "--no-net", str(PACKAGING / "linux" / "nl.overheid.richtlijnenlezer.metainfo.xml")]),
    ]
    available = [(tool, args) for tool, args in checks if shutil.which(tool)]
    if not available:
        pytest.skip("neither desktop-file-validate nor appstreamcli is installed")
    for tool, args in available:
        result = subprocess.run([tool, *args], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_windows_icon_holds_every_shell_size() -> None:
    import struct

    data = (PACKAGING / "icons" / "richtlijnenlezer.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 24, 32, 48, 256} <= sizes
