"""Resolving `relations:` references (slug, page id, alias or path) to page ids."""

from __future__ import annotations

import posixpath
from typing import Iterable, Mapping


class RelationIndex:
    """Lookup tables built once per corpus so each reference resolves in O(1)."""

    def __init__(self, page_ids: Iterable[str], aliases: Mapping[str, str], pages_by_path: Mapping[str, str]) -> None:
        self.ids = set(page_ids)
        self.aliases = dict(aliases)
        self.by_path = dict(pages_by_path)
        self.by_slug: dict[str, list[str]] = {}
        for page_id in sorted(self.ids, key=lambda p: (p.count("/"), len(p), p)):
            self.by_slug.setdefault(page_id.rsplit("/", 1)[-1].lower(), []).append(page_id)

    def resolve(self, ref: str, from_path: str) -> str | None:
        """The page id `ref` names, seen from the page at docs-relative `from_path`; None when nothing matches.

        Order: exact id, front matter alias, path (relative to the page, then to the docs root), then slug: the page
        whose id ends in that name (`open-source` -> `richtlijnen/open-source`); with several, the nearest to the
        referring page, then the shallowest.
        """
        ref = ref.strip().split("#", 1)[0].strip()
        if not ref:
            return None
        clean = ref.strip("/")
        if clean in self.ids:
            return clean
        if ref in self.aliases:
            return self.aliases[ref]
        if clean.lower().endswith(".md") or "/" in clean:
            here = posixpath.dirname(from_path)
            for base in (here, ""):
                joined = posixpath.normpath(posixpath.join(base, clean)) if base else posixpath.normpath(clean)
                if joined.startswith(".."):
                    continue
                for candidate in (joined, joined + ".md", joined + "/index.md"):
                    if candidate in self.by_path:
                        return self.by_path[candidate]
                if joined in self.ids:
                    return joined
        matches = self.by_slug.get(clean.rsplit("/", 1)[-1].lower().removesuffix(".md"), [])
        if not matches:
            return None
        if len(matches) == 1:
            return matches[0]
        here_parts = from_path.split("/")

        def distance(page_id: str) -> tuple[int, int]:
            parts = page_id.split("/")
            common = 0
            for a, b in zip(parts, here_parts, strict=False):  # the common prefix: stops at the shorter path
                if a != b:
                    break
                common += 1
            return (-common, len(parts))

        return min(matches, key=distance)
