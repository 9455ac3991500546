"""Heading ids the way Python-Markdown's `toc` extension makes them, for ids the reader derives itself (an anchor
suggested for a near miss). The ids of a page come from its Markdown pass (reader.core.render.single_pass)."""

from __future__ import annotations

from markdown.extensions import toc as _toc

TOC_SEPARATOR = "-"


def slugify_heading(text: str) -> str:
    """The id `toc` gives a heading with this plain text (before de-duplication)."""
    return _toc.slugify(text, TOC_SEPARATOR)


def unique_anchor(anchor: str, used: set[str]) -> str:
    """`anchor`, or `anchor_1`, `anchor_2`... the way `toc` de-duplicates ids within one page."""
    return _toc.unique(anchor, used)
