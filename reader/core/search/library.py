"""Searching several corpora at once (the library): one SearchIndex per corpus, results grouped per corpus.

Each index answers the query on its own, as it would alone (same parsing, ranking, snippets, typo correction), with
at most `limit_per_corpus` hits. What this module adds is how the groups are ordered and how typo corrections of
different corpora are reconciled.

Ordering groups. Scores of different indexes are not comparable as they are: BM25 weighs a word by its inverse
document frequency *in that index*, so a corpus that mentions a word once gets a far higher weight for it than a
corpus that is about it. Distributed search engines solve this by scoring every shard with statistics of the whole
collection (Elasticsearch's "DFS" phase); we do the same after the fact, cheaply: a group's relevance is its best
page's score times the ratio of library-wide idf to the index's own idf, summed over the query's stems that the
index has (`_idf_ratio`). The tf and length parts of BM25 are already relative to each corpus, so what is left is
comparable. Before relevance comes a tier that says how the corpus matched (`Tier`): every word as typed, only
after a typo correction, only some of the words, nothing. A corpus that has every word beats one that needed
guessing, whatever their scores; ties go to the library's order of corpora.

Typos across corpora. A word that is a typo in one corpus may be a real word in another (`mermaid` is a word of
the Material docs, not of NeRDS). Each index corrects on its own; but when some corpus found the query as typed,
the other corpora's results that have every word only thanks to a correction are withheld: the user typed a real
word. Such a group keeps its correction as a suggestion ("Bedoelde je ...", per corpus) and shows no hits. (Partial
results stay, in their lower tier: they have some of the words as typed.) When no corpus knows
the words, every corpus shows its own corrected results and says what it searched for (`corrected_query`).

Opening is lazy: `LibrarySearch` opens an index on the first search that needs it and keeps it open; an index that
cannot be opened is reported per corpus (`unavailable`) and is not tried again until the list of corpora changes.
"""

from __future__ import annotations

import enum
import logging
import math
import time
from dataclasses import dataclass, field, replace
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
INDEX_DIR = "index"  # the index folder inside an edition folder


class Tier(enum.IntEnum):
    """How a corpus matched the query; a lower tier ranks first, whatever the scores."""

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
    withheld: bool = False  # results only thanks to a correction, while another corpus knows the words as typed

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
            "withheld": self.withheld,
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
    parsed = parse(query, filter_keys=index.filter_keys)
    out: list[str] = []
    for group in parsed.groups:
        for clause in group:
            for m in words(fold(clause.text)):
                s = analyze_word(m.group(0))
                if s and s not in out:
                    out.append(s)
    return out[:32]


def _idf(docs: int, df: int) -> float:
    return math.log(max(1, docs) / (df + 1)) + 1  # Whoosh's idf, as the engine scores


def _idf_ratios(indexes: Sequence[SearchIndex], stems: Sequence[list[str]]) -> list[float]:
    """Per index: library-wide idf over the index's own idf, summed over the query stems the index has. 1.0 when
    it has none of them (a correction or a title filter found its hits: nothing to rescale by)."""
    dfs = [[ix._text.df(s) for s in st] for ix, st in zip(indexes, stems, strict=True)]
    total_docs = sum(ix.doc_count for ix in indexes)
    total_df: dict[str, int] = {}
    for st, df in zip(stems, dfs, strict=True):
        for s, n in zip(st, df, strict=True):
            total_df[s] = total_df.get(s, 0) + n
    ratios = []
    for ix, st, df in zip(indexes, stems, dfs, strict=True):
        own = sum(_idf(ix.doc_count, n) for n in df if n)
        shared = sum(_idf(total_docs, total_df[s]) for s, n in zip(st, df, strict=True) if n)
        ratios.append(shared / own if own > 0 else 1.0)
    return ratios


def search_many(indexes: Sequence[tuple[str, str, SearchIndex]], query: str, *,
                limit_per_corpus: int = LIMIT_PER_CORPUS, per_page: int = SECTIONS_PER_PAGE,
                correct: bool = True) -> LibraryResults:
    """Search every (corpus id, label, opened index) for `query`; groups ordered by tier, then relevance, then the
    given order (see the module doc). `correct=False` searches the words exactly as typed in every corpus."""
    t0 = time.perf_counter()
    limit = max(1, int(limit_per_corpus))
    results = [ix.search(query, limit=limit, per_page=per_page, correct=correct) for _c, _t, ix in indexes]
    tiers = [_tier(r) for r in results]
    known_as_typed = Tier.EXACT in tiers
    ixs = [ix for _c, _t, ix in indexes]
    try:
        ratios = _idf_ratios(ixs, [_query_stems(ix, query) for ix in ixs])
    except Exception:  # ranking must not cost the answer: fall back to the indexes' own scores
        log.exception("library ranking failed for %r", query[:200])
        ratios = [1.0] * len(ixs)
    groups: list[CorpusResults] = []
    for (cid, title, _ix), r, tier, ratio in zip(indexes, results, tiers, ratios, strict=True):
        withheld = False
        if known_as_typed and tier is Tier.CORRECTED:
            # Another corpus knows the words as typed: this corpus's guess is most likely wrong. Offer it instead.
            r = replace(r, hits=[], suggestion=r.corrected_query, corrected_query=None, total=0,
                        message="Niets gevonden.")
            tier, withheld = Tier.NONE, True
        relevance = r.hits[0].score * ratio if r.hits else 0.0
        groups.append(CorpusResults(cid, title, r, tier, relevance, withheld))
    order = sorted(range(len(groups)), key=lambda i: (groups[i].tier, -groups[i].relevance, i))
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

    def search(self, query: str, *, limit_per_corpus: int = LIMIT_PER_CORPUS, per_page: int = SECTIONS_PER_PAGE,
               correct: bool = True) -> LibraryResults:
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
