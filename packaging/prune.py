"""Drop shared libraries that nothing in the bundle links to any more.

PyInstaller resolves the link-time dependencies of every collected binary *before* the spec filters plugins out,
so the libraries that only dropped plugins needed (eglfs, vnc, gtk3, QML plugins ...) would still ship. This walks
the ELF dependency graph from the roots (Python extension modules, Qt plugins, helper executables) and keeps only
what is reachable, plus the libraries that are loaded with dlopen() rather than linked (NSS modules).

Linux only: on Windows and macOS PyInstaller's own analysis is used as is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable

# Loaded at run time with dlopen(), never listed as NEEDED: keep them whenever collected.
DLOPENED = (
    "libfreebl3.so",
    "libfreeblpriv3.so",
    "libnssckbi.so",
    "libnssdbm3.so",
    "libsoftokn3.so",
    "libpython3",  # the bootloader loads it
)

Entry = tuple[str, str, str]


def needed(path: str) -> list[str]:
    """The DT_NEEDED sonames of an ELF file (empty for anything objdump cannot read)."""
    try:
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False).stdout
    except OSError:
        return []
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def _is_library(dest: str) -> bool:
    name = os.path.basename(dest)
    return name.startswith("lib") and ".so" in name and "/plugins/" not in dest.replace("\\", "/")


def prune_unlinked(binaries: Iterable[Entry]) -> tuple[list[Entry], dict[str, int]]:
    """Keep roots and everything they (transitively) link to; return kept entries and pruned sizes by name."""
    entries = list(binaries)
    if not sys.platform.startswith("linux"):
        return entries, {}
    if shutil.which("objdump") is None:
        # Without objdump every library would look unreachable; keep everything rather than break the bundle.
        print("prune: objdump not found (install binutils); keeping all libraries", file=sys.stderr)
        return entries, {}
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(os.path.basename(entry[0]), []).append(entry)
    roots = [e for e in entries if not _is_library(e[0]) or os.path.basename(e[0]).startswith(DLOPENED)]
    reachable: set[str] = set()
    queue: list[Entry] = []

    def reach(entry: Entry) -> None:
        name = os.path.basename(entry[0])
        if name not in reachable:
            reachable.add(name)
            queue.extend(by_name[name])

    for entry in roots:
        reach(entry)
    while queue:
        dest, src, typecode = queue.pop()
        if typecode == "SYMLINK":
            # A versioned-name link (libfoo.so.1 -> libfoo.so.1.2): its target must stay with it.
            target = os.path.basename(src)
            if target in by_name:
                reach(by_name[target][0])
            continue
        for soname in needed(src):
            if soname in by_name:
                reach(by_name[soname][0])
    kept: list[Entry] = []
    pruned: dict[str, int] = {}
    for entry in entries:
        name = os.path.basename(entry[0])
        if name in reachable:
            kept.append(entry)
        else:
            try:
                pruned[name] = os.path.getsize(entry[1])
            except OSError:
                pruned[name] = 0
    return kept, pruned


def drop_dangling_symlinks(*tocs: list[Entry]) -> list[list[Entry]]:
    """Remove SYMLINK entries whose target is no longer collected (PyInstaller adds top-level links to libraries
    in subfolders before the spec filters; a dangling link would be shipped as a broken file)."""
    import posixpath

    result = [list(toc) for toc in tocs]
    while True:
        present = {e[0].replace("\\", "/") for toc in result for e in toc}
        changed = False
        for toc in result:
            for entry in list(toc):
                dest, src, typecode = entry
                if typecode != "SYMLINK":
                    continue
                dest = dest.replace("\\", "/")
                target = posixpath.normpath(posixpath.join(posixpath.dirname(dest), src.replace("\\", "/")))
                if target not in present:
                    toc.remove(entry)
                    changed = True
        if not changed:
            return result
