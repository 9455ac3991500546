"""The edition's search index for the window, opened only when somebody is about to search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.search import SearchIndex, SearchResult


class LazySearchIndex:
    """The edition's search index, opened on first use (or when the window is idle after the first page), so that
    start-up never pays for Whoosh. Implements what SearchPanel needs: search() and highlight_terms()."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._index: SearchIndex | None = None

    def open(self) -> SearchIndex:
        if self._index is None:
            from reader.core.search import SearchIndex

            self._index = SearchIndex.open(self.index_dir)
        return self._index

    def search(self, query: str, limit: int = 20, *, correct: bool = True) -> SearchResult:
        return self.open().search(query, limit, correct=correct)

    def highlight_terms(self, query: str) -> list[str]:
        return self.open().highlight_terms(query)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
