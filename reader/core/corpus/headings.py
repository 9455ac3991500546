"""Heading ids exactly as Python-Markdown's `toc` extension assigns them.

Which lines are headings depends on the whole block structure (fenced code, admonitions, raw HTML blocks,
`md_in_html`, setext underlines...). Rather than re-implementing that, we let Python-Markdown parse the page with
the block extensions a MkDocs Material corpus uses, and read `toc_tokens`. To keep import fast, inline processing is
skipped for everything but headings (the ids depend only on heading text and on explicit ids elsewhere).

The renderer must produce the same ids: it uses `toc` with the default `slugify`, the same extensions, and can call
`slugify_heading` / `unique_anchor` for any id it derives itself.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.extensions import toc as _toc
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from reader.core.model import Heading

# The extension set of a MkDocs Material corpus that shapes block structure or heading text. Options that only change
# rendering (tabbed alternate_style, tasklist checkboxes) do not change ids; they are listed so the renderer can share
# this exact list.
HEADING_EXTENSIONS: tuple[str, ...] = (
    "toc",
    "attr_list",
    "admonition",
    "pymdownx.details",
    "pymdownx.tabbed",
    "pymdownx.superfences",
    "md_in_html",
    "footnotes",
    "abbr",
    "tables",
    "pymdownx.tasklist",
    "pymdownx.blocks.html",
)
HEADING_EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "pymdownx.tabbed": {"alternate_style": True},
    "toc": {"permalink": False},
}
# Shortcodes the renderer turns into markers (reader.core.render.markdown_setup): an icon leaves no text in a heading,
# an emoji leaves its Unicode character (which slugify drops). Same pattern and priorities as the renderer.
ICON_SHORTCODE = r":((?:material|fontawesome|octicons|simple)-[a-z0-9]+(?:-[a-z0-9]+)*):"


class _IconPattern(InlineProcessor):
    def handleMatch(  # type: ignore[override]  # the stubs type InlineProcessor's hook as Pattern's
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        return etree.Element("span"), m.start(0), m.end(0)


class _IconExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_IconPattern(ICON_SHORTCODE, md), "rl_icons", 76)


def _emoji_index(options: dict[str, Any], md: markdown.Markdown) -> dict[str, Any]:
    from pymdownx import emoji

    index: dict[str, Any] = emoji.twemoji(options, md)
    return index


def _emoji_alt(index: str, shortname: str, alias: str | None, uc: str | None, alt: str, title: str | None,
               category: str | None, options: dict[str, Any], md: markdown.Markdown) -> etree.Element:
    el = etree.Element("span")
    el.text = alt
    return el


def heading_markdown_kwargs() -> dict[str, Any]:
    """Markdown(**kwargs) for an instance whose toc ids match the renderer's, shortcodes included."""
    return {
        "extensions": [*HEADING_EXTENSIONS, "pymdownx.emoji", _IconExtension()],
        "extension_configs": {
            **HEADING_EXTENSION_CONFIGS,
            "pymdownx.emoji": {"emoji_index": _emoji_index, "emoji_generator": _emoji_alt},
        },
    }


# Only for the importer's own parse: syntax highlighting cannot change an id and Pygments is slow.
_IMPORT_ONLY_EXTENSIONS = ("pymdownx.highlight",)
_IMPORT_ONLY_CONFIGS = {"pymdownx.highlight": {"use_pygments": False}}
# Tree processors that cannot change a heading id (they run after toc, or only add classes/markup around text).
_SKIPPED_TREEPROCESSORS = ("prettify", "unescape", "abbr", "task-list", "footnote-duplicate")
TOC_SEPARATOR = "-"
_HEADING_TAG = re.compile(r"^h[1-6]$")


def slugify_heading(text: str) -> str:
    """The id `toc` gives a heading with this plain text (before de-duplication)."""
    return _toc.slugify(text, TOC_SEPARATOR)


def unique_anchor(anchor: str, used: set[str]) -> str:
    """`anchor`, or `anchor_1`, `anchor_2`... the way `toc` de-duplicates ids within one page."""
    return _toc.unique(anchor, used)


class _BlankNonHeadings(Treeprocessor):
    """Runs just before inline processing: empties the text of non-heading blocks so inline patterns skip them.

    Text that may carry an attr_list (`{: #id }`) is kept, because explicit ids take part in de-duplication.
    """

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if isinstance(el.tag, str) and not _HEADING_TAG.match(el.tag):
                if el.text and "{" not in el.text:
                    el.text = ""
                if el.tail and "{" not in el.tail:
                    el.tail = ""


_SPECIAL = re.compile(r"[&<>\\\x02\x03]")


class _CollectIds(Treeprocessor):
    """`toc`'s own id assignment (same helper functions, same order) without building the TOC HTML we never use."""

    def run(self, doc: etree.Element) -> None:
        used_ids = {el.attrib["id"] for el in doc.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        found: list[tuple[int, str, str]] = []
        for el in doc.iter():
            if isinstance(el.tag, str) and _HEADING_TAG.match(el.tag):
                text = el.text or ""
                if len(el) == 0 and not _SPECIAL.search(text):
                    # Plain text: serializing, unescaping and stripping tags would give back the same words.
                    name = " ".join(text.split())
                else:
                    name = _toc.strip_tags(_toc.render_inner_html(_toc.remove_fnrefs(el), self.md))
                if "id" not in el.attrib:
                    el.attrib["id"] = _toc.unique(slugify_heading(html.unescape(name)), used_ids, counters)
                if "data-toc-label" in el.attrib:
                    label = _toc.run_postprocessors(_toc.unescape(el.attrib["data-toc-label"]), self.md)
                    name = _toc.strip_tags(label)
                found.append((int(el.tag[-1]), _toc.unescape(el.attrib["id"]), html.unescape(name)))
        self.md.rl_headings = found  # type: ignore[attr-defined]


_local = threading.local()


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        kwargs = heading_markdown_kwargs()
        md = markdown.Markdown(
            extensions=[*kwargs["extensions"], *_IMPORT_ONLY_EXTENSIONS],
            extension_configs={**kwargs["extension_configs"], **_IMPORT_ONLY_CONFIGS},
        )
        md.treeprocessors.register(_BlankNonHeadings(md), "rl_blank_non_headings", 20.5)  # inline runs at 20
        md.treeprocessors.deregister("toc")
        md.treeprocessors.register(_CollectIds(md), "rl_collect_ids", 5)  # where toc runs
        for name in _SKIPPED_TREEPROCESSORS:
            if name in md.treeprocessors:
                md.treeprocessors.deregister(name)
        _local.md = md
    return md


_ATX = re.compile(r"^(#{1,6})(?!#)(.*)$")  # the closing #s are stripped in Python: no backtracking on long lines
_MAX_MATCH_TEXT = 1000  # heading text compared for line numbers; longer headings are cut (patterns stay cheap)
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ATTR = re.compile(r"\{[^}]*\}\s*$")
_CONTAINER_PREFIX = re.compile(r"^(?:\s*>)*\s*")


# A line of running text: starts with a letter and holds nothing that can open, close or mark a block.
_PLAIN_LINE = re.compile(r"^([ \t]*)[A-Za-z\u00c0-\u024f][^|<>`{}\\\x00-\x1f]*$")
_UNDERLINE = re.compile(r"^[ \t]*[=-]+[ \t]*$")


def _shrink(lines: list[str]) -> list[str]:
    """Running-text lines reduced to `x` (indent kept): the block structure, and so every heading, stays the same,
    while Python-Markdown has far less text to scan. A line above a setext underline is a heading and kept."""
    out = lines[:]
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if len(line) > 2:
            match = _PLAIN_LINE.match(line)
            if match and not (i < last and _UNDERLINE.match(lines[i + 1])):
                out[i] = match.group(1) + "x"
    return out


def toc_headings(body: str) -> list[tuple[int, str, str]]:
    """(level, id, plain text) of every heading of `body`, h1..h6, in document order."""
    md = _markdown()
    md.reset()
    md.rl_headings = []  # type: ignore[attr-defined]
    # Markdown.convert() minus serialization and postprocessors: we only need the tree's heading ids.
    lines = _shrink(body.split("\n"))
    for prep in md.preprocessors:
        lines = prep.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    assert root is not None  # parseDocument always makes a root element
    for processor in md.treeprocessors:
        new_root = processor.run(root)
        if new_root is not None:
            root = new_root
    return list(md.rl_headings)  # type: ignore[attr-defined]


def extract_headings(body: str, body_line: int = 1) -> tuple[Heading, ...]:
    """Headings with their toc ids and (best effort) their 1-based line in the source file."""
    found = toc_headings(body)
    if not found:
        return ()
    lines = body.split("\n")
    candidates = _heading_lines(lines)
    result: list[Heading] = []
    pos = 0
    for level, anchor, text in found:
        line = 0
        base = anchor.rsplit("_", 1)[0] if re.search(r"_\d+$", anchor) else anchor
        for index in range(pos, len(candidates)):
            number, cand_level, cand_text = candidates[index]
            if cand_level != level:
                continue
            if cand_text == text[:_MAX_MATCH_TEXT].strip():  # the common case: plain heading text, no need to slugify
                line = body_line + number
                pos = index + 1
                break
            explicit = "#" + anchor in cand_text
            slug = slugify_heading(_plain(cand_text))
            if explicit or slug in (anchor, base) or slugify_heading(text) == slug:
                line = body_line + number
                pos = index + 1
                break
        else:
            # Markup the quick normalisation does not undo: take the next unclaimed heading line of this level.
            for index in range(pos, len(candidates)):
                if candidates[index][1] == level:
                    line = body_line + candidates[index][0]
                    pos = index + 1
                    break
        result.append(Heading(level=level, text=text, anchor=anchor, line=line))
    return tuple(result)


_FOOTNOTE_REF = re.compile(r"\[\^[^\]]{0,100}\]")
_MD_LINK = re.compile(r"!?\[([^\]]{0,500})\]\([^)]{0,1000}\)")


def _plain(text: str) -> str:
    """Heading source text without attr_list, footnote references and link targets (for matching only)."""
    return _MD_LINK.sub(r"\1", _FOOTNOTE_REF.sub("", _ATTR.sub("", text)))


def _heading_lines(lines: list[str]) -> list[tuple[int, int, str]]:
    """(0-based line, level, raw text) of lines that look like ATX or setext headings, outside fences."""
    out: list[tuple[int, int, str]] = []
    fence: str | None = None
    for number, raw in enumerate(lines):
        stripped = _CONTAINER_PREFIX.sub("", raw, count=1)
        match = _FENCE.match(raw)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        atx = _ATX.match(stripped)
        if atx:
            out.append((number, len(atx.group(1)), atx.group(2)[:_MAX_MATCH_TEXT].rstrip().rstrip("#").strip()))
            continue
        if stripped.strip() and number + 1 < len(lines) and _SETEXT.match(lines[number + 1]):
            level = 1 if lines[number + 1].strip()[0] == "=" else 2
            out.append((number, level, stripped.strip()[:_MAX_MATCH_TEXT]))
    return out
