"""SearchIndex: an opened index, queries compiled and scored (BM25F), hits grouped by page."""

from __future__ import annotations

import gc
import heapq
import itertools
import json
import logging
import math
import mmap
import time
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from whoosh import index as windex
from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

from reader.core.formats import INDEX_FORMAT_VERSION
from reader.core.search.analysis import (
    FIELD_OF,
    SEARCH_FIELD,
    _SavedSplits,
    analyze_word,
)
from reader.core.search.dutch import Decompounder, fold, words
from reader.core.search.facets import FilterSearch
from reader.core.search.filters import FilterKey, aliases, filter_keys_from_meta
from reader.core.search.matchers import DisMax, Estimates, MinMatch, PhraseAnd
from reader.core.search.phrases import PhraseChecks
from reader.core.search.postings import WEIGHT_UNIT, _Postings, _read_docpages
from reader.core.search.query import Clause, ParsedQuery, parse
from reader.core.search.questions import (
    HEADING_ANSWER_BOOST,
    MSM_FROM,
    QUESTION_WORDS,
    all_words_suffice,
    combine,
    is_filler,
    joined_pairs,
    min_should_match,
)
from reader.core.search.results import Hit, IndexFormatError, SearchResult
from reader.core.search.snippets import make_snippet
from reader.core.search.storage import (
    COMPOUNDS_FILE,
    DOCPAGES_FILE,
    INDEX_NAME,
    META_FILE,
    PAGES_FILE,
    SECTIONS_FILE,
    TEXTS_FILE,
    ZDICT_FILE,
    _decompress,
    _map_file,
    _read_z,
)
from reader.core.search.suggest import PREFIX_COMPLETIONS, Vocabulary, _replace_word
from reader.core.search.synonyms import Synonyms
from reader.core.search.titles import TitleRanking

log = logging.getLogger("reader.search")

PREFIX_BOOST = 0.6  # a completion counts less than the word as typed
# The completions of a word being typed score at most about this many section postings together (the first always
# counts): at 10,000 pages a two-letter prefix had eight completions in most sections each, 100-200 ms a key. A
# count, so answers stay deterministic; on corpora of some thousand pages it never binds.
PREFIX_POSTINGS = 40_000
FEW_RESULTS = 3  # below this many hits, look for a spelling suggestion
TITLE_MATCH_BONUS = 0.5  # a page whose title is exactly the query scores half as much again
SYNONYM_BOOST = 0.9  # an abbreviation for its long form and back
TYPO_BOOST = 0.9  # a corrected word counts a little less than a word found as typed
SECTIONS_PER_PAGE = 3


# --- searching --------------------------------------------------------------------------------------------------


@dataclass
class _Compiled:
    query: wq.Query | None
    any_query: wq.Query | None  # OR of the groups (partial matches), when there are several groups
    terms: list[str]  # for snippets / in-page marks
    words: list[tuple[Clause, str]]  # single-word clauses and their folded word (for suggestions)
    corrected: list[tuple[Clause, str]]  # clauses searched as a corrected word (typed word not in the corpus)
    asks: frozenset[str] = frozenset()  # question words of the query (hoe, waarom, ...)
    filter_only: bool = False  # the query is front matter filters only


class SearchIndex(TitleRanking, PhraseChecks, FilterSearch, Estimates):
    """An opened section index. Cheap to keep open; `search` is safe to call with any string."""

    def __init__(self, ix: Any, meta: dict[str, Any], pages: dict[str, Any], zdict: bytes, texts: Any,
                 index_dir: Path) -> None:
        self._ix = ix
        self._dir = index_dir
        self._page_weights = [float(info[2]) for info in pages.values()]  # by page number (pages.json order)
        self._page_titles = [str(info[0]) for info in pages.values()]
        self._title_terms: dict[int, tuple[set[str], set[str]]] = {}
        self._docpage = _read_docpages(index_dir / DOCPAGES_FILE)
        self._vocab = Vocabulary(index_dir)
        self._texts = texts
        self._pages = pages
        self._zdict = zdict
        self._text = _Postings(index_dir, ix.doc_count_all())
        self._text_length = float(meta.get("text_length", 0))
        self._searcher = ix.searcher()
        self._norm: list[float] | None = None  # BM25F's length part per section, on first use
        self._reader = self._searcher.reader()
        self.filter_keys: frozenset[str] = frozenset(meta.get("filter_keys", ()))
        self.filter_names = aliases(self.filter_keys)  # every name a filter goes by in a query -> its key
        self.filters: tuple[FilterKey, ...] = filter_keys_from_meta(meta)  # with their values over the corpus
        self._value_pages: dict[tuple[str, str], frozenset[int]] = {}  # page numbers of a filter value, on use
        self.doc_count = int(meta.get("docs", 0))
        self._qdecompounder = _SavedSplits(index_dir / COMPOUNDS_FILE, Decompounder(self._is_word))
        self._page_ids = list(pages)
        self._sections: list[list[Any]] | None = None  # SECTIONS_FILE, read on first use
        self._text_offsets: list[int] = []
        self._heading_starts: dict[str, set[int]] | None = None
        self._exact_titles: dict[str, list[int]] | None = None
        self._synonyms = Synonyms(index_dir)

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
            raise IndexFormatError("index-unreadable", path=str(index_dir), detail=str(exc)) from exc
        if not isinstance(meta, dict) or meta.get("format") != INDEX_FORMAT_VERSION:
            found = meta.get("format") if isinstance(meta, dict) else None
            raise IndexFormatError("index-format", found=str(found), expected=INDEX_FORMAT_VERSION)
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
                problem = IndexFormatError("index-incomplete", path=str(index_dir))
            except Exception as exc:  # whoosh raises many kinds on damaged files
                problem = IndexFormatError("index-corrupt", path=str(index_dir), detail=f"{type(exc).__name__}: {exc}")
            gc.collect()
        raise problem

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

    # -- the vocabulary (completion and spelling suggestions live in suggest.py)

    @property
    def vocabulary(self) -> dict[str, int]:
        return self._vocab.df_map

    def _is_word(self, w: str) -> bool:
        return self._vocab.is_word(w)

    def _df(self, w: str) -> int:
        return self._vocab.df(w)

    def completions(self, prefix: str, k: int = PREFIX_COMPLETIONS) -> list[str]:
        """Up to k known words starting with `prefix` (folded), most frequent first. Bounded work."""
        return self._vocab.completions(prefix, k)

    def correction(self, w: str) -> str | None:
        """The corpus word closest to `w` (see Vocabulary.correction)."""
        return self._vocab.correction(w)

    def _same(self, text: str, fields: Sequence[str]) -> list[wq.Query]:
        """Queries for what the corpus says is the same as `text` (synonyms.py): its abbreviation or long form, or
        its translation; a word as a term, several as a phrase."""
        out: list[wq.Query] = []
        for other in self._synonyms.same(text):
            stems = [s for s in (analyze_word(m.group(0)) for m in words(fold(other))) if s]
            if len(stems) == 1:
                out.extend(self._term_query(stems[0], fields, SYNONYM_BOOST))
            elif stems:
                out.extend(self._phrase_query(stems, fields, SYNONYM_BOOST))
        return out

    def _suggest(self, query: str, compiled: _Compiled) -> str | None:
        return self._vocab.suggest(query, compiled.words)

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

    def _clause_query(self, c: Clause, terms_out: list[str], corrected: list[tuple[Clause, str]] | None = None
                      ) -> tuple[wq.Query | None, str | None]:
        """Query for one clause, plus its folded word when it is a single word (for suggestions). A word the
        index does not know (no stem, no compound split, no completion) is searched as its correction, which is
        added to `corrected`."""
        fields: Sequence[str] = (FIELD_OF[c.field],) if c.field in FIELD_OF else (SEARCH_FIELD,)
        folded = [m.group(0) for m in words(fold(c.text))][:32]
        if not folded:
            return None, None
        if len(folded) > 1:  # a quoted phrase, or a hyphenated word typed as one (open-source)
            stems = [s for s in (analyze_word(w) for w in folded) if s]
            terms_out.extend(stems)
            if not stems:
                return None, None
            same = self._same(" ".join(folded), fields)
            if len(stems) == 1:
                return self._any(self._term_query(stems[0], fields)), None
            split = self._split_phrase(folded, stems)  # its compounds written apart or hyphenated, too
            phrase = [*self._phrase_query(stems, fields), *(self._phrase_query(split, fields, 0.8) if split else ())]
            if same:  # a long form the corpus abbreviates or translates: the abbreviation or translation too
                return DisMax([*phrase, *same]), None
            return (DisMax(phrase) if split else self._any(phrase)), None
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
        completed = False
        if c.prefix:
            terms_out.append(w)
            seen = {s}
            budget = PREFIX_POSTINGS - (self._text.df(s) if s else 0)
            for comp in self.completions(w):
                cs = analyze_word(comp)
                if cs and cs not in seen:
                    df = self._text.df(cs)
                    if completed and df > budget:
                        continue  # a big index: a short prefix's many common completions would cost too much
                    budget -= df
                    seen.add(cs)
                    completed = True
                    alts.extend(self._term_query(cs, fields, boost=PREFIX_BOOST))
        if corrected is not None and s and len(alts) <= len(fields) and not completed and self._text.df(s) == 0:
            fix = self.correction(w)
            fs = analyze_word(fix) if fix else ""
            if fix and fs and self._text.df(fs) > 0:
                terms_out.extend((fs, fix))  # the word too: a stem is not always its prefix (kwetsbar)
                corrected.append((c, fix))
                alts.extend(self._term_query(fs, fields, boost=TYPO_BOOST))
        alts.extend(self._same(w, fields))  # an abbreviation the corpus spells out (or a translated word)
        if not alts:
            return None, None
        # The forms of one word are alternatives: a section scores by its best form (plus a little for others),
        # not by how many completions it happens to contain.
        return (alts[0] if len(alts) == 1 else DisMax(alts)), w

    def _compile(self, parsed: ParsedQuery, correct: bool = True) -> _Compiled:
        terms: list[str] = []
        words_: list[tuple[Clause, str]] = []
        corrected: list[tuple[Clause, str]] = []
        groups: list[wq.Query] = []
        required: list[wq.Query] = []  # titel:/sectie: clauses restrict: never one of the "should" words
        # Question words and filler are not required (questions.py), unless the query has nothing else.
        filler = [len(g) == 1 and is_filler(g[0], [m.group(0) for m in words(fold(g[0].text))])
                  for g in parsed.groups]
        asks = frozenset(fold(g[0].text) for g, f in zip(parsed.groups, filler, strict=True) if f) & QUESTION_WORDS
        joined = joined_pairs(parsed, filler, self._is_word)
        for i, (group, skip) in enumerate(zip(parsed.groups, filler, strict=True)):
            if (skip and not all(filler)) or i - 1 in joined:
                continue
            alts = []
            for c in group:
                q, w = self._clause_query(c, terms, corrected if correct and i not in joined else None)
                if q is not None:
                    alts.append(q)
                if w is not None:
                    words_.append((c, w))
            if i in joined:  # two words the corpus writes as one (data lek: datalek): both, or the compound
                q2, _w = self._clause_query(parsed.groups[i + 1][0], terms)
                both = wq.And([x for x in (alts[0] if alts else None, q2) if x is not None])
                # (not in `terms`: a title of both words still counts as the query's title)
                alts = [wq.Or([both, *self._term_query(analyze_word(joined[i]) or "", (SEARCH_FIELD,))])]
            if alts:
                q_group = alts[0] if len(alts) == 1 else wq.Or(alts)
                (required if any(c.field for c in group) else groups).append(q_group)
        long_query = len(groups) >= MSM_FROM
        if not long_query:
            groups, required = groups + required, []
        filters = self._filter_queries(parsed.filters)
        excluded = self._filter_queries(parsed.not_filters)  # -rol:x: pages with that value are left out
        if not groups:
            if filters and not parsed.groups:  # filters only: every page they select
                only = filters[0] if len(filters) == 1 else wq.And(filters)
                return _Compiled(wq.AndNot(only, wq.Or(excluded)) if excluded else only, None, [], [], [],
                                 filter_only=True)
            return _Compiled(None, None, terms, words_, corrected)
        for c in parsed.excluded:
            q, _w = self._clause_query(c, [])
            if q is not None:
                excluded.append(q)

        def finish(q: wq.Query) -> wq.Query:
            if filters:
                q = wq.And([q, *filters])
            if excluded:
                q = wq.AndNot(q, wq.Or(excluded))
            return q

        if len(parsed.groups) > 1 and all(len(g) == 1 and g[0].field is None and not g[0].phrase
                                          for g in parsed.groups):
            same = self._same(" ".join(c.text for g in parsed.groups for c in g), (SEARCH_FIELD,))
            if same:  # the whole query is a long form the corpus abbreviates (or translates): that counts too
                groups = [wq.Or([wq.And(groups), *same])]
                long_query = False
        if long_query:  # a long query: ranked by how many of its words a section has
            msm = MinMatch(groups, min_should_match(len(groups)))
            main = finish(wq.And([msm, *required]) if required else msm)
            any_q = finish(wq.And([MinMatch(groups, 1), *required]))
        else:
            main = finish(groups[0] if len(groups) == 1 else wq.And(groups))
            any_q = finish(wq.Or(groups)) if len(groups) > 1 else None
        return _Compiled(main, any_q, list(dict.fromkeys(terms)), words_, corrected, asks)

    # -- public API

    def highlight_terms(self, query: str) -> list[str]:
        """Folded stems and prefixes of the positive query words: what highlight.js marks in a page."""
        try:
            compiled = self._compile(parse(query, filter_keys=self.filter_names))
        except Exception:  # pragma: no cover - defensive, parse/compile are total
            log.exception("highlight_terms failed for %r", query)
            return []
        return [t for t in compiled.terms if len(t) >= 2]

    def search(self, query: str, limit: int = 20, *, per_page: int = SECTIONS_PER_PAGE,
               correct: bool = True, facets: bool = False) -> SearchResult:
        """Sections matching `query`, grouped by page (best page first, at most `per_page` sections each).
        `correct=False` searches the words exactly as typed (no typo correction). `facets`: also count, per
        filter value, the pages among all matches (`SearchResult.facets`, for the window's filter row)."""
        t0 = time.perf_counter()
        try:
            return self._search(query, max(1, min(int(limit), 500)), max(1, int(per_page)), t0, correct, facets)
        except Exception:
            log.exception("search failed for %r", query[:200])
            return SearchResult(query, None, False, (time.perf_counter() - t0) * 1000, [],
                                message="Er ging iets mis bij het zoeken.")

    def _search(self, query: str, limit: int, per_page: int, t0: float, correct: bool, facets: bool
                ) -> SearchResult:
        parsed = parse(query, filter_keys=self.filter_names)
        compiled = self._compile(parsed, correct)
        applied = [(k, v) for k, v in parsed.filters if k in self.filter_keys]
        left_out = [(k, v) for k, v in parsed.not_filters if k in self.filter_keys]
        if compiled.query is None:
            return SearchResult(query, None, False, (time.perf_counter() - t0) * 1000, [],
                                message="Typ een of meer woorden om te zoeken.", filters=applied,
                                excluded_filters=left_out, facets=self.filters if facets else None)
        collect = max(limit * 4, 60)
        if isinstance(compiled.query, MinMatch):
            compiled.query.k = collect
        matched: list[dict[int, float]] = []
        if compiled.filter_only:  # no words: each selected page once (its first section), in page order
            matched.append(self._scores(compiled.query))
            firsts: dict[int, int] = {}
            for d in sorted(matched[0]):
                firsts.setdefault(self._docpage[d] if d < len(self._docpage) else -1, d)
            top = [(1.0, d) for d in sorted(firsts.values())]
        else:
            top = self._top(compiled.query, collect, compiled.asks, matched)
        partial = False
        if not top and compiled.any_query is not None:
            matched.clear()
            top = self._top(compiled.any_query, collect, compiled.asks, matched)
            partial = bool(top)
        pinned = [] if compiled.filter_only else self._titled(query)  # the query is a title: that one first
        if pinned:
            lead = 10.0 * max((sc for sc, _d in top), default=1.0)
            top = [(lead, d) for d in pinned] + [(sc, d) for sc, d in top if d not in pinned]
        hits = self._group(top, compiled.terms, limit, per_page, frozenset(pinned))
        total = len(top)  # sections collected (counting every match would cost a second pass)
        suggestion = corrected_query = None
        if compiled.corrected and hits:
            corrected_query = query
            for clause, fix in compiled.corrected:
                corrected_query = _replace_word(corrected_query, clause.text, fix)
        elif len(hits) < FEW_RESULTS:
            suggestion = self._suggest(query, compiled)
        message = ""
        if not hits:
            message = "Niets gevonden."
        elif partial:
            message = "Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten."
        counted = self._facets(matched[0] if matched else {}) if facets else None
        return SearchResult(query, suggestion, partial, (time.perf_counter() - t0) * 1000, hits, total, message,
                            corrected_query=corrected_query, filters=applied, excluded_filters=left_out,
                            facets=counted)

    # -- evaluation

    def _top(self, q: wq.Query, n: int, asks: frozenset[str] = frozenset(),
             matched: list[dict[int, float]] | None = None) -> list[tuple[float, int]]:
        """The n best (score, docnum) for a query, best first. Sections headed by a question word of the query
        score a little more. `matched` receives every matching section's score."""
        scores = self._scores(q)
        if matched is not None:
            matched.append(scores)
        if asks and scores:
            for d in self._headed_by(asks):
                if d in scores:
                    scores[d] *= HEADING_ANSWER_BOOST
        # best score first, then the lower document number (plain tuples: no key function, twice as fast)
        return [(sc, -nd) for sc, nd in heapq.nlargest(n, [(sc, -d) for d, sc in scores.items()])]

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
        if isinstance(q, MinMatch):
            # A section with m of n parts has one of any n-m+1 of them: the rarest n-m+1 give the candidates, and
            # the common parts are scored on those only (the same result as scoring every part everywhere).
            if q.k:  # the whole query, k results wanted: the sections with every word may be enough (same top k)
                every = self._and(list(q.subqueries), restrict)
                if all_words_suffice(every, [self._bound(sub) for sub in q.subqueries], q.k):
                    return every
            subs = sorted(q.subqueries, key=self._estimate)
            k = len(subs) - q.m + 1
            first = [self._scores(sub, restrict) for sub in subs[:k]]
            cand = set().union(*first)
            return combine(first + [self._scores(sub, cand) for sub in subs[k:]], q.m)
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
        if isinstance(q, wq.Phrase):  # a phrase in a title field
            return self._title_phrase_scores(q, restrict)
        return self._whoosh_scores(q, restrict)

    def _whoosh_scores(self, q: wq.Query, restrict: Any = None) -> dict[int, float]:
        """A query on Whoosh's fields (titles, filters), scored by Whoosh (BM25F)."""
        results = self._searcher.search(q, limit=None)
        return {d: sc for sc, d in results.top_n if restrict is None or d in restrict}

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
            # ids and units are one posting list, one weight per document; not strict, so a damaged postings
            # file gives fewer hits instead of an exception in the middle of a search
            return dict(zip(ids, [a * u / (u + norm[d]) for d, u in zip(ids, units, strict=False)], strict=False))
        if len(restrict) < len(ids):  # loop over the smaller side (the other is a dict lookup)
            found = dict(zip(ids, units, strict=False))
            return {d: a * u / (u + norm[d]) for d in restrict if (u := found.get(d)) is not None}
        return {d: a * u / (u + norm[d]) for d, u in zip(ids, units, strict=False) if d in restrict}

    def _group(self, top: list[tuple[float, int]], terms: list[str], limit: int, per_page: int,
               pinned: frozenset[int] = frozenset()) -> list[Hit]:
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
            agg = sum(sc * w for (sc, _d), w in zip(secs, (1.0, 0.35, 0.15), strict=False))  # three at most
            weight = self._page_weights[page_no] if 0 <= page_no < len(self._page_weights) else 1.0
            return agg * weight * (1.0 + TITLE_MATCH_BONUS * self._title_coverage(page_no, terms))

        scored = sorted(((page_score(p, secs), p, secs) for p, secs in pages.items()), key=lambda x: -x[0])
        hits: list[Hit] = []
        for pscore, page_no, secs in scored:
            if secs[0][1] not in pinned:
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
                    breadcrumb=tuple(crumbs), snippet_html=snippet,
                    score=round(float(pscore if score == secs[0][0] else score), 4),
                ))
        return hits
