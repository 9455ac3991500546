"""The icon set bundled with the reader, made by `resources/icons/build_icons.py`:

- `icons.json.xz`: shortcode name (`material-cloud`, `fontawesome-solid-house`, `octicons-mark-github-16`) ->
  "viewBox|shape markup" (Material Design Icons, Font Awesome Free, Octicons from mkdocs-material);
- `twemoji.json.xz`: emoji codepoints (`1f604`, `1f1f3-1f1f1`) -> "viewBox|shape markup" (Twemoji).

The folder holding them is an argument (`icon_set(directory)`): the caller outside the core knows where it is.
Each table is read once, lazily, and only at edition build time; `icon_set` hands out one `IconSet` per folder, so
later builds in the same process reuse the tables. The markup was reduced to allowlisted SVG shapes when the bundle
was built, so it is trusted here. A missing bundle (or no folder at all) simply means no icons: they disappear
cleanly. The tables are xz-compressed: 1 MB smaller than gzip, which the frozen application's size budget needs.
Decompressing and parsing them costs ~150 ms, so with a `cache` folder (the caller's user cache) each table is also
kept there decoded, as marshal data named after the compressed file's sha256 and the Python version (~5 ms to read);
a cache that is missing, stale or unreadable is simply rebuilt from the bundle.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import marshal
import os
import sys
import tempfile
from functools import cached_property, lru_cache
from html import escape
from pathlib import Path


def _load(path: Path, key: str, cache: Path | None = None) -> dict[str, str]:
    try:
        packed = path.read_bytes()
    except OSError:
        return {}
    cached = None
    if cache is not None:
        version = f"py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
        cached = cache / f"{path.name}-{hashlib.sha256(packed).hexdigest()[:24]}-{version}.marshal"
        try:
            table = marshal.loads(cached.read_bytes())
            if isinstance(table, dict):
                return table
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not there yet, or damaged: decoded again below
    data = json.loads(lzma.decompress(packed).decode("utf-8"))
    table = {str(k): str(v) for k, v in dict(data.get(key, {})).items()}
    if cached is not None:
        _store(cached, marshal.dumps(table))
    return table


def _store(target: Path, data: bytes) -> None:
    """Write `target` atomically; a cache that cannot be written is no error (the next build decodes again)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".icons-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _svg(entry: str) -> str:
    viewbox, _, body = entry.partition("|")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" aria-hidden="true" '
        f'focusable="false" fill="currentColor">{body}</svg>'
    )


class IconSet:
    """The icons and emoji of one bundle folder (None: no icons); each table is read on first use."""

    def __init__(self, directory: Path | None, cache: Path | None = None) -> None:
        self.directory = directory
        self.cache = cache

    def __repr__(self) -> str:
        return f"IconSet({self.directory!r})"

    @cached_property
    def icons(self) -> dict[str, str]:
        return {} if self.directory is None else _load(self.directory / "icons.json.xz", "icons", self.cache)

    @cached_property
    def emoji(self) -> dict[str, str]:
        return {} if self.directory is None else _load(self.directory / "twemoji.json.xz", "emoji", self.cache)

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


def icon_set(directory: Path | None, cache: Path | None = None) -> IconSet:
    """The shared `IconSet` of `directory` (None: no icons), so its tables are read once per process; `cache`: a
    folder to keep the decoded tables in between processes (None: decode them every time)."""
    if directory is None:
        return NO_ICONS
    shared = _shared(Path(directory))
    if cache is not None and shared.cache is None:
        shared.cache = Path(cache)
    return shared


@lru_cache(maxsize=4)
def _shared(directory: Path) -> IconSet:
    return IconSet(directory)
