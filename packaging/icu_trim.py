"""Trim Qt's ICU data library (libicudata, 32 MB) down to what a Dutch/English reader uses.

Qt Core links ICU for collation, time-zone names, case mapping and legacy text codecs; QtWebEngine does *not* use
it (Chromium has its own ICU and reads `resources/icudtl.dat`). libicudata holds one ICU "common data" package
with data for every language. We keep the language-independent items, the root locale, and `nl*`/`en*` locale
data, and drop: legacy charset converters (*.cnv: the reader only handles UTF-8 and Python does its file I/O),
word-break dictionaries for Chinese/Japanese/Thai/Lao/Khmer/Burmese (*.dict), transliteration rules, and the
locale data of the other ~700 locales. ICU falls back to the root locale for anything missing, exactly as it does
for a locale it has never heard of. About 32 MB -> 6 MB.

The trimmed package is turned back into a shared library with the same soname and the same exported symbol
(`icudt<ver>_dat`) using only binutils (`as`, `ld`), so nothing else changes. Linux only. If anything is missing
or unexpected, `trimmed_library()` returns None and the build keeps the original library.
"""

from __future__ import annotations

import logging
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("packaging.icu_trim")

KEEP_LANGUAGES = ("nl", "en")
# Locale-data file names: a 2-3 letter language code, optional _Script/_REGION/_VARIANT parts.
_LOCALE_RES = re.compile(r"^(?P<lang>[a-z]{2,3})(?:_[A-Za-z0-9_]*)?\.res$")
# Files in a locale tree that look like locale names but are not locale data.
_NOT_LOCALES = {"res_index.res", "pool.res", "root.res"}
_ICU_MAGIC = (0xDA, 0x27)


_DYNSYM_LINE = re.compile(
    r"^(?P<value>[0-9a-fA-F]+)\s.*\.rodata\s+(?P<size>[0-9a-fA-F]+)\s+(?:\S+\s+)?(?P<name>icudt\d+_dat)$"
)


class NotIcuData(ValueError):
    pass


# Chromium decodes unlabelled legacy pages as windows-1252 in Western European locales: keep that converter (and
# its ISO sibling) in Chromium's data, so even a page without a charset renders as it would in a browser here.
CHROMIUM_EXTRA = ("windows-1252-html.cnv", "iso-8859-15-html.cnv")


def keep_item(name: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether an item of the package (e.g. `icudt73l/coll/nl.res`, prefix optional) is kept."""
    parts = name.split("/")
    if parts and parts[0].startswith("icudt"):
        parts = parts[1:]
    leaf = parts[-1]
    tree = parts[0] if len(parts) > 1 else ""
    if "/".join(parts) in extra:
        return True
    if leaf.endswith(".cnv") or leaf.endswith(".dict") or tree == "translit":
        return False
    match = _LOCALE_RES.match(leaf)
    if match and leaf not in _NOT_LOCALES:
        return match.group("lang") in KEEP_LANGUAGES
    return True


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common-data package ("CmnD", offset TOC) into its header and (name, item bytes) pairs."""
    if len(data) < 32 or (data[2], data[3]) != _ICU_MAGIC:
        raise NotIcuData("no ICU data header")
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[4 + 4 : 4 + 4 + 1] != b"\x00" or data[12:16] != b"CmnD":  # little-endian, format CmnD
        raise NotIcuData(f"unexpected data format {data[12:16]!r} or byte order")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    names = []
    for name_offset, _ in entries:
        start = toc + name_offset
        names.append(data[start : data.index(b"\0", start)].decode("ascii"))
    starts = [toc + data_offset for _, data_offset in entries] + [len(data)]
    items = [(names[i], data[starts[i] : starts[i + 1]]) for i in range(count)]
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of read_package: names sorted as ICU's binary search expects, items 16-byte aligned."""
    items = sorted(items, key=lambda item: item[0].encode("ascii"))
    count = len(items)
    names_start = 4 + 8 * count
    name_offsets = []
    names = bytearray()
    for name, _ in items:
        name_offsets.append(names_start + len(names))
        names += name.encode("ascii") + b"\0"
    offset = names_start + len(names)
    offset += -offset % 16
    body = bytearray()
    data_offsets = []
    for _, item in items:
        pad = -(offset + len(body)) % 16
        body += b"\xaa" * pad  # ICU's own padding byte
        data_offsets.append(offset + len(body))
        body += item
    toc = bytearray(struct.pack("<I", count))
    for name_offset, data_offset in zip(name_offsets, data_offsets, strict=True):
        toc += struct.pack("<II", name_offset, data_offset)
    toc += names
    toc += b"\xaa" * (offset - len(toc))
    return bytes(header) + bytes(toc) + bytes(body)


def trim_package(data: bytes, extra: tuple[str, ...] = ()) -> tuple[bytes, dict[str, int]]:
    """Trimmed copy of an ICU common-data package, checked to read back to exactly the kept items."""
    header, items = read_package(data)
    kept = [item for item in items if keep_item(item[0], extra)]
    package = write_package(header, kept)
    expected = sorted(kept, key=lambda i: i[0].encode("ascii"))
    back = read_package(package)[1]
    # An item reads back with the alignment padding that follows it (ICU does not store item lengths).
    if len(back) != len(expected) or any(
        name != old_name or item[: len(old)] != old or len(item) - len(old) >= 16
        for (name, item), (old_name, old) in zip(back, expected, strict=True)
    ):
        raise NotIcuData("rewritten package does not read back")
    return package, {"items_kept": len(kept), "items_dropped": len(items) - len(kept), "before": len(data),
                     "after": len(package)}


def trimmed_data_file(src: Path, workdir: Path) -> Path | None:
    """Chromium's `icudtl.dat` (a plain ICU package file) trimmed into workdir, or None if it is not one."""
    try:
        package, stats = trim_package(src.read_bytes(), CHROMIUM_EXTRA)
    except (NotIcuData, OSError) as exc:
        log.warning("not trimming %s: %s", src, exc)
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / src.name
    out.write_bytes(package)
    log.info("%s trimmed: %s", src.name, stats)
    return out


def _symbol(library: Path) -> tuple[str, int, int]:
    """The exported data symbol of libicudata: (name, file offset, size)."""
    dynsym = subprocess.run(["objdump", "-T", str(library)], capture_output=True, text=True, check=True).stdout
    sections = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True, check=True).stdout
    symbol = None
    for line in dynsym.splitlines():
        # "0000000000001000 g    DO .rodata	0000000001e8bb80  [Base]  icudt73_dat" (version column optional)
        match = _DYNSYM_LINE.match(line.strip())
        if match:
            symbol = (match.group("name"), int(match.group("value"), 16), int(match.group("size"), 16))
    if symbol is None:
        raise NotIcuData(f"{library}: no icudt<ver>_dat symbol")
    for line in sections.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[1] == ".rodata":
            vma, file_offset = int(fields[3], 16), int(fields[5], 16)
            return symbol[0], symbol[1] - vma + file_offset, symbol[2]
    raise NotIcuData(f"{library}: no .rodata section")


def soname(library: Path) -> str:
    out = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.strip().startswith("SONAME"):
            return line.split()[1]
    return library.name


def trim_library(library: Path, workdir: Path) -> tuple[Path, dict[str, int]]:
    """Write a trimmed copy of `library` into `workdir`; return it and {kept, dropped, before, after} counts."""
    symbol, offset, size = _symbol(library)
    raw = library.read_bytes()
    if offset < 0 or size <= 0 or offset + size > len(raw):
        raise NotIcuData(f"{library}: data symbol outside the file")
    package, stats = trim_package(raw[offset : offset + size])
    workdir.mkdir(parents=True, exist_ok=True)
    blob = workdir / "icudata.bin"
    blob.write_bytes(package)
    asm = workdir / "icudata.s"
    asm.write_text(
        "\n".join(
            [
                '.section .rodata,"a"',
                ".balign 16",
                f".globl {symbol}",
                f".type {symbol}, %object",
                f"{symbol}:",
                f'.incbin "{blob.name}"',
                f".size {symbol}, . - {symbol}",
                '.section .note.GNU-stack,"",%progbits',
                "",
            ]
        ),
        encoding="ascii",
    )
    obj = workdir / "icudata.o"
    out = workdir / library.name
    subprocess.run(["as", "-o", obj.name, asm.name], cwd=workdir, check=True)
    subprocess.run(
        ["ld", "-shared", "-soname", soname(library), "-z", "noexecstack", "-o", out.name, obj.name],
        cwd=workdir,
        check=True,
    )
    subprocess.run(["strip", "--strip-unneeded", out.name], cwd=workdir, check=True)
    stats.update(before=library.stat().st_size, after=out.stat().st_size)
    return out, stats


def trimmed_library(library: Path, workdir: Path) -> Path | None:
    """trim_library, or None (with a warning) when this platform or toolchain cannot do it."""
    if not sys.platform.startswith("linux"):
        return None
    missing = [tool for tool in ("objdump", "as", "ld", "strip") if shutil.which(tool) is None]
    if missing:
        log.warning("not trimming ICU data: %s not installed (binutils)", ", ".join(missing))
        return None
    try:
        out, stats = trim_library(library, workdir)
    except (NotIcuData, subprocess.CalledProcessError, OSError) as exc:
        log.warning("not trimming ICU data in %s: %s", library, exc)
        return None
    log.info("ICU data trimmed: %s", stats)
    return out
