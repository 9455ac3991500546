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


SHORT_KEEP = 2  # a kept run of at most this many words between two larger changes is shown as changed


def word_diff(old: str | Sequence[str], new: str | Sequence[str]) -> list[Op]:
    """The ops that turn `old` into `new`: runs of kept, deleted and inserted words, a deletion before the insertion
    that replaces it. Joining the KEEP and DELETE texts gives the old words, KEEP and INSERT the new ones.

    A rewritten passage shares its small words ("de", "voor") with the old one by chance; kept runs of one or two
    words between two larger changes are folded into them, so it reads as one replacement, not as confetti."""
    a = words(old) if isinstance(old, str) else list(old)
    b = words(new) if isinstance(new, str) else list(new)
    # Segments: a kept run (words, None) or a change (deleted words, inserted words).
    segments: list[tuple[list[str], list[str] | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append((a[i1:i2], None))
            continue
        deleted, inserted = a[i1:i2], b[j1:j2]
        if segments and segments[-1][1] is not None:
            last_deleted, last_inserted = segments.pop()
            deleted, inserted = last_deleted + deleted, (last_inserted or []) + inserted
        if len(segments) >= 2 and segments[-2][1] is not None:
            kept = segments[-1][0]
            before_del, before_ins = segments[-2][0], segments[-2][1] or []
            if len(kept) <= SHORT_KEEP and len(kept) < max(len(before_del), len(before_ins)) and len(kept) < max(
                len(deleted), len(inserted)
            ):
                segments.pop()
                segments.pop()
                deleted, inserted = before_del + kept + deleted, before_ins + kept + inserted
        segments.append((deleted, inserted))
    ops: list[Op] = []
    for first, second in segments:
        if second is None:
            ops.append((KEEP, " ".join(first)))
            continue
        if first:
            ops.append((DELETE, " ".join(first)))
        if second:
            ops.append((INSERT, " ".join(second)))
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
