"""The edition's search index for the window, opened only when somebody is about to search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.search import FilterKey, SearchIndex, SearchResult


class LazySearchIndex:
    """The edition's search index, opened on first use (or when the window is idle after the first page), so that
    start-up never pays for Whoosh. Implements what SearchPanel needs: search() and highlight_terms(), and for the
    filter row (`filter_row`): counts per filter value with each result, loaded_filters(), toggle_filter()."""

    filter_row = True  # search(..., facets=True) counts results per front matter filter value

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._index: SearchIndex | None = None

    def open(self) -> SearchIndex:
        if self._index is None:
            from reader.core.search import SearchIndex

            self._index = SearchIndex.open(self.index_dir)
        return self._index

    def search(self, query: str, limit: int = 20, *, correct: bool = True, facets: bool = False) -> SearchResult:
        return self.open().search(query, limit, correct=correct, facets=facets)

    def highlight_terms(self, query: str) -> list[str]:
        return self.open().highlight_terms(query)

    def loaded_filters(self) -> tuple[FilterKey, ...]:
        """The corpus's filters with their page counts, once the index is open (never opens it: start-up)."""
        return self._index.filters if self._index is not None else ()

    def toggle_filter(self, query: str, key: str, value: str) -> str:
        return self.open().toggle_filter(query, key, value)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
