"""Phrase checks: the search field has no positions, so a phrase is an And of its words confirmed on the stored
section text, best-scored candidates first."""

from __future__ import annotations

import heapq
from typing import Any

from reader.core.search.analysis import DutchTokenizer, _phrase_tokenizer, _search_parts
from reader.core.search.dutch import fold
from reader.core.search.storage import _decompress

# Only counts bound the checks (never time), so the same query gives the same results under any load; a candidate
# costs ~0.2 ms for a typical section.
PHRASE_CHECKS = 400  # candidates checked at most
PHRASE_ENOUGH = 100  # ... stop once this many have the phrase (more than a result list shows)


class PhraseChecks:
    """Mixed into SearchIndex."""

    _texts: Any
    _zdict: bytes
    _docpage: Any
    _pages: dict[str, Any]
    _qdecompounder: Any

    def _section(self, docnum: int) -> tuple[str, str, str, int, int]:
        raise NotImplementedError  # SearchIndex's

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
        # Parts are separate (the index leaves a gap between them), so a phrase lies inside one part. A stem is
        # (nearly always) a prefix of its word, so a part without all stems as substrings cannot hold the phrase,
        # and only a window around each occurrence of the first stem needs tokenizing.
        for _boost, part in _search_parts(info[0], stitle, text, info[3], info[1], first):
            folded = fold(part)
            if not all(st in folded for st in stems):
                continue
            start = 0
            for _ in range(64):
                i = folded.find(stems[0], start)
                if i < 0:
                    break
                lo = folded.rfind(" ", 0, max(0, i - 200)) + 1
                hi = folded.find(" ", i + 200 + 40 * len(stems))
                if self._window_has_phrase(tokenizer, part[lo: hi if hi >= 0 else len(part)], stems):
                    return True
                start = i + 1
        return False

    @staticmethod
    def _window_has_phrase(tokenizer: "DutchTokenizer", window: str, stems: list[str]) -> bool:
        positions: dict[str, set[int]] = {}
        for term, pos, _boost in tokenizer.postings(window):
            positions.setdefault(term, set()).add(pos)
        return any(all(p + i in positions.get(t, ()) for i, t in enumerate(stems[1:], 1))
                   for p in positions.get(stems[0], ()))
