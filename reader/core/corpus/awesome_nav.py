"""mkdocs-awesome-nav (awesome-pages' successor, plugin `awesome-nav`): `.nav.yml` files in docs folders.

Honoured as the plugin documents it: `nav` entries (a page, a folder as a section, `Title: page`, `Title: folder`,
`Title: link`, `Title: [entries]` sections, glob patterns with `*`, `**`, `?`, `[...]` and extglob `@(a|b)`, and
`glob:` mappings with their own options), resolved in the plugin's priority order (named pages, then named folders,
deepest first, then patterns in order; a pattern takes only what nothing took before it); `title`, `hide`,
`flatten_single_child_sections`, `preserve_directory_names`, `use_index_title`, `ignore` (with `$inherit`),
`append_unmatched` and `sort` (`direction`, `type`, `by`, `sections`, `ignore_case`), the inherited ones passed down
to child folders. A folder without a `.nav.yml` lists its index page, then everything else sorted. Anything else
(an unknown key, a Jinja tag the plugin would render, `title`/`hide` at the top, a pattern that matches nothing)
is a `check` warning naming the file and line.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from reader.core.corpus.awesome import Folder, _regular_file, folder_tree
from reader.core.corpus.errors import _problem
from reader.core.corpus.globs import glob_token
from reader.core.corpus.mkdocs import MkDocsConfig, first_line_with, load_yaml_text, yaml_error_location
from reader.core.corpus.pages import _Draft, _humanize
from reader.core.model import WARNING, NavItem, Problem

PLUGIN_NAMES = ("awesome-nav",)
MAX_NAV_FILE_BYTES = 64 << 10
MAX_SECTION_DEPTH = 20  # sections written in one file; deeper nesting is a mistake or an attack, not a site
_KEYS = frozenset({
    "title", "hide", "flatten_single_child_sections", "preserve_directory_names", "use_index_title", "ignore",
    "sort", "nav", "append_unmatched",
})
_INHERITED_BOOLS = ("flatten_single_child_sections", "preserve_directory_names", "use_index_title", "append_unmatched")
_SORT_VALUES: dict[str, tuple[Any, ...]] = {
    "direction": ("asc", "desc"), "type": ("natural", "alphabetical"), "by": ("path", "filename", "title"),
    "sections": ("first", "last", "mixed"), "ignore_case": (True, False),
}
_SORT_DEFAULTS = {"direction": "asc", "type": "natural", "by": "path", "sections": "last", "ignore_case": False}
_PATTERN_KEYS = frozenset({"glob", "ignore_no_matches", "flatten_single_child_sections", "preserve_directory_names",
                           "sort", "ignore", "append_unmatched"})
_INHERIT = "$inherit"
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_EXTGLOB_SUFFIX = {"@": "", "?": "?", "*": "*", "+": "+"}


# --------------------------------------------------------------------------------------------------- globs


def _glob_body(pattern: str) -> str:
    """One path segment's glob as a regular expression: `*`, `?`, `[...]` and extglob groups (wcmatch EXTGLOB)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char in "@?*+!" and pattern.startswith("(", i + 1) and ")" in pattern[i + 2:]:
            depth, end = 0, i + 1
            for end in range(i + 1, len(pattern)):
                depth += {"(": 1, ")": -1}.get(pattern[end], 0)
                if depth == 0:
                    break
            inner = "|".join(_glob_body(alt) for alt in pattern[i + 2:end].split("|"))
            if char == "!":  # anything but the alternatives followed by the rest of the segment
                rest = _glob_body(pattern[end + 1:])
                out.append(f"(?!(?:{inner}){rest}(?:/|$))[^/]*?{rest}")
                return "".join(out)
            else:
                out.append(f"(?:{inner}){_EXTGLOB_SUFFIX[char]}")
            i = end + 1
        else:
            piece, i = glob_token(pattern, i)
            out.append(piece)
    return "".join(out)


def glob_regex(base: str, pattern: str) -> re.Pattern[str] | None:
    """`pattern` relative to the folder `base` ("" for the docs root), as a matcher of docs-relative paths (a folder's
    path ends with `/`); `**` as a whole segment crosses folders. None for a pattern that cannot be compiled."""
    segments = [s for s in pattern.strip().removeprefix("./").split("/")]
    dirs_only = len(segments) > 1 and segments[-1] == ""
    if dirs_only:
        segments = segments[:-1]
    parts = [re.escape(base) + "/"] if base else []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]+/)*")
        else:
            parts.append(_glob_body(segment) + ("" if last else "/"))
    text = "".join(parts) + ("/" if dirs_only else "/?")
    try:
        return re.compile(text)
    except re.error:
        return None


# --------------------------------------------------------------------------------------------------- .nav.yml


@dataclass
class NavFile:
    """The settings in force in one folder: its own `.nav.yml` over what the parent folders pass down."""

    folder: str
    file: str = ""  # source-relative path of the .nav.yml that sets them ("" when the folder has none)
    text: str = ""
    title: str | None = None
    hide: bool = False
    nav: list[Any] | None = None
    bools: dict[str, bool] = field(default_factory=dict)
    sort: dict[str, Any] = field(default_factory=lambda: dict(_SORT_DEFAULTS))
    ignore: list[re.Pattern[str]] = field(default_factory=list)

    def line_of(self, needle: Any) -> int | None:
        text = str(needle).strip()
        return first_line_with(self.text, text) if text else None

    def entries(self) -> list[Any]:
        nav = list(self.nav) if self.nav is not None else [
            {"glob": "@(index.md|README.md)", "ignore_no_matches": True}, {"glob": "*", "ignore_no_matches": True},
        ]
        if self.bools.get("append_unmatched"):
            nav.append({"glob": "*", "ignore_no_matches": True})
        return nav

    def child(self, folder: str) -> NavFile:
        """What a child folder (or a `glob:` entry) starts from: the inherited settings only."""
        return NavFile(folder, self.file, self.text, bools=dict(self.bools), sort=dict(self.sort),
                       ignore=list(self.ignore))


class AwesomeNav:
    """Builds the navigation from the folders of `drafts`, shaped by the `.nav.yml` files in them."""

    def __init__(
        self, config: MkDocsConfig, options: dict[str, Any], docs: Path, prefix: str, drafts: list[_Draft],
        root: str, problems: list[Problem],
    ) -> None:
        self.docs = docs
        self.prefix = prefix
        self.problems = problems
        self.root = root
        self.filename = str(options.get("filename") or "")  # "" = .nav.yml, else .nav.yaml
        self.indexes = "navigation.indexes" in config.theme_features
        self.tree = folder_tree(drafts, root)
        self.pages: dict[str, _Draft] = {d.path: d for d in drafts}
        self.folders: dict[str, Folder] = {}
        self._walk(self.tree)
        self.visited: set[str] = set()
        if config.nav is not None:
            name = config.path.name if config.path else "mkdocs.yml"
            problems.append(_problem(WARNING, "awesome-nav-replaces-nav", name, config.line_of("nav:"),
                                     "The awesome-nav plugin replaces the `nav` of mkdocs.yml with the one its "
                                     ".nav.yml files describe; the reader does the same. Remove one of the two."))

    def _walk(self, folder: Folder) -> None:
        self.folders[folder.path] = folder
        for sub in folder.dirs.values():
            self._walk(sub)

    # --- reading .nav.yml

    def _read(self, folder: str, parent: NavFile | None, quiet: bool = False) -> NavFile:
        if quiet:  # a look at `hide` before the folder is resolved: its problems are reported then
            problems, self.problems = self.problems, []
            try:
                return self._read(folder, parent)
            finally:
                self.problems = problems
        meta = parent.child(folder) if parent is not None else NavFile(folder)
        meta.file, meta.text = "", ""
        names = [self.filename] if self.filename else [".nav.yml", ".nav.yaml"]
        path = next((p for p in ((self.docs / folder / n) if folder else (self.docs / n) for n in names)
                     if _regular_file(p)), None)
        if path is None:
            return meta
        meta.file = self.prefix + (folder + "/" if folder else "") + path.name
        try:
            if path.stat().st_size > MAX_NAV_FILE_BYTES:
                self._warn(meta, "awesome-nav-too-large", None, f"This {path.name} file is larger than 64 KB and "
                           "is ignored; check that it is the right file.")
                return meta
            meta.text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            self._warn(meta, "awesome-nav-unreadable", None,
                       f"This {path.name} file cannot be read as UTF-8 text; it is ignored.")
            return meta
        if "{{" in meta.text or "{%" in meta.text:
            self._warn(meta, "awesome-nav-template", "{{" if "{{" in meta.text else "{%",
                       "The plugin renders this file as a Jinja template; the reader does not run templates and "
                       "reads the tags as they are.")
        try:
            data = load_yaml_text(meta.text)
        except yaml.YAMLError as exc:
            line0, reason = yaml_error_location(exc)
            self.problems.append(_problem(WARNING, "awesome-nav-yaml", meta.file, None if line0 is None else line0 + 1,
                                          f"This {path.name} file is not valid YAML ({reason}); it is ignored. "
                                          "Fix the syntax."))
            return meta
        if data is None:
            return meta
        if not isinstance(data, dict):
            self._warn(meta, "awesome-nav-format", None,
                       f"A {path.name} file must be a mapping of settings (key: value); it is ignored.")
            return meta
        self._settings(meta, data, parent)
        if parent is None and (meta.title is not None or meta.hide):
            self._warn(meta, "awesome-nav-root", "title:" if meta.title is not None else "hide:",
                       "`title` and `hide` have no effect in the top folder's file; the plugin ignores them too.")
        return meta

    def _settings(self, meta: NavFile, data: dict[Any, Any], parent: NavFile | None) -> None:
        for key, value in data.items():
            if key not in _KEYS:
                self._warn(meta, "awesome-nav-key-unknown", f"{key}:",
                           f"The reader does not know the setting {str(key)!r} and ignores it.")
            elif key == "title":
                if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value):
                    meta.title = str(value)
                else:
                    self._bad(meta, key, "text")
            elif key == "nav":
                if isinstance(value, list):
                    meta.nav = value
                else:
                    self._bad(meta, key, "a list of entries")
            elif key == "hide" or key in _INHERITED_BOOLS:
                if not isinstance(value, bool):
                    self._bad(meta, key, "true or false")
                elif key == "hide":
                    meta.hide = value
                else:
                    meta.bools[key] = value
            elif key == "sort":
                self._sort(meta, value)
            else:
                self._ignore(meta, value, parent.ignore if parent is not None else [])

    def _sort(self, meta: NavFile, value: Any) -> None:
        if not isinstance(value, dict):
            self._bad(meta, "sort", "a mapping (direction, type, by, sections, ignore_case)")
            return
        for name, option in value.items():
            allowed = _SORT_VALUES.get(str(name))
            if allowed is None or option not in allowed:
                self._warn(meta, "awesome-nav-value", f"{name}:",
                           f"`sort.{name}` must be one of {', '.join(str(a).lower() for a in allowed)}; it is ignored."
                           if allowed else f"The reader does not know the sort option {str(name)!r} and ignores it.")
            else:
                meta.sort[str(name)] = option

    def _ignore(self, meta: NavFile, value: Any, inherited: list[re.Pattern[str]]) -> None:
        patterns = [value] if isinstance(value, str) else value
        if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
            self._bad(meta, "ignore", "a glob pattern or a list of them")
            return
        meta.ignore = []
        for pattern in patterns:
            if pattern == _INHERIT:
                meta.ignore.extend(inherited)
                continue
            base = meta.folder if pattern.startswith("/") else posixpath.join(meta.folder, "**") if meta.folder \
                else "**"
            compiled = glob_regex("", posixpath.join(base, pattern.lstrip("/")) if base else pattern.lstrip("/"))
            if compiled is None:
                self._warn(meta, "awesome-nav-pattern", pattern, f"The pattern {pattern!r} cannot be read; it hides "
                           "nothing.")
            else:
                meta.ignore.append(compiled)

    def _bad(self, meta: NavFile, key: str, wanted: str) -> None:
        self._warn(meta, "awesome-nav-value", f"{key}:", f"`{key}` must be {wanted}; it is ignored.")

    def _warn(self, meta: NavFile, code: str, needle: Any, message: str) -> None:
        line = meta.line_of(needle) if needle is not None else 1
        self.problems.append(_problem(WARNING, code, meta.file or self.prefix + ".nav.yml", line, message))

    # --- resolving

    def build(self) -> list[NavItem]:
        root = self._read(self.tree.path, None)
        self.visited.add(self.tree.path + "/")
        return [item for item, _, _ in self._resolve_list(root.entries(), root)]

    def _resolve_list(self, entries: list[Any], meta: NavFile) -> list[tuple[NavItem, str, bool]]:
        """Entries of one `nav` list, resolved in the plugin's priority order; (item, path, is a section) each."""
        slots: list[Any] = [self._parse(entry, meta) for entry in entries]
        queue: list[tuple[tuple[int, ...], list[Any], int]] = []

        def enqueue(level: list[Any]) -> None:
            for index, slot in enumerate(level):
                if slot is None:
                    continue
                kind = slot[0]
                if kind == "section":
                    enqueue(slot[2])
                elif kind == "page":
                    queue.append(((1, len(queue)), level, index))
                elif kind == "dir":
                    queue.append(((2, -slot[1].count("/"), len(queue)), level, index))
                elif kind == "pattern":
                    queue.append(((3, len(queue)), level, index))

        enqueue(slots)
        for _, level, index in sorted(queue, key=lambda q: q[0]):
            level[index] = ("done", self._resolve(level[index], meta))
        return self._materialize(slots)

    def _materialize(self, slots: list[Any]) -> list[tuple[NavItem, str, bool]]:
        out: list[tuple[NavItem, str, bool]] = []
        for slot in slots:
            if slot is None:
                continue
            if slot[0] == "done":
                out.extend(slot[1])
            elif slot[0] == "link":
                out.append((NavItem(slot[1], url=slot[2]), "", False))
            elif slot[0] == "section":
                children = self._materialize(slot[2])
                if children:  # an empty section written by hand opens nothing here
                    out.append((NavItem(slot[1], children=tuple(c for c, _, _ in children)), "", True))
        return out

    def _parse(self, entry: Any, meta: NavFile, depth: int = 0) -> Any:
        title: str | None = None
        value = entry
        if isinstance(entry, dict) and "glob" in entry:
            return self._pattern_entry(entry, meta)
        if isinstance(entry, dict) and len(entry) == 1:
            key, value = next(iter(entry.items()))
            title = str(key)
            if isinstance(value, list):
                if depth >= MAX_SECTION_DEPTH:
                    self._warn(meta, "awesome-nav-too-deep", title,
                               f"Sections nest deeper than {MAX_SECTION_DEPTH} levels here; the deeper ones are left "
                               "out.")
                    return None
                return ("section", title, [self._parse(e, meta, depth + 1) for e in value])
        if not isinstance(value, str) or not value.strip():
            self._warn(meta, "awesome-nav-entry", str(title or entry)[:40],
                       f"The entry {str(entry)[:60]!r} is not a page, folder, pattern, `Title: target` or section; "
                       "it is ignored.")
            return None
        value = value.strip()
        if title is not None and _URL.match(value):
            return ("link", title, value)
        path = posixpath.normpath(posixpath.join(meta.folder, value.lstrip("/")))
        path = "" if path == "." else path
        if path in self.pages:
            return ("page", path, title)
        if path in self.folders:
            return ("dir", path, title)
        if title is not None:
            self._warn(meta, "awesome-nav-missing", value,
                       f"The entry {value!r} names no page or folder, so it becomes a link as the plugin does; fix the "
                       "name if a page was meant.")
            return ("link", title, value)
        regex = glob_regex(meta.folder, value)
        if regex is None:
            self._warn(meta, "awesome-nav-pattern", value, f"The pattern {value!r} cannot be read; it matches nothing.")
            return None
        return ("pattern", regex, meta, False, value)

    def _pattern_entry(self, entry: dict[Any, Any], meta: NavFile) -> Any:
        local = meta.child(meta.folder)
        local.file, local.text = meta.file, meta.text
        for key in entry:
            if key not in _PATTERN_KEYS:
                self._warn(meta, "awesome-nav-key-unknown", f"{key}:",
                           f"The reader does not know the pattern option {str(key)!r} and ignores it.")
        self._settings(local, {k: v for k, v in entry.items() if k not in ("glob", "ignore_no_matches")}, meta)
        pattern = entry.get("glob")
        regex = glob_regex(meta.folder, pattern) if isinstance(pattern, str) and pattern.strip() else None
        if regex is None:
            self._warn(meta, "awesome-nav-pattern", "glob:", f"The pattern {pattern!r} cannot be read; it matches "
                       "nothing.")
            return None
        return ("pattern", regex, local, bool(entry.get("ignore_no_matches")), pattern)

    def _resolve(self, slot: Any, meta: NavFile) -> list[tuple[NavItem, str, bool]]:
        kind = slot[0]
        if kind == "page":
            draft = self.pages[slot[1]]
            self.visited.add(draft.path)
            return [(NavItem(slot[2] or draft.title, page=draft.page_id), draft.path, False)]
        if kind == "dir":
            return self._directory(slot[1], meta, slot[2])
        return self._pattern(slot[1], slot[2], slot[3], slot[4])

    def _directory(self, path: str, parent: NavFile, title: str | None) -> list[tuple[NavItem, str, bool]]:
        if path + "/" in self.visited:
            return []  # named twice, or a parent named from below (`..`): once is enough, and no loop
        self.visited.add(path + "/")
        meta = self._read(path, parent)
        children = self._resolve_list(meta.entries(), meta)
        if not children:
            return []
        if meta.bools.get("flatten_single_child_sections") and len(children) == 1 and not children[0][0].url:
            return children
        name = posixpath.basename(path)
        if title is None:
            title = meta.title
        if title is None and meta.bools.get("preserve_directory_names"):
            title = name
        index = self.folders[path].index()
        if title is None and meta.bools.get("use_index_title") and index is not None:
            front = index.meta.get("title")
            title = str(front) if isinstance(front, (str, int, float)) and str(front) else None
        page = None
        first = children[0][0]
        if self.indexes and index is not None and first.page == index.page_id and not first.children:
            page, children = index.page_id, children[1:]
        return [(NavItem(title or _humanize(name), page=page, children=tuple(c for c, _, _ in children)), path, True)]

    def _pattern(self, regex: re.Pattern[str], meta: NavFile, quiet: bool, raw: str) -> list[tuple[NavItem, str, bool]]:
        found_pages: list[str] = []
        found_dirs: list[str] = []
        pages: Iterable[str] = self.pages
        folders: Iterable[str] = self.folders
        here = self.folders.get(meta.folder)
        if here is not None and "/" not in raw.strip().rstrip("/") and "**" not in raw:
            # One segment (`*`, `*.md`, every folder's default nav): only the folder's own children can match.
            pages, folders = [d.path for d in here.pages], [sub.path for sub in here.dirs.values()]
        for path in pages:
            if path not in self.visited and regex.fullmatch(path) and not self._ignored(meta, path):
                found_pages.append(path)
        for path in folders:
            if not path or path == self.root or path + "/" in self.visited or not regex.fullmatch(path + "/"):
                continue
            if self._ignored(meta, path + "/") or self._read(path, meta, quiet=True).hide:
                continue
            found_dirs.append(path)
        if not found_pages and not found_dirs and not quiet:
            self._warn(meta, "awesome-nav-no-match", raw,
                       f"The entry {raw!r} matches no page or folder that is not already in the navigation.")
        items: list[tuple[NavItem, str, bool]] = []
        for path in found_pages:
            items.extend(self._resolve(("page", path, None), meta))
        for path in sorted(found_dirs, key=lambda p: -p.count("/")):
            items.extend(self._directory(path, meta, None))
        return self._sorted(items, meta)

    def _ignored(self, meta: NavFile, path: str) -> bool:
        return any(p.fullmatch(path) for p in meta.ignore)

    def _sorted(self, items: list[tuple[NavItem, str, bool]], meta: NavFile) -> list[tuple[NavItem, str, bool]]:
        sort = meta.sort
        fold = bool(sort["ignore_case"])

        def text(value: str) -> Any:
            value = value.casefold() if fold else value
            if sort["type"] != "natural":
                return value
            return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", value) if p)

        def key(entry: tuple[NavItem, str, bool]) -> Any:
            item, path, section = entry
            if sort["by"] == "filename":
                return (text(posixpath.basename(path)), text(path))
            if sort["by"] == "title":
                draft = self.pages.get(path)
                front = draft.meta.get("title") if draft is not None else None
                label = item.title if section else str(front) if front else posixpath.basename(path)
                return (text(label), text(path))
            return tuple(text(part) for part in path.split("/"))

        ordered = sorted(items, key=key, reverse=sort["direction"] == "desc")
        if sort["sections"] != "mixed":
            ordered.sort(key=lambda e: e[2], reverse=sort["sections"] == "first")
        return ordered
