"""Questions and long queries: question words and filler are not required, and a long query ranks sections by how
many of its content words they have (a minimum-should-match), BM25 over the rest.

    hoe maak ik mijn website toegankelijk   ->  content words: maak, website, toegankelijk (2 of 3 must match)
    how do I add a dark mode toggle         ->  content words: add, dark, mode, toggle (3 of 4 must match)

A section whose heading starts with the question word of the query ("Hoe pas je het toe?" for "hoe ...", "Waarom
is het belangrijk?" for "waarom ...") gets a little more: that is where guideline texts answer such questions.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from typing import Callable

from reader.core.search.analysis import analyze_word
from reader.core.search.dutch import fold
from reader.core.search.query import Clause, ParsedQuery

# Words that ask or fill, in Dutch and English: never required. (Dutch stop words are not indexed at all.)
QUESTION_WORDS = frozenset({
    "hoe", "wat", "waarom", "wanneer", "welke", "welk", "wie", "waar", "waarmee", "waarvoor", "waardoor", "hoeveel",
    "how", "what", "why", "when", "which", "who", "where", "whom", "whose",
})
FILLER_WORDS = QUESTION_WORDS | frozenset({
    # Dutch: modal and helper verbs, pronouns
    "moet", "moeten", "mag", "mogen", "kun", "kunt", "kunnen", "kan", "zal", "zullen", "wil", "wilt", "willen",
    "zou", "zouden", "doe", "doet", "ik", "mijn", "we", "wij", "ons", "onze", "jij", "jouw", "jullie", "je", "u",
    "uw", "ie", "er", "eigenlijk", "precies", "graag",
    # English
    "do", "does", "did", "should", "shall", "can", "could", "would", "will", "may", "might", "must", "i", "me",
    "my", "us", "our", "you", "your", "is", "are", "was", "were", "be", "been", "am", "a", "an", "the", "to",
    "of", "it", "its", "this", "that", "there", "and", "or", "in", "on", "for", "with", "by", "from", "about",
})
MSM_FROM = 3  # from this many content words on, a query is ranked by how many of them a section has
HEADING_ANSWER_BOOST = 1.3  # a section headed by the query's question word ("Hoe pas je het toe?")


def is_filler(clause: Clause, folded: list[str]) -> bool:
    """A bare word (not quoted, no field, not excluded) that asks or fills."""
    return not clause.phrase and clause.field is None and len(folded) == 1 and folded[0] in FILLER_WORDS


def min_should_match(n: int) -> int:
    """How many of n content words a section must have: all but one of three or four, 60% of more. (Half of four
    measured the same on the judged queries and cost 57 instead of 34 ms CPU at 10,000 pages.)"""
    return max(2, n - 1) if n <= 4 else math.ceil(n * 0.6)


def combine(parts: list[dict[int, float]], m: int) -> dict[int, float]:
    """Sections with at least m of the parts, scored by the sum of their parts' scores times (parts matched / all
    parts) squared: a section with more of the words ranks first, BM25 orders sections with as many."""
    n = len(parts)
    count: Counter[int] = Counter()
    for part in parts:
        count.update(part.keys())  # counted in C: this runs over every matching section of a long query
    out: dict[int, float] = {}
    for d, c in count.items():
        if c >= m:
            out[d] = sum(part.get(d, 0.0) for part in parts) * (c / n) ** 2
    return out


def joined_pairs(parsed: ParsedQuery, filler: list[bool], is_word: Callable[[str], bool]) -> dict[int, str]:
    """Adjacent bare words that the corpus writes as one word, in either order, with or without a linking s
    (data lek: datalek; uitwisseling gegevens: gegevensuitwisseling): group index -> the compound."""
    out: dict[int, str] = {}
    g = parsed.groups
    for i in range(len(g) - 1):
        if i - 1 in out or len(g[i]) != 1 or len(g[i + 1]) != 1 or filler[i] or filler[i + 1]:
            continue
        a, b = g[i][0], g[i + 1][0]
        if a.phrase or b.phrase or a.field or b.field:
            continue
        fa, fb = fold(a.text), fold(b.text)
        if not (fa.isalpha() and fb.isalpha()):
            continue
        for cand in (fa + fb, fa + "s" + fb, fb + fa, fb + "s" + fa):
            if is_word(cand) and analyze_word(cand):
                out[i] = cand
                break
    return out


def all_words_suffice(all_scores: dict[int, float], bounds: list[float], k: int) -> bool:
    """Whether the sections with every part (`all_scores`) already fill the k best of a MinMatch: the k-th of them
    beats the best any section with fewer parts could score (the n-1 largest part bounds, times ((n-1)/n)^2)."""
    n = len(bounds)
    if len(all_scores) < k or n < 2:
        return False
    kth = heapq.nlargest(k, all_scores.values())[-1]
    # (times the heading boost a section with fewer parts could still get in _top)
    return kth > sum(sorted(bounds, reverse=True)[: n - 1]) * ((n - 1) / n) ** 2 * HEADING_ANSWER_BOOST
