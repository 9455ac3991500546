"""Front matter filters at query time (a mixin of SearchIndex): `key:value` as queries on the filter fields, the
pages of each value, and the counts per value among a query's matches (facets, for the window's filter row)."""

from __future__ import annotations

from typing import Any, Sequence

from whoosh import query as wq

from reader.core.search.build import _filter_field
from reader.core.search.filters import FilterKey, FilterValue, resolve, toggle


class FilterSearch:
    filters: tuple[FilterKey, ...]
    filter_keys: frozenset[str]
    filter_names: dict[str, str]
    _value_pages: dict[tuple[str, str], frozenset[int]]
    _docpage: Any
    _reader: Any

    filter_row = True  # for the window: search(..., facets=True) counts results per filter value

    def loaded_filters(self) -> tuple[FilterKey, ...]:
        """The filters with their page counts over the whole corpus."""
        return self.filters

    def toggle_filter(self, query: str, key: str, value: str) -> str:
        """`query` with the filter key = value removed when it has it, else added (the window's filter row)."""
        return toggle(query, key, value, self.filter_names)

    def _filter_queries(self, wanted: Sequence[tuple[str, str]]) -> list[wq.Query]:
        """One query per `key:value` of the query: the sections of pages with that value (or, for a value no page
        has, with a value it starts: a half-typed value narrows already)."""
        known = {f.key: [v.value for v in f.values] for f in self.filters}
        out: list[wq.Query] = []
        for key, value in wanted:
            if key not in self.filter_keys:
                continue
            values = resolve(value, known.get(key, ()))
            terms = [wq.Term(_filter_field(key), v) for v in values] or [wq.Term(_filter_field(key), "\x00")]
            out.append(terms[0] if len(terms) == 1 else wq.Or(terms))
        return out

    def _pages_with(self, key: str, value: str) -> frozenset[int]:
        got = self._value_pages.get((key, value))
        if got is None:
            docpage = self._docpage
            got = self._value_pages[(key, value)] = frozenset(
                docpage[d] for d in self._filter_docs(_filter_field(key), value) if d < len(docpage))
        return got

    def _facets(self, scores: dict[int, float]) -> tuple[FilterKey, ...]:
        """Per filter, its values with the number of matching pages that have them (values no match has left
        out), in the corpus's order (most pages in the corpus first)."""
        if not self.filters:
            return ()
        docpage = self._docpage
        try:
            pages = set(map(docpage.__getitem__, scores))  # (all of a 10,000-page match in a few ms)
        except IndexError:  # a damaged index: sections without a page
            pages = {docpage[d] for d in scores if d < len(docpage)}
        out = []
        for f in self.filters:
            counted = ((v, len(self._pages_with(f.key, v.value) & pages)) for v in f.values)
            out.append(FilterKey(f.key, f.name, tuple(FilterValue(v.label, v.value, n) for v, n in counted if n)))
        return tuple(out)

    def _filter_docs(self, fieldname: str, text: str) -> dict[int, float]:
        if (fieldname, text) not in self._reader:
            return {}
        return {d: 0.0 for d in self._reader.postings(fieldname, text).all_ids()}
