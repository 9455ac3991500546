"""The navigation tree: from mkdocs.yml's nav, or from the folder layout when there is none."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from reader.core.corpus.errors import _problem
from reader.core.corpus.mkdocs import (
    MkDocsConfig,
)
from reader.core.corpus.pages import _Draft, _humanize
from reader.core.model import (
    WARNING,
    NavItem,
    Problem,
)

# --------------------------------------------------------------------------------------------------- nav


class _NavBuilder:
    def __init__(
        self, config: MkDocsConfig, drafts: dict[str, _Draft], all_paths: set[str], problems: list[Problem]
    ) -> None:
        self.config = config
        self.drafts = drafts  # by docs-relative path
        self.all_paths = all_paths  # includes pages left out because of errors
        self.problems = problems
        self.order: list[str] = []  # page ids in nav order
        self._ordered: set[str] = set()
        self._by_id = {d.page_id: d for d in drafts.values()}
        self.indexes = "navigation.indexes" in config.theme_features
        self.config_name = config.path.name if config.path else "mkdocs.yml"

    def build(self, raw: Any) -> tuple[NavItem, ...]:
        if not isinstance(raw, list):
            self.problems.append(_problem(
                WARNING, "nav-format", self.config_name, self.config.line_of("nav:"),
                "`nav` must be a list of entries; it is ignored and the folder order is used.",
            ))
            return ()
        return tuple(item for item in (self._entry(e) for e in raw) if item is not None)

    def _page(self, title: str | None, target: str) -> NavItem | None:
        target = target.strip()
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
            return NavItem(title=title or target, url=target)
        path = posixpath.normpath(target.lstrip("/")) if target not in ("", ".") else target
        draft = self.drafts.get(path)
        if draft is None:
            if path not in self.all_paths:
                self.problems.append(_problem(
                    WARNING, "nav-missing", self.config_name, self.config.line_of(target),
                    f"The nav names {target!r}, which is not a page in the docs folder; "
                    "fix the path or remove the entry.",
                ))
            return None
        if draft.page_id not in self._ordered:
            self._ordered.add(draft.page_id)
            self.order.append(draft.page_id)
        return NavItem(title=title or draft.title, page=draft.page_id)

    def _entry(self, entry: Any) -> NavItem | None:
        if isinstance(entry, str):
            return self._page(None, entry)
        if isinstance(entry, dict) and len(entry) == 1:
            title, value = next(iter(entry.items()))
            title = str(title)
            if isinstance(value, str):
                return self._page(title, value)
            if isinstance(value, list):
                children = [c for c in (self._entry(v) for v in value) if c is not None]
                page = None
                if self.indexes and children and children[0].page and not children[0].children:
                    first = children[0].page
                    draft = self._by_id.get(first)
                    if draft is not None and posixpath.basename(draft.path).lower() == "index.md":
                        page = first
                        children = children[1:]
                if not children and page is None:
                    return None
                return NavItem(title=title, page=page, children=tuple(children))
        self.problems.append(_problem(
            WARNING, "nav-format", self.config_name,
            self.config.line_of(str(entry)[:40]) if isinstance(entry, (str, dict)) else None,
            f"Nav entry {str(entry)[:60]!r} is not `Title: file.md`, a file name, or a section list; it is ignored.",
        ))
        return None


def _folder_nav(drafts: list[_Draft]) -> tuple[tuple[NavItem, ...], list[str]]:
    """Navigation from the folder tree: index first, then files, then sub-folders, each alphabetically."""
    tree: dict[str, Any] = {"pages": [], "dirs": {}}
    for draft in drafts:
        node = tree
        for part in draft.path.split("/")[:-1]:
            node = node["dirs"].setdefault(part, {"pages": [], "dirs": {}})
        node["pages"].append(draft)
    order: list[str] = []

    def key(d: _Draft) -> tuple[int, str]:
        return (0 if posixpath.basename(d.path).lower() == "index.md" else 1, d.path.lower())

    def build(node: dict[str, Any]) -> tuple[NavItem | None, list[NavItem]]:
        pages = sorted(node["pages"], key=key)
        index = None
        items: list[NavItem] = []
        for d in pages:
            order.append(d.page_id)
            item = NavItem(title=d.title, page=d.page_id)
            if index is None and posixpath.basename(d.path).lower() == "index.md":
                index = item
            else:
                items.append(item)
        for name in sorted(node["dirs"], key=str.lower):
            sub_index, sub_items = build(node["dirs"][name])
            if sub_index is None and not sub_items:
                continue
            title = sub_index.title if sub_index is not None else _humanize(name)
            items.append(NavItem(title=title, page=sub_index.page if sub_index else None, children=tuple(sub_items)))
        return index, items

    root_index, root_items = build(tree)
    nav = ([root_index] if root_index else []) + root_items
    return tuple(nav), order
