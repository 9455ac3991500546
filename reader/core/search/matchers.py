"""Whoosh query and matcher classes of our own: a correct DisjunctionMax, and phrases as an And of stems."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.matching import DisjunctionMaxMatcher

from reader.core.search.analysis import SEARCH_FIELD


class _DisMaxMatcher(DisjunctionMaxMatcher):
    """Whoosh 2.7's DisjunctionMaxMatcher.score() takes the max over both sub-matchers even when only one of them
    is on the current document (it then scores a *different* document): results came out with equal scores.
    Only the sub-matchers on the current document count here."""

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return float(b.score())
        if not b.is_active():
            return float(a.score())
        ida, idb = a.id(), b.id()
        if ida != idb:
            return float(a.score() if ida < idb else b.score())
        return float(max(a.score(), b.score()))


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


class MinMatch(wq.Or):
    """At least `m` of the subqueries must match (a long query's content words); evaluated by SearchIndex, which
    ranks sections by how many they have (see questions.combine)."""

    def __init__(self, subqueries: list[wq.Query], m: int) -> None:
        super().__init__(subqueries)
        self.m = m
