"""Full-text search over an edition: Dutch analysis, a Whoosh index per section, queries, snippets, suggestions.

This is the only module that imports Whoosh. The edition builder calls `build_index(index_dir, docs)` with one
`SearchDoc` per section; the app and the `search` command use `SearchIndex.open(index_dir).search(query)`.

Analysis (index and query side, same code): fold (lowercase, strip accents), split into words, drop Dutch stop
words, normalise plural spellings the stemmer misses, Snowball Dutch stem. At build time compounds are also split
against the corpus vocabulary (see reader.core.dutch) and their parts are indexed next to the compound, at
consecutive positions of the token stream, so `beveiliging` finds `informatiebeveiliging` and the phrase
"open source" finds `opensourcesoftware`.

Index layout (one document per section, numbered in the order the sections are given):
- the search field (SEARCH_FIELD): everything searched by default, as weighted parts (page title, heading, and in
  a page's first section also its summary and nav path, then the section text); the weights ride on token boosts
  (see DutchTokenizer). One field means one posting list per query word. It has no positions: a phrase is an And
  of its words, confirmed on the section text (`_verify_phrase`). It is kept *outside* Whoosh, in compact files
  of our own (_Postings: TERMS_FILE, TERMINFO_FILE, POSTINGS_FILE, LENGTHS_FILE): Whoosh's fixed cost per
  distinct term made the index 5x the text it indexes on NeRDS; now about 1.3x.
- In Whoosh: `ptitle` (first section of a page) and `stitle` (heading), for the `titel:` and `sectie:` filters,
  and `f_<key>`, front matter filters (`fase:ontwerp`). Few terms, and they need positions for phrases.
- Beside them, zlib-compressed: the folded, *unstemmed* vocabulary with page frequencies (VOCAB_FILE; prefix
  completion and did-you-mean: fuzzy matching on stems finds nothing for `toegankelijkhied`), page data once per
  page (PAGES_FILE), the page of every section (DOCPAGES_FILE), anchor and heading of every section
  (SECTIONS_FILE), and the section texts for snippets, each compressed with a dictionary sampled from the corpus
  (TEXTS_FILE, ZDICT_FILE).

Queries (reader.core.query): all words must match, else the best partial matches are returned and flagged; the
last word while typing expands to its most frequent completions (bounded: the FIELD-NOTES prefix trap); the forms
of one word are a DisjunctionMax. Queries are scored term-at-a-time (`_scores`, the same BM25F as Whoosh, much
faster on common words); only leaves on the title and filter fields are evaluated by Whoosh. Pages rank by
their best section plus a little for further matching sections, times a mild page prior (backlinks, nav depth)
and a bonus when the title is the query.
"""

from __future__ import annotations

import array
import bisect
import gc
import heapq
import html
import itertools
import json
import math
import mmap
import logging
import os
import re
import shutil
import sys
import time
import warnings
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from whoosh import index as windex
from whoosh import query as wq
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import KEYWORD, TEXT, Schema
from whoosh.formats import Positions
from whoosh.lang.snowball.dutch import DutchStemmer
from whoosh.matching import DisjunctionMaxMatcher
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.system import _INT_SIZE, pack_uint

from reader.core.dutch import MIN_WORD, STOP_WORDS, WORD_RE, Decompounder, fold, normalize, words
from reader.core.model import Page, RenderedPage
from reader.core.query import Clause, ParsedQuery, parse

log = logging.getLogger("reader.search")

# Bump whenever the schema, the analysis or the stored data change: an index with another number is rebuilt.
from reader.core.formats import INDEX_FORMAT_VERSION  # noqa: E402 - re-exported for callers
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

# Weights of the parts of a section inside the one searched field (see DutchTokenizer): titles and headings weigh
# more than body text. LEAD_* apply to a page's first section only, its landing spot: there the page title and
# summary count most, so a page *about* the query outranks pages that merely mention it.
TITLE_BOOST = 1.5  # the page title, repeated in every section so "toegankelijkheid testen" finds that section
HEADING_BOOST = 2.0
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
                  first: bool) -> list[tuple[float, str]]:
    """The weighted parts of a section in the search field. The page's first section is its landing spot: it alone
    carries the page-level parts (summary, nav path) and the page title at full weight."""
    if first:
        return [(LEAD_TITLE_BOOST, page_title), (LEAD_SUMMARY_BOOST, summary), (CRUMBS_BOOST, " ".join(breadcrumb)),
                (HEADING_BOOST, section_title), (1.0, text)]
    return [(TITLE_BOOST, page_title), (HEADING_BOOST, section_title), (1.0, text)]


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
PREFIX_COMPLETIONS = 8  # the last word while typing expands to at most this many known words (FIELD-NOTES trap)
PREFIX_SCAN = 400  # ... chosen by document frequency among at most this many words with that prefix
PREFIX_BOOST = 0.6  # a completion counts less than the word as typed
FEW_RESULTS = 3
SUGGEST_BUDGET_S = 0.03
TITLE_MATCH_BONUS = 0.5  # a page whose title is exactly the query scores half as much again
# Phrase checks read section texts, best-scored candidates first. The count bounds keep results deterministic;
# the time bound only guards against pathological texts (a candidate costs ~0.2 ms for a typical section).
PHRASE_CHECKS = 400  # candidates checked at most
PHRASE_ENOUGH = 100  # ... stop once this many have the phrase (more than a result list shows)
PHRASE_BUDGET_S = 0.3  # at most this long looking for spelling corrections  # below this many hits, look for a spelling suggestion
SECTIONS_PER_PAGE = 3
SNIPPET_CHARS = 220


class IndexFormatError(Exception):
    """The index is missing, from another format version, or damaged: rebuild it."""


@dataclass(frozen=True)
class SearchDoc:
    page: str
    anchor: str  # "" for the page intro
    page_title: str
    section_title: str
    breadcrumb: tuple[str, ...]
    summary: str
    text: str
    filters: Mapping[str, str] = field(default_factory=dict)  # selected front matter keys -> value
    weight: float = 1.0  # page prior (see page_weight); multiplies the page's score


@dataclass(frozen=True)
class Hit:
    page: str
    anchor: str
    title: str  # page title
    section: str  # section heading ("" for the intro)
    breadcrumb: tuple[str, ...]
    snippet_html: str  # escaped text with <mark> around matched words
    score: float

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["breadcrumb"] = list(self.breadcrumb)
        return d


@dataclass
class SearchResult:
    query: str
    suggestion: str | None
    partial: bool  # nothing matched all words; these are the best partial matches
    ms: float
    hits: list[Hit]
    total: int = 0  # matching sections (before grouping and the limit)
    message: str = ""  # a friendly explanation when there is nothing to show

    def to_json(self) -> dict[str, Any]:
        """Exactly the keys of the `search --json` contract."""
        return {
            "query": self.query,
            "suggestion": self.suggestion,
            "partial": self.partial,
            "ms": round(self.ms, 3),
            "hits": [h.to_json() for h in self.hits],
        }


# --- analysis --------------------------------------------------------------------------------------------------

_stemmer = DutchStemmer()
_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """Stem a folded word (cached: the Snowball stemmer in pure Python is the hot spot of indexing)."""
    s = _stem_cache.get(word)
    if s is None:
        s = _stemmer.stem(normalize(word)) if not word.isdigit() else word
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

    def __call__(  # type: ignore[override]
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


class CompactPositions(Positions):
    """Whoosh's Positions format, with the position deltas as a typed array (one byte each when they are all
    below 256, else two or four) instead of a pickled list: smaller postings, and decoding stays in C. The first
    four bytes keep Whoosh's frequency prefix, so everything that reads frequencies works unchanged."""

    def encode(self, poslist: list[int]) -> bytes:
        deltas = [b - a for a, b in zip([0, *poslist], poslist)]
        top = max(deltas, default=0)
        code = "B" if top < 0x100 else "H" if top < 0x10000 else "I"
        return pack_uint(len(poslist)) + code.encode("ascii") + array.array(code, deltas).tobytes()

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
        if len(valuestring) <= _INT_SIZE:
            return []
        deltas = array.array(chr(valuestring[_INT_SIZE]))
        deltas.frombytes(valuestring[_INT_SIZE + 1:])
        return list(itertools.accumulate(deltas))


def _text_field(analyzer: Tokenizer) -> TEXT:
    f = TEXT(analyzer=analyzer, phrase=True)
    f.format = CompactPositions(field_boost=1.0)
    return f


class _DisMaxMatcher(DisjunctionMaxMatcher):
    """Whoosh 2.7's DisjunctionMaxMatcher.score() takes the max over both sub-matchers even when only one of them
    is on the current document (it then scores a *different* document): results came out with equal scores.
    Only the sub-matchers on the current document count here."""

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return b.score()
        if not b.is_active():
            return a.score()
        ida, idb = a.id(), b.id()
        if ida != idb:
            return a.score() if ida < idb else b.score()
        return max(a.score(), b.score())


class PhraseAnd(wq.And):
    """A phrase in the search field: all its words must be in the section (scored as an And), and the section
    text must have them next to each other, in order (checked on the stored text by SearchIndex)."""

    def __init__(self, stems: list[str], boost: float = 1.0) -> None:
        super().__init__([wq.Term(SEARCH_FIELD, t) for t in stems], boost=boost)
        self.stems = list(stems)


class DisMax(wq.DisjunctionMax):
    """DisjunctionMax with the fixed matcher: the best-scoring alternative counts."""

    def _matcher(self, subs: Any, searcher: Any, context: Any) -> Any:
        r = searcher.reader()
        return self._tree_matcher(subs, _DisMaxMatcher, searcher, context, lambda q: q.estimate_size(r),
                                  tiebreak=self.tiebreak)


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
assert all(array.array(c).itemsize == n for c, n in zip(_CODES, (1, 2, 4)))


def _typecode(top: int) -> str:
    return "B" if top < 0x100 else "H" if top < 0x10000 else "I"


def _le_bytes(a: array.array) -> bytes:
    """Little-endian bytes of an array, whatever the machine (an edition may be copied to another one)."""
    if sys.byteorder == "big" and a.itemsize > 1:
        a = array.array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _le_array(code: str, data: bytes) -> array.array:
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
                deltas = [ids[0], *(b - a for a, b in zip(ids, ids[1:]))]
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
            raise IndexFormatError("zoekindex beschadigd: termen en postings passen niet bij elkaar")
        self.length_bytes = (index_dir / LENGTHS_FILE).read_bytes()  # decoded on first use (SearchIndex._norm)
        if len(self.length_bytes) != doc_count:
            raise IndexFormatError("zoekindex beschadigd: veldlengtes passen niet bij de secties")
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

    def postings(self, i: int) -> tuple[list[int], array.array]:
        """(document numbers, weights in WEIGHT_UNITs) of term number i."""
        if self._offsets is None:  # on first use, not at open
            sizes = [df * (1 << (c // 3)) + df * (1 << (c % 3)) for df, c in zip(self.dfs, self.codes)]
            self._offsets = [0, *itertools.accumulate(sizes)]
        df, code = self.dfs[i], self.codes[i]
        ic, wc = _CODES[code // 3], _CODES[code % 3]
        at = self._offsets[i]
        mid = at + df * (1 << (code // 3))
        ids = list(itertools.accumulate(_le_array(ic, self._blob[at:mid])))
        ws = _le_array(wc, self._blob[mid: mid + df * (1 << (code % 3))])
        return ids, ws

def make_schema() -> Schema:
    dutch = DutchTokenizer()
    return Schema(
        # For `titel:` (page title, in the page's first section only) and `sectie:` (the section heading).
        ptitle=_text_field(dutch),
        stitle=_text_field(dutch),
    )


# Front matter keys that become query filters (`fase:ontwerp`) when a corpus has them.
DEFAULT_FILTER_KEYS = ("fase", "fases", "status", "type", "tags", "categorie", "doelgroep", "onderwerp")


def page_weight(backlinks: int, depth: int) -> float:
    """A page prior for ranking: pages many others link to, and overview pages high in the navigation, are the
    usual best answer when several pages match about equally (the guideline `toegankelijkheid` rather than the
    site's accessibility statement or the guideline's phase page). Deliberately mild: it only breaks near ties."""
    return max(0.5, 1.0 + 0.15 * math.log1p(max(0, backlinks)) - 0.1 * max(0, depth - 1))


def section_docs(
    page: Page,
    rendered: RenderedPage,
    breadcrumb: Sequence[str],
    filter_keys: Sequence[str] = DEFAULT_FILTER_KEYS,
    *,
    backlinks: int = 0,
) -> list[SearchDoc]:
    """One SearchDoc per section of a rendered page (what the edition builder feeds to build_index).
    `breadcrumb` = corpus.breadcrumb(page.id), `backlinks` = len(corpus.backlinks(page.id))."""
    weight = page_weight(backlinks, len(breadcrumb))
    filters: dict[str, str] = {}
    for key in filter_keys:
        value = page.metadata.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            filters[key] = str(value)
        elif isinstance(value, (list, tuple)):
            filters[key] = ",".join(str(v) for v in value if isinstance(v, (str, int, float)))
    return [
        SearchDoc(page.id, s.anchor, page.title, s.title if s.anchor else "", tuple(breadcrumb), page.summary,
                  s.text, filters, weight)
        for s in rendered.sections
    ]


def _filter_field(key: str) -> str:
    return "f_" + re.sub(r"[^a-z0-9_]", "_", fold(key))


# --- building ---------------------------------------------------------------------------------------------------


@dataclass
class BuildStats:
    docs: int = 0
    text_bytes: int = 0  # UTF-8 size of everything indexed (titles, headings, summaries, text)
    index_bytes: int = 0
    vocabulary: int = 0
    compounds: int = 0  # vocabulary words split into parts
    decompound_s: float = 0.0
    total_s: float = 0.0


def build_index(index_dir: Path, docs: Iterable[SearchDoc], *, procs: int = 1) -> BuildStats:
    """Build the section index into `index_dir` (created; must be empty or absent). Returns figures for logs.

    Two passes: the first gathers the corpus vocabulary (for decompounding), the second writes the index.
    `procs` is accepted for compatibility and ignored (one writer keeps document numbers in order).
    """
    t0 = time.perf_counter()
    index_dir = Path(index_dir)
    doc_list = list(docs)
    stats = BuildStats(docs=len(doc_list))

    # Pass 1: the vocabulary. A part must be a corpus word, or share its stem with one (so `beveiliging` is a part
    # even when the corpus only ever writes `beveiligen` or compounds of it). Short stems are not trusted.
    t1 = time.perf_counter()
    # One pass over the text: the corpus vocabulary (for decompounding) and, per word, the number of pages that
    # use it (completion and suggestions rank words by it).
    page_words: dict[str, set[str]] = {}
    for d in doc_list:
        ws = page_words.setdefault(d.page, set())
        for text in (d.page_title, d.section_title, d.summary, d.text):
            ws.update(WORD_RE.findall(fold(text)))
    vocab_df: dict[str, int] = {}
    for ws in page_words.values():
        for w in ws:
            if (len(w) >= MIN_WORD or w.isdigit()) and w not in STOP_WORDS:
                vocab_df[w] = vocab_df.get(w, 0) + 1
    del page_words
    vocab = {w: n for w, n in vocab_df.items()}  # words of the corpus (numbers included: they can be parts)
    for w in [w for w in vocab_df if w.isdigit()]:
        del vocab_df[w]
    stems = {stem(w) for w in vocab}

    def is_word(w: str) -> bool:
        return w in vocab or (len(w) >= 5 and stem(w) in stems)

    decompounder = Decompounder(is_word)
    # The splits made here are saved (COMPOUNDS_FILE): phrase checks at query time must see the same parts.
    splits = {w: parts for w in vocab if (parts := decompounder.split(w))}
    derived = {w: base for w in vocab if (base := decompounder.derivation_base(w))}
    stats.compounds = len(splits)
    stats.vocabulary = len(vocab)
    stats.decompound_s = time.perf_counter() - t1

    filter_keys = sorted({k for d in doc_list for k in d.filters})
    schema = make_schema()
    for key in filter_keys:
        schema.add(_filter_field(key), KEYWORD(commas=True))
    tokenizer = _phrase_tokenizer(decompounder)  # the search field's analysis, with this corpus' compounds
    text_postings = _PostingsWriter()

    index_dir.mkdir(parents=True, exist_ok=True)
    ix = windex.create_in(str(index_dir), schema, indexname=INDEX_NAME)
    # The analyzer object is shared by the title fields of this schema instance; give it the vocabulary now.
    for name in TITLE_FIELDS:
        ix.schema[name].analyzer.decompounder = decompounder  # type: ignore[attr-defined]
    # One writer, one segment: document numbers are the order of `docs`, which the search field's postings and
    # DOCPAGES_FILE rely on (a multi-process writer would interleave them). Whoosh now holds only the small title
    # and filter fields, so more processes would not pay anyway; `procs` is accepted and ignored.
    codec = W3Codec(blocklimit=BLOCK_LIMIT)
    writer = ix.writer(limitmb=256, compound=False, codec=codec)
    text_bytes = 0
    pages_info: dict[str, list[Any]] = {}
    docpages = array.array("I")
    sections: list[list[Any]] = []  # what a result shows of each section, outside Whoosh (SECTIONS_FILE)
    page_no: dict[str, int] = {}
    zdict = make_zdict(doc_list)
    texts_out = open(index_dir / TEXTS_FILE, "wb")
    try:
        for d in doc_list:
            first = d.page not in pages_info
            if first:
                pages_info[d.page] = [d.page_title, list(d.breadcrumb), round(float(d.weight), 4), d.summary]
                page_no[d.page] = len(page_no)
            docpages.append(page_no[d.page])
            sections.append([d.anchor, d.section_title, texts_out.write(_compress(d.text, zdict))])
            fields: dict[str, Any] = {"stitle": d.section_title}
            if first:
                fields["ptitle"] = d.page_title
            text_postings.add(len(docpages) - 1, tokenizer.postings(weighted(
                _search_parts(d.page_title, d.section_title, d.text, d.summary, d.breadcrumb, first)
            )))
            for key, value in d.filters.items():
                if value:
                    fields[_filter_field(key)] = ",".join(v.strip() for v in fold(str(value)).split(","))
            writer.add_document(**fields)
            # The text this section adds to the index (the summary counts once per page).
            text_bytes += sum(len(s.encode("utf-8")) for s in (d.page_title, d.section_title, d.text))
            text_bytes += len(d.summary.encode("utf-8")) if first else 0
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    finally:
        texts_out.close()
        for name in TITLE_FIELDS:
            ix.schema[name].analyzer.decompounder = None  # type: ignore[attr-defined]
    ix.close()

    stats.text_bytes = text_bytes
    stats.total_s = time.perf_counter() - t0
    stats.index_bytes = sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file())
    meta = {
        "format": INDEX_FORMAT_VERSION,
        "docs": stats.docs,
        "filter_keys": filter_keys,
        "text_length": text_postings.total_length,  # the search field's total length (BM25F's average length)
        "stats": asdict(stats),
    }
    text_postings.write(index_dir)
    (index_dir / ZDICT_FILE).write_bytes(zlib.compress(zdict, 9))
    (index_dir / DOCPAGES_FILE).write_bytes(_le_bytes(docpages))
    _write_z(index_dir / SECTIONS_FILE, json.dumps(sections, ensure_ascii=False, separators=(",", ":")))
    _write_z(index_dir / COMPOUNDS_FILE,
             "".join(f"{w}\t{' '.join(p)}\n" for w, p in sorted(splits.items()))
             + "".join(f"{w}\t={b}\n" for w, b in sorted(derived.items())))
    _write_z(index_dir / VOCAB_FILE, "".join(f"{w}\t{n}\n" for w, n in sorted(vocab_df.items())))
    _write_z(index_dir / PAGES_FILE, json.dumps(pages_info, ensure_ascii=False, separators=(",", ":")))
    stats.index_bytes = sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file())
    meta["stats"] = asdict(stats)
    # Written last: an index without this file is incomplete and will not open.
    (index_dir / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    log.info("search index: %d sections, %.2f s (decompounding %.3f s, %d compounds)", stats.docs, stats.total_s,
             stats.decompound_s, stats.compounds)
    return stats


def _read_docpages(path: Path) -> array.array:
    return _le_array("I", path.read_bytes())


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


# --- snippets and highlight terms ----------------------------------------------------------------------------------


def word_matches(word: str, terms: Sequence[str]) -> bool:
    """The marking rule shared with resources/js/highlight.js: a folded word is marked when it starts with a term,
    or contains a term of at least 5 letters (the tail of a compound: informatie*beveil*iging)."""
    for t in terms:
        if word.startswith(t) or (len(t) >= 5 and t in word):
            return True
    return False


def _term_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alts = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(r"[^\W_]*(?:" + alts + r")[^\W_]*")


def make_snippet(text: str, terms: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """Escaped HTML: the densest `width`-character window of `text`, matched words in <mark>."""
    text = " ".join(text.split())
    if not text:
        return ""
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []
    pattern = _term_pattern(terms)
    if pattern is not None:
        for m in pattern.finditer(folded):
            w = m.group(0)
            if word_matches(w, terms):
                spans.append((m.start(), m.end(), w))
            if len(spans) >= 400:
                break
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        # The window that starts at a match and covers the most distinct matched words.
        best, best_i = -1, 0
        j = 0
        for i, (s, _e, _w) in enumerate(spans):
            while j < len(spans) and spans[j][1] <= s + width:
                j += 1
            distinct = len({w for _s, _e, w in spans[i:j]}) * 100 + (j - i)
            if distinct > best:
                best, best_i = distinct, i
        start = max(0, spans[best_i][0] - 40)
        end = min(len(text), start + width)
    # Snap to word boundaries.
    if start > 0:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if sp >= 0 and start - sp < 30 else start
    if end < len(text):
        sp = text.find(" ", end)
        end = sp if 0 <= sp < end + 30 else end
    out: list[str] = ["…"] if start > 0 else []
    pos = start
    for s, e, _w in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s], quote=False))
        out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end], quote=False))
    if end < len(text):
        out.append("…")
    return "".join(out)


# --- searching --------------------------------------------------------------------------------------------------


@dataclass
class _Compiled:
    query: wq.Query | None
    any_query: wq.Query | None  # OR of the groups (partial matches), when there are several groups
    terms: list[str]  # for snippets / in-page marks
    words: list[tuple[Clause, str]]  # single-word clauses and their folded word (for suggestions)


class SearchIndex:
    """An opened section index. Cheap to keep open; `search` is safe to call with any string."""

    def __init__(self, ix: Any, meta: dict[str, Any], pages: dict[str, Any], zdict: bytes, texts: Any,
                 index_dir: Path) -> None:
        self._ix = ix
        self._dir = index_dir
        self._page_weights = [float(info[2]) for info in pages.values()]  # by page number (pages.json order)
        self._page_titles = [str(info[0]) for info in pages.values()]
        self._title_terms: dict[int, tuple[set[str], set[str]]] = {}
        self._docpage = _read_docpages(index_dir / DOCPAGES_FILE)
        self._vocab_words: list[str] = []
        self._vocab_df: dict[str, int] | None = None
        self._texts = texts
        self._pages = pages
        self._zdict = zdict
        self._text = _Postings(index_dir, ix.doc_count_all())
        self._text_length = float(meta.get("text_length", 0))
        self._searcher = ix.searcher()
        self._norm: list[float] | None = None  # BM25F's length part per section, on first use
        self._reader = self._searcher.reader()
        self.filter_keys: frozenset[str] = frozenset(meta.get("filter_keys", ()))
        self.doc_count = int(meta.get("docs", 0))
        self._qdecompounder = _SavedSplits(index_dir / COMPOUNDS_FILE, Decompounder(self._is_word))
        self._page_ids = list(pages)
        self._sections: list[list[Any]] | None = None  # SECTIONS_FILE, read on first use
        self._text_offsets: list[int] = []

    def _section(self, docnum: int) -> tuple[str, str, str, int, int]:
        """(page id, anchor, section title, offset and length of its compressed text in TEXTS_FILE)."""
        if self._sections is None:
            try:
                sections = json.loads(_read_z(self._dir / SECTIONS_FILE))
            except (OSError, ValueError, zlib.error):
                log.warning("section data unreadable in %s", self._dir)
                sections = []
            self._text_offsets = [0, *itertools.accumulate(int(s[2]) for s in sections)]
            self._sections = sections
        page_no = self._docpage[docnum] if docnum < len(self._docpage) else -1
        page = self._page_ids[page_no] if 0 <= page_no < len(self._page_ids) else ""
        if docnum >= len(self._sections):
            return page, "", "", 0, 0
        anchor, stitle, length = self._sections[docnum]
        return page, anchor, stitle, self._text_offsets[docnum], int(length)

    @classmethod
    def open(cls, index_dir: Path) -> "SearchIndex":
        index_dir = Path(index_dir)
        try:
            meta = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexFormatError(f"geen leesbare zoekindex in {index_dir}: {exc}") from exc
        if not isinstance(meta, dict) or meta.get("format") != INDEX_FORMAT_VERSION:
            found = meta.get("format") if isinstance(meta, dict) else None
            raise IndexFormatError(f"zoekindex heeft formaat {found}, verwacht {INDEX_FORMAT_VERSION}")
        # Whoosh leaves the file of a damaged table of contents to the garbage collector; that is expected here.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
                if ix.doc_count() == meta.get("docs"):
                    pages = json.loads(_read_z(index_dir / PAGES_FILE))
                    zdict = zlib.decompress((index_dir / ZDICT_FILE).read_bytes())
                    return cls(ix, meta, pages, zdict, _map_file(index_dir / TEXTS_FILE), index_dir)
                ix.close()
                problem = "zoekindex is onvolledig"
            except Exception as exc:  # whoosh raises many kinds on damaged files
                problem = f"zoekindex beschadigd: {type(exc).__name__}: {exc}"
            gc.collect()
        raise IndexFormatError(problem)

    def close(self) -> None:
        self._text.close()
        self._searcher.close()
        self._ix.close()
        if isinstance(self._texts, mmap.mmap):
            self._texts.close()

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers over the lexicon

    def _load_vocab(self) -> None:
        """Read the vocabulary on first use (the first keystroke), not at open."""
        words_: list[str] = []
        df: dict[str, int] = {}
        try:
            for line in _read_z(self._dir / VOCAB_FILE).splitlines():
                if line:
                    w, _tab, n = line.rstrip("\n").partition("\t")
                    words_.append(w)
                    df[w] = int(n or 0)
        except (OSError, ValueError, zlib.error):
            log.warning("search vocabulary unreadable in %s; no completion or suggestions", self._dir)
        self._vocab_words, self._vocab_df = words_, df

    @property
    def vocabulary(self) -> dict[str, int]:
        if self._vocab_df is None:
            self._load_vocab()
        assert self._vocab_df is not None
        return self._vocab_df

    def _is_word(self, w: str) -> bool:
        return w in self.vocabulary

    def _df(self, w: str) -> int:
        return self.vocabulary.get(w, 0)

    def _with_prefix(self, prefix: str) -> Iterator[str]:
        self.vocabulary  # noqa: B018 - loads
        words_ = self._vocab_words
        i = bisect.bisect_left(words_, prefix)
        while i < len(words_) and words_[i].startswith(prefix):
            yield words_[i]
            i += 1

    def completions(self, prefix: str, k: int = PREFIX_COMPLETIONS) -> list[str]:
        """Up to k known words starting with `prefix` (folded), most frequent first. Bounded work."""
        if len(prefix) < 2:
            return []
        found: list[tuple[int, str]] = []
        for n, w in enumerate(self._with_prefix(prefix)):
            if n >= PREFIX_SCAN:
                break
            if w not in STOP_WORDS:
                found.append((self._df(w), w))
        found.sort(key=lambda x: (-x[0], x[1]))
        return [w for _df, w in found[:k]]

    # -- compiling a parsed query

    # Queries are kept flat (one Or of Terms per clause, not nested Ors): Whoosh builds a union matcher per Or,
    # and nesting them cost more than the searching itself on small indexes.

    def _term_query(self, term: str, fields: Sequence[str], boost: float = 1.0) -> list[wq.Query]:
        return [wq.Term(f, term, boost=boost) for f in fields]

    def _phrase_query(self, terms: list[str], fields: Sequence[str], boost: float = 1.0) -> list[wq.Query]:
        return [PhraseAnd(terms, boost=boost) if f == SEARCH_FIELD else wq.Phrase(f, terms, boost=boost)
                for f in fields]

    @staticmethod
    def _any(parts: list[wq.Query]) -> wq.Query:
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def _clause_query(self, c: Clause, terms_out: list[str]) -> tuple[wq.Query | None, str | None]:
        """Query for one clause, plus its folded word when it is a single word (for suggestions)."""
        fields: Sequence[str] = (
            (FIELD_OF[c.field],) if c.field in FIELD_OF else (SEARCH_FIELD,)
        )
        folded = [m.group(0) for m in words(fold(c.text))][:32]
        if not folded:
            return None, None
        if len(folded) > 1:  # a quoted phrase, or a hyphenated word typed as one (open-source)
            stems = [s for s in (analyze_word(w) for w in folded) if s]
            terms_out.extend(stems)
            if not stems:
                return None, None
            if len(stems) == 1:
                return self._any(self._term_query(stems[0], fields)), None
            return self._any(self._phrase_query(stems, fields)), None
        w = folded[0]
        s = analyze_word(w)
        alts: list[wq.Query] = []
        if s:
            terms_out.append(s)
            alts.extend(self._term_query(s, fields))
            # A compound typed by the user (informatiebeveiliging) also matches its parts written apart.
            parts = self._qdecompounder.split(w) if not self._is_word(w) or len(w) >= 12 else None
            if parts:
                pstems = [p for p in (analyze_word(x) for x in parts) if p]
                if len(pstems) > 1:
                    alts.extend(self._phrase_query(pstems, fields, boost=0.8))
        if c.prefix:
            terms_out.append(w)
            seen = {s}
            for comp in self.completions(w):
                cs = analyze_word(comp)
                if cs and cs not in seen:
                    seen.add(cs)
                    alts.extend(self._term_query(cs, fields, boost=PREFIX_BOOST))
        if not alts:
            return None, None
        # The forms of one word are alternatives: a section scores by its best form (plus a little for others),
        # not by how many completions it happens to contain.
        return (alts[0] if len(alts) == 1 else DisMax(alts)), w

    def _compile(self, parsed: ParsedQuery) -> _Compiled:
        terms: list[str] = []
        words_: list[tuple[Clause, str]] = []
        groups: list[wq.Query] = []
        for group in parsed.groups:
            alts = []
            for c in group:
                q, w = self._clause_query(c, terms)
                if q is not None:
                    alts.append(q)
                if w is not None:
                    words_.append((c, w))
            if alts:
                groups.append(alts[0] if len(alts) == 1 else wq.Or(alts))
        if not groups:
            return _Compiled(None, None, terms, words_)
        excluded = []
        for c in parsed.excluded:
            q, _w = self._clause_query(c, [])
            if q is not None:
                excluded.append(q)
        filters = [wq.Term(_filter_field(k), fold(v)) for k, v in parsed.filters if k in self.filter_keys]

        def finish(q: wq.Query) -> wq.Query:
            if filters:
                q = wq.And([q, *filters])
            if excluded:
                q = wq.AndNot(q, wq.Or(excluded))
            return q

        main = finish(groups[0] if len(groups) == 1 else wq.And(groups))
        any_q = finish(wq.Or(groups)) if len(groups) > 1 else None
        return _Compiled(main, any_q, list(dict.fromkeys(terms)), words_)

    # -- public API

    def highlight_terms(self, query: str) -> list[str]:
        """Folded stems and prefixes of the positive query words: what highlight.js marks in a page."""
        try:
            compiled = self._compile(parse(query, filter_keys=self.filter_keys))
        except Exception:  # pragma: no cover - defensive, parse/compile are total
            log.exception("highlight_terms failed for %r", query)
            return []
        return [t for t in compiled.terms if len(t) >= 2]

    def search(self, query: str, limit: int = 20, *, per_page: int = SECTIONS_PER_PAGE) -> SearchResult:
        """Sections matching `query`, grouped by page (best page first, at most `per_page` sections each)."""
        t0 = time.perf_counter()
        try:
            return self._search(query, max(1, min(int(limit), 500)), max(1, int(per_page)), t0)
        except Exception:
            log.exception("search failed for %r", query[:200])
            return SearchResult(query, None, False, (time.perf_counter() - t0) * 1000, [],
                                message="Er ging iets mis bij het zoeken.")

    def _search(self, query: str, limit: int, per_page: int, t0: float) -> SearchResult:
        parsed = parse(query, filter_keys=self.filter_keys)
        compiled = self._compile(parsed)
        if compiled.query is None:
            return SearchResult(query, None, False, (time.perf_counter() - t0) * 1000, [],
                                message="Typ een of meer woorden om te zoeken.")
        collect = max(limit * 4, 60)
        top = self._top(compiled.query, collect)
        partial = False
        if not top and compiled.any_query is not None:
            top = self._top(compiled.any_query, collect)
            partial = bool(top)
        hits = self._group(top, compiled.terms, limit, per_page)
        total = len(top)  # sections collected (counting every match would cost a second pass)
        suggestion = None
        if len(hits) < FEW_RESULTS:
            suggestion = self._suggest(query, compiled)
        message = ""
        if not hits:
            message = "Niets gevonden."
        elif partial:
            message = "Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten."
        return SearchResult(query, suggestion, partial, (time.perf_counter() - t0) * 1000, hits, total, message)

    # -- evaluation

    def _top(self, q: wq.Query, n: int) -> list[tuple[float, int]]:
        """The n best (score, docnum) for a query, best first."""
        scores = self._scores(q)
        return heapq.nlargest(n, ((sc, d) for d, sc in scores.items()), key=lambda x: (x[0], -x[1]))

    # Term-at-a-time scoring. The search field lives outside Whoosh (see _Postings): a term's postings are read in
    # one go and scored in a tight loop with Whoosh's BM25F formula, and the query tree combines dicts: And =
    # intersection with summed scores, Or = union with summed scores, DisjunctionMax = union with the best score
    # (as Whoosh does), AndNot = difference. Only the leaves on Whoosh's small fields (`titel:`, `sectie:`, front
    # matter filters) are evaluated by Whoosh.

    def _scores(self, q: wq.Query, restrict: Any = None) -> dict[int, float]:
        """Scores by document. `restrict` (a container of document numbers) limits the work to those documents:
        the later clauses of an And only score the documents the earlier ones left."""
        if isinstance(q, wq.Term):
            if q.fieldname == SEARCH_FIELD:
                return self._term_scores(q.text, q.boost, restrict)
            if q.fieldname.startswith("f_"):
                docs = self._filter_docs(q.fieldname, q.text)
                return docs if restrict is None else {d: v for d, v in docs.items() if d in restrict}
            return self._whoosh_scores(q, restrict)
        if isinstance(q, wq.AndNot):
            pos = self._scores(q.a, restrict)
            neg = self._scores(q.b, pos)
            return {d: v for d, v in pos.items() if d not in neg}
        if isinstance(q, PhraseAnd):
            both = self._and([wq.Term(SEARCH_FIELD, t) for t in q.stems], restrict)
            return self._verify_phrase({d: q.boost * v for d, v in both.items()}, q.stems)
        if type(q) is wq.And:
            return self._and(list(q.subqueries), restrict)
        if type(q) in (wq.Or, wq.DisjunctionMax, DisMax):
            parts = [self._scores(sub, restrict) for sub in q.subqueries]
            if not parts:
                return {}
            if isinstance(q, wq.DisjunctionMax):
                parts.sort(key=len, reverse=True)  # the max does not depend on order: loop over the smaller ones
                out = dict(parts[0])
                for other in parts[1:]:
                    for d, v in other.items():
                        if v > out.get(d, -1.0):
                            out[d] = v
            else:
                out = dict(parts[0])
                for other in parts[1:]:
                    for d, v in other.items():
                        out[d] = out.get(d, 0.0) + v
            return out
        return self._whoosh_scores(q, restrict)  # a phrase in a title field

    def _whoosh_scores(self, q: wq.Query, restrict: Any = None) -> dict[int, float]:
        """A query on Whoosh's fields (titles, filters), scored by Whoosh (BM25F)."""
        results = self._searcher.search(q, limit=None)
        return {d: sc for sc, d in results.top_n if restrict is None or d in restrict}

    def _estimate(self, q: wq.Query) -> int:
        """About how many documents a query matches (to evaluate the rarest clause of an And first)."""
        if isinstance(q, wq.Term) and q.fieldname == SEARCH_FIELD:
            return self._text.df(q.text)
        if isinstance(q, PhraseAnd):
            return min((self._text.df(t) for t in q.stems), default=0)
        if isinstance(q, wq.AndNot):
            return self._estimate(q.a)
        if type(q) is wq.And:
            return min((self._estimate(sub) for sub in q.subqueries), default=0)
        if isinstance(q, (wq.Or, wq.DisjunctionMax)):
            return sum(self._estimate(sub) for sub in q.subqueries)
        try:
            return int(q.estimate_size(self._reader))
        except Exception:  # a field Whoosh does not have
            return 0

    def _and(self, subs: list[wq.Query], restrict: Any = None) -> dict[int, float]:
        """Intersection with summed scores; the rarest clause first, then each next clause only on what is left."""
        if not subs:
            return {}
        subs = sorted(subs, key=self._estimate)
        out: dict[int, float] | None = None
        for sub in subs:
            sc = self._scores(sub, restrict if out is None else out)
            # sc only has documents of `out` (it was restricted to them): loop over the smaller one.
            out = sc if out is None else {d: out[d] + v for d, v in sc.items() if d in out}
            if not out:
                return {}
        return out or {}

    def _verify_phrase(self, scores: dict[int, float], stems: list[str]) -> dict[int, float]:
        """Keep the sections whose text has the phrase. Best-scored first, within a budget: on a huge corpus where
        every section has all the words, the first PHRASE_CHECKS candidates decide."""
        out: dict[int, float] = {}
        ranked = heapq.nlargest(PHRASE_CHECKS, scores.items(), key=lambda kv: kv[1])
        deadline = time.perf_counter() + PHRASE_BUDGET_S
        for n, (docnum, sc) in enumerate(ranked):
            if len(out) >= PHRASE_ENOUGH or (n % 32 == 31 and time.perf_counter() > deadline):
                break
            if self._has_phrase(docnum, stems):
                out[docnum] = sc
        return out

    def _has_phrase(self, docnum: int, stems: list[str]) -> bool:
        page, _anchor, stitle, offset, length = self._section(docnum)
        text = _decompress(self._texts[offset: offset + length], self._zdict)
        page_no = self._docpage[docnum] if docnum < len(self._docpage) else -1
        info = self._pages.get(page, ("", (), 1.0, ""))
        first = docnum == 0 or (docnum > 0 and self._docpage[docnum - 1] != page_no)
        tokenizer = _phrase_tokenizer(self._qdecompounder)
        # Parts are separate (the index leaves a gap between them), so a phrase lies inside one part. A stem is
        # (nearly always) a prefix of its word, so a part without all stems as substrings cannot hold the phrase,
        # and only a window around each occurrence of the first stem needs tokenizing.
        for _boost, part in _search_parts(info[0], stitle, text, info[3], info[1], first):
            folded = fold(part)
            if not all(st in folded for st in stems):
                continue
            start = 0
            for _ in range(64):
                i = folded.find(stems[0], start)
                if i < 0:
                    break
                lo = folded.rfind(" ", 0, max(0, i - 200)) + 1
                hi = folded.find(" ", i + 200 + 40 * len(stems))
                if self._window_has_phrase(tokenizer, part[lo: hi if hi >= 0 else len(part)], stems):
                    return True
                start = i + 1
        return False

    @staticmethod
    def _window_has_phrase(tokenizer: "DutchTokenizer", window: str, stems: list[str]) -> bool:
        positions: dict[str, set[int]] = {}
        for term, pos, _boost in tokenizer.postings(window):
            positions.setdefault(term, set()).add(pos)
        return any(all(p + i in positions.get(t, ()) for i, t in enumerate(stems[1:], 1))
                   for p in positions.get(stems[0], ()))

    def _term_scores(self, text: str, boost: float, restrict: Any = None) -> dict[int, float]:
        i = self._text.find(text)
        if i < 0:
            return {}
        if restrict is not None and not restrict:
            return {}
        norm = self._norm
        if norm is None:
            # BM25F's length part, per document: K1 * ((1 - B) + B * length / average length), in WEIGHT_UNITs
            # like the stored weights: score = a * w / (w + norm) = a * u / (u + norm / WEIGHT_UNIT).
            k1, b = 1.2, 0.75
            lengths = [byte_to_length(x) for x in self._text.length_bytes]
            avgfl = (self._text_length / len(lengths) if lengths else 0.0) or 1.0
            norm = self._norm = [(k1 * (1 - b) + k1 * b * n / avgfl) / WEIGHT_UNIT for n in lengths]
        # Whoosh's idf: log(documents / (document frequency + 1)) + 1.
        idf = math.log(len(norm) / (self._text.dfs[i] + 1)) + 1
        a = idf * (1.2 + 1) * boost
        ids, units = self._text.postings(i)
        if restrict is None:
            return dict(zip(ids, [a * u / (u + norm[d]) for d, u in zip(ids, units)]))
        if len(restrict) < len(ids):  # loop over the smaller side (the other is a dict lookup)
            found = dict(zip(ids, units))
            return {d: a * u / (u + norm[d]) for d in restrict if (u := found.get(d)) is not None}
        return {d: a * u / (u + norm[d]) for d, u in zip(ids, units) if d in restrict}

    def _filter_docs(self, fieldname: str, text: str) -> dict[int, float]:
        if (fieldname, text) not in self._reader:
            return {}
        return {d: 0.0 for d in self._reader.postings(fieldname, text).all_ids()}

    def _group(self, top: list[tuple[float, int]], terms: list[str], limit: int, per_page: int) -> list[Hit]:
        """Group section hits by page. A page ranks by its best section plus a little for each further matching
        section, so the page that is about the subject beats a page that mentions it once in its title."""
        # Which page a section belongs to comes from an in-memory array, so only displayed hits touch stored data.
        pages: dict[int, list[tuple[float, int]]] = {}
        docpage = self._docpage
        for score, docnum in top:
            pages.setdefault(docpage[docnum] if docnum < len(docpage) else -1, []).append((score, docnum))

        def page_score(page_no: int, secs: list[tuple[float, int]]) -> float:
            # Best section, plus decreasing credit for further matching sections, times the page prior, times a
            # bonus for a title that is (mostly) the query: "richtlijnen" is the page titled so, not the page that
            # says "richtlijn" in most sections.
            agg = sum(sc * w for (sc, _d), w in zip(secs, (1.0, 0.35, 0.15)))
            weight = self._page_weights[page_no] if 0 <= page_no < len(self._page_weights) else 1.0
            return agg * weight * (1.0 + TITLE_MATCH_BONUS * self._title_coverage(page_no, terms))

        scored = sorted(((page_score(p, secs), p, secs) for p, secs in pages.items()), key=lambda x: -x[0])
        hits: list[Hit] = []
        for pscore, page_no, secs in scored:
            secs = self._intro_first(page_no, secs, terms)
            for score, docnum in secs[:per_page]:
                if len(hits) >= limit:
                    return hits
                page, anchor, stitle, offset, length = self._section(docnum)
                blob = self._texts[offset : offset + length]
                ptitle, crumbs, _weight, summary = self._pages.get(page, ("", (), 1.0, ""))
                if anchor:
                    summary = ""  # the summary belongs to the intro
                text = _decompress(blob, self._zdict)
                snippet = make_snippet(text, terms)
                if summary and "<mark>" not in snippet:  # matched in the page summary, not in the text
                    alt = make_snippet(summary, terms)
                    snippet = alt if "<mark>" in alt else snippet
                hits.append(Hit(
                    page=page, anchor=anchor, title=ptitle, section=stitle,
                    breadcrumb=tuple(crumbs), snippet_html=snippet, score=round(float(pscore if score == secs[0][0] else score), 4),
                ))
        return hits

    def _title_words(self, page_no: int) -> tuple[set[str], set[str]]:
        """(stems, stems and folded words) of a page title, cached."""
        found = self._title_terms.get(page_no)
        if found is None:
            title = self._page_titles[page_no]
            stems = set(analyze(title))
            found = self._title_terms[page_no] = (stems, stems | set(fold_words(title)))
        return found

    def _title_has_all(self, page_no: int, terms: list[str]) -> bool:
        if not terms or not 0 <= page_no < len(self._page_titles):
            return False
        _stems, known = self._title_words(page_no)
        return all(t in known or any(k.startswith(t) for k in known) for t in terms)

    def _title_coverage(self, page_no: int, terms: list[str]) -> float:
        """Share of the title's words that the query names, when the title holds every query word; else 0."""
        if not self._title_has_all(page_no, terms):
            return 0.0
        stems, _known = self._title_words(page_no)
        if not stems:
            return 0.0
        hit = sum(1 for st in stems if any(st == t or st.startswith(t) or t.startswith(st) for t in terms))
        return hit / len(stems)

    def _intro_first(self, page_no: int, secs: list[tuple[float, int]], terms: list[str]) -> list[tuple[float, int]]:
        """A page whose title holds every query word opens at its top: its intro section leads its hits."""
        if not terms or len(secs) < 2 or not 0 <= page_no < len(self._page_titles):
            return secs
        intro = min(secs, key=lambda sd: sd[1])
        docnum = intro[1]
        if intro is secs[0] or (docnum > 0 and self._docpage[docnum - 1] == page_no):
            return secs  # already first, or not the page's first section
        if self._title_has_all(page_no, terms):
            return [intro] + [sd for sd in secs if sd is not intro]
        return secs

    def _suggest(self, query: str, compiled: _Compiled) -> str | None:
        """Replace unknown words by the closest frequent corpus word ("Bedoelde je: ...")."""
        replaced = query
        changed = False
        deadline = time.perf_counter() + SUGGEST_BUDGET_S
        for clause, w in compiled.words[:6]:
            if time.perf_counter() > deadline:
                break
            if len(w) < 4 or self._df(w) > 0:
                continue
            if clause.prefix and self.completions(w, 1):
                continue  # an unfinished word, not a typo
            best = self.correction(w, deadline)
            if best:
                new = _replace_word(replaced, clause.text, best)
                if new != replaced:
                    replaced, changed = new, True
        return replaced if changed else None

    def correction(self, w: str, deadline: float | None = None) -> str | None:
        """The corpus word closest to `w` (edit distance 1, else 2; a swap of two letters counts 1), the one used
        on most pages among equals. Candidates share the first two letters (typos rarely hit them), else the first;
        the work is bounded by a candidate count and a deadline."""
        if len(w) > 40:
            return None
        deadline = deadline or time.perf_counter() + SUGGEST_BUDGET_S
        maxdist = 1 if len(w) < 6 else 2
        best: tuple[int, int, str] | None = None
        for prefix in (w[:2], w[:1]):
            for n, cand in enumerate(self._with_prefix(prefix)):
                if n > 5_000 or (n % 256 == 0 and time.perf_counter() > deadline):
                    break
                if abs(len(cand) - len(w)) > maxdist or cand == w or cand in STOP_WORDS:
                    continue
                if len(prefix) == 1 and cand[1:2] == w[1:2]:
                    continue  # seen in the first round
                d = edit_distance(w, cand, maxdist)
                if d <= maxdist:
                    key = (d, -self._df(cand), cand)
                    if best is None or key < best:
                        best = key
            if best is not None:
                break
        return best[2] if best else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up above `limit`."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def _replace_word(query: str, old: str, new: str) -> str:
    """Replace the first occurrence of `old` in the query (case-insensitively), keeping the rest as typed."""
    m = re.search(re.escape(old), query, flags=re.IGNORECASE)
    if not m:
        return query
    return query[: m.start()] + new + query[m.end():]
