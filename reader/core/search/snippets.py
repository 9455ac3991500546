"""Snippets and highlight terms: the marking rule shared with resources/js/highlight.js."""

from __future__ import annotations

import html
import re
from typing import Sequence

from reader.core.search.dutch import fold

SNIPPET_CHARS = 220

# --- snippets and highlight terms ----------------------------------------------------------------------------------


def word_matches(word: str, terms: Sequence[str]) -> bool:
    """The marking rule shared with resources/js/highlight.js: a folded word is marked when it starts with a term,
    or contains a term of at least 5 letters (the tail of a compound: informatie*beveil*iging)."""
    for t in terms:
        if word.startswith(t) or (len(t) >= 5 and t in word):
            return True
    return False


def _term_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alts = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(r"[^\W_]*(?:" + alts + r")[^\W_]*")


def make_snippet(text: str, terms: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """Escaped HTML: the densest `width`-character window of `text`, matched words in <mark>."""
    text = " ".join(text.split())
    if not text:
        return ""
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []
    pattern = _term_pattern(terms)
    if pattern is not None:
        for m in pattern.finditer(folded):
            w = m.group(0)
            if word_matches(w, terms):
                spans.append((m.start(), m.end(), w))
            if len(spans) >= 400:
                break
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        # The window that starts at a match and covers the most distinct matched words.
        best, best_i = -1, 0
        j = 0
        for i, (s, _e, _w) in enumerate(spans):
            while j < len(spans) and spans[j][1] <= s + width:
                j += 1
            distinct = len({w for _s, _e, w in spans[i:j]}) * 100 + (j - i)
            if distinct > best:
                best, best_i = distinct, i
        start = max(0, spans[best_i][0] - 40)
        end = min(len(text), start + width)
    # Snap to word boundaries.
    if start > 0:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if sp >= 0 and start - sp < 30 else start
    if end < len(text):
        sp = text.find(" ", end)
        end = sp if 0 <= sp < end + 30 else end
    out: list[str] = ["…"] if start > 0 else []
    pos = start
    for s, e, _w in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s], quote=False))
        out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end], quote=False))
    if end < len(text):
        out.append("…")
    return "".join(out)
