"""The search field's postings, kept outside Whoosh in compact files of our own."""

from __future__ import annotations

import array
import bisect
import itertools
import mmap
import sys
import zlib
from pathlib import Path
from typing import Iterable

from whoosh.util.numeric import length_to_byte

from reader.core.search.analysis import (
    CRUMBS_BOOST,
    HEADING_BOOST,
    LEAD_SUMMARY_BOOST,
    LEAD_TITLE_BOOST,
    TITLE_BOOST,
)
from reader.core.search.results import IndexFormatError
from reader.core.search.storage import _map_file

# --- the search field's postings (outside Whoosh) -------------------------------------------------------------------
#
# Why not a Whoosh field: Whoosh spends a fixed ~190 bytes on every distinct term (a CDB hash entry, a 34-byte term
# info, and a pickled, zlib-wrapped posting block with its own header), whatever its postings. On NeRDS (2,200
# search terms, most in one or two sections) that alone was 4x the indexed text. Here a term costs its bytes in a
# zlib-compressed sorted term list, one byte for its document frequency and one for its encoding (compressed
# too), and its postings: document-number deltas and weights as typed arrays of one, two or four bytes each.
# Decoding is `array.frombytes` plus `itertools.accumulate`, both in C: reading a common word's postings is as fast
# as Whoosh's block unpickling was. Scoring (SearchIndex._term_scores) is the same BM25F as before (Whoosh's idf,
# field lengths rounded through Whoosh's one-byte length table, the exact average length).

TERMS_FILE = "terms.z"  # zlib: the search field's terms, sorted, "\n"-separated
TERMINFO_FILE = "terminfo.z"  # zlib: document frequency (uint32 each, little-endian) then one code byte per term
POSTINGS_FILE = "postings.bin"  # per term: document-number deltas, then weights in WEIGHT_UNITs (typed arrays)
LENGTHS_FILE = "lengths.bin"  # the search field's length of every section, one byte (Whoosh's length_to_byte)
_CODES = "BHI"  # array typecodes by size; a term's code byte = 3 * index(ids code) + index(weights code)
WEIGHT_UNIT = 0.5  # every part boost is a multiple of this, so weights are stored exactly as small integers
assert all((b / WEIGHT_UNIT).is_integer()
           for b in (TITLE_BOOST, HEADING_BOOST, LEAD_TITLE_BOOST, LEAD_SUMMARY_BOOST, CRUMBS_BOOST, 1.0))
assert all(array.array(c).itemsize == n for c, n in zip(_CODES, (1, 2, 4), strict=True))


def _typecode(top: int) -> str:
    return "B" if top < 0x100 else "H" if top < 0x10000 else "I"


def _le_bytes(a: array.array[int]) -> bytes:
    """Little-endian bytes of an array, whatever the machine (an edition may be copied to another one)."""
    if sys.byteorder == "big" and a.itemsize > 1:
        a = array.array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _le_array(code: str, data: bytes) -> array.array[int]:
    a = array.array(code)
    a.frombytes(data)
    if sys.byteorder == "big" and a.itemsize > 1:
        a.byteswap()
    return a


class _PostingsWriter:
    """Gathers the search field's postings while the sections are added (in document-number order)."""

    def __init__(self) -> None:
        self.postings: dict[str, tuple[list[int], list[int]]] = {}
        self.lengths = bytearray()
        self.total_length = 0

    def add(self, docnum: int, analyzed: Iterable[tuple[str, int, float]]) -> None:
        weights: dict[str, float] = {}
        n = 0
        for term, _pos, boost in analyzed:
            n += 1
            weights[term] = weights.get(term, 0.0) + boost
        for term, w in weights.items():
            ids, ws = self.postings.setdefault(term, ([], []))
            ids.append(docnum)
            ws.append(round(w / WEIGHT_UNIT))
        self.lengths.append(length_to_byte(n))
        self.total_length += n

    def write(self, index_dir: Path) -> None:
        terms = sorted(self.postings)
        dfs = array.array("I")
        codes = bytearray()
        with open(index_dir / POSTINGS_FILE, "wb") as out:
            for t in terms:
                ids, ws = self.postings[t]
                deltas = [ids[0], *(b - a for a, b in zip(ids, ids[1:], strict=False))]  # pairwise
                ic, wc = _typecode(max(deltas)), _typecode(max(ws))
                out.write(_le_bytes(array.array(ic, deltas)))
                out.write(_le_bytes(array.array(wc, ws)))
                dfs.append(len(ids))
                codes.append(3 * _CODES.index(ic) + _CODES.index(wc))
        (index_dir / TERMS_FILE).write_bytes(zlib.compress("\n".join(terms).encode("utf-8"), 9))
        (index_dir / TERMINFO_FILE).write_bytes(zlib.compress(_le_bytes(dfs) + bytes(codes), 9))
        (index_dir / LENGTHS_FILE).write_bytes(bytes(self.lengths))


class _Postings:
    """The search field's postings, opened: terms and their frequencies in memory, postings memory-mapped."""

    def __init__(self, index_dir: Path, doc_count: int) -> None:
        raw = zlib.decompress((index_dir / TERMS_FILE).read_bytes())
        self.terms: list[str] = raw.decode("utf-8").split("\n") if raw else []
        info = zlib.decompress((index_dir / TERMINFO_FILE).read_bytes())
        n = len(self.terms)
        self.dfs = _le_array("I", info[: 4 * n])
        self.codes = info[4 * n:]
        if len(self.dfs) != n or len(self.codes) != n:
            raise IndexFormatError("index-corrupt-postings")
        self.length_bytes = (index_dir / LENGTHS_FILE).read_bytes()  # decoded on first use (SearchIndex._norm)
        if len(self.length_bytes) != doc_count:
            raise IndexFormatError("index-corrupt-lengths")
        self._blob = _map_file(index_dir / POSTINGS_FILE)
        self._offsets: list[int] | None = None

    def close(self) -> None:
        if isinstance(self._blob, mmap.mmap):
            self._blob.close()

    def find(self, term: str) -> int:
        """The term's number, or -1."""
        i = bisect.bisect_left(self.terms, term)
        return i if i < len(self.terms) and self.terms[i] == term else -1

    def df(self, term: str) -> int:
        i = self.find(term)
        return self.dfs[i] if i >= 0 else 0

    def postings(self, i: int) -> tuple[list[int], array.array[int]]:
        """(document numbers, weights in WEIGHT_UNITs) of term number i."""
        if self._offsets is None:  # on first use, not at open
            sizes = [df * (1 << (c // 3)) + df * (1 << (c % 3)) for df, c in zip(self.dfs, self.codes, strict=True)]
            self._offsets = [0, *itertools.accumulate(sizes)]
        df, code = self.dfs[i], self.codes[i]
        ic, wc = _CODES[code // 3], _CODES[code % 3]
        at = self._offsets[i]
        mid = at + df * (1 << (code // 3))
        ids = list(itertools.accumulate(_le_array(ic, self._blob[at:mid])))
        ws = _le_array(wc, self._blob[mid: mid + df * (1 << (code % 3))])
        return ids, ws


def _read_docpages(path: Path) -> array.array[int]:
    return _le_array("I", path.read_bytes())
