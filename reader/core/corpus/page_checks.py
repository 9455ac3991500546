"""Cheap checks on a page's text before Python-Markdown sees it, and a front matter loader that sees duplicate keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

# Python-Markdown's cost grows steeply with nesting (a list 1,000 levels deep in a 2 MB page took 68-111 s and
# 780 MB); real pages nest a handful of levels.
MAX_NESTING = 50
_TAB = 4  # Python-Markdown's tab_length: one nesting level per four columns


def too_deep(body: str, limit: int = MAX_NESTING) -> tuple[int, int] | None:
    """(0-based line, depth) of the first line nesting lists and block quotes deeper than `limit`, or None.

    The depth of a line is its indentation in levels plus the `>` and list markers that open it: linear in the
    text, never more than Markdown would nest. Fenced code is counted too (an unclosed fence is no fence).
    """
    for index, line in enumerate(body.split("\n")):
        if not line or line[0] not in " \t>-*+0123456789":
            continue
        depth = _depth(line)
        if depth > limit:
            return index, depth
    return None


def _depth(line: str) -> int:
    column = quotes = markers = 0
    i, n = 0, len(line)
    while i < n:
        char = line[i]
        if char == " ":
            column += 1
        elif char == "\t":
            column += _TAB - column % _TAB
        elif char == ">":
            quotes += 1
        elif char in "-*+" and (i + 1 == n or line[i + 1] in " \t"):
            markers += 1
        elif char.isdigit():
            j = i
            while j < n and j - i < 9 and line[j].isdigit():
                j += 1
            if j < n and line[j] in ".)" and (j + 1 == n or line[j + 1] in " \t"):
                markers += 1
                i = j
            else:
                break
        else:
            break
        i += 1
    return column // _TAB + quotes + markers


if TYPE_CHECKING:
    _Loader = yaml.SafeLoader
else:
    _Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # a safe loader, in C where PyYAML has it


class FrontMatterLoader(_Loader):
    """The safe loader, noting every mapping key given twice: PyYAML silently keeps the last one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []  # (key, first line, second line), 0-based

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = (key_node.tag, str(key_node.value))  # `1` and `"1"` are different keys
            line = key_node.start_mark.line
            if key in seen:
                self.duplicates.append((key[1], seen[key], line))
            else:
                seen[key] = line
        return super().construct_mapping(node, deep)


def load_front_matter(text: str) -> tuple[Any, list[tuple[str, int, int]]]:
    """The YAML value of a front matter text and its duplicate keys. Raises what PyYAML raises."""
    loader = FrontMatterLoader(text)
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()
