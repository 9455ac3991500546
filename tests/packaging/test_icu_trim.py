"""ICU data trimming (packaging/icu_trim.py): the rules, the package format round trip, and that Qt behaves the
same for Dutch and English with the trimmed library as with the original one."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/nl.res", True),
        ("icudt73l/nl_BE.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/root.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/res_index.res", True),  # looks like language "res" but is the locale index
        ("icudt73l/coll/res_index.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/nl.res", True),
        ("icudt73l/uts46.nrm", True),
        ("icudt73l/brkitr/word.brk", True),
        ("icudt73l/de.res", False),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/zone/fr_CA.res", False),
        ("icudt73l/ars.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/translit/root.res", False),
        ("icudt74l/windows-1252-html.cnv", False),
    ],
)
def test_keep_rules(name: str, kept: bool, icu_trim: ModuleType) -> None:
    assert icu_trim.keep_item(name) is kept


def test_chromium_keeps_its_western_default_converter(icu_trim: ModuleType) -> None:
    assert icu_trim.keep_item("icudt74l/windows-1252-html.cnv", icu_trim.CHROMIUM_EXTRA)


def _package(icu_trim: ModuleType, items: list[tuple[str, bytes]]) -> bytes:
    header = bytearray(32)
    struct.pack_into("<HBB", header, 0, 32, 0xDA, 0x27)
    header[12:16] = b"CmnD"
    return icu_trim.write_package(bytes(header), items)


def test_package_round_trip_sorts_and_aligns(icu_trim: ModuleType) -> None:
    items = [("icudt73l/nl.res", b"dutch"), ("icudt73l/de.res", b"german!"), ("icudt73l/a/b.res", b"x" * 33)]
    data = _package(icu_trim, items)
    header, back = icu_trim.read_package(data)
    # Names sorted (ICU looks them up by binary search); an item reads back with its alignment padding.
    assert [name for name, _ in back] == ["icudt73l/a/b.res", "icudt73l/de.res", "icudt73l/nl.res"]
    assert [item.rstrip(b"\xaa") for _, item in back] == [b"x" * 33, b"german!", b"dutch"]
    toc = struct.unpack_from("<H", data, 0)[0]
    for i in range(len(items)):
        offset = struct.unpack_from("<I", data, toc + 8 + 8 * i)[0]
        assert (toc + offset) % 16 == 0


def test_trim_package_drops_other_languages(icu_trim: ModuleType) -> None:
    data = _package(icu_trim, [("icudt73l/nl.res", b"n"), ("icudt73l/de.res", b"d"), ("icudt73l/x.cnv", b"c")])
    trimmed, stats = icu_trim.trim_package(data)
    assert [name for name, _ in icu_trim.read_package(trimmed)[1]] == ["icudt73l/nl.res"]
    assert stats["items_dropped"] == 2


def test_not_icu_data_is_refused(icu_trim: ModuleType) -> None:
    with pytest.raises(icu_trim.NotIcuData):
        icu_trim.read_package(b"\x7fELF" + bytes(60))


PROBE = r"""
import json
from PySide6.QtCore import QCollator, QCoreApplication, QDateTime, QLocale, QTimeZone
app = QCoreApplication([])
words = ["ijsje", "IJzer", "ijs", "Zebra", "appel", "Äpfel", "één", "eerste", "elf", "ezel", "zoë", "Zoe", "10", "9"]
out = {}
for loc in ["nl_NL", "nl_BE", "en_US", "en_GB"]:
    c = QCollator(QLocale(loc))
    out["sort " + loc] = sorted(words, key=c.sortKey)
    c.setNumericMode(True)
    out["numeric " + loc] = sorted(words, key=c.sortKey)
tz = QTimeZone(b"Europe/Amsterdam")
moment = QDateTime.fromSecsSinceEpoch(1780000000, tz)
for loc in ["nl_NL", "en_US", "de_DE"]:
    out["zone " + loc] = tz.displayName(moment, QTimeZone.NameType.LongName, QLocale(loc))
out["upper"] = QLocale("nl_NL").toUpper("ijsje straße")
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library rebuild is Linux-only")
@pytest.mark.skipif(any(shutil.which(t) is None for t in ("as", "ld", "objdump", "strip")), reason="needs binutils")
def test_trimmed_library_behaves_like_the_original_for_dutch_and_english(tmp_path: Path, icu_trim: ModuleType) -> None:
    import PySide6

    original = Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
    if not original.is_file():
        pytest.skip("this PySide6 wheel has no libicudata.so.73")
    trimmed, stats = icu_trim.trim_library(original, tmp_path / "icu")
    assert stats["after"] < stats["before"] / 4

    def probe(library_dir: Path | None) -> dict[str, object]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        if library_dir is not None:
            # LD_LIBRARY_PATH is searched before PySide6's RUNPATH, so Qt loads the trimmed data library.
            env["LD_LIBRARY_PATH"] = str(library_dir)
        out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    before = probe(None)
    after = probe(trimmed.parent)
    german = "zone de_DE"
    assert {k: v for k, v in after.items() if k != german} == {k: v for k, v in before.items() if k != german}
    # Proof that the trimmed library was really the one loaded: German zone names are gone (root fallback).
    assert before[german] != after[german]
