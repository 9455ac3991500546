"""The one Markdown pass of a page: its HTML and, from the same parse, what the rest of the pipeline needs.

MkDocs does the same: after `toc` has given every heading its id, a tree processor walks the document for
`a[href]`, `img[src]` and every element with an id. Raw HTML is not part of Python-Markdown's tree (it waits in the
HTML stash until the end), so the stashed fragments are read too; code inside them is already escaped, so a link
shown as code is never taken for a link. Source offsets are found afterwards by searching the page's Markdown for
what the parse found (Python-Markdown keeps no line numbers).

The importer runs this pass once per page (so `check` sees exactly what a build renders); `render_page` then works
on the stored HTML and parses Markdown only for a page that was built by hand, without the importer.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor

from reader.core.markdown_settings import MATERIAL_DEFAULTS, MarkdownSettings
from reader.core.render.markdown_setup import make_markdown, notes
from reader.core.render.source_lines import heading_lines

SUMMARY_MAX_CHARS = 300
_HEADING = {f"h{i}": i for i in range(1, 7)}
_STASH_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_ESCAPED_CHAR = re.compile("\x02(\\d+)\x03")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
# Attributes in a raw HTML fragment (bounded: a page is untrusted input).
_HTML_LINK = re.compile(
    r"""<(?P<tag>a|img|link|source|area)\b[^>]{0,1000}?"""
    r"""\b(?P<attr>href|src)\s*=\s*(?P<q>["'])(?P<href>[^"'\n]{0,2000})(?P=q)""",
    re.IGNORECASE,
)
_HTML_ID = re.compile(r"""<[A-Za-z][^>]{0,1000}?\b(?:id|name)\s*=\s*["']([^"'\n]{1,200})["']""")


@dataclass(frozen=True, slots=True)
class FoundHeading:
    level: int
    anchor: str
    text: str  # plain text, as toc names it
    line_index: int  # 0-based line of the Markdown source, -1 when not found


@dataclass(frozen=True, slots=True)
class FoundLink:
    href: str  # as written (after Markdown's own unescaping)
    offset: int  # in the Markdown source, -1 when the parse made the link itself (footnotes, permalinks)
    image: bool


@dataclass(frozen=True)
class MarkdownPass:
    html: str  # Python-Markdown's output, not yet sanitized
    headings: tuple[FoundHeading, ...]
    ids: frozenset[str]  # every id in the page: headings, attr_list ids, raw HTML ids and names
    links: tuple[FoundLink, ...]  # in source order
    opening: str  # plain text of the first top-level paragraph (a derived summary starts from it)
    abbreviations: dict[str, str]  # the page's own definitions (not the corpus glossary's)
    # What the pass left out and `check` names: (problem code, message, source text to find the line by), e.g. a
    # template tag (render.hook_equivalents).
    notes: tuple[tuple[str, str, str], ...] = ()


class _Collect(Treeprocessor):
    """Runs last (after toc and unescape): reads headings, ids and links off the finished tree."""

    def run(self, root: etree.Element) -> None:
        found = _Found()
        names = _toc_names(self.md)
        for el in root.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue
            ident = el.get("id")
            if ident:
                found.ids.add(ident)
                if tag in _HEADING:
                    text = names.get(ident)
                    if text is None:
                        text = " ".join(_plain(self.md, "".join(el.itertext())).split())
                    found.headings.append((_HEADING[tag], ident, text))
            if tag == "a" and el.get("href") is not None:
                found.links.append((el.get("href") or "", False))
            elif tag == "img" and el.get("src") is not None:
                found.links.append((el.get("src") or "", True))
        found.opening = _opening(self.md, root)
        self.md.rl_found = found  # type: ignore[attr-defined]


class _Found:
    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.headings: list[tuple[int, str, str]] = []
        self.links: list[tuple[str, bool]] = []
        self.opening = ""


def _toc_names(md: markdown.Markdown) -> dict[str, str]:
    """id -> plain heading text as `toc` gives it (it honours data-toc-label, which it removes from the tree)."""
    names: dict[str, str] = {}
    stack = list(getattr(md, "toc_tokens", ()))
    while stack:
        token = stack.pop()
        names.setdefault(str(token["id"]), html.unescape(str(token["name"])))
        stack.extend(token.get("children", ()))
    return names


def _plain(md: markdown.Markdown, text: str) -> str:
    """Tree text without the stash placeholders of inline raw HTML (their text kept) and escaped characters."""
    if "\x02" not in text:
        return text
    stash = md.htmlStash.rawHtmlBlocks

    def stashed(m: re.Match[str]) -> str:
        index = int(m.group(1))
        item = stash[index] if index < len(stash) else ""
        raw = item if isinstance(item, str) else "".join(item.itertext())
        return html.unescape(_TAGS.sub("", raw))

    text = _STASH_PLACEHOLDER.sub(stashed, text)
    return _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1))), text)


def _opening(md: markdown.Markdown, root: etree.Element) -> str:
    """The text of the first paragraph at the top of the page that has any (not one inside a note or a list)."""
    for child in root:
        if child.tag != "p" or (len(child) == 0 and _STASH_PLACEHOLDER.fullmatch((child.text or "").strip())):
            continue  # a raw HTML block or a fenced code block waits in the stash as a paragraph of its own
        text = " ".join(_plain(md, "".join(_visible_itertext(child))).split())
        if text:
            return text
    return ""


def _visible_itertext(el: etree.Element) -> Any:
    """itertext without footnote references (a summary has no place for a bare "1")."""
    if el.text and el.get("class") != "footnote-ref":
        yield el.text
    for child in el:
        if not (child.tag == "sup" and "footnote-ref" in (child.get("class") or "")):
            yield from _visible_itertext(child)
        if child.tail:
            yield child.tail


def _stash_scan(md: markdown.Markdown, found: _Found) -> None:
    """Links and ids of the raw HTML fragments (comments and scripts left out, as the sanitizer drops them)."""
    for item in md.htmlStash.rawHtmlBlocks:
        if isinstance(item, str):
            if "<" not in item or ("=" not in item):
                continue
            text = _SCRIPT.sub("", _COMMENT.sub("", item)) if ("<!--" in item or "<s" in item.lower()) else item
            for m in _HTML_LINK.finditer(text):
                found.links.append((html.unescape(m.group("href").strip()), m.group("attr").lower() == "src"))
            found.ids.update(html.unescape(v) for v in _HTML_ID.findall(text))
        else:  # an md_in_html element that stayed in the stash
            for el in item.iter():
                if el.get("id"):
                    found.ids.add(el.get("id") or "")
                if el.tag == "a" and el.get("href") is not None:
                    found.links.append((el.get("href") or "", False))
                elif el.tag == "img" and el.get("src") is not None:
                    found.links.append((el.get("src") or "", True))


class _GlossaryWins(Treeprocessor):
    """Before `abbr` applies the definitions: a glossary entry wins over the page's own definition of the same
    abbreviation, as it did when MkDocs appended the glossary after the page (the later definition wins)."""

    def __init__(self, md: markdown.Markdown, abbrs: dict[str, Any], glossary: dict[str, Any]) -> None:
        super().__init__(md)
        self.abbrs = abbrs
        self.glossary = glossary

    def run(self, root: etree.Element) -> None:
        self.abbrs.update(self.glossary)


_local = threading.local()


def _converter(settings: MarkdownSettings) -> markdown.Markdown:
    """A converter per thread and settings, with the collector registered; building one costs ~10 ms."""
    cache: dict[str, markdown.Markdown] | None = getattr(_local, "converters", None)
    if cache is None:
        cache = _local.converters = {}
    md = cache.get(settings.key)
    if md is None:
        if len(cache) >= 4:  # a few corpora side by side (tests, threads); never one per page
            cache.clear()
        md = make_markdown(settings)
        md.treeprocessors.register(_Collect(md), "rl_collect", -10)  # after toc (5) and unescape (0)
        abbr = next((e for e in md.registeredExtensions if hasattr(e, "glossary") and hasattr(e, "abbrs")), None)
        if abbr is not None and settings.glossary:
            md.treeprocessors.register(
                _GlossaryWins(md, abbr.abbrs, dict(settings.glossary)), "rl_glossary_wins", 7.5
            )
        cache[settings.key] = md
    md.reset()
    return md


def markdown_pass(body: str, settings: MarkdownSettings | None = None) -> MarkdownPass:
    """Render `body` (Markdown, front matter removed) once and collect headings, ids, links and the opening text.

    `settings`: the corpus's Markdown configuration, glossary included (None: the reader's defaults).
    """
    settings = MATERIAL_DEFAULTS if settings is None else settings
    md = _converter(settings)
    md.rl_found = _Found()  # type: ignore[attr-defined]
    out = md.convert(body)
    found: _Found = md.rl_found  # type: ignore[attr-defined]
    tree_links = list(found.links)
    found.links = []
    _stash_scan(md, found)
    links = _locate_links(body, tree_links) + _locate_links(body, found.links)
    links.sort(key=lambda link: (link.offset < 0, link.offset))
    abbr = md.treeprocessors["abbr"] if "abbr" in md.treeprocessors else None
    known = settings.glossary
    abbreviations = {k: v for k, v in (getattr(abbr, "abbrs", None) or {}).items() if known.get(k) != v}
    return MarkdownPass(
        html=out,
        headings=tuple(_locate_headings(body, found.headings)),
        ids=frozenset(found.ids),
        links=tuple(links),
        opening=found.opening,
        abbreviations=abbreviations,
        notes=tuple(notes(md)),
    )


def _locate_links(body: str, links: list[tuple[str, bool]]) -> list[FoundLink]:
    """Each link with the offset of its href in the source: the next occurrence after the previous link's, else the
    first (a reference link's target is written in its definition, usually further down)."""
    out: list[FoundLink] = []
    cursor = 0
    for href, image in links:
        offset = body.find(href, cursor) if href else -1
        if offset < 0 and href:
            offset = body.find(href)
        if offset >= 0:
            cursor = offset + len(href)
        out.append(FoundLink(href, offset, image))
    return out


def _locate_headings(body: str, headings: list[tuple[int, str, str]]) -> list[FoundHeading]:
    indexes = heading_lines(body, headings)
    return [FoundHeading(level, anchor, text, index)
            for (level, anchor, text), index in zip(headings, indexes, strict=True)]


def derived_summary(opening: str) -> str:
    """A summary made from the opening paragraph's text: at most SUMMARY_MAX_CHARS, cut at a word."""
    text = " ".join(opening.split())
    if len(text) > SUMMARY_MAX_CHARS:
        text = text[: SUMMARY_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text
