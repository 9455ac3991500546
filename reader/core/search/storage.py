"""Where an index keeps what: file names, and the small zlib and mmap helpers that read and write them."""

from __future__ import annotations

import json
import mmap
import os
import shutil
import zlib
from pathlib import Path
from typing import Any, Sequence

from reader.core.search.results import SearchDoc

META_FILE = "richtlijnenlezer-index.json"
# The small files are zlib-compressed (`.z`): on a small corpus they were a third of the index.
PAGES_FILE = "pages.json.z"  # page id -> [title, breadcrumb, weight, summary]: stored once, not per section
DOCPAGES_FILE = "docpages.bin"  # page number (pages.json order) of every section, uint32 LE by document number
SECTIONS_FILE = "sections.json.z"  # [anchor, section title, compressed text length] by document number
COMPOUNDS_FILE = "compounds.tsv.z"  # compound <TAB> its parts, or derived word <TAB> =base, as split at build time
VOCAB_FILE = "vocabulary.tsv.z"  # folded unstemmed word <TAB> number of pages, sorted
ZDICT_FILE = "snippets.zdict.z"  # zlib preset dictionary for the stored section texts
TEXTS_FILE = "texts.bin"  # the section texts, each compressed with the dictionary (Whoosh's stored fields are
# pickled with protocol 2, which inflates binary data by half; a plain file with offsets does not)
ZDICT_SIZE = 32 * 1024
INDEX_NAME = "sections"
BLOCK_LIMIT = 512  # postings per block


def _write_z(path: Path, text: str) -> None:
    path.write_bytes(zlib.compress(text.encode("utf-8"), 9))


def _read_z(path: Path) -> str:
    return zlib.decompress(path.read_bytes()).decode("utf-8")


def _map_file(path: Path) -> Any:
    """Memory-map a file read-only (pages come in as snippets need them); empty files cannot be mapped."""
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return b""
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def make_zdict(docs: Sequence[SearchDoc]) -> bytes:
    """A zlib preset dictionary from an even sample of the texts: short sections compress about twice as well
    with it (measured: 2.4 -> 1.1 MB for 3.7 MB of section text)."""
    if not docs:
        return b""
    step = max(1, len(docs) // 64)
    sample = " ".join(d.text[:1024] for d in docs[::step])
    # A small corpus gains little from a dictionary that would be as big as its texts.
    size = min(ZDICT_SIZE, sum(len(d.text) for d in docs) // 8)
    return sample.encode("utf-8")[-size:] if size >= 256 else b""


_compressors: dict[bytes, Any] = {}


def _compress(text: str, zdict: bytes) -> bytes:
    # Loading the dictionary costs more than compressing a section: copy a primed compressor instead.
    base = _compressors.get(zdict)
    if base is None:
        _compressors.clear()
        base = _compressors[zdict] = zlib.compressobj(6, zdict=zdict) if zdict else zlib.compressobj(6)
    c = base.copy()
    return c.compress(text.encode("utf-8")) + c.flush()


def _decompress(blob: bytes, zdict: bytes) -> str:
    d = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
    return (d.decompress(blob) + d.flush()).decode("utf-8")


def index_format(index_dir: Path) -> int | None:
    """The format version recorded with an index, or None when there is no readable record."""
    try:
        meta = json.loads((Path(index_dir) / META_FILE).read_text(encoding="utf-8"))
        return int(meta["format"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove_index(index_dir: Path) -> None:
    shutil.rmtree(index_dir, ignore_errors=True)
