"""Query classes of our own, evaluated by SearchIndex: DisjunctionMax, phrases as an And of stems, min-should-match."""

from __future__ import annotations

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
