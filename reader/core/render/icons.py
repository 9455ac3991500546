"""The icon set bundled with the reader, made by `resources/icons/build_icons.py`:

- `icons.json.xz`: shortcode name (`material-cloud`, `fontawesome-solid-house`, `octicons-mark-github-16`) ->
  "viewBox|shape markup" (Material Design Icons, Font Awesome Free, Octicons from mkdocs-material);
- `twemoji.json.xz`: emoji codepoints (`1f604`, `1f1f3-1f1f1`) -> "viewBox|shape markup" (Twemoji).

The folder holding them is an argument (`icon_set(directory)`): the caller outside the core knows where it is.
Each table is read once, lazily, and only at edition build time; `icon_set` hands out one `IconSet` per folder, so
later builds in the same process reuse the tables. The markup was reduced to allowlisted SVG shapes when the bundle
was built, so it is trusted here. A missing bundle (or no folder at all) simply means no icons: they disappear
cleanly. The tables are xz-compressed: 1 MB smaller than gzip, which the frozen application's size budget needs.
"""

from __future__ import annotations

import json
import lzma
from functools import cached_property, lru_cache
from html import escape
from pathlib import Path


def _load(path: Path, key: str) -> dict[str, str]:
    if not path.is_file():
        return {}
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return dict(data.get(key, {}))


def _svg(entry: str) -> str:
    viewbox, _, body = entry.partition("|")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" aria-hidden="true" '
        f'focusable="false" fill="currentColor">{body}</svg>'
    )


class IconSet:
    """The icons and emoji of one bundle folder (None: no icons); each table is read on first use."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def __repr__(self) -> str:
        return f"IconSet({self.directory!r})"

    @cached_property
    def icons(self) -> dict[str, str]:
        return {} if self.directory is None else _load(self.directory / "icons.json.xz", "icons")

    @cached_property
    def emoji(self) -> dict[str, str]:
        return {} if self.directory is None else _load(self.directory / "twemoji.json.xz", "emoji")

    def icon_svg(self, name: str) -> str | None:
        """Inline SVG for a bundled icon shortcode name, or None when unknown."""
        entry = self.icons.get(name)
        return None if entry is None else _svg(entry)

    def emoji_svg(self, codepoints: str) -> str | None:
        """Inline SVG for an emoji given as pymdownx writes its code (`1f604`, `1f1f3-1f1f1`), or None."""
        table = self.emoji
        entry = table.get(codepoints.lower())
        if entry is None:
            # Twemoji names most emoji without the variation selector (fe0f) that the emoji index may include.
            entry = table.get("-".join(p for p in codepoints.lower().split("-") if p != "fe0f"))
        return None if entry is None else _svg(entry)

    def names(self) -> frozenset[str]:
        return frozenset(self.icons)


NO_ICONS = IconSet(None)


@lru_cache(maxsize=4)
def icon_set(directory: Path | None) -> IconSet:
    """The shared `IconSet` of `directory` (None: no icons), so its tables are read once per process."""
    return NO_ICONS if directory is None else IconSet(Path(directory))
