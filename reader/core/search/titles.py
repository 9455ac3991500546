"""How page and section titles weigh in ranking: a page whose title is the query leads, and opens at its top."""

from __future__ import annotations

from typing import Any

from reader.core.search.analysis import analyze, fold_words


class TitleRanking:
    """Mixed into SearchIndex: title words per page (cached) and the title rules of the ranking."""

    _page_titles: list[str]
    _title_terms: dict[int, tuple[set[str], set[str]]]
    _docpage: Any

    def _title_words(self, page_no: int) -> tuple[set[str], set[str]]:
        """(stems, stems and folded words) of a page title, cached."""
        found = self._title_terms.get(page_no)
        if found is None:
            title = self._page_titles[page_no]
            stems = set(analyze(title))
            found = self._title_terms[page_no] = (stems, stems | set(fold_words(title)))
        return found

    def _title_has_all(self, page_no: int, terms: list[str]) -> bool:
        if not terms or not 0 <= page_no < len(self._page_titles):
            return False
        _stems, known = self._title_words(page_no)
        return all(t in known or any(k.startswith(t) for k in known) for t in terms)

    def _title_coverage(self, page_no: int, terms: list[str]) -> float:
        """Share of the title's words that the query names, when the title holds every query word; else 0."""
        if not self._title_has_all(page_no, terms):
            return 0.0
        stems, _known = self._title_words(page_no)
        if not stems:
            return 0.0
        hit = sum(1 for st in stems if any(st == t or st.startswith(t) or t.startswith(st) for t in terms))
        return hit / len(stems)

    def _intro_first(self, page_no: int, secs: list[tuple[float, int]], terms: list[str]) -> list[tuple[float, int]]:
        """A page whose title holds every query word opens at its top: its intro section leads its hits."""
        if not terms or len(secs) < 2 or not 0 <= page_no < len(self._page_titles):
            return secs
        intro = min(secs, key=lambda sd: sd[1])
        docnum = intro[1]
        if intro is secs[0] or (docnum > 0 and self._docpage[docnum - 1] == page_no):
            return secs  # already first, or not the page's first section
        if self._title_has_all(page_no, terms):
            return [intro] + [sd for sd in secs if sd is not intro]
        return secs
