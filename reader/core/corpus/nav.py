"""The navigation tree as the site shows it: awesome-nav's `.nav.yml` files (awesome_nav.py) when that plugin is on,
else mkdocs.yml's `nav` (with awesome-pages `...` entries), else the folder layout (shaped by `.pages` files), plus
the blog's posts, i18n variants kept out, and the pages the site does not place grouped by their folders in one
"Overige pagina's" section at the end (its title is translated by the GUI).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from reader.core.corpus import awesome, awesome_nav
from reader.core.corpus.awesome import (
    Folder,
    FolderNav,
    Rest,
    contains_rest,
    filter_tree,
    flatten,
    folder_tree,
    is_index,
    page_ids,
    parse_rest,
    plugin_config,
)
from reader.core.corpus.blog import attach_blog, blog_config, find_blog
from reader.core.corpus.errors import _problem
from reader.core.corpus.i18n import I18nConfig, Variants, find_variants, i18n_config, language_name
from reader.core.corpus.mkdocs import MkDocsConfig
from reader.core.corpus.pages import UNLISTED_SECTION_TITLE, _Draft, _humanize
from reader.core.model import WARNING, NavItem, Problem

UNLISTED_ROLE = "unlisted"  # NavItem.role of the section of pages the site's navigation does not place

# --------------------------------------------------------------------------------------------------- mkdocs.yml nav


class _NavBuilder:
    def __init__(
        self, config: MkDocsConfig, drafts: dict[str, _Draft], all_paths: set[str], problems: list[Problem],
        rest_blocks: Callable[[Rest], list[NavItem]] | None = None, root: str = "",
    ) -> None:
        self.config = config
        self.drafts = drafts  # by docs-relative path
        self.all_paths = all_paths  # includes pages left out because of errors
        self.problems = problems
        self.rest_blocks = rest_blocks  # awesome-pages: what a `...` entry stands for
        self.root = root  # the default language's folder of an i18n folder layout ("" otherwise)
        self._by_id = {d.page_id: d for d in drafts.values()}
        self.indexes = "navigation.indexes" in config.theme_features
        self.config_name = config.path.name if config.path else "mkdocs.yml"

    def build(self, raw: Any) -> list[NavItem]:
        if not isinstance(raw, list):
            self.problems.append(_problem(
                WARNING, "nav-format", self.config_name, self.config.line_of("nav:"),
                "`nav` must be a list of entries; it is ignored and the folder order is used.",
            ))
            return []
        return [item for entry in raw for item in self._entry(entry)]

    def target(self, target: str) -> _Draft | None:
        """The page a nav entry names (relative to the docs folder, or to the default language's folder)."""
        path = posixpath.normpath(target.strip().lstrip("/")) if target.strip() not in ("", ".") else target.strip()
        draft = self.drafts.get(path)
        if draft is None and self.root:
            draft = self.drafts.get(posixpath.join(self.root, path))
        return draft

    def _page(self, title: str | None, target: str) -> NavItem | None:
        target = target.strip()
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
            return NavItem(title=title or target, url=target)
        draft = self.target(target)
        if draft is None:
            path = posixpath.normpath(target.lstrip("/")) if target not in ("", ".") else target
            if path not in self.all_paths:
                self.problems.append(_problem(
                    WARNING, "nav-missing", self.config_name, self.config.line_of(target),
                    f"The nav names {target!r}, which is not a page in the docs folder; "
                    "fix the path or remove the entry.",
                ))
            return None
        return NavItem(title=title or draft.title, page=draft.page_id)

    def _entry(self, entry: Any) -> list[NavItem]:
        rest = parse_rest(entry) if self.rest_blocks is not None else None
        if rest is not None and self.rest_blocks is not None:
            return self.rest_blocks(rest)
        if isinstance(entry, str):
            item = self._page(None, entry)
            return [item] if item is not None else []
        if isinstance(entry, dict) and len(entry) == 1:
            title, value = next(iter(entry.items()))
            title = str(title)
            if isinstance(value, str):
                item = self._page(title, value)
                return [item] if item is not None else []
            if isinstance(value, list):
                children = [c for v in value for c in self._entry(v)]
                page = None
                if self.indexes and children and children[0].page and not children[0].children:
                    first = children[0].page
                    draft = self._by_id.get(first)
                    if draft is not None and is_index(draft.path):
                        page = first
                        children = children[1:]
                if not children and page is None:
                    return []
                return [NavItem(title=title, page=page, children=tuple(children))]
        self.problems.append(_problem(
            WARNING, "nav-format", self.config_name,
            self.config.line_of(str(entry)[:40]) if isinstance(entry, (str, dict)) else None,
            f"Nav entry {str(entry)[:60]!r} is not `Title: file.md`, a file name, or a section list; it is ignored.",
        ))
        return []


def _nav_targets(raw: Any) -> list[str]:
    """Every file name the raw nav mentions (no rest entries, no links)."""
    if isinstance(raw, list):
        return [t for entry in raw for t in _nav_targets(entry)]
    if isinstance(raw, dict):
        return [t for value in raw.values() for t in _nav_targets(value)]
    if isinstance(raw, str) and parse_rest(raw) is None:
        return [raw]
    return []


def _rests(raw: Any) -> list[Rest]:
    """The rest entries of the raw nav, in the order the builder meets them."""
    if isinstance(raw, list):
        return [r for entry in raw for r in _rests(entry)]
    if isinstance(raw, dict):
        return [r for value in raw.values() for r in _rests(value)]
    rest = parse_rest(raw)
    return [rest] if rest is not None else []


def _rest_blocks(
    raw: Any, tree_items: list[NavItem], path_of: dict[str, str], problems: list[Problem], config: MkDocsConfig,
) -> Callable[[Rest], list[NavItem]]:
    """What each `...` entry of mkdocs.yml stands for: the remaining pages (the folder tree minus the pages the nav
    names), each page going to the first pattern entry matching its docs-relative path, else to the plain `...`."""
    rests = _rests(raw)
    config_name = config.path.name if config.path else "mkdocs.yml"
    for rest in rests:
        if rest.kind == "regex" and rest.regex is None:
            problems.append(_problem(
                WARNING, "nav-rest-pattern", config_name, config.line_of(rest.value.strip()),
                f"The pattern in {rest.value!r} is not a valid regular expression; it matches nothing.",
            ))
    patterns = [i for i, r in enumerate(rests) if r.kind != "all"]
    catch_all = next((i for i, r in enumerate(rests) if r.kind == "all"), None)
    owner: dict[str, int] = {}
    for page_id in page_ids(tree_items):
        path = path_of.get(page_id, "")
        slot = next((i for i in patterns if rests[i].matches(path)), catch_all)
        if slot is not None:
            owner[page_id] = slot
    position = iter(range(len(rests)))

    def block(rest: Rest) -> list[NavItem]:
        index = next(position, -1)
        items = filter_tree(tree_items, lambda pid: owner.get(pid) == index)
        return flatten(items) if rest.flat else items

    return block


# --------------------------------------------------------------------------------------------------- unlisted


def _unlisted_section(
    unlisted: list[_Draft], folders: FolderNav, by_path: dict[str, _Draft], root: str,
) -> NavItem:
    """Pages the site's navigation does not place, nested as their folders are; each folder titled by its
    `.pages` title, else its index page's title (listed or not), else its humanized name."""

    def title(folder: Folder) -> str:
        meta = folders.meta(folder.path)
        if meta is not None and meta.title:
            return meta.title
        index = by_path.get(posixpath.join(folder.path, "index.md"))
        return index.title if index is not None else _humanize(posixpath.basename(folder.path))

    def items(folder: Folder, top: bool) -> list[NavItem]:
        out: list[NavItem] = []
        for draft in sorted(folder.pages, key=lambda d: (0 if is_index(d.path) else 1, d.path.lower())):
            if top or not is_index(draft.path):
                out.append(NavItem(draft.title, page=draft.page_id))
        for name in sorted(folder.dirs, key=str.lower):
            sub = folder.dirs[name]
            index = sub.index()
            out.append(NavItem(title(sub), page=index.page_id if index else None,
                               children=tuple(items(sub, top=False))))
        return out

    start = root + "/" if root else ""
    inside = [d for d in unlisted if d.path.startswith(start)]  # i18n folder layout: below the default language
    outside = [d for d in unlisted if not d.path.startswith(start)]
    children = items(folder_tree(inside, root), top=True) + items(folder_tree(outside), top=True)
    return NavItem(UNLISTED_SECTION_TITLE, children=tuple(children), role=UNLISTED_ROLE)


# --------------------------------------------------------------------------------------------------- all of it


@dataclass
class Navigation:
    nav: tuple[NavItem, ...]
    order: list[str]  # every page id the corpus keeps, in reading order: the nav, then i18n variants
    variants: Variants = field(default_factory=Variants)
    language: str | None = None  # the default language of an i18n corpus
    language_names: dict[str, str] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)  # unpublished pages (blog drafts)


def build_navigation(
    config: MkDocsConfig, docs: Path, prefix: str, drafts: dict[str, _Draft], all_paths: set[str],
    problems: list[Problem],
) -> Navigation:
    """The nav and reading order of the pages in `drafts` (by docs-relative path)."""
    i18n: I18nConfig | None = i18n_config(config, problems)
    variants = find_variants(drafts.values(), i18n) if i18n is not None else Variants()
    mains = [d for d in drafts.values() if not variants.is_variant(d.page_id)]
    blog_cfg = blog_config(config)
    blog = find_blog(blog_cfg, mains, problems) if blog_cfg is not None else None
    left_out = {d.page_id for d in blog.drafts} if blog is not None else set()
    posts = {d.page_id for d in blog.posts} if blog is not None else set()
    root = i18n.default if i18n is not None and i18n.structure == "folder" else ""
    eligible = [d for d in mains if d.page_id not in left_out]
    by_path = {d.path: d for d in eligible}
    folders = FolderNav(docs, prefix, plugin_config(config, awesome.PLUGIN_NAMES), problems, by_path)
    tree_drafts = [d for d in eligible if d.page_id not in posts]

    nav: list[NavItem] = []
    nav_options = plugin_config(config, awesome_nav.PLUGIN_NAMES)
    if nav_options is not None:  # awesome-nav: the .nav.yml files make the whole nav, mkdocs.yml's included
        nav = awesome_nav.AwesomeNav(config, nav_options, docs, prefix, tree_drafts, root, problems).build()
    elif config.nav is not None:
        rest_blocks = None
        if folders.enabled and contains_rest(config.nav):
            probe = _NavBuilder(config, drafts, all_paths, [], root=root)
            named = {d.page_id for d in (probe.target(t) for t in _nav_targets(config.nav)) if d is not None}
            remaining = [d for d in tree_drafts if d.page_id not in named]
            tree_items = folders.root_items(folder_tree(remaining, root))
            rest_blocks = _rest_blocks(config.nav, tree_items, {d.page_id: d.path for d in remaining}, problems,
                                       config)
        nav = _NavBuilder(config, drafts, all_paths, problems, rest_blocks, root).build(config.nav)
    if not nav:
        nav = folders.root_items(folder_tree(tree_drafts, root))
    if blog is not None:
        nav = attach_blog(nav, blog, set(page_ids(nav)))

    listed = set(page_ids(nav))
    unlisted = [d for d in eligible if d.page_id not in listed]
    if unlisted:  # outside the nav, hidden by .pages, or named by not_in_nav: still readable, by folder
        nav.append(_unlisted_section(unlisted, folders, by_path, root))
    order = page_ids(nav)
    placed = set(order)
    order += [d.page_id for d in drafts.values() if d.page_id not in placed and d.page_id not in left_out]
    language_names = {lang: language_name(lang, i18n) for lang in i18n.languages} if i18n is not None else {}
    return Navigation(tuple(nav), order, variants, i18n.default if i18n is not None else None, language_names,
                      left_out)
