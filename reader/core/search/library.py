"""Searching several corpora at once (the library): one SearchIndex per corpus, results grouped per corpus.

Each index answers the query on its own, as it would alone (same parsing, ranking, snippets, typo correction), with
at most `limit_per_corpus` hits. What this module adds is how the groups are ordered and how typo corrections of
different corpora are reconciled.

Ordering groups. Scores of different indexes are not comparable as they are: BM25 weighs a word by its inverse
document frequency *in that index*, so a corpus that mentions a word once gets a far higher weight for it than a
corpus that is about it. Distributed search engines solve this by scoring every shard with statistics of the whole
collection (Elasticsearch's "DFS" phase); we do the same after the fact, cheaply: a group's relevance is its best
page's score times the ratio of library-wide idf to the index's own idf, summed over the query's stems that the
index has (`_idf_ratios`). The tf and length parts of BM25 are already relative to each corpus, so what is left is
comparable. A corpus that has only some of the words (the engine's partial results) counts half
(PARTIAL_WEIGHT); a corrected word already counts a little less in the engine's own score. Groups are ordered by
relevance, corpora without hits last; ties go to the library's order of corpora. `tier` says how a corpus matched
(every word as typed, after a typo correction, some of the words, nothing) for the interface to show; it does not
order groups by itself: a question ("hoe maak ik ...") needs not every word, so "exact" is no proof of a better
match than a corrected one.

Typos across corpora. A word that is a typo in one corpus may be a real word in another (`mermaid` is a word of
the Material docs, not of NeRDS). Before searching, the query's words are looked up once in every corpus's
vocabulary: a word that some corpus has (or, for the word being typed, the start of one) is taken as typed in all
the others too: no correction there, and no "Bedoelde je" for it (`_as_typed`). The user typed a real word; the
corpora that lack it say so by having no (or partial) results. A word that no corpus has is corrected by each
corpus on its own, and each group says what it searched for (`corrected_query`) or suggests (`suggestion`). The
lookup also saves the costliest step of a search over several corpora: an English corpus would otherwise look for
the closest English word to every Dutch word.

Opening is lazy: `LibrarySearch` opens an index on the first search that needs it and keeps it open; an index that
cannot be opened is reported per corpus (`unavailable`) and is not tried again until the list of corpora changes.
"""

from __future__ import annotations

import enum
import logging
import math
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from reader.core.errors import ReaderError
from reader.core.search.analysis import analyze_word
from reader.core.search.dutch import fold, words
from reader.core.search.engine import SECTIONS_PER_PAGE, SearchIndex
from reader.core.search.query import parse
from reader.core.search.results import Hit, IndexFormatError, SearchResult

log = logging.getLogger("reader.search")

LIMIT_PER_CORPUS = 10  # hits per corpus; the window shows more of one corpus by searching it alone
PARTIAL_WEIGHT = 0.5  # a corpus that has only some of the query's words counts half
INDEX_DIR = "index"  # the index folder inside an edition folder


class Tier(enum.IntEnum):
    """How a corpus matched the query (for display; groups are ordered by relevance)."""

    EXACT = 0  # every word, as typed
    CORRECTED = 1  # every word, after a typo correction
    PARTIAL = 2  # only some of the words
    NONE = 3  # nothing


@dataclass
class CorpusResults:
    """The answer of one corpus: its id and label, the index's own result, and where it ranks among corpora."""

    corpus_id: str
    title: str
    result: SearchResult
    tier: Tier
    relevance: float  # comparable across corpora (see the module doc); 0.0 without hits

    @property
    def hits(self) -> list[Hit]:
        return self.result.hits

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "corpus_id": self.corpus_id,
            "corpus_title": self.title,
            "relevance": round(self.relevance, 4),
            "tier": self.tier.name.lower(),
            "suggestion": r.suggestion,
            "corrected_query": r.corrected_query,
            "partial": r.partial,
            "ms": round(r.ms, 3),
            "hits": [{**h.to_json(), "corpus_id": self.corpus_id, "corpus_title": self.title} for h in r.hits],
        }


@dataclass(frozen=True)
class CorpusProblem:
    """A corpus whose index could not be opened (it is left out of the search)."""

    corpus_id: str
    title: str
    error: ReaderError

    def to_json(self) -> dict[str, Any]:
        return {"corpus_id": self.corpus_id, "corpus_title": self.title, "code": self.error.code,
                "params": dict(self.error.params)}


@dataclass
class LibraryResults:
    """Results of every corpus searched: `groups` best corpus first (corpora without hits last, in library order)."""

    query: str
    groups: list[CorpusResults]
    ms: float
    suggestion: str | None = None  # when no corpus found anything: the first corpus's "Bedoelde je"
    message: str = ""  # when there is nothing to show, the indexes' own explanation
    unavailable: list[CorpusProblem] = field(default_factory=list)

    @property
    def found(self) -> list[CorpusResults]:
        """The groups with hits, in order."""
        return [g for g in self.groups if g.hits]

    def hits(self) -> Iterator[tuple[CorpusResults, Hit]]:
        """Every hit with its group, in display order."""
        for g in self.groups:
            for h in g.hits:
                yield g, h

    def to_json(self) -> dict[str, Any]:
        """The `search --all --json` contract."""
        return {
            "query": self.query,
            "suggestion": self.suggestion,
            "ms": round(self.ms, 3),
            "groups": [g.to_json() for g in self.groups],
            "unavailable": [p.to_json() for p in self.unavailable],
        }


def _tier(r: SearchResult) -> Tier:
    if not r.hits:
        return Tier.NONE
    if r.partial:
        return Tier.PARTIAL
    return Tier.CORRECTED if r.corrected_query else Tier.EXACT


def _query_stems(index: SearchIndex, query: str) -> list[str]:
    """Stems of the positive words of the query as this index parses it (its filter keys differ)."""
    parsed = parse(query, filter_keys=index.filter_names)
    out: list[str] = []
    for group in parsed.groups:
        for clause in group:
            for m in words(fold(clause.text)):
                s = analyze_word(m.group(0))
                if s and s not in out:
                    out.append(s)
    return out[:32]


def _query_words(index: SearchIndex, query: str) -> list[tuple[str, bool]]:
    """The folded words of the query's clauses, as the engine looks them up for typo correction, each with whether
    it is being typed (the prefix clause: the engine completes it instead of correcting it when it can)."""
    parsed = parse(query, filter_keys=index.filter_names)
    out: dict[str, bool] = {}
    for clause in (*(c for g in parsed.groups for c in g), *parsed.excluded):
        for m in words(fold(clause.text)):
            out[m.group(0)] = out.get(m.group(0), False) or clause.prefix
    return list(out.items())[:32]


def _knows(index: SearchIndex, w: str, prefix: bool) -> bool:
    """Whether the word is a word of the corpus (or, being typed, the start of one). Not its stem or a compound
    split: across languages those collide (the Dutch typo `standarden` stems to the English `standard`)."""
    return index._is_word(w) or (prefix and bool(index.completions(w, 1)))


def _known_elsewhere(indexes: Sequence[SearchIndex], query: str) -> list[list[str]]:
    """Per index: the query's words it does not have but another index of the library has (or, for the word being
    typed, can complete)."""
    per = [_query_words(ix, query) for ix in indexes]
    known = [{w for w, prefix in ws if _knows(ix, w, prefix)} for ix, ws in zip(indexes, per, strict=True)]
    anywhere = set().union(*known) if known else set()
    return [[w for w, _p in ws if w in anywhere and w not in own] for ws, own in zip(per, known, strict=True)]


@contextmanager
def _as_typed(index: SearchIndex, ws: Sequence[str]) -> Iterator[None]:
    """For one search, the index takes these words as typed: no correction, no "Bedoelde je". Done through the
    vocabulary's correction cache (a word cached as having no correction), and undone afterwards, so searching the
    same index alone later is not affected."""
    vocab = index._vocab
    if vocab._corrections is None:
        vocab._corrections = {}
    cache = vocab._corrections
    saved = {w: cache[w] for w in ws if w in cache}  # a correction found before (searching alone) comes back after
    for w in ws:
        cache[w] = None
    try:
        yield
    finally:
        for w in ws:
            if w in saved:
                cache[w] = saved[w]
            else:
                cache.pop(w, None)


def _idf(docs: int, df: int) -> float:
    return math.log(max(1, docs) / (df + 1)) + 1  # Whoosh's idf, as the engine scores


def _idf_ratios(indexes: Sequence[SearchIndex], stems: Sequence[list[str]]) -> list[float]:
    """Per index: library-wide idf over the index's own idf, summed over its query stems that it has (`stems[i]`:
    the stems index i searched, after its own correction). 1.0 when it has none of them (a title filter or a
    question word found its hits: nothing to rescale by)."""
    every = list(dict.fromkeys(s for st in stems for s in st))
    dfs = [{s: ix._text.df(s) for s in every} for ix in indexes]
    total_docs = sum(ix.doc_count for ix in indexes)
    total_df = {s: sum(df[s] for df in dfs) for s in every}
    ratios = []
    for ix, st, df in zip(indexes, stems, dfs, strict=True):
        own = sum(_idf(ix.doc_count, df[s]) for s in st if df[s])
        shared = sum(_idf(total_docs, total_df[s]) for s in st if df[s])
        ratios.append(shared / own if own > 0 else 1.0)
    return ratios


def search_many(indexes: Sequence[tuple[str, str, SearchIndex]], query: str, *,
                limit_per_corpus: int = LIMIT_PER_CORPUS, per_page: int = SECTIONS_PER_PAGE,
                correct: bool = True) -> LibraryResults:
    """Search every (corpus id, label, opened index) for `query`; groups with hits by relevance, then the given
    order (see the module doc). `correct=False` searches the words exactly as typed in every corpus."""
    t0 = time.perf_counter()
    limit = max(1, int(limit_per_corpus))
    ixs = [ix for _c, _t, ix in indexes]
    try:
        as_typed = _known_elsewhere(ixs, query) if correct and len(ixs) > 1 else [[] for _ in ixs]
    except Exception:  # a shortcut only: without it every corpus corrects on its own
        log.exception("library word lookup failed for %r", query[:200])
        as_typed = [[] for _ in ixs]
    results = []
    for ix, ws in zip(ixs, as_typed, strict=True):
        with _as_typed(ix, ws):
            results.append(ix.search(query, limit=limit, per_page=per_page, correct=correct))
    try:
        searched = [r.corrected_query or query for r in results]
        ratios = _idf_ratios(ixs, [_query_stems(ix, q) for ix, q in zip(ixs, searched, strict=True)])
    except Exception:  # ranking must not cost the answer: fall back to the indexes' own scores
        log.exception("library ranking failed for %r", query[:200])
        ratios = [1.0] * len(ixs)
    groups: list[CorpusResults] = []
    for (cid, title, _ix), r, ratio in zip(indexes, results, ratios, strict=True):
        relevance = r.hits[0].score * ratio * (PARTIAL_WEIGHT if r.partial else 1.0) if r.hits else 0.0
        groups.append(CorpusResults(cid, title, r, _tier(r), relevance))
    order = sorted(range(len(groups)), key=lambda i: (not groups[i].hits, -groups[i].relevance, i))
    groups = [groups[i] for i in order]
    suggestion = message = None
    if not any(g.hits for g in groups):
        suggestion = next((g.result.suggestion for g in groups if g.result.suggestion), None)
        message = next((g.result.message for g in groups if g.result.message), None) or "Niets gevonden."
    return LibraryResults(query, groups, (time.perf_counter() - t0) * 1000, suggestion, message or "")


def index_dir_of(path: Path) -> Path:
    """The index folder of an edition folder (or the folder itself when it is an index)."""
    path = Path(path)
    return path / INDEX_DIR if (path / INDEX_DIR).is_dir() else path


@dataclass
class _Entry:
    corpus_id: str
    title: str
    index_dir: Path
    index: SearchIndex | None = None
    problem: ReaderError | None = None


class LibrarySearch:
    """The indexes of the library's corpora, each opened on the first search that needs it and kept open.

    `set_corpora([(corpus id, label, edition or index folder), ...])` states what to search (in library order);
    an index whose folder is still listed stays open, the others are closed. Not thread-safe: one caller at a time.
    """

    def __init__(self, corpora: Iterable[tuple[str, str, Path]] = ()) -> None:
        self._entries: list[_Entry] = []
        self.set_corpora(corpora)

    def set_corpora(self, corpora: Iterable[tuple[str, str, Path]]) -> None:
        old = {e.index_dir: e for e in self._entries}
        entries: list[_Entry] = []
        for cid, title, folder in corpora:
            d = index_dir_of(Path(folder))
            prev = old.pop(d, None)
            if prev is not None and prev.problem is None:  # a failed open is tried again when the list changes
                entries.append(_Entry(cid, title, d, prev.index))
            else:
                entries.append(_Entry(cid, title, d))
        for e in old.values():
            if e.index is not None:
                e.index.close()
        self._entries = entries

    @property
    def corpus_ids(self) -> list[str]:
        return [e.corpus_id for e in self._entries]

    def _open(self, e: _Entry) -> SearchIndex | None:
        if e.index is None and e.problem is None:
            try:
                e.index = SearchIndex.open(e.index_dir)
            except IndexFormatError as exc:
                log.warning("index of %s unusable: %s", e.corpus_id, exc)
                e.problem = exc
        return e.index

    def index(self, corpus_id: str) -> SearchIndex | None:
        """The opened index of one corpus (opened now if needed), e.g. to search it alone; None if it cannot be."""
        for e in self._entries:
            if e.corpus_id == corpus_id:
                return self._open(e)
        return None

    def highlight_terms(self, corpus_id: str, query: str) -> list[str]:
        """What to mark in a page of this corpus opened from a library result (as SearchIndex.highlight_terms)."""
        index = self.index(corpus_id)
        return index.highlight_terms(query) if index is not None else []

    def search(self, query: str, *, limit_per_corpus: int = LIMIT_PER_CORPUS, per_page: int = SECTIONS_PER_PAGE,
               correct: bool = True) -> LibraryResults:
        """Every listed corpus's current index (opened now if needed) searched at once (see search_many)."""
        t0 = time.perf_counter()
        opened = [(e.corpus_id, e.title, ix) for e in self._entries if (ix := self._open(e)) is not None]
        out = search_many(opened, query, limit_per_corpus=limit_per_corpus, per_page=per_page, correct=correct)
        out.unavailable = [CorpusProblem(e.corpus_id, e.title, e.problem) for e in self._entries if e.problem]
        out.ms = (time.perf_counter() - t0) * 1000
        return out

    def close(self) -> None:
        for e in self._entries:
            if e.index is not None:
                e.index.close()
                e.index = None

    def __enter__(self) -> "LibrarySearch":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
