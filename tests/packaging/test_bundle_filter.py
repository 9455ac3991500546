"""The rules that keep the frozen build lean, checked without building (packaging/bundle_filter.py, prune.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/libexec/QtWebEngineProcess",
        "PySide6/Qt/resources/icudtl.dat",
        "PySide6/Qt/resources/qtwebengine_resources.pak",
        "PySide6/Qt/resources/v8_context_snapshot.bin",
        "PySide6/Qt/translations/qtwebengine_locales/nl.pak",
        "PySide6/Qt/translations/qtwebengine_locales/en-US.pak",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "PySide6/Qt/translations/qt_en.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/plugins/platforms/qwindows.dll",  # Windows wheel layout
        "PySide6/translations/qtwebengine_locales/nl.pak",
        "PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/Resources/qtwebengine_locales/nl.pak",
        "resources/css/light.css",
        "edition/pages/index.html",
    ],
)
def test_what_the_reader_needs_is_kept(dest: str, bundle_filter: ModuleType) -> None:
    assert bundle_filter.drop_reason(dest) is None


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/qml/QtQuick/qmldir",
        "PySide6/Qt/resources/qtwebengine_devtools_resources.pak",
        "PySide6/Qt/translations/qtwebengine_locales/de.pak",
        "PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/Resources/qtwebengine_locales/fr.pak",  # macOS
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_pt_BR.qm",
        "PySide6/Qt/translations/qt_help_nl.qm",  # a module we do not ship, even in Dutch
        "PySide6/Qt/translations/designer_nl.qm",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/position/libqtposition_nmea.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "libnss3.so",
        "libstdc++.so.6",
        "PySide6/plugins/platforms/qdirect2d.dll",
    ],
)
def test_what_the_reader_does_not_need_is_dropped(dest: str, bundle_filter: ModuleType) -> None:
    assert bundle_filter.drop_reason(dest) is not None


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so",
    ],
)
def test_native_wayland_is_optional(dest: str, bundle_filter: ModuleType) -> None:
    assert bundle_filter.drop_reason(dest) is not None
    assert bundle_filter.drop_reason(dest, wayland=True) is None


def test_modules_the_reader_imports_are_not_excluded(bundle_filter: ModuleType) -> None:
    needed = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtNetwork",
              "PySide6.QtPrintSupport", "PySide6.QtWebChannel", "PySide6.QtWebEngineCore",
              "PySide6.QtWebEngineWidgets", "whoosh", "markdown", "pymdownx", "nh3", "yaml", "frontmatter",
              "platformdirs", "sqlite3", "reader",
              # Ed25519 for edition packs: PyNaCl (libsodium) and the cffi backend it loads.
              "nacl", "_cffi_backend"}
    assert not needed & set(bundle_filter.EXCLUDED_MODULES)


def test_filter_toc_reports_dropped_bytes(tmp_path: Path, bundle_filter: ModuleType) -> None:
    big = tmp_path / "de.pak"
    big.write_bytes(b"x" * 1000)
    keep = tmp_path / "nl.pak"
    keep.write_bytes(b"y")
    toc = [
        ("PySide6/Qt/translations/qtwebengine_locales/de.pak", str(big), "DATA"),
        ("PySide6/Qt/translations/qtwebengine_locales/nl.pak", str(keep), "DATA"),
    ]
    kept, dropped = bundle_filter.filter_toc(toc)
    assert kept == [toc[1]]
    assert dropped == {"webengine locale": 1000}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF dependency walk is Linux-only")
def test_prune_keeps_what_is_linked_and_drops_orphans(prune: ModuleType) -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent
    lib = qt / "Qt" / "lib"
    toc = [
        ("PySide6/QtCore.abi3.so", str(qt / "QtCore.abi3.so"), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(lib / "libQt6Core.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", str(lib / "libicuuc.so.73"), "BINARY"),
        ("PySide6/Qt/lib/libicudata.so.73", str(lib / "libicudata.so.73"), "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", str(lib / "libQt6Pdf.so.6"), "BINARY"),
        ("libfreebl3.so", "/nonexistent/libfreebl3.so", "BINARY"),  # dlopen()ed by NSS: always kept
    ]
    kept, pruned = prune.prune_unlinked(toc)
    kept_names = {Path(e[0]).name for e in kept}
    assert {"QtCore.abi3.so", "libQt6Core.so.6", "libicuuc.so.73", "libicudata.so.73", "libfreebl3.so"} <= kept_names
    assert "libQt6Pdf.so.6" in pruned and "libQt6Pdf.so.6" not in kept_names


def test_prune_keeps_everything_without_objdump(monkeypatch: pytest.MonkeyPatch, prune: ModuleType) -> None:
    monkeypatch.setattr(prune.shutil, "which", lambda name: None)
    monkeypatch.setattr(prune.sys, "platform", "linux")
    toc = [("PySide6/QtCore.abi3.so", "/x/QtCore.abi3.so", "EXTENSION"), ("libfoo.so.1", "/x/libfoo.so.1", "BINARY")]
    assert prune.prune_unlinked(toc) == (toc, {})


def test_the_left_out_whoosh_and_debugging_modules_are_never_loaded(tmp_path: Path, bundle_filter: ModuleType) -> None:
    # Build an edition (index written), open its index and search, typos and phrases included, in a fresh process:
    # nothing the frozen app leaves out may be imported on the way.
    import subprocess

    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys; from pathlib import Path\n"
        "from reader.core.edition import build_edition\n"
        "from reader.core.search import SearchIndex\n"
        f"build_edition(Path({str(root / 'content')!r}), Path({str(tmp_path / 'e')!r}))\n"
        f"index = SearchIndex.open(Path({str(tmp_path / 'e' / 'index')!r}))\n"
        "for q in ['bladwijzer', 'bladwijzr', '\"relaties en bladwijzers\"', 'zoeken -lezen', 'titel:zoeken',\n"
        "          'hoe zoek ik iets', 'blad*']:\n"
        "    index.search(q, limit=10)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    loaded = set(out.stdout.split())
    assert "whoosh.codec.whoosh3" in loaded  # the check sees whoosh at all
    assert not [m for m in loaded if m.startswith("whoosh.") and not bundle_filter.used_whoosh_module(m)]
    assert not loaded & {"pdb", "bdb", "xmlrpc", "xmlrpc.client"}
