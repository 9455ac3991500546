"""Query classes of our own, evaluated by SearchIndex: DisjunctionMax, phrases as an And of stems, min-should-match."""

from __future__ import annotations

import math
from typing import Any

from whoosh import query as wq

from reader.core.search.analysis import SEARCH_FIELD


class PhraseAnd(wq.And):
    """A phrase in the search field: all its words must be in the section (scored as an And), and the section
    text must have them next to each other, in order (checked on the stored text by SearchIndex)."""

    def __init__(self, stems: list[str], boost: float = 1.0) -> None:
        super().__init__([wq.Term(SEARCH_FIELD, t) for t in stems], boost=boost)
        self.stems = list(stems)


class DisMax(wq.DisjunctionMax):
    """The forms of one word: a section scores by its best alternative. Evaluated term-at-a-time by SearchIndex
    (never by Whoosh's matchers, whose DisjunctionMaxMatcher in 2.7 scored the wrong document), so it needs nothing
    of Whoosh beyond the query class."""


class MinMatch(wq.Or):
    """At least `m` of the subqueries must match (a long query's content words); evaluated by SearchIndex, which
    ranks sections by how many they have (see questions.combine)."""

    def __init__(self, subqueries: list[wq.Query], m: int) -> None:
        super().__init__(subqueries)
        self.m = m
        self.k = 0  # when it is the whole query: how many best sections are wanted (0: all)


class Estimates:
    """Bounds and size estimates of queries on the search field (a mixin of SearchIndex, which has the postings)."""

    _text: Any
    _reader: Any
    doc_count: int

    def _bound(self, q: wq.Query) -> float:
        """The highest score a query can give a section (BM25's term part is below 1): for pruning."""
        if isinstance(q, wq.Term) and q.fieldname == SEARCH_FIELD:
            i = self._text.find(q.text)
            idf = math.log(max(1, self.doc_count) / (self._text.dfs[i] + 1)) + 1 if i >= 0 else 0.0
            return idf * 2.2 * float(q.boost)
        if isinstance(q, PhraseAnd):
            return float(q.boost) * sum(self._bound(wq.Term(SEARCH_FIELD, t)) for t in q.stems)
        if isinstance(q, wq.DisjunctionMax):
            return max((self._bound(sub) for sub in q.subqueries), default=0.0)
        if type(q) in (wq.Or, wq.And):
            return sum(self._bound(sub) for sub in q.subqueries)
        return math.inf  # title fields, filters: not bounded here

    def _estimate(self, q: wq.Query) -> int:
        """About how many documents a query matches (to evaluate the rarest clause of an And first)."""
        if isinstance(q, wq.Term) and q.fieldname == SEARCH_FIELD:
            return int(self._text.df(q.text))
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
