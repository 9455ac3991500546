"""Typo correction against the corpus vocabulary: a weighted edit distance with cheap Dutch and keyboard errors.

A word that is not in the corpus is compared with corpus words that share its first letter and about its length.
The distance is an optimal string alignment (insert, delete, substitute, swap two neighbours: 1 each) where likely
typing and spelling errors cost less:
- a substitution by a key next to it on a QWERTY keyboard (`toegankelijkjeid`): KEY_NEIGHBOUR;
- a doubled or undoubled letter (`standarden`, `tooltipps`): DOUBLE_LETTER;
- two neighbours swapped (`toegankelijkhied`): SWAP;
- Dutch spelling confusions, both ways (CONFUSIONS): ij/y, ei/ij, dt/d/t, ...

The allowed distance grows with the word (max_distance). All bounds are counts, never time, so the same word gets
the same correction under any load.

A correction scan compares one typed word with up to thousands of corpus words, nearly all of them far off (a Dutch
typo against an English vocabulary). TypedWord prepares the typed word once and skips a corpus word whose letter
counts alone put it out of reach (COUNT_WEIGHT, a lower bound); the others get the table. The distances are those
of the full table (tests/core/test_search_typos_speed.py keeps it as the reference).
"""

from __future__ import annotations

KEY_NEIGHBOUR = 0.6
DOUBLE_LETTER = 0.5
SWAP = 0.7
# (written, meant, cost); each pair works both ways.
CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("ij", "y", 0.3), ("ei", "ij", 0.3), ("ei", "y", 0.4), ("ie", "y", 0.5), ("i", "y", 0.5),
    ("dt", "d", 0.3), ("dt", "t", 0.3), ("d", "t", 0.5),
    ("c", "k", 0.5), ("c", "s", 0.5), ("ou", "au", 0.4), ("x", "ks", 0.5), ("ph", "f", 0.5), ("g", "ch", 0.5),
)
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _key_neighbours() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for r, row in enumerate(_KEY_ROWS):
        for c, k in enumerate(row):
            near = [row[c - 1] if c > 0 else "", row[c + 1] if c + 1 < len(row) else ""]
            if r + 1 < len(_KEY_ROWS):  # the row below is shifted right: key c touches c-1 and c below it
                below = _KEY_ROWS[r + 1]
                near += [below[i] for i in (c - 1, c) if 0 <= i < len(below)]
            for n in near:
                if n:
                    pairs.update({(k, n), (n, k)})
    return frozenset(pairs)


_NEIGHBOURS = _key_neighbours()
_CONFUSIONS = tuple({(a, b, c) for x, y, c in CONFUSIONS for a, b in ((x, y), (y, x))})
_BY_WRITTEN: dict[str, tuple[tuple[str, float], ...]] = {
    x: tuple((y, c) for x2, y, c in sorted(_CONFUSIONS) if x2 == x) for x, _y, _c in _CONFUSIONS}

# A lower bound of the distance from letter counts alone: each letter has a weight such that no edit changes the
# weighted count difference by more than it costs (a substitution x->y by at most the weights of x and y, a
# confusion by those of the letters it adds and removes, a swap not at all; test_search_typos_speed.py checks every
# edit). So the weighted difference never exceeds the distance, and a corpus word whose difference is above the
# limit is out of reach without the table. Letters in the cheap confusions weigh little, the others more; letters
# not listed weigh COUNT_WEIGHT_OTHER (any edit of them costs at least DOUBLE_LETTER).
COUNT_WEIGHT: dict[str, float] = {
    "i": 0.1, "j": 0.1, "y": 0.1, "h": 0.1, "x": 0.0, "g": 0.15, "e": 0.2, "a": 0.2, "o": 0.2, "p": 0.2, "f": 0.2,
    "d": 0.25, "t": 0.25, "c": 0.25, "k": 0.25, "s": 0.25,
    "b": 0.3, "m": 0.3, "n": 0.3, "q": 0.3, "v": 0.3, "w": 0.3, "l": 0.35, "r": 0.35, "z": 0.35, "u": 0.5,
}
COUNT_WEIGHT_OTHER = DOUBLE_LETTER


def max_distance(word: str) -> float:
    """How far a correction may be: none for short words, up to 2 for long ones."""
    n = len(word)
    if n < 4:
        return 0.0
    if n < 6:
        return 1.0
    if n < 9:
        return 1.5
    return 2.0


class TypedWord:
    """A typed word prepared once to be compared with many corpus words (a correction scan): per row of the table
    its deletion cost and the confusions that end there, and its weighted letter counts for the lower bound."""

    __slots__ = ("word", "_del", "_conf", "_counts")

    def __init__(self, a: str) -> None:
        self.word = a
        la = len(a)
        # a letter of `a` that doubles its neighbour is cheap to drop
        self._del = [DOUBLE_LETTER if (i > 1 and a[i - 2] == a[i - 1]) or (i < la and a[i] == a[i - 1]) else 1.0
                     for i in range(la + 1)]
        # per row i: meant side y -> (rows back, cost) of the written sides x that end at letter i
        self._conf: list[dict[str, list[tuple[int, float]]]] = []
        for i in range(la + 1):
            here: dict[str, list[tuple[int, float]]] = {}
            for lx in (1, 2):
                for y, c in _BY_WRITTEN.get(a[i - lx:i], ()) if lx <= i else ():
                    here.setdefault(y, []).append((lx, c))
            self._conf.append(here)
        self._counts: dict[str, int] = {}
        for ch in a:
            self._counts[ch] = self._counts.get(ch, 0) + 1

    def bound(self, b: str) -> float:
        """A lower bound of distance(b): the weighted difference of the letter counts (see COUNT_WEIGHT)."""
        diff = self._counts.copy()
        for ch in b:
            diff[ch] = diff.get(ch, 0) - 1
        total = 0.0
        for ch, n in diff.items():
            if n:
                total += COUNT_WEIGHT.get(ch, COUNT_WEIGHT_OTHER) * (n if n > 0 else -n)
        return total

    def distance(self, b: str, limit: float) -> float:
        """weighted_distance(word, b, limit): exact up to `limit`, above it some value above it."""
        a = self.word
        if a == b:
            return 0.0
        inf = limit + 1.0
        if self.bound(b) > limit + 1e-9:  # the slack outweighs float sums (0.1 + 0.1 + 0.1 > 0.3)
            return inf
        la, lb = len(a), len(b)
        ins = [DOUBLE_LETTER if (j > 1 and b[j - 2] == b[j - 1]) or (j < lb and b[j] == b[j - 1]) else 1.0
               for j in range(lb + 1)]
        ends2 = [b[j - 2:j] if j > 1 else "" for j in range(lb + 1)]
        row = [0.0] * (lb + 1)
        for j in range(1, lb + 1):
            row[j] = row[j - 1] + (DOUBLE_LETTER if j > 1 and b[j - 1] == b[j - 2] else 1.0)
        rows = [row]
        up_min = 0.0
        for i in range(1, la + 1):
            ai = a[i - 1]
            ai2 = a[i - 2] if i > 1 else ""
            del_cost = self._del[i]
            conf = self._conf[i]
            up = row
            row = [0.0] * (lb + 1)
            best = row[0] = up[0] + del_cost
            # each cell is the minimum of the same sums as in a full table, so the values are the same
            for j in range(1, lb + 1):
                bj = b[j - 1]
                v = up[j] + del_cost
                t = row[j - 1] + ins[j]
                if t < v:
                    v = t
                t = up[j - 1] if ai == bj else up[j - 1] + (KEY_NEIGHBOUR if (ai, bj) in _NEIGHBOURS else 1.0)
                if t < v:
                    v = t
                if ai2 == bj and ai != bj and j > 1 and ai == b[j - 2]:
                    t = rows[i - 2][j - 2] + SWAP
                    if t < v:
                        v = t
                if conf:
                    for y, ly in ((bj, 1), (ends2[j], 2)):
                        for lx, c in conf.get(y, ()):
                            t = rows[i - lx][j - ly] + c
                            if t < v:
                                v = t
                row[j] = v
                if v < best:
                    best = v
            # a confusion can jump over one row: stop only when two rows in a row are out of reach
            if best > limit and (i == 1 or up_min > limit):
                return inf
            rows.append(row)
            up_min = best
        return row[lb]


def weighted_distance(a: str, b: str, limit: float) -> float:
    """Weighted optimal string alignment distance from typed `a` to corpus word `b`; above `limit` it gives up and
    returns a value above it. To compare one word with many, make a TypedWord once."""
    return TypedWord(a).distance(b, limit)
