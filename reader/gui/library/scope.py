"""The search scope: the window's search field searches the corpus being read, or, with the switch "Alle
richtlijnen" beside it, every corpus of the library (reader.core.search.LibrarySearch).

Results across the library come grouped per corpus, best corpus first (the core orders the groups); each page's
first row names its corpus before the breadcrumb, and each hit carries its corpus id, so that opening a hit of
another corpus switches the window to it (`SearchPanel.corpus_result_requested`). The indexes are opened on the
first search across the library and kept; the list of corpora is read again after install or remove (`reset`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QToolBar

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.search import Hit, LibrarySearch
    from reader.gui.mainwindow import MainWindow
    from reader.gui.sidebar.search import SearchEngine, SearchPanel

log = logging.getLogger("reader.library")


@dataclass(frozen=True)
class CorpusHit:
    """A hit of one corpus of the library, shaped as the search panel shows a hit (the label leads the
    breadcrumb)."""

    corpus_id: str
    page: str
    anchor: str
    title: str
    section: str
    breadcrumb: tuple[str, ...]
    snippet_html: str
    score: float

    @classmethod
    def of(cls, corpus_id: str, label: str, hit: Hit) -> CorpusHit:
        return cls(corpus_id, hit.page, hit.anchor, hit.title, hit.section, (label, *hit.breadcrumb),
                   hit.snippet_html, hit.score)


@dataclass
class LibraryResult:
    """Hits of every corpus in display order, with what the panel asks of a result."""

    query: str
    hits: list[CorpusHit] = field(default_factory=list)
    suggestion: str | None = None
    partial: bool = False  # no corpus had every word
    corrected_query: str | None = None  # each group says its own; the panel shows none for the whole
    corpora: tuple[str, ...] = ()  # the corpora with hits, best first


class LibraryEngine:
    """A search engine for the panel over the whole library (`search`, `highlight_terms`)."""

    def __init__(self, library: Callable[[], Library]) -> None:
        self._library = library
        self._search: LibrarySearch | None = None

    def _searcher(self) -> LibrarySearch:
        if self._search is None:
            from reader.core.search import LibrarySearch
            from reader.librarysearch import library_corpora

            self._search = LibrarySearch(library_corpora(self._library()))
        return self._search

    def reset(self) -> None:
        """The library changed: list its corpora again (indexes still listed stay open)."""
        if self._search is not None:
            from reader.librarysearch import library_corpora

            self._search.set_corpora(library_corpora(self._library()))

    def search(self, query: str, limit: int = 40, *, correct: bool = True) -> LibraryResult:
        from reader.core.search import Tier

        found = self._searcher().search(query, correct=correct)
        hits = [CorpusHit.of(group.corpus_id, group.title, hit) for group, hit in found.hits()][:limit]
        groups = found.found
        return LibraryResult(
            query=query, hits=hits, suggestion=found.suggestion,
            partial=bool(groups) and all(g.tier == Tier.PARTIAL for g in groups),
            corpora=tuple(g.corpus_id for g in groups),
        )

    def highlight_terms(self, query: str) -> list[str]:
        """What to mark in an opened page: the words of every corpus (a page is marked for its own words only)."""
        searcher = self._searcher()
        terms: list[str] = []
        for corpus_id in searcher.corpus_ids:
            terms.extend(t for t in searcher.highlight_terms(corpus_id, query) if t not in terms)
        return terms

    def close(self) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None


class SearchScope(QObject):
    """The switch "Alle richtlijnen" next to the search field and the engine it puts in the search panel."""

    def __init__(self, window: MainWindow, panel: SearchPanel, toolbar: QToolBar) -> None:
        super().__init__(window)
        self._window = window
        self._panel = panel
        self.library_engine = LibraryEngine(window.corpora.get_library)
        self.switch = QCheckBox(toolbar)
        self.switch.setObjectName("searchAllCorpora")
        self.retranslate()
        toolbar.addWidget(self.switch)
        self.switch.toggled.connect(lambda _on: self.apply())
        panel.corpus_result_requested.connect(self.open_result)

    def retranslate(self) -> None:
        self.switch.setText(self.tr("Alle richtlijnen"))
        self.switch.setToolTip(self.tr("Zoeken in alle richtlijnen van de bibliotheek, niet alleen in deze"))
        self.switch.setAccessibleName(self.tr("Zoeken in alle richtlijnen"))

    @property
    def all_corpora(self) -> bool:
        return self.switch.isChecked()

    def engine(self) -> SearchEngine | None:
        return self.library_engine if self.all_corpora else self._window.search_engine

    def apply(self) -> None:
        """Give the panel the engine of the scope chosen (it searches again)."""
        if self.all_corpora:
            self.library_engine.reset()
        self._panel.set_engine(self.engine())

    def corpus_changed(self) -> None:
        """The window switched corpus: a search of this corpus follows it; one across the library stays."""
        if not self.all_corpora:
            self._panel.set_engine(self.engine())

    def library_changed(self) -> None:
        """A corpus was installed or removed: a search across the library is run again over the new list."""
        self.library_engine.reset()
        if self.all_corpora:
            self._panel.set_engine(self.library_engine)

    def open_result(self, corpus_id: str, page_id: str, anchor: str, terms: list[str]) -> None:
        window = self._window
        if corpus_id == window.edition.corpus_id:
            window.open_search_result(page_id, anchor, terms)
            return
        if window.corpora.open_corpus(corpus_id, page_id, anchor or None):
            window.highlighter.show(page_id, list(terms))  # after the switch, which cleared the marks

    def close(self) -> None:
        self.library_engine.close()
