"""The glob syntax both navigation plugins match paths with (wcmatch's): the pieces they share.

awesome-pages adds `**` (any number of folders), awesome-nav adds extglob groups (`@(a|b)`, `!(x)`); each plugin's
module handles its own additions and hands every other character to `glob_token`.
"""

from __future__ import annotations

import re


def glob_token(pattern: str, i: int) -> tuple[str, int]:
    """The regular expression for the glob token at `pattern[i]` (`*`, `?`, `[...]` or a literal character), and the
    index after it. `*` and `?` stay within one folder, as in both plugins."""
    char = pattern[i]
    if char == "*":
        return "[^/]*", i + 1
    if char == "?":
        return "[^/]", i + 1
    if char == "[" and "]" in pattern[i + 2:]:
        end = pattern.index("]", i + 2)
        body = pattern[i + 1:end]
        negate = body[:1] in ("!", "^")
        body = body[1:] if negate else body
        return "[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]", end + 1
    return re.escape(char), i + 1
