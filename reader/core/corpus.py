"""Import and validation of a guideline corpus: an MkDocs project or a plain folder of Markdown files.

`load_corpus(source)` never raises for a broken page: each problem becomes a `Problem` with file, line and what to
do; pages with errors are left out, pages with warnings are kept. `CorpusError` is raised only when the source as a
whole cannot be read (not a directory, an unusable mkdocs.yml, a docs_dir that is missing).
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import multiprocessing
import os
import posixpath
import re
import stat
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from pickle import PicklingError
from typing import Any

import yaml

from reader.core import links
from reader.core.actions import Placeholder, find_placeholders, find_registry, load_actions
from reader.core.headings import extract_headings, slugify_heading
from reader.core.mkdocs import MkDocsConfig, MkDocsConfigError, read_mkdocs_config, yaml_error_location
from reader.core.model import (
    ERROR,
    LINK,
    RELATION,
    WARNING,
    Corpus,
    Edge,
    Heading,
    NavItem,
    Page,
    Problem,
)
from reader.core.relations import RelationIndex
from reader.core.snippets import Origin, SnippetConfig, SnippetResolver

log = logging.getLogger("reader.corpus")

MAX_PAGE_BYTES = 5 << 20  # larger "pages" are almost always generated dumps; the viewer would choke on them
MAX_LINE_CHARS = 20_000  # no real Markdown line is this long; generated one-line blobs are refused
MAX_UNCLOSED_TAGS = 200  # real pages split a tag over lines a few times at most
UNLISTED_SECTION_TITLE = "Overige pagina's"
SUMMARY_MAX_CHARS = 300

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FM_OPEN = re.compile(r"^---[ \t]*$")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_ABBR = re.compile(r"^\*\[(?P<abbr>[^\]\n]{1,200})\]:[ \t]*(?P<text>.*)$", re.MULTILINE)
_GIT_SYMLINK_STUB = re.compile(r"^[\w./-]+\.md$")


class CorpusError(Exception):
    """The source cannot be read at all. `problem` says why, in the same shape as every other problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class _Draft:
    """A page while the corpus is being imported (before relations and links are resolved)."""

    path: str  # docs-relative
    file: str  # source-root relative, for messages
    page_id: str
    body: str
    body_line: int
    fm_lines: list[str]  # front matter text lines (file line = index + 2)
    meta: dict[str, Any]
    content_hash: str
    origins: list[Origin] | None = None  # per body line, when snippets changed the body
    title: str = ""
    summary: str = ""
    relations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    headings: tuple[Heading, ...] = ()
    abbreviations: dict[str, str] = field(default_factory=dict)
    extra_ids: frozenset[str] = frozenset()
    raw_links: list["RawLink"] = field(default_factory=list)  # found while reading (in a worker for big corpora)
    placeholders: list[Placeholder] = field(default_factory=list)

    @property
    def anchors(self) -> frozenset[str]:
        """Every id a link may point at: heading ids plus explicit ids in the body (computed once)."""
        cached = self.__dict__.get("_anchors")
        if cached is None:
            cached = frozenset(h.anchor for h in self.headings) | self.extra_ids
            self.__dict__["_anchors"] = cached
        return cached

    def origin(self, offset: int) -> tuple[str, int]:
        """File and line of an offset in `body`."""
        index = self.body.count("\n", 0, offset)
        if self.origins is not None and index < len(self.origins):
            o = self.origins[index]
            return o.file, o.line
        return self.file, self.body_line + index

    def fm_line(self, key: str, value: str | None = None) -> int | None:
        """File line of front matter `key:` (or, with `value`, of the first later line mentioning it)."""
        start = None
        for index, line in enumerate(self.fm_lines):
            if start is None and re.match(rf"^{re.escape(key)}\s*:", line):
                start = index
                if value is None or value in line.split(":", 1)[1]:
                    return index + 2
            elif start is not None and value is not None and value in line:
                return index + 2
        return start + 2 if start is not None else None


def _problem(severity: str, code: str, file: str, line: int | None, message: str) -> Problem:
    return Problem(severity, code, file, line, message)


# --------------------------------------------------------------------------------------------------- sources


def _source_root(source: Path) -> Path:
    try:
        st = source.stat()
    except FileNotFoundError:
        raise CorpusError(_problem(ERROR, "source-missing", "", None, f"{source} does not exist; give the folder of an MkDocs project or of Markdown files.")) from None
    except OSError as exc:
        raise CorpusError(_problem(ERROR, "source-unreadable", "", None, f"{source} cannot be read ({exc.strerror}); check its permissions.")) from None
    if not stat.S_ISDIR(st.st_mode):
        raise CorpusError(_problem(ERROR, "source-not-directory", "", None, f"{source} is not a folder; give the folder that holds mkdocs.yml or the Markdown files."))
    if not os.access(source, os.R_OK | os.X_OK):
        raise CorpusError(_problem(ERROR, "source-unreadable", "", None, f"{source} cannot be read; check its permissions."))
    return source.resolve()


def _config(root: Path) -> MkDocsConfig:
    try:
        return read_mkdocs_config(root)
    except MkDocsConfigError as exc:
        name = "mkdocs.yml" if (root / "mkdocs.yml").exists() else "mkdocs.yaml"
        raise CorpusError(_problem(ERROR, exc.code, name, exc.line, exc.message)) from None


def _docs_dir(root: Path, config: MkDocsConfig) -> Path:
    if config.path is None:
        return root
    docs = (root / config.docs_dir)
    name = config.path.name
    try:
        resolved = docs.resolve()
    except (OSError, RuntimeError):
        resolved = docs
    if not resolved.is_relative_to(root):
        raise CorpusError(_problem(ERROR, "docs-dir-outside", name, config.line_of("docs_dir"), f"docs_dir {config.docs_dir!r} lies outside the project; move the pages inside it."))
    if not resolved.is_dir():
        raise CorpusError(_problem(ERROR, "docs-dir-missing", name, config.line_of("docs_dir"), f"The docs folder {config.docs_dir!r} does not exist; create it or set docs_dir in {name}."))
    return resolved


@dataclass
class _Listing:
    pages: list[tuple[str, Path]]  # (docs-relative path, file to read)
    assets: list[str]
    problems: list[Problem]


def _exclude_patterns(config: MkDocsConfig) -> tuple[str, ...]:
    """MkDocs `exclude_docs` (gitignore-style lines). Dot files are always excluded, as MkDocs does."""
    value = config.raw.get("exclude_docs") if config.raw else None
    if not isinstance(value, str):
        return ()
    return tuple(line.strip() for line in value.splitlines() if line.strip() and not line.strip().startswith("#"))


def _excluded(rel: str, is_dir: bool, patterns: tuple[str, ...]) -> bool:
    """A small gitignore subset: `name`, `*.ext`, `dir/`, `/anchored/path`, `a/**/b`; `!` re-includes."""
    excluded = False
    name = rel.rsplit("/", 1)[-1]
    for raw in patterns:
        negate = raw.startswith("!")
        pattern = raw[1:] if negate else raw
        dir_only = pattern.endswith("/")
        pattern = pattern.rstrip("/")
        if dir_only and not is_dir or not pattern:
            continue
        if pattern.startswith("/") or "/" in pattern:
            hit = fnmatch.fnmatchcase(rel, pattern.lstrip("/").replace("**/", "*"))
        else:
            hit = fnmatch.fnmatchcase(name, pattern)
        if hit:
            excluded = not negate
    return excluded


def _walk(root: Path, docs: Path, exclude: tuple[str, ...] = ()) -> _Listing:
    """Every .md page and asset under `docs`, never following a symlink out of `root`."""
    prefix = docs.relative_to(root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    listing = _Listing([], [], [])

    def unreadable(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else prefix.rstrip("/")
        listing.problems.append(_problem(ERROR, "folder-unreadable", rel, None, f"This folder cannot be read ({exc.strerror}); its pages are left out. Check its permissions."))

    stack = [(str(docs), "")]  # a stack, not recursion: folder depth is the corpus author's choice
    while stack:
        folder, rel_dir = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            unreadable(exc)
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            rel = rel_dir + name
            try:
                is_link = entry.is_symlink()  # from the directory listing: no extra system call
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if name.startswith(".") or (exclude and _excluded(rel, is_dir or (is_link and os.path.isdir(entry.path)), exclude)):
                continue
            if is_dir:
                subfolders.append((entry.path, rel + "/"))
                continue
            target = Path(entry.path)
            if is_link:
                if os.path.isdir(entry.path):
                    listing.problems.append(_symlink_problem(root, target, prefix + rel, is_dir=True))
                    continue
                try:
                    target = target.resolve(strict=True)
                except (OSError, RuntimeError):
                    listing.problems.append(_problem(ERROR, "symlink-broken", prefix + rel, None, "This symlink points at nothing; remove it or restore its target."))
                    continue
                if not target.is_relative_to(root):
                    listing.problems.append(_symlink_problem(root, Path(entry.path), prefix + rel, is_dir=False))
                    continue
                if not target.is_file():
                    continue
            if name.lower().endswith(".md"):
                listing.pages.append((rel, target))
            else:
                listing.assets.append(rel)
        stack.extend(reversed(subfolders))
    listing.pages.sort(key=lambda item: item[0])
    listing.assets.sort()
    return listing


_WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$", re.IGNORECASE)
_WINDOWS_BAD_CHARS = re.compile(r'[<>:"\\|?*\x00-\x1f]')


def _unportable(rel: str) -> str | None:
    """The first path segment that cannot be a file name on Windows (the edition stores pages by id)."""
    for segment in rel.split("/"):
        if _WINDOWS_BAD_CHARS.search(segment) or _WINDOWS_RESERVED.match(segment) or segment.endswith((".", " ")):
            return segment
    return None


def _symlink_problem(root: Path, full: Path, rel: str, is_dir: bool) -> Problem:
    try:
        target = full.resolve()
        inside = target.is_relative_to(root)
    except (OSError, RuntimeError):
        inside = False
    if inside and is_dir:
        return _problem(WARNING, "symlink-folder", rel, None, "Symlinked folders are not followed; replace the link with a real folder to include its pages.")
    return _problem(ERROR, "symlink-outside", rel, None, "This symlink points outside the source and is refused (never followed); copy the file into the source instead.")


# --------------------------------------------------------------------------------------------------- pages


def _read_page(rel: str, path: Path, file: str, root: Path, snippets: SnippetResolver | None) -> tuple[_Draft | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return None, [_problem(ERROR, "page-too-large", file, None, f"The page is {size / (1 << 20):.1f} MB, more than the {MAX_PAGE_BYTES >> 20} MB limit; split it into several pages.")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [_problem(ERROR, "page-unreadable", file, None, f"The file cannot be read ({exc.strerror}); check its permissions.")]
    content_hash = hashlib.sha256(data).hexdigest()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_problem(ERROR, "not-utf8", file, 1, "The file is UTF-16 text; save it as UTF-8.")]
    if b"\x00" in data[:8192]:
        return None, [_problem(ERROR, "binary-file", file, None, "This is a binary file, not Markdown text; rename it or remove it from the docs folder.")]
    try:
        text = data.decode("utf-8-sig")  # a BOM is fine
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [_problem(ERROR, "not-utf8", file, line, "The file is not valid UTF-8 at this line; save it as UTF-8.")]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")

    if text.count("<") > MAX_UNCLOSED_TAGS:
        unclosed = _unclosed_tags(text)
        if unclosed is not None:
            count, first = unclosed
            return None, [_problem(ERROR, "html-unclosed", file, first, f"{count:,} HTML tags are opened without a closing `>` on their line (the first here), which Python-Markdown cannot parse in reasonable time; close the tags.")]

    stub = _git_symlink_target(text, path, root)
    if stub is not None:
        # A symlink checked out as a text file holding its target (git with core.symlinks=false, as in NeRDS's
        # Over-NeRDS/CONTRIBUTING.md). MkDocs follows the real link; so do we, inside the project only.
        return _read_page(rel, stub, file, root, snippets)

    if not text.strip():
        problems.append(_problem(WARNING, "empty-page", file, 1, "The page is empty; write its content or remove the file."))
    if len(text) > MAX_LINE_CHARS:
        long_line = _first_long_line(text)
        if long_line is not None:
            # Python-Markdown's HTML handling slows down quadratically on such lines (minutes for one page).
            number, length = long_line
            return None, [_problem(ERROR, "line-too-long", file, number, f"This line is {length:,} characters long, more than the {MAX_LINE_CHARS:,} the reader accepts; break it into shorter lines.")]

    meta: dict[str, Any] = {}
    fm_lines: list[str] = []
    body, body_line = text, 1
    lines = text.split("\n")
    if lines and _FM_OPEN.match(lines[0]):
        close = next((i for i in range(1, len(lines)) if _FM_CLOSE.match(lines[i])), None)
        if close is None:
            return None, [_problem(ERROR, "frontmatter-unclosed", file, 1, "The front matter opened with --- on line 1 is never closed; add a --- line after it.")]
        fm_lines = lines[1:close]
        try:
            loaded = yaml.load("\n".join(fm_lines), Loader=_YAML_LOADER)  # noqa: S506 - safe loader
        except yaml.YAMLError as exc:
            line, reason = _yaml_error_line(exc, len(fm_lines))
            return None, [_problem(ERROR, "frontmatter-yaml", file, line, f"The front matter is not valid YAML ({reason}); fix it at this line (quote values containing ': ').")]
        except (RecursionError, ValueError, OverflowError) as exc:
            return None, [_problem(ERROR, "frontmatter-yaml", file, 2, f"The front matter cannot be read ({type(exc).__name__}); simplify it.")]
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            return None, [_problem(ERROR, "frontmatter-not-mapping", file, 2, f"The front matter is a {_kind(loaded)}, not a set of `key: value` lines; rewrite it as `title: ...` etc.")]
        meta = {str(k): v for k, v in loaded.items()}
        body = "\n".join(lines[close + 1 :])
        body_line = close + 2

    draft = _Draft(rel, file, links.page_id_for_path(rel), body, body_line, fm_lines, meta, content_hash)
    if snippets is not None and ("8<" in body or snippets.config.auto_append):
        body_lines = body.split("\n")
        origins = [Origin(file, body_line + i) for i in range(len(body_lines))]
        new_lines, new_origins = snippets.resolve(body_lines, origins, problems)
        draft.body = "\n".join(new_lines)
        draft.origins = new_origins
    _front_matter(draft, problems)
    try:
        draft.headings = extract_headings(draft.body, draft.body_line)
    except Exception as exc:  # noqa: BLE001 - Python-Markdown on hostile input; the page must not take the import down
        return None, problems + [_problem(ERROR, "markdown-error", file, None, f"The Markdown of this page cannot be parsed ({type(exc).__name__}); simplify the page around unusual constructs.")]
    if draft.origins is not None:
        # Snippets moved lines around: a heading's line is its origin's, when that origin is this file.
        remapped = []
        for h in draft.headings:
            index = h.line - draft.body_line
            origin = draft.origins[index] if h.line and 0 <= index < len(draft.origins) else None
            line = origin.line if origin is not None and origin.file == file else 0
            remapped.append(Heading(h.level, h.text, h.anchor, line))
        draft.headings = tuple(remapped)
    draft.extra_ids = _explicit_ids(draft.body)
    masked = mask_code(draft.body)
    if "*[" in masked:  # abbreviation definitions outside code
        draft.abbreviations = {m.group("abbr").strip(): m.group("text").strip() for m in _ABBR.finditer(masked)}
    draft.raw_links = body_links(draft.body, masked)
    if "action-cards" in masked:
        draft.placeholders = find_placeholders(masked, draft.path, draft.body_line)
    _titles(draft, problems, text)
    return draft, problems


def _yaml_error_line(exc: yaml.YAMLError, fm_len: int) -> tuple[int, str]:
    """File line of a front matter YAML error (front matter starts on line 2) and the parser's reason.

    At "end of stream" (an unclosed quote or bracket) the useful line is where the construct started.
    """
    line0, reason = yaml_error_location(exc)
    line = line0 + 2 if line0 is not None else 2
    return min(max(line, 2), fm_len + 1), reason


_OPEN_TAG_AT_END = re.compile(r"<[A-Za-z][^<>\n]{0,200}$", re.MULTILINE)


def _unclosed_tags(text: str) -> tuple[int, int] | None:
    """(count, first line) of lines ending inside an HTML start tag, when there are more than MAX_UNCLOSED_TAGS."""
    matches = _OPEN_TAG_AT_END.finditer(text)
    first = next(matches, None)
    if first is None:
        return None
    count = 1 + sum(1 for _ in matches)
    if count <= MAX_UNCLOSED_TAGS:
        return None
    return count, text.count("\n", 0, first.start()) + 1


def _first_long_line(text: str) -> tuple[int, int] | None:
    """(1-based line, length) of the first line longer than MAX_LINE_CHARS, if any."""
    start = 0
    number = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end == -1 else end
        if stop - start > MAX_LINE_CHARS:
            return number, stop - start
        if end == -1:
            return None
        start = end + 1
        number += 1


def _git_symlink_target(text: str, path: Path, root: Path) -> Path | None:
    candidate = text.strip()
    if "\n" in candidate or not _GIT_SYMLINK_STUB.match(candidate) or len(candidate) > 255:
        return None
    try:
        target = (path.parent / candidate).resolve()
    except (OSError, RuntimeError):
        return None
    if target == path.resolve() or not target.is_relative_to(root) or not target.is_file():
        return None
    return target


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, str):
        return "single text value"
    return f"single {_type_name(value)}"


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, (int, float)):
        return "number"
    if hasattr(value, "isoformat"):
        return "date"
    if isinstance(value, dict):
        return "mapping"
    return type(value).__name__


def _scalar_text(draft: _Draft, key: str, problems: list[Problem]) -> str | None:
    if key not in draft.meta:
        return None
    value = draft.meta[key]
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, (int, float)) or hasattr(value, "isoformat"):
        problems.append(_problem(WARNING, "frontmatter-type", draft.file, draft.fm_line(key), f"`{key}` is a {_type_name(value)}, not text; it is used as text. Put it in quotes to make it text."))
        return str(value)
    problems.append(_problem(WARNING, "frontmatter-type", draft.file, draft.fm_line(key), f"`{key}` must be text but is a {_kind(value)}; it is ignored. Write it as one line of text."))
    return None


def _front_matter(draft: _Draft, problems: list[Problem]) -> None:
    meta = draft.meta
    relations = meta.get("relations")
    refs: list[str] = []
    if relations is not None:
        if isinstance(relations, str):
            problems.append(_problem(WARNING, "frontmatter-type", draft.file, draft.fm_line("relations"), "`relations` should be a list (`- name` lines); the single value is used."))
            relations = [relations]
        if isinstance(relations, list):
            for item in relations:
                if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                    refs.append(str(item).strip())
                else:
                    problems.append(_problem(WARNING, "frontmatter-type", draft.file, draft.fm_line("relations"), f"A relation must be a page name, not a {_kind(item)}; it is ignored."))
        else:
            problems.append(_problem(WARNING, "frontmatter-type", draft.file, draft.fm_line("relations"), f"`relations` must be a list of page names, not a {_kind(relations)}; it is ignored."))
    draft.relations = tuple(dict.fromkeys(refs))
    alias = meta.get("id")
    if alias is not None:
        if isinstance(alias, (str, int)) and not isinstance(alias, bool) and str(alias).strip():
            draft.aliases = (str(alias).strip(),)
        else:
            problems.append(_problem(WARNING, "frontmatter-type", draft.file, draft.fm_line("id"), f"`id` must be a short text, not a {_kind(alias)}; it is ignored."))


def _titles(draft: _Draft, problems: list[Problem], text: str) -> None:
    title = _scalar_text(draft, "title", problems)
    if title is None:
        h1 = next((h for h in draft.headings if h.level == 1), None)
        if h1 is not None and h1.text.strip():
            title = h1.text.strip()
            how = f"the first heading ({title!r}) is used"
        else:
            title = _title_from_path(draft.path)
            how = f"the file name ({title!r}) is used"
        if text.strip():
            problems.append(_problem(WARNING, "title-missing", draft.file, 1, f"The page has no `title` in its front matter; {how}. Add a `title:` line."))
    draft.title = title
    summary = _scalar_text(draft, "summary", problems)
    if summary is None:
        summary = first_paragraph(draft.body)
        if text.strip():
            problems.append(_problem(WARNING, "summary-missing", draft.file, 1, "The page has no `summary` in its front matter; the first paragraph is used. Add a `summary:` line."))
    draft.summary = summary


def _title_from_path(path: str) -> str:
    """MkDocs' dirname_to_title, applied to the file (or, for index.md, the folder) name."""
    page_id = links.page_id_for_path(path)
    name = page_id.rsplit("/", 1)[-1] or "index"
    return _humanize(name)


def _humanize(name: str) -> str:
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_TAGS = re.compile(r"<[^>]+>")
_EMPH = re.compile(r"(\*\*|__|\*|_|`|~~|==)")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}")
_NOT_PARAGRAPH = re.compile(r"^(?:#|<|!!!|\?\?\?|===|```|~~~|[-*+] |\d+[.)] |\||>|\*\[|\[[^\]]*\]:|\{|-{3,}|\*{3,}|_{3,}|/{3}|--8<--)")


def first_paragraph(body: str) -> str:
    """The plain text of the first ordinary paragraph (for a missing `summary`)."""
    block: list[str] = []
    in_fence = False
    for line in body.split("\n") + [""]:
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            block = []
            continue
        if in_fence:
            continue
        if not stripped:
            if block:
                break
            continue
        if not block and (line.startswith(("    ", "\t")) or _NOT_PARAGRAPH.match(stripped)):
            block = []
            continue
        if block and _NOT_PARAGRAPH.match(stripped) and stripped.startswith(("#", "<", "!!!", "???")):
            break
        block.append(stripped[: 4 * SUMMARY_MAX_CHARS])
        if sum(len(b) for b in block) > 4 * SUMMARY_MAX_CHARS:
            break  # enough for a summary; also keeps the clean-up patterns below on a short text
    text = " ".join(block)
    text = _INLINE_LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TAGS.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _EMPH.sub("", text)
    text = " ".join(text.split())
    if len(text) > SUMMARY_MAX_CHARS:
        text = text[: SUMMARY_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


_BRACES = re.compile(r"\{([^{}\n]{1,300})\}")
_HASH_ID = re.compile(r"#([\w:.-]+)")
_ID_ATTR = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"'\n]{1,200})["']""")


def _explicit_ids(body: str) -> frozenset[str]:
    """Ids set by attr_list (`{#id}`) or raw HTML (`id="..."`, `<a name=...>`): valid anchor targets too."""
    ids: set[str] = set()
    if "{" in body and "#" in body:
        for braces in _BRACES.finditer(body):
            ids.update(_HASH_ID.findall(braces.group(1)))
    if "=" in body:
        ids.update(_ID_ATTR.findall(body))
    return frozenset(ids)


# Every pattern below is bounded or anchored: a page is untrusted input, and an unbounded `[^x]*` scanned from each of
# many openers turns a 1 MB page into minutes of work.
_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_BACKTICKS = re.compile(r"`+")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_MD_LINK = re.compile(r"(?P<img>!?)\[(?:[^\[\]\n]|\[[^\[\]\n]{0,500}\]){0,500}\]\(\s*(?P<href><[^>\n]{0,2000}>|[^)\s]{1,2000})(?:\s+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^)\n]{0,500}\)))?\s*\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]{1,500}\]:[ \t]*(?P<href><[^>\n]{0,2000}>|\S{1,2000})", re.MULTILINE)
_HTML_ATTR = re.compile(r"""<(?P<tag>a|img|link|source|area)\b[^>]{0,1000}?\b(?P<attr>href|src)\s*=\s*(?P<q>["'])(?P<href>[^"'\n]{0,2000})(?P=q)""", re.IGNORECASE)
_CODE_SPAN_LOOKAHEAD = 64  # backtick runs searched for a closer; a code span never crosses a blank line anyway


def mask_code(body: str) -> str:
    """`body` with fenced code, code spans, comments and scripts blanked (same length and newlines), so links and
    placeholders in them are ignored. Linear in the size of the body, whatever it holds."""
    if "`" not in body and "~" not in body and "<" not in body:
        return body
    spans: list[tuple[int, int]] = []
    # Fenced blocks, line by line: a fence closes with the same character, at least as long, and nothing after it.
    offset = 0
    open_fence: tuple[str, int, int] | None = None  # (char, length, start offset)
    for line in body.split("\n"):
        if "`" in line or "~" in line:
            match = _FENCE_LINE.match(line)
            if match:
                run = match.group(1)
                if open_fence is None:
                    open_fence = (run[0], len(run), offset)
                elif run[0] == open_fence[0] and len(run) >= open_fence[1] and not match.group(2).strip():
                    spans.append((open_fence[2], offset + len(line)))
                    open_fence = None
        offset += len(line) + 1
    text = _blank(body, spans)
    spans = []
    # Comments and scripts: find the closer once; an unclosed one is left alone and ends the search.
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        spans.append((start, end + 3))
        position = end + 3
    if "<" in text:
        lowered = None
        scripts: list[tuple[int, int]] = []
        for match in _SCRIPT_OPEN.finditer(text):
            if scripts and match.start() < scripts[-1][1]:
                continue  # inside the previous script
            lowered = lowered if lowered is not None else text.lower()
            end = lowered.find("</" + match.group(1).lower(), match.end())
            if end == -1:
                break
            close = lowered.find(">", end)
            scripts.append((match.start(), (close + 1) if close != -1 else len(text)))
        spans = sorted(spans + scripts)
    text = _blank(text, spans)
    # Code spans: a run of n backticks closes at the next run of exactly n, within the same paragraph.
    if "`" in text:
        spans = []
        runs = list(_BACKTICKS.finditer(text))
        index = 0
        while index < len(runs):
            opener = runs[index]
            limit = text.find("\n\n", opener.end())
            limit = len(text) if limit == -1 else limit
            for ahead in range(index + 1, min(len(runs), index + 1 + _CODE_SPAN_LOOKAHEAD)):
                closer = runs[ahead]
                if closer.start() > limit:
                    break
                if len(closer.group()) == len(opener.group()):
                    spans.append((opener.start(), closer.end()))
                    index = ahead
                    break
            index += 1
        text = _blank(text, spans)
    return text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span replaced by spaces, newlines kept."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        if end <= last:
            continue
        start = max(start, last)  # overlapping spans (a comment inside a script) blank their union
        parts.append(text[last:start])
        chunk = text[start:end]
        parts.append("\n".join(" " * len(piece) for piece in chunk.split("\n")))
        last = end
    parts.append(text[last:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class RawLink:
    href: str
    offset: int
    image: bool


def body_links(body: str, masked: str | None = None) -> list[RawLink]:
    """Every link or image reference written in a Markdown body, outside code (`masked`: mask_code(body))."""
    masked = mask_code(body) if masked is None else masked
    found: list[RawLink] = []
    if "](" in masked:
        for m in _MD_LINK.finditer(masked):
            found.append(RawLink(m.group("href").strip("<>").strip(), m.start(), bool(m.group("img"))))
    if "]:" in masked:
        for m in _REF_DEF.finditer(masked):
            found.append(RawLink(m.group("href").strip("<>").strip(), m.start(), False))
    if "=" in masked and "<" in masked:
        for m in _HTML_ATTR.finditer(masked):
            found.append(RawLink(m.group("href").strip(), m.start(), m.group("attr").lower() == "src"))
    found.sort(key=lambda link: link.offset)
    return found


# --------------------------------------------------------------------------------------------------- nav


class _NavBuilder:
    def __init__(self, config: MkDocsConfig, drafts: dict[str, _Draft], all_paths: set[str], problems: list[Problem]) -> None:
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
            self.problems.append(_problem(WARNING, "nav-format", self.config_name, self.config.line_of("nav:"), "`nav` must be a list of entries; it is ignored and the folder order is used."))
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
                self.problems.append(_problem(WARNING, "nav-missing", self.config_name, self.config.line_of(target), f"The nav names {target!r}, which is not a page in the docs folder; fix the path or remove the entry."))
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
        self.problems.append(_problem(WARNING, "nav-format", self.config_name, self.config.line_of(str(entry)[:40]) if isinstance(entry, (str, dict)) else None, f"Nav entry {str(entry)[:60]!r} is not `Title: file.md`, a file name, or a section list; it is ignored."))
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


# --------------------------------------------------------------------------------------------------- reading


PARALLEL_MIN_PAGES = 800  # below this, starting worker processes costs more than it saves
_CHUNK_PAGES = 250


def _default_workers(pages: int) -> int:
    env = os.environ.get("RICHTLIJNENLEZER_IMPORT_WORKERS", "")
    if env.isdigit():
        return max(1, int(env))
    if pages < PARALLEL_MIN_PAGES or getattr(sys, "frozen", False):
        # A frozen app would re-launch itself as the worker; keep it to one process.
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _read_chunk(
    items: list[tuple[str, Path]], root: Path, prefix: str, snippet_cfg: SnippetConfig | None
) -> list[tuple[_Draft | None, list[Problem]]]:
    resolver = SnippetResolver(root, snippet_cfg) if snippet_cfg is not None else None
    return [_read_page(rel, path, prefix + rel, root, resolver) for rel, path in items]


def _read_pages(
    items: list[tuple[str, Path]], root: Path, prefix: str, snippet_cfg: SnippetConfig | None, workers: int | None
) -> list[tuple[_Draft | None, list[Problem]]]:
    """`_read_page` for every page, in order; in worker processes for large corpora (parsing is CPU-bound)."""
    count = _default_workers(len(items)) if workers is None else max(1, workers)
    if count > 1 and len(items) > _CHUNK_PAGES:
        chunks = [items[i : i + _CHUNK_PAGES] for i in range(0, len(items), _CHUNK_PAGES)]
        try:
            # spawn, not fork: the importer may run inside the GUI process, where forking a threaded Qt app is unsafe.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=min(count, len(chunks)), mp_context=context) as pool:
                results = list(pool.map(_read_chunk, chunks, repeat(root), repeat(prefix), repeat(snippet_cfg)))
            return [item for chunk in results for item in chunk]
        except (OSError, BrokenProcessPool, RuntimeError, PicklingError) as exc:
            log.warning("parallel import failed (%s); reading pages in one process", exc)
    return _read_chunk(items, root, prefix, snippet_cfg)


# --------------------------------------------------------------------------------------------------- corpus


def load_corpus(source: Path, *, workers: int | None = None) -> Corpus:
    """Import a corpus. See the module docstring for the error contract.

    `workers`: processes that read and parse pages; None picks one per CPU (at most 4) for corpora of
    PARALLEL_MIN_PAGES pages or more and one otherwise. The result does not depend on it.
    """
    source = Path(source)
    root = _source_root(source)
    config = _config(root)
    docs = _docs_dir(root, config)
    listing = _walk(root, docs, _exclude_patterns(config))
    prefix = docs.relative_to(root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    problems: list[Problem] = list(listing.problems)

    snippet_cfg = SnippetConfig.from_mkdocs(root, config.extension("pymdownx.snippets"))
    if snippet_cfg is not None and config.path is not None:
        snippet_cfg = SnippetConfig(snippet_cfg.base_paths, snippet_cfg.auto_append, snippet_cfg.check_paths, config.path.name)

    drafts: dict[str, _Draft] = {}  # by docs-relative path
    by_id: dict[str, _Draft] = {}
    by_folded: dict[str, _Draft] = {}
    for (rel, _), (draft, page_problems) in zip(listing.pages, _read_pages(listing.pages, root, prefix, snippet_cfg, workers)):
        file = prefix + rel
        problems.extend(page_problems)
        if draft is None:
            continue
        other = by_id.get(draft.page_id)
        if other is not None:
            problems.append(_problem(ERROR, "duplicate-id", file, None, f"This page gets the id {draft.page_id!r}, which {other.file} already has; rename or move one of the two."))
            continue
        folded = draft.page_id.casefold()
        other = by_folded.get(folded)
        if other is not None:
            problems.append(_problem(ERROR, "duplicate-id-case", file, None, f"This page's id {draft.page_id!r} differs from that of {other.file} only in upper/lower case, which Windows and macOS cannot keep apart; rename one of the two."))
            continue
        bad_name = _unportable(rel)
        if bad_name:
            problems.append(_problem(ERROR, "unportable-name", file, None, f"The name {bad_name!r} cannot be used on Windows; rename it (no < > : \" | ? * or names like CON, and no trailing dot or space)."))
            continue
        by_folded[folded] = draft
        by_id[draft.page_id] = draft
        drafts[rel] = draft

    if not listing.pages:
        problems.append(_problem(ERROR, "no-pages", prefix.rstrip("/") or ".", None, "No Markdown (.md) pages were found; point at the folder with mkdocs.yml or with the .md files."))

    # Navigation and reading order.
    all_paths = {rel for rel, _ in listing.pages}
    if config.nav is not None:
        builder = _NavBuilder(config, drafts, all_paths, problems)
        nav = list(builder.build(config.nav))
        order = builder.order
        if not nav:
            nav_t, order = _folder_nav(list(drafts.values()))
            nav = list(nav_t)
        else:
            in_nav = set(order)
            unlisted = [d for d in drafts.values() if d.page_id not in in_nav]
            if unlisted:
                nav.append(NavItem(title=UNLISTED_SECTION_TITLE, children=tuple(NavItem(d.title, page=d.page_id) for d in unlisted)))
                order.extend(d.page_id for d in unlisted)
    else:
        nav_t, order = _folder_nav(list(drafts.values()))
        nav = list(nav_t)

    # Aliases (front matter `id`).
    aliases: dict[str, str] = {}
    for draft in drafts.values():
        for alias in draft.aliases:
            if alias in by_id and by_id[alias] is not draft:
                problems.append(_problem(WARNING, "duplicate-alias", draft.file, draft.fm_line("id"), f"The front matter id {alias!r} is already the id of {by_id[alias].file}; choose another id."))
            elif alias in aliases and aliases[alias] != draft.page_id:
                problems.append(_problem(WARNING, "duplicate-alias", draft.file, draft.fm_line("id"), f"The front matter id {alias!r} is also used by {by_id[aliases[alias]].file}; give each page its own id."))
            else:
                aliases[alias] = draft.page_id

    pages_by_path = {rel: d.page_id for rel, d in drafts.items()}
    for rel, d in drafts.items():
        # MkDocs serves a README.md as its folder's index when there is no index.md: `folder/` links reach it.
        if posixpath.basename(rel).lower() == "readme.md":
            index_path = posixpath.join(posixpath.dirname(rel), "index.md")
            pages_by_path.setdefault(index_path, d.page_id)
    asset_set = frozenset(listing.assets)
    index = RelationIndex(by_id.keys(), aliases, pages_by_path)
    edges: list[Edge] = []
    seen_edges: set[tuple[str, str, str, str | None]] = set()

    def add_edge(edge: Edge) -> None:
        key = (edge.source, edge.target, edge.kind, edge.anchor)
        if key not in seen_edges:
            seen_edges.add(key)
            edges.append(edge)

    for page_id in order:
        draft = by_id[page_id]
        for ref in draft.relations:
            target = index.resolve(ref, draft.path)
            if target is None:
                problems.append(_problem(WARNING, "relation-missing", draft.file, draft.fm_line("relations", ref), f"Relation {ref!r} matches no page; use a page's folder name, id or path{_suggest_relation(ref, index)}."))
            elif target == page_id:
                problems.append(_problem(WARNING, "relation-self", draft.file, draft.fm_line("relations", ref), f"Relation {ref!r} points at this page itself; remove it."))
            else:
                add_edge(Edge(page_id, target, RELATION))
        _check_links(draft, by_id, pages_by_path, asset_set, problems, add_edge)
        draft.raw_links = []  # done with them: keep the peak memory down on big corpora

    # Actions.
    actions: tuple = ()
    registry = find_registry(docs)
    if registry is None:  # "or the path the corpus uses": any actions.yaml in the docs folder
        found = next((a for a in listing.assets if posixpath.basename(a) in ("actions.yaml", "actions.yml")), None)
        registry = docs / found if found else None
    if registry is not None:
        actions, action_problems = load_actions(registry, prefix + registry.relative_to(docs).as_posix())
        problems.extend(action_problems)
    for page_id in order:
        draft = by_id[page_id]
        for ph in draft.placeholders:
            if registry is None:
                problems.append(_problem(WARNING, "actions-registry-missing", draft.file, ph.line, "This page asks for action cards but the corpus has no action registry (action-registry/actions.yaml); add it or remove the placeholder."))
            elif not any(a.matches(ph.richtlijn, ph.fase) for a in actions):
                problems.append(_problem(WARNING, "actions-none", draft.file, ph.line, f"No action in the registry matches richtlijn {ph.richtlijn!r}" + (f" and fase {ph.fase!r}" if ph.fase else "") + "; the placeholder stays empty. Fix data-richtlijn/data-fase or add actions."))

    pages: dict[str, Page] = {}
    for page_id in order:
        d = by_id[page_id]
        pages[page_id] = Page(
            id=page_id,
            path=d.path,
            title=d.title,
            summary=d.summary,
            body=d.body,
            body_line=d.body_line,
            relations=d.relations,
            aliases=d.aliases,
            headings=d.headings,
            abbreviations=d.abbreviations,
            metadata={k: v for k, v in d.meta.items() if k not in ("title", "summary", "relations", "id")},
            content_hash=d.content_hash,
        )

    title = config.site_name or root.name
    unique_problems = list(dict.fromkeys(problems))
    unique_problems.sort(key=lambda p: (p.file, p.line or 0))
    return Corpus(
        root=root,
        docs_dir=docs,
        title=title,
        pages=pages,
        nav=tuple(nav),
        edges=tuple(edges),
        actions=actions,
        assets=tuple(listing.assets),
        problems=unique_problems,
        language=config.language or "nl",
    )


def _resolve(href: str, from_path: str, pages_by_path: dict[str, str], assets: frozenset[str]) -> links.LinkTarget:
    """`links.resolve_href`, with a shortcut for the common plain `other/page.md#anchor` link that hits a page.

    The shortcut computes exactly resolve_href's first candidate for a file link; anything else goes the long way.
    """
    path, _, anchor = href.partition("#")
    if path.endswith(".md") and not path.startswith("/") and not any(c in href for c in ":%?\\ ") and "//" not in path:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), path))
        page = pages_by_path.get(joined)
        if page is not None and not joined.startswith("../"):
            return links.LinkTarget("page", page=page, anchor=anchor or None)
    return links.resolve_href(href, from_path, pages_by_path, assets)


def _suggest_relation(ref: str, index: RelationIndex) -> str:
    from difflib import get_close_matches

    close = get_close_matches(ref.strip().lower(), sorted(index.by_slug), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _suggest(anchor: str, anchors: frozenset[str]) -> str:
    """` (did you mean 'x'?)` when the anchor differs from an existing id only in case or spelling."""
    from difflib import get_close_matches

    wanted = slugify_heading(anchor)
    if wanted in anchors:
        return f" (ids are lower case: did you mean {wanted!r}?)"
    close = get_close_matches(anchor.lower(), sorted(anchors), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_links(
    draft: _Draft,
    by_id: dict[str, _Draft],
    pages_by_path: dict[str, str],
    assets: frozenset[str],
    problems: list[Problem],
    add_edge: Any,
) -> None:
    own_anchors = draft.anchors
    for raw in draft.raw_links:
        href = raw.href
        if not href or href.startswith(("{{", "{%")):
            continue
        target = _resolve(href, draft.path, pages_by_path, assets)
        file, line = draft.origin(raw.offset)
        if target.kind == "page" and target.page is not None:
            if target.anchor:
                other = by_id[target.page]
                if target.anchor not in other.anchors:
                    problems.append(_problem(WARNING, "anchor-missing", file, line, f"Link {href!r}: page {other.file} has no heading with id {target.anchor!r}; fix the #anchor{_suggest(target.anchor, other.anchors)}."))
            if target.page != draft.page_id:
                add_edge(Edge(draft.page_id, target.page, LINK, target.anchor))
        elif target.kind == "anchor":
            if target.anchor and target.anchor not in own_anchors:
                problems.append(_problem(WARNING, "anchor-missing", file, line, f"Link {href!r}: this page has no heading with id {target.anchor!r}; fix the #anchor{_suggest(target.anchor, own_anchors)}."))
        elif target.kind == "missing":
            what = "Image" if raw.image else "Link"
            code = "image-missing" if raw.image else "link-missing"
            problems.append(_problem(WARNING, code, file, line, f"{what} {href!r} points at {target.path or '(nothing)'}, which is not in the docs folder; fix the path."))
        elif target.kind == "unsafe":
            problems.append(_problem(WARNING, "link-unsafe", file, line, f"Link {href!r} uses a scheme the reader will not open; use an http(s) or relative link."))

