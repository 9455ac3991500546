"""One page: reading it (limits, front matter, snippets), its titles, summary and explicit anchors."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader.core import links
from reader.core.corpus.actions import Placeholder
from reader.core.corpus.errors import _problem
from reader.core.corpus.mkdocs import (
    yaml_error_location,
)
from reader.core.corpus.page_checks import MAX_NESTING, load_front_matter, too_deep
from reader.core.corpus.snippets import IncludeBudgetExceeded, Origin, SnippetResolver
from reader.core.model import (
    ERROR,
    INFO,
    WARNING,
    Heading,
    Problem,
)
from reader.core.render import FoundLink

MAX_PAGE_BYTES = 5 << 20  # larger "pages" are almost always generated dumps; the viewer would choke on them
MAX_LINE_CHARS = 20_000  # no real Markdown line is this long; generated one-line blobs are refused
MAX_UNCLOSED_TAGS = 200  # real pages split a tag over lines a few times at most
UNLISTED_SECTION_TITLE = "Overige pagina's"

_FM_OPEN = re.compile(r"^---[ \t]*$")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_GIT_SYMLINK_STUB = re.compile(r"^[\w./-]+\.md$")


@dataclass
class _Draft:
    """A page while the corpus is being imported (before relations and links are resolved).

    Headings, ids, links, abbreviations, placeholders and the opening paragraph come from the page's one Markdown
    pass (reader.core.render.single_pass), which load.py runs after reading.
    """

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
    raw_links: list[FoundLink] = field(default_factory=list)  # found by the Markdown pass
    placeholders: list[Placeholder] = field(default_factory=list)
    has_text: bool = True  # the file holds more than white space
    opening: str = ""  # plain text of the first paragraph, from the rendered page
    summary_derived: bool = False  # no summary or description in the front matter: made from the opening
    html: str = ""  # the Markdown pass's output

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



# --------------------------------------------------------------------------------------------------- pages


def _read_page(
    rel: str, path: Path, file: str, root: Path, snippets: SnippetResolver | None
) -> tuple[_Draft | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return None, [_problem(
                ERROR, "page-too-large", file, None,
                f"The page is {size / (1 << 20):.1f} MB, more than the {MAX_PAGE_BYTES >> 20} MB limit; "
                "split it into several pages.",
            )]
        data = path.read_bytes()
    except OSError as exc:
        return None, [_problem(
            ERROR, "page-unreadable", file, None, f"The file cannot be read ({exc.strerror}); check its permissions."
        )]
    content_hash = hashlib.sha256(data).hexdigest()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_problem(ERROR, "not-utf8", file, 1, "The file is UTF-16 text; save it as UTF-8.")]
    if b"\x00" in data[:8192]:
        return None, [_problem(
            ERROR, "binary-file", file, None,
            "This is a binary file, not Markdown text; rename it or remove it from the docs folder.",
        )]
    try:
        text = data.decode("utf-8-sig")  # a BOM is fine
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [_problem(
            ERROR, "not-utf8", file, line, "The file is not valid UTF-8 at this line; save it as UTF-8."
        )]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")

    if text.count("<") > MAX_UNCLOSED_TAGS:
        unclosed = _unclosed_tags(text)
        if unclosed is not None:
            count, first = unclosed
            return None, [_problem(
                ERROR, "html-unclosed", file, first,
                f"{count:,} HTML tags are opened without a closing `>` on their line (the first here), "
                "which Python-Markdown cannot parse in reasonable time; close the tags.",
            )]

    stub = _git_symlink_target(text, path, root)
    if stub is not None:
        # A symlink checked out as a text file holding its target (git with core.symlinks=false, as in NeRDS's
        # Over-NeRDS/CONTRIBUTING.md). MkDocs follows the real link; so do we, inside the project only.
        return _read_page(rel, stub, file, root, snippets)

    if not text.strip():
        problems.append(_problem(
            WARNING, "empty-page", file, 1, "The page is empty; write its content or remove the file."
        ))
    if len(text) > MAX_LINE_CHARS:
        long_line = _first_long_line(text)
        if long_line is not None:
            # Python-Markdown's HTML handling slows down quadratically on such lines (minutes for one page).
            number, length = long_line
            return None, [_problem(
                ERROR, "line-too-long", file, number,
                f"This line is {length:,} characters long, more than the {MAX_LINE_CHARS:,} the reader accepts; "
                "break it into shorter lines.",
            )]

    meta: dict[str, Any] = {}
    fm_lines: list[str] = []
    body, body_line = text, 1
    lines = text.split("\n")
    if lines and _FM_OPEN.match(lines[0]):
        close = next((i for i in range(1, len(lines)) if _FM_CLOSE.match(lines[i])), None)
        if close is None:
            return None, [_problem(
                ERROR, "frontmatter-unclosed", file, 1,
                "The front matter opened with --- on line 1 is never closed; add a --- line after it.",
            )]
        fm_lines = lines[1:close]
        try:
            loaded, duplicates = load_front_matter("\n".join(fm_lines))  # a safe loader
        except yaml.YAMLError as exc:
            line, reason = _yaml_error_line(exc, len(fm_lines))
            return None, [_problem(
                ERROR, "frontmatter-yaml", file, line,
                f"The front matter is not valid YAML ({reason}); fix it at this line (quote values containing ': ').",
            )]
        except (RecursionError, ValueError, OverflowError) as exc:
            return None, [_problem(
                ERROR, "frontmatter-yaml", file, 2,
                f"The front matter cannot be read ({type(exc).__name__}); simplify it.",
            )]
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            return None, [_problem(
                ERROR, "frontmatter-not-mapping", file, 2,
                f"The front matter is a {_kind(loaded)}, not a set of `key: value` lines; "
                "rewrite it as `title: ...` etc.",
            )]
        for key, first, second in duplicates:
            problems.append(_problem(
                WARNING, "frontmatter-duplicate-key", file, second + 2,
                f"The front matter gives `{key}` twice, on lines {first + 2} and {second + 2}; "
                "the last one is used. Remove one of them.",
            ))
        meta = {str(k): v for k, v in loaded.items()}
        body = "\n".join(lines[close + 1 :])
        body_line = close + 2

    draft = _Draft(rel, file, links.page_id_for_path(rel), body, body_line, fm_lines, meta, content_hash)
    if snippets is not None and ("8<" in body or snippets.config.auto_append):
        body_lines = body.split("\n")
        origins = [Origin(file, body_line + i) for i in range(len(body_lines))]
        try:
            new_lines, new_origins = snippets.resolve(body_lines, origins, problems)
        except IncludeBudgetExceeded as exc:
            return None, problems + [exc.problem]
        draft.body = "\n".join(new_lines)
        draft.origins = new_origins
    deep = too_deep(draft.body)
    if deep is not None:
        index, depth = deep
        where_file, where_line = draft.origin(_line_offset(draft.body, index))
        return None, problems + [_problem(
            ERROR, "nesting-too-deep", file, where_line if where_file == file else None,
            f"Lists or quotes nest {depth} levels deep here"
            + (f" (in {where_file}:{where_line})" if where_file != file else "")
            + f", more than the {MAX_NESTING} the reader accepts; flatten the structure.",
        )]
    _front_matter(draft, problems)
    draft.has_text = bool(text.strip())
    return draft, problems


def _line_offset(text: str, index: int) -> int:
    """The offset where 0-based line `index` of `text` starts."""
    offset = 0
    for _ in range(index):
        offset = text.index("\n", offset) + 1
    return offset


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
        problems.append(_problem(
            WARNING, "frontmatter-type", draft.file, draft.fm_line(key),
            f"`{key}` is a {_type_name(value)}, not text; it is used as text. Put it in quotes to make it text.",
        ))
        return str(value)
    problems.append(_problem(
        WARNING, "frontmatter-type", draft.file, draft.fm_line(key),
        f"`{key}` must be text but is a {_kind(value)}; it is ignored. Write it as one line of text.",
    ))
    return None


def _front_matter(draft: _Draft, problems: list[Problem]) -> None:
    meta = draft.meta
    relations = meta.get("relations")
    refs: list[str] = []
    if relations is not None:
        if isinstance(relations, str):
            problems.append(_problem(
                WARNING, "frontmatter-type", draft.file, draft.fm_line("relations"),
                "`relations` should be a list (`- name` lines); the single value is used.",
            ))
            relations = [relations]
        if isinstance(relations, list):
            for item in relations:
                if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                    refs.append(str(item).strip())
                else:
                    problems.append(_problem(
                        WARNING, "frontmatter-type", draft.file, draft.fm_line("relations"),
                        f"A relation must be a page name, not a {_kind(item)}; it is ignored.",
                    ))
        else:
            problems.append(_problem(
                WARNING, "frontmatter-type", draft.file, draft.fm_line("relations"),
                f"`relations` must be a list of page names, not a {_kind(relations)}; it is ignored.",
            ))
    draft.relations = tuple(dict.fromkeys(refs))
    alias = meta.get("id")
    if alias is not None:
        if isinstance(alias, (str, int)) and not isinstance(alias, bool) and str(alias).strip():
            draft.aliases = (str(alias).strip(),)
        else:
            problems.append(_problem(
                WARNING, "frontmatter-type", draft.file, draft.fm_line("id"),
                f"`id` must be a short text, not a {_kind(alias)}; it is ignored.",
            ))


def _titles(draft: _Draft, problems: list[Problem]) -> None:
    """Title and summary, once the Markdown pass has given the draft its headings and opening paragraph."""
    title = _scalar_text(draft, "title", problems)
    if title is None:
        h1 = next((h for h in draft.headings if h.level == 1), None)
        if h1 is not None and h1.text.strip():
            title = h1.text.strip()
            how = f"the first heading ({title!r}) is used"
        else:
            title = _title_from_path(draft.path)
            how = f"the file name ({title!r}) is used"
        if draft.has_text:
            problems.append(_problem(
                INFO, "title-missing", draft.file, 1,
                f"The page has no `title` in its front matter; {how}. Add a `title:` line.",
            ))
    draft.title = title
    summary = _scalar_text(draft, "summary", problems)
    if summary is None:
        summary = _scalar_text(draft, "description", problems)  # MkDocs' own key for it
    if summary is None:
        summary = draft.opening
        draft.summary_derived = True
        if draft.has_text:
            problems.append(_problem(
                INFO, "summary-missing", draft.file, 1,
                "The page has no `summary` in its front matter; the first paragraph is used. Add a `summary:` line.",
            ))
    draft.summary = summary


def _title_from_path(path: str) -> str:
    """MkDocs' dirname_to_title, applied to the file (or, for index.md, the folder) name."""
    page_id = links.page_id_for_path(path)
    name = page_id.rsplit("/", 1)[-1] or "index"
    return _humanize(name)


def _humanize(name: str) -> str:
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
