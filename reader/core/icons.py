"""The icon set bundled with the reader: `resources/icons/icons.json.gz`, made by `resources/icons/build_icons.py`.

The file maps a shortcode name (`material-cloud`, `fontawesome-solid-house`, `octicons-mark-github-16`) to a
compact SVG (viewBox + path data). It is read once, lazily; a missing bundle simply means no icons.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from html import escape
from pathlib import Path

from reader import paths

def _bundle_path() -> Path:
    return paths.icons_dir() / "icons.json.gz"


@lru_cache(maxsize=1)
def _icons() -> dict[str, str]:
    path = _bundle_path()
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return dict(data.get("icons", {}))


def known(name: str) -> bool:
    return name in _icons()


def icon_svg(name: str) -> str | None:
    """Inline SVG markup for a bundled icon (trusted: it comes from our bundle), or None when unknown."""
    inner = _icons().get(name)
    if inner is None:
        return None
    # Stored as "viewBox|inner markup"; the inner markup was reduced to <path d=...> elements at build time.
    viewbox, _, body = inner.partition("|")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" aria-hidden="true" '
        f'focusable="false" fill="currentColor">{body}</svg>'
    )


def names() -> frozenset[str]:
    return frozenset(_icons())
