"""The corpus vocabulary of an index: prefix completion and spelling suggestions ("Bedoelde je: ...").

Read on first use (the first keystroke), not when the index opens.
"""

from __future__ import annotations

import bisect
import logging
import re
import zlib
from pathlib import Path
from typing import Iterator, Sequence

from reader.core.search.dutch import STOP_WORDS
from reader.core.search.query import Clause
from reader.core.search.storage import VOCAB_FILE, _read_z
from reader.core.search.typos import TypedWord, max_distance

log = logging.getLogger("reader.search")

PREFIX_COMPLETIONS = 8  # the last word while typing expands to at most this many known words (FIELD-NOTES trap)
PREFIX_SCAN = 400  # ... chosen by document frequency among at most this many words with that prefix
# Typo correction compares a word with at most this many corpus words sharing its first two letters, then as many
# sharing its first letter: a count, not a time budget, so a correction never depends on the machine's load.
CORRECTION_SCAN = 3000
CORRECTION_CACHE = 512


class Vocabulary:
    """Folded, unstemmed words of the corpus with the number of pages that use each (VOCAB_FILE)."""

    def __init__(self, index_dir: Path) -> None:
        self._dir = index_dir
        self._words: list[str] = []
        self._df_map: dict[str, int] | None = None
        self._corrections: dict[str, str | None] | None = None

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
        for clause, w in words[:6]:
            if len(w) < 4 or self.df(w) > 0:
                continue
            if clause.prefix and self.completions(w, 1):
                continue  # an unfinished word, not a typo
            best = self.correction(w)
            if best:
                new = _replace_word(replaced, clause.text, best)
                if new != replaced:
                    replaced, changed = new, True
        return replaced if changed else None

    def correction(self, w: str) -> str | None:
        """The corpus word closest to `w` by weighted edit distance (see typos.py), within max_distance(w); among
        equals the one used on most pages. Candidates share the first two letters (typos rarely hit them), else the
        first, and have about the same length; at most CORRECTION_SCAN of each are compared."""
        if len(w) > 40:
            return None
        if self._corrections is None:
            self._corrections = {}
        if w in self._corrections:
            return self._corrections[w]
        limit = max_distance(w)
        best: tuple[float, int, str] | None = None
        if limit > 0:
            typed = TypedWord(w)
            for prefix in (w[:2], w[:1]):
                for n, cand in enumerate(self._with_prefix(prefix)):
                    if n >= CORRECTION_SCAN:
                        break
                    if abs(len(cand) - len(w)) > 2 or cand == w or cand in STOP_WORDS:
                        continue
                    if len(prefix) == 1 and cand[1:2] == w[1:2]:
                        continue  # seen in the first round
                    # once a word is found, only a closer or as close one matters (the margin outweighs rounding)
                    reach = limit if best is None else min(limit, best[0] + 1e-5)
                    d = typed.distance(cand, reach)
                    if d <= reach:
                        key = (round(d, 6), -self.df(cand), cand)
                        if best is None or key < best:
                            best = key
                if best is not None:
                    break
        found = best[2] if best else None
        if len(self._corrections) >= CORRECTION_CACHE:
            self._corrections.clear()
        self._corrections[w] = found
        return found


def _replace_word(query: str, old: str, new: str) -> str:
    """Replace the first occurrence of `old` in the query (case-insensitively), keeping the rest as typed."""
    m = re.search(re.escape(old), query, flags=re.IGNORECASE)
    if not m:
        return query
    return query[: m.start()] + new + query[m.end():]
