"""Word-level differences between two texts.

Texts are compared as sequences of words (split at white space), so a change of line breaks, spacing or markup
around the same words is no change. difflib's SequenceMatcher (stdlib, Ratcliff-Obershelp) finds the longest
common runs, which reads as a person would mark the change; `autojunk` is off because in prose the frequent words
("de", "het") are exactly the ones that must still line up.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

KEEP, INSERT, DELETE = "=", "+", "-"

Op = tuple[str, str]  # (KEEP | INSERT | DELETE, words joined by single spaces)


def words(text: str) -> list[str]:
    return text.split()


def same_words(old: str, new: str) -> bool:
    return words(old) == words(new)


def word_diff(old: str | Sequence[str], new: str | Sequence[str]) -> list[Op]:
    """The ops that turn `old` into `new`: runs of kept, deleted and inserted words, a deletion before the insertion
    that replaces it. Joining the KEEP and DELETE texts gives the old words, KEEP and INSERT the new ones."""
    a = words(old) if isinstance(old, str) else list(old)
    b = words(new) if isinstance(new, str) else list(new)
    ops: list[Op] = []

    def add(op: str, run: list[str]) -> None:
        if not run:
            return
        if ops and ops[-1][0] == op:
            ops[-1] = (op, ops[-1][1] + " " + " ".join(run))
        else:
            ops.append((op, " ".join(run)))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add(KEEP, a[i1:i2])
        else:
            add(DELETE, a[i1:i2])
            add(INSERT, b[j1:j2])
    return ops


def side(ops: Sequence[Op], which: str) -> str:
    """The old (`which` = DELETE) or new (`which` = INSERT) text of `ops`, words joined by single spaces."""
    return " ".join(text for op, text in ops if op in (KEEP, which))


def similarity(old: Sequence[str], new: Sequence[str]) -> float:
    """How much of two word lists is shared (0..1), for pairing a section or page that moved and changed."""
    if not old and not new:
        return 1.0
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return matcher.quick_ratio()
    return matcher.ratio()
