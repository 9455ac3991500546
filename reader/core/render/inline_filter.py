"""Python-Markdown's inline pass, skipping the patterns that cannot match a text.

Python-Markdown tries every inline pattern (about twenty with a corpus's extensions) on every piece of text, one
regex search each, through a Registry lookup: on Material's documentation that is 680,000 tries, a third of a
page's Markdown time, and nearly all of them find nothing. Most patterns can only start with a few characters (a
backtick, `*`, `[`, `:`, `=`...): which ones is read off the compiled regex once, and a pattern none of whose
first characters occurs in the text is skipped exactly as a try that finds nothing would be (next pattern, search
from the start). Patterns whose first character cannot be known (a character class, case-insensitive letters, an
optional start) are always tried. The output is Python-Markdown's own (the tests convert the same text both ways).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from markdown import inlinepatterns, util
from markdown.treeprocessors import InlineProcessor

MAX_FIRST_CHARS = 24  # more than this and checking them costs about what trying the regex does
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when that cannot be said for sure."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        chars, nullable = _sequence(list(parsed))
    except Exception:  # an internal of `re` we do not know: no filter, the pattern is always tried
        return None
    if chars is None or nullable or not chars or len(chars) > MAX_FIRST_CHARS:
        return None
    if (parsed.state.flags | _scoped_flags(list(parsed))) & re.IGNORECASE and any(
        c.lower() != c.upper() or not c.isascii() for c in chars
    ):
        return None  # case folding reaches beyond swapcase (K and the Kelvin sign): no filter
    return frozenset(chars)


def _scoped_flags(items: list[tuple[Any, Any]]) -> int:
    flags = 0
    for op, av in items:
        if op is sre.SUBPATTERN:
            flags |= av[1] | _scoped_flags(list(av[3]))
        elif op in _REPEATS:
            flags |= _scoped_flags(list(av[2]))
        elif op is sre.BRANCH:
            for alt in av[1]:
                flags |= _scoped_flags(list(alt))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            flags |= _scoped_flags(list(av[1]))
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            flags |= _scoped_flags(list(av))
    return flags


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty string); None: unknown."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return set(), True  # consumes nothing: the first character is what follows
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < MAX_FIRST_CHARS:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None, False  # negated sets, categories (\w), wide ranges
        return chars, False
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in _REPEATS:
        low, _, body = av
        chars_, nullable = _sequence(list(body))
        return (None, False) if chars_ is None else (chars_, nullable or low == 0)
    if op is sre.BRANCH:
        union: set[str] = set()
        empty = False
        for alt in av[1]:
            chars_, nullable = _sequence(list(alt))
            if chars_ is None:
                return None, False
            union |= chars_
            empty = empty or nullable
        return union, empty
    return None, False  # ANY, NOT_LITERAL, group references, conditionals...


class FilteredInlineProcessor(InlineProcessor):
    """Python-Markdown's InlineProcessor with the skip above (registered as `inline` in its place)."""

    def __init__(self, md: Any) -> None:
        super().__init__(md)
        self._first: dict[int, tuple[Any, frozenset[str] | None]] = {}
        self._patterns: list[tuple[Any, frozenset[str] | None]] = []

    def _known(self, pattern: Any) -> frozenset[str] | None:
        if not isinstance(pattern, inlinepatterns.InlineProcessor):
            return None  # an old-style Pattern matches from a `.*?` prefix: always tried
        compiled = pattern.getCompiledRegExp()
        seen = self._first.get(id(pattern))
        if seen is None or seen[0] is not compiled:
            seen = self._first[id(pattern)] = (compiled, first_chars(compiled))
        return seen[1]

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        # The registry in its priority order, as Registry.__getitem__ gives it, looked up once per page.
        self._patterns = [(pattern, self._known(pattern)) for pattern in self.inlinePatterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, index: int = 0) -> str:
        """InlineProcessor.__handleInline (its own methods call it by this name), with patterns that cannot match
        `data` skipped."""
        if not isinstance(data, util.AtomicString):
            start = 0
            patterns = self._patterns
            apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
            while index < len(patterns):
                pattern, chars = patterns[index]
                if chars is not None and not any(c in data for c in chars):
                    index += 1  # what a try without a match does
                    start = 0
                    continue
                data, matched, start = apply(pattern, data, index, start)
                if not matched:
                    index += 1
        return data
