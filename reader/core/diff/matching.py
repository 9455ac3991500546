"""Which page of the old edition is which page of the new one.

From page data alone (pages.json), never the HTML: first by id; then, among the pages left on both sides, by
content: the same section texts (the builder's section hashes), and failing that most of them. A section without
text hashes the same on every page, so it is never evidence.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from reader.core.diff.report import BY_CONTENT, BY_ID, BY_SIMILAR
from reader.core.edition import PageInfo

EMPTY = hashlib.sha256(b"").hexdigest()
SIMILAR_SHARE = 0.5  # at least this share of the larger page's sections unchanged
SIMILAR_MIN = 2  # ... and at least this many of them


@dataclass(frozen=True)
class Pair:
    old_id: str
    new_id: str
    match: str


@dataclass(frozen=True)
class Matching:
    pairs: list[Pair]
    removed: list[str]  # old ids
    added: list[str]  # new ids


def evidence(page: PageInfo) -> frozenset[str]:
    """The hashes of the page's sections that say something about it: not empty ones, and not the intro of a page
    with more sections (it holds the title, which a moved page often changes)."""
    hashes = {a: h for a, h in page.section_hashes.items() if h != EMPTY}
    if len(hashes) > 1:
        hashes.pop("", None)
    return frozenset(hashes.values())


def match_pages(old: Mapping[str, PageInfo], new: Mapping[str, PageInfo]) -> Matching:
    pairs = [Pair(i, i, BY_ID) for i in old if i in new]
    old_left = [i for i in old if i not in new]
    new_left = [i for i in new if i not in old]
    if old_left and new_left:
        pairs += _by_content(old, new, old_left, new_left)
        taken_old = {p.old_id for p in pairs}
        taken_new = {p.new_id for p in pairs}
        old_left = [i for i in old_left if i not in taken_old]
        new_left = [i for i in new_left if i not in taken_new]
    return Matching(pairs, old_left, new_left)


def _by_content(
    old: Mapping[str, PageInfo], new: Mapping[str, PageInfo], old_left: list[str], new_left: list[str]
) -> list[Pair]:
    found: list[Pair] = []
    # Exactly the same sections, when that is true of one page on each side only.
    old_keys: dict[frozenset[str], list[str]] = defaultdict(list)
    new_keys: dict[frozenset[str], list[str]] = defaultdict(list)
    for i in old_left:
        old_keys[evidence(old[i])].append(i)
    for i in new_left:
        new_keys[evidence(new[i])].append(i)
    for key, ids in old_keys.items():
        if key and len(ids) == 1 and len(new_keys.get(key, ())) == 1:
            found.append(Pair(ids[0], new_keys[key][0], BY_CONTENT))
    paired_old = {p.old_id for p in found}
    paired_new = {p.new_id for p in found}
    # Most of the same sections: score every candidate that shares one, best pairs first.
    holders: dict[str, list[str]] = defaultdict(list)
    for i in new_left:
        if i not in paired_new:
            for h in evidence(new[i]):
                holders[h].append(i)
    scored: list[tuple[float, str, str]] = []
    for i in old_left:
        if i in paired_old:
            continue
        mine = evidence(old[i])
        shared: dict[str, int] = defaultdict(int)
        for h in mine:
            for j in holders.get(h, ()):
                shared[j] += 1
        for j, count in shared.items():
            share = count / max(len(mine), len(evidence(new[j])))
            if count >= SIMILAR_MIN and share >= SIMILAR_SHARE:
                scored.append((share, i, j))
    for _share, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in paired_old and j not in paired_new:
            found.append(Pair(i, j, BY_SIMILAR))
            paired_old.add(i)
            paired_new.add(j)
    return found
