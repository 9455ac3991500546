"""Build the desktop application: edition + translations + PyInstaller + frozen smoke test + archive.

    .venv/bin/python packaging/build.py [--corpus SOURCE] [--out DIR] [--keep-going]

Steps (each one fails the build when it fails):
1. `richtlijnenlezer build SOURCE` into a work folder: the edition bundled as `<bundle>/edition`.
2. `.ts` files in resources/translations -> `.qm` with pyside6-lrelease (into the work folder, not the source tree).
3. PyInstaller with packaging/richtlijnenlezer.spec (one folder; an .app bundle on macOS).
4. The frozen application's `open --smoke-test --all`, headless, from an empty working directory with a throwaway
   profile and cache, so it can only find its edition and resources through reader/paths.py inside the bundle.
5. Linux: desktop entry, AppStream metainfo and icons into the folder, then a reproducible `.tar.gz`.
The last line on stdout is a JSON summary; a size breakdown is written next to the archive (size-report.json).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP = "richtlijnenlezer"
# Sizes are reported in MiB, the unit `du -h`, file managers and the reference figures (a default build is
# "about 590 MB") use; size-report.json gives bytes as well.
MB = 1024 * 1024


def log(message: str) -> None:
    # Progress goes to stderr: stdout ends with the JSON summary, which scripts parse.
    print(f"[build] {message}", file=sys.stderr, flush=True)


def run(cmd: Sequence[str | os.PathLike[str]], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    log("$ " + " ".join(str(c) for c in cmd))
    result: subprocess.CompletedProcess[str] = subprocess.run([str(c) for c in cmd], text=True, **kwargs)
    return result


def venv_tool(name: str) -> Path | None:
    """A console script installed next to this Python (the venv's bin/ or Scripts/)."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin", Path(sys.prefix) / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return candidate
    found = shutil.which(name)
    return Path(found) if found else None


def build_edition(source: Path, dest: Path, keep_going: bool) -> dict[str, object]:
    cmd: list[str | os.PathLike[str]] = [sys.executable, "-m", "reader", "build", source, "--out", dest, "--json"]
    if keep_going:
        cmd.append("--keep-going")
    result = run(cmd, stdout=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"edition build failed (exit {result.returncode})")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    manifest = json.loads((dest / "manifest.json").read_text(encoding="utf-8"))
    return {"pages": summary["pages"], "title": manifest.get("corpus_title", "")}


def build_translations(dest: Path) -> list[Path]:
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        log("no .ts files in resources/translations: no translations to build")
        return []
    lrelease = venv_tool("pyside6-lrelease")
    if lrelease is None:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6); cannot build translations")
    dest.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sources:
        qm = dest / (ts.stem + ".qm")
        if run([lrelease, "-silent", ts, "-qm", qm]).returncode != 0 or not qm.is_file():
            raise SystemExit(f"pyside6-lrelease failed on {ts}")
        built.append(qm)
    return built


def frozen_executable(folder: Path) -> Path:
    """The executable that prints: on Windows the console twin (the main one is windowed)."""
    if sys.platform == "win32":
        return folder / f"{APP}-cli.exe"
    if sys.platform == "darwin":
        return folder / APP  # the one-folder build next to Richtlijnenlezer.app; same files
    return folder / APP


def smoke_test(exe: Path, pages: int) -> tuple[bool, list[dict[str, object]]]:
    """Run the frozen app's self-check on every page; True when every page loaded and none is missing."""
    with tempfile.TemporaryDirectory(prefix="rl-smoke-") as tmp:
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            RICHTLIJNENLEZER_CACHE=str(Path(tmp) / "cache"),
            RICHTLIJNENLEZER_PROFILE=str(Path(tmp) / "profile"),
            # An empty HOME/XDG tree: no per-user edition or setting of the build machine can leak in.
            HOME=tmp,
            XDG_DATA_HOME=str(Path(tmp) / "data"),
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
            XDG_CACHE_HOME=str(Path(tmp) / "xdgcache"),
            XDG_DATA_DIRS=str(Path(tmp) / "sysdata"),
            PYTHONPATH="",
        )
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        result = run(
            [exe, "open", "--smoke-test", "--all", "--profile", Path(tmp) / "profile"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=tmp,
            timeout=max(120, pages * 5),
        )
    records = []
    for line in result.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    failed = [r for r in records if not r.get("load_ok")]
    ok = result.returncode == 0 and len(records) == pages and not failed
    if not ok:
        log(f"smoke test FAILED: exit {result.returncode}, {len(records)}/{pages} pages reported, "
            f"{len(failed)} failed")
        for r in failed[:10]:
            log(f"  {r.get('page')}: {json.dumps(r, ensure_ascii=False)[:300]}")
        log("stderr (last 40 lines):\n" + "\n".join(result.stderr.splitlines()[-40:]))
    else:
        slowest = max((float(r.get("ms") or 0) for r in records), default=0)
        log(f"smoke test passed: {len(records)} pages, slowest {slowest:.0f} ms")
    return ok, records


def install_desktop_files(folder: Path) -> None:
    """Linux: the desktop entry, AppStream metainfo and icons, laid out as share/ for `install.sh` to copy."""
    linux = HERE / "linux"
    share = folder / "share"
    if share.exists():
        shutil.rmtree(share)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(linux / f"{APP}.desktop", share / "applications" / f"{APP}.desktop")
    for metainfo in linux.glob("*.metainfo.xml"):
        shutil.copy2(metainfo, share / "metainfo" / metainfo.name)
    shutil.copytree(linux / "icons", share / "icons")
    shutil.copy2(linux / "install.sh", folder / "install.sh")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def size_report(folder: Path) -> dict[str, float]:
    """Megabytes per meaningful part of the bundle (the answer to 'where do the megabytes go')."""
    # First match wins; patterns are matched against paths relative to _internal/ (or the folder).
    groups = {
        "QtWebEngineCore library": [
            "*libQt6WebEngineCore.so*", "*Qt6WebEngineCore.dll", "*QtWebEngineCore.framework/*",
        ],
        "ICU libraries (Qt)": ["*libicu*", "*icu*.dll"],
        "WebEngine resources (icudtl, paks, v8)": ["PySide6/Qt/resources/*", "PySide6/resources/*"],
        "WebEngine helper process": ["*QtWebEngineProcess*"],
        "WebEngine locales": ["*/qtwebengine_locales/*"],
        "Qt translations": ["PySide6/Qt/translations/*", "PySide6/translations/*"],
        "Qt plugins": ["PySide6/Qt/plugins/*", "PySide6/plugins/*"],
        "other Qt libraries": ["PySide6/Qt/lib/*", "*Qt6*.dll"],
        "PySide6 bindings + shiboken": ["PySide6/*", "shiboken6/*", "*libpyside6*", "*libshiboken6*"],
        "the edition": ["edition/*"],
        "reader resources (css, icons, translations)": ["resources/*"],
        "Python runtime + stdlib": ["libpython*", "python3*/*", "base_library.zip", "python3*.dll"],
        "executable (bootloader + Python code archive)": [APP, f"{APP}.exe"],
        "desktop integration": ["share/*", "install.sh"],
        "bundled system libraries": ["lib*.so*"],
    }
    import fnmatch

    internal = folder / "_internal"
    sizes: dict[str, int] = {}
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(internal if internal in path.parents else folder).as_posix()
        group = next(
            (name for name, patterns in groups.items() if any(fnmatch.fnmatchcase(rel, p) for p in patterns)),
            "other Python packages (nh3, yaml, ...)",
        )
        sizes[group] = sizes.get(group, 0) + path.stat().st_size
    return {k: round(v / MB, 1) for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])}


def write_archive(folder: Path, archive: Path) -> None:
    """A reproducible .tar.gz of the folder: sorted entries, fixed owner and time (SOURCE_DATE_EPOCH if set)."""
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        return info

    tmp = archive.with_name(archive.name + ".part")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=mtime) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            paths = sorted(folder.rglob("*"))
            tar.add(folder, arcname=folder.name, recursive=False, filter=normalise)
            for path in paths:
                tar.add(path, arcname=f"{folder.name}/{path.relative_to(folder).as_posix()}", recursive=False,
                        filter=normalise)
    os.replace(tmp, archive)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "content", help="corpus source (default: content/)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "packaging", help="work folder")
    parser.add_argument("--keep-going", action="store_true", help="leave broken pages out of the edition")
    parser.add_argument("--edition", type=Path, help="bundle this prebuilt edition instead of building SOURCE")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz (faster local builds)")
    parser.add_argument("--wayland", action="store_true", help="include native Wayland support (+2 MB)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    from reader import __version__

    source = args.corpus.resolve()
    out = args.out.resolve()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)

    if args.edition:
        edition = args.edition.resolve()
        log(f"1/5 prebuilt edition {edition}")
        manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
        info = {"pages": manifest["page_count"], "title": manifest.get("corpus_title", "")}
    else:
        log(f"1/5 edition from {source}")
        edition = work / "edition"
        info = build_edition(source, edition, args.keep_going)
    log(f"    {info['pages']} pages ({info['title']})")

    log("2/5 translations")
    qm_dir = work / "translations"
    if qm_dir.exists():
        shutil.rmtree(qm_dir)
    qms = build_translations(qm_dir)

    log("3/5 PyInstaller")
    spec_args = ["--edition", edition, "--report", work / "bundle-filter.json"]
    if args.wayland:
        spec_args.append("--wayland")
    if qms:
        spec_args += ["--translations", qm_dir]
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", out, "--workpath", work / "pyinstaller", HERE / f"{APP}.spec", "--", *spec_args]
    if run(cmd, env={**os.environ, "RL_VERSION": __version__}).returncode != 0:
        raise SystemExit("PyInstaller failed")
    folder = out / APP
    if sys.platform.startswith("linux"):
        install_desktop_files(folder)

    log("4/5 smoke test of the frozen application")
    smoke_ok, records = smoke_test(frozen_executable(folder), int(info["pages"]))
    # Kept for comparison with the unfrozen app (tests/packaging/test_frozen_build.py) and for reading failures.
    (work / "smoke-frozen.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )

    archive: Path | None = None
    if smoke_ok and not args.no_archive and sys.platform.startswith("linux"):
        log("5/5 archive")
        machine = platform.machine().lower() or "unknown"
        archive = out / f"{APP}-{__version__}-linux-{machine}.tar.gz"
        write_archive(folder, archive)
    folder_bytes = folder_size(folder)
    report: dict[str, object] = {
        "unit": "MiB",
        "folder_bytes": folder_bytes,
        "archive_bytes": archive.stat().st_size if archive else None,
        "parts_mb": size_report(folder),
    }
    if (work / "bundle-filter.json").is_file():
        report["left_out"] = json.loads((work / "bundle-filter.json").read_text(encoding="utf-8"))
    (out / "size-report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    for part, mb in size_report(folder).items():
        log(f"    {mb:7.1f} MiB  {part}")

    summary = {
        "version": __version__,
        "corpus": str(args.corpus),
        "pages": info["pages"],
        "folder": str(folder),
        "folder_mb": round(folder_bytes / MB, 1),
        "archive": str(archive) if archive else None,
        "archive_mb": round(archive.stat().st_size / MB, 1) if archive else None,
        "build_s": round(time.monotonic() - started, 1),
        "smoke_ok": smoke_ok,
    }
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 0 if smoke_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
