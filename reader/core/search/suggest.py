"""The corpus vocabulary of an index: prefix completion and spelling suggestions ("Bedoelde je: ...").

Read on first use (the first keystroke), not when the index opens.
"""

from __future__ import annotations

import bisect
import logging
import re
import time
import zlib
from pathlib import Path
from typing import Iterator, Sequence

from reader.core.search.dutch import STOP_WORDS
from reader.core.search.query import Clause
from reader.core.search.storage import VOCAB_FILE, _read_z

log = logging.getLogger("reader.search")

PREFIX_COMPLETIONS = 8  # the last word while typing expands to at most this many known words (FIELD-NOTES trap)
PREFIX_SCAN = 400  # ... chosen by document frequency among at most this many words with that prefix
SUGGEST_BUDGET_S = 0.03


class Vocabulary:
    """Folded, unstemmed words of the corpus with the number of pages that use each (VOCAB_FILE)."""

    def __init__(self, index_dir: Path) -> None:
        self._dir = index_dir
        self._words: list[str] = []
        self._df_map: dict[str, int] | None = None


    def _load(self) -> None:
        """Read the vocabulary on first use (the first keystroke), not at open."""
        words_: list[str] = []
        df: dict[str, int] = {}
        try:
            for line in _read_z(self._dir / VOCAB_FILE).splitlines():
                if line:
                    w, _tab, n = line.rstrip("\n").partition("\t")
                    words_.append(w)
                    df[w] = int(n or 0)
        except (OSError, ValueError, zlib.error):
            log.warning("search vocabulary unreadable in %s; no completion or suggestions", self._dir)
        self._words, self._df_map = words_, df

    @property
    def df_map(self) -> dict[str, int]:
        if self._df_map is None:
            self._load()
        assert self._df_map is not None
        return self._df_map

    def is_word(self, w: str) -> bool:
        return w in self.df_map

    def df(self, w: str) -> int:
        return self.df_map.get(w, 0)

    def _with_prefix(self, prefix: str) -> Iterator[str]:
        if self._df_map is None:
            self._load()
        words_ = self._words
        i = bisect.bisect_left(words_, prefix)
        while i < len(words_) and words_[i].startswith(prefix):
            yield words_[i]
            i += 1

    def completions(self, prefix: str, k: int = PREFIX_COMPLETIONS) -> list[str]:
        """Up to k known words starting with `prefix` (folded), most frequent first. Bounded work."""
        if len(prefix) < 2:
            return []
        found: list[tuple[int, str]] = []
        for n, w in enumerate(self._with_prefix(prefix)):
            if n >= PREFIX_SCAN:
                break
            if w not in STOP_WORDS:
                found.append((self.df(w), w))
        found.sort(key=lambda x: (-x[0], x[1]))
        return [w for _df, w in found[:k]]

    def suggest(self, query: str, words: Sequence[tuple[Clause, str]]) -> str | None:
        """Replace unknown words by the closest frequent corpus word ("Bedoelde je: ...")."""
        replaced = query
        changed = False
        deadline = time.perf_counter() + SUGGEST_BUDGET_S
        for clause, w in words[:6]:
            if time.perf_counter() > deadline:
                break
            if len(w) < 4 or self.df(w) > 0:
                continue
            if clause.prefix and self.completions(w, 1):
                continue  # an unfinished word, not a typo
            best = self.correction(w, deadline)
            if best:
                new = _replace_word(replaced, clause.text, best)
                if new != replaced:
                    replaced, changed = new, True
        return replaced if changed else None

    def correction(self, w: str, deadline: float | None = None) -> str | None:
        """The corpus word closest to `w` (edit distance 1, else 2; a swap of two letters counts 1), the one used
        on most pages among equals. Candidates share the first two letters (typos rarely hit them), else the first;
        the work is bounded by a candidate count and a deadline."""
        if len(w) > 40:
            return None
        deadline = deadline or time.perf_counter() + SUGGEST_BUDGET_S
        maxdist = 1 if len(w) < 6 else 2
        best: tuple[int, int, str] | None = None
        for prefix in (w[:2], w[:1]):
            for n, cand in enumerate(self._with_prefix(prefix)):
                if n > 5_000 or (n % 256 == 0 and time.perf_counter() > deadline):
                    break
                if abs(len(cand) - len(w)) > maxdist or cand == w or cand in STOP_WORDS:
                    continue
                if len(prefix) == 1 and cand[1:2] == w[1:2]:
                    continue  # seen in the first round
                d = edit_distance(w, cand, maxdist)
                if d <= maxdist:
                    key = (d, -self.df(cand), cand)
                    if best is None or key < best:
                        best = key
            if best is not None:
                break
        return best[2] if best else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up above `limit`."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def _replace_word(query: str, old: str, new: str) -> str:
    """Replace the first occurrence of `old` in the query (case-insensitively), keeping the rest as typed."""
    m = re.search(re.escape(old), query, flags=re.IGNORECASE)
    if not m:
        return query
    return query[: m.start()] + new + query[m.end():]
