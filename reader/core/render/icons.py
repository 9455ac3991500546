"""The icon set bundled with the reader, made by `resources/icons/build_icons.py`:

- `icons.json.gz`: shortcode name (`material-cloud`, `fontawesome-solid-house`, `octicons-mark-github-16`) ->
  "viewBox|shape markup" (Material Design Icons, Font Awesome Free, Octicons from mkdocs-material);
- `twemoji.json.gz`: emoji codepoints (`1f604`, `1f1f3-1f1f1`) -> "viewBox|shape markup" (Twemoji).

Both are read once, lazily, and only at edition build time. The markup was reduced to allowlisted SVG shapes when
the bundle was built, so it is trusted here. A missing bundle simply means no icons (they disappear cleanly).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from html import escape
from pathlib import Path

from reader import paths


def _load(name: str, key: str) -> dict[str, str]:
    path: Path = paths.icons_dir() / name
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return dict(data.get(key, {}))


@lru_cache(maxsize=1)
def _icons() -> dict[str, str]:
    return _load("icons.json.gz", "icons")


@lru_cache(maxsize=1)
def _emoji() -> dict[str, str]:
    return _load("twemoji.json.gz", "emoji")


def _svg(entry: str) -> str:
    viewbox, _, body = entry.partition("|")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" aria-hidden="true" '
        f'focusable="false" fill="currentColor">{body}</svg>'
    )


def icon_svg(name: str) -> str | None:
    """Inline SVG for a bundled icon shortcode name, or None when unknown."""
    entry = _icons().get(name)
    return None if entry is None else _svg(entry)


def emoji_svg(codepoints: str) -> str | None:
    """Inline SVG for an emoji given as pymdownx writes its code (`1f604`, `1f1f3-1f1f1`), or None."""
    table = _emoji()
    entry = table.get(codepoints.lower())
    if entry is None:
        # Twemoji names most emoji without the variation selector (fe0f) that the emoji index may include.
        entry = table.get("-".join(p for p in codepoints.lower().split("-") if p != "fe0f"))
    return None if entry is None else _svg(entry)


def names() -> frozenset[str]:
    return frozenset(_icons())
