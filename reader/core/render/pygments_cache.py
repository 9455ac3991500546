"""Pygments' per-block set-up, paid once per process instead of once per code block.

pymdownx.highlight makes a lexer and an HTML formatter for every fence. Two parts of that are the same every time:
- `get_lexer_by_name` scans Pygments' table of ~600 lexers for the alias (0.2 ms a block); the class it finds is
  remembered per alias (an unknown alias too, so it is not scanned again), and a fresh lexer with the block's options
  is made from it as before;
- `HtmlFormatter.__init__` rebuilds the token-to-class table of its style (0.2 ms a block); the tables depend only on
  the style and the class prefix, and Pygments only reads them after, so they are shared.
The output is unchanged (the tests build the shared corpora and compare). `install()` is idempotent.
"""

from __future__ import annotations

from typing import Any

_installed = False
_MISSING = object()


def install() -> None:
    global _installed
    if _installed:
        return
    from pygments.formatters.html import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    from pymdownx import highlight

    classes: dict[str, Any] = {}

    def cached_get_lexer_by_name(alias: str, **options: Any) -> Any:
        cls = classes.get(alias, _MISSING)
        if cls is _MISSING:
            try:
                cls = type(get_lexer_by_name(alias))
            except ClassNotFound:
                cls = None
            classes[alias] = cls
        if cls is None:
            raise ClassNotFound(f"no lexer for alias {alias!r} found")
        return cls(**options)

    create = HtmlFormatter._create_stylesheet
    sheets: dict[tuple[Any, str], tuple[dict[Any, str], dict[str, Any]]] = {}

    def cached_create_stylesheet(self: Any) -> None:
        key = (self.style, self.classprefix)
        sheet = sheets.get(key)
        if sheet is None:
            create(self)
            sheets[key] = (self.ttype2class, self.class2style)
        else:
            self.ttype2class, self.class2style = sheet

    highlight.get_lexer_by_name = cached_get_lexer_by_name
    HtmlFormatter._create_stylesheet = cached_create_stylesheet
    _installed = True
