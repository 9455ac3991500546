"""Phrase checks: the search field has no positions, so a phrase is an And of its words confirmed on the stored
section text, best-scored candidates first. A compound the index splits spans the positions of its parts (see
`DutchTokenizer.spans`): the phrase "kwartaalverslag beheer" is in "het kwartaalverslag beheer" although the
index puts `beheer` after `verslag`, two positions after `kwartaalverslag`."""

from __future__ import annotations

import heapq
from typing import Any

from whoosh import query as wq

from reader.core.search.analysis import DutchTokenizer, _phrase_tokenizer, _search_parts, analyze_word
from reader.core.search.dutch import fold
from reader.core.search.storage import _decompress

# Only counts bound the checks (never time), so the same query gives the same results under any load; a candidate
# costs ~0.2 ms for a typical section.
PHRASE_CHECKS = 400  # candidates checked at most
PHRASE_ENOUGH = 100  # ... stop once this many have the phrase (more than a result list shows)


_VOWELS = frozenset("aeiou")


def text_forms(stem: str) -> tuple[str, ...]:
    """What a folded text has where it has a word with this stem. A stem is nearly always a prefix of its word,
    but the Snowball Dutch stemmer undoubles the vowel of a last syllable (beheer -> beher, kwartaal -> kwartal)
    and turns -heden into -heid (snelheden -> snelheid): then the word has the stem with that vowel doubled again,
    or with -heden. (Checked on every word of the corpora in ../shared/corpora: each has one of these.)"""
    forms = [stem]
    if len(stem) >= 3 and stem[-2] in "aeou" and stem[-1] not in _VOWELS:
        forms.append(stem[:-1] + stem[-2:])
    if stem.endswith("heid"):
        forms.append(stem[:-4] + "heden")
    return tuple(forms)


class PhraseChecks:
    """Mixed into SearchIndex."""

    _texts: Any
    _zdict: bytes
    _docpage: Any
    _pages: dict[str, Any]
    _qdecompounder: Any
    _page_titles: list[str]

    def _section(self, docnum: int) -> tuple[str, str, str, int, int]:
        raise NotImplementedError  # SearchIndex's

    def _is_word(self, w: str) -> bool:
        raise NotImplementedError  # SearchIndex's

    def _whoosh_scores(self, q: wq.Query, restrict: Any = None) -> dict[int, float]:
        raise NotImplementedError  # SearchIndex's

    def _split_phrase(self, folded: list[str], stems: list[str]) -> list[str] | None:
        """The stems of a phrase with its compounds written as their parts, when it has any (the same split as for
        a single word typed as a compound): "kwartaalverslag beheer" also finds "kwartaal-verslag beheer"."""
        out: list[str] = []
        for w in folded:
            s = analyze_word(w)
            if not s:
                continue
            parts = self._qdecompounder.split(w) if not self._is_word(w) or len(w) >= 12 else None
            pstems = [p for p in (analyze_word(x) for x in parts or ()) if p]
            out.extend(pstems if len(pstems) > 1 else [s])
        return out if out != stems else None

    def _title_phrase_scores(self, q: wq.Phrase, restrict: Any = None) -> dict[int, float]:
        """A phrase in a title field (`titel:`, `sectie:`): an And of its words scored by Whoosh (the same score
        as its Phrase), kept where the title has the phrase. Not Whoosh's Phrase: the positions it checks put the
        word after a split compound two places after the compound."""
        both = self._whoosh_scores(wq.And([wq.Term(q.fieldname, w) for w in q.words]), restrict)
        tokenizer = _phrase_tokenizer(self._qdecompounder)
        out: dict[int, float] = {}
        for docnum, sc in both.items():
            if q.fieldname == "ptitle":
                page_no = self._docpage[docnum] if docnum < len(self._docpage) else -1
                title = self._page_titles[page_no] if 0 <= page_no < len(self._page_titles) else ""
            else:
                title = self._section(docnum)[2]
            if self._window_has_phrase(tokenizer, title, list(q.words)):
                out[docnum] = q.boost * sc
        return out

    def _verify_phrase(self, scores: dict[int, float], stems: list[str]) -> dict[int, float]:
        """Keep the sections whose text has the phrase. Best-scored first, within a budget: on a huge corpus where
        every section has all the words, the first PHRASE_CHECKS candidates decide."""
        out: dict[int, float] = {}
        # ties broken by document number, so which candidates are checked does not depend on dict order
        ranked = heapq.nlargest(PHRASE_CHECKS, scores.items(), key=lambda kv: (kv[1], -kv[0]))
        for docnum, sc in ranked:
            if len(out) >= PHRASE_ENOUGH:
                break
            if self._has_phrase(docnum, stems):
                out[docnum] = sc
        return out

    def _has_phrase(self, docnum: int, stems: list[str]) -> bool:
        page, _anchor, stitle, offset, length = self._section(docnum)
        text = _decompress(self._texts[offset: offset + length], self._zdict)
        page_no = self._docpage[docnum] if docnum < len(self._docpage) else -1
        info = self._pages.get(page, ("", (), 1.0, ""))
        first = docnum == 0 or (docnum > 0 and self._docpage[docnum - 1] != page_no)
        tokenizer = _phrase_tokenizer(self._qdecompounder)
        # Parts are separate (the index leaves a gap between them), so a phrase lies inside one part. A part that
        # lacks a word with one of the stems (`text_forms`) cannot hold the phrase, and only a window around each
        # occurrence of the first word needs tokenizing.
        keys = [text_forms(st) for st in stems]
        for _boost, part in _search_parts(info[0], stitle, text, info[3], info[1], first):
            folded = fold(part)
            if not all(any(f in folded for f in forms) for forms in keys):
                continue
            checked = 0
            for form in keys[0]:
                start = 0
                while checked < 64:
                    i = folded.find(form, start)
                    if i < 0:
                        break
                    checked += 1
                    lo = folded.rfind(" ", 0, max(0, i - 200)) + 1
                    hi = folded.find(" ", i + 200 + 40 * len(stems))
                    if self._window_has_phrase(tokenizer, part[lo: hi if hi >= 0 else len(part)], stems):
                        return True
                    start = i + 1
        return False

    @staticmethod
    def _window_has_phrase(tokenizer: "DutchTokenizer", window: str, stems: list[str]) -> bool:
        spans: dict[str, list[tuple[int, int]]] = {}
        for term, first, last in tokenizer.spans(window):
            spans.setdefault(term, []).append((first, last))
        # The last positions the phrase so far can end at; the next word must start right after one of them.
        ends = {last for _first, last in spans.get(stems[0], ())}
        for t in stems[1:]:
            if not ends:
                return False
            ends = {last for first, last in spans.get(t, ()) if first - 1 in ends}
        return bool(ends)
