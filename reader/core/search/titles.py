"""How page and section titles weigh in ranking: a page whose title is the query leads, and opens at its top."""

from __future__ import annotations

from typing import Any

from reader.core.search.analysis import analyze, fold_words
from reader.core.search.dutch import fold, words
from reader.core.search.questions import QUESTION_WORDS


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

    # -- a query that is a title

    _sections: list[list[Any]] | None
    _exact_titles: dict[str, list[int]] | None
    _heading_starts: dict[str, set[int]] | None

    def _section(self, docnum: int) -> tuple[str, str, str, int, int]:
        raise NotImplementedError  # SearchIndex's

    def _titled(self, query: str) -> list[int]:
        """Sections whose heading, or first sections of pages whose title, is the query after normalisation
        (folded words, numbering dropped: "2. Zorg voor toegankelijkheid" is "zorg voor toegankelijkheid"). Only
        when at most PIN_AT_MOST sections have that title ("Waarom is het belangrijk?" heads one section per page), and
        for titles of two words or more."""
        if self._exact_titles is None:
            self._section(0)  # loads the section data
            found: dict[str, list[int]] = {}
            seen_pages: set[int] = set()
            for docnum, sec in enumerate(self._sections or []):
                page_no = self._docpage[docnum] if docnum < len(self._docpage) else -1
                names = [str(sec[1])]
                if page_no not in seen_pages and 0 <= page_no < len(self._page_titles):
                    seen_pages.add(page_no)
                    names.append(self._page_titles[page_no])
                for key in dict.fromkeys(title_key(n) for n in names):
                    if key:
                        found.setdefault(key, []).append(docnum)
            self._exact_titles = found
        key = title_key(query)
        if " " not in key:
            return []  # one word is a subject as much as a title ("toegankelijkheid": the guideline, not the page
            # that is called so); the title bonus of the ranking weighs it
        docs = self._exact_titles.get(key, [])
        return docs if len(docs) <= PIN_AT_MOST else []

    def _headed_by(self, first_words: frozenset[str]) -> set[int]:
        """Sections whose heading starts with one of `first_words` (folded); the index is built on first use."""
        if self._heading_starts is None:
            self._section(0)  # loads the section data
            starts: dict[str, set[int]] = {}
            for docnum, sec in enumerate(self._sections or []):
                first = next(words(fold(str(sec[1]))), None)
                if first is not None and first.group(0) in QUESTION_WORDS:
                    starts.setdefault(first.group(0), set()).add(docnum)
            self._heading_starts = starts
        return set().union(*(self._heading_starts.get(w, set()) for w in first_words))


PIN_AT_MOST = 3


def title_key(text: str) -> str:
    return " ".join(w for w in fold_words(text) if not w.isdigit())
