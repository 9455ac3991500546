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


def _sub_cost(x: str, y: str) -> float:
    if x == y:
        return 0.0
    return KEY_NEIGHBOUR if (x, y) in _NEIGHBOURS else 1.0


def weighted_distance(a: str, b: str, limit: float) -> float:
    """Weighted optimal string alignment distance from typed `a` to corpus word `b`; above `limit` it gives up and
    returns a value above it."""
    if a == b:
        return 0.0
    la, lb = len(a), len(b)
    inf = limit + 1.0
    d = [[0.0] * (lb + 1) for _ in range(la + 1)]
    for j in range(1, lb + 1):
        d[0][j] = d[0][j - 1] + (DOUBLE_LETTER if j > 1 and b[j - 1] == b[j - 2] else 1.0)
    for i in range(1, la + 1):
        ai = a[i - 1]
        # a letter of `a` that doubles its neighbour is cheap to drop
        del_cost = DOUBLE_LETTER if (i > 1 and a[i - 2] == ai) or (i < la and a[i] == ai) else 1.0
        row = d[i]
        row[0] = d[i - 1][0] + del_cost
        best = row[0]
        for j in range(1, lb + 1):
            bj = b[j - 1]
            ins_cost = DOUBLE_LETTER if (j > 1 and b[j - 2] == bj) or (j < lb and b[j] == bj) else 1.0
            v = min(d[i - 1][j] + del_cost, row[j - 1] + ins_cost, d[i - 1][j - 1] + _sub_cost(ai, bj))
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and ai != bj:
                v = min(v, d[i - 2][j - 2] + SWAP)
            for x, y, c in _CONFUSIONS:
                lx, ly = len(x), len(y)
                if lx <= i and ly <= j and a.endswith(x, 0, i) and b.endswith(y, 0, j):
                    v = min(v, d[i - lx][j - ly] + c)
            row[j] = v
            best = min(best, v)
        # a confusion can jump over one row: stop only when two rows in a row are out of reach
        if best > limit and (i == 1 or min(d[i - 1]) > limit):
            return inf
    return d[la][lb]
