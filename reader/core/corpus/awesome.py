"""mkdocs-awesome-pages-plugin: `.pages` files in folders and `...` (rest) entries, and the folder tree they shape.

What the plugin documents and corpora use is honoured: `.pages` keys `nav` (file and folder names, `Title: name`,
`Title: https://link`, sections as `Title: [entries]`, `...` with `| glob=`, `| regex=` and `| flat`), `arrange` (the
older name), `title`, `hide`, `collapse`, `collapse_single_pages`, `order`, `sort_type: natural`, `order_by: title`
and `ignore_case`, and the plugin's options of the same names in mkdocs.yml. Anything else is a warning naming the
`.pages` file and line. Without the plugin in mkdocs.yml, `.pages` files are ignored, as MkDocs does.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from reader.core.corpus.errors import _problem
from reader.core.corpus.globs import glob_token
from reader.core.corpus.mkdocs import MkDocsConfig, first_line_with, load_yaml_text, yaml_error_location
from reader.core.corpus.pages import _Draft, _humanize
from reader.core.model import WARNING, NavItem, Problem

PLUGIN_NAMES = ("awesome-pages",)
MAX_PAGES_FILE_BYTES = 64 << 10  # a .pages file is a few lines; anything bigger is not one
_KNOWN_KEYS = frozenset({
    "title", "nav", "arrange", "hide", "collapse", "collapse_single_pages", "order", "sort_type", "order_by",
    "ignore_case",
})
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def plugin_config(config: MkDocsConfig, names: Iterable[str]) -> dict[str, Any] | None:
    """The options of the first plugin in mkdocs.yml's `plugins` named one of `names` ({} without options)."""
    wanted = set(names)
    value = config.raw.get("plugins") if config.raw else None
    entries: list[Any] = [{k: v} for k, v in value.items()] if isinstance(value, dict) else (
        value if isinstance(value, list) else []
    )
    for entry in entries:
        if isinstance(entry, str) and entry in wanted:
            return {}
        if isinstance(entry, dict) and len(entry) == 1:
            name, options = next(iter(entry.items()))
            if name in wanted:
                if isinstance(options, dict) and options.get("enabled", True) is False:
                    return None
                return options if isinstance(options, dict) else {}
    return None


def is_index(path: str) -> bool:
    return posixpath.basename(path).lower() == "index.md"


# --------------------------------------------------------------------------------------------------- rest entries


@dataclass(frozen=True)
class Rest:
    """A `...` entry: where the remaining items go, optionally filtered by a glob or regular expression."""

    value: str
    kind: str  # "all", "glob" or "regex"
    pattern: str = ""
    flat: bool = False
    regex: re.Pattern[str] | None = None  # compiled matcher (None for "all" or an invalid pattern)

    def matches(self, text: str) -> bool:
        if self.kind == "all":
            return True
        return self.regex is not None and (
            self.regex.search(text) is not None if self.kind == "regex" else self.regex.fullmatch(text) is not None
        )


_REST = re.compile(r"^\.{3}\s*(?:\|\s*(?P<rest>.*))?$", re.DOTALL)
_FLAT = re.compile(r"^flat\s*(?:\|\s*(?P<rest>.*))?$", re.DOTALL)


def parse_rest(value: Any) -> Rest | None:
    """`...`, `... | pattern`, `... | glob=p`, `... | regex=p`, `... | flat` and `... | flat | p`; else None."""
    if not isinstance(value, str):
        return None
    match = _REST.match(value.strip())
    if match is None:
        return None
    rest = (match.group("rest") or "").strip()
    flat = False
    flat_match = _FLAT.match(rest)
    if flat_match is not None:
        flat = True
        rest = (flat_match.group("rest") or "").strip()
    if not rest:
        return Rest(value, "all", flat=flat)
    if rest.startswith("regex="):
        pattern = rest[len("regex="):]
        try:
            return Rest(value, "regex", pattern, flat, re.compile(pattern))
        except re.error:
            return Rest(value, "regex", pattern, flat, None)
    pattern = rest[len("glob="):] if rest.startswith("glob=") else rest
    return Rest(value, "glob", pattern, flat, glob_regex(pattern))


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as the plugin matches it (wcmatch with GLOBSTAR): `*` and `?` stay within a folder, `**` crosses."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            piece, i = glob_token(pattern, i)
            out.append(piece)
    try:
        return re.compile("".join(out))
    except re.error:
        return re.compile(re.escape(pattern))


def _is_catch_all(entry: Any) -> bool:
    rest = parse_rest(entry)
    return rest is not None and rest.kind == "all"


def contains_rest(nav: Any) -> bool:
    if isinstance(nav, list):
        return any(contains_rest(entry) for entry in nav)
    if isinstance(nav, dict):
        return any(contains_rest(value) for value in nav.values())
    return parse_rest(nav) is not None


# --------------------------------------------------------------------------------------------------- .pages files


@dataclass
class PagesFile:
    """One `.pages` file, read and checked."""

    folder: str  # docs-relative folder, "" for the docs root
    file: str  # source-relative path, for messages
    text: str = ""
    title: str | None = None
    nav: list[Any] | None = None
    hide: bool = False
    collapse: bool | None = None
    collapse_single_pages: bool | None = None
    sort: dict[str, Any] = field(default_factory=dict)  # order / sort_type / order_by / ignore_case as given

    def line_of(self, needle: Any) -> int | None:
        text = str(needle).strip()
        return first_line_with(self.text, text) if text else None


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)  # never a symlink, FIFO or device
    except OSError:
        return False


def read_pages_file(docs: Path, prefix: str, folder: str, filename: str, problems: list[Problem]) -> PagesFile | None:
    path = docs / folder / filename if folder else docs / filename
    if not _regular_file(path):
        return None
    rel = prefix + (folder + "/" if folder else "") + filename
    meta = PagesFile(folder, rel)
    try:
        if path.stat().st_size > MAX_PAGES_FILE_BYTES:
            problems.append(_problem(WARNING, "pages-too-large", rel, None,
                                     f"This {filename} file is larger than 64 KB and is ignored; check that it is "
                                     "the right file."))
            return None
        meta.text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        problems.append(_problem(WARNING, "pages-unreadable", rel, None,
                                 f"This {filename} file cannot be read as UTF-8 text; it is ignored."))
        return None
    try:
        data = load_yaml_text(meta.text)
    except yaml.YAMLError as exc:
        line0, reason = yaml_error_location(exc)
        problems.append(_problem(WARNING, "pages-yaml", rel, line0 + 1 if line0 is not None else None,
                                 f"This {filename} file is not valid YAML ({reason}); it is ignored. Fix the syntax."))
        return None
    if data is None:
        return meta
    if not isinstance(data, dict):
        problems.append(_problem(WARNING, "pages-format", rel, 1,
                                 f"A {filename} file must be a mapping of settings (key: value); it is ignored."))
        return None
    _settings(meta, data, filename, problems)
    return meta


def _settings(meta: PagesFile, data: dict[Any, Any], filename: str, problems: list[Problem]) -> None:
    def warn(code: str, key: str, message: str) -> None:
        problems.append(_problem(WARNING, code, meta.file, meta.line_of(f"{key}:"), message))

    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            warn("pages-key-unknown", str(key),
                 f"The reader does not know the {filename} setting {str(key)!r} and ignores it.")
        elif key == "title":
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                meta.title = str(value)
            else:
                warn("pages-value", key, "`title` must be text; it is ignored.")
        elif key in ("nav", "arrange"):
            if key == "arrange" and "nav" in data:
                continue  # the plugin reads `arrange` only when there is no `nav`
            if not isinstance(value, list):
                warn("pages-value", key, f"`{key}` must be a list of entries; it is ignored.")
                continue
            entries = list(value)
            if key == "arrange" and not any(_is_catch_all(e) for e in entries):
                entries.append("...")  # `arrange` keeps every unnamed page, after the named ones
            meta.nav = entries
        elif key in ("hide", "collapse", "collapse_single_pages", "ignore_case"):
            if not isinstance(value, bool):
                warn("pages-value", key, f"`{key}` must be true or false; it is ignored.")
            elif key == "hide":
                meta.hide = value
            elif key == "collapse":
                meta.collapse = value
            elif key == "collapse_single_pages":
                meta.collapse_single_pages = value
            else:
                meta.sort[key] = value
        else:
            allowed = {"order": ("asc", "desc"), "sort_type": ("natural",), "order_by": ("filename", "title")}[key]
            if value not in allowed:
                warn("pages-value", key, f"`{key}` must be one of {', '.join(allowed)}; it is ignored.")
            else:
                meta.sort[key] = value


# --------------------------------------------------------------------------------------------------- folder tree


@dataclass
class Folder:
    path: str  # docs-relative, "" for the root
    pages: list[_Draft] = field(default_factory=list)
    dirs: dict[str, "Folder"] = field(default_factory=dict)

    def index(self) -> _Draft | None:
        return next((d for d in self.pages if is_index(d.path)), None)


def folder_tree(drafts: Iterable[_Draft], root: str = "") -> Folder:
    """The folders of `drafts` below `root` (a docs-relative folder; pages outside it are not in the tree)."""
    tree = Folder(root)
    start = root + "/" if root else ""
    for draft in drafts:
        if not draft.path.startswith(start):
            continue
        node = tree
        parts = draft.path[len(start):].split("/")[:-1]
        for part in parts:
            child = node.dirs.get(part)
            if child is None:
                child = node.dirs[part] = Folder(posixpath.join(node.path, part) if node.path else part)
            node = child
        node.pages.append(draft)
    return tree


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part)


@dataclass
class _Entry:
    name: str  # file or folder name, what `.pages` entries and patterns name
    item: NavItem
    folder: PagesFile | None = None  # the .pages of a folder entry


class FolderNav:
    """The navigation MkDocs builds from the folders, shaped by `.pages` files when the plugin is on."""

    def __init__(
        self, docs: Path, prefix: str, options: dict[str, Any] | None, problems: list[Problem],
        by_path: dict[str, _Draft],
    ) -> None:
        self.enabled = options is not None
        self.options = options or {}
        self.filename = str(self.options.get("filename") or ".pages")
        self.docs = docs
        self.prefix = prefix
        self.problems = problems
        self.by_path = by_path  # every page the nav may name, by docs-relative path
        self._meta: dict[str, PagesFile | None] = {}

    def meta(self, folder: str) -> PagesFile | None:
        if not self.enabled:
            return None
        if folder not in self._meta:
            self._meta[folder] = read_pages_file(self.docs, self.prefix, folder, self.filename, self.problems)
        return self._meta[folder]

    def title(self, folder: Folder) -> str:
        """A folder's title: its `.pages` title, else its index page's title, else the humanized folder name."""
        meta = self.meta(folder.path)
        if meta is not None and meta.title:
            return meta.title
        index = folder.index()
        return index.title if index is not None else _humanize(posixpath.basename(folder.path) or "index")

    # --- building

    def root_items(self, tree: Folder) -> list[NavItem]:
        """The top level: the root index first, then the root's other pages and folders."""
        collapse = bool(self.options.get("collapse_single_pages", False))
        root_meta = self.meta(tree.path)
        if root_meta is not None and root_meta.collapse_single_pages is not None:
            collapse = root_meta.collapse_single_pages
        return self._children(tree, collapse, keep_index=True)

    def _children(self, folder: Folder, collapse: bool, keep_index: bool) -> list[NavItem]:
        meta = self.meta(folder.path)
        pages = sorted(folder.pages, key=lambda d: (0 if is_index(d.path) else 1, d.path.lower()))
        entries: list[_Entry] = []
        for draft in pages:
            if is_index(draft.path) and not keep_index:
                continue  # the folder's own page: its section opens it
            entries.append(_Entry(posixpath.basename(draft.path), NavItem(draft.title, page=draft.page_id)))
        for name in sorted(folder.dirs, key=str.lower):
            sub = folder.dirs[name]
            item = self._section(sub, collapse)
            if item is not None:
                entries.append(_Entry(name, item, self.meta(sub.path)))
        entries = self._sorted(entries, meta)
        if meta is not None and meta.nav is not None:
            return self._arranged(entries, meta, folder)
        return [e.item for e in entries]

    def _section(self, folder: Folder, collapse: bool) -> NavItem | None:
        meta = self.meta(folder.path)
        if meta is not None and meta.hide:
            return None
        if meta is not None and meta.collapse_single_pages is not None:
            collapse = meta.collapse_single_pages
        children = self._children(folder, collapse, keep_index=False)
        index = folder.index()
        if index is None and not children:
            return None
        this_collapse = meta.collapse if meta is not None and meta.collapse is not None else collapse
        if this_collapse and index is None and len(children) == 1:
            return children[0]
        return NavItem(self.title(folder), page=index.page_id if index else None, children=tuple(children))

    def _sorted(self, entries: list[_Entry], meta: PagesFile | None) -> list[_Entry]:
        sort = dict(meta.sort) if meta is not None else {}
        for name in ("order", "sort_type", "order_by", "ignore_case"):
            if name not in sort and name in self.options:
                sort[name] = self.options[name]
        if not any(sort.get(k) for k in ("order", "sort_type", "order_by")):
            return entries  # MkDocs' order: index, pages, then folders, each by name
        index = [e for e in entries if e.item.page is not None and not e.item.children and is_index(e.name)]
        others = [e for e in entries if not any(e is i for i in index)]

        def key(entry: _Entry) -> Any:
            text = entry.item.title if sort.get("order_by") == "title" else entry.name
            text = text.lower() if sort.get("ignore_case") else text
            return _natural(text) if sort.get("sort_type") == "natural" else text

        others.sort(key=key, reverse=sort.get("order") == "desc")
        return index + others

    def _arranged(self, entries: list[_Entry], meta: PagesFile, folder: Folder) -> list[NavItem]:
        by_name = {e.name: e for e in entries}
        used: set[str] = set()
        rests: list[tuple[Rest, list[NavItem]]] = []

        def resolve(raw: list[Any]) -> list[Any]:
            """Slots: NavItems, or the list that a rest entry fills once every named entry is known."""
            slots: list[Any] = []
            for entry in raw:
                rest = parse_rest(entry)
                if rest is not None:
                    if rest.kind == "regex" and rest.regex is None:
                        self._warn(meta, "pages-rest-pattern", entry,
                                   f"The pattern in {entry!r} is not a valid regular expression; it matches nothing.")
                    if any(r.value.strip() == rest.value.strip() for r, _ in rests):
                        self._warn(meta, "pages-rest-duplicate", entry,
                                   f"The rest entry {entry!r} appears twice; the second one stays empty.")
                    bucket: list[NavItem] = []
                    rests.append((rest, bucket))
                    slots.append(bucket)
                    continue
                item = self._named(entry, meta, folder, by_name, used, resolve)
                if item is not None:
                    slots.append(item)
            return slots

        def materialize(slots: list[Any]) -> list[NavItem]:
            out: list[NavItem] = []
            for slot in slots:
                if isinstance(slot, list):
                    out.extend(slot)
                elif isinstance(slot, tuple):  # a section written in .pages: (title, its slots)
                    children = materialize(slot[1])
                    if children:
                        out.append(NavItem(slot[0], children=tuple(children)))
                else:
                    out.append(slot)
            return out

        slots = resolve(meta.nav or [])
        remaining = [e for e in entries if e.name not in used]
        ordered = [r for r in rests if r[0].kind != "all"] + [r for r in rests if r[0].kind == "all"]
        for entry in remaining:
            for rest, bucket in ordered:
                if rest.matches(entry.name):
                    bucket.extend(flatten([entry.item]) if rest.flat else [entry.item])
                    break
        return materialize(slots)

    def _named(
        self, entry: Any, meta: PagesFile, folder: Folder, by_name: dict[str, _Entry], used: set[str],
        resolve: Callable[[list[Any]], list[Any]],
    ) -> Any:
        title: str | None = None
        value = entry
        if isinstance(entry, dict) and len(entry) == 1:
            key, value = next(iter(entry.items()))
            title = str(key)
            if isinstance(value, list):
                return (title, resolve(value))
        if not isinstance(value, str) or not value.strip():
            self._warn(meta, "pages-nav-format", title or entry,
                       f"The entry {str(entry)[:60]!r} is not a name, `Title: name`, a link or a section; "
                       "it is ignored.")
            return None
        value = value.strip()
        if _URL.match(value):
            return NavItem(title or value, url=value)
        name = value.removeprefix("./").rstrip("/")
        found = by_name.get(name)
        if found is not None:
            used.add(name)
            item = found.item
            if title and not (found.folder is not None and found.folder.title):
                item = NavItem(title, page=item.page, url=item.url, children=item.children)
            return item
        if (is_index(name) and folder.index() is not None) or name in folder.dirs:
            return None  # the folder's index opens its section; a hidden or empty folder has no entry
        path = posixpath.normpath(posixpath.join(folder.path, name)) if folder.path else posixpath.normpath(name)
        draft = self.by_path.get(path)
        if draft is not None:  # a page elsewhere, named by its path relative to this folder
            return NavItem(title or draft.title, page=draft.page_id)
        self._warn(meta, "pages-nav-missing", value,
                   f"The entry {value!r} names nothing in this folder; fix the name or remove the entry.")
        return None

    def _warn(self, meta: PagesFile, code: str, needle: Any, message: str) -> None:
        self.problems.append(_problem(WARNING, code, meta.file, meta.line_of(needle), message))


def flatten(items: Iterable[NavItem]) -> list[NavItem]:
    """Pages of `items` in order, without their sections (a section's own page first)."""
    out: list[NavItem] = []
    for item in items:
        if item.children:
            if item.page is not None:
                out.append(NavItem(item.title, page=item.page))
            out.extend(flatten(item.children))
        else:
            out.append(item)
    return out


def filter_tree(items: Iterable[NavItem], keep: Callable[[str], bool]) -> list[NavItem]:
    """`items` with only the pages `keep` accepts; sections without any are dropped."""
    out: list[NavItem] = []
    for item in items:
        if item.children:
            children = filter_tree(item.children, keep)
            page = item.page if item.page is not None and keep(item.page) else None
            if children or page is not None:
                out.append(NavItem(item.title, page=page, children=tuple(children)))
        elif item.page is not None and keep(item.page):
            out.append(item)
    return out


def page_ids(items: Iterable[NavItem]) -> list[str]:
    """Page ids in reading order (pre-order), each once."""
    seen: dict[str, None] = {}

    def walk(level: Iterable[NavItem]) -> None:
        for item in level:
            if item.page is not None:
                seen.setdefault(item.page, None)
            walk(item.children)

    walk(items)
    return list(seen)


def path_of_id(drafts: Iterable[_Draft]) -> dict[str, str]:
    return {d.page_id: d.path for d in drafts}

