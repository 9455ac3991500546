"""Dutch analysis for the index and the query side (same code): stems, weighted parts, the tokenizer."""

from __future__ import annotations

import array
import itertools
import logging
import struct
import zlib
from pathlib import Path
from typing import Any, Iterator, Sequence

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.lang.snowball.dutch import DutchStemmer

from reader.core.search.dutch import (
    MIN_WORD,
    STOP_WORDS,
    WORD_RE,
    Decompounder,
    fold,
    normalize,
    words,
)
from reader.core.search.storage import _read_z

# The frequency prefix of a positions value: an unsigned 32-bit int, big-endian, exactly as Whoosh packs it.
_UINT = struct.Struct("!I")

log = logging.getLogger("reader.search")

# Weights of the parts of a section inside the one searched field (see DutchTokenizer): titles and headings weigh
# more than body text. LEAD_* apply to a page's first section only, its landing spot: there the page title and
# summary count most, so a page *about* the query outranks pages that merely mention it.
TITLE_BOOST = 1.5  # the page title, repeated in every section so "toegankelijkheid testen" finds that section
HEADING_BOOST = 2.0
GLOSSARY_BOOST = 2.0  # a term a glossary section defines counts as much as a heading
LEAD_TITLE_BOOST = 4.0
LEAD_SUMMARY_BOOST = 2.0
CRUMBS_BOOST = 0.5
PART_GAP = 8  # position gap between parts, so a phrase never spans a heading and the text after it
SEARCH_FIELD = "text"
FIELD_OF = {"titel": "ptitle", "sectie": "stitle"}  # query language field -> index field
TITLE_FIELDS = ("ptitle", "stitle")  # the Whoosh fields (the search field is kept outside Whoosh)
_PART = "\x1e"  # separates weighted parts in a field value: \x1e<boost>\x1f<text>...
_BOOST = "\x1f"


def _search_parts(page_title: str, section_title: str, text: str, summary: str, breadcrumb: Sequence[str],
                  first: bool, terms: Sequence[str] = ()) -> list[tuple[float, str]]:
    """The weighted parts of a section in the search field. The page's first section is its landing spot: it alone
    carries the page-level parts (summary, nav path) and the page title at full weight. `terms`: what the section
    defines, when it is part of a glossary (glossary.py), each weighted like a heading."""
    defined = [(GLOSSARY_BOOST, t) for t in terms]
    if first:
        return [(LEAD_TITLE_BOOST, page_title), (LEAD_SUMMARY_BOOST, summary), (CRUMBS_BOOST, " ".join(breadcrumb)),
                (HEADING_BOOST, section_title), *defined, (1.0, text)]
    return [(TITLE_BOOST, page_title), (HEADING_BOOST, section_title), *defined, (1.0, text)]


class _SavedSplits:
    """The build's compound splits (read on first use); words the corpus does not have are split against its
    vocabulary (a compound typed by the user, such as `informatiebeveiliging` when the text writes it apart)."""

    def __init__(self, path: Path, fallback: Decompounder) -> None:
        self._path = path
        self._fallback = fallback
        self._splits: dict[str, tuple[str, ...]] | None = None
        self._derived: dict[str, str] = {}

    def _load(self) -> dict[str, tuple[str, ...]]:
        if self._splits is None:
            splits: dict[str, tuple[str, ...]] = {}
            try:
                for line in _read_z(self._path).splitlines():
                    w, _tab, rest = line.partition("\t")
                    if rest.startswith("="):
                        self._derived[w] = rest[1:]
                    elif rest:
                        splits[w] = tuple(rest.split())
            except (OSError, ValueError, zlib.error):
                log.warning("no compound splits in %s", self._path)
            self._splits = splits
        return self._splits

    def split(self, word: str) -> tuple[str, ...] | None:
        splits = self._load()
        if word in splits:
            return splits[word]
        return None if self._fallback.part_ok(word) else self._fallback.split(word)

    def derivation_base(self, word: str) -> str | None:
        self._load()
        return self._derived.get(word)


def _phrase_tokenizer(decompounder: Any) -> "DutchTokenizer":
    t = DutchTokenizer()
    t.decompounder = decompounder
    return t


def weighted(parts: Sequence[tuple[float, str]]) -> str:
    """Encode (boost, text) parts as one field value for DutchTokenizer."""
    return "".join(f"{_PART}{b:g}{_BOOST}{t.replace(_PART, ' ').replace(_BOOST, ' ')}" for b, t in parts if t)

# --- analysis --------------------------------------------------------------------------------------------------

_stemmer = DutchStemmer()
_stem_cache: dict[str, str] = {}


_UNDOUBLE = frozenset("bfglmnprsz")


def stem(word: str) -> str:
    """Stem a folded word (cached: the Snowball stemmer in pure Python is the hot spot of indexing)."""
    s = _stem_cache.get(word)
    if s is None:
        s = _stemmer.stem(normalize(word)) if not word.isdigit() else word
        # The stemmer undoubles only k, d and t: plannen -> plann, processen -> process. Undouble the rest after
        # an -en ending too, so a plural (of a compound: beleidsplannen) finds its singular (beleidsplan).
        if word.endswith("en") and len(s) > 3 and s[-1] == s[-2] and s[-1] in _UNDOUBLE:
            s = s[:-1]
        if len(_stem_cache) < 500_000:
            _stem_cache[word] = s
    return s


def analyze_word(folded_word: str) -> str | None:
    """The index term of one folded word, or None for a stop word."""
    if folded_word in STOP_WORDS:
        return None
    return stem(folded_word)


def analyze(text: str) -> list[str]:
    """Index terms of a text, in order, without compound parts (query side)."""
    out = []
    for m in words(fold(text)):
        t = analyze_word(m.group(0))
        if t:
            out.append(t)
    return out


_fold_memo: dict[str, list[str]] = {}


def fold_words(text: str) -> list[str]:
    """Folded words of a text (no stop word removal). Remembers the last few texts: while indexing, a section's
    text is tokenized for the vocabulary and again for `body`."""
    found = _fold_memo.get(text)
    if found is None:
        found = [w for w in WORD_RE.findall(fold(text)) if len(w) >= MIN_WORD or w.isdigit()]
        if len(_fold_memo) >= 8:
            _fold_memo.clear()
        _fold_memo[text] = found
    return found


class DutchTokenizer(Tokenizer):
    """Whoosh tokenizer doing the whole Dutch analysis in one pass (faster than a chain of filters).

    A value made with `weighted()` carries parts with their own boost (Whoosh adds token boosts into the posting
    weight that BM25F scores). Searching one field instead of one field per part is what keeps queries fast on
    large corpora: one posting list per word, and Whoosh's block-max skipping keeps working (an Or over five
    fields per word cost 5-10x more at 1,000 pages).

    `decompounder` is set only while an index is being built; it is not pickled into the schema, so opening an
    index stays cheap and query analysis (which never goes through Whoosh) is unaffected.
    """

    def __init__(self) -> None:
        self.decompounder: Decompounder | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.decompounder = None

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    __hash__ = Tokenizer.__hash__

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        # Whoosh's own path (our CompactPositions format takes the faster `postings` directly).
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        t.stopped = False
        for text, pos, boost in self.postings(value):
            t.text, t.boost = text, boost
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = t.endchar = start_char
            yield t

    def postings(self, value: str) -> Iterator[tuple[str, int, float]]:
        """(term, position, boost) for every token of a value, the same stream __call__ makes, without Tokens."""
        parts: list[tuple[float, str]]
        if value.startswith(_PART):
            parts = []
            for part in value[1:].split(_PART):
                weight, _sep, text = part.partition(_BOOST)
                try:
                    parts.append((float(weight), text))
                except ValueError:
                    parts.append((1.0, text))
        else:
            parts = [(1.0, value)]
        dec = self.decompounder
        pos = 0
        for boost, text in parts:
            for w in fold_words(text):
                if w in STOP_WORDS:
                    continue
                yield stem(w), pos, boost
                if dec is not None:
                    split = dec.split(w)
                    if split:
                        for k, part in enumerate(split):
                            yield stem(part), pos + k, boost
                        pos += len(split) - 1
                    base = dec.derivation_base(w)
                    if base:
                        yield stem(base), pos, boost
                pos += 1
            pos += PART_GAP

    def spans(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(term, first, last position) of every token of a plain text, at the positions `postings` gives them,
        but a compound (and a derivation's base) spans all the positions of its parts: the word after a split
        compound comes after its last part, so a phrase through a compound goes on from there, not from its first
        position (what `postings` records for it). For phrase checks (see phrases.py)."""
        dec = self.decompounder
        pos = 0
        for w in fold_words(text):
            if w in STOP_WORDS:
                continue
            split = dec.split(w) if dec is not None else None
            last = pos + len(split) - 1 if split else pos
            yield stem(w), pos, last
            if split:
                for k, part in enumerate(split):
                    yield stem(part), pos + k, pos + k
            base = dec.derivation_base(w) if dec is not None else None
            if base:
                yield stem(base), pos, last
            pos = last + 1


class CompactPositions(Positions):
    """Whoosh's Positions format, with the position deltas as a typed array (one byte each when they are all
    below 256, else two or four) instead of a pickled list: smaller postings, and decoding stays in C. The first
    four bytes keep Whoosh's frequency prefix, so everything that reads frequencies works unchanged."""

    def encode(self, poslist: list[int]) -> bytes:
        deltas = [b - a for a, b in zip([0, *poslist], poslist, strict=False)]  # (previous, current) pairs
        top = max(deltas, default=0)
        code = "B" if top < 0x100 else "H" if top < 0x10000 else "I"
        prefix: bytes = _UINT.pack(len(poslist))  # Whoosh untyped: a struct-packed frequency ("!I", as Whoosh's)
        return prefix + code.encode("ascii") + array.array(code, deltas).tobytes()

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, DutchTokenizer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        # Fast path for our own analyzer: no Token objects, positions and weights gathered directly.
        fb = self.field_boost
        poses: dict[str, list[int]] = {}
        weights: dict[str, float] = {}
        for text, pos, boost in analyzer.postings(value):
            lst = poses.get(text)
            if lst is None:
                poses[text] = [pos]
                weights[text] = boost
            else:
                lst.append(pos)
                weights[text] += boost
        for w, poslist in poses.items():
            yield (w, len(poslist), weights[w] * fb, self.encode(poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        if len(valuestring) <= _UINT.size:
            return []
        deltas = array.array(chr(valuestring[_UINT.size]))
        deltas.frombytes(valuestring[_UINT.size + 1:])
        return list(itertools.accumulate(deltas))


def _text_field(analyzer: Tokenizer) -> TEXT:
    f = TEXT(analyzer=analyzer, phrase=True)
    f.format = CompactPositions(field_boost=1.0)
    return f
